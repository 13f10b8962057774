/**
 * Chinese working days (工作日) for deadlines, Asia/Shanghai.
 *
 * Source of the calendar: the `chinese-days` package (State Council holiday arrangements 2004–2026, including the
 * 2020 Spring Festival extension to 2 February by 国办发明电〔2020〕1号, and the make-up working days 调休上班).
 * We read the package's data tables (`dist/chinese-days.json`) directly instead of calling its `isWorkday`: that
 * function parses the date as UTC midnight and then reads the weekday in the process's local time zone, so in a
 * process running west of UTC it answers for the previous day (verified: with TZ=America/New_York it reports
 * Monday 2022-04-25 as a non-working day). Our functions are pure and time-zone independent.
 *
 * Rules:
 * - A date is a working day when the arrangement lists it as a make-up working day, or it is Monday–Friday and not
 *   listed as a holiday. (GB/T 7408-style ISO dates, Asia/Shanghai calendar days.)
 * - Outside the years the package covers (see `CALENDAR_FIRST_YEAR`/`CALENDAR_LAST_YEAR`) only weekends are known;
 *   functions fall back to Monday–Friday and `dueDateAfterAcceptance` reports `provisional: true`.
 *
 * Deadlines: 国办发明电〔2020〕6号 asks for an answer to a resumption application "原则上要在2个工作日内作出答复"
 * (003_18fd0961877c4a42.txt:L27); project approvals count 7/12/8/5 working days (003_18fd0961877c4a42.txt:L604–L605).
 */

import calendarData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

interface CalendarTables {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
  inLieuDays: Record<string, string>;
}

const TABLES = calendarData as unknown as CalendarTables;

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000; // Asia/Shanghai has been UTC+8 without daylight saving since 1992.

const COVERED_YEARS: readonly number[] = [
  ...new Set(Object.keys(TABLES.holidays).map((d) => Number(d.slice(0, 4)))),
].sort((a, b) => a - b);

/** First year of the official holiday arrangements known to the calendar. */
export const CALENDAR_FIRST_YEAR: number = COVERED_YEARS[0] ?? 0;
/** Last year of the official holiday arrangements known to the calendar. */
export const CALENDAR_LAST_YEAR: number = COVERED_YEARS[COVERED_YEARS.length - 1] ?? 0;

const COVERED = new Set(COVERED_YEARS);

const HOLIDAY_NAMES_ZH: Record<string, string> = {
  "New Year's Day": '元旦',
  'Spring Festival': '春节',
  'Tomb-sweeping Day': '清明节',
  'Labour Day': '劳动节',
  'Dragon Boat Festival': '端午节',
  'National Day': '国庆节',
  'Mid-autumn Festival': '中秋节',
  'Anti-Fascist 70th Day': '中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日',
};

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT_RE = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/** Day number (days since 1970-01-01) of an ISO date; throws RangeError for malformed or impossible dates. */
function dayNumber(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`日期格式应为YYYY-MM-DD：“${date}”`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`日期不存在：“${date}”`);
  }
  return Math.round(ms / DAY_MS);
}

function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

function isWorkingDayNumber(n: number): boolean {
  const date = fromDayNumber(n);
  if (TABLES.workdays[date] !== undefined) return true;
  if (TABLES.holidays[date] !== undefined) return false;
  const weekday = new Date(n * DAY_MS).getUTCDay();
  return weekday >= 1 && weekday <= 5;
}

function instantMs(instant: string, field: string): number {
  const m = INSTANT_RE.exec(instant);
  if (!m) {
    throw new RangeError(`${field}：应为带时区的ISO时间，如2020-02-10T09:00:00+08:00，实为“${instant}”`);
  }
  const [, date, hh, mm, ss, offH, offM] = m;
  const ms = Date.parse(instant);
  const impossible =
    !isRealDate(date!) ||
    Number(hh) > 23 ||
    Number(mm) > 59 ||
    Number(ss ?? 0) > 59 ||
    Number(offH ?? 0) > 14 ||
    Number(offM ?? 0) > 59 ||
    Number.isNaN(ms);
  if (impossible) throw new RangeError(`${field}：时间不存在：“${instant}”`);
  return ms;
}

function isRealDate(date: string): boolean {
  try {
    dayNumber(date);
    return true;
  } catch {
    return false;
  }
}

/** Whether the official holiday arrangement of the date's year is known (2004–2026 with chinese-days 1.5.7). */
export function isCalendarCovered(date: string): boolean {
  dayNumber(date);
  return COVERED.has(Number(date.slice(0, 4)));
}

