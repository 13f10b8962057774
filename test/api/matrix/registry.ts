import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { storageDir } from '../../../src/server/files/storage.ts';
import { PLACES } from '../../support/app-fixture.ts';
import type { MatrixModule, Target, Targets } from './types.ts';
import { ROLE_USERS } from './types.ts';

/** The foundation: auth, registry (enterprises, regions, departments, banks, users), audit, jobs, imports. */
export const registryMatrix: MatrixModule = {
  skip: ['POST /api/auth/login', 'POST /api/auth/logout', 'POST /api/auth/password', 'POST /api/enterprises'],

  async targets({ t, admin }) {
    const k = t.db.kysely;
    const { a, b, c } = t.fixture.enterprises;
    const ent = (id: number, name: string): Target => ({ id: String(id), secret: name });
    const A = ent(a, '南昌甲测试电子有限公司');
    const B = ent(b, '南昌乙测试商贸有限公司');
    const C = ent(c, '南昌丙测试食品有限公司');
    const region = (code: string): Target => ({ id: code, secret: t.built.context.regions.name(code)! });
    const outsideCity = '360202'; // 景德镇市珠山区
    // Grids (the only regions that can be renamed) under three townships, as in- and out-of-scope objects.
    const grid = async (parentCode: string, name: string) => {
      const res = await admin.post('/api/regions', { parentCode, level: 'grid', name });
      expect(res.statusCode).toBe(201);
      return res.json().code as string;
    };
    const g1 = await grid(PLACES.township, '矩阵甲网格');
    const g2 = await grid(PLACES.otherTownship, '矩阵乙网格');
    const g3 = await grid(PLACES.otherCountyTownship, '矩阵丙网格');
    const bank = (id: number, name: string): Target => ({ id: String(id), secret: name });
    const user = (name: string): Target => ({ id: String(t.fixture.users[name]), secret: `"username":"${name}"` });
    // Jobs (with a file to download) and import batches belong to whoever started them.
    const jobs: Record<string, Target> = {};
    const imports: Record<string, Target> = {};
    for (const username of Object.keys(ROLE_USERS)) {
      const owner = t.fixture.users[username]!;
      const file = `matrix-${owner}.xlsx`;
      writeFileSync(path.join(storageDir(t.built.context, 'exports'), file), `file-of-job-of-${username}`);
      const job = await k
        .insertInto('jobs')
        .values({
          kind: 'test',
          status: 'succeeded',
          progress: 1,
          total: 1,
          message: `job-of-${username}`,
          result: JSON.stringify({ file, fileName: file }),
          created_by: owner,
          created_at: '2020-02-10T00:00:00Z',
          finished_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      jobs[username] = { id: String(job.id), secret: `job-of-${username}` };
      const batch = await k
        .insertInto('import_batches')
        .values({
          kind: 'enterprise',
          status: 'cancelled',
          file_name: `file-of-${username}.xlsx`,
          total_rows: 0,
          valid_rows: 0,
          error_rows: 0,
          job_id: null,
          created_by: owner,
          created_at: '2020-02-10T00:00:00Z',
          confirmed_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      imports[username] = { id: String(batch.id), secret: `file-of-${username}` };
    }
    const own = (username: string, other: string): Targets => ({
      job: { inside: jobs[username], outside: jobs[other] },
      import: { inside: imports[username], outside: imports[other] },
    });
    return {
      admin: {
        enterprise: { inside: A },
        region: { inside: region(g3) },
        user: { inside: user('dept.dh') },
        bank: { inside: bank(t.fixture.otherBank, '工商银行') },
        department: { inside: { id: String(t.fixture.departments.dh), secret: '' } },
        job: { inside: jobs.admin },
        import: { inside: imports.admin },
      },
      leader: {
        enterprise: { inside: B },
        region: { inside: region(g3), outside: region(outsideCity) },
        bank: { inside: bank(t.fixture.bank, '江西银行') },
        ...own('leader', 'admin'),
      },
      'leader.zone': {
        enterprise: { inside: A, outside: C },
        region: { inside: region(g1), outside: region(g3) },
        bank: { inside: bank(t.fixture.bank, '江西银行') },
        ...own('leader.zone', 'leader'),
      },
      'dept.qsh': {
        enterprise: { inside: C, outside: B },
        region: { inside: region(g2), outside: region(g3) },
        ...own('dept.qsh', 'dept.city'),
      },
      'dept.city': {
        enterprise: { inside: B },
        region: { inside: region(g3), outside: region(outsideCity) },
        ...own('dept.city', 'dept.qsh'),
      },
      'cdc.qsh': {
        enterprise: { inside: C, outside: B },
        region: { inside: region(g2), outside: region(g3) },
        ...own('cdc.qsh', 'grid'),
      },
      grid: {
        enterprise: { inside: A, outside: C },
        region: { inside: region(g1), outside: region(g2) },
        ...own('grid', 'cdc.qsh'),
      },
      'ent.a': { enterprise: { inside: A, outside: B }, ...own('ent.a', 'emp.a') },
      'emp.a': { enterprise: { inside: A, outside: B }, ...own('emp.a', 'ent.a') },
      bank: {
        bank: { inside: bank(t.fixture.bank, '江西银行'), outside: bank(t.fixture.otherBank, '工商银行') },
        ...own('bank', 'admin'),
      },
    };
  },

  bodies: {
    'PATCH /api/enterprises/:id': async ({ t }, id) => {
      const row = await t.db.kysely
        .selectFrom('enterprises')
        .select('version')
        .where('id', '=', Number(id))
        .executeTakeFirst();
      return { version: row?.version ?? 1, contactName: '矩阵测试' };
    },
    'POST /api/regions': () => ({
      parentCode: PLACES.otherCountyTownship,
      level: 'grid',
      name: `矩阵网格${Math.random().toString(36).slice(2, 8)}`,
    }),
    'PATCH /api/regions/:code': ({ t }, id) => ({ name: t.built.context.regions.name(id) ?? '改名测试' }),
    'POST /api/departments': () => ({
      kind: 'zzz',
      name: '测试部门名称',
      shortName: '测试',
      regionCode: '360111',
      sort: 0,
    }),
    'PUT /api/departments/:id': () => ({
      kind: 'gxj',
      name: '东湖区工业和信息化局',
      shortName: '东湖工信',
      regionCode: PLACES.otherCounty,
      sort: 0,
      active: true,
    }),
    'POST /api/users': () => ({
      username: `m${Math.random().toString(36).slice(2, 10)}`,
      password: 'Passw0rd!x',
      displayName: '矩阵',
      role: 'leader',
      regionCode: '3601',
    }),
    'PUT /api/users/:id': ({ t }) => ({
      displayName: 'dept.dh',
      role: 'dept',
      departmentId: t.fixture.departments.dh,
      disabled: false,
    }),
    'POST /api/users/:id/reset-password': () => ({ password: 'Passw0rd!' }),
    'POST /api/enterprises/exports': () => ({}),
    'POST /api/users/:id/unlock': () => undefined,
    'POST /api/audit/verify': () => undefined,
    'POST /api/enterprises/imports': () => undefined,
    'POST /api/enterprises/imports/:id/confirm': () => undefined,
    'POST /api/enterprises/imports/:id/cancel': () => undefined,
  },
};
