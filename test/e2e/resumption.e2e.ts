import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { BrowserHarness } from '../support/browser.ts';
import { eventually, login, pageScrollWidth, screenshot, startBrowserHarness } from '../support/browser.ts';

/**
 * 复工复产 in the browser, over the demo data (src/server/seed/demo-resumption.ts): an enterprise in a medium-risk
 * area files for approval; the lead department accepts and dispatches; two departments approve at the same time; the
 * enterprise is granted and reports its workers (已复工); a grid officer on a phone records a finding; the enterprise
 * rectifies; the officer closes it (销号). An enterprise in a low-risk county resumes with no approval step.
 */

const PDF = Buffer.from('%PDF-1.4\n% 防控方案\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);

/** antd's toast, the way the pages confirm a save. */
async function toast(page: Page, text: string | RegExp) {
  const shown = page.locator('.ant-message');
  try {
    await shown.getByText(text).first().waitFor({ state: 'attached', timeout: 15_000 });
  } catch {
    throw new Error(`没有出现提示「${String(text)}」；页面上的提示：${(await shown.allInnerTexts()).join(' | ')}`);
  }
}

async function fitsPhone(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  expect(await pageScrollWidth(page), `${name} 页面宽度`).toBeLessThanOrEqual(375);
  await screenshot(page, `phone-resumption-${name}`, { fullPage: false });
}

describe('复工复产 in the browser', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => h?.close());

  const userRow = (username: string) =>
    h.db.kysely
      .selectFrom('users')
      .select(['id', 'enterprise_id', 'department_id'])
      .where('username', '=', username)
      .executeTakeFirstOrThrow();
  const enterpriseName = async (username: string) => {
    const u = await userRow(username);
    const e = await h.db.kysely
      .selectFrom('enterprises')
      .select(['name'])
      .where('id', '=', u.enterprise_id!)
      .executeTakeFirstOrThrow();
    return e.name;
  };
  const departmentName = async (username: string) => {
    const u = await userRow(username);
    const d = await h.db.kysely
      .selectFrom('departments')
      .select('name')
      .where('id', '=', u.department_id!)
      .executeTakeFirstOrThrow();
    return d.name;
  };

  /** Walks the filing wizard from the enterprise's 复工复产 page; returns the application id. */
  async function fileFromWizard(
    page: Page,
    opts: { plan?: { normal: number; keyPosts: number; local: number } },
  ): Promise<number> {
    await page.goto('/resumption');
    await page.getByTestId('start-filing').click();
    await page.waitForURL(/\/resumption\/applications\/\d+\/edit$/);
    const id = Number(/applications\/(\d+)\/edit/.exec(page.url())![1]);
    const wizard = page.getByTestId('filing-wizard');
    await eventually(() => wizard.isVisible()).toBe(true);
    if (opts.plan) {
      // 复工方案: normal headcount and the first batch (key posts and local staff first).
      const p = opts.plan;
      await wizard.getByLabel('正常用工人数').fill(String(p.normal));
      await wizard.getByLabel('重要岗位人员').fill(String(p.keyPosts));
      await wizard.getByLabel('其他本地员工').fill(String(p.local));
      await eventually(() => page.getByTestId('planned-total').innerText()).toBe(`${p.keyPosts + p.local} 人`);
      await page.getByTestId('plan-save').click();
      await toast(page, '复工方案已保存');
      // 一企一策 prevention plan.
      await page.getByTestId('wizard-next').click();
      await page
        .getByTestId('prevention-upload')
        .locator('input[type=file]')
        .setInputFiles({ name: '疫情防控方案.pdf', mimeType: 'application/pdf', buffer: PDF });
      await toast(page, '防控方案已保存');
      await eventually(() => page.getByTestId('prevention-step').getByText('疫情防控方案.pdf').count()).toBe(1);
      // Self-assessment against the published list, every item with its source.
      await page.getByTestId('wizard-next').click();
      await eventually(() => page.getByTestId('assessment-step').getByTestId('citation').count()).toBeGreaterThan(3);
      await page.getByTestId('assessment-all-yes').click();
      await page.getByTestId('assessment-save').click();
      await toast(page, '自查结果已保存');
      // Commitment letter: signed, then downloadable as a PDF.
      await page.getByTestId('wizard-next').click();
      await page.getByLabel('我已阅读并同意承诺书全部内容').check();
      await page.getByTestId('commitment-sign').click();
      await toast(page, '承诺书已签署');
      await eventually(() => page.getByTestId('commitment-text').innerText()).toContain('承诺');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('commitment-pdf').click()]);
      expect(download.suggestedFilename()).toMatch(/\.pdf$/);
      const pdf = readFileSync((await download.path())!);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      await page.getByTestId('wizard-next').click();
    } else {
      for (let i = 0; i < 4; i++) await page.getByTestId('wizard-next').click();
    }
    await screenshot(page, `resumption-wizard-${id}`);
    await page.getByTestId('filing-submit').click();
    await page.waitForURL(new RegExp(`/resumption/applications/${id}$`));
    return id;
  }

  it('medium risk, approval: file, accept and dispatch, two parallel approvals, 已复工, finding, rectified, 销号', async () => {
    const name = await enterpriseName('ent.gxq');
    const { employees } = await h.db.kysely
      .selectFrom('enterprises')
      .select('employees')
      .where('id', '=', (await userRow('ent.gxq')).enterprise_id!)
      .executeTakeFirstOrThrow();
    // A plan within the registered headcount: key posts first, then local staff.
    const keyPosts = Math.max(1, Math.floor(employees * 0.2));
    const local = Math.floor(employees * 0.3);
    const [leadDept, cityDept] = [await departmentName('gxj.qsh'), await departmentName('gxj.city')];

    // ── the enterprise files ──
    const ent = await h.newPage();
    await login(ent, 'ent.gxq');
    await ent.goto('/resumption');
    await eventually(() => ent.getByTestId('filing-mode').innerText()).toBe('审批');
    await eventually(() => ent.getByTestId('risk-tag').first().innerText()).toBe('中风险');
    const id = await fileFromWizard(ent, { plan: { normal: employees, keyPosts, local } });
    await eventually(() => ent.getByTestId('application-status').innerText()).toBe('已提交，待受理');
    await eventually(() => ent.getByTestId('timeline').locator('.ant-timeline-item').count()).toBeGreaterThan(3);

    // ── the lead department (一口受理) accepts and dispatches to two departments ──
    const lead = await h.newPage();
    await login(lead, 'gxj.qsh');
    // The bell: the submission reached the lead department as an in-app notification pointing at the application.
    await lead.getByRole('button', { name: '消息通知' }).click();
    const note = lead.getByTestId('notification-list').locator('.ant-list-item').first();
    await eventually(() => note.innerText()).toContain(name);
    await lead.keyboard.press('Escape');
    await lead.goto('/resumption/applications');
    const row = lead.getByTestId('application-queue').getByText(name);
    await eventually(() => row.count()).toBeGreaterThan(0);
    await row.first().click();
    await lead.waitForURL(`**/resumption/applications/${id}`);
    const intake = lead.getByTestId('intake-panel');
    await eventually(() => intake.isVisible()).toBe(true);
    await intake.getByLabel(leadDept, { exact: true }).check();
    await intake.getByLabel(cityDept, { exact: true }).check();
    await screenshot(lead, 'resumption-intake');
    await lead.getByTestId('accept-dispatch').click();
    await toast(lead, '已受理并分送各部门并联审查');
    await eventually(() => lead.getByTestId('application-status').innerText()).toBe('已受理，并联审查中');
    await eventually(() => lead.getByTestId('reviews').locator('tr.ant-table-row').count()).toBe(2);

    // ── two departments approve at the same moment (并行办理) ──
    const city = await h.newPage();
    await login(city, 'gxj.city');
    await city.goto(`/resumption/applications/${id}`);
    await eventually(() => city.getByTestId('review-panel').isVisible()).toBe(true);
    await eventually(() => lead.getByTestId('review-panel').isVisible()).toBe(true);
    await Promise.all([lead.getByTestId('review-submit').click(), city.getByTestId('review-submit').click()]);
    await toast(lead, '审查意见已提交');
    await toast(city, '审查意见已提交');
    await city.reload();
    await eventually(() => city.getByTestId('application-status').innerText()).toBe('准予复工');
    const reviews = await h.db.kysely
      .selectFrom('resumption_reviews')
      .select(['department_id', 'decision'])
      .where('application_id', '=', id)
      .execute();
    expect(reviews.map((r) => r.decision).sort()).toEqual(['approve', 'approve']);

    // ── the enterprise sees it granted, reports its workers back and is 已复工 ──
    await ent.goto(`/resumption/applications/${id}`);
    await eventually(() => ent.getByTestId('application-status').innerText()).toBe('准予复工');
    await eventually(() => ent.getByTestId('outcome').innerText()).toContain('准予复工');
    const steps = await ent.getByTestId('timeline').locator('.ant-timeline-item').allInnerTexts();
    expect(steps.join('\n')).toMatch(/受理/);
    await screenshot(ent, 'resumption-granted');
    await ent.goto('/resumption');
    await ent
      .getByTestId('workers-form')
      .getByLabel('返岗人数')
      .fill(String(keyPosts + local));
    await ent.getByTestId('workers-save').click();
    await toast(ent, /已填报/);
    await eventually(() => ent.getByTestId('enterprise-status').innerText()).toBe('已复工');
    await screenshot(ent, 'resumption-enterprise-resumed');

    // ── the lead department sends an on-site check to the enterprise's grid officer ──
    await lead.reload();
    await lead.getByTestId('dispatch-check').click();
    await toast(lead, /已派发现场检查任务/);

    // ── the grid officer, on a phone, walks the checklist and records a finding with a photo ──
    const grid = await h.newPhonePage();
    await login(grid, 'grid');
    await grid.goto('/resumption/checks');
    const card = grid.getByTestId('check-task-card').filter({ hasText: name });
    await eventually(() => card.count()).toBe(1);
    await fitsPhone(grid, 'checks');
    await card.click();
    await grid.waitForURL(/\/resumption\/checks\/\d+$/);
    await grid.getByTestId('check-start').click();
    await toast(grid, '已开始核查');
    const first = grid.getByTestId('check-item-1');
    await first.getByText('不符合', { exact: true }).click();
    const findingForm = grid.getByTestId('finding-form');
    await eventually(() => findingForm.isVisible()).toBe(true);
    await findingForm.getByLabel('问题描述').fill('出入口未设置体温检测点，未登记进出人员');
    await grid
      .getByTestId('finding-photos')
      .locator('input[type=file]')
      .setInputFiles({ name: '现场照片.jpg', mimeType: 'image/jpeg', buffer: JPEG });
    await toast(grid, /已上传/);
    await grid
      .getByRole('button', { name: '保 存' })
      .or(grid.getByRole('button', { name: '保存' }))
      .click();
    await toast(grid, '已记录问题');
    await eventually(() => grid.getByTestId('finding').count()).toBe(1);
    await grid.getByTestId('check-pass-rest').click();
    await toast(grid, '其余事项已记为符合');
    await fitsPhone(grid, 'check-walk');
    await grid.getByTestId('check-complete').click();
    await grid.locator('.ant-modal-confirm').getByRole('button', { name: '完成核查' }).click();
    await toast(grid, '核查已完成');
    const orderLink = grid.getByTestId('task-order-link');
    await eventually(() => orderLink.count()).toBe(1);

    // ── the enterprise answers the rectification order ──
    await ent.goto('/resumption');
    const order = ent.getByTestId('my-rectifications').getByText('出入口未设置体温检测点', { exact: false });
    await eventually(() => order.count()).toBeGreaterThan(0);
    await order.first().click();
    await ent.waitForURL(/\/resumption\/rectifications\/\d+$/);
    const orderId = Number(/rectifications\/(\d+)/.exec(ent.url())![1]);
    await eventually(() => ent.getByTestId('rectification-status').innerText()).toBe('待整改');
    await ent.getByTestId('respond-form').getByLabel('整改情况').fill('已在出入口设置体温检测点并安排专人登记');
    await ent.getByTestId('respond-submit').click();
    await toast(ent, '整改情况已提交，等待复查');
    await eventually(() => ent.getByTestId('rectification-status').innerText()).toBe('已整改待复查');

    // ── the officer re-checks on the phone and closes it (销号) ──
    await grid.goto(`/resumption/rectifications/${orderId}`);
    await eventually(() => grid.getByTestId('recheck-form').isVisible()).toBe(true);
    await fitsPhone(grid, 'recheck');
    await grid.getByTestId('recheck-submit').click();
    await toast(grid, '复查通过，已销号');
    await eventually(() => grid.getByTestId('rectification-status').innerText()).toBe('已销号');
    const stored = await h.db.kysely
      .selectFrom('resumption_rectifications')
      .select(['status'])
      .where('id', '=', orderId)
      .executeTakeFirstOrThrow();
    expect(stored.status).toBe('closed');

    await ent.reload();
    await eventually(() => ent.getByTestId('rectification-status').innerText()).toBe('已销号');
    for (const p of [ent, lead, city, grid]) await p.context().close();
  });

  it('low risk: the enterprise declares and is resumed at once, with no approval step', async () => {
    const page = await h.newPage();
    await login(page, 'ent.dh');
    await page.goto('/resumption');
    await eventually(() => page.getByTestId('risk-tag').first().innerText()).toBe('低风险');
    await eventually(() => page.getByTestId('filing-mode').innerText()).toContain('直接复工');
    const id = await fileFromWizard(page, {});
    await eventually(() => page.getByTestId('application-status').innerText()).toBe('准予复工');
    expect(await page.getByTestId('reviews').count()).toBe(0);
    expect(await page.getByTestId('review-panel').count()).toBe(0);
    await screenshot(page, 'resumption-low-risk');
    const row = await h.db.kysely
      .selectFrom('resumption_applications')
      .select(['status', 'mode', 'accepted_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'resumed', mode: 'declare', accepted_at: null });
    const reviews = await h.db.kysely
      .selectFrom('resumption_reviews')
      .select('department_id')
      .where('application_id', '=', id)
      .execute();
    expect(reviews).toEqual([]);
    await page.context().close();

    // The same enterprise on a phone: its 复工复产 page and the application fit 375 px.
    const phone = await h.newPhonePage();
    await login(phone, 'ent.dh');
    await phone.goto('/resumption');
    await eventually(() => phone.getByTestId('filing-mode').isVisible()).toBe(true);
    await fitsPhone(phone, 'enterprise-home');
    await phone.goto(`/resumption/applications/${id}`);
    await eventually(() => phone.getByTestId('application-status').innerText()).toBe('准予复工');
    await fitsPhone(phone, 'enterprise-application');
    await phone.context().close();
  });

  it('the command centre sees the map, the rates and the weekly reports', async () => {
    const page = await h.newPage();
    await login(page, 'leader');
    await page.goto('/resumption/risk-levels');
    await eventually(() => page.getByTestId('risk-map').locator('canvas').count()).toBe(1);
    await eventually(() => page.getByTestId('risk-level-360102').innerText()).toBe('低风险');
    await eventually(() => page.getByTestId('risk-level-360124').innerText()).toBe('高风险');
    await screenshot(page, 'resumption-risk-map');

    await page.goto('/resumption/dashboard');
    await eventually(() => page.getByTestId('rate-groups').locator('tr.ant-table-row').count()).toBeGreaterThan(1);
    await eventually(() => page.getByTestId('trend-chart').locator('canvas').count()).toBe(1);
    await page.getByTestId('drill-link').first().click();
    await eventually(() => page.getByTestId('drill-enterprises').locator('tr.ant-table-row').count()).toBeGreaterThan(
      0,
    );
    await screenshot(page, 'resumption-dashboard');

    // Overdue reviews escalated to the command centre, and each department's on-time rate.
    await page.goto('/resumption/command?tab=overdue');
    await eventually(() => page.getByTestId('overdue-list').locator('tr.ant-table-row').count()).toBeGreaterThan(0);
    await page.getByTestId('escalate-now').click();
    await toast(page, /已检查逾期审查/);
    await page.goto('/resumption/command?tab=ontime');
    await eventually(() => page.getByTestId('on-time-rates').locator('tr.ant-table-row').count()).toBeGreaterThan(1);
    await screenshot(page, 'resumption-on-time');

    await page.goto('/resumption/command?tab=weekly');
    const before = await h.db.kysely.selectFrom('resumption_weekly_reports').select('id').execute();
    await page.getByTestId('weekly-generate').click();
    await toast(page, /已生成/);
    const after = await h.db.kysely.selectFrom('resumption_weekly_reports').select('id').execute();
    expect(after.length).toBe(before.length + 1);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('weekly-reports').getByRole('button', { name: /Excel/ }).first().click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    await page.context().close();
  });

  it('no page threw a JavaScript error', () => {
    expect(h.pageErrors).toEqual([]);
  });
});
