/**
 * Calendar arithmetic for health rules. Calendar dates are ISO `YYYY-MM-DD` in Asia/Shanghai; instants are ISO
 * strings with an offset. China has used UTC+8 without daylight saving since 1991, so the Shanghai calendar date
 * and hour of an instant are computed with a fixed +8 h offset.
 *
 * Day counting used by every rule in this folder: the day of the event (last contact, arrival, discharge, last
 * symptom, leaving an area) is day 0; a period of N days covers days 1..N; the person may return on day N+1.
 * See `return-to-work.ts` for the citation.
 */

export type IsoDate = string;
export type Instant = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function toEpochDay(date: IsoDate): number {
  const m = ISO_DATE.exec(date);
  if (!m || !isIsoDate(date)) throw new Error(`日期格式错误：${date}`);
  return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS);
}

function fromEpochDay(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** `date` plus `days` calendar days (negative to go back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

/** Milliseconds since the epoch of an instant with an explicit offset; throws on anything else. */
export function instantMs(instant: Instant): number {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(instant)) {
    throw new Error(`时间格式错误（须带时区）：${instant}`);
  }
  const ms = new Date(instant).getTime();
  if (Number.isNaN(ms)) throw new Error(`时间格式错误：${instant}`);
  return ms;
}

export function isInstant(value: string): boolean {
  try {
    instantMs(value);
    return true;
  } catch {
    return false;
  }
}

/** The Asia/Shanghai calendar date of an instant. */
export function shanghaiDate(instant: Instant): IsoDate {
  return new Date(instantMs(instant) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The Asia/Shanghai hour (0–23) of an instant. */
export function shanghaiHour(instant: Instant): number {
  return new Date(instantMs(instant) + SHANGHAI_OFFSET_MS).getUTCHours();
}

/** The instant at which a Shanghai calendar date begins (00:00 +08:00). */
export function startOfShanghaiDay(date: IsoDate): Instant {
  if (!isIsoDate(date)) throw new Error(`日期格式错误：${date}`);
  return `${date}T00:00:00+08:00`;
}
