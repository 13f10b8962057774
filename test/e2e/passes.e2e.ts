import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserHarness } from '../support/browser.ts';
import { eventually, login, screenshot, startBrowserHarness } from '../support/browser.ts';
import { DEMO_PASSWORD } from '../../src/server/seed/demo-accounts.ts';

/**
 * 电子通行证: the employee's pass on the phone; the checkpoint page verifies it, learns its revocation by delta,
 * goes offline (reloaded from its service worker), refuses the revoked pass, and uploads the scan later.
 */
describe('passes and the offline checkpoint', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => h?.close());

  /** The employee `emp` on the roster of its enterprise, cleared to return (the rules are the health module's). */
  async function clearedEmployee(): Promise<number> {
    const k = h.db.kysely;
    const user = await k
      .selectFrom('users')
      .select(['id', 'enterprise_id'])
      .where('username', '=', 'emp')
      .executeTakeFirstOrThrow();
    const existing = await k
      .selectFrom('health_people')
      .select('id')
      .where('user_id', '=', user.id)
      .where('active', '=', 1)
      .executeTakeFirst();
    if (existing) {
      await k.updateTable('health_people').set({ status: 'cleared' }).where('id', '=', existing.id).execute();
      return existing.id;
    }
    const at = new Date().toISOString();
    const row = await k
      .insertInto('health_people')
      .values({
        enterprise_id: user.enterprise_id!,
        name: '演示员工',
        resident_id_enc: 'v1:e2e',
        resident_id_hash: 'e2e-pass-person',
        resident_id_masked: '3601**********0000',
        sex: 'female',
        phone: null,
        team: '装配班',
        post: null,
        key_post: 0,
        home_region: null,
        dormitory: 0,
        return_batch: null,
        return_date: null,
        return_mode: null,
        travel_history: null,
        contact_history: null,
        category: null,
        facts: '{}',
        user_id: user.id,
        needs_card: 0,
        active: 1,
        left_on: null,
        status: 'cleared',
        evaluation: null,
        reason_codes: '[]',
        earliest_return_date: null,
        status_cause: 'rules',
        rule_set_id: null,
        override_id: null,
        evaluated_on: null,
        status_changed_at: null,
        import_batch_id: null,
        version: 1,
        created_by: null,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** The enterprise administrator revokes the pass through the API, as the passes page does. */
  async function revokeAsEnterprise(passId: number) {
    const f = h.app.fastify;
    const res = await f.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'ent', password: DEMO_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'ss_session')!;
    const revoked = await f.inject({
      method: 'POST',
      url: `/api/passes/${passId}/revoke`,
      headers: { cookie: `ss_session=${cookie.value}`, 'x-csrf-token': res.json().csrfToken },
      payload: { reason: '手机遗失' },
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
  }

  it('the enterprise administrator prints cards for employees without phones', async () => {
    const k = h.db.kysely;
    const ent = await k
      .selectFrom('users')
      .select('enterprise_id')
      .where('username', '=', 'ent')
      .executeTakeFirstOrThrow();
    const template = await k
      .selectFrom('health_people')
      .selectAll()
      .where('id', '=', await clearedEmployee())
      .executeTakeFirstOrThrow();
    const { id: _id, ...rest } = template;
    for (const name of ['无机甲', '无机乙']) {
      await k
        .insertInto('health_people')
        .values({
          ...rest,
          enterprise_id: ent.enterprise_id!,
          name,
          user_id: null,
          needs_card: 1,
          resident_id_hash: `e2e-${name}`,
        })
        .execute();
    }
    const page = await h.newPage();
    await login(page, 'ent');
    await page.goto('/passes');
    await page.getByTestId('print-cards').click();
    await eventually(() => page.getByTestId('print-result').innerText()).toMatch(/本次签发员工证 [1-9]\d* 张/);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /下载员工证 PDF/ }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^员工证-.+\.pdf$/);
    const stream = await file.createReadStream();
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).subarray(0, 5).toString()).toBe('%PDF-');
    const cards = await k
      .selectFrom('passes')
      .innerJoin('health_people as p', 'p.id', 'passes.person_id')
      .select(['p.name', 'passes.card'])
      .where('p.name', 'in', ['无机甲', '无机乙'])
      .execute();
    expect(cards.map((c) => [c.name, c.card]).sort()).toEqual([
      ['无机乙', 1],
      ['无机甲', 1],
    ]);
    // The list shows them; a card can be revoked from it.
    await eventually(() => page.getByRole('cell', { name: '无机甲' }).count()).toBeGreaterThan(0);
    await screenshot(page, 'passes-cards');
  });

  it('a revoked pass is refused offline and its scan uploaded later', async () => {
    await clearedEmployee();

    // The employee's pass on the phone.
    const phone = await h.newPhonePage();
    await login(phone, 'emp');
    await phone.goto('/passes/me');
    const qr = phone.getByTestId('my-pass-qr');
    await eventually(() => qr.isVisible()).toBe(true);
    expect(await qr.locator('svg').count()).toBe(1);
    const token = (await qr.getAttribute('data-token'))!;
    expect(token).toMatch(/^SS1:/);
    await screenshot(phone, 'passes-my-pass', { fullPage: false });
    const pass = await h.db.kysely
      .selectFrom('passes')
      .select(['id'])
      .where('token', '=', token)
      .executeTakeFirstOrThrow();

    // The grid officer opens the checkpoint page online: keys and revocations are cached, the page is installed.
    const page = await h.newPhonePage();
    const context = page.context();
    await login(page, 'grid');
    await page.goto('/pages/checkpoint/');
    await eventually(() => page.getByTestId('checkpoint-status').innerText()).toContain('操作人员：');
    await eventually(() => page.getByTestId('checkpoint-status').innerText()).toMatch(/核验公钥：\d+ 个/);
    await eventually(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    const manifest = await page.evaluate(async () => {
      const href = document.querySelector('link[rel=manifest]')!.getAttribute('href')!;
      return (await fetch(href)).json();
    });
    expect(manifest).toMatchObject({ display: 'standalone', start_url: '/pages/checkpoint/' });
    // Chromium's own verdict: the page can be installed (manifest, icons, service worker). A Playwright context is
    // an incognito profile, where nothing installs; that is the only objection allowed.
    const cdp = await context.newCDPSession(page);
    const installability = async () =>
      (await cdp.send('Page.getInstallabilityErrors')).installabilityErrors
        .map((e) => e.errorId)
        .filter((id) => id !== 'in-incognito');
    await eventually(installability).toEqual([]);
    await cdp.detach();

    // Valid now.
    const token$ = page.getByTestId('checkpoint-token');
    await token$.fill(token);
    await page.getByRole('button', { name: '核验', exact: true }).click();
    await eventually(() => page.getByTestId('checkpoint-result').innerText()).toContain('准予通行');
    await eventually(() => page.getByTestId('checkpoint-queued').innerText()).toBe('待上传扫码记录：0 条');

    // Revoked on the server; the checkpoint learns it by delta at its next sync.
    const before = await page.getByTestId('checkpoint-revocation-version').innerText();
    await revokeAsEnterprise(pass.id);
    await page.getByRole('button', { name: '立即同步' }).click();
    await eventually(() => page.getByTestId('checkpoint-revocation-version').innerText()).not.toBe(before);
    await eventually(() => page.getByTestId('checkpoint-revocation-version').innerText()).toContain('1 张已作废');

    // Network cut: the page reloads from the service worker and refuses the pass with its cached data.
    await context.setOffline(true);
    await page.reload();
    await eventually(() => page.getByTestId('checkpoint-network').innerText()).toBe('离线');
    await eventually(() => page.getByTestId('checkpoint-revocation-version').innerText()).toContain('1 张已作废');
    await page.getByTestId('checkpoint-token').fill(token);
    await page.getByRole('button', { name: '核验', exact: true }).click();
    await eventually(() => page.getByTestId('checkpoint-result').innerText()).toContain('不予通行');
    expect(await page.getByTestId('checkpoint-result').innerText()).toContain('通行证已作废');
    await eventually(() => page.getByTestId('checkpoint-queued').innerText()).toBe('待上传扫码记录：1 条');
    await screenshot(page, 'passes-checkpoint-offline-refused', { fullPage: false });
    const scansOf = () =>
      h.db.kysely
        .selectFrom('pass_scans')
        .select(['code', 'ok', 'checkpoint_id'])
        .where('pass_id', '=', pass.id)
        .orderBy('seq')
        .execute();
    expect((await scansOf()).map((s) => s.code)).toEqual(['ok']);

    // Back online: the queued scan is uploaded in a batch.
    await context.setOffline(false);
    await eventually(() => page.getByTestId('checkpoint-queued').innerText()).toBe('待上传扫码记录：0 条');
    await eventually(async () => (await scansOf()).map((s) => [s.code, s.ok])).toEqual([
      ['ok', 1],
      ['revoked', 0],
    ]);
    expect(h.pageErrors).toEqual([]);
  });
});
