import ExcelJS from 'exceljs';
import { createRng } from '../../src/domain/demo/random.ts';
import { fakeResidentId } from '../../src/domain/demo/identifiers.ts';
import { hashPassword } from '../../src/server/auth/passwords.ts';
import type { TestApp } from './app-fixture.ts';
import { PLACES, TEST_PASSWORD } from './app-fixture.ts';

/**
 * Extra fixture data for workforce health: a second CDC user of 青山湖区 (overrides need two), a CDC user of another
 * county (东湖区) who must see nothing of enterprise a, and fictitious valid resident ID numbers.
 */
export async function addHealthUsers(t: TestApp): Promise<{ cdc2: number; cdcOther: number; emp2: number }> {
  const hash = await hashPassword(TEST_PASSWORD, t.config.argon2);
  const at = '2020-02-10T01:00:00.000Z';
  const add = async (username: string, role: 'cdc' | 'employee', region: string | null, enterprise: number | null) =>
    (
      await t.db.kysely
        .insertInto('users')
        .values({
          username,
          display_name: username,
          role,
          phone: null,
          region_code: region,
          department_id: null,
          enterprise_id: enterprise,
          bank_id: null,
          password_hash: hash,
          must_change_password: 0,
          failed_logins: 0,
          locked_until: null,
          disabled: 0,
          last_login_at: null,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  return {
    cdc2: await add('cdc.qsh2', 'cdc', PLACES.county, null),
    cdcOther: await add('cdc.dh', 'cdc', PLACES.otherCounty, null),
    emp2: await add('emp.a2', 'employee', null, t.fixture.enterprises.a),
  };
}

/** Fictitious valid ID numbers (demo sequence 996–999), distinct by birth date. */
export function residentIds(seed: string, n: number): string[] {
  const rng = createRng(seed);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((Math.floor(i / 28) % 12) + 1).padStart(2, '0');
    out.push(fakeResidentId(rng, '360111', `${1970 + (i % 30)}-${month}-${day}`));
  }
  return out;
}

/** A valid ID with its check digit broken. */
export function breakCheckDigit(id: string): string {
  const last = id[17]!;
  return id.slice(0, 17) + (last === '0' ? '1' : last === 'X' ? '0' : last === '9' ? 'X' : String(Number(last) + 1));
}

/**
 * A roster as enterprises really send it: a merged title row and a note above the header, a header with notes in
 * brackets, a merged 班组 column, one ID turned into a floating-point number, full-width digits and spaces, dates as
 * text, as serials and as dates, two rows with the same ID and one with a broken check digit.
 */
export async function messyRosterXlsx(
  ids: string[],
): Promise<{ buffer: Buffer; expectValid: string[]; expectErrors: number[] }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRow(['南昌甲测试电子有限公司 员工返岗花名册']);
  ws.mergeCells('A1:H1');
  ws.addRow(['填报单位（盖章）：', null, null, '填报日期：2020年2月18日']);
  ws.addRow(['序号', '姓名', '身份证号码（必填）', '联系电话', '班组', '是否住宿舍', '返岗日期', '返岗方式']);
  const fullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
  ws.addRow([1, '张\u3000三 ', ids[0], fullWidth('13800138000'), '一车间', '是', '2020/2/10', '包车']); // row 4
  ws.addRow([2, '李四', Number(ids[1]), '13800138001', null, '否', '2020-02-11', '自驾']); // row 5: float ID
  ws.addRow([3, '王五', ids[2], '13800138002', null, '否', 43871, '火车']); // row 6: serial date 2020-02-10
  ws.addRow([4, '赵六', ids[3], '13800138003', '二车间', '否', '2020年2月12日', '包车']); // row 7: duplicate
  ws.addRow([5, '钱七', ` ${ids[3]} `, '13800138004', '二车间', '否', '2020.2.12', '包车']); // row 8: duplicate
  ws.addRow([6, '孙八', breakCheckDigit(ids[4]!), '13800138005', '二车间', '否', '2020-02-12', '包车']); // row 9
  ws.addRow([7, ' 周九', `  ${ids[5]}`, '13800138006', '三车间', '是', new Date(Date.UTC(2020, 1, 13)), '班车']); // row 10
  ws.mergeCells('E4:E6');
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return { buffer, expectValid: ['张三', '王五', '周九'], expectErrors: [5, 7, 8, 9] };
}
