/**
 * Pure aggregation of 复工率 / 复岗率 over 100,000 enterprise rollup rows: a first figure for the later database
 * benchmark. Run: `npx tsx bench/resumption-rates.bench.ts` (or `npm run bench resumption-rates`).
 *
 * Prints p50 / p95 of repeated runs for several groupings, the weekly-report build, and the rollup of rows from
 * status histories. Figures only: nothing here passes or fails on time.
 */
import { performance } from 'node:perf_hooks';
import { createRng } from '../src/domain/demo/random.ts';
import type { Dimension, EnterpriseProfile, EnterpriseSize, RollupRow } from '../src/domain/resumption/rates.ts';
import { RollupIndex, aggregateRates, buildWeeklyReport, weeklyReportPeriod } from '../src/domain/resumption/rates.ts';
import type { EnterpriseStatus, StatusRecord, WorkerDailyReport } from '../src/domain/resumption/status.ts';
import { addDays } from '../src/domain/resumption/time.ts';

const N = Number(process.env.BENCH_ROWS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARMUP = 5;

// Nanchang's counties and districts (GB/T 2260) and a few functional zones.
const REGIONS = ['360102', '360103', '360104', '360111', '360112', '360113', '360121', '360123', '360124'];
const ZONES = ['NCGX', 'NCJK', 'NCXJ', null, null, null];
const INDUSTRIES = [
  'A01',
  'C13',
  'C14',
  'C17',
  'C26',
  'C27',
  'C33',
  'C38',
  'C39',
  'E47',
  'F51',
  'F52',
  'G54',
  'H61',
  'H62',
];
const SIZES: readonly (readonly [EnterpriseSize, number])[] = [
  ['large', 1],
  ['medium', 4],
  ['small', 25],
  ['micro', 70],
];
const STATUSES: readonly (readonly [EnterpriseStatus, number])[] = [
  ['resumed', 55],
  ['partially_resumed', 25],
  ['not_resumed', 18],
  ['stopped', 2],
];

function makeRows(n: number): RollupRow[] {
  const rng = createRng('bench:resumption-rates');
  const rows: RollupRow[] = [];
  for (let i = 0; i < n; i++) {
    const size = rng.weighted(SIZES);
    const normal =
      size === 'large'
        ? rng.int(1000, 5000)
        : size === 'medium'
          ? rng.int(300, 999)
          : size === 'small'
            ? rng.int(20, 299)
            : rng.int(1, 19);
    const status = rng.weighted(STATUSES);
    const back =
      status === 'resumed' ? normal : status === 'partially_resumed' ? rng.int(1, Math.max(1, normal - 1)) : 0;
    rows.push({
      enterpriseId: `e${i}`,
      regionCode: rng.pick(REGIONS),
      zoneCode: rng.pick(ZONES),
      industry: rng.pick(INDUSTRIES),
      size,
      aboveScale: size === 'large' || size === 'medium' || rng.chance(0.05),
      status,
      workersBack: back,
      normalHeadcount: normal,
      filed: status !== 'not_resumed' || rng.chance(0.1),
      plannedWorkers: normal,
    });
  }
  return rows;
}

function measure(label: string, fn: () => unknown): void {
  for (let i = 0; i < WARMUP; i++) fn();
  const times: number[] = [];
  let sink = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const out = fn();
    times.push(performance.now() - t0);
    sink += Array.isArray(out) ? out.length : 1;
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)]!;
  console.log(
    `${label.padEnd(50)} p50 ${q(0.5).toFixed(2).padStart(8)} ms   p95 ${q(0.95).toFixed(2).padStart(8)} ms   (${RUNS} runs, ${sink} output items)`,
  );
}

const t0 = performance.now();
const rows = makeRows(N);
console.log(`generated ${rows.length} rollup rows in ${(performance.now() - t0).toFixed(0)} ms`);

const groupings: (readonly Dimension[])[] = [
  [],
  ['regionCode'],
  ['zoneCode'],
  ['industry'],
  ['size'],
  ['aboveScale'],
  ['regionCode', 'industry'],
  ['regionCode', 'size', 'aboveScale'],
];
for (const g of groupings) {
  measure(`aggregateRates by [${g.join(', ') || 'total'}]`, () => aggregateRates(rows, g));
}

const before = rows.map((r) =>
  r.status === 'partially_resumed' ? { ...r, workersBack: Math.floor(r.workersBack / 2) } : r,
);
const period = weeklyReportPeriod('2020-02-17');
const regions = REGIONS.map((code) => ({ code, name: code }));
measure(
  'buildWeeklyReport (two snapshots by region)',
  () => buildWeeklyReport({ period, areaName: '南昌市', regions, rowsBefore: before, rowsAtEnd: rows }).rows,
);

// Rollup rows from histories: one grant, one workers report per week, a few stops.
const system = { userId: 'system', role: 'system' as const };
const profiles: EnterpriseProfile[] = rows.map((r) => ({
  enterpriseId: r.enterpriseId,
  regionCode: r.regionCode,
  zoneCode: r.zoneCode,
  industry: r.industry,
  size: r.size,
  aboveScale: r.aboveScale,
  normalHeadcount: r.normalHeadcount,
  plannedHeadcount: r.plannedWorkers ?? 0,
}));
const history: StatusRecord[] = [];
const reports: WorkerDailyReport[] = [];
const rng = createRng('bench:histories');
for (const r of rows) {
  if (r.status === 'not_resumed') continue;
  const day = addDays('2020-02-10', rng.int(0, 20));
  history.push({
    enterpriseId: r.enterpriseId,
    status: 'partially_resumed',
    at: `${day}T09:00:00+08:00`,
    date: day,
    reason: 'resumption_granted',
    ref: null,
    actor: system,
    note: null,
  });
  reports.push({
    enterpriseId: r.enterpriseId,
    date: day,
    workersBack: Math.max(1, Math.floor(r.normalHeadcount / 2)),
    reportedAt: `${day}T18:00:00+08:00`,
    reportedBy: system,
  });
  if (r.status === 'stopped') {
    const stopDay = addDays(day, 3);
    history.push({
      enterpriseId: r.enterpriseId,
      status: 'stopped',
      at: `${stopDay}T10:00:00+08:00`,
      date: stopDay,
      reason: 'stop_ordered',
      ref: 'o',
      actor: system,
      note: null,
    });
  }
}
console.log(`histories: ${history.length} status records, ${reports.length} worker reports`);
measure('RollupIndex build', () => new RollupIndex(history, reports));
const index = new RollupIndex(history, reports);
measure('rowsOn (100k profiles, one day)', () => index.rowsOn(profiles, '2020-02-20'));
measure('rowsOn + aggregate by region (one trend point)', () =>
  aggregateRates(index.rowsOn(profiles, '2020-02-20'), ['regionCode']),
);

const mem = process.memoryUsage();
console.log(`heap used ${(mem.heapUsed / 1_048_576).toFixed(0)} MiB, rss ${(mem.rss / 1_048_576).toFixed(0)} MiB`);
