/**
 * Calendar-date arithmetic on ISO `YYYY-MM-DD` strings and on day numbers (days since 1970-01-01), shared by the
 * interpreter and the compiled batch code so both compute identical dates. Pure: no clock.
 */
import type { IsoDate } from './types.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `s` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string') return false;
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** Days since 1970-01-01 of a civil date (proleptic Gregorian). */
export function civilToDays(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Civil date of a day number. */
export function daysToCivil(days: number): { y: number; m: number; d: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** Day number of an ISO date (NaN when not a date). */
export function isoToDays(iso: string): number {
  const m = ISO_DATE.exec(iso);
  if (!m || !isIsoDate(iso)) return NaN;
  return civilToDays(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function daysToIso(days: number): IsoDate {
  const { y, m, d } = daysToCivil(days);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Day number plus whole months; the day of month is clamped (2020-01-31 + 1 month = 2020-02-29). */
export function addMonthsDays(days: number, months: number): number {
  if (!Number.isFinite(days) || !Number.isFinite(months)) return NaN;
  const { y, m, d } = daysToCivil(days);
  const whole = Math.trunc(months);
  const total = y * 12 + (m - 1) + whole;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  return civilToDays(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

export function addMonthsIso(iso: IsoDate, months: number): IsoDate {
  return daysToIso(addMonthsDays(isoToDays(iso), months));
}

export function addDaysIso(iso: IsoDate, days: number): IsoDate {
  return daysToIso(isoToDays(iso) + Math.trunc(days));
}

/** `2020年2月24日` */
export function formatChineseDate(iso: IsoDate): string {
  const m = ISO_DATE.exec(iso);
  if (!m) return iso;
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}
