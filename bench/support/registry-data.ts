import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { sql } from 'kysely';
import { fakeCreditCode } from '../../src/domain/demo/identifiers.ts';
import { NANCHANG_AREAS, fakeEnterprise, fakeMobile, fakePersonName } from '../../src/domain/demo/names.ts';
import { createRng } from '../../src/domain/demo/random.ts';
import { classifyEnterpriseSize } from '../../src/domain/registry/size-class.ts';
import type { Db } from '../../src/server/db/database.ts';
import { openDatabase } from '../../src/server/db/database.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import type { NewEnterprise } from '../../src/server/db/schema.ts';
import { industrySectionOf } from '../../src/server/registry/industries.ts';
import { seedReferenceData } from '../../src/server/seed/reference-seed.ts';

/**
 * A large synthetic registry for benchmarks, built once and cached: a SQLite file under bench/out/ and a schema in
 * the PostgreSQL test database. Deterministic from a fixed seed, so every run measures the same data.
 */
export const BENCH_OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../out');
export const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const COLUMNS = [
  'credit_code',
  'name',
  'legal_rep',
  'contact_name',
  'contact_phone',
  'address',
  'region_code',
  'city_code',
  'county_code',
  'township_code',
  'grid_code',
  'zone_code',
  'industry_code',
  'industry_section',
  'employees',
  'revenue_fen',
  'assets_fen',
  'size_class',
  'is_above_scale_industry',
  'is_above_quota_trade',
  'is_epidemic_supplies',
  'is_essentials',
  'is_chain_core',
  'key_list',
  'liaison_user_id',
  'import_batch_id',
  'version',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof NewEnterprise)[];

export async function* syntheticEnterprises(db: Db, count: number): AsyncGenerator<NewEnterprise> {
  const rng = createRng('bench-registry');
  const townships = await db.kysely
    .selectFrom('regions')
    .selectAll()
    .where('level', '=', 'township')
    .where('city_code', '=', '3601')
    .execute();
  const byCounty = new Map<string, typeof townships>();
  for (const t of townships) byCounty.set(t.county_code!, [...(byCounty.get(t.county_code!) ?? []), t]);
  const areas = NANCHANG_AREAS.map((a) => ({ value: a, weight: a.weight }));
  const at = '2020-02-10T01:00:00.000Z';
  for (let i = 0; i < count; i++) {
    const area = rng.weighted(areas);
    const township = rng.pick(byCounty.get(area.code)!);
    const base = fakeEnterprise(rng, area);
    const employees = rng.chance(0.6) ? rng.int(1, 19) : rng.chance(0.8) ? rng.int(20, 299) : rng.int(300, 3000);
    const revenueFen = employees * rng.int(50_000, 2_000_000) * 100;
    const assetsFen = Math.round(revenueFen * (0.5 + rng.next()));
    const division = Number(base.industryCode.slice(0, 2));
    const industrial = division >= 6 && division <= 46;
    yield {
      credit_code: fakeCreditCode(rng, area.code),
      name: base.name,
      legal_rep: fakePersonName(rng),
      contact_name: fakePersonName(rng),
      contact_phone: fakeMobile(rng),
      address: `${area.fullName}某路${rng.int(1, 999)}号`,
      region_code: township.code,
      city_code: '3601',
      county_code: area.code,
      township_code: township.code,
      grid_code: null,
      zone_code: township.zone_code,
      industry_code: base.industryCode,
      industry_section: industrySectionOf(base.industryCode) ?? 'S',
      employees,
      revenue_fen: revenueFen,
      assets_fen: assetsFen,
      size_class: classifyEnterpriseSize({ industryCode: base.industryCode, employees, revenueFen, assetsFen })
        .sizeClass,
      is_above_scale_industry: industrial && revenueFen >= 2_000_000_000 ? 1 : 0,
      is_above_quota_trade:
        (division === 51 && revenueFen >= 2_000_000_000) || (division === 52 && revenueFen >= 500_000_000) ? 1 : 0,
      is_epidemic_supplies: rng.chance(0.01) ? 1 : 0,
      is_essentials: rng.chance(0.03) ? 1 : 0,
      is_chain_core: industrial && rng.chance(0.04) ? 1 : 0,
      key_list: rng.chance(0.005) ? 'municipal' : null,
      liaison_user_id: null,
      import_batch_id: null,
      version: 1,
      created_at: at,
      updated_at: at,
    };
  }
}

