import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { BrowserHarness } from '../support/browser.ts';
import { eventually, login, screenshot, startBrowserHarness } from '../support/browser.ts';

describe('login, lockout, forced password change and logout', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => h?.close());

  const tryLogin = async (page: Page, username: string, password: string) => {
    await page.getByLabel('用户名', { exact: true }).fill(username);
    await page.getByLabel('密码', { exact: true }).fill(password);
    await page.getByRole('button', { name: /登\s?录/ }).click();
  };

  it('a wrong password says so; five in a row lock the account with the server’s message', async () => {
    const page = await h.newPage();
    await page.goto('/login');
    await screenshot(page, 'login');
    await tryLogin(page, 'rsj.city', 'wrong-password-1');
    await eventually(() => page.getByTestId('login-error').innerText()).toContain('用户名或密码错误');
    for (let i = 2; i <= 5; i++) {
      await tryLogin(page, 'rsj.city', `wrong-password-${i}`);
      await eventually(() =>
        h.db.kysely
          .selectFrom('audit_log')
          .select('id')
          .where('action', 'in', ['auth.login_failed', 'auth.lockout'])
          .execute()
          .then((r) => r.length),
      ).toBe(i);
    }
    await tryLogin(page, 'rsj.city', 'Demo@2020');
    await eventually(() => page.getByTestId('login-error').innerText()).toContain('账号已临时锁定');
    expect(await page.getByTestId('login-error').innerText()).toMatch(/请 \d+ 分钟后再试或联系管理员解锁/);
    await screenshot(page, 'login-locked');
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.context().close();
  });

  it('an address opened before login is where the user lands after it', async () => {
    const page = await h.newPage();
    await page.goto('/departments');
    await page.waitForURL('**/login?redirect=%2Fdepartments');
    await tryLogin(page, 'gxj.city', 'Demo@2020');
    await page.waitForURL('**/departments');
    await eventually(() => page.getByRole('heading', { name: '部门' }).count()).toBe(1);
    await page.context().close();
  });

  it('a user whose password was reset must change it first, then gets in; logout ends the session', async () => {
    await h.db.kysely.updateTable('users').set({ must_change_password: 1 }).where('username', '=', 'cdc').execute();
    const page = await h.newPage();
    await page.goto('/login');
    await tryLogin(page, 'cdc', 'Demo@2020');
    await page.waitForURL('**/change-password');
    await page.goto('/enterprises');
    await page.waitForURL('**/change-password');
    await page.getByLabel('当前密码', { exact: true }).fill('Demo@2020');
    await page.getByLabel('新密码', { exact: true }).fill('short');
    await page.getByLabel('确认新密码', { exact: true }).fill('short');
    await page.getByRole('button', { name: '修改并进入系统' }).click();
    await eventually(() => page.locator('#newPassword_help').innerText()).toContain('至少 8 位');
    await page.getByLabel('当前密码', { exact: true }).fill('not-the-password1');
    await page.getByLabel('新密码', { exact: true }).fill('Newpass2020');
    await page.getByLabel('确认新密码', { exact: true }).fill('Newpass2020');
    await page.getByRole('button', { name: '修改并进入系统' }).click();
    await eventually(() => page.locator('#currentPassword_help').innerText()).toBe('当前密码：不正确');
    await screenshot(page, 'forced-password-change');
    await page.getByLabel('当前密码', { exact: true }).fill('Demo@2020');
    await page.getByRole('button', { name: '修改并进入系统' }).click();
    await page.waitForURL('**/home');

    await page.getByRole('button', { name: '用户菜单' }).click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.waitForURL('**/login');
    await page.goto('/home');
    await page.waitForURL('**/login?redirect=%2Fhome');
    await login(page, 'cdc', 'Newpass2020');
    await page.waitForURL('**/home');
    await page.context().close();
  });

  it('when the session ends on the server, the next request returns to login and then to the same page', async () => {
    const page = await h.newPage();
    await login(page, 'leader');
    await page.waitForURL('**/home');
    await page.waitForLoadState('networkidle');
    await h.db.kysely
      .deleteFrom('sessions')
      .where('user_id', '=', h.db.kysely.selectFrom('users').select('id').where('username', '=', 'leader'))
      .execute();
    await page.getByRole('menuitem', { name: '企业名录' }).click();
    await page.waitForURL('**/login?redirect=%2Fenterprises');
    await eventually(() => page.getByTestId('login-notice').innerText()).toContain('登录已过期');
    await tryLogin(page, 'leader', 'Demo@2020');
    await page.waitForURL('**/enterprises');
    await page.context().close();
  });

  it('no page threw a JavaScript error', () => {
    expect(h.pageErrors).toEqual([]);
  });
});
