/**
 * Date helpers for the resumption domain. Calendar dates are ISO `YYYY-MM-DD` in Asia/Shanghai (UTC+8, no daylight
 * saving since 1991); instants are ISO strings with an offset. Nothing here reads the clock.
 */

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(t).toISOString().slice(0, 10) === value;
}

export function isIsoInstant(value: unknown): value is string {
  return typeof value === 'string' && INSTANT_RE.test(value) && !Number.isNaN(Date.parse(value));
}

function dateToUtcMs(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m || !isIsoDate(date)) throw new RangeError(`日期格式错误：${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/** The Asia/Shanghai calendar date of an instant. */
export function shanghaiDate(instant: string): string {
  const t = Date.parse(instant);
  if (Number.isNaN(t)) throw new RangeError(`时间格式错误：${instant}`);
  return new Date(t + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Milliseconds since the epoch of an instant (for ordering). */
export function instantMs(instant: string): number {
  const t = Date.parse(instant);
  if (Number.isNaN(t)) throw new RangeError(`时间格式错误：${instant}`);
  return t;
}

export function compareInstants(a: string, b: string): number {
  return instantMs(a) - instantMs(b);
}

/** Calendar-day arithmetic on ISO dates. */
export function addDays(date: string, days: number): string {
  return new Date(dateToUtcMs(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((dateToUtcMs(b) - dateToUtcMs(a)) / DAY_MS);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const d = new Date(dateToUtcMs(date)).getUTCDay();
  return d === 0 ? 7 : d;
}

/** `2020年2月10日` */
export function formatChineseDate(date: string): string {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`日期格式错误：${date}`);
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/** `2020年2月10日 09:00` in Asia/Shanghai time. */
export function formatChineseDateTime(instant: string): string {
  const local = new Date(instantMs(instant) + SHANGHAI_OFFSET_MS).toISOString();
  return `${formatChineseDate(local.slice(0, 10))} ${local.slice(11, 16)}`;
}
