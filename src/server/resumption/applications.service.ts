import type {
  Actor,
  ApplicationAction,
  ApplicationEvent,
  ConditionList,
  ResumptionApplication,
  ResumptionPlan,
  SelfAssessmentAnswers,
} from '../../domain/resumption/index.ts';
import {
  APPLICATION_STATUS_LABELS,
  MODE_LABELS,
  REFUSAL_REASONS,
  availableActions,
  createApplication,
  createCheckTask,
  currentNotice,
  isApplicationOverdue,
  overdueReviews,
  signCommitment,
  statusChangeOnResumption,
  transition,
  validatePlan,
} from '../../domain/resumption/index.ts';
import type { SessionUser } from '../access/session-user.ts';
import type { AuditActor } from '../audit/audit.ts';
import { writeAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import type { EnterpriseRow } from '../db/schema.ts';
import { badRequest, conflict, fieldProblem, forbidden, notFound } from '../http/problem.ts';
import { SYSTEM_ACTOR, actorOf, shanghaiDay } from './actors.ts';
import { columnsOf, findApplicationRow, hydrate, saveIfUnchanged, syncReviews, utc } from './applications.store.ts';
import { renderCommitmentPdf } from './commitment-pdf.ts';
import type { Q } from './config.store.ts';
import { loadSettings } from './config.store.ts';
import { decideFor } from './enterprise-context.ts';
import { eventDto, recordEvents } from './events.ts';
import { fileDto, resolveAttachments, storeFile } from './files.ts';
import { insertCheckTask, officerFor } from './inspection.service.ts';
import { Notices } from './notify.ts';
import { applicationScope } from './scope.ts';
import { applyStatusChange, withRollup } from './status.service.ts';

async function enterpriseRow(db: Q, id: number): Promise<EnterpriseRow> {
  const e = await db.selectFrom('enterprises').selectAll().where('id', '=', id).executeTakeFirst();
  if (!e) throw notFound('企业不存在');
  return e;
}

function mine(user: SessionUser): number {
  if (user.role !== 'ent_admin' || !user.enterpriseId) throw forbidden('只有企业管理员可以办理本企业的复工申请');
  return user.enterpriseId;
}

/** What the enterprise sees before filing: its risk level, how it resumes, the list, the lead department. */
export async function myResumption(app: AppContext, user: SessionUser) {
  const enterpriseId = mine(user);
  const k = app.db.kysely;
  const e = await enterpriseRow(k, enterpriseId);
  const today = shanghaiDay(app.clock.now());
  const d = await decideFor(k, e, today);
  const apps = await k
    .selectFrom('resumption_applications')
    .select(['id', 'status', 'mode', 'created_at', 'updated_at', 'version'])
    .where('enterprise_id', '=', enterpriseId)
    .orderBy('id', 'desc')
    .execute();
  const status = await k
    .selectFrom('resumption_enterprise_status')
    .selectAll()
    .where('enterprise_id', '=', enterpriseId)
    .executeTakeFirst();
  return {
    enterprise: { id: e.id, name: e.name, creditCode: e.credit_code, countyCode: e.county_code, zoneCode: e.zone_code },
    date: today,
    level: d.level ? { level: d.level.level, effectiveFrom: d.level.effectiveFrom, areaCode: d.level.areaCode } : null,
    mode: d.decision?.mode ?? null,
    modeLabel: d.decision ? MODE_LABELS[d.decision.mode] : '所在区域尚未设定风险等级',
    greenChannel: d.decision?.greenChannel ?? false,
    reasons: d.decision?.reasons ?? [],
    sources: d.decision?.sources ?? [],
    leadDepartment: d.lead ? { id: d.lead.departmentId, name: d.lead.departmentName } : null,
    conditionList: d.list ?? null,
    status: status
      ? { status: status.status, workersBack: status.workers_back, normalHeadcount: status.normal_headcount }
      : null,
    applications: apps.map((a) => ({
      id: a.id,
      status: a.status,
      statusLabel: APPLICATION_STATUS_LABELS[a.status as keyof typeof APPLICATION_STATUS_LABELS] ?? a.status,
      mode: a.mode,
      modeLabel: MODE_LABELS[a.mode as keyof typeof MODE_LABELS] ?? a.mode,
      createdAt: a.created_at,
      updatedAt: a.updated_at,
      version: a.version,
    })),
  };
}

/** A new draft for the signed-in enterprise, with the mode its area's level gives today. */
export async function createDraft(app: AppContext, user: SessionUser, actor: AuditActor) {
  const enterpriseId = mine(user);
  const now = app.clock.now();
  const at = now.toISOString();
  return app.db.kysely.transaction().execute(async (trx) => {
    const e = await enterpriseRow(trx, enterpriseId);
    const open = await trx
      .selectFrom('resumption_applications')
      .select('id')
      .where('enterprise_id', '=', enterpriseId)
      .where('status', 'not in', ['resumed', 'refused', 'withdrawn'])
      .executeTakeFirst();
    if (open) throw conflict(`复工申请：已有办理中的申请（编号 ${open.id}），请继续办理或先撤回`);
    const d = await decideFor(trx, e, shanghaiDay(now));
    if (!d.level || !d.decision)
      throw fieldProblem('enterpriseId', '风险等级：企业所在区域尚未设定风险等级，暂不能申请');
    const inserted = await trx
      .insertInto('resumption_applications')
      .values({
        enterprise_id: enterpriseId,
        county_code: e.county_code,
        zone_code: e.zone_code,
        lead_department_id: d.lead?.departmentId ?? 0,
        status: 'draft',
        mode: d.decision.mode,
        green_channel: 0,
        priority: 0,
        version: 0,
        round: 0,
        list_id: null,
        list_version: null,
        created_at: at,
        submitted_at: null,
        accepted_at: null,
        due_at: null,
        updated_at: at,
        state: '{}',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const r = createApplication(
      {
        id: String(inserted.id),
        enterpriseId: String(enterpriseId),
        enterpriseName: e.name,
        regionCode: e.zone_code ?? e.county_code,
        leadDepartmentCode: d.lead ? String(d.lead.departmentId) : '',
        decision: d.decision,
      },
      actorOf(user),
      at,
    );
    if (!r.ok)
      throw badRequest(
        r.error,
        'application',
        (r.issues ?? [r.error]).map((m) => ({ field: 'application', message: m })),
      );
    await trx
      .updateTable('resumption_applications')
      .set(columnsOf(r.state, at))
      .where('id', '=', inserted.id)
      .execute();
    await recordEvents(trx, { enterpriseId, applicationId: inserted.id }, r.events);
    await writeAudit(
      trx,
      app.db.dialect,
      actor,
      {
        action: 'resumption.application.create',
        objectType: 'resumption_application',
        objectId: inserted.id,
        after: { mode: r.state.mode, greenChannel: r.state.greenChannel },
        summary: `创建复工申请（${MODE_LABELS[r.state.mode]}）`,
      },
      now,
    );
    return { id: inserted.id, version: r.state.version, mode: r.state.mode };
  });
}

export interface ApplicationQuery {
  status?: string;
  queue?: 'lead' | 'review' | 'overdue';
  page: number;
  pageSize: number;
}

export async function listApplications(app: AppContext, user: SessionUser, q: ApplicationQuery) {
  const k = app.db.kysely;
  const nowIso = app.clock.now().toISOString();
  let base = k
    .selectFrom('resumption_applications')
    .innerJoin('enterprises', 'enterprises.id', 'resumption_applications.enterprise_id')
    .where(applicationScope(user));
  if (q.status) base = base.where('resumption_applications.status', '=', q.status);
  if (q.queue === 'lead') {
    base = base
      .where('resumption_applications.lead_department_id', '=', user.departmentId ?? -1)
      .where('resumption_applications.status', 'in', ['submitted', 'resubmitted']);
  }
  if (q.queue === 'review') {
    const d = user.departmentId ?? -1;
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('resumption_reviews')
          .select('resumption_reviews.application_id')
          .whereRef('resumption_reviews.application_id', '=', 'resumption_applications.id')
          .whereRef('resumption_reviews.round', '=', 'resumption_applications.round')
          .where('resumption_reviews.department_id', '=', d)
          .where('resumption_reviews.decision', 'is', null)
          .where('resumption_reviews.cancelled_at', 'is', null),
      ),
    );
  }
  if (q.queue === 'overdue') {
    base = base
      .where('resumption_applications.status', 'in', ['accepted', 'under_review'])
      .where('resumption_applications.due_at', '<', nowIso);
  }
  const [rows, count] = await Promise.all([
    base
      .select([
        'resumption_applications.id',
        'resumption_applications.enterprise_id',
        'enterprises.name as enterprise_name',
        'resumption_applications.county_code',
        'resumption_applications.status',
        'resumption_applications.mode',
        'resumption_applications.green_channel',
        'resumption_applications.version',
        'resumption_applications.submitted_at',
        'resumption_applications.accepted_at',
        'resumption_applications.due_at',
        'resumption_applications.updated_at',
        'resumption_applications.lead_department_id',
      ])
      .orderBy('resumption_applications.id', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      enterpriseId: r.enterprise_id,
      enterpriseName: r.enterprise_name,
      countyCode: r.county_code,
      countyName: app.regions.name(r.county_code) ?? r.county_code,
      status: r.status,
      statusLabel: APPLICATION_STATUS_LABELS[r.status as keyof typeof APPLICATION_STATUS_LABELS] ?? r.status,
      mode: r.mode,
      modeLabel: MODE_LABELS[r.mode as keyof typeof MODE_LABELS] ?? r.mode,
      greenChannel: r.green_channel === 1,
      version: r.version,
      submittedAt: r.submitted_at,
      acceptedAt: r.accepted_at,
      dueAt: r.due_at,
      overdue: (r.status === 'accepted' || r.status === 'under_review') && r.due_at !== null && r.due_at < nowIso,
      updatedAt: r.updated_at,
      leadDepartmentId: r.lead_department_id,
    })),
    total: Number(count.n),
  };
}