/** Whether people work on this date in mainland China (statutory holidays and make-up working days included). */
export function isWorkingDay(date: string): boolean {
  return isWorkingDayNumber(dayNumber(date));
}

/**
 * Whether the date is a day off under the State Council's holiday arrangement (法定节假日 and the rest days
 * arranged around it, e.g. 2020-01-24 … 2020-02-02). Ordinary weekends are NOT holidays here; use
 * `isRestDay` for "any non-working day".
 */
export function isHoliday(date: string): boolean {
  dayNumber(date);
  return TABLES.holidays[date] !== undefined;
}

/** Any non-working day: weekend or holiday, and not a make-up working day. */
export function isRestDay(date: string): boolean {
  return !isWorkingDay(date);
}

/**
 * Chinese name of the festival a date belongs to in the arrangement — for holidays and make-up working days
 * alike (e.g. 2022-04-24 → 劳动节, a make-up working day) — or null.
 */
export function holidayName(date: string): string | null {
  dayNumber(date);
  const raw = TABLES.holidays[date] ?? TABLES.workdays[date];
  if (raw === undefined) return null;
  const [en, zh] = raw.split(',');
  return HOLIDAY_NAMES_ZH[en ?? ''] ?? zh ?? null;
}

/**
 * The n-th working day after `date` (n ≥ 0, integer).
 * n = 0 returns `date` itself when it is a working day, otherwise the next working day ("the first working day on
 * or after"), so `addWorkingDays(d, 0)` is the day a counting that starts on `d` effectively starts.
 */
export function addWorkingDays(date: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`工作日数应为非负整数，实为${n}`);
  let day = dayNumber(date);
  if (n === 0) {
    while (!isWorkingDayNumber(day)) day++;
    return fromDayNumber(day);
  }
  let left = n;
  while (left > 0) {
    day++;
    if (isWorkingDayNumber(day)) left--;
  }
  return fromDayNumber(day);
}

/**
 * Number of working days d with from < d ≤ to. When `to` is before `from` the result is negative:
 * −(working days d with to < d ≤ from), so `workingDaysBetween(a, b) === -workingDaysBetween(b, a)`.
 */
export function workingDaysBetween(from: string, to: string): number {
  const a = dayNumber(from);
  const b = dayNumber(to);
  if (b < a) return -workingDaysBetween(to, from);
  let count = 0;
  for (let day = a + 1; day <= b; day++) if (isWorkingDayNumber(day)) count++;
  return count;
}

/** Calendar date in Asia/Shanghai of an ISO instant with offset (`...Z` or `...+08:00`). */
export function toShanghaiDate(instant: string): string {
  const ms = instantMs(instant, '时间');
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

export interface DueDate {
  /** Last day for the answer, ISO date in Asia/Shanghai. */
  dueDate: string;
  /** End of that day: `${dueDate}T23:59:59+08:00`. */
  dueAt: string;
  /** The working day counting starts from (the acceptance date, or the next working day after it). */
  startDate: string;
  /** True when a day of the count lies outside the years of known holiday arrangements. */
  provisional: boolean;
}

/**
 * Deadline of an answer due within `workingDays` working days of acceptance (e.g. 2 for resumption applications,
 * 003_18fd0961877c4a42.txt:L27).
 *
 * The day of acceptance (its calendar date in Asia/Shanghai) does not count; the answer is due by the end of the
 * N-th working day after it. An application accepted on a non-working day is treated as accepted on the next
 * working day (受理时间顺延至节假日后第一个工作日), and the N working days count after that day.
 * `workingDays` = 0 means "the same day" (due at the end of the start day).
 */
export function dueDateAfterAcceptance(acceptedAt: string, workingDays: number): DueDate {
  if (!Number.isInteger(workingDays) || workingDays < 0) {
    throw new RangeError(`办理时限应为非负整数个工作日，实为${workingDays}`);
  }
  const acceptedOn = toShanghaiDate(acceptedAt);
  const startDate = addWorkingDays(acceptedOn, 0);
  const dueDate = addWorkingDays(startDate, workingDays);
  const provisional = !COVERED.has(Number(acceptedOn.slice(0, 4))) || !COVERED.has(Number(dueDate.slice(0, 4)));
  return { dueDate, dueAt: `${dueDate}T23:59:59+08:00`, startDate, provisional };
}

/** Whether `now` is after the deadline instant `dueAt` (an answer at exactly `dueAt` is in time). */
export function isOverdue(dueAt: string, now: string): boolean {
  return instantMs(now, '当前时间') > instantMs(dueAt, '截止时间');
}