async function count(db: Db): Promise<number> {
  const row = await db.kysely
    .selectFrom('enterprises')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Insert through unique credit codes: a duplicate (vanishingly rare) is skipped, so counts may fall a hair short. */
async function fill(db: Db, target: number, log: (s: string) => void): Promise<void> {
  const intColumns = new Set([
    'employees',
    'is_above_scale_industry',
    'is_above_quota_trade',
    'is_epidemic_supplies',
    'is_essentials',
    'is_chain_core',
    'liaison_user_id',
    'import_batch_id',
    'version',
  ]);
  const types = COLUMNS.map((c) =>
    intColumns.has(c) ? 'int[]' : c === 'revenue_fen' || c === 'assets_fen' ? 'bigint[]' : 'text[]',
  );
  // PostgreSQL: one array parameter per column through unnest, far fewer parameters than a VALUES list.
  const unnestInsert = `INSERT INTO enterprises (${COLUMNS.join(',')}) SELECT * FROM unnest(${COLUMNS.map((_, i) => `$${i + 1}::${types[i]}`).join(',')})`;
  const client =
    db.dialect === 'postgres'
      ? new pg.Client({ connectionString: PG_URL, options: `-c search_path=${db.schema}` })
      : null;
  await client?.connect();
  const batch: NewEnterprise[] = [];
  const seen = new Set<string>();
  let written = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    if (client) {
      await client.query(
        unnestInsert,
        COLUMNS.map((c) => batch.map((r) => (r as Record<string, unknown>)[c] ?? null)),
      );
    } else {
      await db.kysely.transaction().execute(async (trx) => {
        for (let i = 0; i < batch.length; i += 1000)
          await trx
            .insertInto('enterprises')
            .values(batch.slice(i, i + 1000))
            .execute();
      });
    }
    written += batch.length;
    batch.length = 0;
    if (written % 100_000 === 0) log(`  … ${written.toLocaleString()} 家`);
  };
  for await (const e of syntheticEnterprises(db, target)) {
    if (seen.has(e.credit_code)) continue;
    seen.add(e.credit_code);
    batch.push(e);
    if (batch.length === 20_000) await flush();
  }
  await flush();
  await client?.end();
}

export interface BenchRegistry {
  db: Db;
  enterprises: number;
  built: boolean;
}

/** Open (building on first use) a registry of `size` enterprises on SQLite or PostgreSQL. */
export async function openBenchRegistry(
  dialect: 'sqlite' | 'postgres',
  size: number,
  log: (s: string) => void = console.log,
): Promise<BenchRegistry> {
  mkdirSync(BENCH_OUT, { recursive: true });
  let db: Db;
  if (dialect === 'sqlite') {
    const file = path.join(BENCH_OUT, `registry-${size}.sqlite`);
    const fresh = !existsSync(file);
    db = openDatabase({ dialect: 'sqlite', file });
    if (fresh) await migrateToLatest(db);
  } else {
    const schema = `bench_registry_${size}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await admin.end();
    db = openDatabase({ dialect: 'postgres', url: PG_URL, searchPath: schema, poolSize: 4 });
  }
  await migrateToLatest(db);
  await seedReferenceData(db, new Date('2020-02-01T00:00:00Z'));
  const have = await count(db);
  if (have >= size * 0.999) return { db, enterprises: have, built: false };
  if (have > 0) await db.kysely.deleteFrom('enterprises').execute();
  log(
    `生成 ${size.toLocaleString()} 家合成企业（${dialect}，只需一次，缓存在 ${dialect === 'sqlite' ? BENCH_OUT : 'PostgreSQL'}）…`,
  );
  await fill(db, size, log);
  if (dialect === 'postgres') await sql`VACUUM ANALYZE enterprises`.execute(db.kysely);
  else await sql`ANALYZE`.execute(db.kysely);
  return { db, enterprises: await count(db), built: true };
}
