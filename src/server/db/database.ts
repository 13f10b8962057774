import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

export type DialectName = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: DialectName;
  /** PostgreSQL schema the tables live in (the search path); null on SQLite. */
  schema: string | null;
  close(): Promise<void>;
}

export type DbOptions =
  { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string; searchPath?: string; poolSize?: number };

// PostgreSQL returns int8 (count(*), bigint sums) as strings; every integer we keep fits in a double
// (fen amounts up to 9e15), so parse them as numbers on both databases.
pg.types.setTypeParser(20, (value) => Number(value));

export function openDatabase(options: DbOptions): Db {
  if (options.dialect === 'sqlite') {
    const sqlite = new SqliteDatabase(options.file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('cache_size = -65536');
    const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    return { kysely, dialect: 'sqlite', schema: null, close: () => kysely.destroy() };
  }
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
  });
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { kysely, dialect: 'postgres', schema: options.searchPath ?? 'public', close: () => kysely.destroy() };
}

/** Case-insensitive substring match that behaves the same on both databases. */
export function containsInsensitive(db: Db, column: string, needle: string) {
  const pattern = `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db.dialect === 'postgres'
    ? sql<boolean>`${sql.ref(column)} ILIKE ${pattern} ESCAPE '\\'`
    : sql<boolean>`${sql.ref(column)} LIKE ${pattern} ESCAPE '\\'`;
}
