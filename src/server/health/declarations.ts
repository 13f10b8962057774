import { z } from 'zod';
import { openAnomalyCase } from '../../domain/health/anomaly-case.ts';
import { addDays, shanghaiDate, shanghaiHour } from '../../domain/health/dates.ts';
import {
  DECLARATION_PLACES,
  checkAnomaly,
  findUndeclared,
  parseStatus,
  requiredDeclarations,
  validateDeclaration,
} from '../../domain/health/declaration.ts';
import type { Declaration } from '../../domain/health/declaration.ts';
import { SYMPTOM_CODES } from '../../domain/health/symptoms.ts';
import { sql } from 'kysely';
import type { Transaction } from 'kysely';
import type { SessionUser } from '../access/session-user.ts';
import type { AuditActor } from '../audit/audit.ts';
import { writeAudit } from '../audit/audit.ts';
import { digestOf } from '../audit/canonical.ts';
import type { AppContext } from '../context.ts';
import type { Database } from '../db/schema.ts';
import type { HealthPersonRow, NewHealthDeclaration } from '../db/schema-health.ts';
import { conflict, notFound, unprocessable } from '../http/problem.ts';
import { alertEnterpriseAndCdc } from './alerts.ts';
import { reevaluate } from './evaluate.ts';
import { personInScope } from './people.service.ts';
import { healthScopeOf, inHealthScope, targetEnterprise } from './scope.ts';

/**
 * Daily declarations (每日健康申报, seed 003 L61): once a day, twice for people in a quarantine period or in a
 * dormitory. A declaration carries an idempotency key (`clientKey`, unique per person): a retried submission is
 * accepted once and answered with the first one. ≥ 37.3 ℃ or any symptom opens an anomaly case and alerts the
 * enterprise and the CDC in the same transaction (seed 003 L62, L75–L77).
 *
 * `ingestDeclarations` is the one write path, batched: a few queries per batch whatever its size (the bench in
 * bench/health-declarations.bench.ts measures it).
 */

export const declarationBody = {
  temperatureC: z.number().min(30).max(45).describe('体温（℃）'),
  symptoms: z.array(z.enum(SYMPTOM_CODES).describe('症状')).max(20).default([]).describe('症状'),
  location: z
    .object({
      place: z.enum(DECLARATION_PLACES).describe('当前所在地'),
      regionCode: z
        .string()
        .regex(/^\d{2,12}$/, '所在地：行政区划代码格式错误')
        .optional()
        .describe('所在地行政区划代码'),
      address: z.string().trim().max(200).optional().describe('详细地址'),
    })
    .describe('当前所在地'),
  clientKey: z.string().trim().min(1).max(128).optional().describe('幂等键'),
};

export const selfDeclarationSchema = z.object(declarationBody);
export const recordDeclarationSchema = z.object({
  personId: z.number().int().positive().describe('员工'),
  ...declarationBody,
});
export const declarationBatchSchema = z.object({
  items: z
    .array(
      z.object({
        personId: z.number().int().positive().describe('员工'),
        at: z.string().max(40).optional().describe('测温时间'),
        ...declarationBody,
        clientKey: z.string().trim().min(1).max(128).describe('幂等键'),
      }),
    )
    .min(1, '申报记录：至少一条')
    .max(5000, '申报记录：每批不超过5000条')
    .describe('申报记录'),
});

export interface DeclarationInput {
  person: Pick<HealthPersonRow, 'id' | 'enterprise_id' | 'dormitory' | 'status' | 'active'>;
  clientKey: string;
  at: string;
  temperatureC: number;
  symptoms: readonly string[];
  location: { place: string; regionCode?: string | undefined; address?: string | undefined };
  submittedBy: number | null;
}

export type IngestOutcome =
  | { index: number; ok: true; id: number; duplicate: boolean; anomaly: boolean; caseId: number | null }
  | { index: number; ok: false; field: string; message: string };

const slotOf = (at: string): 'morning' | 'afternoon' => (shanghaiHour(at) < 12 ? 'morning' : 'afternoon');
const CHUNK = 1000;
/** How late an offline phone or a gate's batch may deliver a declaration. */
const LATE_DAYS = 3;

/**
 * Write declarations in one transaction. Duplicates (same person, same key) are answered with the stored
 * declaration; a declaration beyond the day's allowance (1, or 1 per half day when 2 are due) is refused.
 */
