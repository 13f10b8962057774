import type { FastifyBaseLogger } from 'fastify';
import type { AppConfig } from './config.ts';
import type { Db } from './db/database.ts';
import { openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { seedReferenceData } from './seed/reference-seed.ts';
import { seedDemoData } from './seed/demo-seed.ts';

export function openConfiguredDatabase(config: AppConfig): Db {
  return config.databaseUrl
    ? openDatabase({ dialect: 'postgres', url: config.databaseUrl })
    : openDatabase({ dialect: 'sqlite', file: config.sqliteFile });
}

/** Migrate, then on an empty database load the reference data and (unless disabled) the demo data. */
export async function prepareDatabase(db: Db, config: AppConfig, log: Pick<FastifyBaseLogger, 'info'>): Promise<void> {
  const { applied } = await migrateToLatest(db);
  if (applied.length) log.info({ applied }, '数据库迁移完成');
  const reference = await seedReferenceData(db, new Date());
  if (reference) log.info(reference, '已载入区划、功能区和部门');
  if (config.seedDemo) {
    const demo = await seedDemoData(db, config, { log });
    if (demo) log.info(demo, '已生成演示数据');
  }
}
