import { sql } from 'kysely';
import type {
  EnterpriseProfile,
  EnterpriseSize,
  RateCounts,
  StatusRecord,
  WorkerDailyReport,
} from '../../domain/resumption/index.ts';
import { COUNT_FIELDS, RollupIndex, addCounts, countsOfRow, isZeroCounts } from '../../domain/resumption/index.ts';
import type { Db } from '../db/database.ts';
import type { EnterpriseStatusRow, RollupCountColumns } from '../db/schema-resumption.ts';
import type { Q } from './config.store.ts';

/**
 * Snapshot rollups of 复工率 / 复岗率. For every date on which anything changed there is one row per group (county,
 * zone, industry section, size, 规上) with the counts of that day (`resumption_rollup`), and one per county and zone
 * (`resumption_rollup_area`, read by the trend). A date without a snapshot has the figures of the latest snapshot
 * before it, so nothing needs to run at midnight. Every change to an enterprise's status, workers back or grant is
 * applied here in the transaction that makes it: the enterprise's rows before and after the change are computed by
 * the domain (`RollupIndex`) for each snapshot date it touches, and the difference is added to its group.
 */

export const COLUMN_OF: Readonly<Record<keyof RateCounts, keyof RollupCountColumns>> = {
  enterprises: 'enterprises',
  resumed: 'resumed',
  partiallyResumed: 'partially_resumed',
  notResumed: 'not_resumed',
  stopped: 'stopped',
  filed: 'filed',
  plannedWorkers: 'planned_workers',
  workersBack: 'workers_back',
  normalHeadcount: 'normal_headcount',
};

const COUNT_COLUMNS = COUNT_FIELDS.map((f) => COLUMN_OF[f]);

export interface GroupKey {
  county_code: string;
  zone_code: string;
  industry_section: string;
  size_class: string;
  above_scale: number;
}

export type StatusDims = Pick<
  EnterpriseStatusRow,
  'county_code' | 'zone_code' | 'industry_section' | 'size_class' | 'above_scale'
>;

/** Everything the rollups need to know about one enterprise. */
export interface EnterpriseFacts {
  enterpriseId: number;
  status: Pick<EnterpriseStatusRow, keyof StatusDims | 'normal_headcount' | 'planned_headcount' | 'tracked_from'>;
  history: StatusRecord[];
  reports: WorkerDailyReport[];
}

function groupOf(d: StatusDims): GroupKey {
  return {
    county_code: d.county_code,
    zone_code: d.zone_code,
    industry_section: d.industry_section,
    size_class: d.size_class,
    above_scale: d.above_scale,
  };
}

const keyText = (date: string, g: GroupKey) =>
  `${date}|${g.county_code}|${g.zone_code}|${g.industry_section}|${g.size_class}|${g.above_scale}`;

function profileOf(f: EnterpriseFacts): EnterpriseProfile {
  return {
    enterpriseId: String(f.enterpriseId),
    regionCode: f.status.county_code,
    zoneCode: f.status.zone_code || null,
    industry: f.status.industry_section,
    size: (f.status.size_class || 'micro') as EnterpriseSize,
    aboveScale: f.status.above_scale === 1,
    normalHeadcount: f.status.normal_headcount,
    plannedHeadcount: f.status.planned_headcount,
  };
}

/** The enterprise's counts for each date (ascending); zero before it is tracked. */
export function countsForDates(f: EnterpriseFacts, dates: readonly string[]): RateCounts[] {
  const index = new RollupIndex(f.history, f.reports);
  const rows = index.rowsForDates(profileOf(f), dates);
  return rows.map((r, i) => (dates[i]! < f.status.tracked_from ? ZERO : countsOfRow(r)));
}

const ZERO: RateCounts = Object.freeze(Object.fromEntries(COUNT_FIELDS.map((f) => [f, 0])) as unknown as RateCounts);

/** Deltas by (date, group), summed over many changes before they are written. */
export class RollupDelta {
  readonly groups = new Map<string, { date: string; group: GroupKey; counts: RateCounts }>();

  add(date: string, group: GroupKey, counts: RateCounts, sign: 1 | -1 = 1) {
    if (isZeroCounts(counts)) return;
    const key = keyText(date, group);
    const prev = this.groups.get(key);
    this.groups.set(key, { date, group, counts: addCounts(prev?.counts ?? ZERO, counts, sign) });
  }