async function loadVisible(app: AppContext, user: SessionUser, id: number) {
  const row = await app.db.kysely
    .selectFrom('resumption_applications')
    .selectAll()
    .where('id', '=', id)
    .where(applicationScope(user))
    .executeTakeFirst();
  if (!row) throw notFound('复工申请不存在');
  return row;
}

export async function getApplication(app: AppContext, user: SessionUser, id: number) {
  const row = await loadVisible(app, user, id);
  const state = await hydrate(app.db, row);
  const now = app.clock.now().toISOString();
  const events = await app.db.kysely
    .selectFrom('resumption_events')
    .selectAll()
    .where('application_id', '=', id)
    .orderBy('id')
    .execute();
  const dept = await app.db.kysely
    .selectFrom('departments')
    .select(['id', 'name'])
    .where('id', '=', row.lead_department_id)
    .executeTakeFirst();
  return {
    id: row.id,
    enterpriseId: row.enterprise_id,
    countyCode: row.county_code,
    countyName: app.regions.name(row.county_code) ?? row.county_code,
    leadDepartment: dept ? { id: dept.id, name: dept.name } : null,
    statusLabel: APPLICATION_STATUS_LABELS[state.status],
    modeLabel: MODE_LABELS[state.mode],
    overdue: isApplicationOverdue(state, now),
    overdueReviews: overdueReviews(state, now).map((r) => r.departmentCode),
    currentNotice: currentNotice(state) ?? null,
    actions: availableActions(state, actorOf(user), now),
    refusalReasons: REFUSAL_REASONS,
    application: state,
    timeline: events.map(eventDto),
  };
}

