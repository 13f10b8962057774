/**
 * 公民身份号码 (citizen identification number) — GB 11643-1999《公民身份号码》.
 *
 * Structure (GB 11643-1999 §4, 18 characters):
 *   pos 1–6    地址码: GB/T 2260 county-level code of the place of household registration at first issue
 *   pos 7–14   出生日期码: YYYYMMDD
 *   pos 15–17  顺序码: odd for men, even for women (§5.3)
 *   pos 18     校验码: ISO 7064:1983 MOD 11-2 (§5.4): Σ ai·Wi with Wi = 2^(18−i) mod 11
 *              = 7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2; check = (12 − Σ mod 11) mod 11, 10 → "X".
 *
 * Judgment calls:
 * - 15-digit numbers (pre-1999 first generation) are rejected with a message asking for the 18-digit number: the
 *   15-digit form lacks the century and check digit, and second-generation cards replaced them by 2013.
 * - The first two digits must be a province-level code of GB/T 2260 (11–15, 21–23, 31–37, 41–46, 50–54, 61–65) or
 *   71/81/82/83, which appear on 港澳台居民居住证 numbers issued in the same format since 2018. Lower levels are
 *   not checked: county codes are renumbered over time while a person keeps the number.
 * - Numbers starting with 9 are 外国人永久居留身份证 numbers (2023 format); they are not 公民身份号码 and get a
 *   specific message.
 * - Birth dates before 1900-01-01 are rejected (platform rule; GB 11643's own example 440524188001010014 is an
 *   1880 birth and has a correct check digit, see the tests).
 */

import { toHalfWidth } from './credit-code.ts';
import { toShanghaiDate } from '../calendar/working-days.ts';

const FIELD = '身份证号';

/** MOD 11-2 weights for positions 1–17 (GB 11643-1999 §5.4). */
export const RESIDENT_ID_WEIGHTS: readonly number[] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** Check character by Σ mod 11 (index = remainder). */
const CHECK_CHARS = '10X98765432';

/** Province-level prefixes accepted in the 地址码 (GB/T 2260 plus 71/81/82/83 used on residence permits). */
export const RESIDENT_ID_PROVINCES: ReadonlySet<string> = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
]);

export type Sex = 'male' | 'female';

export type ResidentIdResult =
  { ok: true; value: string; birthDate: string; sex: Sex; regionCode: string } | { ok: false; message: string };

/** Full-width → half-width, all whitespace removed, lowercase x → X. */
export function normalizeResidentId(input: string): string {
  return toHalfWidth(input ?? '')
    .replace(/\s+/g, '')
    .toUpperCase();
}

/** Check character for the first 17 digits (GB 11643-1999 §5.4). Throws RangeError on malformed input. */
export function residentIdCheckChar(first17: string): string {
  const s = normalizeResidentId(first17);
  if (!/^\d{17}$/.test(s)) throw new RangeError(`${FIELD}：计算校验码需要前17位数字`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(s[i]) * RESIDENT_ID_WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

function isValidCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const dim = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= dim;
}

function asOfDate(asOf: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(asOf)) return asOf;
  // An instant: compare against its calendar date in Asia/Shanghai.
  return toShanghaiDate(asOf);
}

/**
 * Validates a 公民身份号码. `asOf` (ISO date `YYYY-MM-DD` or an ISO instant) rejects birth dates after it.
 * Accepts lowercase x, full-width characters and spaces. Messages start with `身份证号：`.
 */
export function validateResidentId(input: string, asOf?: string): ResidentIdResult {
  const id = normalizeResidentId(input);
  if (id.length === 0) return { ok: false, message: `${FIELD}：不能为空` };
  const chars = [...id];
  if (chars.length === 15 && /^\d{15}$/.test(id)) {
    return { ok: false, message: `${FIELD}：15位旧号码已停止使用，请填写18位公民身份号码` };
  }
  if (chars.length !== 18) return { ok: false, message: `${FIELD}：应为18位，实际为${chars.length}位` };
  for (let i = 0; i < 17; i++) {
    if (!/\d/.test(chars[i]!)) return { ok: false, message: `${FIELD}：第${i + 1}位应为数字，实为“${chars[i]!}”` };
  }
  if (!/[\dX]/.test(chars[17]!)) {
    return { ok: false, message: `${FIELD}：第18位校验码应为数字或“X”，实为“${chars[17]!}”` };
  }
  const province = id.slice(0, 2);
  if (id[0] === '9') {
    return { ok: false, message: `${FIELD}：以9开头的是外国人永久居留身份证号码，不是公民身份号码` };
  }
  if (!RESIDENT_ID_PROVINCES.has(province)) {
    return { ok: false, message: `${FIELD}：地址码前两位“${province}”不是有效的省级行政区划代码` };
  }
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  if (!isValidCalendarDate(y, m, d)) {
    return { ok: false, message: `${FIELD}：出生日期“${id.slice(6, 14)}”不是有效日期` };
  }
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (y < 1900) return { ok: false, message: `${FIELD}：出生日期${birthDate}早于1900年` };
  if (asOf !== undefined) {
    const today = asOfDate(asOf);
    if (birthDate > today) return { ok: false, message: `${FIELD}：出生日期${birthDate}晚于当前日期${today}` };
  }
  const check = residentIdCheckChar(id.slice(0, 17));
  if (id[17] !== check) {
    return { ok: false, message: `${FIELD}：校验码错误，按前17位计算第18位应为“${check}”，请逐位核对` };
  }
  const seq = Number(id.slice(14, 17));
  return { ok: true, value: id, birthDate, sex: seq % 2 === 1 ? 'male' : 'female', regionCode: id.slice(0, 6) };
}

/**
 * Masks an ID number for display (design.md §6): first 4 and last 4 characters kept, the rest as `*`,
 * e.g. `3601**********1234`. Inputs of 8 characters or fewer are fully masked.
 */
export function maskResidentId(id: string): string {
  const s = normalizeResidentId(id);
  const chars = [...s];
  if (chars.length <= 8) return '*'.repeat(chars.length);
  return chars.slice(0, 4).join('') + '*'.repeat(chars.length - 8) + chars.slice(-4).join('');
}

/**
 * Builds a valid 18-character number. `birthDate` is `YYYY-MM-DD` or `YYYYMMDD`; `seq` is 0–999 (odd = male).
 * Throws RangeError with a Chinese message for malformed parts. Does not enforce the 1900 / province rules of
 * `validateResidentId`; callers that need a valid number should pass valid parts.
 */
export function makeResidentId(regionCode: string, birthDate: string, seq: number | string): string {
  if (!/^\d{6}$/.test(regionCode)) throw new RangeError(`${FIELD}：地址码应为6位数字`);
  const compact = birthDate.replace(/-/g, '');
  if (!/^\d{8}$/.test(compact)) throw new RangeError(`${FIELD}：出生日期应为YYYY-MM-DD`);
  const y = Number(compact.slice(0, 4));
  const m = Number(compact.slice(4, 6));
  const d = Number(compact.slice(6, 8));
  if (!isValidCalendarDate(y, m, d)) throw new RangeError(`${FIELD}：出生日期“${birthDate}”不是有效日期`);
  const n = typeof seq === 'string' ? Number(seq) : seq;
  if (!Number.isInteger(n) || n < 0 || n > 999) throw new RangeError(`${FIELD}：顺序码应为0–999的整数`);
  const first17 = regionCode + compact + String(n).padStart(3, '0');
  return first17 + residentIdCheckChar(first17);
}