  get size() {
    return this.groups.size;
  }
}

/** Serialises rollup writers on PostgreSQL (SQLite has one writer anyway). */
async function lockRollups(trx: Q, db: Db) {
  if (db.dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(2020021001)`.execute(trx);
}

async function snapshotDatesFrom(trx: Q, from: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('resumption_rollup_area')
    .select('date')
    .distinct()
    .where('date', '>=', from)
    .orderBy('date')
    .execute();
  return rows.map((r) => r.date);
}

/** Makes sure a snapshot exists for `date`, copying the latest one before it (the figures of that day). */
async function ensureSnapshot(trx: Q, date: string): Promise<void> {
  const exists = await trx
    .selectFrom('resumption_rollup_area')
    .select('date')
    .where('date', '=', date)
    .limit(1)
    .executeTakeFirst();
  if (exists) return;
  const prev = await trx
    .selectFrom('resumption_rollup_area')
    .select((eb) => eb.fn.max('date').as('d'))
    .where('date', '<', date)
    .executeTakeFirst();
  const from = prev?.d ?? null;
  if (!from) {
    // The very first snapshot: an empty marker row so the date counts as a snapshot date.
    await trx
      .insertInto('resumption_rollup_area')
      .values({ date, county_code: '', zone_code: '', ...zeroColumns() })
      .execute();
    return;
  }
  const cols = sql.raw(COUNT_COLUMNS.join(', '));
  await sql`INSERT INTO resumption_rollup (date, county_code, zone_code, industry_section, size_class, above_scale, ${cols})
    SELECT ${date}, county_code, zone_code, industry_section, size_class, above_scale, ${cols}
    FROM resumption_rollup WHERE date = ${from}`.execute(trx);
  await sql`INSERT INTO resumption_rollup_area (date, county_code, zone_code, ${cols})
    SELECT ${date}, county_code, zone_code, ${cols} FROM resumption_rollup_area WHERE date = ${from}`.execute(trx);
}

function zeroColumns(): RollupCountColumns {
  return Object.fromEntries(COUNT_COLUMNS.map((c) => [c, 0])) as unknown as RollupCountColumns;
}

function columnsOf(c: RateCounts): RollupCountColumns {
  const out = zeroColumns();
  for (const f of COUNT_FIELDS) out[COLUMN_OF[f]] = c[f];
  return out;
}

/** Adds the deltas to the snapshot rows (both tables), creating rows as needed. */
async function writeDelta(trx: Q, delta: RollupDelta): Promise<void> {
  const rows = [...delta.groups.values()].map((d) => ({ date: d.date, ...d.group, ...columnsOf(d.counts) }));
  const area = new Map<string, { date: string; county_code: string; zone_code: string; counts: RateCounts }>();
  for (const d of delta.groups.values()) {
    const key = `${d.date}|${d.group.county_code}|${d.group.zone_code}`;
    const prev = area.get(key);
    area.set(key, {
      date: d.date,
      county_code: d.group.county_code,
      zone_code: d.group.zone_code,
      counts: addCounts(prev?.counts ?? ZERO, d.counts),
    });
  }
  const add = (table: 'resumption_rollup' | 'resumption_rollup_area') =>
    Object.fromEntries(
      COUNT_COLUMNS.map((c) => [c, sql`${sql.ref(`${table}.${c}`)} + ${sql.ref(`excluded.${c}`)}`]),
    ) as never;
  for (let i = 0; i < rows.length; i += 400) {
    await trx
      .insertInto('resumption_rollup')
      .values(rows.slice(i, i + 400))
      .onConflict((oc) =>
        oc
          .columns(['date', 'county_code', 'zone_code', 'industry_section', 'size_class', 'above_scale'])
          .doUpdateSet(add('resumption_rollup')),
      )
      .execute();
  }
  const areaRows = [...area.values()].map((a) => ({
    date: a.date,
    county_code: a.county_code,
    zone_code: a.zone_code,
    ...columnsOf(a.counts),
  }));
  for (let i = 0; i < areaRows.length; i += 400) {
    await trx
      .insertInto('resumption_rollup_area')
      .values(areaRows.slice(i, i + 400))
      .onConflict((oc) => oc.columns(['date', 'county_code', 'zone_code']).doUpdateSet(add('resumption_rollup_area')))
      .execute();
  }
}

export interface FactsChange {
  /** Facts before the change; null for an enterprise that starts being tracked. */
  before: EnterpriseFacts | null;
  after: EnterpriseFacts;
  /** First date the change affects. */
  from: string;
}

/** Applies changes to the rollups, inside the caller's transaction. */
export async function applyChanges(trx: Q, db: Db, changes: readonly FactsChange[]): Promise<void> {
  if (changes.length === 0) return;
  await lockRollups(trx, db);
  // A change never reaches back before the enterprise started being tracked.
  const starts = changes.map((c) => (c.from > c.after.status.tracked_from ? c.from : c.after.status.tracked_from));
  const earliest = starts.reduce((a, b) => (a < b ? a : b));
  for (const s of new Set(starts)) await ensureSnapshot(trx, s);
  const dates = await snapshotDatesFrom(trx, earliest);
  const delta = new RollupDelta();
  changes.forEach((c, i) => {
    const affected = dates.filter((d) => d >= starts[i]!);
    if (affected.length === 0) return;
    const after = countsForDates(c.after, affected);
    const before = c.before ? countsForDates(c.before, affected) : affected.map(() => ZERO);
    affected.forEach((d, j) => {
      if (c.before) delta.add(d, groupOf(c.before.status), before[j]!, -1);
      delta.add(d, groupOf(c.after.status), after[j]!);
    });
  });
  await writeDelta(trx, delta);
}

// ───────────────────────────── loading facts ─────────────────────────────

export function toStatusRecord(r: {
  enterprise_id: number;
  status: string;
  at: string;
  date: string;
  reason: string;
  ref: string | null;
  actor_id: number | null;
  actor_name: string;
  actor_role: string;
  note: string | null;
}): StatusRecord {
  return {
    enterpriseId: String(r.enterprise_id),
    status: r.status as StatusRecord['status'],
    at: r.at,
    date: r.date,
    reason: r.reason as StatusRecord['reason'],
    ref: r.ref,
    actor: {
      userId: String(r.actor_id ?? 'system'),
      role: r.actor_role as StatusRecord['actor']['role'],
      name: r.actor_name,
    },
    note: r.note,
  };
}

export function toWorkerReport(r: {
  enterprise_id: number;
  date: string;
  workers_back: number;
  reported_at: string;
  reported_by: number | null;
  reporter_role: string;
}): WorkerDailyReport {
  return {
    enterpriseId: String(r.enterprise_id),
    date: r.date,
    workersBack: r.workers_back,
    reportedAt: r.reported_at,
    reportedBy: {
      userId: String(r.reported_by ?? 'system'),
      role: r.reporter_role as WorkerDailyReport['reportedBy']['role'],
    },
  };
}

/** One enterprise's facts as stored now (null when it has no status row yet). */
export async function loadFacts(trx: Q, enterpriseId: number): Promise<EnterpriseFacts | null> {
  const status = await trx
    .selectFrom('resumption_enterprise_status')
    .selectAll()
    .where('enterprise_id', '=', enterpriseId)
    .executeTakeFirst();
  if (!status) return null;
  const [history, reports] = await Promise.all([
    trx
      .selectFrom('resumption_status_history')
      .selectAll()
      .where('enterprise_id', '=', enterpriseId)
      .orderBy('id')
      .execute(),
    trx
      .selectFrom('resumption_worker_reports')
      .selectAll()
      .where('enterprise_id', '=', enterpriseId)
      .orderBy('date')
      .execute(),
  ]);
  return { enterpriseId, status, history: history.map(toStatusRecord), reports: reports.map(toWorkerReport) };
}

// ───────────────────────────── full rebuild ─────────────────────────────

/**
 * Recomputes every snapshot for the given dates from the stored histories (demo data, benchmarks, repairs). Reads
 * the enterprises in id ranges so memory stays bounded by the number of groups, not of enterprises.
 */
export async function rebuildRollups(
  db: Db,
  dates: readonly string[],
  options: { chunk?: number; onProgress?: (done: number) => void } = {},
): Promise<{ rows: number; enterprises: number }> {
  const sorted = [...new Set(dates)].sort();
  const k = db.kysely;
  const totals = new Map<string, { date: string; group: GroupKey; counts: Record<keyof RateCounts, number> }>();
  const chunk = options.chunk ?? 2000;
  let lastId = 0;
  let enterprises = 0;
  for (;;) {
    const statuses = await k
      .selectFrom('resumption_enterprise_status')
      .selectAll()
      .where('enterprise_id', '>', lastId)
      .orderBy('enterprise_id')
      .limit(chunk)
      .execute();
    if (statuses.length === 0) break;
    const lo = statuses[0]!.enterprise_id;
    const hi = statuses.at(-1)!.enterprise_id;
    const [history, reports] = await Promise.all([
      k
        .selectFrom('resumption_status_history')
        .selectAll()
        .where('enterprise_id', '>=', lo)
        .where('enterprise_id', '<=', hi)
        .orderBy('enterprise_id')
        .orderBy('id')
        .execute(),
      k
        .selectFrom('resumption_worker_reports')
        .selectAll()
        .where('enterprise_id', '>=', lo)
        .where('enterprise_id', '<=', hi)
        .orderBy('enterprise_id')
        .orderBy('date')
        .execute(),
    ]);
    const historyOf = groupBy(history.map(toStatusRecord), (r) => Number(r.enterpriseId));
    const reportsOf = groupBy(reports.map(toWorkerReport), (r) => Number(r.enterpriseId));
    for (const s of statuses) {
      const facts: EnterpriseFacts = {
        enterpriseId: s.enterprise_id,
        status: s,
        history: historyOf.get(s.enterprise_id) ?? [],
        reports: reportsOf.get(s.enterprise_id) ?? [],
      };
      const counts = countsForDates(facts, sorted);
      const group = groupOf(s);
      counts.forEach((c, i) => {
        if (isZeroCounts(c)) return;
        const date = sorted[i]!;
        const key = keyText(date, group);
        let t = totals.get(key);
        if (!t) totals.set(key, (t = { date, group, counts: { ...ZERO } }));
        for (const f of COUNT_FIELDS) t.counts[f] += c[f];
      });
    }
    enterprises += statuses.length;
    lastId = hi;
    options.onProgress?.(enterprises);
  }
  await k.transaction().execute(async (trx) => {
    await lockRollups(trx, db);
    await trx.deleteFrom('resumption_rollup').execute();
    await trx.deleteFrom('resumption_rollup_area').execute();
    const delta = new RollupDelta();
    for (const t of totals.values()) delta.groups.set(keyText(t.date, t.group), t);
    // Every date gets its snapshot, even one on which no enterprise was tracked yet.
    for (const date of sorted) {
      await trx
        .insertInto('resumption_rollup_area')
        .values({ date, county_code: '', zone_code: '', ...zeroColumns() })
        .execute();
    }
    await writeDelta(trx, delta);
  });
  return { rows: totals.size, enterprises };
}

function groupBy<T>(items: readonly T[], key: (t: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const item of items) {
    const k = key(item);
    let list = out.get(k);
    if (!list) out.set(k, (list = []));
    list.push(item);
  }
  return out;
}

// ───────────────────────────── reading ─────────────────────────────

/** The snapshot that holds the figures of `date`: the latest on or before it (null before the first). */
export async function snapshotOn(db: Q, date: string): Promise<string | null> {
  const r = await db
    .selectFrom('resumption_rollup_area')
    .select((eb) => eb.fn.max('date').as('d'))
    .where('date', '<=', date)
    .executeTakeFirst();
  return r?.d ?? null;
}

/** The latest snapshot date (the last day anything changed). */
export async function latestSnapshot(db: Q): Promise<string | null> {
  const r = await db
    .selectFrom('resumption_rollup_area')
    .select((eb) => eb.fn.max('date').as('d'))
    .executeTakeFirst();
  return r?.d ?? null;
}

export function countsFromColumns(r: RollupCountColumns): RateCounts {
  const out = { ...ZERO } as Record<keyof RateCounts, number>;
  for (const f of COUNT_FIELDS) out[f] = Number(r[COLUMN_OF[f]]);
  return out;
}