/** Input of an application action from the API (the server fills the version for parallel reviews). */
export type ActionInput =
  | {
      type: 'edit';
      version?: number;
      plan?: ResumptionPlan | null;
      preventionPlan?: { fileId: string } | null;
      answers?: Record<string, unknown>;
    }
  | { type: 'submit'; version?: number }
  | { type: 'resubmit'; version?: number; response?: string }
  | { type: 'request_correction'; version?: number; missing: { itemId: string; note: string }[] }
  | { type: 'accept'; version?: number; departmentIds: number[] }
  | {
      type: 'review';
      version?: number;
      decision: 'approve' | 'reject' | 'return';
      reasons?: { code: string; note?: string }[];
      missing?: { itemId: string; note: string }[];
      comment?: string;
      /** The command centre deciding for an overdue, escalated department. */
      onBehalfOf?: number;
    }
  | { type: 'withdraw'; version?: number; reason: string };

const ACTION_LABEL: Record<ActionInput['type'], string> = {
  edit: '修改申请材料',
  submit: '提交申请',
  resubmit: '补正后重新提交',
  request_correction: '一次性告知补正',
  accept: '受理并分送并联审查',
  review: '部门审查',
  withdraw: '撤回申请',
};

async function toDomainAction(
  app: AppContext,
  trx: Q,
  user: SessionUser,
  state: ResumptionApplication,
  input: ActionInput,
  version: number,
  row: { enterprise_id: number },
): Promise<ApplicationAction> {
  switch (input.type) {
    case 'edit': {
      const pkg: {
        plan?: ResumptionPlan | null;
        preventionPlan?: ResumptionApplication['package']['preventionPlan'];
        answers?: SelfAssessmentAnswers;
      } = {};
      if (input.plan !== undefined) {
        if (input.plan) {
          const v = validatePlan(input.plan);
          if (!v.ok)
            throw badRequest(
              v.errors.map((e) => e.message).join('；'),
              'plan',
              v.errors.map((e) => ({ field: `plan.${e.field}`, message: e.message })),
            );
        }
        pkg.plan = input.plan;
      }
      if (input.preventionPlan !== undefined) {
        pkg.preventionPlan = input.preventionPlan
          ? (await resolveAttachments(trx, row.enterprise_id, [input.preventionPlan], 'preventionPlan'))[0]!
          : null;
      }
      if (input.answers !== undefined) {
        const answers: Record<string, unknown> = {};
        for (const [id, a] of Object.entries(input.answers)) {
          // The API names a material answer's uploads `files`; the domain (and what is stored) calls the resolved
          // references `attachments`.
          const x = a as {
            kind?: string;
            files?: { fileId: string }[];
            attachments?: { fileId: string }[];
            note?: string;
          };
          answers[id] =
            x && x.kind === 'material'
              ? {
                  kind: 'material',
                  attachments: await resolveAttachments(
                    trx,
                    row.enterprise_id,
                    x.files ?? x.attachments ?? [],
                    `answers.${id}`,
                  ),
                  ...(x.note ? { note: x.note } : {}),
                }
              : a;
        }
        pkg.answers = answers as SelfAssessmentAnswers;
      }
      return { type: 'edit', expectedVersion: version, package: pkg };
    }
    case 'submit': {
      const e = await enterpriseRow(trx, row.enterprise_id);
      const d = await decideFor(trx, e, shanghaiDay(app.clock.now()));
      const list: ConditionList | null = state.conditionList ?? d.list ?? null;
      return { type: 'submit', expectedVersion: version, conditionList: list };
    }
    case 'resubmit':
      return { type: 'resubmit', expectedVersion: version, ...(input.response ? { response: input.response } : {}) };
    case 'request_correction':
      return { type: 'request_correction', expectedVersion: version, missing: input.missing };
    case 'accept': {
      const ids = [...new Set(input.departmentIds)];
      const depts = ids.length
        ? await trx.selectFrom('departments').select(['id', 'name']).where('id', 'in', ids).execute()
        : [];
      if (depts.length !== ids.length) throw fieldProblem('departmentIds', '审查部门：包含不存在的部门');
      return {
        type: 'accept',
        expectedVersion: version,
        departments: depts.map((d) => ({ departmentCode: String(d.id), departmentName: d.name })),
      };
    }
    case 'review': {
      const command = input.onBehalfOf !== undefined && (user.role === 'leader' || user.role === 'admin');
      if (!command && (user.role !== 'dept' || !user.departmentId))
        throw fieldProblem('decision', '审查结论：只有被分送的部门审核人员可以作出');
      const decision =
        input.decision === 'approve'
          ? ({ kind: 'approve' } as const)
          : input.decision === 'reject'
            ? ({
                kind: 'reject',
                reasons: (input.reasons ?? []).map((r) => ({ code: r.code, ...(r.note ? { note: r.note } : {}) })),
              } as const)
            : ({ kind: 'return', missing: input.missing ?? [] } as const);
      return {
        type: 'review',
        expectedVersion: version,
        departmentCode: String(command ? input.onBehalfOf : user.departmentId),
        decision: decision as never,
        ...(input.comment ? { comment: input.comment } : {}),
      };
    }
    case 'withdraw':
      return { type: 'withdraw', expectedVersion: version, reason: input.reason };
  }
}

