import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { manualClock } from '../../src/server/clock.ts';
import type { BrowserHarness } from '../support/browser.ts';
import { eventually, login, pageScrollWidth, screenshot, startBrowserHarness } from '../support/browser.ts';

/**
 * 惠企政策兑现 in the browser (issue 4, "Done when"): 人社 publishes two policies; the enterprise sees its matches and
 * what is missing; 人社 records the data it holds; the enterprise sees the amount and applies (form prefilled, file
 * attached); 人社 runs a 免申即享 batch, reviews each enterprise's trace and approves it; reviews the application,
 * which passes 公示 (the server clock moved past the notice period) and gets a payment order; exports the orders
 * to Excel and marks them paid; the enterprise sees the money arrive and the leader's statistics move.
 */
describe('惠企政策兑现 in the browser', () => {
  let h: BrowserHarness;
  let enterprise: { id: number; name: string; size_class: string | null };
  let applicationId = 0;
  let batchId = 0;
  const MONTHLY_SI_FEN = 3_000_000; // 三项社会保险单位缴费月额 30,000 元

  beforeAll(async () => {
    h = await startBrowserHarness();
    const ent = await h.db.kysely
      .selectFrom('users')
      .innerJoin('enterprises', 'enterprises.id', 'users.enterprise_id')
      .select(['enterprises.id', 'enterprises.name', 'enterprises.size_class'])
      .where('users.username', '=', 'ent')
      .executeTakeFirstOrThrow();
    enterprise = ent;
  });
  afterAll(async () => h?.close());

  const sme = () => enterprise.size_class !== 'large';
  /** The 社保减免 clause that fits the enterprise's size, and what 人社's data makes it worth. */
  const siRule = () =>
    sme()
      ? { id: 'si-relief-2020.sme-exemption', title: '中小微企业免征三项社会保险单位缴费', fen: MONTHLY_SI_FEN * 5 }
      : {
          id: 'si-relief-2020.large-halving',
          title: '大型企业等其他参保单位三项社会保险单位缴费减半征收',
          fen: (MONTHLY_SI_FEN / 2) * 3,
        };

  let statsBefore = { fen: 0, enterprises: 0 };
  const fenOf = (text: string) => Math.round(Number(text.replace(/[,\s元]/g, '')) * 100);
  const yuan = (fen: number) =>
    `${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;

  async function pick(page: Page, label: string, text: string) {
    const box = page.getByRole('combobox', { name: label, exact: true });
    await box.click();
    await box.fill(text);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
  }

  async function statsAmount(page: Page) {
    await page.goto('/policy-stats');
    await eventually(() => page.getByTestId('stats-amount').count()).toBe(1);
    return page.getByTestId('stats-amount').innerText();
  }

  it('the department finds policies in the catalogue, sees the clauses with their sources, and publishes them', async () => {
    const page = await h.newPage();
    await login(page, 'rsj.city');
    await page.getByRole('menuitem', { name: '惠企政策' }).click();
    await page.waitForURL('**/policies');
    await page.getByLabel('政策关键词').fill('高新区');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await eventually(() => page.getByTestId('policy-card').count()).toBeGreaterThan(0);
    await page
      .getByRole('link', { name: /南昌高新区/ })
      .first()
      .click();
    await page.waitForURL('**/policies/nc-htz-2020');
    const card = page.getByTestId('rule-card').filter({ hasText: '企业新招员工每人2000元招聘补助' });
    await eventually(() => card.getByTestId('source-ref').first().innerText()).toMatch(/^出处 001_[0-9a-f]+\.txt:L29$/);
    expect(await card.getByTestId('how-to-claim').innerText()).toContain('人社部门');
    await screenshot(page, 'policy-detail');

    // The policies this journey uses must be published; the demo data leaves one as a draft for this step.
    let publishedHere = 0;
    for (const id of ['nc-htz-2020', 'si-relief-2020', 'hrss-labour-relations-2020']) {
      await page.goto(`/policies/${id}`);
      const publish = page.getByRole('button', { name: '发布并推送' });
      const withdraw = page.getByRole('button', { name: '停止受理' });
      await eventually(async () => (await publish.count()) + (await withdraw.count())).toBe(1);
      if ((await publish.count()) === 1) {
        await publish.click();
        await eventually(() => withdraw.count()).toBe(1);
        publishedHere += 1;
      }
    }
    expect(publishedHere).toBeGreaterThan(0);

    // The QR code of the list for push to enterprises (seed 000 L29/L31) opens the public page.
    await page.goto('/policies');
    await page.getByRole('button', { name: '政策清单二维码' }).click();
    await eventually(() => page.getByTestId('policy-qr').locator('img').getAttribute('src')).toBe(
      '/api/policies/lists/all/qr.svg',
    );
    const qr = await page.request.get('/api/policies/lists/all/qr.svg');
    expect(qr.headers()['content-type']).toContain('image/svg+xml');
    const publicPage = await page.request.get('/p/policies/all');
    expect(await publicPage.text()).toContain('企业新招员工每人2000元招聘补助');
    const published = await h.db.kysely
      .selectFrom('policy_settings')
      .select('policy_id')
      .where('status', '=', 'published')
      .execute();
    expect(published.map((p) => p.policy_id)).toEqual(
      expect.arrayContaining(['nc-htz-2020', 'si-relief-2020', 'hrss-labour-relations-2020']),
    );
    await page.context().close();
  });

  it('the enterprise sees its matched policies and what it still has to provide', async () => {
    const page = await h.newPage();
    await login(page, 'ent');
    await page.getByRole('menuitem', { name: '我可享受的政策' }).click();
    await page.waitForURL('**/policy-matches');
    const item = page.locator('[data-testid="match-item"][data-rule="nc-htz-2020.recruitment-subsidy"]');
    await eventually(() => item.getByTestId('match-missing').innerText()).toContain('还需补充：新招员工人数');
    expect(await item.getByTestId('match-amount').innerText()).toBe('待测算');
    await item.getByRole('button', { name: '判断过程' }).click();
    await eventually(() => page.getByTestId('policy-trace').count()).toBe(1);
    expect(await page.getByTestId('policy-trace').innerText()).toContain('新招员工人数');
    await screenshot(page, 'policy-matches-missing');
    await page.context().close();
  });

  it('the department records the data it holds; the enterprise sees the amount and applies with a prefilled form', async () => {
    const dept = await h.newPage();
    await login(dept, 'rsj.city');
    await dept.goto(`/policy-facts?enterpriseId=${enterprise.id}`);
    await eventually(() => dept.getByTestId('facts-table').count()).toBe(1);
    await pick(dept, '数据项', '新招员工人数');
    await dept.getByLabel('新招员工人数', { exact: true }).fill('10');
    await dept.getByTestId('facts-save').click();
    await eventually(() => dept.getByTestId('facts-table').innerText()).toContain('10 人');
    await pick(dept, '数据项', '三项社会保险单位缴费月额');
    await dept.getByLabel('三项社会保险单位缴费月额', { exact: true }).fill(String(MONTHLY_SI_FEN / 100));
    await dept.getByTestId('facts-save').click();
    await eventually(() => dept.getByTestId('facts-table').innerText()).toContain('30,000.00 元');
    await screenshot(dept, 'policy-held-facts');
    await dept.context().close();

    const page = await h.newPage();
    await login(page, 'ent');
    await page.goto('/policy-matches');
    const item = page.locator('[data-testid="match-item"][data-rule="nc-htz-2020.recruitment-subsidy"]');
    await eventually(() => item.getByTestId('match-amount').innerText()).toBe('20,000.00 元');
    expect(await item.getByTestId('match-missing').count()).toBe(0);
    await item.getByRole('button', { name: '在线申请' }).click();
    await page.waitForURL('**/policy-matches/apply/nc-htz-2020.recruitment-subsidy');
    const form = page.getByTestId('apply-form');
    await eventually(() => form.getByLabel('新招员工人数', { exact: true }).inputValue()).toBe('10');
    expect(await form.getByLabel('收款账户名').inputValue()).toBe(enterprise.name);
    await form.getByLabel('开户银行').fill('江西银行南昌高新支行');
    await form.getByLabel('收款账号').fill('6222020200001234567');
    await page.locator('input[type="file"]').setInputFiles({
      name: '新招员工花名册.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
    });
    await screenshot(page, 'policy-apply');
    await page.getByTestId('apply-submit').click();
    await page.waitForURL(/\/policy-applications\/\d+$/);
    applicationId = Number(new URL(page.url()).pathname.split('/').pop());
    await eventually(() => page.getByTestId('application-amount').innerText()).toBe('20,000.00 元');
    await eventually(() => page.getByText('新招员工花名册.pdf').count()).toBe(1);
    expect(await page.getByTestId('status-tag').first().innerText()).toBe('待审核');
    const row = await h.db.kysely
      .selectFrom('policy_applications')
      .select(['status', 'amount_fen', 'enterprise_id'])
      .where('id', '=', applicationId)
      .executeTakeFirstOrThrow();
    expect({ ...row, amount_fen: Number(row.amount_fen) }).toEqual({
      status: 'submitted',
      amount_fen: 2_000_000,
      enterprise_id: enterprise.id,
    });
    await page.context().close();
  });

  it('a 免申即享 batch is run with progress, reviewed with each enterprise’s trace, and approved into payment orders', async () => {
    const rule = siRule();
    const page = await h.newPage();
    await login(page, 'rsj.city');
    await page.getByRole('menuitem', { name: '免申即享' }).click();
    await page.waitForURL('**/policy-batches');
    await page.getByRole('button', { name: '发起批次' }).click();
    await pick(page, '政策条款', rule.title);
    const date = page.getByLabel('数据日期', { exact: true });
    await date.click();
    await date.fill('2020-03-01');
    await date.press('Enter');
    await page.getByRole('button', { name: '开始核定' }).click();
    await page.waitForURL(/\/policy-batches\/\d+$/);
    batchId = Number(new URL(page.url()).pathname.split('/').pop());
    await eventually(() => page.getByRole('button', { name: '审核通过并生成支付指令' }).count()).toBe(1);
    const included = await h.db.kysely
      .selectFrom('policy_batch_items')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('amount_fen').as('fen')])
      .where('batch_id', '=', batchId)
      .where('status', '=', 'included')
      .executeTakeFirstOrThrow();
    expect(Number(included.n)).toBeGreaterThan(0);
    await eventually(() => page.getByTestId('batch-eligible').innerText()).toBe(
      Number(included.n).toLocaleString('en-US'),
    );
    expect(await page.getByTestId('batch-total').innerText()).toBe(yuan(Number(included.fen)));
    // The enterprise whose data 人社 just recorded: 30,000 元 a month, exempted in full for 5 months (or halved for 3).
    await page.getByLabel('企业名称', { exact: true }).fill(enterprise.name);
    await page.getByLabel('企业名称', { exact: true }).press('Enter');
    const items = page.getByTestId('batch-items');
    await eventually(() => items.locator('tbody tr.ant-table-row').count()).toBe(1);
    expect(await items.getByTestId('item-amount').innerText()).toBe(yuan(rule.fen));
    await items.getByRole('button', { name: '判断过程' }).click();
    const trace = page.getByTestId('policy-trace');
    await eventually(() => trace.count()).toBe(1);
    const text = await trace.innerText();
    expect(text).toContain('参保单位为企业');
    expect(text).toContain(`siEmployerMonthlyFen = ${MONTHLY_SI_FEN}`);
    await screenshot(page, 'policy-batch-trace');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '审核通过并生成支付指令' }).click();
    await page
      .getByRole('button', { name: '批 准' })
      .or(page.getByRole('button', { name: '批准' }))
      .click();
    await eventually(() => page.getByRole('link', { name: '查看支付指令' }).count()).toBe(1);
    await screenshot(page, 'policy-batch-approved');
    const orders = await h.db.kysely
      .selectFrom('policy_payment_orders')
      .select(['enterprise_id', 'amount_fen', 'status'])
      .where('batch_id', '=', batchId)
      .execute();
    expect(orders).toHaveLength(Number(included.n));
    expect(orders.reduce((sum, o) => sum + Number(o.amount_fen), 0)).toBe(Number(included.fen));
    const own = orders.find((o) => o.enterprise_id === enterprise.id);
    expect(own && { amount: Number(own.amount_fen), status: own.status }).toEqual({
      amount: rule.fen,
      status: 'pending',
    });
    await page.context().close();
  });

  it('the department approves the application, it passes 公示, and the payment order appears', async () => {
    const leader = await h.newPage();
    await login(leader, 'leader');
    statsBefore = { fen: fenOf(await statsAmount(leader)), enterprises: 0 };
    statsBefore.enterprises = Number((await leader.getByTestId('stats-enterprises').innerText()).replace(/,/g, ''));
    await leader.context().close();

    const page = await h.newPage();
    await login(page, 'rsj.city');
    await page.getByRole('menuitem', { name: '兑现申请' }).click();
    await page.waitForURL('**/policy-applications');
    await eventually(() => page.getByTestId('application-table').innerText()).toContain(enterprise.name);
    expect(await page.getByTestId('due-date').first().innerText()).toMatch(/^\d{4}-\d{2}-\d{2} 前/);
    await page.goto(`/policy-applications/${applicationId}`);
    await page
      .getByRole('button', { name: '审 核' })
      .or(page.getByRole('button', { name: '审核' }))
      .click();
    await page.getByLabel('审核意见').fill('与社保新参保记录核对一致');
    await page.getByRole('button', { name: '提交审核结论' }).click();
    await eventually(() => page.getByTestId('status-tag').first().innerText()).toBe('公示中');
    expect(await page.getByTestId('application-approved').innerText()).toBe('20,000.00 元');
    await page.getByRole('menuitem', { name: '兑现公示' }).click();
    await eventually(() => page.getByTestId('notice-table').locator('tbody tr.ant-table-row').count()).toBeGreaterThan(
      0,
    );
    const publicNotices = await page.request.get('/p/policy-notices');
    expect(await publicNotices.text()).toContain(enterprise.name);
    await page.context().close();

    // The notice period passes: the server's clock moves three weeks on (sessions expire with it).
    h.app.context.clock = manualClock(new Date(Date.now() + 21 * 24 * 3_600_000));
    const later = await h.newPage();
    await login(later, 'rsj.city');
    await later.goto(`/policy-applications/${applicationId}`);
    await later.getByRole('button', { name: '公示期满，生成支付指令' }).click();
    await eventually(() => later.getByTestId('status-tag').first().innerText()).toBe('待拨付');
    await screenshot(later, 'policy-application-ordered');
    await later.context().close();
  });

  it('payment orders carry the funding split, are exported to Excel and marked paid; the enterprise and the leader see it', async () => {
    const rule = siRule();
    const page = await h.newPage();
    await login(page, 'rsj.city');
    await page.getByRole('menuitem', { name: '兑付记录' }).click();
    await page.waitForURL('**/policy-payments');
    await page.getByLabel('收款人', { exact: true }).fill(enterprise.name);
    await page.getByLabel('收款人', { exact: true }).press('Enter');
    await page.waitForURL(/\/policy-payments\?q=/);
    const table = page.getByTestId('order-table');
    await eventually(() => table.locator('tbody tr.ant-table-row').count()).toBe(2);
    expect(await table.innerText()).toContain('20,000.00 元');
    expect(await table.innerText()).toContain(yuan(rule.fen));
    const download = page.waitForEvent('download');
    await page.getByTestId('export-xlsx').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    await eventually(() => table.innerText()).toContain('已导出待支付');
    // The funding split is booked per level, traced to the clause (人社: 失业保险基金 / 社会保险基金 …).
    expect(await table.getByTestId('order-funding').count()).toBe(2);
    await table.locator('thead .ant-checkbox-input').check();
    await page.getByRole('button', { name: /标记已支付（2）/ }).click();
    await page
      .getByRole('button', { name: '确 认' })
      .or(page.getByRole('button', { name: '确认' }))
      .click();
    await eventually(() => table.locator('[data-testid="status-tag"]').allInnerTexts()).toEqual(['已支付', '已支付']);
    await screenshot(page, 'policy-payments-paid');
    await page.context().close();

    const ent = await h.newPage();
    await login(ent, 'ent');
    await ent.goto('/policy-payments');
    await eventually(() => ent.getByTestId('order-amount').allInnerTexts()).toEqual(
      expect.arrayContaining(['20,000.00 元', yuan(rule.fen)]),
    );
    await ent.goto(`/policy-applications/${applicationId}`);
    await eventually(() => ent.getByTestId('status-tag').first().innerText()).toBe('已兑付');
    await ent.goto('/policy-matches');
    await eventually(() => ent.getByTestId('paid-total').innerText()).toBe(yuan(2_000_000 + rule.fen));
    await screenshot(ent, 'policy-matches-paid');
    await ent.context().close();

    const leader = await h.newPage();
    await login(leader, 'leader');
    expect(fenOf(await statsAmount(leader))).toBe(statsBefore.fen + 2_000_000 + rule.fen);
    await eventually(() => leader.getByTestId('stats-enterprises').innerText()).toBe(
      (statsBefore.enterprises + 1).toLocaleString('en-US'),
    );
    await eventually(() => leader.getByTestId('policy-chart').count()).toBeGreaterThan(0);
    await eventually(() => leader.getByTestId('weekly-table').innerText()).toContain('合计');
    await screenshot(leader, 'policy-stats');
    await leader.context().close();
  });

  it('a policy maker simulates a parameter change over the registry and sees who would qualify and the cost', async () => {
    const page = await h.newPage();
    await login(page, 'rsj.city');
    await page.getByRole('menuitem', { name: '政策测算' }).click();
    await page.waitForURL('**/policy-simulations');
    await pick(page, '政策条款', '企业新招员工每人2000元招聘补助');
    const perHire = page.getByLabel('每名新招员工', { exact: true });
    await eventually(() => perHire.inputValue()).toBe('2000');
    await perHire.fill('3000');
    await page.getByTestId('simulation-run').click();
    // The same enterprises qualify; every one of them gets 3,000 元 a new hire instead of 2,000 元.
    await eventually(() => page.getByTestId('simulation-reformed').count()).toBe(1);
    const [, count, amount] = /^([\d,]+) 家 \/ ([\d,.]+ 元)$/.exec(
      await page.getByTestId('simulation-reformed').innerText(),
    )!;
    const [, baseCount, baseAmount] = /^([\d,]+) 家 \/ ([\d,.]+ 元)$/.exec(
      await page.getByTestId('simulation-baseline').innerText(),
    )!;
    expect(count).toBe(baseCount);
    expect(Number(count!.replace(/,/g, ''))).toBeGreaterThan(0);
    expect(fenOf(amount!)).toBe((fenOf(baseAmount!) / 2000) * 3000);
    await eventually(() => page.getByTestId('policy-chart').count()).toBeGreaterThan(0);
    await screenshot(page, 'policy-simulation');
    await page.context().close();
  });

  it('on a phone the enterprise’s matches and payments fit the screen', async () => {
    const page = await h.newPhonePage();
    await login(page, 'ent');
    await page.goto('/policy-matches');
    await eventually(() => page.getByTestId('match-item').count()).toBeGreaterThan(0);
    expect(await pageScrollWidth(page)).toBeLessThanOrEqual(375);
    await page.goto('/policy-payments');
    await eventually(() => page.getByTestId('order-table').innerText()).toContain('20,000.00 元');
    expect(await pageScrollWidth(page)).toBeLessThanOrEqual(375);
    await screenshot(page, 'policy-payments-phone');
    await page.context().close();
  });

  it('no page threw a JavaScript error', () => {
    expect(h.pageErrors).toEqual([]);
  });
});
