import { describe, expect, it } from 'vitest';
import { cellCode, cellNumber, cellText, cellYesNo, findHeaderRow, toHalfWidth, wanYuanToFen } from './cells.ts';

describe('spreadsheet cells', () => {
  it('reads text from every kind of cell', () => {
    expect(cellText('  南昌  高新  ')).toBe('南昌 高新');
    expect(cellText({ richText: [{ text: '江西' }, { text: '某某' }] })).toBe('江西某某');
    expect(cellText({ formula: 'A1', result: 12 })).toBe('12');
    expect(cellText({ error: '#N/A' })).toBe('');
    expect(cellText(null)).toBe('');
    expect(toHalfWidth('９１３６０１（Ａ）')).toBe('913601(A)');
    expect(cellCode(' 9136 0100ma ')).toBe('91360100MA');
  });

  it('parses numbers and says what is wrong', () => {
    expect(cellNumber('1,234', '从业人员')).toEqual({ ok: true, value: 1234 });
    expect(cellNumber('', '从业人员')).toEqual({ ok: true, value: null });
    expect(cellNumber('约100', '从业人员')).toEqual({ ok: false, message: '从业人员：应为数字，实际为“约100”' });
  });

  it('converts 万元 to fen exactly', () => {
    expect(wanYuanToFen(2000, '营业收入')).toEqual({ ok: true, value: 2_000_000_000 });
    expect(wanYuanToFen('0.01', '营业收入')).toEqual({ ok: true, value: 10_000 });
    expect(wanYuanToFen(0.1 + 0.2, '营业收入')).toEqual({ ok: true, value: 300_000 });
    expect(wanYuanToFen('1.0000001', '营业收入').ok).toBe(false);
    expect(wanYuanToFen('-3', '营业收入').ok).toBe(false);
  });

  it('reads yes/no', () => {
    expect(cellYesNo('是', '规模以上工业')).toEqual({ ok: true, value: true });
    expect(cellYesNo('', '规模以上工业')).toEqual({ ok: true, value: false });
    expect(cellYesNo('也许', '规模以上工业')).toEqual({
      ok: false,
      message: '规模以上工业：应填“是”或“否”，实际为“也许”',
    });
  });

  it('finds the header row under a title row', () => {
    const rows = [
      ['2020年企业复工名单', null, null],
      ['填报单位：某某', null, null],
      ['企业名称', '统一社会信用代码（必填）', '联系电话'],
    ];
    const found = findHeaderRow(rows, {
      name: ['企业名称'],
      creditCode: ['统一社会信用代码(必填)'],
      phone: ['联系电话'],
    });
    expect(found?.index).toBe(2);
    expect(found?.columns.get('creditCode')).toBe(1);
  });
});
