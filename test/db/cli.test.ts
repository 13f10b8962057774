import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db/database.ts';

const root = path.resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'shuangsheng-cli-'));
const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/main.ts'), ...args], {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      SEED_DEMO: '0',
      LOG_LEVEL: 'warn',
      ARGON2_MEMORY_KIB: '1024',
      ARGON2_TIME_COST: '1',
    },
    encoding: 'utf8',
  });

describe('the shuangsheng command', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('migrates, seeds reference data, and reports the first broken link of the audit chain', async () => {
    const migrate = cli('migrate');
    expect(migrate.status).toBe(0);
    const seed = cli('seed');
    expect(seed.status).toBe(0);

    const db = openDatabase({ dialect: 'sqlite', file: path.join(dataDir, 'shuangsheng.sqlite') });
    const { writeAudit, systemActor } = await import('../../src/server/audit/audit.ts');
    // Seeding the demo data is audited too; the three test steps come after those records.
    const { seeded } = await db.kysely
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('seeded'))
      .executeTakeFirstOrThrow();
    for (let i = 0; i < 3; i++) {
      await writeAudit(
        db.kysely,
        'sqlite',
        systemActor(),
        { action: 'test.step', objectType: 'test', objectId: i, summary: `第 ${i} 步` },
        new Date(`2020-02-1${i}T00:00:00Z`),
      );
    }
    const ok = cli('audit', 'verify');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain(`审计日志完整：已校验 ${Number(seeded) + 3} 条记录`);

    await sql`DROP TRIGGER audit_log_no_update`.execute(db.kysely);
    await sql`UPDATE audit_log SET detail = '{"summary":"改过"}' WHERE action = 'test.step' AND object_id = '1'`.execute(
      db.kysely,
    );
    const second = await db.kysely
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'test.step')
      .where('object_id', '=', '1')
      .executeTakeFirstOrThrow();
    await db.close();
    const broken = cli('audit', 'verify');
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain(
      `审计日志断链：第 ${second.id} 号记录，记录内容与哈希不符（记录被篡改）（之前 ${Number(seeded) + 1} 条完好）`,
    );
  });

  it('explains its commands', () => {
    const help = cli('help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('audit verify');
    expect(cli('nonsense').status).toBe(2);
  });
});
