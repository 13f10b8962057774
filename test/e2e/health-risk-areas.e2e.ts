import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserHarness } from '../support/browser.ts';
import { eventually, login, screenshot, startBrowserHarness } from '../support/browser.ts';

/**
 * 风险地区名录 in the browser: the city CDC officer registers an area through the page (the server's Chinese field
 * error shown on the field first), sees it in the list, and ends it with a reason; a county CDC officer and the
 * command centre's leader see the list without the register or end buttons.
 */
describe('risk-area register in the browser', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => h?.close());

  const NAME = '湖北省武汉市武昌区（浏览器测试）';

  it('the city CDC registers an area, sees it listed, and ends it with a reason', async () => {
    const page = await h.newPage();
    await login(page, 'cdc');
    await page.goto('/health/risk-areas');
    await eventually(() => page.getByTestId('risk-total').isVisible()).toBe(true);
    await page.getByTestId('risk-add').click();
    const form = page.getByTestId('risk-form');
    const submit = page.getByTestId('risk-submit');
    await form.getByRole('textbox', { name: '地区代码', exact: true }).fill('420106');
    await form.getByRole('textbox', { name: '地区名称', exact: true }).fill(NAME);
    await form.getByRole('textbox', { name: '依据', exact: true }).fill('湖北省新冠肺炎疫情防控指挥部通告〔2022〕5号');

    // Neither a level nor a flag: the server refuses, and its message stands under the level field.
    await submit.click();
    await eventually(() =>
      form.locator('.ant-form-item', { hasText: '风险等级' }).locator('.ant-form-item-explain-error').innerText(),
    ).toContain('请选择风险等级');
    expect(await h.db.kysely.selectFrom('health_risk_areas').select('id').where('name', '=', NAME).execute()).toEqual(
      [],
    );

    await page.getByRole('combobox', { name: '风险等级' }).click();
    await page.locator('.ant-select-item-option', { hasText: '高风险' }).click();
    await page.getByRole('checkbox', { name: '本土聚集性疫情' }).check();
    await submit.click();
    await eventually(() => page.getByTestId('risk-outcome').innerText()).toMatch(/重新判定 \d+ 人，状态变化 \d+ 人/);

    const row = page.getByTestId('risk-table').locator('tr', { hasText: NAME });
    await eventually(() => row.count()).toBe(1);
    const text = await row.innerText();
    expect(text).toContain('420106');
    expect(text).toContain('高风险');
    expect(text).toContain('本土聚集性疫情');
    expect(text).toContain('未截止');
    expect(text).toContain('〔2022〕5号');
    const stored = await h.db.kysely
      .selectFrom('health_risk_areas')
      .selectAll()
      .where('name', '=', NAME)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ region_code: '420106', level: 'high', local_cluster: 1, key_area: 0 });
    expect(stored.valid_to).toBeNull();

    // The region-code filter keeps it; another prefix does not.
    await page.getByRole('textbox', { name: '地区代码前缀' }).fill('4201');
    await page
      .getByRole('button', { name: '查 询' })
      .or(page.getByRole('button', { name: '查询' }))
      .click();
    // The page copies the URL back into the form; wait for it before typing the next prefix.
    await page.waitForURL(/regionCode=4201/);
    await eventually(() => row.count()).toBe(1);
    await page.getByRole('textbox', { name: '地区代码前缀' }).fill('3303');
    await page
      .getByRole('button', { name: '查 询' })
      .or(page.getByRole('button', { name: '查询' }))
      .click();
    await page.waitForURL(/regionCode=3303/);
    await eventually(() => row.count()).toBe(0);
    await page.goto('/health/risk-areas');
    await eventually(() => row.count()).toBe(1);
    await screenshot(page, 'health-risk-areas-cdc');

    // End it: the confirm button stays disabled until a reason is given.
    await row.getByTestId('risk-end').click();
    const ok = page.getByRole('button', { name: '确认结束' });
    expect(await ok.isDisabled()).toBe(true);
    await page.getByRole('textbox', { name: '结束理由' }).fill('省指挥部通告调整为低风险地区');
    await ok.click();
    await eventually(() => page.getByTestId('risk-outcome').innerText()).toContain('截止于');
    await eventually(() => row.getByTestId('risk-valid-to').innerText()).not.toContain('未截止');
    expect(await row.getByTestId('risk-end').count()).toBe(0);
    const ended = await h.db.kysely
      .selectFrom('health_risk_areas')
      .select('valid_to')
      .where('id', '=', stored.id)
      .executeTakeFirstOrThrow();
    expect(ended.valid_to).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await row.getByTestId('risk-valid-to').innerText()).toContain(ended.valid_to!);
    const audit = await h.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('object_type', '=', 'health_risk_area')
      .where('object_id', '=', String(stored.id))
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['health.risk_area_added', 'health.risk_area_ended']);
    expect(audit.find((a) => a.action === 'health.risk_area_ended')!.detail).toContain('省指挥部通告调整为低风险地区');
    await page.context().close();
  });

  it('a county CDC officer and the leader see the list without the register or end buttons', async () => {
    // A county-level CDC officer (青山湖区): holds the permission, but the register is kept at city level.
    const cdc = await h.db.kysely
      .selectFrom('users')
      .selectAll()
      .where('username', '=', 'cdc')
      .executeTakeFirstOrThrow();
    const { id: _id, ...rest } = cdc;
    await h.db.kysely
      .insertInto('users')
      .values({
        ...rest,
        username: 'cdc.qsh.e2e',
        display_name: '青山湖区疾控中心 孙医生',
        region_code: '360111',
        must_change_password: 0,
      })
      .execute();

    for (const username of ['cdc.qsh.e2e', 'leader']) {
      const page = await h.newPage();
      await login(page, username);
      await page.goto('/health/risk-areas');
      const row = page.getByTestId('risk-table').locator('tr', { hasText: NAME });
      await eventually(() => row.count()).toBe(1);
      expect(await page.getByTestId('risk-add').count(), username).toBe(0);
      expect(await page.getByTestId('risk-end').count(), username).toBe(0);
      expect(await page.getByRole('menuitem', { name: /风险地区/ }).count(), username).toBeGreaterThan(0);
      await page.context().close();
    }
  });
});
