import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { Db, DialectName } from '../../src/server/db/database.ts';
import { openDatabase } from '../../src/server/db/database.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';

export interface TestDatabase {
  db: Db;
  dataDir: string;
  drop(): Promise<void>;
}

/** The databases every store and API test runs on: SQLite always, PostgreSQL when reachable (required in CI). */
export function testDialects(): DialectName[] {
  return inject('postgresUrl') ? ['sqlite', 'postgres'] : ['sqlite'];
}

/** A fresh, migrated database: a temp SQLite file, or a throw-away schema in the PostgreSQL test database. */
export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'shuangsheng-test-'));
  if (dialect === 'sqlite') {
    const db = openDatabase({ dialect: 'sqlite', file: path.join(dataDir, 'test.sqlite') });
    await migrateToLatest(db);
    return {
      db,
      dataDir,
      async drop() {
        await db.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const url = inject('postgresUrl');
  if (!url) throw new Error('PostgreSQL 不可用');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const db = openDatabase({ dialect: 'postgres', url, searchPath: schema, poolSize: 5 });
  await migrateToLatest(db);
  return {
    db,
    dataDir,
    async drop() {
      await db.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
