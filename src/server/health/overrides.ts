import { z } from 'zod';
import {
  OVERRIDE_STATE_LABEL,
  confirmOverride,
  expireOverride,
  overrideStateAt,
  proposeOverride,
  rejectOverride,
  revokeOverride,
  withdrawOverride,
} from '../../domain/health/override.ts';
import type { HealthActor, Result, StatusOverride } from '../../domain/health/override.ts';
import { isInstant } from '../../domain/health/dates.ts';
import { OVERRIDE_REASONS, OVERRIDE_REASON_CODES } from '../../domain/health/reasons.ts';
import { HEALTH_STATUSES, STATUS_INFO } from '../../domain/health/status.ts';
import type { SessionUser } from '../access/session-user.ts';
import type { AuditActor } from '../audit/audit.ts';
import { writeAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import type { HealthOverrideRow } from '../db/schema-health.ts';
import { conflict, notFound, unprocessable } from '../http/problem.ts';
import { reevaluate } from './evaluate.ts';
import { personInScope } from './people.service.ts';
import { overrideOf, utc } from './records.ts';
import { healthScopeOf, inHealthScope } from './scope.ts';

/**
 * Status overrides (疾控人工研判): a closed-list reason, evidence, an expiry, and a second CDC user's confirmation
 * before it takes effect (src/domain/health/override.ts). The proposer can never confirm their own proposal.
 */

/** The acting user as the domain sees it, with the person record linked to the account (if any). */
export async function healthActorOf(app: AppContext, user: SessionUser): Promise<HealthActor> {
  const p = await app.db.kysely
    .selectFrom('health_people')
    .select('id')
    .where('user_id', '=', user.id)
    .executeTakeFirst();
  return { userId: String(user.id), role: user.role, ...(p ? { personId: String(p.id) } : {}) };
}

export function overrideDto(
  r: HealthOverrideRow & {
    name?: string;
    enterprise_name?: string;
    proposed_by_name?: string | null;
    confirmed_by_name?: string | null;
  },
  nowIso: string,
) {
  const o = overrideOf(r);
  const state = overrideStateAt(o, nowIso);
  return {
    id: r.id,
    personId: r.person_id,
    ...(r.name !== undefined ? { personName: r.name } : {}),
    enterpriseId: r.enterprise_id,
    ...(r.enterprise_name !== undefined ? { enterpriseName: r.enterprise_name } : {}),
    status: r.status,
    statusLabel: STATUS_INFO[o.status]?.label ?? r.status,
    reasonCode: r.reason_code,
    reasonLabel: OVERRIDE_REASONS[o.reasonCode]?.label ?? r.reason_code,
    reasonSource: OVERRIDE_REASONS[o.reasonCode]?.source ?? null,
    evidenceRef: r.evidence_ref,
    note: r.note,
    proposedBy: r.proposed_by,
    ...(r.proposed_by_name !== undefined ? { proposedByName: r.proposed_by_name } : {}),
    proposedAt: r.proposed_at,
    expiresAt: r.expires_at,
    confirmedBy: r.confirmed_by,
    ...(r.confirmed_by_name !== undefined ? { confirmedByName: r.confirmed_by_name } : {}),
    confirmedAt: r.confirmed_at,
    state,
    stateLabel: OVERRIDE_STATE_LABEL[state],
    history: o.history,
    version: r.version,
  };
}

export const overrideProposeSchema = z.object({
  personId: z.number().int().positive().describe('员工'),
  status: z.enum(HEALTH_STATUSES).describe('研判状态'),
  reasonCode: z.enum(OVERRIDE_REASON_CODES).describe('研判理由'),
  evidenceRef: z.string().trim().min(1, '证据材料：请填写证据材料编号').max(200).describe('证据材料'),
  expiresAt: z
    .string()
    .refine(isInstant, { message: '有效期至：应为带时区的时间，如 2022-07-10T00:00:00+08:00' })
    .describe('有效期至'),
  note: z.string().trim().max(500).optional().describe('说明'),
});

export const overrideReasonSchema = z.object({
  version: z.number().int().positive().describe('版本'),
  reason: z.string().trim().min(1, '理由：请填写').max(500).describe('理由'),
});
export const overrideVersionSchema = z.object({ version: z.number().int().positive().describe('版本') });

export const overrideListQuery = z.object({
  state: z.enum(['proposed', 'active', 'rejected', 'withdrawn', 'expired', 'revoked']).optional().describe('状态'),
  personId: z.coerce.number().int().positive().optional().describe('员工'),
  page: z.coerce.number().int().min(1).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(200).default(20).describe('每页条数'),
});

function must<T>(r: Result<T>, field: string): T {
  if (!r.ok) throw unprocessable(r.message, field);
  return r.value;
}

export async function listOverrides(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  q: z.infer<typeof overrideListQuery>,
) {
  let base = app.db.kysely
    .selectFrom('health_overrides')
    .innerJoin('health_people', 'health_people.id', 'health_overrides.person_id')
    .where(inHealthScope('health_overrides', healthScopeOf(user)));
  if (q.state) base = base.where('health_overrides.state', '=', q.state);
  if (q.personId) base = base.where('health_overrides.person_id', '=', q.personId);
  const [rows, count] = await Promise.all([
    base
      .innerJoin('enterprises', 'enterprises.id', 'health_overrides.enterprise_id')
      .leftJoin('users as proposer', 'proposer.id', 'health_overrides.proposed_by')
      .leftJoin('users as confirmer', 'confirmer.id', 'health_overrides.confirmed_by')
      .selectAll('health_overrides')
      .select([
        'health_people.name',
        'enterprises.name as enterprise_name',
        'proposer.display_name as proposed_by_name',
        'confirmer.display_name as confirmed_by_name',
      ])
      .orderBy('health_overrides.id', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const nowIso = app.clock.now().toISOString();
  await app.db.kysely.transaction().execute((trx) =>
    writeAudit(
      trx,
      app.db.dialect,
      actor,
      {
        action: 'health.overrides_viewed',
        objectType: 'health_override',
        summary: `查看人工研判列表（${rows.length} 条）`,
        extra: { personIds: [...new Set(rows.map((r) => r.person_id))] },
      },
      app.clock.now(),
    ),
  );
  return { items: rows.map((r) => overrideDto(r, nowIso)), total: Number(count.n) };
}

export async function proposeStatusOverride(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  input: z.infer<typeof overrideProposeSchema>,
) {
  const person = await personInScope(app, user, input.personId);
  const now = app.clock.now();
  const nowIso = now.toISOString();
  const proposed = must(
    proposeOverride(
      await healthActorOf(app, user),
      { ...input, id: '0', personId: String(person.id), note: input.note },
      nowIso,
    ),
    'reasonCode',
  );
  return app.db.kysely.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('health_overrides')
      .values({
        person_id: person.id,
        enterprise_id: person.enterprise_id,
        status: proposed.status,
        reason_code: proposed.reasonCode,
        evidence_ref: proposed.evidenceRef,
        note: proposed.note ?? null,
        proposed_by: user.id,
        proposed_at: nowIso,
        expires_at: utc(proposed.expiresAt),
        confirmed_by: null,
        confirmed_at: null,
        state: 'proposed',
        history: JSON.stringify(proposed.history),
        version: 1,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(
      trx,
      app.db.dialect,
      actor,
      {
        action: 'health.override_proposed',
        objectType: 'health_override',
        objectId: row.id,
        after: {
          personId: person.id,
          status: proposed.status,
          reasonCode: proposed.reasonCode,
          expiresAt: row.expires_at,
        },
        summary: `发起人工研判：${STATUS_INFO[proposed.status].label}（${OVERRIDE_REASONS[proposed.reasonCode].label}），待另一名疾控人员复核`,
        extra: { personId: person.id, enterpriseId: person.enterprise_id },
      },
      now,
    );
    return overrideDto(row, nowIso);
  });
}

async function overrideInScope(app: AppContext, user: SessionUser, id: number) {
  const r = await app.db.kysely
    .selectFrom('health_overrides')
    .selectAll()
    .where('id', '=', id)
    .where(inHealthScope('health_overrides', healthScopeOf(user)))
    .executeTakeFirst();
  if (!r) throw notFound('研判记录不存在');
  return r;
}

type Step = 'confirm' | 'reject' | 'withdraw' | 'revoke';
const STEP_LABEL: Record<Step, string> = {
  confirm: '复核通过',
  reject: '复核不通过',
  withdraw: '撤回',
  revoke: '撤销',
};

/** One step on an override; the rules run again for the person whenever it changes what is in force. */
export async function stepOverride(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  id: number,
  step: Step,
  input: { version: number; reason?: string },
) {
  const r = await overrideInScope(app, user, id);
  const now = app.clock.now();
  const nowIso = now.toISOString();
  const who = await healthActorOf(app, user);
  const o = overrideOf(r);
  const next: StatusOverride = must(
    step === 'confirm'
      ? confirmOverride(who, o, nowIso)
      : step === 'reject'
        ? rejectOverride(who, o, input.reason ?? '', nowIso)
        : step === 'withdraw'
          ? withdrawOverride(who, o, nowIso)
          : revokeOverride(who, o, input.reason ?? '', nowIso),
    step === 'reject' || step === 'revoke' ? 'reason' : 'version',
  );
  return app.db.kysely.transaction().execute(async (trx) => {
    const upd = await trx
      .updateTable('health_overrides')
      .set({
        state: next.state,
        confirmed_by: next.confirmedBy ? Number(next.confirmedBy) : null,
        confirmed_at: next.confirmedAt ?? null,
        history: JSON.stringify(next.history),
        version: r.version + 1,
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(upd.numUpdatedRows) !== 1) throw conflict('该研判已被他人处理，请刷新后重试', 'version');
    await writeAudit(
      trx,
      app.db.dialect,
      actor,
      {
        action: `health.override_${step === 'confirm' ? 'confirmed' : step === 'reject' ? 'rejected' : step === 'withdraw' ? 'withdrawn' : 'revoked'}`,
        objectType: 'health_override',
        objectId: id,
        before: { state: r.state },
        after: { state: next.state },
        summary: `人工研判${STEP_LABEL[step]}${input.reason ? `：${input.reason}` : ''}`,
        extra: { personId: r.person_id, enterpriseId: r.enterprise_id },
      },
      now,
    );
    if (step === 'confirm' || step === 'revoke') await reevaluate(app, trx, [r.person_id], actor, now);
    const row = await trx.selectFrom('health_overrides').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return overrideDto(row, nowIso);
  });
}

/** Record overrides whose time is up and let the rules decide again (scheduled, idempotent). */
export async function expireOverrides(app: AppContext, actor: AuditActor) {
  const now = app.clock.now();
  const nowIso = now.toISOString();
  const due = await app.db.kysely
    .selectFrom('health_overrides')
    .selectAll()
    .where('state', 'in', ['proposed', 'active'])
    .where('expires_at', '<=', nowIso)
    .execute();
  if (due.length === 0) return { expired: 0 };
  await app.db.kysely.transaction().execute(async (trx) => {
    for (const r of due) {
      const next = expireOverride(overrideOf(r), nowIso);
      await trx
        .updateTable('health_overrides')
        .set({ state: next.state, history: JSON.stringify(next.history), version: r.version + 1 })
        .where('id', '=', r.id)
        .execute();
      await writeAudit(
        trx,
        app.db.dialect,
        actor,
        {
          action: 'health.override_expired',
          objectType: 'health_override',
          objectId: r.id,
          before: { state: r.state },
          after: { state: next.state },
          summary: '人工研判到期，恢复按规则判定',
          extra: { personId: r.person_id, enterpriseId: r.enterprise_id },
        },
        now,
      );
    }
    await reevaluate(app, trx, [...new Set(due.map((r) => r.person_id))], actor, now);
  });
  return { expired: due.length };
}
