import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makeResidentId } from '../../src/domain/registry/resident-id.ts';
import { DEMO_PASSWORD } from '../../src/server/seed/demo-accounts.ts';
import type { BrowserHarness } from '../support/browser.ts';
import { eventually, login, pageScrollWidth, screenshot, startBrowserHarness } from '../support/browser.ts';

/**
 * 员工健康 in the browser: a messy roster import with row-level errors; an employee's fever declared on a phone and
 * seen by the enterprise and the CDC; a CDC override that stays without effect until a second CDC user confirms it.
 */

/** Valid made-up ID numbers (sequence codes 996–999 are no one's, src/domain/demo/identifiers.ts). */
const id = (birth: string, seq: string) => makeResidentId('360102', birth, seq);

const toFullWidth = (s: string) => s.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe('workforce health in the browser', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => h?.close());

  /** Call the API as a demo user, as the pages do (session cookie and CSRF token). */
  async function apiAs(username: string) {
    const f = h.app.fastify;
    const res = await f.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: DEMO_PASSWORD },
    });
    expect(res.statusCode, res.body).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'ss_session')!;
    const csrf = (res.json() as { csrfToken: string }).csrfToken;
    return async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => {
      const r = await f.inject({
        method,
        url,
        headers: { cookie: `ss_session=${cookie.value}`, 'x-csrf-token': csrf },
        ...(payload ? { payload } : {}),
      });
      return { status: r.statusCode, body: r.json() as Record<string, unknown> };
    };
  }

  const userId = async (username: string) =>
    (await h.db.kysely.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;

  const rosterCount = async (enterpriseId: number) =>
    Number(
      (
        await h.db.kysely
          .selectFrom('health_people')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('enterprise_id', '=', enterpriseId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  const entEnterprise = async () =>
    (
      await h.db.kysely
        .selectFrom('users')
        .select('enterprise_id')
        .where('username', '=', 'ent')
        .executeTakeFirstOrThrow()
    ).enterprise_id!;

  /** A person on the `ent` enterprise's roster, added through the API as its administrator. */
  async function addPerson(name: string, residentId: string): Promise<number> {
    const call = await apiAs('ent');
    const r = await call('POST', '/api/health/people', {
      residentId,
      name,
      team: '总装车间',
      post: '装配工',
      dormitory: false,
      travelHistory: '无',
      contactHistory: '无',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.id as number;
  }

  async function fitsPhone(page: Page, name: string) {
    await page.waitForLoadState('networkidle');
    expect(await pageScrollWidth(page), `${name} 页面宽度`).toBeLessThanOrEqual(375);
    await screenshot(page, `health-${name}`, { fullPage: false });
  }

  it('imports a messy roster: row-level errors, nothing written until confirmed, then only the valid rows', async () => {
    const good1 = id('1990-01-01', '996');
    const good2 = id('1988-06-15', '997');
    const dup = id('1992-03-03', '998');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('花名册');
    ws.addRow(['南昌某科技有限公司2020年返岗员工花名册（浏览器测试）']);
    ws.mergeCells('A1:I1');
    ws.addRow(['序号', '姓名', '身份证号码', '手机号码', '所在班组', '岗位', '是否住宿舍', '返岗日期', '旅居史']);
    // A clean row whose team cell is merged with the next row's; the return date is an Excel serial (2020-02-08).
    ws.addRow([1, '张\u3000三', good1, '13800138000', '装配一班', '焊工', '是', 43869, '无']);
    // The ID became a float in a spreadsheet: rejected, never guessed.
    ws.addRow([2, '李四', Number('360102199001019999'), '13800138001', null, '质检', '否', '2020-02-10', '无']);
    ws.mergeCells('E3:E4');
    // Two rows with the same ID: both rejected.
    ws.addRow([3, '王五', dup, '13800138002', '装配二班', '搬运', '否', '2020-02-10', '无']);
    // Full-width digits, stray spaces and a text date.
    ws.addRow([
      4,
      '  赵六 ',
      ` ${toFullWidth(good2)} `,
      '１３８００１３８００３',
      '装配二班',
      '仓管',
      '否',
      ' 2020/2/10 ',
      '无',
    ]);
    ws.addRow([5, '孙七', dup, '13800138004', '装配二班', '搬运', '否', '2020-02-11', '无']);
    const file = Buffer.from(await wb.xlsx.writeBuffer());

    const enterpriseId = await entEnterprise();
    const before = await rosterCount(enterpriseId);
    const page = await h.newPage();
    await login(page, 'ent');
    await page.goto('/health/roster');
    await eventually(() => page.getByTestId('roster-total').innerText()).toMatch(/^共 [\d,]+ 人$/);
    await page.getByRole('button', { name: '导入花名册' }).click();
    await page.waitForURL('**/health/roster/import');
    await eventually(() => page.getByTestId('import-nothing-written').isVisible()).toBe(true);
    await page.locator('input[type=file]').setInputFiles({
      name: '返岗员工花名册.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: file,
    });
    await eventually(() => page.getByTestId('import-confirm').innerText()).toBe('确认导入 2 条有效数据');
    expect(await page.getByTestId('import-errors').innerText()).toContain('3');
    // Nothing written yet.
    expect(await rosterCount(enterpriseId)).toBe(before);

    const rows = page.getByTestId('import-rows');
    const rowText = async (n: number) => rows.locator('tr', { has: page.locator(`td:text-is("${n}")`) }).innerText();
    await eventually(() => rowText(4)).toContain('单元格是数字格式');
    expect(await rowText(5)).toContain('与第7行重复');
    expect(await rowText(7)).toContain('与第5行重复');
    expect(await rowText(3)).toContain('可导入');
    expect(await rowText(3)).toContain('装配一班'); // the merged cell
    expect(await rowText(6)).toContain('赵六');
    // Only masked ID numbers on the page.
    const html = await page.content();
    for (const full of [good1, good2, dup]) expect(html).not.toContain(full);
    await screenshot(page, 'health-import-report');

    await page.getByTestId('import-confirm').click();
    await page.getByRole('tooltip').getByRole('button', { name: '确认导入' }).click();
    await eventually(() => page.getByTestId('import-done').innerText()).toContain('已写入 2 名员工');
    expect(await rosterCount(enterpriseId)).toBe(before + 2);
    const written = await h.db.kysely
      .selectFrom('health_people')
      .select(['name', 'team', 'return_date', 'phone'])
      .where('enterprise_id', '=', enterpriseId)
      .where('name', 'in', ['张三', '赵六'])
      .orderBy('name')
      .execute();
    expect(written).toEqual([
      { name: '张三', team: '装配一班', return_date: '2020-02-08', phone: '13800138000' },
      { name: '赵六', team: '装配二班', return_date: '2020-02-10', phone: '13800138003' },
    ]);

    await page.getByRole('button', { name: '查看花名册' }).click();
    await page.waitForURL('**/health/roster');
    await page.getByLabel('姓名、手机号或完整身份证号').fill('赵六');
    await page.getByRole('button', { name: /查\s?询/ }).click();
    await eventually(() => page.getByTestId('roster-table').innerText()).toContain('赵六');
    const masked = await page.getByTestId('masked-id').first().innerText();
    expect(masked).toMatch(/^3601\*+\d{3}[\dX]$/);
    expect(await page.content()).not.toContain(good2);

    // Nobody imported has declared today: the enterprise sees them on the list of who has not declared.
    await page.goto('/health/undeclared');
    await eventually(() => page.getByTestId('undeclared-total').innerText()).toMatch(/未申报 \d+ 人$/);
    await page.getByRole('searchbox', { name: '姓名或班组' }).fill('张三');
    await eventually(() => page.getByTestId('undeclared-table').innerText()).toContain('张三');
    await page.getByRole('searchbox', { name: '姓名或班组' }).fill('赵六');
    await eventually(() => page.getByTestId('undeclared-table').innerText()).toContain('赵六');
    expect(await page.getByTestId('undeclared-total').innerText()).toMatch(/未申报 \d+ 人$/);

    // The enterprise records that 赵六 has not left the city in 14 days (a fact the rules read).
    await page.getByTestId('undeclared-table').getByRole('link', { name: '赵六' }).click();
    await page.waitForURL(/\/health\/roster\/\d+$/);
    await eventually(() => page.getByTestId('travel-history').innerText()).toContain('尚未录入核实的旅居记录');
    await page.getByTestId('facts-open').click();
    await page.getByRole('switch', { name: '已核实近14天旅居史' }).click();
    await page.getByRole('button', { name: '保存并重新判定' }).click();
    await eventually(() => page.getByTestId('travel-history').innerText()).toContain('已核实：近14天无外出旅居');
    const audited = await h.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'health.facts_updated')
      .execute();
    expect(audited).toHaveLength(1);
    await page.context().close();
  });

  it('an employee declares a fever on a phone; the enterprise and the CDC see the anomaly and move the case', async () => {
    // The demo data may already have `emp` on the roster; otherwise the enterprise adds and links the employee.
    const empId = await userId('emp');
    let person = await h.db.kysely
      .selectFrom('health_people')
      .select(['id', 'name'])
      .where('user_id', '=', empId)
      .executeTakeFirst();
    if (!person) {
      const created = await addPerson('郑小明', id('1995-05-05', '999'));
      const call = await apiAs('ent');
      const linked = await call('POST', `/api/health/people/${created}/account`, { userId: empId });
      expect(linked.status, JSON.stringify(linked.body)).toBe(201);
      person = { id: created, name: '郑小明' };
    }
    const personId = person.id;
    const name = person.name;

    // The employee on a 375 px phone.
    const phone = await h.newPhonePage();
    await login(phone, 'emp');
    await phone.waitForURL('**/me');
    await eventually(() => phone.getByTestId('employee-health').isVisible()).toBe(true);
    await eventually(() => phone.getByTestId('employee-today').innerText()).toMatch(/^还需申报 [12] 次$/);
    await fitsPhone(phone, 'employee-home');
    await phone.getByRole('button', { name: '每日健康申报' }).click();
    await phone.waitForURL('**/me/declare');
    await phone.getByLabel('体温').fill('38.2');
    await phone.getByRole('checkbox', { name: '咳嗽' }).check();
    await eventually(() => phone.getByText('体温≥37.3℃，提交后将通知企业和疾控部门').isVisible()).toBe(true);
    await fitsPhone(phone, 'declare');
    await phone.getByTestId('declare-submit').click();
    await eventually(() => phone.getByTestId('declare-anomaly').isVisible()).toBe(true);
    await fitsPhone(phone, 'declare-anomaly');

    // One declaration today and one case from it, sent with an idempotency key.
    const decl = await h.db.kysely
      .selectFrom('health_declarations')
      .select(['id', 'date', 'client_key', 'temperature_dc', 'anomaly'])
      .where('person_id', '=', personId)
      .orderBy('id', 'desc')
      .execute();
    const newest = decl[0]!;
    expect(newest).toMatchObject({ temperature_dc: 382, anomaly: 1 });
    expect(newest.client_key).toMatch(/^[0-9a-f-]{36}$/);
    expect(decl.filter((d) => d.date === newest.date)).toHaveLength(1);
    const cases = await h.db.kysely
      .selectFrom('health_anomaly_cases')
      .select(['id', 'state'])
      .where('declaration_id', '=', newest.id)
      .execute();
    expect(cases).toEqual([{ id: expect.any(Number), state: 'reported' }]);
    const caseId = cases[0]!.id;

    // The status page shows the status, its reasons and their sources.
    await phone.getByRole('button', { name: '查看我的返岗状态' }).click();
    await phone.waitForURL('**/me/status');
    await eventually(() => phone.getByTestId('status-view').isVisible()).toBe(true);
    expect(await phone.getByTestId('status-tag').first().innerText()).not.toBe('可返岗');
    expect(await phone.getByTestId('reason-source').count()).toBeGreaterThan(0);
    expect(await phone.getByTestId('reason-source').first().innerText()).toMatch(/依据：\d{3}_[0-9a-f]+\.txt:L\d+/);
    await fitsPhone(phone, 'my-status');

    // The employee appeals; the CDC finds it in its queue.
    await phone.getByTestId('appeal-open').click();
    await phone.getByRole('textbox', { name: '申诉理由' }).fill('体温计故障，复测36.6℃，无咳嗽');
    await phone.getByTestId('appeal-submit').click();
    await eventually(() => phone.getByTestId('my-appeal').first().innerText()).toContain('已提交');
    await fitsPhone(phone, 'my-appeal');
    await phone.context().close();

    // The enterprise administrator sees it and sends the employee to the isolation area.
    const ent = await h.newPage();
    await login(ent, 'ent');
    await ent.goto('/health/anomalies');
    await eventually(() => ent.getByTestId('anomaly-table').innerText()).toContain(name);
    const entRow = ent.getByTestId('anomaly-table').locator('tr', { hasText: name }).filter({ hasText: '咳嗽' });
    expect(await entRow.innerText()).toContain('38.2℃');
    expect(await entRow.innerText()).toContain('咳嗽');
    expect(await entRow.getByTestId('anomaly-state').innerText()).toBe('已上报');
    await entRow.getByTestId('anomaly-action').click();
    await ent.getByRole('menuitem', { name: '送隔离观察区' }).click();
    await ent.getByRole('textbox', { name: '隔离观察区' }).fill('厂区东门临时隔离室');
    await ent.getByRole('button', { name: '确认记录' }).click();
    await eventually(() => entRow.getByTestId('anomaly-state').innerText()).toBe('隔离观察区');
    await screenshot(ent, 'health-anomalies-enterprise');
    // A result is the CDC's: the enterprise is not offered one.
    await entRow.getByTestId('anomaly-action').click();
    await eventually(() => ent.getByRole('menuitem', { name: /转诊/ }).isVisible()).toBe(true);
    expect(await ent.getByRole('menuitem', { name: '结果：排除' }).count()).toBe(0);
    await ent.keyboard.press('Escape');
    await ent.context().close();

    // The enterprise administrator's health pages on a phone: cards instead of tables, no sideways scrolling.
    const entPhone = await h.newPhonePage();
    await login(entPhone, 'ent');
    await entPhone.goto('/health/anomalies');
    await eventually(() => entPhone.getByTestId('anomaly-table').innerText()).toContain(name);
    await fitsPhone(entPhone, 'ent-anomalies');
    await entPhone.goto('/health/roster');
    await eventually(() => entPhone.getByTestId('roster-table').innerText()).toContain(name);
    await fitsPhone(entPhone, 'ent-roster');
    await entPhone.goto(`/health/roster/${personId}`);
    await eventually(() => entPhone.getByTestId('person-profile').isVisible()).toBe(true);
    await fitsPhone(entPhone, 'ent-person');
    await entPhone.context().close();

    // The CDC officer sees it with the enterprise's name, refers the case, and sees the times of each step.
    const cdc = await h.newPage();
    await login(cdc, 'cdc');
    await cdc.goto('/health/anomalies');
    await eventually(() => cdc.getByTestId('anomaly-table').innerText()).toContain(name);
    const enterpriseName = (
      await h.db.kysely
        .selectFrom('enterprises')
        .select('name')
        .where('id', '=', await entEnterprise())
        .executeTakeFirstOrThrow()
    ).name;
    const cdcRow = cdc.getByTestId('anomaly-table').locator('tr', { hasText: name }).filter({ hasText: '咳嗽' });
    expect(await cdcRow.getByTestId('anomaly-enterprise').innerText()).toBe(enterpriseName);
    await cdc.goto(`/health/anomalies/${caseId}`);
    await eventually(() => cdc.getByTestId('anomaly-detail').isVisible()).toBe(true);
    await cdc.getByRole('button', { name: '转诊（专人专车）' }).click();
    await cdc.getByRole('textbox', { name: '转诊机构' }).fill('南昌大学第一附属医院发热门诊');
    await cdc.getByRole('button', { name: '确认记录' }).click();
    await eventually(() => cdc.getByTestId('anomaly-timeline').innerText()).toContain('已转诊');
    const timeline = await cdc.getByTestId('anomaly-timeline').innerText();
    expect(timeline).toContain('已上报');
    expect(timeline).toContain('隔离观察区');
    expect(timeline).toContain('厂区东门临时隔离室');
    expect(timeline).toContain('南昌大学第一附属医院发热门诊');
    expect(timeline).toMatch(/发现后 \d+ 分钟/);
    await screenshot(cdc, 'health-anomaly-cdc');

    await cdc.goto('/health/appeals');
    await eventually(() => cdc.getByTestId('appeal-table').innerText()).toContain('体温计故障');

    // The daily summary (the scheduler sends yesterday's from 08:00; run today's now as the administrator would).
    const today = newest.date;
    const admin = await apiAs('admin');
    const run = await admin('POST', '/api/health/summaries/run', { date: today });
    expect(run.status, JSON.stringify(run.body)).toBe(200);
    await cdc.goto(`/health/summaries?date=${today}`);
    await eventually(() => cdc.getByTestId('summary-title').innerText()).toBe(`${today} 日报`);
    const summaryRow = cdc.getByTestId('summary-table').locator('tr', { hasText: enterpriseName });
    await eventually(() => summaryRow.count()).toBe(1);
    expect(await summaryRow.innerText()).toContain('38.2℃');
    await screenshot(cdc, 'health-summaries');
    await cdc.context().close();
  });

  it('a CDC override without a second approver has no effect; the proposer cannot confirm it; another CDC user can', async () => {
    const personId = await addPerson('钱研判', id('1985-09-09', '996'));
    const before = await h.db.kysely
      .selectFrom('health_people')
      .select(['status', 'status_cause'])
      .where('id', '=', personId)
      .executeTakeFirstOrThrow();
    expect(before.status).not.toBe('central_quarantine');

    // A second CDC officer of the same region (the demo data has one).
    const first = await h.db.kysely
      .selectFrom('users')
      .selectAll()
      .where('username', '=', 'cdc')
      .executeTakeFirstOrThrow();
    const { id: _id, ...rest } = first;
    await h.db.kysely
      .insertInto('users')
      .values({ ...rest, username: 'cdc.e2e2', display_name: '市疾控中心 吴医生', must_change_password: 0 })
      .execute();

    // Officer A proposes from the person's record: a reason from the closed list, evidence, an expiry.
    const a = await h.newPage();
    await login(a, 'cdc');
    await a.goto(`/health/roster/${personId}`);
    await eventually(() => a.getByTestId('person-profile').isVisible()).toBe(true);
    await a.getByTestId('override-open').click();
    await a.getByRole('combobox', { name: '研判理由' }).click();
    await a.locator('.ant-select-item-option', { hasText: '流行病学调查判定为密切接触者' }).click();
    await eventually(() => a.getByTestId('override-form').innerText()).toContain('集中隔离');
    await a.getByRole('textbox', { name: '证据材料' }).fill('洪疾控流调〔2020〕12号');
    await a.getByRole('button', { name: '提交复核' }).click();
    await eventually(() => a.getByText('已提交，待另一名疾控人员复核后生效').isVisible()).toBe(true);

    const proposed = await h.db.kysely
      .selectFrom('health_overrides')
      .select(['id', 'state', 'reason_code', 'version'])
      .where('person_id', '=', personId)
      .executeTakeFirstOrThrow();
    expect(proposed).toMatchObject({ state: 'proposed', reason_code: 'OV_EPI_CLOSE_CONTACT' });
    // Not in effect.
    const pending = await h.db.kysely
      .selectFrom('health_people')
      .select(['status', 'status_cause'])
      .where('id', '=', personId)
      .executeTakeFirstOrThrow();
    expect(pending).toEqual(before);

    // In the queue, the proposer is offered no confirm button …
    await a.goto('/health/overrides');
    const rowA = a.getByTestId('override-table').locator('tr', { hasText: '钱研判' });
    await eventually(() => rowA.getByTestId('override-state').innerText()).toBe('待复核');
    expect(await rowA.getByTestId('override-confirm').isDisabled()).toBe(true);
    expect(await rowA.innerText()).toContain('待他人复核');
    await screenshot(a, 'health-overrides-proposer');
    await a.context().close();

    // … and the server refuses it anyway.
    const asA = await apiAs('cdc');
    const refused = await asA('POST', `/api/health/overrides/${proposed.id}/confirm`, { version: proposed.version });
    expect(refused.status).toBe(422);
    expect(String(refused.body.detail)).toContain('复核人不能是发起人');
    const still = await h.db.kysely
      .selectFrom('health_overrides')
      .select('state')
      .where('id', '=', proposed.id)
      .executeTakeFirstOrThrow();
    expect(still.state).toBe('proposed');
    expect(
      await h.db.kysely
        .selectFrom('health_people')
        .select(['status', 'status_cause'])
        .where('id', '=', personId)
        .executeTakeFirstOrThrow(),
    ).toEqual(before);

    // Officer B confirms: now it takes effect.
    const b = await h.newPage();
    await login(b, 'cdc.e2e2');
    await b.goto('/health/overrides');
    const rowB = b.getByTestId('override-table').locator('tr', { hasText: '钱研判' });
    await eventually(() => rowB.getByTestId('override-confirm').isEnabled()).toBe(true);
    await rowB.getByTestId('override-confirm').click();
    await b.getByRole('tooltip').getByRole('button', { name: '确认生效' }).click();
    await eventually(() => b.getByText('已复核确认，研判生效').isVisible()).toBe(true);
    await b.goto('/health/overrides?tab=active');
    await eventually(() => b.getByTestId('override-table').innerText()).toContain('钱研判');
    const after = await h.db.kysely
      .selectFrom('health_people')
      .select(['status', 'status_cause'])
      .where('id', '=', personId)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ status: 'central_quarantine', status_cause: 'override' });
    await b.goto(`/health/roster/${personId}`);
    await eventually(() => b.getByTestId('status-cause').innerText()).toContain('疾控人工研判');
    await screenshot(b, 'health-override-active');

    // The full ID number only on request, and the request is audited.
    expect(await b.content()).not.toContain(id('1985-09-09', '996'));
    await b.getByRole('button', { name: '查看完整号码' }).click();
    await b
      .getByRole('tooltip')
      .getByRole('button', { name: /查\s?看/ })
      .click();
    await eventually(() => b.getByTestId('revealed-id').innerText()).toBe(id('1985-09-09', '996'));
    const revealed = await h.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'health.resident_id_revealed')
      .where('object_id', '=', String(personId))
      .execute();
    expect(revealed).toHaveLength(1);
    await b.context().close();
    expect(h.pageErrors).toEqual([]);
  });
});
