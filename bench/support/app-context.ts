import os from 'node:os';
import path from 'node:path';
import { mkdtempSync } from 'node:fs';
import pino from 'pino';
import type { AppContext } from '../../src/server/context.ts';
import { loadConfig } from '../../src/server/config.ts';
import { systemClock } from '../../src/server/clock.ts';
import type { Db } from '../../src/server/db/database.ts';
import { RegionDirectory } from '../../src/server/registry/region-directory.ts';

/** The services' context over a benchmark database, without an HTTP server. */
export async function benchContext(db: Db): Promise<AppContext> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'shuangsheng-bench-'));
  const config = loadConfig({
    dataDir,
    databaseUrl: null,
    secrets: { sessionKey: 'bench', piiHashKey: 'bench', piiEncryptionKey: '0'.repeat(64) },
    argon2: { memoryCost: 1024, timeCost: 1 },
    seedDemo: false,
  });
  const regions = new RegionDirectory(db);
  await regions.ensureLoaded();
  return { db, config, clock: systemClock, log: pino({ level: 'silent' }), regions };
}
