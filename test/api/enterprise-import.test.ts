import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/domain/demo/random.ts';
import { fakeCreditCode } from '../../src/domain/demo/identifiers.ts';
import type { TestApp, TestSession } from '../support/app-fixture.ts';
import { createTestApp } from '../support/app-fixture.ts';
import { testDialects } from '../support/databases.ts';
import { multipartFile } from '../support/multipart.ts';
import { waitForJobDone } from '../support/poll.ts';

const rng = createRng('import-test');

/** A table as people keep it: a title row, a note row, then the header, money in 万元. */
async function workbook(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业');
  ws.addRow(['2020年青山湖区企业名录']);
  ws.addRow(['填报单位：青山湖区工信局']);
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

describe.each(testDialects())('enterprise Excel import and export on %s', (dialect) => {
  let t: TestApp;
  let s: TestSession;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    s = await t.login('dept.qsh');
  });
  afterAll(async () => t.close());

  const upload = async (session: TestSession, buffer: Buffer, name = '企业名录.xlsx') => {
    const body = multipartFile('file', name, buffer);
    return t.built.fastify.inject({
      method: 'POST',
      url: '/api/enterprises/imports',
      payload: body.payload,
      headers: { ...body.headers, cookie: session.cookie, 'x-csrf-token': session.csrf },
    });
  };
  const total = async () => (await (await t.login('admin')).get('/api/enterprises')).json().total as number;

  it('reports every bad row by row and field, writes nothing, then imports the valid rows on confirmation', async () => {
    const good1 = fakeCreditCode(rng, '360111');
    const good2 = fakeCreditCode(rng, '360111');
    const file = await workbook([
      [
        good1,
        '南昌导入一号科技有限公司',
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
        '南昌导入二号商贸有限公司',
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
      [null, null, null, null, null, null, null, null, null, null, null, null, null],
    ]);
    const before = await total();
    const res = await upload(s, file);
    expect(res.statusCode).toBe(202);
    const { batchId, jobId } = res.json();
    expect((await waitForJobDone(s, jobId)).status).toBe('succeeded');

    const report = (await s.get(`/api/enterprises/imports/${batchId}?only=errors&pageSize=50`)).json();
    expect(report).toMatchObject({ status: 'ready', totalRows: 6, validRows: 2, errorRows: 4 });
    const byRow = Object.fromEntries(
      report.rows.items.map((r: { rowNumber: number; errors: { field: string; message: string }[] }) => [
        r.rowNumber,
        r.errors,
      ]),
    );
    expect(byRow[6][0]).toMatchObject({ field: 'creditCode' });
    expect(byRow[6][0].message).toMatch(/^统一社会信用代码：/);
    expect(byRow[7]).toEqual([{ field: 'creditCode', message: '统一社会信用代码：与第 4 行重复' }]);
    expect(byRow[8]).toEqual([{ field: 'regionCode', message: '所在区域：不在您的管辖范围内' }]);
    expect(byRow[9].map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['employees', 'revenueFen', 'flags.aboveScaleIndustry', 'regionCode']),
    );
    expect(await total()).toBe(before);

    const errorsFile = await s.get(`/api/enterprises/imports/${batchId}/errors.xlsx`);
    expect(errorsFile.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(errorsFile.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(3).getCell(2).value).toBe('错误说明');
    expect(sheet.rowCount).toBe(3 + 4);

    const other = await t.login('dept.city');
    expect((await other.get(`/api/enterprises/imports/${batchId}`)).statusCode).toBe(404);
    expect((await other.post(`/api/enterprises/imports/${batchId}/confirm`)).statusCode).toBe(404);

    const confirm = await s.post(`/api/enterprises/imports/${batchId}/confirm`);
    expect(confirm.statusCode).toBe(202);
    expect((await waitForJobDone(s, confirm.json().jobId)).result).toEqual({ batchId, written: 2, skipped: 0 });
    expect(await total()).toBe(before + 2);
    const imported = (await s.get(`/api/enterprises?q=${good1}`)).json().items[0];
    expect(imported).toMatchObject({
      name: '南昌导入一号科技有限公司',
      revenueFen: 2_500_000_000,
      assetsFen: 1_800_500_000,
      flags: { aboveScaleIndustry: true },
      countyCode: '360111',
    });
    expect((await s.post(`/api/enterprises/imports/${batchId}/confirm`)).statusCode).toBe(409);
    const audit = (await (await t.login('admin')).get('/api/audit?action=enterprise.import')).json();
    expect(audit.items[0].detail).toMatchObject({ written: 2, skipped: 0 });
  });

  it('explains a file without the expected header', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRow(['随便', '什么']);
    const res = await upload(s, Buffer.from(await wb.xlsx.writeBuffer()));
    const job = await waitForJobDone(s, res.json().jobId);
    expect(job.status).toBe('failed');
    expect(job.message).toContain('没有找到表头');
  });

  it('refuses a file that is not .xlsx', async () => {
    const res = await upload(s, Buffer.from('a,b'), '名录.csv');
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toContain('只支持 .xlsx');
  });

  it('exports the caller’s enterprises with who exported them and when, and re-imports the file cleanly', async () => {
    const res = await s.post('/api/enterprises/exports', {});
    expect(res.statusCode).toBe(202);
    const job = await waitForJobDone(s, res.json().jobId);
    expect(job.status, String(job.message)).toBe('succeeded');
    const file = await s.get(`/api/jobs/${res.json().jobId}/download`);
    expect(file.headers['content-disposition']).toContain(encodeURIComponent('企业名录'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(String(sheet.getRow(2).getCell(1).value)).toContain('导出人：dept.qsh');
    expect(sheet.rowCount - 3).toBe((await s.get('/api/enterprises')).json().total);
    expect((await (await t.login('dept.dh')).get(`/api/jobs/${res.json().jobId}/download`)).statusCode).toBe(404);
    // The exported file goes back in: every row is already registered, and that is the only complaint.
    const again = await upload(s, file.rawPayload);
    const staged = await waitForJobDone(s, again.json().jobId);
    expect(staged.status).toBe('succeeded');
    const report = (await s.get(`/api/enterprises/imports/${again.json().batchId}?only=errors&pageSize=200`)).json();
    for (const row of report.rows.items)
      expect(row.errors).toEqual([{ field: 'creditCode', message: '统一社会信用代码：该企业已登记' }]);
  });
});