/**
 * Applies an action with optimistic concurrency: `WHERE version = n`. A review is independent of the other parallel
 * reviews, so on a lost race it is re-applied to the fresh state; every other action given a stale version is 409.
 */
export async function actOnApplication(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  id: number,
  input: ActionInput,
) {
  await loadVisible(app, user, id);
  const domainActor = actorOf(user);
  for (let attempt = 0; attempt < 8; attempt++) {
    const result = await app.db.kysely.transaction().execute(async (trx) => {
      const row = await findApplicationRow(trx, id);
      if (!row) throw notFound('复工申请不存在');
      const state = await hydrate(app.db, row, trx);
      const retryable = input.type === 'review';
      if (input.version !== undefined && input.version !== row.version && !retryable) {
        throw conflict(
          `申请已被他人更新（当前为第${row.version}版，您操作的是第${input.version}版），请刷新后重试`,
          'version',
        );
      }
      const now = app.clock.now();
      const at = now.toISOString();
      const action = await toDomainAction(app, trx, user, state, input, row.version, row);
      const r = transition(state, action, domainActor, at);
      if (!r.ok)
        throw badRequest(
          r.error,
          input.type,
          (r.issues ?? [r.error]).map((m) => ({ field: input.type, message: m })),
        );
      if (!(await saveIfUnchanged(trx, id, row.version, r.state, at))) return 'retry' as const;
      await syncReviews(trx, id, r.state);
      await afterTransition(app, trx, row.enterprise_id, id, r.state, r.events, domainActor, now);
      await writeAudit(
        trx,
        app.db.dialect,
        actor,
        {
          action: `resumption.application.${input.type}`,
          objectType: 'resumption_application',
          objectId: id,
          before: { status: state.status, version: state.version },
          after: { status: r.state.status, version: r.state.version },
          summary: `${ACTION_LABEL[input.type]}：${APPLICATION_STATUS_LABELS[state.status]} → ${APPLICATION_STATUS_LABELS[r.state.status]}`,
        },
        now,
      );
      return {
        id,
        status: r.state.status,
        statusLabel: APPLICATION_STATUS_LABELS[r.state.status],
        version: r.state.version,
      };
    });
    if (result !== 'retry') return result;
    if (input.type !== 'review') throw conflict('申请已被他人更新，请刷新后重试', 'version');
  }
  throw conflict('申请正被多人同时处理，请稍后重试', 'version');
}

