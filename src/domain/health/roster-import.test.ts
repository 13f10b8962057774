import { describe, expect, it } from 'vitest';
import { makeResidentId } from '../registry/resident-id.ts';
import {
  excelSerialToDate,
  fillMerges,
  findRosterHeader,
  importRoster,
  parseCellDate,
  rowsToWrite,
} from './roster-import.ts';
import type { CellValue } from './roster-import.ts';

// Demo ID numbers (sequence codes 996–999, see src/domain/demo/identifiers.ts).
const ID1 = makeResidentId('360102', '1990-01-01', 997);
const ID2 = makeResidentId('360103', '1985-06-15', 996);
const ID3 = makeResidentId('420102', '1995-11-30', 999);
const ID4 = makeResidentId('360121', '1979-02-28', 998);

const TITLE = '南昌某某电子有限公司返岗员工花名册（一人一档）';
const HEADER = [
  '序号',
  '姓名',
  '身份证号码（必填）',
  '联系电话',
  '班组',
  '岗位',
  '是否重点岗位',
  '家庭住址所在地',
  '是否住宿舍',
  '返岗批次',
  '返岗日期',
  '返岗方式',
  '旅居史',
  '接触史',
  '人员类别',
];

function sheet(data: CellValue[][]): CellValue[][] {
  return [
    [TITLE],
    ['填报单位：南昌某某电子有限公司', null, null, null, null, null, null, null, '填报日期：2020年2月8日'],
    HEADER,
    ...data,
  ];
}

describe('header row under title rows', () => {
  it('finds row 3 and maps every column', () => {
    const r = importRoster({ rows: sheet([]), asOf: '2020-02-10' });
    expect(r.headerRow).toBe(3);
    expect(r.fileErrors).toEqual([]);
    expect(r.columns.map((c) => c.field)).toEqual([
      'name',
      'residentId',
      'phone',
      'team',
      'post',
      'keyPost',
      'homeRegion',
      'dormitory',
      'returnBatch',
      'returnDate',
      'returnMode',
      'travelHistory',
      'contactHistory',
      'category',
    ]);
  });

  it('matches alternative names, stars, notes in brackets and line breaks', () => {
    const found = findRosterHeader([
      ['员工姓名*', '证件号码', '手机号\n(11位)', '户籍地', '是否住宿舍（是/否）', '住 宿舍'],
    ]);
    expect(found && Object.fromEntries(found.columns)).toEqual({
      name: 0,
      residentId: 1,
      phone: 2,
      homeRegion: 3,
      dormitory: 4,
    });
  });

  it('says so when no header can be found', () => {
    const r = importRoster({ rows: [['花名册'], ['a', 'b']], asOf: '2020-02-10' });
    expect(r.fileErrors[0]).toContain('未找到表头');
    expect(rowsToWrite(r)).toEqual([]);
  });

  it('requires the ID column', () => {
    const r = importRoster({
      rows: [
        ['姓名', '手机号', '班组'],
        ['张三', '13800000000', '一班'],
      ],
      asOf: '2020-02-10',
    });
    expect(r.fileErrors).toEqual(['缺少必填列：身份证号']);
  });
});

