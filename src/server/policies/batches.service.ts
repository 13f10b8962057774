import type { ExpressionBuilder } from 'kysely';
import { sql } from 'kysely';
import {
  ALL_RULES,
  FACT_BY_NAME,
  compileRules,
  createFactTable,
  evaluateRule,
  isInForce,
  policyById,
  renderTrace,
  requiredFacts,
  rulesInForce,
} from '../../domain/policy/index.ts';
import type { Column, FactTable, FactValue, Rule } from '../../domain/policy/index.ts';
import { daysToIso, isoToDays } from '../../domain/policy/dates.ts';
import type { SessionUser } from '../access/session-user.ts';
import { enterprisesInRegion } from '../access/scope.ts';
import type { AuditActor } from '../audit/audit.ts';
import { writeAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import type { Database } from '../db/schema.ts';
import type { BatchStatus, PolicyBatchRow } from '../db/schema-policies.ts';
import { conflict, fieldProblem, forbidden, notFound } from '../http/problem.ts';
import type { JobProgress } from '../jobs/jobs.ts';
import { startJob } from '../jobs/jobs.ts';
import { notify } from '../notifications/notifications.ts';
import { LIVE_APPLICATION_STATUSES } from './applications.service.ts';
import {
  BATCH_STATUS_LABEL,
  departmentOf,
  handledKind,
  nowIso,
  regionWithin,
  requireOwner,
  requirePublished,
  requireRule,
} from './common.ts';
import { officialFactsAsOf } from './facts.store.ts';
import { departmentKindLabel, ownerKindOf } from './ownership.ts';
import type { OrderDraft } from './payments.service.ts';
import { fenToYuanText, insertOrders } from './payments.service.ts';
import { REGISTRY_FACT_COLUMNS, registryFacts } from './registry-facts.ts';

/** Rules a 免申即享 batch can pay: money paid, exempted or reduced, about enterprises. */
export function isBatchable(rule: Rule): boolean {
  return (
    rule.target === 'enterprise' && rule.benefit.kind === 'money' && ['pay', 'exempt', 'reduce'].includes(rule.kind)
  );
}

const PAGE = 20_000;
const ITEM_CHUNK = 1000;
const LIVE_BATCH: BatchStatus[] = ['review', 'approving', 'approved'];

// -----------------------------------------------------------------------------------------------------------------
// Starting and computing
// -----------------------------------------------------------------------------------------------------------------

export async function startBatch(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  input: { ruleId: string; asOf: string },
): Promise<{ batchId: number; jobId: number }> {
  const rule = requireRule(input.ruleId);
  if (user.role !== 'dept') throw forbidden('免申即享批次由政策的主管部门发起');
  const dept = (await requireOwner(app, user, rule))!;
  if (!isBatchable(rule)) throw fieldProblem('ruleId', '政策条款：只有面向企业的资金类条款可以免申即享批量兑现');
  if (!isInForce(rule, input.asOf)) {
    throw fieldProblem(
      'asOf',
      `数据日期：该条款 ${rule.effective.from} 至 ${rule.effective.to ?? '长期'} 有效，${input.asOf} 不在有效期内`,
    );
  }
  await requirePublished(app.db.kysely, rule);
  const running = await app.db.kysely
    .selectFrom('policy_batches')
    .select('id')
    .where('rule_id', '=', rule.id)
    .where('department_id', '=', dept.id)
    .where('status', 'in', ['running', 'approving'])
    .executeTakeFirst();
  if (running) throw conflict(`该条款的批次 #${running.id} 正在处理，请等待完成`, 'ruleId');
  const now = app.clock.now();
  const batch = await app.db.kysely.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('policy_batches')
      .values({
        rule_id: rule.id,
        policy_id: rule.policyId,
        department_id: dept.id,
        department_kind: dept.kind,
        region_code: dept.region_code,
        as_of: input.asOf,
        status: 'running',
        job_id: null,
        evaluated: 0,
        eligible: 0,
        not_eligible: 0,
        incomplete: 0,
        already: 0,
        total_fen: 0,
        message: null,
        created_by: user.id,
        created_at: now.toISOString(),
        finished_at: null,
        approved_by: null,
        approved_at: null,
        version: 1,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(
      trx,
      app.db.dialect,
      actor,
      {
        action: 'policy.batch.start',
        objectType: 'policy_batch',
        objectId: row.id,
        after: { ruleId: rule.id, asOf: input.asOf, region: dept.region_code },
        summary: `发起免申即享批次“${rule.title}”（${app.regions.name(dept.region_code) ?? dept.region_code}，数据日期 ${input.asOf}）`,
      },
      now,
    );
    return row;
  });
  const jobId = await startJob(app, 'policy.batch', user.id, async (progress) => {
    try {
      return await computeBatch(app, batch, progress, actor);
    } catch (error) {
      await app.db.kysely
        .updateTable('policy_batches')
        .set({
          status: 'failed',
          message: (error instanceof Error ? error.message : String(error)).slice(0, 500),
          finished_at: nowIso(app),
        })
        .where('id', '=', batch.id)
        .execute();
      throw error;
    }
  });
  await app.db.kysely.updateTable('policy_batches').set({ job_id: jobId }).where('id', '=', batch.id).execute();
  return { batchId: batch.id, jobId };
}

/** Code columns get a value → index map, so filling a million rows never scans a dictionary. */
function codeSetter(col: Extract<Column, { kind: 'code' }>) {
  const index = new Map(col.dictionary.map((v, i) => [v, i]));
  return (i: number, v: string) => {
    let k = index.get(v);
    if (k === undefined) {
      k = col.dictionary.length;
      col.dictionary.push(v);
      index.set(v, k);
    }
    col.data[i] = k;
  };
}

type Setter = (i: number, v: FactValue) => void;

function setterFor(table: FactTable, name: string): Setter {
  const col = table.columns[name]!;
  if (col.kind === 'code') {
    const set = codeSetter(col);
    return (i, v) => set(i, String(v));
  }
  if (col.kind === 'bool') return (i, v) => (col.data[i] = v ? 1 : 0);
  if (col.type === 'date') return (i, v) => (col.data[i] = isoToDays(String(v)));
  return (i, v) => (col.data[i] = Number(v));
}

function readCell(table: FactTable, name: string, i: number): FactValue | null {
  const col = table.columns[name];
  if (!col) return null;
  if (col.kind === 'number') {
    const v = col.data[i]!;
    if (Number.isNaN(v)) return null;
    return col.type === 'date' ? daysToIso(v) : v;
  }
  if (col.kind === 'bool') {
    const v = col.data[i]!;
    return v < 0 ? null : v === 1;
  }
  const v = col.data[i]!;
  return v < 0 ? null : (col.dictionary[v] ?? null);
}

/** Enterprises already enjoying the rule (or a member of its stacking group) elsewhere. */
async function alreadyEnjoying(app: AppContext, group: readonly string[], exceptBatch: number): Promise<Set<number>> {
  const db = app.db.kysely;
  const out = new Set<number>();
  const [orders, apps, items] = await Promise.all([
    db
      .selectFrom('policy_payment_orders')
      .select('enterprise_id')
      .where('rule_id', 'in', group)
      .where('status', '!=', 'cancelled')
      .execute(),
    db
      .selectFrom('policy_applications')
      .select('enterprise_id')
      .where('rule_id', 'in', group)
      .where('status', 'in', LIVE_APPLICATION_STATUSES)
      .execute(),
    db
      .selectFrom('policy_batch_items as i')
      .innerJoin('policy_batches as b', 'b.id', 'i.batch_id')
      .select('i.enterprise_id')
      .where('b.rule_id', 'in', group)
      .where('b.status', 'in', LIVE_BATCH)
      .where('b.id', '!=', exceptBatch)
      .where('i.status', '=', 'included')
      .execute(),
  ]);
  for (const r of [...orders, ...apps, ...items]) out.add(r.enterprise_id);
  return out;
}

export interface RegionFacts {
  table: FactTable;
  /** Enterprise id of each row. */
  ids: Int32Array;
  /** County code of each row. */
  counties: string[];
  rows: number;
}

/**
 * Every enterprise of a region as one row of a columnar fact table: 一企一档, the official figures as of `asOf` and
 * the facts departments hold, read in id order a page at a time.
 */
export async function readRegionFacts(
  app: AppContext,
  regionCode: string,
  names: readonly string[],
  asOf: string,
  progress?: JobProgress,
): Promise<RegionFacts> {
  const db = app.db.kysely;
  const official = await officialFactsAsOf(db, asOf);
  const registryNames = names.filter((n) => FACT_BY_NAME.get(n)?.source === 'registry');
  const officialNames = names.filter((n) => FACT_BY_NAME.get(n)?.source === 'official' && official[n] !== undefined);
  const heldNames = names.filter((n) => FACT_BY_NAME.get(n)?.source === 'application');
  const inRegion = (eb: ExpressionBuilder<Database, 'enterprises'>) => enterprisesInRegion(eb, regionCode);
  const n = Number(
    (
      await db
        .selectFrom('enterprises')
        .where(inRegion)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  await progress?.update(0, n, '正在读取一企一档和部门共享数据');
  const table = createFactTable(n, names);
  const setters = new Map(names.map((name) => [name, setterFor(table, name)]));
  const ids = new Int32Array(n);
  const counties: string[] = new Array<string>(n);
  let rows = 0;
  let after = 0;
  while (rows < n) {
    const page = await db
      .selectFrom('enterprises')
      .leftJoin('policy_enterprise_facts as h', 'h.enterprise_id', 'enterprises.id')
      .select(REGISTRY_FACT_COLUMNS.map((c) => `enterprises.${c}` as const))
      .select(['enterprises.id', 'h.facts as held'])
      .where(inRegion)
      .where('enterprises.id', '>', after)
      .orderBy('enterprises.id')
      .limit(Math.min(PAGE, n - rows))
      .execute();
    if (page.length === 0) break;
    for (const e of page) {
      const i = rows++;
      ids[i] = e.id;
      counties[i] = e.county_code;
      const reg = registryFacts(e);
      for (const name of registryNames) {
        const v = reg[name];
        if (v !== undefined) setters.get(name)!(i, v);
      }
      for (const name of officialNames) setters.get(name)!(i, official[name]!);
      if (e.held) {
        const held = JSON.parse(e.held) as Record<string, FactValue>;
        for (const name of heldNames) {
          const v = held[name];
          if (v !== undefined && v !== null) setters.get(name)!(i, v);
        }
      }
    }
    after = page[page.length - 1]!.id;
    await progress?.update(rows, n);
  }
  return { table, ids, counties, rows };
}

export interface BatchOutcome {
  batchId: number;
  evaluated: number;
  eligible: number;
  notEligible: number;
  incomplete: number;
  already: number;
  totalFen: number;
  millis: { read: number; evaluate: number; write: number };
}

/**
 * Compute a batch: read every enterprise of the department's region with its held facts, build a columnar fact
 * table, run the compiled rules (the target and its stacking group, for 就高、不重复), and write one item per
 * eligible enterprise with a positive payable amount that does not already enjoy the benefit. Enterprises whose
 * facts leave the decision open are counted as incomplete and left out.
 */
export async function computeBatch(
  app: AppContext,
  batch: PolicyBatchRow,
  progress: JobProgress,
  actor: AuditActor,
): Promise<BatchOutcome> {
  const db = app.db.kysely;
  const t0 = performance.now();
  const rule = requireRule(batch.rule_id);
  const group = rule.stackingGroup
    ? rulesInForce(
        ALL_RULES.filter((r) => r.stackingGroup === rule.stackingGroup),
        batch.as_of,
      )
    : [rule];
  const names = [...new Set(['regionCode', 'zoneCode', ...group.flatMap(requiredFacts)])];
  const { table, ids, counties, rows } = await readRegionFacts(app, batch.region_code, names, batch.as_of, progress);
  const tRead = performance.now();

  const compiled = compileRules(group, table, { asOf: batch.as_of });
  const k = compiled.rules.findIndex((r) => r.id === rule.id);
  if (k < 0) throw new Error(`条款 ${rule.id} 在 ${batch.as_of} 不在有效期内`);
  const already = await alreadyEnjoying(
    app,
    group.map((r) => r.id),
    batch.id,
  );
  const snapshotNames = requiredFacts(rule);
  const row = compiled.newRowResult();
  let eligible = 0;
  let notEligible = 0;
  let incomplete = 0;
  let alreadyCount = 0;
  let totalFen = 0;
  const items: { i: number; amount: number; capped: number }[] = [];
  for (let i = 0; i < rows; i++) {
    compiled.evaluateRow(i, row);
    const s = row.status[k]!;
    if (s === 0) {
      notEligible++;
      continue;
    }
    if (s < 0) {
      incomplete++;
      continue;
    }
    const pay = row.payable[k]!;
    if (pay !== pay) {
      incomplete++;
      continue;
    }
    if (pay <= 0) {
      notEligible++;
      continue;
    }
    eligible++;
    if (already.has(ids[i]!)) {
      alreadyCount++;
      continue;
    }
    items.push({ i, amount: pay, capped: row.capped[k]! });
    totalFen += pay;
  }
  const tEval = performance.now();
  await progress.update(0, items.length, `正在写入 ${items.length} 家企业的兑现名单`);

  // One statement per chunk with the rows as one JSON array parameter, expanded by the database (json_each /
  // jsonb_array_elements): a million items cost a few hundred statements, not a million bound parameters.
  for (let start = 0; start < items.length; start += ITEM_CHUNK * 10) {
    const slice = items.slice(start, start + ITEM_CHUNK * 10);
    const payload = JSON.stringify(
      slice.map((it) => {
        const facts: Record<string, FactValue> = {};
        for (const name of snapshotNames) {
          const v = readCell(table, name, it.i);
          if (v !== null) facts[name] = v;
        }
        return [ids[it.i]!, counties[it.i]!, it.amount, it.capped, JSON.stringify(facts)];
      }),
    );
    await db.transaction().execute(async (trx) => {
      if (app.db.dialect === 'postgres') {
        await sql`INSERT INTO policy_batch_items (batch_id, enterprise_id, county_code, amount_fen, capped, facts, status, exclude_reason)
          SELECT ${batch.id}, (r->>0)::integer, r->>1, (r->>2)::bigint, (r->>3)::integer, r->>4, 'included', NULL
          FROM jsonb_array_elements(${payload}::jsonb) AS r`.execute(trx);
      } else {
        await sql`INSERT INTO policy_batch_items (batch_id, enterprise_id, county_code, amount_fen, capped, facts, status, exclude_reason)
          SELECT ${batch.id}, json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'),
            json_extract(value, '$[3]'), json_extract(value, '$[4]'), 'included', NULL
          FROM json_each(${payload})`.execute(trx);
      }
    });
    await progress.update(Math.min(start + ITEM_CHUNK * 10, items.length), items.length);
  }
  const tWrite = performance.now();
  const now = app.clock.now();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('policy_batches')
      .set({
        status: 'review',
        evaluated: rows,
        eligible,
        not_eligible: notEligible,
        incomplete,
        already: alreadyCount,
        total_fen: totalFen,
        finished_at: now.toISOString(),
        message: null,
      })
      .where('id', '=', batch.id)
      .execute();
    await writeAudit(
      trx,
      app.db.dialect,
      actor,
      {
        action: 'policy.batch.computed',
        objectType: 'policy_batch',
        objectId: batch.id,
        summary: `免申即享批次 #${batch.id} 计算完成：评估 ${rows} 家，符合 ${eligible} 家，纳入 ${items.length} 家，合计 ${fenToYuanText(totalFen)} 元`,
        extra: { evaluated: rows, eligible, incomplete, already: alreadyCount, totalFen },
      },
      now,
    );
  });
  return {
    batchId: batch.id,
    evaluated: rows,
    eligible,
    notEligible,
    incomplete,
    already: alreadyCount,
    totalFen,
    millis: { read: tRead - t0, evaluate: tEval - tRead, write: tWrite - tEval },
  };
}

// -----------------------------------------------------------------------------------------------------------------
// Reading
// -----------------------------------------------------------------------------------------------------------------

async function batchFilter(app: AppContext, user: SessionUser) {
  if (user.role === 'admin') return { kind: null as string | null, region: null as string | null, ok: true };
  if (user.role === 'leader') return { kind: null, region: user.regionCode, ok: Boolean(user.regionCode) };
  if (user.role === 'dept') {
    const kind = await handledKind(app, user);
    return { kind, region: user.regionCode, ok: Boolean(kind && user.regionCode) };
  }
  return { kind: null, region: null, ok: false };
}

function toBatchDto(app: AppContext, b: PolicyBatchRow, departmentName: string | null) {
  const rule = requireRule(b.rule_id);
  return {
    id: b.id,
    ruleId: b.rule_id,
    ruleTitle: rule.title,
    ruleSource: rule.source,
    policyId: b.policy_id,
    policyTitle: policyById(b.policy_id)?.title ?? b.policy_id,
    departmentId: b.department_id,
    departmentName,
    departmentKind: b.department_kind,
    departmentLabel: departmentKindLabel(b.department_kind),
    regionCode: b.region_code,
    regionName: app.regions.name(b.region_code),
    asOf: b.as_of,
    status: b.status,
    statusLabel: BATCH_STATUS_LABEL[b.status] ?? b.status,
    jobId: b.job_id,
    evaluated: b.evaluated,
    eligible: b.eligible,
    notEligible: b.not_eligible,
    incomplete: b.incomplete,
    already: b.already,
    totalFen: Number(b.total_fen),
    message: b.message,
    createdAt: b.created_at,
    finishedAt: b.finished_at,
    approvedAt: b.approved_at,
    version: b.version,
  };
}

export async function listBatches(
  app: AppContext,
  user: SessionUser,
  filter: { status?: BatchStatus; ruleId?: string },
  page: { page: number; pageSize: number },
) {
  const f = await batchFilter(app, user);
  if (!f.ok) return { items: [], total: 0 };
  let q = app.db.kysely.selectFrom('policy_batches as b').innerJoin('departments as d', 'd.id', 'b.department_id');
  if (f.kind) q = q.where('b.department_kind', '=', f.kind);
  if (f.region) {
    const region = f.region;
    q = region.startsWith('Z')
      ? q.where('b.region_code', '=', region)
      : q.where((eb) =>
          eb.or([
            eb('b.region_code', 'like', `${region}%`),
            ...(region.length <= 4 ? [eb('b.region_code', 'like', `Z${region}%`)] : []),
          ]),
        );
  }
  if (filter.status) q = q.where('b.status', '=', filter.status);
  if (filter.ruleId) q = q.where('b.rule_id', '=', filter.ruleId);
  const [rows, count] = await Promise.all([
    q
      .selectAll('b')
      .select('d.name as department_name')
      .orderBy('b.id', 'desc')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map((r) => toBatchDto(app, r, r.department_name)), total: Number(count.n) };
}

async function findBatch(app: AppContext, user: SessionUser, id: number): Promise<PolicyBatchRow> {
  const f = await batchFilter(app, user);
  const b = await app.db.kysely.selectFrom('policy_batches').selectAll().where('id', '=', id).executeTakeFirst();
  if (
    !b ||
    !f.ok ||
    (f.kind !== null && b.department_kind !== f.kind) ||
    (f.region !== null && !regionWithin(b.region_code, f.region))
  ) {
    throw notFound('批次不存在或不在您的管辖范围内');
  }
  return b;
}

export async function getBatch(app: AppContext, user: SessionUser, id: number) {
  const b = await findBatch(app, user, id);
  const dept = await app.db.kysely
    .selectFrom('departments')
    .select('name')
    .where('id', '=', b.department_id)
    .executeTakeFirst();
  const rule = requireRule(b.rule_id);
  const [byCounty, orders] = await Promise.all([
    app.db.kysely
      .selectFrom('policy_batch_items')
      .select((eb) => ['county_code', eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('amount_fen').as('fen')])
      .where('batch_id', '=', id)
      .where('status', '=', 'included')
      .groupBy('county_code')
      .orderBy('county_code')
      .execute(),
    app.db.kysely
      .selectFrom('policy_payment_orders')
      .select((eb) => ['status', eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('amount_fen').as('fen')])
      .where('batch_id', '=', id)
      .groupBy('status')
      .execute(),
  ]);
  return {
    ...toBatchDto(app, b, dept?.name ?? null),
    ruleFormula: rule.benefit.kind === 'money' ? rule.benefit.label : null,
    byCounty: byCounty.map((c) => ({
      countyCode: c.county_code,
      countyName: app.regions.name(c.county_code),
      enterprises: Number(c.n),
      amountFen: Number(c.fen ?? 0),
    })),
    orders: orders.map((o) => ({ status: o.status, count: Number(o.n), amountFen: Number(o.fen ?? 0) })),
  };
}

export async function listBatchItems(
  app: AppContext,
  user: SessionUser,
  id: number,
  filter: { status?: 'included' | 'excluded'; q?: string },
  page: { page: number; pageSize: number },
) {
  await findBatch(app, user, id);
  let q = app.db.kysely
    .selectFrom('policy_batch_items as i')
    .innerJoin('enterprises', 'enterprises.id', 'i.enterprise_id')
    .where('i.batch_id', '=', id);
  if (filter.status) q = q.where('i.status', '=', filter.status);
  if (filter.q) q = q.where('enterprises.name', 'like', `%${filter.q.replace(/[%_\\]/g, '')}%`);
  const [rows, count] = await Promise.all([
    q
      .selectAll('i')
      .select(['enterprises.name', 'enterprises.credit_code'])
      .orderBy('i.id')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      enterpriseId: r.enterprise_id,
      enterpriseName: r.name,
      creditCode: r.credit_code,
      countyName: app.regions.name(r.county_code),
      amountFen: Number(r.amount_fen),
      capped: r.capped === 1,
      status: r.status,
      statusLabel: r.status === 'included' ? '纳入' : '剔除',
      excludeReason: r.exclude_reason,
    })),
    total: Number(count.n),
  };
}