export async function ingestDeclarations(
  app: AppContext,
  actor: AuditActor,
  inputs: readonly DeclarationInput[],
  options: { auditEach?: boolean } = {},
): Promise<IngestOutcome[]> {
  const now = app.clock.now();
  const nowIso = now.toISOString();
  const out: IngestOutcome[] = new Array<IngestOutcome>(inputs.length);
  const valid: { index: number; input: DeclarationInput; d: Declaration }[] = [];
  inputs.forEach((input, index) => {
    if (!input.person.active) {
      out[index] = { index, ok: false, field: 'personId', message: '员工：已离职，不能申报' };
      return;
    }
    const v = validateDeclaration({
      personId: String(input.person.id),
      at: input.at,
      temperatureC: input.temperatureC,
      symptoms: input.symptoms,
      location: input.location,
    });
    if (!v.ok) {
      out[index] = { index, ok: false, field: v.errors[0]!.field, message: v.errors[0]!.message };
      return;
    }
    if (Date.parse(input.at) > now.getTime() + 5 * 60_000) {
      out[index] = { index, ok: false, field: 'at', message: '测温时间：不能晚于当前时间' };
      return;
    }
    if (Date.parse(input.at) < now.getTime() - LATE_DAYS * 86_400_000) {
      out[index] = { index, ok: false, field: 'at', message: `测温时间：不能早于${LATE_DAYS}天前（补报期限）` };
      return;
    }
    valid.push({ index, input, d: v.value });
  });
  if (valid.length === 0) return out;

  return app.db.kysely.transaction().execute(async (trx) => {
    // Everything declared on these days by these enterprises: one index range (enterprise_id, date), filtered here.
    const personIds = new Set(valid.map((v) => v.input.person.id));
    const enterpriseIds = [...new Set(valid.map((v) => v.input.person.enterprise_id))];
    const dates = [...new Set(valid.map((v) => v.d.date))];
    const existing = (
      await trx
        .selectFrom('health_declarations')
        .select(['id', 'person_id', 'client_key', 'date', 'slot', 'anomaly'])
        .where('enterprise_id', 'in', enterpriseIds)
        .where('date', 'in', dates)
        .execute()
    ).filter((r) => personIds.has(r.person_id));
    const byKey = new Map<string, { id: number | string; anomaly: number }>(
      existing.map((r) => [`${r.person_id}\u0000${r.client_key}`, r]),
    );
    // A key not seen on these days may still be a retry of an earlier day's declaration.
    const unmatched = valid.filter((v) => !byKey.has(`${v.input.person.id}\u0000${v.input.clientKey}`));
    for (const r of await earlierByKey(app, trx, unmatched)) byKey.set(`${r.person_id}\u0000${r.client_key}`, r);
    const taken = new Set(existing.map((r) => `${r.person_id}\u0000${r.date}\u0000${r.slot}`));
    const takenDay = new Set(existing.map((r) => `${r.person_id}\u0000${r.date}`));
    const rows: { index: number; input: DeclarationInput; d: Declaration; row: NewHealthDeclaration }[] = [];
    const seenKeys = new Map<string, number>();
    for (const { index, input, d } of valid) {
      const k = `${input.person.id}\u0000${input.clientKey}`;
      const stored = byKey.get(k);
      if (stored) {
        out[index] = {
          index,
          ok: true,
          id: Number(stored.id),
          duplicate: true,
          anomaly: stored.anomaly === 1,
          caseId: null,
        };
        continue;
      }
      if (seenKeys.has(k)) {
        out[index] = { index, ok: false, field: 'clientKey', message: '幂等键：同一批次中重复' };
        continue;
      }
      seenKeys.set(k, index);
      const slot = slotOf(d.at);
      const req = requiredDeclarations({
        dormitory: input.person.dormitory === 1,
        status: parseStatus(input.person.status) ?? undefined,
      });
      if (req.count === 2) {
        const key = `${input.person.id}\u0000${d.date}\u0000${slot}`;
        if (taken.has(key)) {
          out[index] = {
            index,
            ok: false,
            field: 'at',
            message: `申报时间：${slot === 'morning' ? '上午' : '下午'}已申报（每日2次，上午、下午各1次）`,
          };
          continue;
        }
        taken.add(key);
      } else {
        const key = `${input.person.id}\u0000${d.date}`;
        if (takenDay.has(key)) {
          out[index] = { index, ok: false, field: 'at', message: '申报时间：今日已申报（每日1次）' };
          continue;
        }
      }
      takenDay.add(`${input.person.id}\u0000${d.date}`);
      const check = checkAnomaly(d);
      rows.push({
        index,
        input,
        d,
        row: {
          person_id: input.person.id,
          enterprise_id: input.person.enterprise_id,
          client_key: input.clientKey,
          at: new Date(d.at).toISOString(),
          date: d.date,
          slot,
          temperature_dc: Math.round(d.temperatureC * 10),
          symptoms: JSON.stringify(d.symptoms),
          place: d.location.place,
          region_code: d.location.regionCode ?? null,
          address: d.location.address ?? null,
          anomaly: check.anomaly ? 1 : 0,
          submitted_by: input.submittedBy,
          created_at: nowIso,
        },
      });
    }
    const ids = await insertDeclarations(
      app,
      trx,
      rows.map((r) => r.row),
    );
    const anomalous: number[] = [];
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      let caseId: number | null = null;
      if (r.row.anomaly === 1) {
        caseId = await openCase(app, trx, actor, r.input.person, ids[i]!, r.d, now);
        anomalous.push(r.input.person.id);
      }
      out[r.index] = { index: r.index, ok: true, id: ids[i]!, duplicate: false, anomaly: caseId !== null, caseId };
    }
    if (options.auditEach) {
      for (let i = 0; i < rows.length; i++) {
        await writeAudit(
          trx,
          app.db.dialect,
          actor,
          {
            action: 'health.declaration_created',
            objectType: 'health_person',
            objectId: rows[i]!.input.person.id,
            summary: `健康申报：体温${rows[i]!.d.temperatureC}℃${rows[i]!.d.symptoms.length ? '，有症状' : ''}`,
            extra: { declarationId: ids[i], enterpriseId: rows[i]!.input.person.enterprise_id },
          },
          now,
        );
      }
    } else if (rows.length > 0) {
      await writeAudit(
        trx,
        app.db.dialect,
        actor,
        {
          action: 'health.declarations_ingested',
          objectType: 'health_declaration_batch',
          summary: `批量健康申报 ${rows.length} 条（异常 ${anomalous.length} 条）`,
          extra: { count: rows.length, firstId: ids[0], lastId: ids[ids.length - 1], digest: digestOf(ids) },
        },
        now,
      );
    }
    // The rules read declarations (symptoms in the last 14 days): re-evaluate anyone not already cleared.
    const recheck = new Set(anomalous);
    for (const r of rows) if (r.input.person.status !== 'cleared') recheck.add(r.input.person.id);
    if (recheck.size) await reevaluate(app, trx, [...recheck], actor, now);
    return out;
  });
}

