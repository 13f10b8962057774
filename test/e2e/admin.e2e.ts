import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { BrowserHarness } from '../support/browser.ts';
import { eventually, login, screenshot, startBrowserHarness } from '../support/browser.ts';

describe('administration pages (系统管理员 and 部门)', () => {
  let h: BrowserHarness;
  let admin: Page;
  beforeAll(async () => {
    h = await startBrowserHarness();
    admin = await h.newPage();
    await login(admin, 'admin');
  });
  afterAll(async () => h?.close());

  const heading = (page: Page, name: string) =>
    eventually(() => page.getByRole('heading', { name, exact: true }).count()).toBe(1);

  it('enterprise list, detail and edit form render with the registry’s data', async () => {
    await admin.goto('/enterprises');
    await heading(admin, '企业名录');
    await eventually(() => admin.getByTestId('county-cell').count()).toBe(20);
    await screenshot(admin, 'admin-enterprises', { fullPage: false });
    await admin.getByTestId('enterprise-table').getByRole('link').first().click();
    await admin.waitForURL(/\/enterprises\/\d+$/);
    await eventually(() => admin.getByTestId('enterprise-profile').isVisible()).toBe(true);
    await screenshot(admin, 'admin-enterprise-detail');
    await admin.getByRole('button', { name: /编\s?辑/ }).click();
    await admin.waitForURL(/\/enterprises\/\d+\/edit$/);
    await eventually(() => admin.getByTestId('enterprise-form').isVisible()).toBe(true);
    await eventually(() =>
      admin.getByTestId('enterprise-form').locator('.ant-cascader .ant-select-selection-item').first().innerText(),
    ).toContain(' / ');
    await screenshot(admin, 'admin-enterprise-edit');
  });

  it('exports the filtered list to Excel with a progress bar, then downloads it', async () => {
    await admin.goto('/enterprises?region=360111');
    await eventually(() => admin.getByTestId('enterprise-total').innerText()).toMatch(/^共 [\d,]+ 家企业（已筛选）$/);
    const listed = Number((await admin.getByTestId('enterprise-total').innerText()).replace(/[^\d]/g, ''));
    const [download] = await Promise.all([
      admin.waitForEvent('download'),
      admin.getByRole('button', { name: /导\s?出/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^企业名录-\d{8}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await download.path());
    const sheet = wb.worksheets[0]!;
    let dataRows = 0;
    sheet.eachRow((row) => {
      if (/^[0-9A-Z]{18}$/.test(String(row.getCell(1).value ?? ''))) dataRows++;
    });
    expect(dataRows).toBe(listed);
  });

  it('regions: creates a grid under a township and renames it', async () => {
    await admin.goto('/regions?code=360111490');
    await heading(admin, '区域与网格');
    await eventually(() => admin.getByTestId('region-detail').innerText()).toContain('艾溪湖管理处');
    await screenshot(admin, 'admin-regions', { fullPage: false });
    await admin.getByRole('button', { name: '新建网格' }).click();
    await admin.getByRole('dialog').getByLabel('名称', { exact: true }).fill('第四网格');
    await admin
      .getByRole('dialog')
      .getByRole('button', { name: /保\s?存/ })
      .click();
    await eventually(() => new URL(admin.url()).searchParams.get('code')).toBe('360111490000004');
    await eventually(() => admin.getByTestId('region-detail').innerText()).toContain('第四网格');
    await admin.getByRole('button', { name: /更\s?名/ }).click();
    await admin.getByRole('dialog').getByLabel('名称', { exact: true }).fill('第四网格（湖滨）');
    await admin
      .getByRole('dialog')
      .getByRole('button', { name: /保\s?存/ })
      .click();
    await eventually(() => admin.getByTestId('region-detail').innerText()).toContain('第四网格（湖滨）');
    const row = await h.db.kysely
      .selectFrom('regions')
      .select(['name', 'level'])
      .where('code', '=', '360111490000004')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ name: '第四网格（湖滨）', level: 'grid' });
  });

  it('departments: deactivates one and shows it as such', async () => {
    const dept = await h.db.kysely
      .selectFrom('departments')
      .select(['id', 'name'])
      .where('region_code', '=', '360111')
      .where('kind', '=', 'tjj')
      .executeTakeFirstOrThrow();
    await admin.goto('/departments');
    await heading(admin, '部门');
    await admin.getByLabel('名称', { exact: true }).fill(dept.name);
    await admin.getByRole('button', { name: /查\s?询/ }).click();
    const table = admin.getByTestId('department-table');
    await eventually(() => table.locator('tbody tr.ant-table-row').count()).toBe(1);
    await table.getByRole('button', { name: /停\s?用/ }).click();
    await admin
      .getByRole('tooltip')
      .getByRole('button', { name: /停\s?用/ })
      .click();
    await eventually(() => table.getByText('已停用').count()).toBe(1);
    await screenshot(admin, 'admin-departments', { fullPage: false });
    const row = await h.db.kysely
      .selectFrom('departments')
      .select('active')
      .where('id', '=', dept.id)
      .executeTakeFirstOrThrow();
    expect(row.active).toBe(0);
  });

  it('users: creates a department user and resets a password', async () => {
    await admin.goto('/users');
    await heading(admin, '用户');
    await eventually(() => admin.getByTestId('user-table').locator('tbody tr.ant-table-row').count()).toBeGreaterThan(
      5,
    );
    await screenshot(admin, 'admin-users', { fullPage: false });
    await admin.getByRole('button', { name: '新建用户' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByLabel('用户名', { exact: true }).fill('fgw.qsh');
    await dialog.getByLabel('初始密码', { exact: true }).fill('Start2020a');
    await dialog.getByLabel('姓名', { exact: true }).fill('青山湖区发改局 何审核');
    await dialog.getByLabel('所属部门', { exact: true }).fill('青山湖区发展');
    await admin.keyboard.press('Enter');
    await dialog.getByRole('button', { name: /保\s?存/ }).click();
    await eventually(() => admin.getByRole('dialog').count()).toBe(0);
    const created = await h.db.kysely
      .selectFrom('users')
      .select(['role', 'region_code', 'must_change_password'])
      .where('username', '=', 'fgw.qsh')
      .executeTakeFirstOrThrow();
    expect(created).toEqual({ role: 'dept', region_code: '360111', must_change_password: 1 });

    await admin.getByLabel('关键词', { exact: true }).fill('fgw.qsh');
    await admin.getByRole('button', { name: /查\s?询/ }).click();
    await eventually(() => admin.getByTestId('user-table').locator('tbody tr.ant-table-row').count()).toBe(1);
    await eventually(() => admin.getByTestId('user-table').innerText()).toContain('须改密码');

    await admin.goto('/users?q=bank');
    await eventually(() => admin.getByTestId('user-table').locator('tbody tr.ant-table-row').count()).toBe(1);
    await admin.getByRole('button', { name: '重置密码' }).click();
    await admin.getByRole('dialog').getByLabel('新密码', { exact: true }).fill('Reset2020b');
    await admin
      .getByRole('dialog')
      .getByRole('button', { name: /重\s?置/ })
      .click();
    await eventually(() => admin.getByRole('dialog').count()).toBe(0);
    const bank = await h.db.kysely
      .selectFrom('users')
      .select('must_change_password')
      .where('username', '=', 'bank')
      .executeTakeFirstOrThrow();
    expect(bank.must_change_password).toBe(1);
  });

  it('audit log: filters, shows a record’s digests and detail, and verifies the hash chain', async () => {
    await admin.goto('/audit');
    await heading(admin, '审计日志');
    await eventually(() => admin.getByTestId('audit-table').locator('tbody tr.ant-table-row').count()).toBeGreaterThan(
      3,
    );
    await admin.getByRole('button', { name: '校验哈希链' }).click();
    await eventually(() => admin.getByTestId('chain-ok').innerText()).toContain('哈希链完整');
    await screenshot(admin, 'admin-audit', { fullPage: false });

    await admin.goto('/audit?action=region.rename');
    await eventually(() => admin.getByTestId('audit-table').locator('tbody tr.ant-table-row').count()).toBe(1);
    await admin
      .getByTestId('audit-table')
      .getByRole('button', { name: /查\s?看/ })
      .click();
    const detail = admin.getByTestId('audit-detail');
    await eventually(() => detail.innerText()).toContain('更名为“第四网格（湖滨）”');
    expect(await detail.innerText()).toMatch(/本条哈希\s+[0-9a-f]{64}/);
    await screenshot(admin, 'admin-audit-detail', { fullPage: false });
  });

  it('banks and the home page render', async () => {
    await admin.goto('/banks');
    await heading(admin, '金融机构');
    await eventually(() => admin.getByTestId('bank-table').innerText()).toContain('江西银行');
    await screenshot(admin, 'admin-banks', { fullPage: false });
    await admin.goto('/home');
    await eventually(() => admin.locator('canvas').count()).toBe(1);
    await screenshot(admin, 'admin-home', { fullPage: false });
  });

  it('a zone leader’s region tree starts at the zone and lists the townships it administers', async () => {
    const page = await h.newPage();
    await login(page, 'gxq.leader');
    await page.goto('/regions');
    const tree = page.getByTestId('region-tree');
    await eventually(() => tree.getByText('南昌高新技术产业开发区', { exact: true }).count()).toBe(1);
    await eventually(() => tree.getByText('艾溪湖管理处', { exact: true }).count()).toBe(1);
    await eventually(() => page.getByTestId('region-detail').innerText()).toContain('功能区');
    await screenshot(page, 'zone-leader-regions', { fullPage: false });
    await page.context().close();
  });

  it('no page threw a JavaScript error', () => {
    expect(h.pageErrors).toEqual([]);
  });
});
