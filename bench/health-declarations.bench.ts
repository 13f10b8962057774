/**
 * Daily declarations ingested per second (issue 5: ≥ 10,000/s on PostgreSQL), through the same batched write path
 * the API's batch route uses (`ingestDeclarations`: validation, idempotency-key and once-a-day checks, batched
 * inserts, anomaly cases with alerts, one audit record per batch), on SQLite and PostgreSQL.
 * Run: npm run bench health-declarations   (BENCH_HEALTH_PEOPLE=50000, BENCH_HEALTH_BATCH=2000 to change sizes; 5,000 is the batch route's maximum)
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { systemActor } from '../src/server/audit/audit.ts';
import { manualClock } from '../src/server/clock.ts';
import type { Db } from '../src/server/db/database.ts';
import { openDatabase } from '../src/server/db/database.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import type { NewHealthPerson } from '../src/server/db/schema-health.ts';
import type { DeclarationInput } from '../src/server/health/declarations.ts';
import { ingestDeclarations } from '../src/server/health/declarations.ts';
import { seedReferenceData } from '../src/server/seed/reference-seed.ts';
import { benchContext } from './support/app-context.ts';
import { PG_URL } from './support/registry-data.ts';

const PEOPLE = Number(process.env.BENCH_HEALTH_PEOPLE ?? 50_000);
const BATCH = Number(process.env.BENCH_HEALTH_BATCH ?? 5_000);
/** One in a thousand declarations is a fever: it opens a case, alerts and re-evaluates the person. */
const FEVER_EVERY = 1000;

async function freshDb(dialect: 'sqlite' | 'postgres'): Promise<{ db: Db; drop: () => Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'shuangsheng-health-bench-'));
    const db = openDatabase({ dialect: 'sqlite', file: path.join(dir, 'bench.sqlite') });
    await migrateToLatest(db);
    return { db, drop: () => db.close() };
  }
  const schema = `bench_health_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const db = openDatabase({ dialect: 'postgres', url: PG_URL, searchPath: schema, poolSize: 4 });
  await migrateToLatest(db);
  return {
    db,
    drop: async () => {
      await db.close();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}

async function seedRoster(db: Db): Promise<{ id: number; enterprise_id: number }[]> {
  await seedReferenceData(db, new Date('2020-02-01T00:00:00Z'));
  const at = '2020-02-10T01:00:00.000Z';
  const enterprises: number[] = [];
  for (let i = 0; i < 10; i++) {
    const row = await db.kysely
      .insertInto('enterprises')
      .values({
        credit_code: `91360111BENCH${String(i).padStart(5, '0')}`,
        name: `基准测试企业${i}`,
        legal_rep: '张基准',
        contact_name: '李基准',
        contact_phone: '15400000001',
        address: '基准地址',
        region_code: '360111490',
        city_code: '3601',
        county_code: '360111',
        township_code: '360111490',
        grid_code: null,
        zone_code: null,
        industry_code: '39',
        industry_section: 'C',
        employees: PEOPLE / 10,
        revenue_fen: 0,
        assets_fen: 0,
        size_class: 'medium',
        is_above_scale_industry: 1,
        is_above_quota_trade: 0,
        is_epidemic_supplies: 0,
        is_essentials: 0,
        is_chain_core: 0,
        key_list: null,
        liaison_user_id: null,
        import_batch_id: null,
        version: 1,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    enterprises.push(row.id);
  }
  const rows: NewHealthPerson[] = [];
  for (let i = 0; i < PEOPLE; i++) {
    rows.push({
      enterprise_id: enterprises[i % enterprises.length]!,
      name: `员工${i}`,
      resident_id_enc: 'v1:bench',
      resident_id_hash: `bench-${i}`,
      resident_id_masked: '3601**********0000',
      sex: 'male',
      phone: null,
      team: null,
      post: null,
      key_post: 0,
      home_region: null,
      dormitory: 0,
      return_batch: null,
      return_date: null,
      return_mode: null,
      travel_history: null,
      contact_history: null,
      category: null,
      facts: '{}',
      user_id: null,
      needs_card: 0,
      active: 1,
      left_on: null,
      status: 'cleared',
      evaluation: null,
      reason_codes: '[]',
      earliest_return_date: null,
      status_cause: 'rules',
      rule_set_id: null,
      override_id: null,
      evaluated_on: null,
      status_changed_at: null,
      import_batch_id: null,
      version: 1,
      created_by: null,
      created_at: at,
      updated_at: at,
    });
  }
  for (let i = 0; i < rows.length; i += 500) {
    await db.kysely
      .insertInto('health_people')
      .values(rows.slice(i, i + 500))
      .execute();
  }
  return db.kysely.selectFrom('health_people').select(['id', 'enterprise_id']).orderBy('id').execute();
}

async function run(dialect: 'sqlite' | 'postgres') {
  const { db, drop } = await freshDb(dialect);
  const people = await seedRoster(db);
  const app = { ...(await benchContext(db)), clock: manualClock('2020-02-20T10:00:00+08:00') };
  const actor = systemActor('基准');
  const inputs: DeclarationInput[] = people.map((p, i) => ({
    person: { id: p.id, enterprise_id: p.enterprise_id, dormitory: 0, status: 'cleared', active: 1 },
    clientKey: `k-${p.id}-2020-02-20`,
    at: '2020-02-20T08:30:00+08:00',
    temperatureC: i % FEVER_EVERY === FEVER_EVERY - 1 ? 38.1 : 36.2 + (i % 8) / 10,
    symptoms: [],
    location: { place: 'home' },
    submittedBy: null,
  }));
  const ingest = async () => {
    let accepted = 0;
    let duplicates = 0;
    let anomalies = 0;
    const t0 = performance.now();
    for (let i = 0; i < inputs.length; i += BATCH) {
      const out = await ingestDeclarations(app, actor, inputs.slice(i, i + BATCH));
      for (const o of out) {
        if (!o.ok) throw new Error(o.message);
        if (o.duplicate) duplicates++;
        else accepted++;
        if (o.ok && o.anomaly && !o.duplicate) anomalies++;
      }
    }
    return { seconds: (performance.now() - t0) / 1000, accepted, duplicates, anomalies };
  };
  const first = await ingest();
  // Every phone retries its whole day: each declaration must be accepted once, not twice.
  const retry = await ingest();
  const stored = await db.kysely
    .selectFrom('health_declarations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(stored.n) !== inputs.length) throw new Error(`写入 ${stored.n} 条，应为 ${inputs.length} 条`);
  const name = dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  console.log(
    `| ${name} | 首次申报 | ${first.accepted.toLocaleString()} | ${first.anomalies} | ${first.seconds.toFixed(2)} s | ${Math.round(first.accepted / first.seconds).toLocaleString()} 条/s |`,
  );
  console.log(
    `| ${name} | 重试（同幂等键） | ${retry.duplicates.toLocaleString()}（去重） | 0 | ${retry.seconds.toFixed(2)} s | ${Math.round(retry.duplicates / retry.seconds).toLocaleString()} 条/s |`,
  );
  await drop();
}

console.log(`\n健康申报批量写入：${PEOPLE.toLocaleString()} 名员工各申报 1 次，每批 ${BATCH.toLocaleString()} 条`);
console.log('| 数据库 | 场景 | 条数 | 异常 | 用时 | 吞吐 |');
console.log('| --- | --- | --- | --- | --- | --- |');
await run('sqlite');
const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
const pgUp = await c.connect().then(
  () => true,
  () => false,
);
if (pgUp) {
  await c.end();
  await run('postgres');
} else console.log('PostgreSQL 不可达，跳过');
