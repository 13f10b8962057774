import type { LightMyRequestResponse } from 'fastify';
import type { BuiltApp } from '../../src/server/app.ts';
import { buildApp } from '../../src/server/app.ts';
import { hashPassword } from '../../src/server/auth/passwords.ts';
import type { Clock } from '../../src/server/clock.ts';
import type { AppConfig } from '../../src/server/config.ts';
import { loadConfig } from '../../src/server/config.ts';
import type { Db, DialectName } from '../../src/server/db/database.ts';
import type { NewEnterprise, Role } from '../../src/server/db/schema.ts';
import { drainJobs } from '../../src/server/jobs/jobs.ts';
import { seedReferenceData } from '../../src/server/seed/reference-seed.ts';
import { createRng } from '../../src/domain/demo/random.ts';
import { fakeCreditCode } from '../../src/domain/demo/identifiers.ts';
import { createTestDatabase } from './databases.ts';

export const TEST_PASSWORD = 'Passw0rd!';

/** Two counties, two townships in the first: enough to test every scope inside and outside. */
export const PLACES = {
  county: '360111', // 青山湖区
  township: '360111490', // 高新区 administers it (Z360101)
  otherTownship: '360111001',
  otherCounty: '360102', // 东湖区
  otherCountyTownship: '360102002',
  zone: 'Z360101',
} as const;

export interface Fixture {
  enterprises: { a: number; b: number; c: number };
  users: Record<string, number>;
  departments: { qsh: number; dh: number; city: number };
  bank: number;
  otherBank: number;
}

export function testConfig(dataDir: string, overrides: Partial<AppConfig> = {}): AppConfig {
  return loadConfig({
    dataDir,
    databaseUrl: null,
    secrets: {
      sessionKey: 'test-session-key-0123456789abcdef',
      piiHashKey: 'test-pii-hash-key',
      piiEncryptionKey: '0'.repeat(64),
    },
    argon2: { memoryCost: 1024, timeCost: 1 },
    logLevel: 'silent',
    seedDemo: false,
    ...overrides,
  });
}

function enterpriseRow(
  code: string,
  name: string,
  regionCode: string,
  extra: Partial<NewEnterprise> = {},
): NewEnterprise {
  const at = '2020-02-10T01:00:00.000Z';
  return {
    credit_code: code,
    name,
    legal_rep: '张测试',
    contact_name: '李测试',
    contact_phone: '15400000001',
    address: '测试地址 1 号',
    region_code: regionCode,
    city_code: regionCode.slice(0, 4),
    county_code: regionCode.slice(0, 6),
    township_code: regionCode.length >= 9 ? regionCode.slice(0, 9) : null,
    grid_code: null,
    zone_code: null,
    industry_code: '39',
    industry_section: 'C',
    employees: 120,
    revenue_fen: 3_000_000_000,
    assets_fen: 2_000_000_000,
    size_class: 'medium',
    is_above_scale_industry: 1,
    is_above_quota_trade: 0,
    is_epidemic_supplies: 0,
    is_essentials: 0,
    is_chain_core: 0,
    key_list: null,
    liaison_user_id: null,
    import_batch_id: null,
    version: 1,
    created_at: at,
    updated_at: at,
    ...extra,
  };
}

