/**
 * 复工率 / 复岗率 dashboard from the rollups, on SQLite and PostgreSQL: 100,000 enterprises and 10,000,000 worker-days
 * of attendance (100 days × 100,000 enterprises). Run: `npx tsx bench/resumption-dashboard.bench.ts`.
 *
 * The attendance is simulated day by day per enterprise (resumption day, workers back growing towards the normal
 * headcount, a few stop orders) and folded into the daily snapshot rollups exactly as the service keeps them
 * (resumption_rollup by county × zone × industry × size × 规上, resumption_rollup_area by county × zone); the
 * enterprise status table holds each enterprise's current figures for the drill-down. The dashboard calls the same
 * service functions as GET /api/resumption/stats, /stats/trend and /stats/enterprises. Prints p50 / p95 (target: p95
 * under 200 ms). Figures only: nothing passes or fails on time. BENCH_ENTERPRISES / BENCH_DAYS shrink the data set.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { createRng } from '../src/domain/demo/random.ts';
import { addDays } from '../src/domain/resumption/time.ts';
import type { SessionUser } from '../src/server/access/session-user.ts';
import type { Db } from '../src/server/db/database.ts';
import { openDatabase } from '../src/server/db/database.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import type { NewEnterprise } from '../src/server/db/schema.ts';
import { seedReferenceData } from '../src/server/seed/reference-seed.ts';
import { dashboard, drillEnterprises, trend } from '../src/server/resumption/stats.service.ts';
import { benchContext } from './support/app-context.ts';
import { BENCH_OUT, PG_URL, syntheticEnterprises } from './support/registry-data.ts';
import { ms, timeRuns } from './support/stats.ts';

const N = Number(process.env.BENCH_ENTERPRISES ?? 100_000);
const DAYS = Number(process.env.BENCH_DAYS ?? 100);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const FIRST_DAY = '2020-02-03';
const LAST_DAY = addDays(FIRST_DAY, DAYS - 1);

const COUNT_COLUMNS = [
  'enterprises',
  'resumed',
  'partially_resumed',
  'not_resumed',
  'stopped',
  'filed',
  'planned_workers',
  'workers_back',
  'normal_headcount',
] as const;

async function insertEnterprises(db: Db) {
  let batch: NewEnterprise[] = [];
  for await (const e of syntheticEnterprises(db, N)) {
    batch.push(e);
    if (batch.length === 500) {
      await db.kysely
        .insertInto('enterprises')
        .values(batch)
        .onConflict((oc) => oc.column('credit_code').doNothing())
        .execute();
      batch = [];
    }
  }
  if (batch.length)
    await db.kysely
      .insertInto('enterprises')
      .values(batch)
      .onConflict((oc) => oc.column('credit_code').doNothing())
      .execute();
  const c = await db.kysely
    .selectFrom('enterprises')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(c.n);
}

/** Simulates the attendance and writes the snapshot rollups and the current status of every enterprise. */
async function buildRollups(db: Db) {
  const k = db.kysely;
  const rng = createRng('bench-resumption-dashboard');
  const rows = await k
    .selectFrom('enterprises')
    .select([
      'id',
      'county_code',
      'zone_code',
      'industry_section',
      'size_class',
      'is_above_scale_industry',
      'employees',
    ])
    .orderBy('id')
    .execute();
  const groups = new Map<string, Float64Array>(); // key → DAYS × 9 counts
  const areas = new Map<string, Float64Array>();
  const status: Record<string, unknown>[] = [];
  let workerDays = 0;
  for (const e of rows) {
    const gKey = [
      e.county_code,
      e.zone_code ?? '',
      e.industry_section,
      e.size_class ?? '',
      e.is_above_scale_industry,
    ].join('|');
    const aKey = [e.county_code, e.zone_code ?? ''].join('|');
    let g = groups.get(gKey);
    if (!g) groups.set(gKey, (g = new Float64Array(DAYS * 9)));
    let a = areas.get(aKey);
    if (!a) areas.set(aKey, (a = new Float64Array(DAYS * 9)));
    const normal = Math.max(1, e.employees);
    const resumeDay = rng.chance(0.85) ? rng.int(0, Math.floor(DAYS * 0.6)) : DAYS;
    const stopFrom = rng.chance(0.02) ? resumeDay + rng.int(5, 20) : DAYS;
    const stopTo = stopFrom + rng.int(3, 10);
    let last = { s: 'not_resumed', back: 0 };
    for (let d = 0; d < DAYS; d++) {
      workerDays++;
      let s = 'not_resumed';
      let back = 0;
      if (d >= resumeDay) {
        back = Math.min(normal, Math.round(normal * Math.min(1, 0.3 + 0.03 * (d - resumeDay))));
        s =
          d >= stopFrom && d < stopTo
            ? 'stopped'
            : back >= normal
              ? 'resumed'
              : back > 0
                ? 'partially_resumed'
                : 'not_resumed';
      }
      const counts = [
        1,
        s === 'resumed' ? 1 : 0,
        s === 'partially_resumed' ? 1 : 0,
        s === 'not_resumed' ? 1 : 0,
        s === 'stopped' ? 1 : 0,
        d >= resumeDay ? 1 : 0,
        d >= resumeDay ? normal : 0,
        back,
        normal,
      ];
      for (let c = 0; c < 9; c++) {
        g[d * 9 + c]! += counts[c]!;
        a[d * 9 + c]! += counts[c]!;
      }
      last = { s, back };
    }
    status.push({
      enterprise_id: e.id,
      status: last.s,
      status_date: LAST_DAY,
      granted: resumeDay < DAYS ? 1 : 0,
      granted_on: resumeDay < DAYS ? addDays(FIRST_DAY, resumeDay) : null,
      normal_headcount: normal,
      planned_headcount: resumeDay < DAYS ? normal : 0,
      workers_back: last.back,
      workers_back_date: LAST_DAY,
      tracked_from: FIRST_DAY,
      county_code: e.county_code,
      zone_code: e.zone_code ?? '',
      industry_section: e.industry_section,
      size_class: e.size_class ?? '',
      above_scale: e.is_above_scale_industry,
      version: 1,
      updated_at: '2020-05-12T00:00:00.000Z',
    });
  }
  for (let i = 0; i < status.length; i += 500)
    await k
      .insertInto('resumption_enterprise_status')
      .values(status.slice(i, i + 500) as never)
      .execute();
  const toColumns = (arr: Float64Array, d: number) =>
    Object.fromEntries(COUNT_COLUMNS.map((c, j) => [c, arr[d * 9 + j]!])) as Record<
      (typeof COUNT_COLUMNS)[number],
      number
    >;
  let rollupRows = 0;
  for (let d = 0; d < DAYS; d++) {
    const date = addDays(FIRST_DAY, d);
    const batch = [...groups.entries()].map(([key, arr]) => {
      const [county_code, zone_code, industry_section, size_class, above] = key.split('|');
      return {
        date,
        county_code: county_code!,
        zone_code: zone_code!,
        industry_section: industry_section!,
        size_class: size_class!,
        above_scale: Number(above),
        ...toColumns(arr, d),
      };
    });
    for (let i = 0; i < batch.length; i += 400)
      await k
        .insertInto('resumption_rollup')
        .values(batch.slice(i, i + 400))
        .execute();
    rollupRows += batch.length;
    const areaBatch = [...areas.entries()].map(([key, arr]) => {
      const [county_code, zone_code] = key.split('|');
      return { date, county_code: county_code!, zone_code: zone_code!, ...toColumns(arr, d) };
    });
    await k.insertInto('resumption_rollup_area').values(areaBatch).execute();
  }
  return { workerDays, rollupRows, groups: groups.size };
}