/** Side effects of the events of one transition, in the same transaction: timeline, status, checks, notifications. */
export async function afterTransition(
  app: AppContext,
  trx: Q,
  enterpriseId: number,
  applicationId: number,
  state: ResumptionApplication,
  events: readonly ApplicationEvent[],
  actor: Actor,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  await recordEvents(trx, { enterpriseId, applicationId }, events);
  const notices = new Notices();
  const link = `/resumption/applications/${applicationId}`;
  for (const ev of events) {
    switch (ev.type) {
      case 'submitted':
      case 'resubmitted':
        if (state.status === 'submitted' || state.status === 'resubmitted')
          notices.toDepartments([Number(state.leadDepartmentCode)], {
            kind: 'resumption.intake',
            title: `待受理复工申请：${state.enterpriseName}`,
            body: ev.message,
            link,
          });
        break;
      case 'review_dispatched':
      case 'accepted':
        if (ev.type === 'accepted') {
          const depts = state.reviews.filter((r) => r.round === state.round).map((r) => Number(r.departmentCode));
          notices.toDepartments(depts, {
            kind: 'resumption.review',
            title: `待审查复工申请：${state.enterpriseName}`,
            body: `请于${state.dueDate ?? ''}前作出审查意见（2个工作日内答复）`,
            link,
          });
          notices.toEnterprise(enterpriseId, {
            kind: 'resumption.accepted',
            title: '复工申请已受理',
            body: ev.message,
            link,
          });
        }
        break;
      case 'correction_requested':
      case 'returned_for_correction':
        notices.toEnterprise(enterpriseId, {
          kind: 'resumption.correction',
          title: '复工申请需补正',
          body: ev.message,
          link,
        });
        break;
      case 'refused':
        notices.toEnterprise(enterpriseId, {
          kind: 'resumption.refused',
          title: '复工申请未获准',
          body: ev.message,
          link,
        });
        break;
      case 'review_escalated':
        notices.toCommandCentre(enterpriseId, {
          kind: 'resumption.overdue',
          title: `复工申请审查超时：${state.enterpriseName}`,
          body: ev.message,
          link,
        });
        break;
      case 'resumed': {
        notices.toEnterprise(enterpriseId, { kind: 'resumption.resumed', title: '准予复工', body: ev.message, link });
        await withRollup(trx, app.db, enterpriseId, now, async () => {
          const status = await trx
            .selectFrom('resumption_enterprise_status')
            .selectAll()
            .where('enterprise_id', '=', enterpriseId)
            .executeTakeFirstOrThrow();
          const planned = state.package.plan?.batches.reduce(
            (s, b) => s + b.keyPostStaff + b.otherLocalStaff + b.otherNonLocalStaff,
            0,
          );
          if (planned) {
            await trx
              .updateTable('resumption_enterprise_status')
              .set({ planned_headcount: planned })
              .where('enterprise_id', '=', enterpriseId)
              .execute();
          }
          const change = statusChangeOnResumption(state, {
            workersBack: status.workers_back,
            normalHeadcount: status.normal_headcount,
          });
          if (change && status.status !== 'stopped') {
            const res = await applyStatusChange(
              trx,
              enterpriseId,
              change,
              actor.role === 'system' ? SYSTEM_ACTOR : actor,
              now,
              {
                applicationId,
              },
            );
            if (!res.ok) throw badRequest(res.error, 'status');
          }
          const from = state.outcome?.kind === 'resumed' ? state.outcome.fromDate : shanghaiDay(now);
          return { result: null, from: from < shanghaiDay(now) ? from : shanghaiDay(now) };
        });
        break;
      }
      case 'post_check_required': {
        if (!state.conditionList) break;
        const e = await enterpriseRow(trx, enterpriseId);
        const assignee = await officerFor(trx, e);
        if (!assignee) break;
        const settings = await loadSettings(trx);
        const from = state.outcome?.kind === 'resumed' ? state.outcome.decidedAt : at;
        const task = createCheckTask(
          {
            id: 'pending',
            kind: 'post_resumption',
            enterpriseId: String(enterpriseId),
            enterpriseName: e.name,
            applicationId: String(applicationId),
            assigneeId: String(assignee.id),
            assigneeRole: assignee.liaison ? 'liaison' : 'grid_officer',
            checklist: state.conditionList,
            from,
          },
          SYSTEM_ACTOR,
          at,
          settings.inspection,
        );
        if (task.ok) await insertCheckTask(trx, e, task.state, task.events, at, applicationId);
        break;
      }
      default:
        break;
    }
  }
  await notices.send(trx, at);
}

