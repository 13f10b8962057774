import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { PLACES } from '../../support/app-fixture.ts';
import { fileApplication, setUpResumption } from '../../support/resumption-fixture.ts';
import type { MatrixModule, Target, Targets } from './types.ts';

/** Today in Shanghai (the matrix app runs on the real clock). */
function today(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * 复工复产: applications, check tasks, rectification orders, uploaded files and weekly reports of enterprise a
 * (青山湖区, zone Z360101, township of the grid officer) and b (东湖区), in and out of each user's scope.
 */
export const resumptionMatrix: MatrixModule = {
  async targets({ t, admin }) {
    const k = t.db.kysely;
    const { a, b } = t.fixture.enterprises;
    const day = today();
    await setUpResumption(t, admin, day);
    const entA = await t.login('ent.a');
    const entB = await t.login('ent.b');
    // A: medium risk, approval, accepted and dispatched to 青山湖区 and the city. B: low risk, resumed at once.
    const appA = await fileApplication(entA, day);
    expect(appA.submit.statusCode, appA.submit.body).toBe(200);
    const deptQsh = await t.login('dept.qsh');
    const accepted = await deptQsh.post(`/api/resumption/applications/${appA.id}/accept`, {
      departmentIds: [t.fixture.departments.qsh, t.fixture.departments.city],
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const appB = await fileApplication(entB, day);
    expect(appB.submit.statusCode, appB.submit.body).toBe(200);
    const application = (id: number, name: string): Target => ({ id: String(id), secret: name });
    const APP_A = application(appA.id, '南昌甲测试电子有限公司');
    const APP_B = application(appB.id, '南昌乙测试商贸有限公司');

    // Files of a and b on disk, with their contents as the secret.
    const files: Record<'a' | 'b', Target> = {} as never;
    const dir = path.join(t.config.dataDir, 'resumption-files');
    mkdirSync(dir, { recursive: true });
    for (const [key, enterpriseId] of [
      ['a', a],
      ['b', b],
    ] as const) {
      const id = key === 'a' ? '00000000-0000-4000-8000-00000000000a' : '00000000-0000-4000-8000-00000000000b';
      const content = `%PDF-1.4 matrix-file-of-${key}`;
      writeFileSync(path.join(dir, `${id}.pdf`), content);
      await k
        .insertInto('resumption_files')
        .values({
          id,
          enterprise_id: enterpriseId,
          purpose: 'material',
          name: `matrix-${key}.pdf`,
          media_type: 'application/pdf',
          size: content.length,
          sha256: '0'.repeat(64),
          stored_name: `${id}.pdf`,
          uploaded_by: null,
          created_at: '2020-02-20T00:00:00.000Z',
        })
        .execute();
      files[key] = { id, secret: `matrix-file-of-${key}` };
    }

    // A check task of a for the grid officer; a copy for b assigned to someone else.
    const made = await deptQsh.post('/api/resumption/checks', { enterpriseId: a });
    expect(made.statusCode, made.body).toBe(201);
    const taskA = await k
      .selectFrom('resumption_check_tasks')
      .selectAll()
      .where('id', '=', made.json().id)
      .executeTakeFirstOrThrow();
    const { id: _id, ...copy } = taskA;
    const taskB = await k
      .insertInto('resumption_check_tasks')
      .values({
        ...copy,
        enterprise_id: b,
        county_code: PLACES.otherCounty,
        zone_code: null,
        assignee_id: t.fixture.users.admin!,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const TASK_A: Target = { id: String(taskA.id), secret: '南昌甲测试电子有限公司' };
    const TASK_B: Target = { id: String(taskB.id), secret: '南昌乙测试商贸有限公司' };

    // Rectification orders: a's issued by the grid officer, b's by someone else.
    const order = async (enterpriseId: number, county: string, officer: number, taskId: number, text: string) => {
      const state = {
        id: 'x',
        enterpriseId: String(enterpriseId),
        enterpriseName: text,
        taskId: String(taskId),
        findingId: 'F1',
        itemId: null,
        severity: 'minor',
        description: `${text}：消毒记录不全`,
        stopOrdered: false,
        officerId: String(officer),
        issuedAt: '2020-02-20T02:00:00.000Z',
        dueDate: '2020-02-24',
        dueAt: '2020-02-24T15:59:59.999Z',
        status: 'open',
        version: 1,
        responses: [],
        rechecks: [],
        closedAt: null,
        reopenCount: 0,
      };
      const row = await k
        .insertInto('resumption_rectifications')
        .values({
          enterprise_id: enterpriseId,
          county_code: county,
          zone_code: null,
          task_id: taskId,
          officer_id: officer,
          status: 'open',
          stop_ordered: 0,
          due_at: state.dueAt,
          version: 1,
          created_at: state.issuedAt,
          updated_at: state.issuedAt,
          state: JSON.stringify(state),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id: String(row.id), secret: `${text}：消毒记录不全` };
    };
    const ORDER_A = await order(a, PLACES.county, t.fixture.users.grid!, taskA.id, '甲整改');
    const ORDER_B = await order(b, PLACES.otherCounty, t.fixture.users.admin!, taskB.id, '乙整改');

    // Weekly reports: the city's (by the city leader) and 青山湖区's (by its department).
    const leader = await t.login('leader');
    const city = await leader.post('/api/resumption/reports', {});
    expect(city.statusCode, city.body).toBe(201);
    const county = await deptQsh.post('/api/resumption/reports', {});
    expect(county.statusCode, county.body).toBe(201);
    const CITY_REPORT: Target = { id: String(city.json().id), secret: '' };
    const COUNTY_REPORT: Target = { id: String(county.json().id), secret: '' };

    const kinds = (
      app: { inside?: Target; outside?: Target },
      file: { inside?: Target; outside?: Target },
      task: { inside?: Target; outside?: Target },
      ord: { inside?: Target; outside?: Target },
      report?: { inside?: Target; outside?: Target },
    ): Targets => ({
      'resumption-application': app,
      'resumption-file': file,
      'resumption-check': task,
      'resumption-rectification': ord,
      ...(report ? { 'resumption-report': report } : {}),
    });
    const both = (inside: Target, outside: Target) => ({ inside, outside });
    return {
      admin: kinds(
        { inside: APP_A },
        { inside: files.a },
        { inside: TASK_A },
        { inside: ORDER_A },
        { inside: CITY_REPORT },
      ),
      leader: kinds(
        { inside: APP_A },
        { inside: files.a },
        { inside: TASK_A },
        { inside: ORDER_A },
        { inside: CITY_REPORT },
      ),
      'leader.zone': kinds(both(APP_A, APP_B), both(files.a, files.b), both(TASK_A, TASK_B), both(ORDER_A, ORDER_B), {
        outside: CITY_REPORT,
      }),
      'dept.qsh': kinds(
        both(APP_A, APP_B),
        both(files.a, files.b),
        both(TASK_A, TASK_B),
        both(ORDER_A, ORDER_B),
        both(COUNTY_REPORT, CITY_REPORT),
      ),
      'dept.city': kinds(
        both(APP_A, APP_B),
        { inside: files.a },
        { inside: TASK_A },
        { inside: ORDER_A },
        { inside: CITY_REPORT },
      ),
      'cdc.qsh': kinds(
        both(APP_A, APP_B),
        both(files.a, files.b),
        both(TASK_A, TASK_B),
        both(ORDER_A, ORDER_B),
        both(COUNTY_REPORT, CITY_REPORT),
      ),
      grid: kinds({ outside: APP_A }, both(files.a, files.b), both(TASK_A, TASK_B), both(ORDER_A, ORDER_B)),
      'ent.a': kinds(both(APP_A, APP_B), both(files.a, files.b), both(TASK_A, TASK_B), both(ORDER_A, ORDER_B)),
      'emp.a': kinds(
        { inside: APP_A },
        { inside: files.a },
        { inside: TASK_A },
        { inside: ORDER_A },
        { inside: CITY_REPORT },
      ),
      bank: kinds(
        { outside: APP_A },
        { outside: files.a },
        { outside: TASK_A },
        { outside: ORDER_A },
        { outside: CITY_REPORT },
      ),
    };
  },

  bodies: {
    'POST /api/resumption/risk-levels': () => ({
      areaCode: '360111',
      level: 'low',
      effectiveFrom: today(),
      basis: '矩阵测试',
    }),
    'PUT /api/resumption/settings/modes': () => ({ medium: 'approval', high: 'approval', version: 0 }),
    'PUT /api/resumption/settings/closures': () => ({ changes: [{ id: 'x' }], version: 0 }),
    'PUT /api/resumption/settings/green-channel': () => ({ rules: [], version: 0 }),
    'POST /api/resumption/lists': () => ({
      listId: 'matrix-list',
      title: '矩阵测试清单',
      riskLevels: ['low'],
      jurisdiction: '江西省',
      templateIds: ['jx-gate'],
    }),
    'POST /api/resumption/lists/:listId/publish': () => ({ publishedOn: today() }),
    'POST /api/resumption/lists/:listId/versions': () => ({ publishedOn: today(), remove: [] }),
    'POST /api/resumption/approval-lists': () => ({ publishedOn: today(), items: [] }),
    'PUT /api/resumption/lead-departments': ({ t }) => ({
      regionCode: '360111',
      enterpriseType: '*',
      departmentId: t.fixture.departments.qsh,
    }),
    'DELETE /api/resumption/lead-departments/:id': () => undefined,
    'POST /api/resumption/files': () => ({}),
    'POST /api/resumption/applications': () => ({}),
    'POST /api/resumption/applications/:id/package': () => ({ answers: {} }),
    'POST /api/resumption/applications/:id/commitment': () => ({ signerName: '张测试', signerTitle: '总经理' }),
    'POST /api/resumption/applications/:id/submit': () => ({}),
    'POST /api/resumption/applications/:id/resubmit': () => ({ response: '已补正' }),
    'POST /api/resumption/applications/:id/withdraw': () => ({ reason: '矩阵测试撤回' }),
    'POST /api/resumption/applications/:id/request-correction': () => ({
      missing: [{ itemId: 'doc:plan', note: '请补充批次' }],
    }),
    'POST /api/resumption/applications/:id/accept': ({ t }) => ({ departmentIds: [t.fixture.departments.qsh] }),
    'POST /api/resumption/applications/:id/review': () => ({ decision: 'approve', comment: '同意' }),
    'POST /api/resumption/applications/:id/decide-overdue': ({ t }) => ({
      departmentId: t.fixture.departments.city,
      decision: 'approve',
      comment: '督办',
    }),
    'POST /api/resumption/reviews/escalate': () => ({}),
    'POST /api/resumption/checks': ({ t }) => ({ enterpriseId: t.fixture.enterprises.a }),
    'POST /api/resumption/checks/:id/actions': () => ({ type: 'start', version: 1 }),
    'POST /api/resumption/rectifications/:id/respond': () => ({ version: 1, text: '已整改完毕' }),
    'POST /api/resumption/rectifications/:id/recheck': () => ({ version: 2, result: 'pass' }),
    'POST /api/resumption/enterprises/:id/lift-stop': () => ({ resumeTo: 'resumed' }),
    'POST /api/resumption/workers': () => ({ date: today(), workersBack: 1 }),
    'POST /api/resumption/reports': () => ({}),
  },
};
