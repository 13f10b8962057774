import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { BrowserHarness } from '../support/browser.ts';
import { eventually, login, screenshot, startBrowserHarness } from '../support/browser.ts';

/**
 * 复工配置 in the browser, over the demo data (province modes medium/high = 审批): the city command centre's leader
 * (who holds resumption.configure) changes the mode for 中风险 to 告知承诺 and saves; after a reload the page and the
 * API both show it at the next version. A department reviewer (resumption.read only) sees the page without a save
 * button. The server's Chinese field error on the approval list's 公布日期 stands under that field.
 */

interface SettingsBody {
  provinceModes: { medium: string; high: string };
  versions: { provinceModes: number };
}

async function apiSettings(h: BrowserHarness, page: Page): Promise<SettingsBody> {
  const res = await page.request.get(`${h.baseUrl}/api/resumption/settings`);
  expect(res.status()).toBe(200);
  return (await res.json()) as SettingsBody;
}

const selected = (page: Page, label: string) =>
  page
    .getByTestId('modes-form')
    .locator('.ant-form-item', { hasText: label })
    .locator('.ant-select-selection-item')
    .innerText();

describe('复工配置 in the browser', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => h?.close());

  it('the leader changes the mode for 中风险 and it holds after a reload and in the API', async () => {
    const page = await h.newPage();
    await login(page, 'leader');
    const before = await apiSettings(h, page);
    expect(before.provinceModes.medium).toBe('approval');

    await page.getByRole('menuitem', { name: '复工配置' }).click();
    await page.waitForURL('**/resumption/settings');
    await eventually(() => page.getByTestId('modes-version').innerText()).toContain(
      before.versions.provinceModes > 0 ? `第 ${before.versions.provinceModes} 版` : '默认设置',
    );
    await eventually(() => selected(page, '中风险地区复工方式')).toBe('审批');

    await page
      .getByTestId('modes-form')
      .locator('.ant-form-item', { hasText: '中风险地区复工方式' })
      .locator('.ant-select-selector')
      .click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '告知承诺' }).click();
    await page.getByTestId('modes-save').click();
    await eventually(() => page.locator('.ant-message').innerText()).toContain('复工方式已保存');
    const next = before.versions.provinceModes + 1;
    await eventually(() => page.getByTestId('modes-version').innerText()).toContain(`第 ${next} 版`);

    await page.reload();
    await eventually(() => selected(page, '中风险地区复工方式')).toBe('告知承诺');
    expect(await selected(page, '高风险地区复工方式')).toBe('审批');
    expect(await page.getByTestId('modes-version').innerText()).toContain(`第 ${next} 版`);

    const after = await apiSettings(h, page);
    expect(after.provinceModes).toEqual({ medium: 'commitment', high: 'approval' });
    expect(after.versions.provinceModes).toBe(next);
    await screenshot(page, 'resumption-settings-modes');

    // The other tabs show the demo configuration.
    await page.getByRole('tab', { name: '绿色通道与暂停行业' }).click();
    await eventually(() => page.getByTestId('closures-table').innerText()).toContain('影剧院');
    await eventually(() => page.getByTestId('green-form').innerText()).toContain('能源');
    await page.getByRole('tab', { name: '牵头部门' }).click();
    await eventually(() => page.locator('.ant-tabs-tabpane-active').innerText()).toContain('青山湖区工业和信息化局');

    // The server's field error on 公布日期 (earlier than the version in force) stands under the field.
    await page.getByRole('tab', { name: '审批事项清单' }).click();
    await eventually(() => page.getByTestId('approval-version').innerText()).toMatch(/第 \d+ 版/);
    await page.getByTestId('approval-new').click();
    const date = page.getByRole('textbox', { name: '公布日期' });
    await date.click();
    await date.fill('2019-01-01');
    await date.press('Enter');
    await page.getByTestId('approval-publish').click();
    await eventually(() =>
      page
        .locator('.ant-drawer .ant-form-item', { hasText: '公布日期' })
        .first()
        .locator('.ant-form-item-explain-error')
        .innerText(),
    ).toContain('公布日期：不得早于今天');
    await screenshot(page, 'resumption-settings-approval-error');
    expect(h.pageErrors).toEqual([]);
    await page.context().close();
  });

  it('a department reviewer sees the settings without the save button', async () => {
    const page = await h.newPage();
    await login(page, 'gxj.city');
    await page.goto('/resumption/settings');
    await eventually(() => page.getByTestId('modes-version').isVisible()).toBe(true);
    await eventually(() => selected(page, '中风险地区复工方式')).not.toBe('');
    expect(await page.getByTestId('modes-save').count()).toBe(0);
    expect(await page.getByRole('combobox', { name: '中风险地区复工方式' }).isDisabled()).toBe(true);
    await page.getByRole('tab', { name: '审批事项清单' }).click();
    await eventually(() => page.getByTestId('approval-version').isVisible()).toBe(true);
    expect(await page.getByTestId('approval-new').count()).toBe(0);
    await page.context().close();
  });
});