/**
 * Declarations already stored under these (person, key) pairs, on any day. PostgreSQL joins the pairs as two
 * arrays (one index probe each); SQLite takes a row-value IN list.
 */
async function earlierByKey(
  app: AppContext,
  trx: Transaction<Database>,
  items: readonly { input: Pick<DeclarationInput, 'person' | 'clientKey'> }[],
) {
  type Hit = { id: number | string; person_id: number; client_key: string; anomaly: number };
  const out: Hit[] = [];
  if (items.length === 0) return out;
  if (app.db.dialect === 'postgres') {
    for (let i = 0; i < items.length; i += 10_000) {
      const part = items.slice(i, i + 10_000);
      const r = await sql<Hit>`
        SELECT d.id, d.person_id, d.client_key, d.anomaly
        FROM unnest(${part.map((v) => v.input.person.id)}::int[], ${part.map((v) => v.input.clientKey)}::text[])
          AS k(person_id, client_key)
        JOIN health_declarations d ON d.person_id = k.person_id AND d.client_key = k.client_key`.execute(trx);
      out.push(...r.rows);
    }
    return out;
  }
  for (let i = 0; i < items.length; i += CHUNK) {
    const part = items.slice(i, i + CHUNK);
    out.push(
      ...(await trx
        .selectFrom('health_declarations')
        .select(['id', 'person_id', 'client_key', 'anomaly'])
        .where((eb) =>
          eb(
            eb.refTuple('person_id', 'client_key'),
            'in',
            part.map((v) => eb.tuple(v.input.person.id, v.input.clientKey)),
          ),
        )
        .execute()),
    );
  }
  return out;
}

/**
 * Insert declaration rows, returning their ids in order. PostgreSQL gets one statement per 10,000 rows with one
 * array parameter per column (`INSERT … SELECT FROM unnest(…)`): binding 14 arrays costs far less than binding
 * 14 parameters per row. SQLite takes multi-row VALUES within its parameter limit.
 */
