import { describe, expect, it } from 'vitest';
import {
  CALENDAR_FIRST_YEAR,
  CALENDAR_LAST_YEAR,
  addWorkingDays,
  dueDateAfterAcceptance,
  holidayName,
  isCalendarCovered,
  isHoliday,
  isOverdue,
  isRestDay,
  isWorkingDay,
  toShanghaiDate,
  workingDaysBetween,
} from './working-days.ts';

describe('calendar coverage', () => {
  it('covers 2004 to at least 2026 (chinese-days 1.5.7)', () => {
    expect(CALENDAR_FIRST_YEAR).toBe(2004);
    expect(CALENDAR_LAST_YEAR).toBeGreaterThanOrEqual(2026);
    expect(isCalendarCovered('2020-02-03')).toBe(true);
    expect(isCalendarCovered('2003-12-31')).toBe(false);
    expect(isCalendarCovered(`${CALENDAR_LAST_YEAR + 1}-01-04`)).toBe(false);
  });

  it('falls back to Monday–Friday outside the covered years', () => {
    expect(isWorkingDay('2003-10-01')).toBe(true); // Wednesday; 2003 National Day is unknown to the data
    expect(isWorkingDay('2003-10-04')).toBe(false); // Saturday
  });
});

describe('2020 Spring Festival and its extension (国办发明电〔2020〕1号)', () => {
  it('2020-01-31, 2020-02-01 and 2020-02-02 were holidays; 2020-02-03 a working day', () => {
    for (const d of ['2020-01-31', '2020-02-01', '2020-02-02']) {
      expect(isWorkingDay(d), d).toBe(false);
      expect(isHoliday(d), d).toBe(true);
      expect(holidayName(d), d).toBe('春节');
    }
    expect(isWorkingDay('2020-02-03')).toBe(true);
    expect(isHoliday('2020-02-03')).toBe(false);
  });

  it('the Saturday 2020-02-01 was originally a make-up working day; the extension cancelled it', () => {
    expect(isWorkingDay('2020-02-01')).toBe(false);
  });

  it('Sunday 2020-01-19 was a make-up working day', () => {
    expect(isWorkingDay('2020-01-19')).toBe(true);
    expect(isHoliday('2020-01-19')).toBe(false);
    expect(holidayName('2020-01-19')).toBe('春节');
  });

  it('the whole holiday 2020-01-24 … 2020-02-02 is ten days off', () => {
    expect(workingDaysBetween('2020-01-23', '2020-02-02')).toBe(0);
    expect(workingDaysBetween('2020-01-23', '2020-02-03')).toBe(1);
  });
});

describe('2022 Labour Day (国务院办公厅关于2022年部分节假日安排的通知)', () => {
  it('Sunday 2022-04-24 and Saturday 2022-05-07 were working days', () => {
    expect(isWorkingDay('2022-04-24')).toBe(true);
    expect(isWorkingDay('2022-05-07')).toBe(true);
    expect(isRestDay('2022-05-07')).toBe(false);
  });

  it('2022-04-30 to 2022-05-04 were holidays', () => {
    for (const d of ['2022-04-30', '2022-05-01', '2022-05-02', '2022-05-03', '2022-05-04']) {
      expect(isWorkingDay(d), d).toBe(false);
      expect(isHoliday(d), d).toBe(true);
      expect(holidayName(d), d).toBe('劳动节');
    }
    expect(isWorkingDay('2022-05-05')).toBe(true);
  });

  it('2 working days after Friday 2022-04-29 is Friday 2022-05-06', () => {
    expect(addWorkingDays('2022-04-29', 1)).toBe('2022-05-05');
    expect(addWorkingDays('2022-04-29', 2)).toBe('2022-05-06');
    expect(addWorkingDays('2022-04-29', 3)).toBe('2022-05-07'); // the make-up Saturday
  });
});

describe('ordinary weekends', () => {
  it('are rest days but not holidays', () => {
    expect(isWorkingDay('2022-05-14')).toBe(false);
    expect(isRestDay('2022-05-14')).toBe(true);
    expect(isHoliday('2022-05-14')).toBe(false);
    expect(holidayName('2022-05-14')).toBeNull();
  });
});