// ───────────────────────────── commitment letter ─────────────────────────────

export async function signLetter(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  id: number,
  input: { signerName: string; signerTitle: string; version?: number },
) {
  const row = await loadVisible(app, user, id);
  if (user.role !== 'ent_admin' || row.enterprise_id !== user.enterpriseId) {
    throw fieldProblem('signerName', '签署人：承诺书只能由申请企业签署');
  }
  const enterpriseId = row.enterprise_id;
  const now = app.clock.now();
  const at = now.toISOString();
  return app.db.kysely.transaction().execute(async (trx) => {
    const fresh = (await findApplicationRow(trx, id))!;
    if (input.version !== undefined && input.version !== fresh.version) {
      throw conflict(`申请已被他人更新（当前为第${fresh.version}版），请刷新后重试`, 'version');
    }
    const state = await hydrate(app.db, fresh, trx);
    const e = await enterpriseRow(trx, enterpriseId);
    const d = await decideFor(trx, e, shanghaiDay(now));
    const dept = await trx
      .selectFrom('departments')
      .select('name')
      .where('id', '=', fresh.lead_department_id)
      .executeTakeFirst();
    const list = state.conditionList ?? d.list;
    const signed = signCommitment({
      enterpriseName: e.name,
      creditCode: e.credit_code,
      recipient: dept?.name ?? '',
      listTitle: list?.title ?? '',
      signerName: input.signerName,
      signerTitle: input.signerTitle,
      signedAt: at,
    });
    if (!signed.ok)
      throw badRequest(
        signed.errors.join('；'),
        'signerName',
        signed.errors.map((m) => ({ field: 'commitment', message: m })),
      );
    const pdf = await renderCommitmentPdf({
      letter: signed.letter,
      signerName: signed.commitment.signerName,
      signerTitle: signed.commitment.signerTitle,
      signedAt: at,
      enterpriseName: e.name,
      applicationId: id,
    });
    const file = await storeFile(app, trx, {
      enterpriseId,
      purpose: 'commitment',
      name: `复工复产承诺书-${id}.pdf`,
      content: pdf,
      mediaType: 'application/pdf',
      uploadedBy: user.id,
    });
    const r = transition(
      state,
      {
        type: 'edit',
        expectedVersion: fresh.version,
        package: { commitment: { ...signed.commitment, pdfFileId: file.id } },
      },
      actorOf(user),
      at,
    );
    if (!r.ok) throw badRequest(r.error, 'commitment');
    if (!(await saveIfUnchanged(trx, id, fresh.version, r.state, at)))
      throw conflict('申请已被他人更新，请刷新后重试', 'version');
    await recordEvents(trx, { enterpriseId, applicationId: id }, r.events);
    await writeAudit(
      trx,
      app.db.dialect,
      actor,
      {
        action: 'resumption.application.sign',
        objectType: 'resumption_application',
        objectId: id,
        after: { signerName: signed.commitment.signerName, fileId: file.id },
        summary: `签署复工复产承诺书（${signed.commitment.signerName}）`,
      },
      now,
    );
    return { version: r.state.version, commitment: { ...signed.commitment, pdfFileId: file.id }, file };
  });
}

// ───────────────────────────── overdue ─────────────────────────────

