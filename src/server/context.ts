import type { FastifyBaseLogger } from 'fastify';
import type { AppConfig } from './config.ts';
import type { Clock } from './clock.ts';
import type { Db } from './db/database.ts';
import type { RegionDirectory } from './registry/region-directory.ts';

/** What every service needs: the database, configuration, the clock and a logger. */
export interface AppContext {
  db: Db;
  config: AppConfig;
  clock: Clock;
  log: FastifyBaseLogger;
  /** Region nodes in memory, for names and tree walks. */
  regions: RegionDirectory;
}
