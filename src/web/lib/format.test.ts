import { describe, expect, it } from 'vitest';
import { fenToWanYuanInput, formatDateTime, formatInteger, formatWanYuan, formatYuan, wanYuanToFen } from './format.ts';

describe('money formatting', () => {
  it('shows fen as 元 with separators and two decimals', () => {
    expect(formatYuan(123456)).toBe('1,234.56 元');
    expect(formatYuan(5)).toBe('0.05 元');
    expect(formatYuan(0)).toBe('0.00 元');
    expect(formatYuan(100_000_000_000)).toBe('1,000,000,000.00 元');
    expect(formatYuan(null)).toBe('—');
  });

  it('shows fen as 万元 with at most two decimals, rounded half up', () => {
    expect(formatWanYuan(2_500_000_000)).toBe('2,500 万元');
    expect(formatWanYuan(1_800_500_000)).toBe('1,800.5 万元');
    expect(formatWanYuan(1_234_567)).toBe('1.23 万元');
    expect(formatWanYuan(1_235_000)).toBe('1.24 万元');
    expect(formatWanYuan(1_234_999)).toBe('1.23 万元');
    expect(formatWanYuan(4_999)).toBe('0 万元');
    expect(formatWanYuan(5_000)).toBe('0.01 万元');
  });

  it('converts 万元 input to fen exactly, without floating point', () => {
    expect(wanYuanToFen('1800.5')).toEqual({ ok: true, fen: 1_800_500_000 });
    expect(wanYuanToFen('0.1')).toEqual({ ok: true, fen: 100_000 });
    expect(wanYuanToFen('0.000001')).toEqual({ ok: true, fen: 1 });
    expect(wanYuanToFen('1,234.56')).toEqual({ ok: true, fen: 1_234_560_000 });
    expect(wanYuanToFen(' 12 ')).toEqual({ ok: true, fen: 12_000_000 });
    expect(wanYuanToFen('.5')).toEqual({ ok: true, fen: 500_000 });
    // 0.29 × 1,000,000 is 289999.99999999994 in floating point; the string arithmetic gives 290000.
    expect(wanYuanToFen('0.29')).toEqual({ ok: true, fen: 290_000 });
    expect(wanYuanToFen('0.0000001').ok).toBe(false);
    expect(wanYuanToFen('-3').ok).toBe(false);
    expect(wanYuanToFen('很多').ok).toBe(false);
    expect(wanYuanToFen('').ok).toBe(false);
    expect(wanYuanToFen('9007199254.740991')).toEqual({ ok: true, fen: Number.MAX_SAFE_INTEGER });
    expect(wanYuanToFen('9007199254.740992').ok).toBe(false);
  });

  it('round-trips fen through the 万元 input text', () => {
    for (const fen of [0, 1, 99, 1_000_000, 1_800_500_000, 123_456_789_012]) {
      const text = fenToWanYuanInput(fen);
      expect(wanYuanToFen(text)).toEqual({ ok: true, fen });
    }
    expect(fenToWanYuanInput(1_800_500_000)).toBe('1800.5');
    expect(fenToWanYuanInput(1)).toBe('0.000001');
  });

  it('groups counts and shows instants in Beijing time', () => {
    expect(formatInteger(12345)).toBe('12,345');
    expect(formatInteger(-1000)).toBe('-1,000');
    expect(formatDateTime('2020-02-10T01:00:00.000Z')).toBe('2020-02-10 09:00:00');
  });
});
