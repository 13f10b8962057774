import { z } from 'zod';
import { APPEAL_STATE_LABEL, decideAppeal, revokeOverride, submitAppeal } from '../../domain/health/override.ts';
import type { Appeal, AppealSubject } from '../../domain/health/override.ts';
import { shanghaiDate } from '../../domain/health/dates.ts';
import { parseStatus } from '../../domain/health/declaration.ts';
import type { SessionUser } from '../access/session-user.ts';
import type { AuditActor } from '../audit/audit.ts';
import { writeAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import type { HealthAppealRow } from '../db/schema-health.ts';
import { conflict, notFound, unprocessable } from '../http/problem.ts';
import { alertEnterpriseAndCdc } from './alerts.ts';
import { myPerson } from './declarations.ts';
import { reevaluate } from './evaluate.ts';
import { healthActorOf } from './overrides.ts';
import { overrideOf } from './records.ts';
import { healthScopeOf, inHealthScope } from './scope.ts';

/** Appeals (申诉): the person contests their status or an override; a CDC user decides with a reason. */

export function appealDto(r: HealthAppealRow & { name?: string }) {
  return {
    id: r.id,
    personId: r.person_id,
    ...(r.name !== undefined ? { personName: r.name } : {}),
    enterpriseId: r.enterprise_id,
    subject: JSON.parse(r.subject) as AppealSubject,
    text: r.text,
    submittedAt: r.submitted_at,
    state: r.state,
    stateLabel: APPEAL_STATE_LABEL[r.state],
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    decisionReason: r.decision_reason,
    followUp: r.follow_up,
    version: r.version,
  };
}

function appealOf(r: HealthAppealRow): Appeal {
  return {
    id: String(r.id),
    personId: String(r.person_id),
    subject: JSON.parse(r.subject) as AppealSubject,
    text: r.text,
    submittedAt: r.submitted_at,
    state: r.state,
    ...(r.decided_by !== null ? { decidedBy: String(r.decided_by) } : {}),
    ...(r.decided_at ? { decidedAt: r.decided_at } : {}),
    ...(r.decision_reason ? { decisionReason: r.decision_reason } : {}),
  };
}

export const appealSubmitSchema = z.object({
  text: z.string().trim().min(1, '申诉理由：请填写').max(1000).describe('申诉理由'),
  overrideId: z.number().int().positive().optional().describe('被申诉的人工研判'),
});

export async function submitMyAppeal(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  input: z.infer<typeof appealSubmitSchema>,
) {
  const person = await myPerson(app, user);
  const now = app.clock.now();
  const nowIso = now.toISOString();
  let subject: AppealSubject;
  if (input.overrideId) {
    const o = await app.db.kysely
      .selectFrom('health_overrides')
      .select('id')
      .where('id', '=', input.overrideId)
      .where('person_id', '=', person.id)
      .executeTakeFirst();
    if (!o) throw unprocessable('被申诉的人工研判：不是针对您的研判', 'overrideId');
    subject = { kind: 'override', overrideId: String(o.id) };
  } else {
    const status = parseStatus(person.status);
    if (!status || !person.rule_set_id) throw unprocessable('申诉：您的返岗状态尚未评估，暂不能申诉', 'text');
    subject = {
      kind: 'status',
      ruleSetId: person.rule_set_id,
      status,
      reasonCodes: JSON.parse(person.reason_codes) as string[],
      asOf: person.evaluated_on ?? shanghaiDate(nowIso),
    };
  }
  const res = submitAppeal(
    await healthActorOf(app, user),
    { id: '0', personId: String(person.id), subject, text: input.text },
    nowIso,
  );
  if (!res.ok) throw unprocessable(res.message, 'text');
  return app.db.kysely.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('health_appeals')
      .values({
        person_id: person.id,
        enterprise_id: person.enterprise_id,
        subject: JSON.stringify(subject),
        text: res.value.text,
        submitted_at: nowIso,
        submitted_by: user.id,
        state: 'submitted',
        decided_by: null,
        decided_at: null,
        decision_reason: null,
        follow_up: null,
        version: 1,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const e = await trx
      .selectFrom('enterprises')
      .selectAll()
      .where('id', '=', person.enterprise_id)
      .executeTakeFirstOrThrow();
    await alertEnterpriseAndCdc(
      trx,
      e,
      {
        kind: 'health.appeal',
        title: '员工提出返岗状态申诉',
        enterpriseBody: `${person.name} 对返岗状态提出申诉，由疾控人员处理`,
        cdcBody: `${person.name} 对返岗状态提出申诉，请处理`,
        link: `/health/appeals/${row.id}`,
      },
      nowIso,
    );
    await writeAudit(
      trx,
      app.db.dialect,
      actor,
      {
        action: 'health.appeal_submitted',
        objectType: 'health_appeal',
        objectId: row.id,
        summary: `员工提出申诉（${subject.kind === 'override' ? `人工研判 #${subject.overrideId}` : '返岗状态'}）`,
        extra: { personId: person.id, enterpriseId: person.enterprise_id },
      },
      now,
    );
    return appealDto(row);
  });
}

export async function listMyAppeals(app: AppContext, user: SessionUser) {
  const person = await myPerson(app, user);
  const rows = await app.db.kysely
    .selectFrom('health_appeals')
    .selectAll()
    .where('person_id', '=', person.id)
    .orderBy('id', 'desc')
    .execute();
  return { items: rows.map(appealDto) };
}

export const appealListQuery = z.object({
  state: z.enum(['submitted', 'accepted', 'rejected']).optional().describe('状态'),
  page: z.coerce.number().int().min(1).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(200).default(20).describe('每页条数'),
});

export async function listAppeals(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  q: z.infer<typeof appealListQuery>,
) {
  let base = app.db.kysely
    .selectFrom('health_appeals')
    .innerJoin('health_people', 'health_people.id', 'health_appeals.person_id')
    .where(inHealthScope('health_appeals', healthScopeOf(user)));
  if (q.state) base = base.where('health_appeals.state', '=', q.state);
  const [rows, count] = await Promise.all([
    base
      .selectAll('health_appeals')
      .select('health_people.name')
      .orderBy('health_appeals.id', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  await app.db.kysely.transaction().execute((trx) =>
    writeAudit(
      trx,
      app.db.dialect,
      actor,
      {
        action: 'health.appeals_viewed',
        objectType: 'health_appeal',
        summary: `查看员工申诉列表（${rows.length} 条）`,
        extra: { personIds: [...new Set(rows.map((r) => r.person_id))] },
      },
      app.clock.now(),
    ),
  );
  return { items: rows.map(appealDto), total: Number(count.n) };
}

export const appealDecisionSchema = z.object({
  version: z.number().int().positive().describe('版本'),
  decision: z.enum(['accepted', 'rejected']).describe('处理结果'),
  reason: z.string().trim().min(1, '处理意见：请填写理由').max(1000).describe('处理意见'),
});

/** Decide an appeal. Accepting one against an override revokes the override (the rules decide again). */
export async function decideAppealById(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  id: number,
  input: z.infer<typeof appealDecisionSchema>,
) {
  const r = await app.db.kysely
    .selectFrom('health_appeals')
    .selectAll()
    .where('id', '=', id)
    .where(inHealthScope('health_appeals', healthScopeOf(user)))
    .executeTakeFirst();
  if (!r) throw notFound('申诉不存在');
  const now = app.clock.now();
  const nowIso = now.toISOString();
  const appeal = appealOf(r);
  const overrideRow =
    appeal.subject.kind === 'override'
      ? await app.db.kysely
          .selectFrom('health_overrides')
          .selectAll()
          .where('id', '=', Number(appeal.subject.overrideId))
          .executeTakeFirst()
      : undefined;
  const who = await healthActorOf(app, user);
  const decided = decideAppeal(
    who,
    appeal,
    input.decision,
    input.reason,
    nowIso,
    overrideRow ? overrideOf(overrideRow) : undefined,
  );
  if (!decided.ok) throw unprocessable(decided.message, 'decision');
  return app.db.kysely.transaction().execute(async (trx) => {
    const upd = await trx
      .updateTable('health_appeals')
      .set({
        state: input.decision,
        decided_by: user.id,
        decided_at: nowIso,
        decision_reason: input.reason,
        follow_up: decided.value.followUp,
        version: r.version + 1,
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(upd.numUpdatedRows) !== 1) throw conflict('该申诉已被他人处理，请刷新后重试', 'version');
    let overrideRevoked = false;
    if (decided.value.followUp === 'revoke_override' && overrideRow && overrideRow.state === 'active') {
      const rev = revokeOverride(who, overrideOf(overrideRow), `申诉 #${id} 成立：${input.reason}`, nowIso);
      if (rev.ok) {
        await trx
          .updateTable('health_overrides')
          .set({ state: rev.value.state, history: JSON.stringify(rev.value.history), version: overrideRow.version + 1 })
          .where('id', '=', overrideRow.id)
          .execute();
        overrideRevoked = true;
      }
    }
    await writeAudit(
      trx,
      app.db.dialect,
      actor,
      {
        action: 'health.appeal_decided',
        objectType: 'health_appeal',
        objectId: id,
        before: { state: r.state },
        after: { state: input.decision, followUp: decided.value.followUp, overrideRevoked },
        summary: `申诉${APPEAL_STATE_LABEL[input.decision]}：${input.reason}`,
        extra: { personId: r.person_id, enterpriseId: r.enterprise_id },
      },
      now,
    );
    if (overrideRevoked) await reevaluate(app, trx, [r.person_id], actor, now);
    const row = await trx.selectFrom('health_appeals').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return appealDto(row);
  });
}
