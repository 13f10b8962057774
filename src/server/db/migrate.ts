import { Migrator } from 'kysely';
import type { Kysely, Migration as KyselyMigration } from 'kysely';
import type { Db } from './database.ts';
import { migrations } from './migrations/index.ts';

export interface MigrationReport {
  applied: string[];
}

/** Applies pending migrations; Kysely's migrator takes a lock so concurrent starts are safe. */
export async function migrateToLatest(db: Db): Promise<MigrationReport> {
  const provider = {
    async getMigrations(): Promise<Record<string, KyselyMigration>> {
      const all: Record<string, KyselyMigration> = {};
      for (const m of migrations) {
        all[m.name] = { up: (k: Kysely<unknown>) => m.up({ db: k, dialect: db.dialect }) };
      }
      return all;
    },
  };
  // On PostgreSQL name the schema: Kysely otherwise finds its lock table in any schema of the database.
  // Capabilities are numbered up front (0002 resumption, 0003 policies …) but land in any order: a database that
  // already has 0003 must still accept 0002 when it arrives.
  const migrator = new Migrator({
    db: db.kysely,
    provider,
    allowUnorderedMigrations: true,
    ...(db.schema ? { migrationTableSchema: db.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`数据库迁移失败${failed ? `（${failed.migrationName}）` : ''}：${String(error)}`, { cause: error });
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
