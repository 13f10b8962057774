import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely } from 'kysely';
import { sql } from 'kysely';

/** Migrations receive the dialect so the few DDL differences live here and nowhere else. */
export interface MigrationContext {
  db: Kysely<unknown>;
  dialect: 'sqlite' | 'postgres';
}

export interface Migration {
  name: string;
  up(ctx: MigrationContext): Promise<void>;
}

/** An auto-incrementing integer primary key on both databases. */
export function withId<T extends string>(ctx: MigrationContext, table: CreateTableBuilder<T, never>) {
  return ctx.dialect === 'postgres'
    ? table.addColumn('id', 'integer', (c) => c.generatedByDefaultAsIdentity().primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

export const notNull = (c: ColumnDefinitionBuilder) => c.notNull();
export const zero = (c: ColumnDefinitionBuilder) => c.notNull().defaultTo(0);

/** Forbid UPDATE and DELETE on a table (the audit log is append-only). */
export async function makeAppendOnly(ctx: MigrationContext, table: string): Promise<void> {
  if (ctx.dialect === 'postgres') {
    await sql
      .raw(
        `CREATE OR REPLACE FUNCTION ${table}_append_only() RETURNS trigger AS $$
         BEGIN RAISE EXCEPTION '${table} is append-only'; END; $$ LANGUAGE plpgsql`,
      )
      .execute(ctx.db);
    await sql
      .raw(
        `CREATE TRIGGER ${table}_no_change BEFORE UPDATE OR DELETE ON ${table}
         FOR EACH ROW EXECUTE FUNCTION ${table}_append_only()`,
      )
      .execute(ctx.db);
  } else {
    for (const op of ['UPDATE', 'DELETE']) {
      await sql
        .raw(
          `CREATE TRIGGER ${table}_no_${op.toLowerCase()} BEFORE ${op} ON ${table}
           BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
        )
        .execute(ctx.db);
    }
  }
}
