import { z } from 'zod';
import {
  ANOMALY_STATES,
  ANOMALY_STATE_LABEL,
  anomalyTimeline,
  isOpenAnomalyCase,
  transitionAnomalyCase,
} from '../../domain/health/anomaly-case.ts';
import type { AnomalyActorRole } from '../../domain/health/anomaly-case.ts';
import { isInstant } from '../../domain/health/dates.ts';
import { SYMPTOM_CODES } from '../../domain/health/symptoms.ts';
import type { SessionUser } from '../access/session-user.ts';
import type { AuditActor } from '../audit/audit.ts';
import { writeAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import type { HealthAnomalyCaseRow } from '../db/schema-health.ts';
import { conflict, notFound, unprocessable } from '../http/problem.ts';
import { alertEnterpriseAndCdc } from './alerts.ts';
import { reevaluate } from './evaluate.ts';
import { anomalyCaseOf, utc } from './records.ts';
import { healthScopeOf, inHealthScope } from './scope.ts';

/** Anomaly cases: isolation area → referral → result (seed 003 L75–L79), each step with its time and actor. */

export function anomalyDto(r: HealthAnomalyCaseRow & { name?: string; enterprise_name?: string }) {
  const c = anomalyCaseOf(r);
  return {
    id: r.id,
    personId: r.person_id,
    ...(r.name !== undefined ? { personName: r.name } : {}),
    enterpriseId: r.enterprise_id,
    ...(r.enterprise_name !== undefined ? { enterpriseName: r.enterprise_name } : {}),
    declarationId: r.declaration_id === null ? null : Number(r.declaration_id),
    state: c.state,
    stateLabel: ANOMALY_STATE_LABEL[c.state],
    open: r.open === 1,
    source: c.source,
    detectedAt: c.detectedAt,
    temperatureC: c.temperatureC,
    symptoms: c.symptoms,
    fever: c.fever,
    isolationArea: r.isolation_area,
    facility: r.facility,
    history: c.history,
    timeline: anomalyTimeline(c),
    version: r.version,
  };
}

export const anomalyListQuery = z.object({
  enterpriseId: z.coerce.number().int().positive().optional().describe('企业'),
  open: z.enum(['true', 'false']).optional().describe('仅未结案'),
  page: z.coerce.number().int().min(1).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(200).default(20).describe('每页条数'),
});

export async function listAnomalies(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  q: z.infer<typeof anomalyListQuery>,
) {
  let base = app.db.kysely
    .selectFrom('health_anomaly_cases')
    .innerJoin('health_people', 'health_people.id', 'health_anomaly_cases.person_id')
    .innerJoin('enterprises', 'enterprises.id', 'health_anomaly_cases.enterprise_id')
    .where(inHealthScope('health_anomaly_cases', healthScopeOf(user)));
  if (q.enterpriseId) base = base.where('health_anomaly_cases.enterprise_id', '=', q.enterpriseId);
  if (q.open) base = base.where('health_anomaly_cases.open', '=', q.open === 'true' ? 1 : 0);
  const [rows, count] = await Promise.all([
    base
      .selectAll('health_anomaly_cases')
      .select(['health_people.name', 'enterprises.name as enterprise_name'])
      .orderBy('health_anomaly_cases.id', 'desc')
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
        action: 'health.anomalies_viewed',
        objectType: 'health_anomaly_case',
        summary: `查看健康异常列表（${rows.length} 条）`,
        extra: { caseIds: rows.map((r) => r.id) },
      },
      app.clock.now(),
    ),
  );
  return { items: rows.map(anomalyDto), total: Number(count.n) };
}

async function caseInScope(app: AppContext, user: SessionUser, id: number) {
  const r = await app.db.kysely
    .selectFrom('health_anomaly_cases')
    .innerJoin('health_people', 'health_people.id', 'health_anomaly_cases.person_id')
    .innerJoin('enterprises', 'enterprises.id', 'health_anomaly_cases.enterprise_id')
    .selectAll('health_anomaly_cases')
    .select(['health_people.name', 'enterprises.name as enterprise_name'])
    .where('health_anomaly_cases.id', '=', id)
    .where(inHealthScope('health_anomaly_cases', healthScopeOf(user)))
    .executeTakeFirst();
  if (!r) throw notFound('异常记录不存在');
  return r;
}

