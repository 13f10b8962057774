import { describe, expect, it } from 'vitest';
import { findHeaderRow } from '../spreadsheet/cells.ts';
import { ENTERPRISE_HEADER_ALIASES, readEnterpriseRow } from './enterprise-sheet.ts';

describe('enterprise sheet rows', () => {
  const header = [
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
    '重点企业名单',
  ];
  const found = findHeaderRow([['某某表'], header], ENTERPRISE_HEADER_ALIASES)!;

  it('finds the header under a title and reads a good row', () => {
    expect(found.index).toBe(1);
    const row = readEnterpriseRow(
      [
        '９１３６０１００ma00000000',
        '南昌某某科技有限公司',
        '张三',
        '李四',
        13800000000,
        '青山湖区',
        '湖坊镇',
        '南昌市某路1号',
        1,
        320,
        2000.5,
        '1,000',
        '是',
        '省级',
      ],
      found.columns,
    );
    expect(row.errors).toEqual([]);
    expect(row.candidate).toMatchObject({
      creditCode: '91360100MA00000000',
      contactPhone: '13800000000',
      industryCode: '01',
      employees: 320,
      revenueFen: 2_000_500_000,
      assetsFen: 1_000_000_000,
      flags: { aboveScaleIndustry: true },
      keyList: 'provincial',
    });
    expect(row.place).toEqual({ countyName: '青山湖区', townshipName: '湖坊镇', zoneName: '' });
  });

  it('names the field of each bad cell', () => {
    const row = readEnterpriseRow(
      ['x', 'y', '', '', '', '', '', '', '13', '很多', '-1', '', '也许', '区级'],
      found.columns,
    );
    expect(row.errors.map((e) => e.field)).toEqual(['employees', 'revenueFen', 'flags.aboveScaleIndustry', 'keyList']);
    expect(row.errors[0]!.message).toBe('从业人员：应为数字，实际为“很多”');
  });
});