async function insertDeclarations(
  app: AppContext,
  trx: Transaction<Database>,
  rows: readonly NewHealthDeclaration[],
): Promise<number[]> {
  const ids: number[] = [];
  if (app.db.dialect !== 'postgres') {
    for (let i = 0; i < rows.length; i += CHUNK) {
      const inserted = await trx
        .insertInto('health_declarations')
        .values(rows.slice(i, i + CHUNK))
        .returning('id')
        .execute();
      ids.push(...inserted.map((r) => Number(r.id)));
    }
    return ids;
  }
  for (let i = 0; i < rows.length; i += 10_000) {
    const part = rows.slice(i, i + 10_000);
    const col = <K extends keyof NewHealthDeclaration>(k: K) => part.map((r) => r[k] ?? null);
    const result = await sql<{ id: string | number; ord: string | number }>`
      INSERT INTO health_declarations
        (person_id, enterprise_id, client_key, at, date, slot, temperature_dc, symptoms, place, region_code, address,
         anomaly, submitted_by, created_at)
      SELECT person_id, enterprise_id, client_key, at, date, slot, temperature_dc, symptoms, place, region_code,
             address, anomaly, submitted_by, created_at
      FROM unnest(${col('person_id')}::int[], ${col('enterprise_id')}::int[], ${col('client_key')}::text[],
                  ${col('at')}::text[], ${col('date')}::text[], ${col('slot')}::text[],
                  ${col('temperature_dc')}::int[], ${col('symptoms')}::text[], ${col('place')}::text[],
                  ${col('region_code')}::text[], ${col('address')}::text[], ${col('anomaly')}::int[],
                  ${col('submitted_by')}::int[], ${col('created_at')}::text[])
        WITH ORDINALITY AS v(person_id, enterprise_id, client_key, at, date, slot, temperature_dc, symptoms, place,
                             region_code, address, anomaly, submitted_by, created_at, ord)
      ORDER BY ord
      RETURNING id`.execute(trx);
    // Identity values are drawn in insertion order, which is `ord` order.
    ids.push(...result.rows.map((r) => Number(r.id)).sort((a, b) => a - b));
  }
  return ids;
}

