import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { BrowserHarness } from '../support/browser.ts';
import { eventually, login, pageScrollWidth, screenshot, startBrowserHarness } from '../support/browser.ts';

/** No sideways scrolling of the page itself at 375 px (wide content scrolls inside its own box). */
async function fitsPhone(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  expect(await pageScrollWidth(page), `${name} 页面宽度`).toBeLessThanOrEqual(375);
  await screenshot(page, `phone-${name}`, { fullPage: false });
}

describe('phone roles at 375 px', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => h?.close());

  it('the grid officer’s pages work on a phone', async () => {
    const page = await h.newPhonePage();
    await login(page, 'grid');
    await page.waitForURL('**/home');
    await eventually(() => page.getByTestId('home-total').innerText()).not.toBe('0');
    await fitsPhone(page, 'grid-home');

    // The side menu folds into a drawer.
    expect(await page.getByRole('menuitem', { name: '企业名录' }).isVisible()).toBe(false);
    await page.locator('.ant-pro-global-header-collapsed-button').click();
    await eventually(() => page.getByRole('menuitem', { name: '企业名录' }).isVisible()).toBe(true);
    await page.waitForTimeout(400); // let the drawer finish sliding in before the picture
    await screenshot(page, 'phone-grid-menu', { fullPage: false });
    await page.getByRole('menuitem', { name: '企业名录' }).click();
    await page.waitForURL('**/enterprises');
    await eventually(() => page.getByTestId('county-cell').count()).toBeGreaterThan(0);
    await fitsPhone(page, 'grid-enterprises');

    await page.getByRole('button', { name: /更多筛选/ }).click();
    await page.getByLabel('只看我联络的企业').check();
    await page.getByRole('button', { name: /查\s?询/ }).click();
    await page.waitForURL('**/enterprises?mine=1');
    await eventually(() => page.getByTestId('enterprise-total').innerText()).toBe('共 20 家企业（已筛选）');
    await fitsPhone(page, 'grid-enterprises-mine');

    await page.getByTestId('enterprise-table').getByRole('link').first().click();
    await page.waitForURL(/\/enterprises\/\d+$/);
    await eventually(() => page.getByTestId('enterprise-profile').isVisible()).toBe(true);
    await fitsPhone(page, 'grid-enterprise-detail');

    await page.goto('/regions');
    await eventually(() => page.getByTestId('region-detail').isVisible()).toBe(true);
    await fitsPhone(page, 'grid-regions');

    await page.goto('/enterprises/new');
    await eventually(() => page.getByTestId('enterprise-form').isVisible()).toBe(true);
    await fitsPhone(page, 'grid-enterprise-new');

    await page.goto('/account/password');
    await eventually(() => page.getByLabel('当前密码', { exact: true }).isVisible()).toBe(true);
    await fitsPhone(page, 'grid-password');
    await page.context().close();
  });

  it('the employee’s page works on a phone', async () => {
    const page = await h.newPhonePage();
    await login(page, 'emp');
    await page.waitForURL('**/me');
    await eventually(() => page.getByTestId('employee-enterprise').innerText()).not.toBe('');
    await fitsPhone(page, 'emp-home');
    await page.getByRole('link', { name: /修改密码/ }).click();
    await page.waitForURL('**/account/password');
    await eventually(() => page.getByLabel('当前密码', { exact: true }).isVisible()).toBe(true);
    await fitsPhone(page, 'emp-password');
    await page.context().close();
  });

  it('the enterprise administrator’s pages work on a phone', async () => {
    const page = await h.newPhonePage();
    await login(page, 'ent');
    await page.goto('/my-enterprise');
    await eventually(() => page.getByTestId('enterprise-profile').isVisible()).toBe(true);
    await fitsPhone(page, 'ent-profile');
    await page.goto('/my-enterprise/edit');
    await eventually(() => page.getByTestId('enterprise-form').isVisible()).toBe(true);
    await fitsPhone(page, 'ent-edit');
    await page.context().close();
  });

  it('no page threw a JavaScript error', () => {
    expect(h.pageErrors).toEqual([]);
  });
});