async function open(dialect: 'sqlite' | 'postgres'): Promise<{ db: Db; built: boolean }> {
  mkdirSync(BENCH_OUT, { recursive: true });
  let db: Db;
  if (dialect === 'sqlite') {
    const file = path.join(BENCH_OUT, `resumption-${N}-${DAYS}.sqlite`);
    const fresh = !existsSync(file);
    db = openDatabase({ dialect: 'sqlite', file });
    if (fresh) await migrateToLatest(db);
  } else {
    const schema = `bench_resumption_${N}_${DAYS}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await admin.end();
    db = openDatabase({ dialect: 'postgres', url: PG_URL, searchPath: schema, poolSize: 4 });
  }
  await migrateToLatest(db);
  await seedReferenceData(db, new Date('2020-02-01T00:00:00Z'));
  const have = await db.kysely.selectFrom('resumption_rollup_area').select('date').limit(1).executeTakeFirst();
  if (have) return { db, built: false };
  const t0 = performance.now();
  await db.kysely.deleteFrom('resumption_enterprise_status').execute();
  await db.kysely.deleteFrom('enterprises').execute();
  const enterprises = await insertEnterprises(db);
  const r = await buildRollups(db);
  if (dialect === 'postgres') await sql`VACUUM ANALYZE`.execute(db.kysely);
  else await sql`ANALYZE`.execute(db.kysely);
  console.log(
    `  生成 ${enterprises.toLocaleString()} 家企业、${r.workerDays.toLocaleString()} 个企业·日考勤、${r.groups.toLocaleString()} 个分组、` +
      `${r.rollupRows.toLocaleString()} 行快照汇总，用时 ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  return { db, built: true };
}

function user(role: SessionUser['role'], regionCode: string | null): SessionUser {
  return {
    id: 1,
    username: 'bench',
    displayName: '基准测试',
    role,
    regionCode,
    departmentId: null,
    enterpriseId: null,
    bankId: null,
    mustChangePassword: false,
  };
}

async function pgReachable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

async function run(dialect: 'sqlite' | 'postgres') {
  const { db } = await open(dialect);
  const app = await benchContext(db);
  const city = user('leader', '3601');
  const county = user('dept', '360111');
  const date = (i: number) => addDays(FIRST_DAY, DAYS - 1 - (i % 30));
  const cases: { name: string; fn: (i: number) => Promise<unknown> }[] = [
    { name: '市级 按县（区）', fn: (i) => dashboard(app, city, { date: date(i), groupBy: ['regionCode'] }) },
    { name: '市级 按功能区', fn: (i) => dashboard(app, city, { date: date(i), groupBy: ['zoneCode'] }) },
    { name: '市级 按行业', fn: (i) => dashboard(app, city, { date: date(i), groupBy: ['industry'] }) },
    { name: '市级 按规模 × 规上', fn: (i) => dashboard(app, city, { date: date(i), groupBy: ['size', 'aboveScale'] }) },
    {
      name: '市级 规上工业 按县',
      fn: (i) => dashboard(app, city, { date: date(i), groupBy: ['regionCode'], aboveScale: true }),
    },
    { name: '县级 按行业', fn: (i) => dashboard(app, county, { date: date(i), groupBy: ['industry'] }) },
    { name: '市级 30 天趋势', fn: (i) => trend(app, city, { from: addDays(date(i), -29), to: date(i) }) },
    {
      name: '下钻 县 × 行业 第 1 页',
      fn: (i) =>
        drillEnterprises(app, city, {
          groupBy: [],
          countyCode: '360111',
          industry: ['C', 'F', 'G', 'I'][i % 4],
          page: 1,
          pageSize: 20,
        }),
    },
  ];
  const info = await db.kysely
    .selectFrom('resumption_rollup')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  console.log(
    `\n${dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}：${N.toLocaleString()} 家企业 × ${DAYS} 天（${(N * DAYS).toLocaleString()} 企业·日），` +
      `快照汇总 ${Number(info.n).toLocaleString()} 行，每项 ${RUNS} 次`,
  );
  console.log('| 看板 | p50 | p95 | 最大 | 复工率（示例） |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const c of cases) {
    let sample = '';
    const r = await timeRuns(RUNS, async (i) => {
      const res = (await c.fn(i)) as { total?: { resumptionRate?: string } | number };
      sample = typeof res.total === 'object' ? (res.total.resumptionRate ?? '') : String(res.total ?? '');
    });
    console.log(`| ${c.name} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.max)} | ${sample} |`);
  }
  await db.close();
}

await run('sqlite');
if (await pgReachable()) await run('postgres');
else console.log('\nPostgreSQL 不可达，跳过');