async function findItem(app: AppContext, user: SessionUser, itemId: number) {
  const item = await app.db.kysely
    .selectFrom('policy_batch_items')
    .selectAll()
    .where('id', '=', itemId)
    .executeTakeFirst();
  if (!item) throw notFound('名单记录不存在');
  const batch = await findBatch(app, user, item.batch_id).catch(() => {
    throw notFound('名单记录不存在');
  });
  return { item, batch };
}

/** One enterprise of a batch with the facts the decision used and the interpreter's trace of it. */
export async function getBatchItem(app: AppContext, user: SessionUser, itemId: number) {
  const { item, batch } = await findItem(app, user, itemId);
  const rule = requireRule(batch.rule_id);
  const facts = JSON.parse(item.facts) as Record<string, FactValue>;
  const e = await app.db.kysely
    .selectFrom('enterprises')
    .select(['name', 'credit_code'])
    .where('id', '=', item.enterprise_id)
    .executeTakeFirstOrThrow();
  const result = evaluateRule(rule, facts, batch.as_of);
  return {
    id: item.id,
    batchId: batch.id,
    enterpriseId: item.enterprise_id,
    enterpriseName: e.name,
    creditCode: e.credit_code,
    amountFen: Number(item.amount_fen),
    capped: item.capped === 1,
    status: item.status,
    excludeReason: item.exclude_reason,
    facts: Object.entries(facts).map(([name, value]) => ({
      name,
      label: FACT_BY_NAME.get(name)?.label ?? name,
      unit: FACT_BY_NAME.get(name)?.unit ?? null,
      value,
    })),
    trace: result.trace,
    lines: renderTrace(result.trace),
  };
}

