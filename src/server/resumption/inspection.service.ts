import type {
  CheckTask,
  CheckTaskAction,
  ConditionList,
  InspectionEvent,
  RectificationAction,
  RectificationOrder,
} from '../../domain/resumption/index.ts';
import {
  CHECK_TASK_STATUS_LABELS,
  RECTIFICATION_STATUS_LABELS,
  SEVERITY_LABELS,
  createCheckTask,
  isCheckTaskOverdue,
  isRectificationOverdue,
  openStopOrders,
  transitionCheckTask,
  transitionRectification,
} from '../../domain/resumption/index.ts';
import type { SessionUser } from '../access/session-user.ts';
import type { AuditActor } from '../audit/audit.ts';
import { writeAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import type { EnterpriseRow } from '../db/schema.ts';
import type { CheckTaskRow, RectificationRow } from '../db/schema-resumption.ts';
import { badRequest, conflict, fieldProblem, forbidden, notFound } from '../http/problem.ts';
import { actorOf, shanghaiDay } from './actors.ts';
import { utc } from './applications.store.ts';
import type { Q } from './config.store.ts';
import { loadSettings } from './config.store.ts';
import { decideFor } from './enterprise-context.ts';
import { eventDto, recordEvents } from './events.ts';
import { resolveAttachments } from './files.ts';
import { Notices } from './notify.ts';
import { canSeeEnterprise, orderScope, taskScope } from './scope.ts';
import { applyStatusChange, withRollup } from './status.service.ts';

// ───────────────────────────── storage ─────────────────────────────

function taskColumns(t: CheckTask, at: string) {
  const { checklist: _c, ...rest } = t;
  return {
    status: t.status,
    due_at: utc(t.dueAt)!,
    version: t.version,
    assignee_id: Number(t.assigneeId),
    updated_at: at,
    state: JSON.stringify(rest),
  };
}

async function checklistOf(db: Q, row: CheckTaskRow): Promise<ConditionList> {
  const r = await db
    .selectFrom('resumption_condition_lists')
    .selectAll()
    .where('list_id', '=', row.list_id)
    .where('version', '=', row.list_version)
    .executeTakeFirstOrThrow();
  return {
    listId: r.list_id,
    version: r.version,
    title: r.title,
    subject: r.subject,
    riskLevels: JSON.parse(r.risk_levels) as ConditionList['riskLevels'],
    jurisdiction: r.jurisdiction,
    publishedOn: r.published_on,
    items: JSON.parse(r.items) as ConditionList['items'],
    sources: JSON.parse(r.sources) as ConditionList['sources'],
  };
}

async function taskOf(db: Q, row: CheckTaskRow): Promise<CheckTask> {
  const state = JSON.parse(row.state) as Omit<CheckTask, 'checklist'>;
  return { ...state, id: String(row.id), checklist: await checklistOf(db, row) };
}

function orderOf(row: RectificationRow): RectificationOrder {
  return { ...(JSON.parse(row.state) as RectificationOrder), id: String(row.id) };
}

/** Inserts a new check task (its id is the row id) with its events and a notice to the officer. */
export async function insertCheckTask(
  trx: Q,
  e: EnterpriseRow,
  task: CheckTask,
  events: readonly InspectionEvent[],
  at: string,
  applicationId: number | null,
): Promise<number> {
  const row = await trx
    .insertInto('resumption_check_tasks')
    .values({
      enterprise_id: e.id,
      county_code: e.county_code,
      zone_code: e.zone_code,
      application_id: applicationId,
      assignee_id: Number(task.assigneeId),
      kind: task.kind,
      status: task.status,
      due_at: utc(task.dueAt)!,
      version: task.version,
      list_id: task.checklist.listId,
      list_version: task.checklist.version,
      created_at: at,
      updated_at: at,
      state: '{}',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const stored = { ...task, id: String(row.id) };
  await trx.updateTable('resumption_check_tasks').set(taskColumns(stored, at)).where('id', '=', row.id).execute();
  await recordEvents(trx, { enterpriseId: e.id, applicationId, taskId: row.id }, events);
  await new Notices()
    .toUser(Number(task.assigneeId), {
      kind: 'resumption.check',
      title: `现场核查任务：${e.name}`,
      body: `请于${task.dueDate}前完成现场核查`,
      link: `/resumption/checks/${row.id}`,
    })
    .send(trx, at);
  return row.id;
}

/** The enterprise's liaison, else a grid officer whose region covers it (grid, township, county). */
export async function officerFor(trx: Q, e: EnterpriseRow): Promise<{ id: number; liaison: boolean } | null> {
  if (e.liaison_user_id) return { id: e.liaison_user_id, liaison: true };
  const regions = [e.grid_code, e.township_code, e.zone_code, e.county_code].filter((x): x is string => !!x);
  const users = await trx
    .selectFrom('users')
    .select(['id', 'region_code'])
    .where('role', '=', 'grid')
    .where('disabled', '=', 0)
    .where('region_code', 'in', regions)
    .orderBy('id')
    .execute();
  for (const code of regions) {
    const u = users.find((x) => x.region_code === code);
    if (u) return { id: u.id, liaison: false };
  }
  return null;
}

// ───────────────────────────── check tasks ─────────────────────────────

function taskSummary(app: AppContext, r: CheckTaskRow & { enterprise_name: string }, now: string) {
  return {
    id: r.id,
    enterpriseId: r.enterprise_id,
    enterpriseName: r.enterprise_name,
    countyName: app.regions.name(r.county_code) ?? r.county_code,
    applicationId: r.application_id,
    assigneeId: r.assignee_id,
    kind: r.kind,
    kindLabel: r.kind === 'post_resumption' ? '事后现场核查' : '现场检查',
    status: r.status,
    statusLabel: CHECK_TASK_STATUS_LABELS[r.status as keyof typeof CHECK_TASK_STATUS_LABELS] ?? r.status,
    dueAt: r.due_at,
    overdue: (r.status === 'assigned' || r.status === 'in_progress') && r.due_at < now,
    version: r.version,
  };
}

export async function listCheckTasks(
  app: AppContext,
  user: SessionUser,
  q: { status?: string; page: number; pageSize: number },
) {
  let base = app.db.kysely
    .selectFrom('resumption_check_tasks')
    .innerJoin('enterprises', 'enterprises.id', 'resumption_check_tasks.enterprise_id')
    .where(taskScope(user));
  if (q.status) base = base.where('resumption_check_tasks.status', '=', q.status);
  const [rows, count] = await Promise.all([
    base
      .selectAll('resumption_check_tasks')
      .select('enterprises.name as enterprise_name')
      .orderBy('resumption_check_tasks.due_at')
      .orderBy('resumption_check_tasks.id')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const now = app.clock.now().toISOString();
  return { items: rows.map((r) => taskSummary(app, r, now)), total: Number(count.n) };
}

async function visibleTask(app: AppContext, user: SessionUser, id: number) {
  const row = await app.db.kysely
    .selectFrom('resumption_check_tasks')
    .innerJoin('enterprises', 'enterprises.id', 'resumption_check_tasks.enterprise_id')
    .selectAll('resumption_check_tasks')
    .select('enterprises.name as enterprise_name')
    .where('resumption_check_tasks.id', '=', id)
    .where(taskScope(user))
    .executeTakeFirst();
  if (!row) throw notFound('核查任务不存在');
  return row;
}

export async function getCheckTask(app: AppContext, user: SessionUser, id: number) {
  const row = await visibleTask(app, user, id);
  const task = await taskOf(app.db.kysely, row);
  const now = app.clock.now().toISOString();
  const orders = await app.db.kysely
    .selectFrom('resumption_rectifications')
    .selectAll()
    .where('task_id', '=', id)
    .orderBy('id')
    .execute();
  const events = await app.db.kysely
    .selectFrom('resumption_events')
    .selectAll()
    .where('task_id', '=', id)
    .orderBy('id')
    .execute();
  return {
    ...taskSummary(app, row, now),
    overdue: isCheckTaskOverdue(task, now),
    task,
    orders: orders.map((o) => orderSummary(app, { ...o, enterprise_name: row.enterprise_name }, now)),
    timeline: events.map(eventDto),
  };
}

export async function createRoutineCheck(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  input: { enterpriseId: number; assigneeId?: number },
) {
  if (user.role !== 'dept' && user.role !== 'leader' && user.role !== 'admin')
    throw forbidden('只有部门或指挥部可以派发现场检查');
  if (!(await canSeeEnterprise(app, user, input.enterpriseId))) throw notFound('企业不存在');
  const now = app.clock.now();
  const at = now.toISOString();
  return app.db.kysely.transaction().execute(async (trx) => {
    const e = await trx
      .selectFrom('enterprises')
      .selectAll()
      .where('id', '=', input.enterpriseId)
      .executeTakeFirstOrThrow();
    let assignee: { id: number; liaison: boolean } | null;
    if (input.assigneeId) {
      const u = await trx
        .selectFrom('users')
        .select(['id', 'role'])
        .where('id', '=', input.assigneeId)
        .executeTakeFirst();
      if (!u || u.role !== 'grid') throw fieldProblem('assigneeId', '核查人员：应为网格员或驻企联络员');
      assignee = { id: u.id, liaison: e.liaison_user_id === u.id };
    } else assignee = await officerFor(trx, e);
    if (!assignee) throw fieldProblem('assigneeId', '核查人员：企业所在网格没有网格员，请指定核查人员');
    const d = await decideFor(trx, e, shanghaiDay(now));
    if (!d.list) throw fieldProblem('enterpriseId', '核查清单：企业所在区域尚未公布适用的条件清单');
    const settings = await loadSettings(trx);
    const r = createCheckTask(
      {
        id: 'pending',
        kind: 'routine',
        enterpriseId: String(e.id),
        enterpriseName: e.name,
        assigneeId: String(assignee.id),
        assigneeRole: assignee.liaison ? 'liaison' : 'grid_officer',
        checklist: d.list,
      },
      actorOf(user),
      at,
      settings.inspection,
    );
    if (!r.ok) throw badRequest(r.error, 'task');
    const id = await insertCheckTask(trx, e, r.state, r.events, at, null);
    await writeAudit(
      trx,
      app.db.dialect,
      actor,
      {
        action: 'resumption.check.create',
        objectType: 'resumption_check',
        objectId: id,
        summary: `派发现场检查：${e.name}`,
      },
      now,
    );
    return { id, dueAt: r.state.dueAt };
  });
}

export type CheckActionInput =
  | { type: 'start'; version: number }
  | {
      type: 'answer';
      version: number;
      itemId: string;
      result: 'pass' | 'fail' | 'not_applicable';
      note?: string;
      photos?: { fileId: string }[];
    }
  | {
      type: 'add_finding';
      version: number;
      itemId: string | null;
      severity: 'minor' | 'serious';
      description: string;
      photos?: { fileId: string }[];
      orderStop?: boolean;
    }
  | { type: 'remove_finding'; version: number; findingId: string }
  | { type: 'complete'; version: number; summary?: string };

export async function actOnCheckTask(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  id: number,
  input: CheckActionInput,
) {
  await visibleTask(app, user, id);
  const now = app.clock.now();
  const at = now.toISOString();
  const domainActor = actorOf(user, undefined);
  return app.db.kysely.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('resumption_check_tasks')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    if (row.version !== input.version)
      throw conflict(`核查任务已被更新（当前为第${row.version}版），请刷新后重试`, 'version');
    const task = await taskOf(trx, row);
    const e = await trx
      .selectFrom('enterprises')
      .selectAll()
      .where('id', '=', row.enterprise_id)
      .executeTakeFirstOrThrow();
    const actorForTask = {
      ...domainActor,
      role: task.assigneeRole === 'liaison' && user.role === 'grid' ? ('liaison' as const) : domainActor.role,
    };
    let action: CheckTaskAction;
    switch (input.type) {
      case 'start':
        action = { type: 'start', expectedVersion: row.version };
        break;
      case 'answer':
        action = {
          type: 'answer',
          expectedVersion: row.version,
          itemId: input.itemId,
          result: input.result,
          ...(input.note ? { note: input.note } : {}),
          photos: await resolveAttachments(trx, row.enterprise_id, input.photos ?? [], 'photos'),
        };
        break;
      case 'add_finding':
        action = {
          type: 'add_finding',
          expectedVersion: row.version,
          findingId: `F${task.findings.length + 1}-${row.version}`,
          itemId: input.itemId,
          severity: input.severity,
          description: input.description,
          photos: await resolveAttachments(trx, row.enterprise_id, input.photos ?? [], 'photos'),
          orderStop: input.orderStop ?? false,
        };
        break;
      case 'remove_finding':
        action = { type: 'remove_finding', expectedVersion: row.version, findingId: input.findingId };
        break;
      case 'complete':
        action = {
          type: 'complete',
          expectedVersion: row.version,
          ...(input.summary ? { summary: input.summary } : {}),
        };
        break;
    }
    const settings = await loadSettings(trx);
    const r = transitionCheckTask(task, action, actorForTask, at, settings.inspection);
    if (!r.ok)
      throw badRequest(
        r.error,
        input.type,
        (r.issues ?? [r.error]).map((m) => ({ field: input.type, message: m })),
      );
    const saved = await trx
      .updateTable('resumption_check_tasks')
      .set(taskColumns(r.state, at))
      .where('id', '=', id)
      .where('version', '=', row.version)
      .executeTakeFirst();
    if (Number(saved.numUpdatedRows) !== 1) throw conflict('核查任务已被更新，请刷新后重试', 'version');
    const taskEvents = r.events.filter((ev) => ev.orderId === null);
    await recordEvents(trx, { enterpriseId: e.id, applicationId: row.application_id, taskId: id }, taskEvents);
    const orderIds: number[] = [];
    for (const o of r.orders ?? []) {
      const orderId = await insertOrder(trx, e, row, o, at);
      orderIds.push(orderId);
      const evs = r.events.filter((ev) => ev.orderId === o.id).map((ev) => ({ ...ev, orderId: String(orderId) }));
      await recordEvents(trx, { enterpriseId: e.id, taskId: id, orderId }, evs);
      const notices = new Notices().toEnterprise(e.id, {
        kind: 'resumption.rectification',
        title: o.stopOrdered ? '责令停工整改' : '限期整改通知',
        body: `${o.description}（${SEVERITY_LABELS[o.severity]}），请于${o.dueDate}前整改并报告`,
        link: `/resumption/rectifications/${orderId}`,
      });
      if (o.stopOrdered) {
        notices.toCommandCentre(e.id, {
          kind: 'resumption.stop',
          title: `停工整改：${e.name}`,
          body: o.description,
          link: `/resumption/rectifications/${orderId}`,
        });
        await withRollup(trx, app.db, e.id, now, async () => {
          const s = await applyStatusChange(
            trx,
            e.id,
            { kind: 'stop', enterpriseId: String(e.id), orderId: String(orderId), note: o.description },
            actorForTask,
            now,
            { taskId: id, orderId },
          );
          if (!s.ok) throw badRequest(s.error, 'status');
          return { result: null, from: shanghaiDay(now) };
        });
      }
      await notices.send(trx, at);
    }
    await writeAudit(
      trx,
      app.db.dialect,
      actor,
      {
        action: `resumption.check.${input.type}`,
        objectType: 'resumption_check',
        objectId: id,
        before: { status: task.status, version: task.version },
        after: { status: r.state.status, version: r.state.version, orders: orderIds },
        summary: `现场核查：${CHECK_TASK_STATUS_LABELS[r.state.status]}`,
      },
      now,
    );
    return { id, status: r.state.status, version: r.state.version, orders: orderIds };
  });
}

async function insertOrder(trx: Q, e: EnterpriseRow, task: CheckTaskRow, o: RectificationOrder, at: string) {
  const row = await trx
    .insertInto('resumption_rectifications')
    .values({
      enterprise_id: e.id,
      county_code: e.county_code,
      zone_code: e.zone_code,
      task_id: task.id,
      officer_id: Number(o.officerId),
      status: o.status,
      stop_ordered: o.stopOrdered ? 1 : 0,
      due_at: utc(o.dueAt)!,
      version: o.version,
      created_at: at,
      updated_at: at,
      state: '{}',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('resumption_rectifications')
    .set({ state: JSON.stringify({ ...o, id: String(row.id), taskId: String(task.id) }) })
    .where('id', '=', row.id)
    .execute();
  return row.id;
}

// ───────────────────────────── rectification orders ─────────────────────────────

function orderSummary(app: AppContext, r: RectificationRow & { enterprise_name: string }, now: string) {
  const o = orderOf(r);
  return {
    id: r.id,
    enterpriseId: r.enterprise_id,
    enterpriseName: r.enterprise_name,
    countyName: app.regions.name(r.county_code) ?? r.county_code,
    taskId: r.task_id,
    officerId: r.officer_id,
    status: r.status,
    statusLabel: RECTIFICATION_STATUS_LABELS[r.status as keyof typeof RECTIFICATION_STATUS_LABELS] ?? r.status,
    severity: o.severity,
    severityLabel: SEVERITY_LABELS[o.severity],
    description: o.description,
    stopOrdered: r.stop_ordered === 1,
    dueAt: r.due_at,
    overdue: isRectificationOverdue(o, now),
    version: r.version,
  };
}

export async function listOrders(
  app: AppContext,
  user: SessionUser,
  q: { status?: string; page: number; pageSize: number },
) {
  let base = app.db.kysely
    .selectFrom('resumption_rectifications')
    .innerJoin('enterprises', 'enterprises.id', 'resumption_rectifications.enterprise_id')
    .where(orderScope(user));
  if (q.status) base = base.where('resumption_rectifications.status', '=', q.status);
  const [rows, count] = await Promise.all([
    base
      .selectAll('resumption_rectifications')
      .select('enterprises.name as enterprise_name')
      .orderBy('resumption_rectifications.id', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const now = app.clock.now().toISOString();
  return { items: rows.map((r) => orderSummary(app, r, now)), total: Number(count.n) };
}

async function visibleOrder(app: AppContext, user: SessionUser, id: number) {
  const row = await app.db.kysely
    .selectFrom('resumption_rectifications')
    .innerJoin('enterprises', 'enterprises.id', 'resumption_rectifications.enterprise_id')
    .selectAll('resumption_rectifications')
    .select('enterprises.name as enterprise_name')
    .where('resumption_rectifications.id', '=', id)
    .where(orderScope(user))
    .executeTakeFirst();
  if (!row) throw notFound('整改单不存在');
  return row;
}

export async function getOrder(app: AppContext, user: SessionUser, id: number) {
  const row = await visibleOrder(app, user, id);
  const events = await app.db.kysely
    .selectFrom('resumption_events')
    .selectAll()
    .where('order_id', '=', id)
    .orderBy('id')
    .execute();
  return {
    ...orderSummary(app, row, app.clock.now().toISOString()),
    order: orderOf(row),
    timeline: events.map(eventDto),
  };
}

export type OrderActionInput =
  | { type: 'respond'; version: number; text: string; photos?: { fileId: string }[] }
  | { type: 'recheck'; version: number; result: 'pass' | 'fail'; note?: string; photos?: { fileId: string }[] };

export async function actOnOrder(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  id: number,
  input: OrderActionInput,
) {
  await visibleOrder(app, user, id);
  const now = app.clock.now();
  const at = now.toISOString();
  return app.db.kysely.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('resumption_rectifications')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    if (row.version !== input.version)
      throw conflict(`整改单已被更新（当前为第${row.version}版），请刷新后重试`, 'version');
    const order = orderOf(row);
    const photos = await resolveAttachments(trx, row.enterprise_id, input.photos ?? [], 'photos');
    const action: RectificationAction =
      input.type === 'respond'
        ? { type: 'respond', expectedVersion: row.version, text: input.text, photos }
        : {
            type: 'recheck',
            expectedVersion: row.version,
            result: input.result,
            ...(input.note ? { note: input.note } : {}),
            photos,
          };
    const base = actorOf(user);
    const task = await trx
      .selectFrom('resumption_check_tasks')
      .select('state')
      .where('id', '=', row.task_id)
      .executeTakeFirst();
    const liaison = task ? (JSON.parse(task.state) as { assigneeRole?: string }).assigneeRole === 'liaison' : false;
    const domainActor = user.role === 'grid' && liaison ? { ...base, role: 'liaison' as const } : base;
    const settings = await loadSettings(trx);
    const r = transitionRectification(order, action, domainActor, at, settings.inspection);
    if (!r.ok)
      throw badRequest(
        r.error,
        input.type,
        (r.issues ?? [r.error]).map((m) => ({ field: input.type, message: m })),
      );
    const saved = await trx
      .updateTable('resumption_rectifications')
      .set({
        status: r.state.status,
        version: r.state.version,
        due_at: utc(r.state.dueAt)!,
        updated_at: at,
        state: JSON.stringify(r.state),
      })
      .where('id', '=', id)
      .where('version', '=', row.version)
      .executeTakeFirst();
    if (Number(saved.numUpdatedRows) !== 1) throw conflict('整改单已被更新，请刷新后重试', 'version');
    await recordEvents(trx, { enterpriseId: row.enterprise_id, taskId: row.task_id, orderId: id }, r.events);
    const notices = new Notices();
    if (input.type === 'respond') {
      notices.toUser(row.officer_id, {
        kind: 'resumption.rectification.responded',
        title: '企业已报告整改情况，请复查',
        body: input.text.slice(0, 200),
        link: `/resumption/rectifications/${id}`,
      });
    } else {
      notices.toEnterprise(row.enterprise_id, {
        kind: 'resumption.rectification.rechecked',
        title: r.state.status === 'closed' ? '整改已复查销号' : '整改复查未通过',
        body: r.events.map((e) => e.message).join('；'),
        link: `/resumption/rectifications/${id}`,
      });
    }
    await notices.send(trx, at);
    await writeAudit(
      trx,
      app.db.dialect,
      actor,
      {
        action: `resumption.rectification.${input.type}`,
        objectType: 'resumption_rectification',
        objectId: id,
        before: { status: order.status, version: order.version },
        after: { status: r.state.status, version: r.state.version },
        summary: `整改单：${RECTIFICATION_STATUS_LABELS[order.status]} → ${RECTIFICATION_STATUS_LABELS[r.state.status]}`,
      },
      now,
    );
    return {
      id,
      status: r.state.status,
      statusLabel: RECTIFICATION_STATUS_LABELS[r.state.status],
      version: r.state.version,
    };
  });
}

/**
 * Lifts a stop order (解除停工整改) once every stop order of the enterprise is closed: by the officer, a department or
 * the command centre. The enterprise returns to 部分复工 or 已复工 as its workers back say.
 */
export async function liftStop(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  enterpriseId: number,
  input: { resumeTo: 'partially_resumed' | 'resumed' | 'not_resumed'; note?: string },
) {
  if (!(await canSeeEnterprise(app, user, enterpriseId))) throw notFound('企业不存在');
  const now = app.clock.now();
  return app.db.kysely.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('resumption_rectifications')
      .selectAll()
      .where('enterprise_id', '=', enterpriseId)
      .execute();
    const orders = rows.map(orderOf);
    if (openStopOrders(orders, String(enterpriseId)).length > 0) {
      throw fieldProblem('orders', '解除停工：仍有未销号的停工整改单');
    }
    const record = await withRollup(trx, app.db, enterpriseId, now, async () => {
      const s = await applyStatusChange(
        trx,
        enterpriseId,
        {
          kind: 'lift_stop',
          enterpriseId: String(enterpriseId),
          orders,
          resumeTo: input.resumeTo,
          ...(input.note ? { note: input.note } : {}),
        },
        actorOf(user),
        now,
      );
      if (!s.ok) throw badRequest(s.error, 'status');
      return { result: s.record, from: shanghaiDay(now) };
    });
    await new Notices()
      .toEnterprise(enterpriseId, {
        kind: 'resumption.stop_lifted',
        title: '已解除停工整改',
        body: `企业状态恢复为${input.resumeTo === 'resumed' ? '已复工' : input.resumeTo === 'partially_resumed' ? '部分复工' : '未复工'}`,
        link: '/resumption',
      })
      .send(trx, now.toISOString());
    await writeAudit(
      trx,
      app.db.dialect,
      actor,
      {
        action: 'resumption.stop.lift',
        objectType: 'enterprise',
        objectId: enterpriseId,
        after: record,
        summary: '解除停工整改',
      },
      now,
    );
    return { status: record.status, date: record.date };
  });
}
