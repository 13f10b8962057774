import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createRng } from '../../src/domain/demo/random.ts';
import { fakeCreditCode } from '../../src/domain/demo/identifiers.ts';
import type { BrowserHarness } from '../support/browser.ts';
import { eventually, login, screenshot, startBrowserHarness } from '../support/browser.ts';

const rng = createRng('browser-import-test');

/** A sheet as a county office keeps it: a title row, then the header, money in 万元. */
async function workbook(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业');
  ws.addRow(['2020年青山湖区企业名录（浏览器测试）']);
  ws.addRow([
    '统一社会信用代码',
    '企业名称',
    '法定代表人',
    '联系人',
    '联系电话',
    '县（区）',
    '乡镇（街道）',
    '地址',
    '行业代码',
    '从业人员',
    '营业收入（万元）',
    '资产总额（万元）',
    '规上工业',
  ]);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('Excel import of enterprises in the browser', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => h?.close());

  const dbTotal = async () =>
    Number(
      (
        await h.db.kysely
          .selectFrom('enterprises')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  /** The enterprise count the list page shows this user. */
  const listedTotal = async (page: Page) => {
    await page.goto('/enterprises');
    await eventually(() => page.getByTestId('enterprise-total').innerText()).toMatch(/^共 [\d,]+ 家企业$/);
    return Number((await page.getByTestId('enterprise-total').innerText()).replace(/[^\d]/g, ''));
  };

  const upload = async (page: Page, name: string, content: Buffer) => {
    await page.goto('/enterprises/import');
    await eventually(() => page.getByTestId('import-nothing-written').isVisible()).toBe(true);
    await page.locator('input[type=file]').setInputFiles({
      name,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: content,
    });
  };

  it('放弃 deletes the batch and writes nothing', async () => {
    const file = await workbook([
      [
        fakeCreditCode(rng, '360111'),
        '南昌放弃导入有限公司',
        '张七',
        '李七',
        15400000107,
        '青山湖区',
        '湖坊镇',
        '南昌市青山湖区放弃路 7 号',
        39,
        20,
        100,
        50,
        '否',
      ],
    ]);
    const page = await h.newPage();
    await login(page, 'gxj.qsh');
    const dbBefore = await dbTotal();
    await upload(page, '放弃.xlsx', file);
    await eventually(() => page.getByTestId('import-confirm').innerText()).toBe('确认导入 1 条有效数据');
    await page.getByTestId('import-cancel').click();
    await page
      .getByRole('tooltip')
      .getByRole('button', { name: /放\s?弃/ })
      .click();
    await eventually(() => page.getByText('已放弃本次导入').count()).toBe(1);
    expect(await dbTotal()).toBe(dbBefore);
    await page.context().close();
  });

  it('shows row-level messages, writes nothing until confirmed, then imports the valid rows', async () => {
    const good1 = fakeCreditCode(rng, '360111');
    const good2 = fakeCreditCode(rng, '360111');
    const file = await workbook([
      [
        good1,
        '南昌浏览器导入一号科技有限公司',
        '张一',
        '李一',
        15400000101,
        '青山湖区',
        '湖坊镇',
        '南昌市青山湖区导入路 1 号',
        39,
        350,
        2500,
        1800.5,
        '是',
      ],
      [
        good2,
        '南昌浏览器导入二号商贸有限公司',
        '张二',
        '李二',
        '154-0000-0102',
        '青山湖区',
        '',
        '南昌市青山湖区导入路 2 号',
        '51',
        12,
        300,
        120,
        '否',
      ],
      [
        '91360100MA00000000',
        '南昌坏码有限公司',
        '张三',
        '李三',
        15400000103,
        '青山湖区',
        '湖坊镇',
        '地址三号路',
        39,
        10,
        10,
        10,
        '否',
      ],
      [
        good1,
        '南昌重复有限公司',
        '张四',
        '李四',
        15400000104,
        '青山湖区',
        '湖坊镇',
        '地址四号路',
        39,
        10,
        10,
        10,
        '否',
      ],
      [
        fakeCreditCode(rng, '360102'),
        '南昌越权有限公司',
        '张五',
        '李五',
        15400000105,
        '东湖区',
        '',
        '地址五号路',
        39,
        10,
        10,
        10,
        '否',
      ],
      [
        fakeCreditCode(rng, '360111'),
        '南昌乱填有限公司',
        '张六',
        '李六',
        15400000106,
        '青山湖区',
        '不存在镇',
        '地址六号路',
        39,
        '很多',
        -5,
        10,
        '也许',
      ],
    ]);
    const page = await h.newPage();
    await login(page, 'gxj.qsh');
    const before = await listedTotal(page);
    const dbBefore = await dbTotal();

    await upload(page, '青山湖区企业名录.xlsx', file);
    const confirm = page.getByTestId('import-confirm');
    await eventually(() => confirm.innerText()).toBe('确认导入 2 条有效数据');
    await eventually(() => page.getByTestId('import-errors').innerText()).toContain('4');
    const rows = page.getByTestId('import-rows');
    await eventually(() => rows.getByText('与第 3 行重复').count()).toBe(1);
    await eventually(() => rows.getByText('所在区域：不在您的管辖范围内').count()).toBe(1);
    await eventually(() => rows.getByText(/^统一社会信用代码：.*校验/).count()).toBeGreaterThan(0);
    await eventually(() => rows.getByText(/^从业人员/).count()).toBe(1);
    await screenshot(page, 'import-report');

    await page.locator('.ant-segmented').getByText('有错误', { exact: true }).click();
    await eventually(() => rows.locator('tbody tr.ant-table-row').count()).toBe(4);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载错误报告' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^导入错误报告-\d+\.xlsx$/);

    // Nothing written yet: not in the database, not in the list (seen from a second tab).
    expect(await dbTotal()).toBe(dbBefore);
    const other = await page.context().newPage();
    expect(await listedTotal(other)).toBe(before);
    await other.close();

    await confirm.click();
    await page.getByRole('button', { name: '确认导入', exact: true }).click();
    await eventually(() => page.getByTestId('import-done').innerText()).toContain('已写入 2 家企业');
    await screenshot(page, 'import-done');
    expect(await dbTotal()).toBe(dbBefore + 2);
    expect(await listedTotal(page)).toBe(before + 2);
    const written = await h.db.kysely
      .selectFrom('enterprises')
      .select('credit_code')
      .where('credit_code', 'in', [good1, good2])
      .execute();
    expect(written).toHaveLength(2);
    await page.context().close();
  });

  it('no page threw a JavaScript error', () => {
    expect(h.pageErrors).toEqual([]);
  });
});
