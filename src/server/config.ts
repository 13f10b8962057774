import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import path from 'node:path';

/** Runtime configuration, read once from the environment (see README "Configuration"). */
export interface AppConfig {
  port: number;
  host: string;
  /** PostgreSQL connection string; when absent the embedded SQLite file under dataDir is used. */
  databaseUrl: string | null;
  dataDir: string;
  sqliteFile: string;
  /** Key material for cookies, personal-data hashing and encryption. Never committed; generated on first start. */
  secrets: AppSecrets;
  /** Minutes of inactivity after which a session ends. */
  sessionIdleMinutes: number;
  /** Hours after which a session ends whatever the activity. */
  sessionMaxHours: number;
  /** Seed the demo data set on first start of an empty database. */
  seedDemo: boolean;
  /** Cookies get the Secure flag when the request arrived over TLS (directly or via a trusted proxy). */
  trustProxy: boolean;
  logLevel: string;
  /** argon2id cost; tests lower it so suites stay fast. */
  argon2: { memoryCost: number; timeCost: number };
  /** Consecutive failed logins before a temporary lockout, and its length. */
  lockout: { maxFailures: number; minutes: number };
}

export interface AppSecrets {
  sessionKey: string;
  piiHashKey: string;
  piiEncryptionKey: string;
}

function readSecrets(dataDir: string): AppSecrets {
  const fromEnv = {
    sessionKey: process.env.SESSION_SECRET,
    piiHashKey: process.env.PII_HASH_KEY,
    piiEncryptionKey: process.env.PII_ENCRYPTION_KEY,
  };
  if (fromEnv.sessionKey && fromEnv.piiHashKey && fromEnv.piiEncryptionKey) return fromEnv as AppSecrets;
  // First start without configured secrets: generate them once and keep them beside the data (mode 0600),
  // so a fresh clone runs with no set-up and no secret ever sits in the repository.
  const file = path.join(dataDir, 'secrets.json');
  let stored: Partial<AppSecrets> = {};
  if (existsSync(file)) stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<AppSecrets>;
  const secrets: AppSecrets = {
    sessionKey: fromEnv.sessionKey ?? stored.sessionKey ?? randomBytes(32).toString('hex'),
    piiHashKey: fromEnv.piiHashKey ?? stored.piiHashKey ?? randomBytes(32).toString('hex'),
    piiEncryptionKey: fromEnv.piiEncryptionKey ?? stored.piiEncryptionKey ?? randomBytes(32).toString('hex'),
  };
  if (JSON.stringify(stored) !== JSON.stringify(secrets)) {
    writeFileSync(file, JSON.stringify(secrets, null, 2));
    chmodSync(file, 0o600);
  }
  return secrets;
}

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`环境变量 ${name} 应为非负整数，实际为“${raw}”`);
  return value;
}

export function loadConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  const dataDir = path.resolve(overrides.dataDir ?? process.env.DATA_DIR ?? 'data/runtime');
  mkdirSync(dataDir, { recursive: true });
  return {
    port: intFromEnv('PORT', 3000),
    host: process.env.HOST ?? '0.0.0.0',
    databaseUrl: process.env.DATABASE_URL || null,
    dataDir,
    sqliteFile: path.join(dataDir, 'shuangsheng.sqlite'),
    secrets: overrides.secrets ?? readSecrets(dataDir),
    sessionIdleMinutes: intFromEnv('SESSION_IDLE_MINUTES', 30),
    sessionMaxHours: intFromEnv('SESSION_MAX_HOURS', 12),
    seedDemo: process.env.SEED_DEMO !== '0',
    trustProxy: process.env.TRUST_PROXY === '1',
    logLevel: process.env.LOG_LEVEL ?? 'info',
    argon2: { memoryCost: intFromEnv('ARGON2_MEMORY_KIB', 19_456), timeCost: intFromEnv('ARGON2_TIME_COST', 2) },
    lockout: { maxFailures: intFromEnv('LOGIN_MAX_FAILURES', 5), minutes: intFromEnv('LOGIN_LOCK_MINUTES', 15) },
    ...overrides,
  };
}
