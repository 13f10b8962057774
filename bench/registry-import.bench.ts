/**
 * Excel import throughput for a 100,000-row enterprise file (issue 2: under 60 s), through the same staged
 * check → confirm services the API uses, on SQLite and PostgreSQL. Prints rows per second for each step.
 * Run: npm run bench registry-import   (BENCH_IMPORT_ROWS=20000 for a quicker run)
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { ENTERPRISE_COLUMNS } from '../src/domain/registry/enterprise-sheet.ts';
import type { SessionUser } from '../src/server/access/session-user.ts';
import { systemActor } from '../src/server/audit/audit.ts';
import type { Db } from '../src/server/db/database.ts';
import { openDatabase } from '../src/server/db/database.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { writeSheet } from '../src/server/files/spreadsheet-writer.ts';
import { waitForJob } from '../src/server/jobs/jobs.ts';
import { enterpriseSheetValues } from '../src/server/registry/enterprise-export.ts';
import { confirmEnterpriseImport, stageEnterpriseImport } from '../src/server/registry/enterprise-import.ts';
import { seedReferenceData } from '../src/server/seed/reference-seed.ts';
import { benchContext } from './support/app-context.ts';
import { BENCH_OUT, PG_URL, syntheticEnterprises } from './support/registry-data.ts';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);

async function freshDb(dialect: 'sqlite' | 'postgres'): Promise<{ db: Db; drop: () => Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'shuangsheng-import-bench-'));
    const db = openDatabase({ dialect: 'sqlite', file: path.join(dir, 'bench.sqlite') });
    await migrateToLatest(db);
    return { db, drop: () => db.close() };
  }
  const schema = `bench_import_${randomBytes(4).toString('hex')}`;
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

async function importFile(): Promise<string> {
  mkdirSync(BENCH_OUT, { recursive: true });
  const file = path.join(BENCH_OUT, `import-${ROWS}.xlsx`);
  if (existsSync(file)) return file;
  const { db, drop } = await freshDb('sqlite');
  await seedReferenceData(db, new Date('2020-02-01T00:00:00Z'));
  const app = await benchContext(db);
  async function* rows() {
    for await (const e of syntheticEnterprises(db, ROWS))
      yield enterpriseSheetValues(app, { ...e, id: 0, size_class: e.size_class ?? null } as never);
  }
  const t0 = performance.now();
  await writeSheet(file, '企业名录', ENTERPRISE_COLUMNS, { exportedBy: '基准测试', exportedAt: new Date() }, rows());
  console.log(`生成 ${ROWS.toLocaleString()} 行导入文件：${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await drop();
  return file;
}

async function run(dialect: 'sqlite' | 'postgres', source: string) {
  const { db, drop } = await freshDb(dialect);
  await seedReferenceData(db, new Date('2020-02-01T00:00:00Z'));
  const adminRow = await db.kysely
    .insertInto('users')
    .values({
      username: 'bench',
      display_name: '基准',
      role: 'admin',
      phone: null,
      region_code: null,
      department_id: null,
      enterprise_id: null,
      bank_id: null,
      password_hash: 'x',
      must_change_password: 0,
      failed_logins: 0,
      locked_until: null,
      disabled: 0,
      last_login_at: null,
      created_at: '2020-02-01T00:00:00Z',
      updated_at: '2020-02-01T00:00:00Z',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const user: SessionUser = {
    id: adminRow.id,
    username: 'bench',
    displayName: '基准',
    role: 'admin',
    regionCode: null,
    departmentId: null,
    enterpriseId: null,
    bankId: null,
    mustChangePassword: false,
  };
  const app = await benchContext(db);
  const file = path.join(app.config.dataDir, 'upload.xlsx');
  copyFileSync(source, file);

  const t0 = performance.now();
  const staged = await stageEnterpriseImport(app, user, systemActor('基准'), file, 'bench.xlsx');
  await waitForJob(staged.jobId);
  const t1 = performance.now();
  const batch = await db.kysely
    .selectFrom('import_batches')
    .selectAll()
    .where('id', '=', staged.batchId)
    .executeTakeFirstOrThrow();
  const confirmed = await confirmEnterpriseImport(app, user, systemActor('基准'), staged.batchId);
  await waitForJob(confirmed.jobId);
  const t2 = performance.now();
  const written = await db.kysely
    .selectFrom('enterprises')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const check = (t1 - t0) / 1000;
  const write = (t2 - t1) / 1000;
  console.log(
    `| ${dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'} | ${batch.total_rows.toLocaleString()} | ${batch.valid_rows.toLocaleString()} | ${check.toFixed(1)} s (${Math.round(batch.total_rows / check).toLocaleString()} 行/s) | ${write.toFixed(1)} s (${Math.round(Number(written.n) / write).toLocaleString()} 行/s) | ${(check + write).toFixed(1)} s (${Math.round(batch.total_rows / (check + write)).toLocaleString()} 行/s) |`,
  );
  await drop();
}

const source = await importFile();
console.log(`\n导入 ${ROWS.toLocaleString()} 行 Excel（逐行校验 → 确认写入）`);
console.log('| 数据库 | 行数 | 有效 | 校验 | 写入 | 合计 |');
console.log('| --- | --- | --- | --- | --- | --- |');
await run('sqlite', source);
const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
const pgUp = await c.connect().then(
  () => true,
  () => false,
);
if (pgUp) {
  await c.end();
  await run('postgres', source);
} else console.log('PostgreSQL 不可达，跳过');
