import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { BrowserHarness } from '../support/browser.ts';
import { eventually, login, screenshot, startBrowserHarness } from '../support/browser.ts';

describe('enterprise registry in the browser', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => h?.close());

  const countyCells = (page: Page) => page.getByTestId('county-cell');

  it('a county official (gxj.qsh) sees only 青山湖区 enterprises and cannot open a 东湖区 one by URL', async () => {
    const inCounty = Number(
      (
        await h.db.kysely
          .selectFrom('enterprises')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('county_code', '=', '360111')
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(inCounty).toBeGreaterThan(0);
    const page = await h.newPage();
    await login(page, 'gxj.qsh');
    await page.goto('/enterprises?pageSize=100');
    await eventually(() => page.getByTestId('enterprise-total').innerText()).toBe(
      `共 ${inCounty.toLocaleString('zh-CN')} 家企业`,
    );
    const seen: string[] = [];
    for (let p = 1; p <= Math.ceil(inCounty / 100); p++) {
      await page.goto(`/enterprises?pageSize=100&page=${p}`);
      await eventually(() => countyCells(page).count()).toBe(Math.min(100, inCounty - (p - 1) * 100));
      for (const text of await countyCells(page).allInnerTexts()) seen.push(text.split('\n')[0]!.trim());
    }
    expect(seen).toHaveLength(inCounty);
    expect(new Set(seen)).toEqual(new Set(['青山湖区']));
    await screenshot(page, 'enterprises-gxj.qsh');

    const donghu = await h.db.kysely
      .selectFrom('enterprises')
      .select(['id', 'name'])
      .where('county_code', '=', '360102')
      .executeTakeFirstOrThrow();
    await page.goto(`/enterprises/${donghu.id}`);
    await eventually(() => page.getByText('企业不存在或不在您的管辖范围内').count()).toBe(1);
    expect(await page.getByText(donghu.name).count()).toBe(0);
    await page.goto(`/enterprises/${donghu.id}/edit`);
    await eventually(() => page.getByText('企业不存在或不在您的管辖范围内').count()).toBe(1);
    await page.context().close();
  });

  it('an enterprise administrator edits its contact name and sees it saved; government fields stay locked', async () => {
    const page = await h.newPage();
    await login(page, 'ent');
    await page.getByRole('menuitem', { name: '本企业档案' }).click();
    await page.waitForURL('**/my-enterprise');
    await eventually(() => page.getByTestId('profile-contact-name').count()).toBe(1);
    await page.getByRole('button', { name: '修改档案' }).click();
    await page.waitForURL('**/my-enterprise/edit');
    const form = page.getByTestId('enterprise-form');
    await eventually(() => form.getByLabel('企业名称', { exact: true }).isDisabled()).toBe(true);
    await eventually(() => form.getByLabel('统一社会信用代码', { exact: true }).isDisabled()).toBe(true);
    expect(await form.getByLabel('联系人', { exact: true }).isDisabled()).toBe(false);
    await form.getByLabel('联系人', { exact: true }).fill('孙测试');
    await screenshot(page, 'my-enterprise-edit');
    await page.getByTestId('enterprise-save').click();
    await page.waitForURL('**/my-enterprise');
    await eventually(() => page.getByTestId('profile-contact-name').innerText()).toBe('孙测试');
    await page.reload();
    await eventually(() => page.getByTestId('profile-contact-name').innerText()).toBe('孙测试');
    await screenshot(page, 'my-enterprise');

    const user = await h.db.kysely
      .selectFrom('users')
      .select('enterprise_id')
      .where('username', '=', 'ent')
      .executeTakeFirstOrThrow();
    const row = await h.db.kysely
      .selectFrom('enterprises')
      .select(['contact_name', 'version'])
      .where('id', '=', user.enterprise_id!)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ contact_name: '孙测试', version: 2 });
    await page.context().close();
  });

  it('the server’s field errors land on the form field (bad credit code check digit)', async () => {
    const page = await h.newPage();
    await login(page, 'gxj.qsh');
    await page.goto('/enterprises/new');
    const form = page.getByTestId('enterprise-form');
    await form.getByLabel('企业名称', { exact: true }).fill('南昌校验位测试有限公司');
    await form.getByLabel('统一社会信用代码', { exact: true }).fill('91360111MA00000000');
    await form.getByLabel('法定代表人', { exact: true }).fill('张测试');
    await form.getByLabel('联系人', { exact: true }).fill('李测试');
    await form.getByLabel('联系电话', { exact: true }).fill('15400000001');
    await form.getByLabel('地址', { exact: true }).fill('南昌市青山湖区测试路 1 号');
    await form.getByLabel('所在区域', { exact: true }).click();
    await page.locator('.ant-cascader-menu-item', { hasText: '青山湖区' }).first().click();
    await page.keyboard.press('Escape');
    await form.getByLabel(/^行业/).fill('39');
    await page.keyboard.press('Enter');
    await form.getByLabel('从业人员（人）', { exact: true }).fill('50');
    await form.getByLabel('营业收入（万元）', { exact: true }).fill('1800.5');
    await form.getByLabel('资产总额（万元）', { exact: true }).fill('900');
    await page.getByTestId('enterprise-save').click();
    const fieldError = page.locator('#creditCode_help');
    await eventually(() => fieldError.innerText()).toMatch(/^统一社会信用代码：/);
    await screenshot(page, 'enterprise-create-field-error');
    expect(
      await h.db.kysely.selectFrom('enterprises').select('id').where('name', '=', '南昌校验位测试有限公司').execute(),
    ).toEqual([]);
    await page.context().close();
  });

  it('saving over someone else’s change says so and offers to reload', async () => {
    const target = await h.db.kysely
      .selectFrom('enterprises')
      .select(['id'])
      .where('county_code', '=', '360102')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const first = await h.newPage();
    await login(first, 'gxj.city');
    const second = await first.context().newPage();
    await first.goto(`/enterprises/${target.id}/edit`);
    await second.goto(`/enterprises/${target.id}/edit`);
    await first.getByTestId('enterprise-form').getByLabel('联系人', { exact: true }).fill('第一人');
    await first.getByTestId('enterprise-save').click();
    await first.waitForURL(`**/enterprises/${target.id}`);

    await second.getByTestId('enterprise-form').getByLabel('地址', { exact: true }).fill('南昌市东湖区冲突路 2 号');
    await second.getByTestId('enterprise-save').click();
    await eventually(() => second.getByRole('dialog').locator('.ant-modal-confirm-title').innerText()).toBe(
      '该企业信息已被他人修改',
    );
    await screenshot(second, 'enterprise-conflict');
    await second.getByRole('button', { name: '重新加载' }).click();
    await eventually(() =>
      second.getByTestId('enterprise-form').getByLabel('联系人', { exact: true }).inputValue(),
    ).toBe('第一人');
    const row = await h.db.kysely
      .selectFrom('enterprises')
      .select(['address', 'contact_name'])
      .where('id', '=', target.id)
      .executeTakeFirstOrThrow();
    expect(row.contact_name).toBe('第一人');
    expect(row.address).not.toBe('南昌市东湖区冲突路 2 号');
    await first.context().close();
  });

  it('no page threw a JavaScript error', () => {
    expect(h.pageErrors).toEqual([]);
  });
});
