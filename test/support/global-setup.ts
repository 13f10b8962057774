import type { TestProject } from 'vitest/node';
import pg from 'pg';

export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string | null;
  }
}

/**
 * Is PostgreSQL reachable? Store and API tests run on it as well as on SQLite. Under CI=true it must be;
 * elsewhere its tests are skipped with a visible message.
 */
export default async function setup(project: TestProject): Promise<void> {
  const url = process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_DATABASE_URL;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    project.provide('postgresUrl', url);
  } catch (error) {
    if (process.env.CI === 'true') {
      throw new Error(`CI 要求 PostgreSQL 测试，但无法连接 ${url}：${String(error)}`);
    }
    console.warn(`\n⚠⚠⚠ PostgreSQL 不可达（${url}）：本次跳过 PostgreSQL 上的存储和接口测试，只在 SQLite 上运行。\n`);
    project.provide('postgresUrl', null);
  } finally {
    await client.end().catch(() => undefined);
  }
}