describe('addWorkingDays', () => {
  it('n = 0 returns the date itself when it is a working day', () => {
    expect(addWorkingDays('2022-04-29', 0)).toBe('2022-04-29');
    expect(addWorkingDays('2022-04-24', 0)).toBe('2022-04-24'); // make-up Sunday
  });

  it('n = 0 on a non-working day returns the next working day', () => {
    expect(addWorkingDays('2022-04-30', 0)).toBe('2022-05-05');
    expect(addWorkingDays('2020-01-24', 0)).toBe('2020-02-03');
  });

  it('crosses year ends', () => {
    expect(addWorkingDays('2021-12-31', 1)).toBe('2022-01-04'); // 2022-01-01…03 元旦
  });

  it('rejects negative or fractional n and malformed dates', () => {
    expect(() => addWorkingDays('2022-04-29', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2022-04-29', 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays('2022-4-29', 1)).toThrow(/YYYY-MM-DD/);
    expect(() => addWorkingDays('2022-02-30', 1)).toThrow(/日期不存在/);
  });
});

describe('workingDaysBetween', () => {
  it('counts working days strictly after from, up to and including to', () => {
    expect(workingDaysBetween('2022-04-29', '2022-05-06')).toBe(2);
    expect(workingDaysBetween('2022-04-29', '2022-04-29')).toBe(0);
    expect(workingDaysBetween('2022-04-22', '2022-04-24')).toBe(1); // Sat no, Sun make-up yes
  });

  it('is antisymmetric when to is before from', () => {
    expect(workingDaysBetween('2022-05-06', '2022-04-29')).toBe(-2);
  });

  it('agrees with addWorkingDays', () => {
    for (let n = 1; n <= 30; n++) {
      expect(workingDaysBetween('2020-01-17', addWorkingDays('2020-01-17', n))).toBe(n);
    }
  });
});

describe('toShanghaiDate', () => {
  it('uses the Shanghai calendar date, not the UTC one', () => {
    expect(toShanghaiDate('2020-02-10T15:30:00Z')).toBe('2020-02-10'); // 23:30 in Shanghai
    expect(toShanghaiDate('2020-02-10T16:30:00Z')).toBe('2020-02-11'); // 00:30 next day in Shanghai
    expect(toShanghaiDate('2020-02-10T23:30:00+08:00')).toBe('2020-02-10');
    expect(toShanghaiDate('2020-02-10T00:00:00+08:00')).toBe('2020-02-10');
    expect(toShanghaiDate('2020-02-10T09:00:00.123-05:00')).toBe('2020-02-10'); // 22:00 Shanghai
  });

  it('requires an offset', () => {
    expect(() => toShanghaiDate('2020-02-10T09:00:00')).toThrow(/带时区/);
    expect(() => toShanghaiDate('2020-02-10')).toThrow(RangeError);
    expect(() => toShanghaiDate('2020-02-30T09:00:00Z')).toThrow(/时间不存在/);
    expect(() => toShanghaiDate('2020-02-10T24:30:00Z')).toThrow(/时间不存在/);
    expect(() => toShanghaiDate('2020-02-10T09:00:00+15:00')).toThrow(/时间不存在/);
  });
});

describe('dueDateAfterAcceptance — answer within 2 working days (003_18fd0961877c4a42.txt:L27)', () => {
  it('accepted Friday 2020-01-17 before the Spring Festival: the make-up Sunday 01-19 counts, due Monday 01-20', () => {
    expect(dueDateAfterAcceptance('2020-01-17T10:00:00+08:00', 2)).toEqual({
      dueDate: '2020-01-20',
      dueAt: '2020-01-20T23:59:59+08:00',
      startDate: '2020-01-17',
      provisional: false,
    });
  });

  it('accepted Thursday 2020-01-23, the last working day before the holiday: the extension pushes it to 2020-02-04', () => {
    // Without the extension the Saturday 2020-02-01 make-up day would have been day 1 and 2020-02-03 day 2.
    expect(dueDateAfterAcceptance('2020-01-23T16:00:00+08:00', 2).dueDate).toBe('2020-02-04');
    expect(dueDateAfterAcceptance('2020-01-23T16:00:00+08:00', 1).dueDate).toBe('2020-02-03');
  });

  it('accepted during the extended holiday counts from 2020-02-03', () => {
    const r = dueDateAfterAcceptance('2020-02-01T09:00:00+08:00', 2);
    expect(r.startDate).toBe('2020-02-03');
    expect(r.dueDate).toBe('2020-02-05');
  });

  it('2 working days after Friday 2022-04-29 across Labour Day: due 2022-05-06', () => {
    expect(dueDateAfterAcceptance('2022-04-29T09:00:00+08:00', 2).dueDate).toBe('2022-05-06');
  });

  it('accepted on the first holiday 2022-04-30: starts 05-05, due the make-up Saturday 2022-05-07', () => {
    const r = dueDateAfterAcceptance('2022-04-30T10:00:00+08:00', 2);
    expect(r).toMatchObject({ startDate: '2022-05-05', dueDate: '2022-05-07', dueAt: '2022-05-07T23:59:59+08:00' });
  });

  it('accepted at 23:30 Shanghai time on Friday 2022-04-29 — the same instant written in UTC gives the same answer', () => {
    const local = dueDateAfterAcceptance('2022-04-29T23:30:00+08:00', 2);
    const utc = dueDateAfterAcceptance('2022-04-29T15:30:00Z', 2);
    expect(local.dueDate).toBe('2022-05-06');
    expect(utc).toEqual(local);
  });

  it('accepted at 00:30 Shanghai time on Saturday 2022-04-30, still Friday in UTC: counted from the Shanghai date', () => {
    const r = dueDateAfterAcceptance('2022-04-29T16:30:00Z', 2);
    expect(r.startDate).toBe('2022-05-05');
    expect(r.dueDate).toBe('2022-05-07'); // a naive UTC date (Friday) would give 2022-05-06
  });

  it('accepted at 07:30 Shanghai on Friday, which is Thursday 23:30 in UTC', () => {
    expect(dueDateAfterAcceptance('2022-04-28T23:30:00Z', 2).dueDate).toBe('2022-05-06');
  });

  it('0 working days: due the same (working) day', () => {
    expect(dueDateAfterAcceptance('2022-04-29T09:00:00+08:00', 0).dueDate).toBe('2022-04-29');
    expect(dueDateAfterAcceptance('2022-04-30T09:00:00+08:00', 0).dueDate).toBe('2022-05-05');
  });

  it('project approvals: 7 working days (003_18fd0961877c4a42.txt:L604)', () => {
    // Accepted Monday 2020-03-02: 03-03 … 03-11 are 7 working days.
    expect(dueDateAfterAcceptance('2020-03-02T09:00:00+08:00', 7).dueDate).toBe('2020-03-11');
  });

  it('flags deadlines outside the known holiday arrangements as provisional', () => {
    const last = CALENDAR_LAST_YEAR;
    expect(dueDateAfterAcceptance(`${last}-12-30T09:00:00+08:00`, 5).provisional).toBe(true);
    expect(dueDateAfterAcceptance('2022-04-29T09:00:00+08:00', 2).provisional).toBe(false);
  });

  it('rejects a negative number of days', () => {
    expect(() => dueDateAfterAcceptance('2022-04-29T09:00:00+08:00', -1)).toThrow(RangeError);
  });
});

describe('isOverdue', () => {
  const dueAt = '2022-05-06T23:59:59+08:00';

  it('is false up to and including the deadline instant', () => {
    expect(isOverdue(dueAt, '2022-05-06T23:59:59+08:00')).toBe(false);
    expect(isOverdue(dueAt, '2022-05-06T15:59:58Z')).toBe(false);
  });

  it('is true one second later, whatever the offset of now', () => {
    expect(isOverdue(dueAt, '2022-05-07T00:00:00+08:00')).toBe(true);
    expect(isOverdue(dueAt, '2022-05-06T16:00:00Z')).toBe(true);
  });

  it('rejects instants without an offset', () => {
    expect(() => isOverdue(dueAt, '2022-05-07 00:00:00')).toThrow(/当前时间/);
    expect(() => isOverdue('2022-05-06', '2022-05-07T00:00:00Z')).toThrow(/截止时间/);
  });
});