export async function setItemStatus(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  itemId: number,
  input: { status: 'included' | 'excluded'; reason?: string | undefined },
) {
  const { item, batch } = await findItem(app, user, itemId);
  await requireOwner(app, user, requireRule(batch.rule_id));
  if (batch.status !== 'review') throw conflict(`批次${BATCH_STATUS_LABEL[batch.status]}，名单不能再调整`, 'status');
  if (item.status === input.status) return getBatchItem(app, user, itemId);
  const reason = input.reason?.trim() ?? '';
  if (input.status === 'excluded' && reason.length < 2) throw fieldProblem('reason', '剔除理由：请写明剔除理由');
  const amount = Number(item.amount_fen);
  const now = app.clock.now();
  await app.db.kysely.transaction().execute(async (trx) => {
    await trx
      .updateTable('policy_batch_items')
      .set({ status: input.status, exclude_reason: input.status === 'excluded' ? reason : null })
      .where('id', '=', itemId)
      .execute();
    await trx
      .updateTable('policy_batches')
      .set((eb) => ({
        total_fen: eb('total_fen', input.status === 'excluded' ? '-' : '+', amount),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', batch.id)
      .execute();
    await writeAudit(
      trx,
      app.db.dialect,
      actor,
      {
        action: input.status === 'excluded' ? 'policy.batch.exclude' : 'policy.batch.include',
        objectType: 'policy_batch',
        objectId: batch.id,
        before: { itemId, status: item.status },
        after: { itemId, status: input.status, reason: reason || null },
        summary: `批次 #${batch.id}${input.status === 'excluded' ? '剔除' : '恢复'}企业 #${item.enterprise_id}（${fenToYuanText(amount)} 元）${reason ? `：${reason}` : ''}`,
      },
      now,
    );
  });
  return getBatchItem(app, user, itemId);
}

// -----------------------------------------------------------------------------------------------------------------
// Approving and cancelling
// -----------------------------------------------------------------------------------------------------------------

async function transition(
  app: AppContext,
  user: SessionUser,
  id: number,
  version: number,
  allowed: BatchStatus,
  next: BatchStatus,
) {
  const b = await findBatch(app, user, id);
  const dept = await requireOwner(app, user, requireRule(b.rule_id));
  if (b.status !== allowed) throw conflict(`批次${BATCH_STATUS_LABEL[b.status]}，不能执行此操作`, 'status');
  if (b.version !== version) throw conflict('该批次已被他人修改，请刷新后重试', 'version');
  return { b, dept, next };
}

export async function approveBatch(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  id: number,
  input: { version: number },
): Promise<{ jobId: number }> {
  const { b, dept } = await transition(app, user, id, input.version, 'review', 'approving');
  const rule = requireRule(b.rule_id);
  const now = app.clock.now();
  await app.db.kysely.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('policy_batches')
      .set({ status: 'approving', version: b.version + 1, approved_by: user.id, approved_at: now.toISOString() })
      .where('id', '=', id)
      .where('version', '=', b.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw conflict('该批次已被他人修改，请刷新后重试', 'version');
    await writeAudit(
      trx,
      app.db.dialect,
      actor,
      {
        action: 'policy.batch.approve',
        objectType: 'policy_batch',
        objectId: id,
        before: { status: b.status },
        after: { status: 'approving' },
        summary: `审核批准免申即享批次 #${id}“${rule.title}”，合计 ${fenToYuanText(Number(b.total_fen))} 元`,
      },
      now,
    );
  });
  const deptRow = dept ?? (await departmentOf(app, user));
  const approver = `${deptRow?.short_name ?? ''} ${user.displayName}`.trim();
  const jobId = await startJob(app, 'policy.batch.approve', user.id, async (progress) => {
    const total = Number(
      (
        await app.db.kysely
          .selectFrom('policy_batch_items')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('batch_id', '=', id)
          .where('status', '=', 'included')
          .executeTakeFirstOrThrow()
      ).n,
    );
    await progress.update(0, total, '正在生成支付指令');
    let after = 0;
    let done = 0;
    let fen = 0;
    const basis = `免申即享批次 #${id}：${departmentKindLabel(b.department_kind)}部门按 ${b.as_of} 一企一档和部门共享数据核定，经${approver}于 ${now.toISOString().slice(0, 10)} 审核批准`;
    for (;;) {
      const page = await app.db.kysely
        .selectFrom('policy_batch_items as i')
        .innerJoin('enterprises', 'enterprises.id', 'i.enterprise_id')
        .leftJoin('policy_payee_accounts as p', 'p.enterprise_id', 'i.enterprise_id')
        .select([
          'i.id',
          'i.enterprise_id',
          'i.county_code',
          'i.amount_fen',
          'enterprises.name',
          'p.account_name',
          'p.bank_name',
          'p.account_no',
        ])
        .where('i.batch_id', '=', id)
        .where('i.status', '=', 'included')
        .where('i.id', '>', after)
        .orderBy('i.id')
        .limit(2000)
        .execute();
      if (page.length === 0) break;
      const at = nowIso(app);
      const drafts: OrderDraft[] = page.map((p) => ({
        source: 'batch',
        batchId: id,
        batchItemId: p.id,
        enterprise: { id: p.enterprise_id, name: p.name, countyCode: p.county_code },
        rule,
        departmentId: b.department_id,
        departmentKind: b.department_kind,
        amountFen: Number(p.amount_fen),
        basis,
        account:
          p.account_no !== null
            ? { accountName: p.account_name ?? p.name, bankName: p.bank_name ?? '', accountNo: p.account_no }
            : null,
      }));
      await app.db.kysely.transaction().execute(async (trx) => {
        await insertOrders(trx, drafts, user.id, at);
        await notify(
          trx,
          page.map((p) => ({
            enterpriseId: p.enterprise_id,
            kind: 'policy.batch.approved',
            title: `免申即享：${rule.title}`,
            body: `贵企业经${departmentKindLabel(b.department_kind)}部门核定符合“${rule.title}”，无需申请，核定金额 ${fenToYuanText(Number(p.amount_fen))} 元，已生成支付指令，待拨付至贵企业登记的收款账户。`,
            link: '/my-policies',
          })),
          at,
        );
      });
      for (const p of page) fen += Number(p.amount_fen);
      done += page.length;
      after = page[page.length - 1]!.id;
      await progress.update(done, total);
    }
    const end = app.clock.now();
    await app.db.kysely.transaction().execute(async (trx) => {
      await trx
        .updateTable('policy_batches')
        .set((eb) => ({ status: 'approved', version: eb('version', '+', 1) }))
        .where('id', '=', id)
        .execute();
      await writeAudit(
        trx,
        app.db.dialect,
        actor,
        {
          action: 'policy.batch.orders',
          objectType: 'policy_batch',
          objectId: id,
          summary: `免申即享批次 #${id} 生成支付指令 ${done} 条，合计 ${fenToYuanText(fen)} 元`,
          extra: { orders: done, totalFen: fen },
        },
        end,
      );
    });
    return { batchId: id, orders: done, totalFen: fen };
  });
  return { jobId };
}

export async function cancelBatch(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  id: number,
  input: { version: number; reason: string },
) {
  const { b } = await transition(app, user, id, input.version, 'review', 'cancelled');
  const now = app.clock.now();
  await app.db.kysely.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('policy_batches')
      .set({ status: 'cancelled', message: input.reason, version: b.version + 1 })
      .where('id', '=', id)
      .where('version', '=', b.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw conflict('该批次已被他人修改，请刷新后重试', 'version');
    await writeAudit(
      trx,
      app.db.dialect,
      actor,
      {
        action: 'policy.batch.cancel',
        objectType: 'policy_batch',
        objectId: id,
        before: { status: b.status },
        after: { status: 'cancelled', reason: input.reason },
        summary: `作废免申即享批次 #${id}：${input.reason}`,
      },
      now,
    );
  });
  return getBatch(app, user, id);
}

/** Batchable rules a department kind owns (for the "new batch" form). */
export function batchableRulesOf(kind: string | null) {
  return ALL_RULES.filter((r) => isBatchable(r) && (kind === null || ownerKindOf(r.id) === kind)).map((r) => ({
    id: r.id,
    title: r.title,
    policyId: r.policyId,
    policyTitle: policyById(r.policyId)?.title ?? r.policyId,
    fulfilment: r.fulfilment,
    effective: r.effective,
    source: r.source,
  }));
}