export async function getAnomaly(app: AppContext, user: SessionUser, actor: AuditActor, id: number) {
  const r = await caseInScope(app, user, id);
  await app.db.kysely.transaction().execute((trx) =>
    writeAudit(
      trx,
      app.db.dialect,
      actor,
      {
        action: 'health.anomaly_viewed',
        objectType: 'health_anomaly_case',
        objectId: id,
        summary: '查看健康异常处置记录',
      },
      app.clock.now(),
    ),
  );
  return anomalyDto(r);
}

export const anomalyTransitionSchema = z.object({
  version: z.number().int().positive().describe('版本'),
  to: z.enum(ANOMALY_STATES).describe('处置环节'),
  at: z.string().refine(isInstant, { message: '处置时间：应为带时区的时间' }).optional().describe('处置时间'),
  isolationArea: z.string().trim().max(100).optional().describe('隔离观察区'),
  facility: z.string().trim().max(100).optional().describe('转诊机构'),
  recheckTemperatureC: z.number().min(30).max(45).optional().describe('复测体温（℃）'),
  recheckSymptoms: z.array(z.enum(SYMPTOM_CODES)).max(20).optional().describe('复测症状'),
  note: z.string().trim().max(500).optional().describe('备注'),
});

/** Move a case one step; the step's time defaults to now and may not be in the future. */
export async function transitionAnomaly(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  id: number,
  input: z.infer<typeof anomalyTransitionSchema>,
) {
  const r = await caseInScope(app, user, id);
  const now = app.clock.now();
  const at = input.at ?? now.toISOString();
  if (Date.parse(at) > now.getTime() + 5 * 60_000) throw unprocessable('处置时间：不能晚于当前时间', 'at');
  const moved = transitionAnomalyCase(
    anomalyCaseOf(r),
    input.to,
    { userId: String(user.id), role: user.role as AnomalyActorRole },
    at,
    {
      ...(input.isolationArea !== undefined ? { isolationArea: input.isolationArea } : {}),
      ...(input.facility !== undefined ? { facility: input.facility } : {}),
      ...(input.recheckTemperatureC !== undefined ? { recheckTemperatureC: input.recheckTemperatureC } : {}),
      ...(input.recheckSymptoms !== undefined ? { recheckSymptoms: input.recheckSymptoms } : {}),
      ...(input.note !== undefined ? { note: input.note } : {}),
    },
  );
  if (!moved.ok) throw unprocessable(moved.message, 'to');
  const c = moved.case;
  return app.db.kysely.transaction().execute(async (trx) => {
    const upd = await trx
      .updateTable('health_anomaly_cases')
      .set({
        state: c.state,
        isolation_area: c.isolationArea ?? null,
        facility: c.facility ?? null,
        history: JSON.stringify(c.history.map((h) => ({ ...h, at: h.at }))),
        open: isOpenAnomalyCase(c) ? 1 : 0,
        version: r.version + 1,
        updated_at: utc(now.toISOString()),
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(upd.numUpdatedRows) !== 1) throw conflict('该异常记录已被他人更新，请刷新后重试', 'version');
    await writeAudit(
      trx,
      app.db.dialect,
      actor,
      {
        action: 'health.anomaly_transitioned',
        objectType: 'health_anomaly_case',
        objectId: id,
        before: { state: r.state },
        after: { state: c.state, at },
        summary: `异常处置：${ANOMALY_STATE_LABEL[anomalyCaseOf(r).state]} → ${ANOMALY_STATE_LABEL[c.state]}`,
        extra: { personId: r.person_id, enterpriseId: r.enterprise_id },
      },
      now,
    );
    if (c.state === 'suspected' || c.state === 'confirmed') {
      const e = await trx
        .selectFrom('enterprises')
        .selectAll()
        .where('id', '=', r.enterprise_id)
        .executeTakeFirstOrThrow();
      await alertEnterpriseAndCdc(
        trx,
        e,
        {
          kind: 'health.anomaly',
          title: `健康异常${ANOMALY_STATE_LABEL[c.state]}`,
          enterpriseBody: `${r.name}：${ANOMALY_STATE_LABEL[c.state]}，请配合疾控部门处置`,
          cdcBody: `${r.name}：${ANOMALY_STATE_LABEL[c.state]}`,
          link: `/health/anomalies/${id}`,
        },
        now.toISOString(),
      );
    }
    await reevaluate(app, trx, [r.person_id], actor, now);
    const row = await trx.selectFrom('health_anomaly_cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return anomalyDto({ ...row, name: r.name, enterprise_name: r.enterprise_name });
  });
}
