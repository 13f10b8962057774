import { describe, expect, it } from 'vitest';
import {
  addDaysIso,
  addMonthsDays,
  addMonthsIso,
  civilToDays,
  daysToIso,
  formatChineseDate,
  isIsoDate,
  isoToDays,
} from './dates.ts';

describe('calendar dates', () => {
  it('recognises real ISO dates only', () => {
    expect(isIsoDate('2020-02-29')).toBe(true);
    expect(isIsoDate('2021-02-29')).toBe(false);
    expect(isIsoDate('2020-13-01')).toBe(false);
    expect(isIsoDate('2020-2-1')).toBe(false);
    expect(isIsoDate(20200201)).toBe(false);
  });

  it('day numbers round-trip over two centuries', () => {
    expect(isoToDays('1970-01-01')).toBe(0);
    expect(isoToDays('2020-01-24')).toBe(18285);
    for (let d = civilToDays(1950, 1, 1); d <= civilToDays(2150, 12, 31); d += 17) {
      expect(isoToDays(daysToIso(d))).toBe(d);
    }
  });

  it('adds months clamping to the end of the month', () => {
    expect(addMonthsIso('2020-01-31', 1)).toBe('2020-02-29');
    expect(addMonthsIso('2021-01-31', 1)).toBe('2021-02-28');
    expect(addMonthsIso('2020-03-31', 1)).toBe('2020-04-30');
    expect(addMonthsIso('2020-11-30', 3)).toBe('2021-02-28');
    expect(addMonthsIso('2020-03-15', 12)).toBe('2021-03-15');
    expect(Number.isNaN(addMonthsDays(NaN, 1))).toBe(true);
  });

  it('adds days', () => {
    expect(addDaysIso('2020-03-12', 60)).toBe('2020-05-11');
    expect(addDaysIso('2020-02-28', 1)).toBe('2020-02-29');
  });

  it('formats Chinese dates', () => {
    expect(formatChineseDate('2020-02-24')).toBe('2020年2月24日');
  });
});