async function openCase(
  app: AppContext,
  trx: Transaction<Database>,
  actor: AuditActor,
  person: DeclarationInput['person'],
  declarationId: number,
  d: Declaration,
  now: Date,
): Promise<number> {
  const opened = openAnomalyCase({
    id: '0',
    personId: String(person.id),
    enterpriseId: String(person.enterprise_id),
    detectedAt: d.at,
    temperatureC: d.temperatureC,
    symptoms: d.symptoms,
    source: 'declaration',
  });
  const c = opened.case;
  const at = now.toISOString();
  const row = await trx
    .insertInto('health_anomaly_cases')
    .values({
      person_id: person.id,
      enterprise_id: person.enterprise_id,
      declaration_id: declarationId,
      state: c.state,
      source: c.source,
      detected_at: new Date(c.detectedAt).toISOString(),
      temperature_dc: Math.round(d.temperatureC * 10),
      symptoms: JSON.stringify(c.symptoms),
      fever: c.fever ? 1 : 0,
      isolation_area: null,
      facility: null,
      history: JSON.stringify(c.history),
      open: 1,
      version: 1,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const enterprise = await trx
    .selectFrom('enterprises')
    .selectAll()
    .where('id', '=', person.enterprise_id)
    .executeTakeFirstOrThrow();
  const name = await trx.selectFrom('health_people').select('name').where('id', '=', person.id).executeTakeFirst();
  const cdcUsers = await alertEnterpriseAndCdc(
    trx,
    enterprise,
    {
      kind: 'health.anomaly',
      title: '员工健康异常',
      enterpriseBody: `${name?.name ?? '员工'}：${opened.alerts.find((a) => a.audience === 'enterprise')!.message}`,
      cdcBody: `${name?.name ?? '员工'}：${opened.alerts.find((a) => a.audience === 'cdc')!.message}`,
      link: `/health/anomalies/${row.id}`,
    },
    at,
  );
  await writeAudit(
    trx,
    app.db.dialect,
    actor,
    {
      action: 'health.anomaly_opened',
      objectType: 'health_anomaly_case',
      objectId: row.id,
      summary: `健康异常上报（体温${d.temperatureC}℃${d.symptoms.length ? '，有症状' : ''}），已通知企业及疾控人员 ${cdcUsers} 人`,
      extra: { personId: person.id, enterpriseId: person.enterprise_id, declarationId },
    },
    now,
  );
  return row.id;
}

/** The person linked to an employee account (404 when none). */
export async function myPerson(app: AppContext, user: SessionUser): Promise<HealthPersonRow> {
  const p = await app.db.kysely
    .selectFrom('health_people')
    .selectAll()
    .where('user_id', '=', user.id)
    .where('active', '=', 1)
    .executeTakeFirst();
  if (!p) throw notFound('您的账号尚未关联员工健康档案，请联系企业管理员');
  return p;
}

function singleResult(outcome: IngestOutcome) {
  if (!outcome.ok) {
    if (outcome.message.includes('已申报')) throw conflict(outcome.message, outcome.field);
    throw unprocessable(outcome.message, outcome.field);
  }
  return outcome;
}

/** An employee declares for themself (phone page). */
export async function declareSelf(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  input: z.infer<typeof selfDeclarationSchema>,
  idempotencyKey: string | undefined,
) {
  const person = await myPerson(app, user);
  const at = app.clock.now().toISOString();
  const [outcome] = await ingestDeclarations(
    app,
    actor,
    [
      {
        person,
        clientKey: input.clientKey ?? idempotencyKey ?? `srv:${user.id}:${at}`,
        at,
        temperatureC: input.temperatureC,
        symptoms: input.symptoms,
        location: input.location,
        submittedBy: user.id,
      },
    ],
    { auditEach: true },
  );
  return singleResult(outcome!);
}

/** An enterprise records a declaration for an employee (temperature taken at the gate). */
export async function recordDeclaration(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  input: z.infer<typeof recordDeclarationSchema>,
  idempotencyKey: string | undefined,
) {
  const person = await personInScope(app, user, input.personId);
  const at = app.clock.now().toISOString();
  const [outcome] = await ingestDeclarations(
    app,
    actor,
    [
      {
        person,
        clientKey: input.clientKey ?? idempotencyKey ?? `srv:${user.id}:${at}`,
        at,
        temperatureC: input.temperatureC,
        symptoms: input.symptoms,
        location: input.location,
        submittedBy: user.id,
      },
    ],
    { auditEach: true },
  );
  return singleResult(outcome!);
}

/** A batch upload (a workshop's gate records, or a phone that was offline): one result per item. */
export async function recordDeclarationBatch(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  input: z.infer<typeof declarationBatchSchema>,
) {
  const ids = [...new Set(input.items.map((i) => i.personId))];
  const people = await app.db.kysely
    .selectFrom('health_people')
    .select(['id', 'enterprise_id', 'dormitory', 'status', 'active'])
    .where('id', 'in', ids)
    .where(inHealthScope('health_people', healthScopeOf(user)))
    .execute();
  const byId = new Map(people.map((p) => [p.id, p]));
  const nowIso = app.clock.now().toISOString();
  const results: IngestOutcome[] = [];
  const inputs: DeclarationInput[] = [];
  const positions: number[] = [];
  input.items.forEach((item, index) => {
    const person = byId.get(item.personId);
    if (!person) {
      results[index] = { index, ok: false, field: 'personId', message: '员工：不存在或不在您的管辖范围内' };
      return;
    }
    positions.push(index);
    inputs.push({
      person,
      clientKey: item.clientKey,
      at: item.at ?? nowIso,
      temperatureC: item.temperatureC,
      symptoms: item.symptoms,
      location: item.location,
      submittedBy: user.id,
    });
  });
  const outcomes = await ingestDeclarations(app, actor, inputs);
  outcomes.forEach((o, i) => {
    results[positions[i]!] = { ...o, index: positions[i]! };
  });
  return {
    accepted: results.filter((r) => r.ok && !r.duplicate).length,
    duplicates: results.filter((r) => r.ok && r.duplicate).length,
    rejected: results.filter((r) => !r.ok).length,
    results,
  };
}

export function declarationDto(r: {
  id: number;
  person_id: number;
  enterprise_id: number;
  at: string;
  date: string;
  slot: string;
  temperature_dc: number;
  symptoms: string;
  place: string;
  region_code: string | null;
  address: string | null;
  anomaly: number;
  name?: string;
}) {
  return {
    id: Number(r.id),
    personId: r.person_id,
    ...(r.name !== undefined ? { personName: r.name } : {}),
    enterpriseId: r.enterprise_id,
    at: r.at,
    date: r.date,
    slot: r.slot,
    temperatureC: r.temperature_dc / 10,
    symptoms: JSON.parse(r.symptoms) as string[],
    place: r.place,
    regionCode: r.region_code,
    address: r.address,
    anomaly: r.anomaly === 1,
  };
}

export const declarationListQuery = z.object({
  enterpriseId: z.coerce.number().int().positive().optional().describe('企业'),
  personId: z.coerce.number().int().positive().optional().describe('员工'),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '申报日期：应为 YYYY-MM-DD')
    .optional()
    .describe('申报日期'),
  anomaly: z.enum(['true', 'false']).optional().describe('仅异常'),
  page: z.coerce.number().int().min(1).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(200).default(50).describe('每页条数'),
});

export async function listDeclarations(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  q: z.infer<typeof declarationListQuery>,
) {
  let base = app.db.kysely
    .selectFrom('health_declarations')
    .innerJoin('health_people', 'health_people.id', 'health_declarations.person_id')
    .where(inHealthScope('health_declarations', healthScopeOf(user)));
  if (q.enterpriseId) base = base.where('health_declarations.enterprise_id', '=', q.enterpriseId);
  if (q.personId) base = base.where('health_declarations.person_id', '=', q.personId);
  if (q.date) base = base.where('health_declarations.date', '=', q.date);
  if (q.anomaly) base = base.where('health_declarations.anomaly', '=', q.anomaly === 'true' ? 1 : 0);
  const [rows, count] = await Promise.all([
    base
      .selectAll('health_declarations')
      .select('health_people.name')
      .orderBy('health_declarations.id', 'desc')
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
        action: 'health.declarations_viewed',
        objectType: 'health_roster',
        objectId: q.enterpriseId ?? null,
        summary: `查看健康申报记录（${rows.length} 条）`,
        extra: { personIds: [...new Set(rows.map((r) => r.person_id))] },
      },
      app.clock.now(),
    ),
  );
  return { items: rows.map(declarationDto), total: Number(count.n) };
}