/** Reference data plus three enterprises, two banks and one user of every role in and out of scope. */
export async function seedFixture(db: Db, config: AppConfig): Promise<Fixture> {
  await seedReferenceData(db, new Date('2020-02-01T00:00:00Z'));
  const rng = createRng('fixture');
  const k = db.kysely;
  const at = '2020-02-10T01:00:00.000Z';
  const bank = await k
    .insertInto('banks')
    .values({ code: 'JXB', name: '江西银行', kind: 'bank', active: 1, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  const otherBank = await k
    .insertInto('banks')
    .values({ code: 'ICBC', name: '工商银行', kind: 'bank', active: 1, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  const insert = (row: NewEnterprise) =>
    k.insertInto('enterprises').values(row).returning('id').executeTakeFirstOrThrow();
  const a = await insert(
    enterpriseRow(fakeCreditCode(rng, '360111'), '南昌甲测试电子有限公司', PLACES.township, { zone_code: PLACES.zone }),
  );
  const b = await insert(
    enterpriseRow(fakeCreditCode(rng, '360102'), '南昌乙测试商贸有限公司', PLACES.otherCountyTownship, {
      industry_code: '51',
      industry_section: 'F',
      is_above_scale_industry: 0,
    }),
  );
  const c = await insert(
    enterpriseRow(fakeCreditCode(rng, '360111'), '南昌丙测试食品有限公司', PLACES.otherTownship, {
      industry_code: '14',
    }),
  );
  const dept = async (kind: string, region: string) =>
    (
      await k
        .selectFrom('departments')
        .select('id')
        .where('kind', '=', kind)
        .where('region_code', '=', region)
        .executeTakeFirstOrThrow()
    ).id;
  const departments = {
    qsh: await dept('gxj', PLACES.county),
    dh: await dept('gxj', PLACES.otherCounty),
    city: await dept('gxj', '3601'),
  };
  const hash = await hashPassword(TEST_PASSWORD, config.argon2);
  const users: Record<string, number> = {};
  const addUser = async (
    username: string,
    role: Role,
    scope: { region?: string; department?: number; enterprise?: number; bank?: number },
  ) => {
    const row = await k
      .insertInto('users')
      .values({
        username,
        display_name: username,
        role,
        phone: null,
        region_code: scope.region ?? null,
        department_id: scope.department ?? null,
        enterprise_id: scope.enterprise ?? null,
        bank_id: scope.bank ?? null,
        password_hash: hash,
        must_change_password: 0,
        failed_logins: 0,
        locked_until: null,
        disabled: 0,
        last_login_at: null,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    users[username] = row.id;
  };
  await addUser('admin', 'admin', {});
  await addUser('leader', 'leader', { region: '3601' });
  await addUser('leader.zone', 'leader', { region: PLACES.zone });
  await addUser('dept.qsh', 'dept', { region: PLACES.county, department: departments.qsh });
  await addUser('dept.dh', 'dept', { region: PLACES.otherCounty, department: departments.dh });
  await addUser('dept.city', 'dept', { region: '3601', department: departments.city });
  await addUser('cdc.qsh', 'cdc', { region: PLACES.county });
  await addUser('grid', 'grid', { region: PLACES.township });
  await addUser('ent.a', 'ent_admin', { enterprise: a.id });
  await addUser('ent.b', 'ent_admin', { enterprise: b.id });
  await addUser('emp.a', 'employee', { enterprise: a.id });
  await addUser('bank', 'bank', { bank: bank.id });
  return { enterprises: { a: a.id, b: b.id, c: c.id }, users, departments, bank: bank.id, otherBank: otherBank.id };
}

export interface TestSession {
  username: string;
  cookie: string;
  csrf: string;
  request(
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

export interface TestApp {
  built: BuiltApp;
  db: Db;
  config: AppConfig;
  fixture: Fixture;
  login(username: string, password?: string): Promise<TestSession>;
  close(): Promise<void>;
}

export async function createTestApp(
  dialect: DialectName,
  options: { clock?: Clock; config?: Partial<AppConfig> } = {},
): Promise<TestApp> {
  const database = await createTestDatabase(dialect);
  const config = testConfig(database.dataDir, options.config);
  const fixture = await seedFixture(database.db, config);
  const built = await buildApp({
    db: database.db,
    config,
    logger: false,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const fastify = built.fastify;
  return {
    built,
    db: database.db,
    config,
    fixture,
    async login(username, password = TEST_PASSWORD) {
      const res = await fastify.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'ss_session')!;
      const csrf = (res.json() as { csrfToken: string }).csrfToken;
      const cookieHeader = `ss_session=${cookie.value}`;
      const request = (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
        fastify.inject({
          method: method as 'GET',
          url,
          headers: { cookie: cookieHeader, 'x-csrf-token': csrf, ...headers },
          ...(body === undefined ? {} : { payload: body as object }),
        });
      return {
        username,
        cookie: cookieHeader,
        csrf,
        request,
        get: (url) => request('GET', url),
        post: (url, body, headers) => request('POST', url, body, headers),
        patch: (url, body) => request('PATCH', url, body),
        put: (url, body) => request('PUT', url, body),
      };
    },
    async close() {
      await drainJobs();
      await fastify.close();
      await database.drop();
    },
  };
}