describe('a realistic roster', () => {
  const rows = sheet([
    [
      1,
      '张　三',
      ID1,
      13800000001,
      '一车间',
      '操作工',
      '是',
      '江西省南昌市',
      '是',
      '第一批',
      new Date(Date.UTC(2020, 1, 10)),
      '包车',
      '无',
      '无',
      '其他人员',
    ],
    [
      2,
      ' 李四 ',
      ` ${ID2.slice(0, 6)} ${ID2.slice(6)} `,
      '138-0000-0002',
      null,
      '质检',
      '否',
      '江西省南昌市',
      '否',
      '第一批',
      '2020/2/10',
      '班车',
      '',
      '',
      '',
    ],
    [
      3,
      '王五',
      ID3.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)),
      '13800000003',
      null,
      '仓管',
      '',
      '湖北省武汉市',
      '是',
      '第二批',
      43881,
      '火车',
      '2020-01-20至2020-02-05 武汉',
      '无',
      '四类人员',
    ],
    [
      4,
      '赵六',
      3.60121197902289e17,
      '13800000004',
      '二车间',
      '司机',
      '是',
      '江西省进贤县',
      '否',
      '第二批',
      '2020年2月20日',
      '自驾',
      '无',
      '无',
      '',
    ],
    [
      5,
      '钱七',
      ID1,
      '13800000005',
      null,
      '操作工',
      '否',
      '江西省南昌市',
      '是',
      '第三批',
      '20200225',
      '大巴',
      '无',
      '无',
      '其他',
    ],
    [],
    [
      6,
      '孙八',
      ID4,
      '1380000',
      null,
      '电工',
      '也许',
      '江西省南昌市',
      '是',
      '第三批',
      '2月25日',
      '骑车',
      '无',
      '无',
      '隔离',
    ],
  ]);
  const merges = ['A1:O1', 'E4:E6'];
  const r = importRoster({ rows, merges, asOf: '2020-02-10' });
  const row = (n: number) => r.rows.find((x) => x.rowNumber === n)!;

  it('reports every data row with its sheet row number, skipping the blank one', () => {
    expect(r.rows.map((x) => x.rowNumber)).toEqual([4, 5, 6, 7, 8, 10]);
    expect(r.summary).toEqual({
      dataRows: 6,
      valid: 2,
      invalid: 4,
      blankRowsSkipped: 1,
      duplicateIdRows: 2,
      numericIdRows: 1,
    });
  });

  it('normalises a good row: full-width space in the name, Date cell, numeric phone', () => {
    // Row 4 shares its ID with row 8, so read the normalisation from row 5 and 6 and the display of row 4.
    expect(row(4).display.name).toBe('张 三');
    const li = row(5).value!;
    expect(li).toMatchObject({
      name: '李四',
      residentId: ID2,
      residentIdMasked: `${ID2.slice(0, 4)}**********${ID2.slice(-4)}`,
      phone: '13800000002',
      team: '一车间', // filled down from the merged E4:E6
      keyPost: false,
      dormitory: false,
      returnDate: '2020-02-10',
      returnMode: 'shuttle',
      travelHistory: null,
      category: null,
    });
  });

  it('full-width digits in the ID, an Excel serial date, 四类人员', () => {
    expect(row(6).ok).toBe(true);
    expect(row(6).value).toMatchObject({
      residentId: ID3,
      team: '一车间',
      keyPost: null,
      returnDate: '2020-02-20', // serial 43881
      returnMode: 'train',
      travelHistory: '2020-01-20至2020-02-05 武汉',
      category: 'four_categories_unspecified',
    });
  });

  it('rejects an ID stored as a number and never guesses it', () => {
    expect(row(7).ok).toBe(false);
    expect(row(7).value).toBeUndefined();
    expect(row(7).errors).toHaveLength(1);
    expect(row(7).errors[0]!.field).toBe('residentId');
    expect(row(7).errors[0]!.message).toContain('表格已把号码转成数字');
    expect(row(7).errors[0]!.message).toContain('不能据此推测');
    expect(row(7).display.residentId).toBe('（数字格式）');
    expect(JSON.stringify(r)).not.toContain('360121197902289');
  });

  it('reports both rows of a duplicate ID', () => {
    expect(row(4).ok).toBe(false);
    expect(row(8).ok).toBe(false);
    expect(row(4).errors).toEqual([{ field: 'residentId', message: '身份证号：与第8行重复，请核对后只保留一行' }]);
    expect(row(8).errors).toEqual([{ field: 'residentId', message: '身份证号：与第4行重复，请核对后只保留一行' }]);
  });

  it('collects every error of a bad row, naming the field', () => {
    expect(row(10).errors.map((e) => e.message)).toEqual([
      '手机号：“1380000”不是有效的手机号或固定电话',
      '是否重点岗位：应填“是”或“否”，实际为“也许”',
      '返岗日期：“2月25日”缺少年份，请写成2020-02-10',
      '返岗方式：无法识别“骑车”，应为包车、班车、火车、飞机、自驾、长途客车、其他',
      '人员类别：无法识别“隔离”，应为确诊病例、疑似病例、密切接触者、发热留观人员、其他人员或“四类人员”',
    ]);
  });

  it('never shows a full ID number in the report', () => {
    for (const x of r.rows) {
      expect(JSON.stringify({ display: x.display, errors: x.errors })).not.toMatch(/\d{17}[\dX]/);
    }
  });

  it('writes only the confirmed valid rows', () => {
    expect(rowsToWrite(r).map((v) => v.name)).toEqual(['李四', '王五']);
  });
});