/** Flags and escalates overdue reviews to the command centre (scheduled hourly; idempotent). */
export async function escalateOverdue(app: AppContext, actor: AuditActor): Promise<{ escalated: number }> {
  const now = app.clock.now();
  const at = now.toISOString();
  const rows = await app.db.kysely
    .selectFrom('resumption_applications')
    .selectAll()
    .where('status', 'in', ['accepted', 'under_review'])
    .where('due_at', '<', at)
    .execute();
  let escalated = 0;
  for (const row of rows) {
    const state = await hydrate(app.db, row);
    if (!overdueReviews(state, at).some((r) => !r.escalatedAt)) continue;
    await app.db.kysely.transaction().execute(async (trx) => {
      const r = transition(state, { type: 'escalate_overdue', expectedVersion: row.version }, SYSTEM_ACTOR, at);
      if (!r.ok) return;
      if (!(await saveIfUnchanged(trx, row.id, row.version, r.state, at))) return;
      await syncReviews(trx, row.id, r.state);
      await afterTransition(app, trx, row.enterprise_id, row.id, r.state, r.events, SYSTEM_ACTOR, now);
      await writeAudit(
        trx,
        app.db.dialect,
        actor,
        {
          action: 'resumption.application.escalate',
          objectType: 'resumption_application',
          objectId: row.id,
          summary: '审查超过2个工作日，上报指挥部',
        },
        now,
      );
      escalated++;
    });
  }
  return { escalated };
}

/** Overdue reviews in the user's scope, for the command centre. */
export async function overdueReviewList(app: AppContext, user: SessionUser) {
  const at = app.clock.now().toISOString();
  const rows = await app.db.kysely
    .selectFrom('resumption_reviews')
    .innerJoin('resumption_applications', 'resumption_applications.id', 'resumption_reviews.application_id')
    .innerJoin('enterprises', 'enterprises.id', 'resumption_applications.enterprise_id')
    .where(applicationScope(user))
    .whereRef('resumption_reviews.round', '=', 'resumption_applications.round')
    .where('resumption_reviews.decision', 'is', null)
    .where('resumption_reviews.cancelled_at', 'is', null)
    .where('resumption_reviews.due_at', '<', at)
    .select([
      'resumption_reviews.application_id',
      'resumption_reviews.department_id',
      'resumption_reviews.department_name',
      'resumption_reviews.dispatched_at',
      'resumption_reviews.due_at',
      'resumption_reviews.escalated_at',
      'enterprises.name as enterprise_name',
      'enterprises.id as enterprise_id',
    ])
    .orderBy('resumption_reviews.due_at')
    .execute();
  return {
    items: rows.map((r) => ({
      applicationId: r.application_id,
      enterpriseId: r.enterprise_id,
      enterpriseName: r.enterprise_name,
      departmentId: r.department_id,
      departmentName: r.department_name,
      dispatchedAt: r.dispatched_at,
      dueAt: r.due_at,
      escalatedAt: r.escalated_at,
    })),
  };
}

/** Each department's on-time rate over the reviews in the user's scope (答复及时率). */
export async function onTimeRates(app: AppContext, user: SessionUser) {
  const at = app.clock.now().toISOString();
  const rows = await app.db.kysely
    .selectFrom('resumption_reviews')
    .innerJoin('resumption_applications', 'resumption_applications.id', 'resumption_reviews.application_id')
    .where(applicationScope(user))
    .where('resumption_reviews.cancelled_at', 'is', null)
    .select([
      'resumption_reviews.department_id',
      'resumption_reviews.department_name',
      'resumption_reviews.due_at',
      'resumption_reviews.decided_at',
    ])
    .execute();
  const by = new Map<
    number,
    {
      departmentId: number;
      departmentName: string;
      total: number;
      onTime: number;
      late: number;
      overduePending: number;
      pending: number;
    }
  >();
  for (const r of rows) {
    const d = by.get(r.department_id) ?? {
      departmentId: r.department_id,
      departmentName: r.department_name,
      total: 0,
      onTime: 0,
      late: 0,
      overduePending: 0,
      pending: 0,
    };
    if (r.decided_at !== null) {
      d.total++;
      if (r.decided_at <= r.due_at) d.onTime++;
      else d.late++;
    } else if (r.due_at < at) {
      d.total++;
      d.overduePending++;
    } else d.pending++;
    by.set(r.department_id, d);
  }
  return {
    items: [...by.values()]
      .map((d) => ({
        ...d,
        rate: d.total === 0 ? null : d.onTime / d.total,
        rateText: d.total === 0 ? '—' : `${((d.onTime * 1000) / d.total / 10).toFixed(1)}%`,
      }))
      .sort((a, b) => a.departmentId - b.departmentId),
    rule: '原则上要在2个工作日内作出答复（003:L27）',
  };
}

