/**
 * Synthetic identifiers for demo and test data: valid check characters, built to be recognisable as demo data
 * (design.md §8: "valid-checksum credit codes and ID numbers that belong to no real person or firm").
 *
 * What can and cannot be promised:
 *
 * 统一社会信用代码 — `fakeCreditCode` builds 9 (工商) + 1 (企业) + the region code + a 主体标识码 starting with
 * `YY` + 6 random characters + its GB 11714-1997 check digit + the GB 32100-2015 check character. A real firm's
 * code is fixed by its 主体标识码, which the national code centre issues from known series: the carried-over
 * pre-2015 organisation codes (mostly all digits, e.g. 600037341) and, since 2015, `M`-series identifiers
 * (`MA…` for market-regulation registrations, `MB…`, `MJ…` and so on for other registrars, `M0…` in early
 * Fujian batches). No published series starts with `YY`, so a demo code cannot coincide with a real code unless
 * the centre issues such a series in the future. This is an argument from the published allocation practice, not
 * a guarantee written in GB 32100: the standard itself reserves no test range. `isDemoCreditCode` recognises
 * the prefix so imports and exports can refuse or label demo codes.
 *
 * 公民身份号码 — GB 11643-1999 reserves no test numbers, so no construction can guarantee that a valid number is
 * nobody's. `fakeResidentId` uses the sequence codes 996–999. Widely repeated descriptions of the public-security
 * allocation practice (not GB 11643 itself) say these four codes are kept for people aged 100 or more; for the
 * working-age people of demo data they should therefore not occur in practice. We could not verify that practice
 * against a primary source, so treat demo ID numbers as possibly colliding with real ones: keep them in demo
 * databases only. Capacity: two numbers per sex for each (region code, birth date), so large data sets should
 * spread people over many regions and dates and drop duplicates (`fakeResidentIdUnique`).
 */

import { makeCreditCode, validateCreditCode } from '../registry/credit-code.ts';
import { makeResidentId, validateResidentId, type Sex } from '../registry/resident-id.ts';
import type { Rng } from './random.ts';

/** First two characters of every demo 主体标识码. */
export const DEMO_SUBJECT_ID_PREFIX = 'YY';

/** Sequence codes used for demo ID numbers: odd for men, even for women. */
export const DEMO_RESIDENT_SEQUENCES: Readonly<Record<Sex, readonly number[]>> = {
  male: [997, 999],
  female: [996, 998],
};

/** The credit-code characters that may appear in a 主体标识码 body (the 31-character set of GB 32100-2015). */
const SUBJECT_CHARS: readonly string[] = [...'0123456789ABCDEFGHJKLMNPQRTUWXY'];

export interface FakeCreditCodeOptions {
  /** 登记管理部门代码, default "9" (工商). */
  department?: string;
  /** 机构类别代码, default "1" (企业). */
  category?: string;
}

/** A valid 统一社会信用代码 for a fictitious enterprise registered in `regionCode` (6 digits). */
export function fakeCreditCode(rng: Rng, regionCode: string, options: FakeCreditCodeOptions = {}): string {
  let body = DEMO_SUBJECT_ID_PREFIX;
  while (body.length < 8) body += rng.pick(SUBJECT_CHARS);
  const code = makeCreditCode({
    department: options.department ?? '9',
    category: options.category ?? '1',
    regionCode,
    subjectId: body,
  });
  const check = validateCreditCode(code);
  if (!check.ok) throw new RangeError(check.message);
  return code;
}

/** Whether a (valid) credit code was made by `fakeCreditCode`. */
export function isDemoCreditCode(code: string): boolean {
  const c = code.trim().toUpperCase();
  return c.length === 18 && c.slice(8, 10) === DEMO_SUBJECT_ID_PREFIX;
}

/**
 * A valid 公民身份号码 for a fictitious person: `regionCode` (6 digits, a GB/T 2260 county code), `birthDate`
 * (`YYYY-MM-DD`, 1900 or later), sequence 996–999 (see the file comment). Throws RangeError if the parts cannot
 * make a valid number.
 */
export function fakeResidentId(rng: Rng, regionCode: string, birthDate: string, sex?: Sex): string {
  const s: Sex = sex ?? (rng.chance(0.5) ? 'male' : 'female');
  const id = makeResidentId(regionCode, birthDate, rng.pick(DEMO_RESIDENT_SEQUENCES[s]));
  const check = validateResidentId(id);
  if (!check.ok) throw new RangeError(check.message);
  return id;
}

/**
 * Like `fakeResidentId` but avoids numbers already in `taken` (and adds the result to it). Returns null when all
 * demo numbers for that region, date and sex are used.
 */
export function fakeResidentIdUnique(
  rng: Rng,
  regionCode: string,
  birthDate: string,
  taken: Set<string>,
  sex?: Sex,
): string | null {
  const s: Sex = sex ?? (rng.chance(0.5) ? 'male' : 'female');
  for (const seq of rng.shuffle(DEMO_RESIDENT_SEQUENCES[s])) {
    const id = makeResidentId(regionCode, birthDate, seq);
    if (!taken.has(id)) {
      const check = validateResidentId(id);
      if (!check.ok) throw new RangeError(check.message);
      taken.add(id);
      return id;
    }
  }
  return null;
}

/** Whether an ID number uses one of the demo sequence codes (996–999). Real centenarians share them. */
export function usesDemoResidentSequence(id: string): boolean {
  const seq = Number(id.trim().slice(14, 17));
  return seq >= 996 && seq <= 999;
}

/** A uniformly random ISO date between `from` and `to` (inclusive, both `YYYY-MM-DD`). */
export function fakeDate(rng: Rng, from: string, to: string): string {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  if (Number.isNaN(a) || Number.isNaN(b) || b < a) throw new RangeError(`日期范围无效：${from}–${to}`);
  const day = rng.int(0, Math.round((b - a) / 86_400_000));
  return new Date(a + day * 86_400_000).toISOString().slice(0, 10);
}