describe('resident ID problems', () => {
  const one = (id: CellValue) =>
    importRoster({
      rows: [
        ['姓名', '身份证号'],
        ['张三', id],
      ],
      asOf: '2020-02-10',
    }).rows[0]!;
  it.each([
    [Number(ID1), '表格已把号码转成数字'],
    [{ formula: 'A1', result: 360102199001019970 }, '表格已把号码转成数字'],
    ['3.60102199001019E+17', '表格已把号码转成数字'],
    [`${ID1.slice(0, 15)}000`, '可能是表格转成数字后丢失了末三位'],
    ['', '身份证号：不能为空'],
    [`${ID1.slice(0, 17)}${ID1[17] === '0' ? '1' : '0'}`, '校验码错误'],
    [makeResidentId('360102', '2020-03-01', 997), '晚于当前日期'],
  ])('%s → %s', (id, message) => {
    const row = one(id);
    expect(row.ok).toBe(false);
    expect(row.errors[0]!.message).toContain(message);
  });
  it('accepts lower-case x and rich text', () => {
    const withX = makeResidentId('360102', '1990-01-02', 997);
    const id = /X$/.test(withX) ? withX.toLowerCase() : withX;
    expect(one({ richText: [{ text: id.slice(0, 9) }, { text: id.slice(9) }] }).ok).toBe(true);
  });
});

describe('dates', () => {
  it.each([
    ['2020-02-10', '2020-02-10'],
    ['2020/2/10', '2020-02-10'],
    ['2020.2.10', '2020-02-10'],
    ['2020年2月10日', '2020-02-10'],
    ['２０２０年２月１０日', '2020-02-10'],
    ['20200210', '2020-02-10'],
    [20200210, '2020-02-10'],
    [43871, '2020-02-10'],
    [43871.75, '2020-02-10'],
    ['43871', '2020-02-10'],
    [new Date(Date.UTC(2020, 1, 10)), '2020-02-10'],
    [{ formula: 'TODAY()', result: 43871 }, '2020-02-10'],
    [null, null],
  ] as [CellValue, string | null][])('%j → %s', (cell, iso) => {
    expect(parseCellDate(cell, '返岗日期')).toEqual({ ok: true, value: iso });
  });

  it.each([
    ['2020-02-30', '不是有效日期'],
    ['2月10日', '缺少年份'],
    ['下周一', '无法识别为日期'],
    [60, '不存在的1900年2月29日'],
  ] as [CellValue, string][])('%j is rejected: %s', (cell, message) => {
    const r = parseCellDate(cell, '返岗日期');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain(message);
      expect(r.message).toMatch(/^返岗日期：/);
    }
  });

  it('Excel serials around the 1900 leap-year bug', () => {
    expect(excelSerialToDate(1)).toEqual({ ok: true, value: '1900-01-01' });
    expect(excelSerialToDate(59)).toEqual({ ok: true, value: '1900-02-28' });
    expect(excelSerialToDate(60).ok).toBe(false);
    expect(excelSerialToDate(61)).toEqual({ ok: true, value: '1900-03-01' });
    expect(excelSerialToDate(43831)).toEqual({ ok: true, value: '2020-01-01' });
    expect(excelSerialToDate(44743)).toEqual({ ok: true, value: '2022-07-01' });
  });

  it('a return date years off is flagged', () => {
    const r = importRoster({
      rows: [
        ['姓名', '身份证号', '返岗日期'],
        ['张三', ID1, '2002-02-10'],
      ],
      asOf: '2020-02-10',
    });
    expect(r.rows[0]!.ok).toBe(true);
    const bad = importRoster({
      rows: [
        ['姓名', '身份证号', '返岗日期'],
        ['张三', ID1, '1999-02-10'],
      ],
      asOf: '2020-02-10',
    });
    expect(bad.rows[0]!.errors[0]!.message).toBe('返岗日期：1999-02-10不在合理范围内，请核对');
  });
});

describe('merged cells', () => {
  it('fills each range from its top-left cell, only where empty', () => {
    const rows: CellValue[][] = [
      ['班组', '姓名'],
      ['一班', '甲'],
      [null, '乙'],
      ['已填', '丙'],
    ];
    expect(fillMerges(rows, ['A2:A4'])).toEqual([
      ['班组', '姓名'],
      ['一班', '甲'],
      ['一班', '乙'],
      ['已填', '丙'],
    ]);
    expect(rows[2]![0]).toBeNull();
  });
  it('accepts ExcelJS-style objects and a first row number other than 1', () => {
    const rows: CellValue[][] = [
      ['x', null],
      [null, null],
    ];
    expect(fillMerges(rows, [{ top: 5, left: 1, bottom: 6, right: 2 }], 5)).toEqual([
      ['x', 'x'],
      ['x', 'x'],
    ]);
  });
});