export { utc, fileDto };

/**
 * Deadline reminders (scheduled with the escalation; idempotent): on the last day of a review, each department whose
 * answer is still pending is reminded once; on the last day of a rectification order, the enterprise is reminded
 * once; on the last day of a check task, its officer is reminded once.
 */
export async function remindDeadlines(app: AppContext): Promise<{ reminded: number }> {
  const now = app.clock.now();
  const at = now.toISOString();
  const today = shanghaiDay(now);
  // The Shanghai day as a UTC range (deadlines are stored as UTC instants).
  const dayStart = new Date(`${today}T00:00:00+08:00`).toISOString();
  const dayEnd = new Date(`${today}T23:59:59.999+08:00`).toISOString();
  const k = app.db.kysely;
  const reviews = await k
    .selectFrom('resumption_reviews')
    .innerJoin('resumption_applications', 'resumption_applications.id', 'resumption_reviews.application_id')
    .innerJoin('enterprises', 'enterprises.id', 'resumption_applications.enterprise_id')
    .whereRef('resumption_reviews.round', '=', 'resumption_applications.round')
    .where('resumption_reviews.decision', 'is', null)
    .where('resumption_reviews.cancelled_at', 'is', null)
    .where('resumption_reviews.due_at', '>=', dayStart)
    .where('resumption_reviews.due_at', '<=', dayEnd)
    .where('resumption_reviews.due_at', '>', at)
    .select(['resumption_reviews.application_id', 'resumption_reviews.department_id', 'enterprises.name'])
    .execute();
  const orders = await k
    .selectFrom('resumption_rectifications')
    .innerJoin('enterprises', 'enterprises.id', 'resumption_rectifications.enterprise_id')
    .where('resumption_rectifications.status', '=', 'open')
    .where('resumption_rectifications.due_at', '>=', dayStart)
    .where('resumption_rectifications.due_at', '<=', dayEnd)
    .select(['resumption_rectifications.id', 'resumption_rectifications.enterprise_id', 'enterprises.name'])
    .execute();
  const tasks = await k
    .selectFrom('resumption_check_tasks')
    .innerJoin('enterprises', 'enterprises.id', 'resumption_check_tasks.enterprise_id')
    .where('resumption_check_tasks.status', 'in', ['assigned', 'in_progress'])
    .where('resumption_check_tasks.due_at', '>=', dayStart)
    .where('resumption_check_tasks.due_at', '<=', dayEnd)
    .select(['resumption_check_tasks.id', 'resumption_check_tasks.assignee_id', 'enterprises.name'])
    .execute();
  let reminded = 0;
  await k.transaction().execute(async (trx) => {
    const sent = new Set(
      (
        await trx
          .selectFrom('notifications')
          .select('link')
          .where('kind', '=', 'resumption.deadline')
          .where('created_at', '>=', dayStart)
          .execute()
      ).map((n) => n.link),
    );
    const notices = new Notices();
    const once = (link: string, send: () => void) => {
      if (sent.has(link)) return;
      sent.add(link);
      send();
      reminded++;
    };
    for (const r of reviews) {
      once(`/resumption/applications/${r.application_id}#review-${r.department_id}`, () =>
        notices.toDepartments([r.department_id], {
          kind: 'resumption.deadline',
          title: `今日到期：${r.name}的复工申请审查`,
          body: '请于今日24时前作出审查意见（2个工作日内答复，003 L27）',
          link: `/resumption/applications/${r.application_id}#review-${r.department_id}`,
        }),
      );
    }
    for (const o of orders) {
      once(`/resumption/rectifications/${o.id}`, () =>
        notices.toEnterprise(o.enterprise_id, {
          kind: 'resumption.deadline',
          title: '整改今日到期',
          body: `${o.name}：请于今日内完成整改并报告整改情况`,
          link: `/resumption/rectifications/${o.id}`,
        }),
      );
    }
    for (const task of tasks) {
      once(`/resumption/checks/${task.id}`, () =>
        notices.toUser(task.assignee_id, {
          kind: 'resumption.deadline',
          title: `核查任务今日到期：${task.name}`,
          body: '请于今日内完成现场核查',
          link: `/resumption/checks/${task.id}`,
        }),
      );
    }
    await notices.send(trx, at);
  });
  return { reminded };
}
