import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, instantMs, isIsoDate, shanghaiDate, shanghaiHour, startOfShanghaiDay } from './dates.ts';

describe('calendar helpers', () => {
  it('validates ISO dates, leap years included', () => {
    expect(isIsoDate('2020-02-29')).toBe(true);
    expect(isIsoDate('2021-02-29')).toBe(false);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2020-2-9')).toBe(false);
    expect(isIsoDate('2020-04-31')).toBe(false);
  });
  it('adds and counts days across months and years', () => {
    expect(addDays('2020-02-20', 14)).toBe('2020-03-05');
    expect(addDays('2020-12-25', 7)).toBe('2021-01-01');
    expect(addDays('2020-03-01', -1)).toBe('2020-02-29');
    expect(daysBetween('2020-02-20', '2020-03-05')).toBe(14);
    expect(() => addDays('2020-02-30', 1)).toThrow('日期格式错误');
  });
  it('uses the Shanghai calendar day and hour (UTC+8, no daylight saving)', () => {
    expect(shanghaiDate('2020-03-09T16:00:00Z')).toBe('2020-03-10');
    expect(shanghaiDate('2020-03-09T15:59:59Z')).toBe('2020-03-09');
    expect(shanghaiHour('2020-03-10T04:00:00Z')).toBe(12);
    expect(startOfShanghaiDay('2020-03-10')).toBe('2020-03-10T00:00:00+08:00');
  });
  it('refuses instants without an offset', () => {
    expect(() => instantMs('2020-03-10T09:00:00')).toThrow('须带时区');
    expect(instantMs('2020-03-10T09:00+08:00')).toBe(Date.UTC(2020, 2, 10, 1, 0));
  });
});
