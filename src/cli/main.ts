import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { buildApp } from '../server/app.ts';
import { verifyAuditChain } from '../server/audit/audit.ts';
import { openConfiguredDatabase, prepareDatabase } from '../server/bootstrap.ts';
import { loadConfig } from '../server/config.ts';
import { startScheduler } from '../server/scheduler.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { drainJobs } from '../server/jobs/jobs.ts';
import { seedDemoData } from '../server/seed/demo-seed.ts';
import { seedReferenceData } from '../server/seed/reference-seed.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const HELP = `用法：shuangsheng <命令>

  serve            启动平台（默认 http://localhost:3000；首次启动自动迁移并生成演示数据）
  migrate          执行数据库迁移
  seed             载入区划和部门；数据库为空时生成演示数据
  audit verify     校验审计日志哈希链，报告第一处断链
  help             显示本帮助

环境变量：PORT、DATABASE_URL（PostgreSQL，不设则用内置 SQLite）、DATA_DIR、SEED_DEMO=0 …（见 README）`;

async function main(argv: string[]): Promise<number> {
  const [command, sub] = argv;
  const log = pino({ level: process.env.LOG_LEVEL ?? 'info' });
  switch (command) {
    case 'serve':
    case undefined: {
      const config = loadConfig();
      const db = openConfiguredDatabase(config);
      await prepareDatabase(db, config, log);
      const { fastify, context } = await buildApp({ db, config, webDir: path.join(repoRoot, 'dist/web') });
      const scheduler = startScheduler(context);
      const close = async () => {
        await scheduler.stop();
        await fastify.close();
        await drainJobs();
        await db.close();
        process.exit(0);
      };
      process.once('SIGINT', close);
      process.once('SIGTERM', close);
      await fastify.listen({ port: config.port, host: config.host });
      log.info(
        `双胜平台已启动：http://localhost:${config.port}（数据库：${db.dialect === 'sqlite' ? config.sqliteFile : 'PostgreSQL'}）`,
      );
      return -1;
    }
    case 'migrate': {
      const config = loadConfig();
      const db = openConfiguredDatabase(config);
      const { applied } = await migrateToLatest(db);
      log.info(applied.length ? `已执行迁移：${applied.join('、')}` : '数据库已是最新');
      await db.close();
      return 0;
    }
    case 'seed': {
      const config = loadConfig();
      const db = openConfiguredDatabase(config);
      await migrateToLatest(db);
      log.info(
        { reference: await seedReferenceData(db, new Date()), demo: await seedDemoData(db, config, { log }) },
        '完成',
      );
      await db.close();
      return 0;
    }
    case 'audit': {
      if (sub !== 'verify') break;
      const config = loadConfig();
      const db = openConfiguredDatabase(config);
      const report = await verifyAuditChain(db.kysely);
      await db.close();
      if (report.ok) {
        console.log(`审计日志完整：已校验 ${report.checked} 条记录`);
        return 0;
      }
      console.log(
        `审计日志断链：第 ${report.brokenAt!.id} 号记录，${report.brokenAt!.reason}（之前 ${report.checked} 条完好）`,
      );
      return 1;
    }
    case 'help':
    case '--help':
    case '-h':
      console.log(HELP);
      return 0;
  }
  console.error(HELP);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