export const undeclaredQuery = z.object({
  enterpriseId: z.coerce.number().int().positive().optional().describe('企业'),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '日期：应为 YYYY-MM-DD')
    .optional()
    .describe('日期'),
});

/** Who has not declared on a date (today by default: only the slots that have begun count). */
export async function listUndeclared(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  q: z.infer<typeof undeclaredQuery>,
) {
  const e = await targetEnterprise(app, user, q.enterpriseId);
  const nowIso = app.clock.now().toISOString();
  const today = shanghaiDate(nowIso);
  const date = q.date ?? today;
  const people = await app.db.kysely
    .selectFrom('health_people')
    .select(['id', 'name', 'team', 'phone', 'dormitory', 'status'])
    .where('enterprise_id', '=', e.id)
    .where('active', '=', 1)
    .orderBy('id')
    .execute();
  const decls = await app.db.kysely
    .selectFrom('health_declarations')
    .select(['person_id', 'at'])
    .where('enterprise_id', '=', e.id)
    .where('date', '=', date)
    .execute();
  const missing = findUndeclared(
    people.map((p) => ({
      personId: String(p.id),
      dormitory: p.dormitory === 1,
      ...(parseStatus(p.status) ? { status: parseStatus(p.status)! } : {}),
    })),
    decls.map((d) => ({ personId: String(d.person_id), at: d.at })),
    date,
    date === today ? nowIso : date < today ? undefined : `${addDays(date, -1)}T00:00:00+08:00`,
  );
  const byId = new Map(people.map((p) => [String(p.id), p]));
  await app.db.kysely.transaction().execute((trx) =>
    writeAudit(
      trx,
      app.db.dialect,
      actor,
      {
        action: 'health.undeclared_viewed',
        objectType: 'health_roster',
        objectId: e.id,
        summary: `查看未申报名单（${date}，${missing.length} 人）`,
      },
      app.clock.now(),
    ),
  );
  return {
    enterpriseId: e.id,
    date,
    headcount: people.length,
    items: missing.map((m) => {
      const p = byId.get(m.personId)!;
      return {
        personId: p.id,
        name: p.name,
        team: p.team,
        phone: p.phone,
        required: m.required,
        made: m.made,
        missingSlots: m.missingSlots,
        message: m.message,
      };
    }),
  };
}
