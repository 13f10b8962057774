/**
 * Exact rational figures for rates (复工率, 复岗率, on-time rates). Counts stay integers; a rate is kept as numerator and
 * denominator and only turned into a percentage string for display, with one decimal, rounded half up.
 */

export interface Ratio {
  readonly numerator: number;
  readonly denominator: number;
}

export function ratio(numerator: number, denominator: number): Ratio {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || numerator < 0 || denominator < 0) {
    throw new RangeError(`比率的分子和分母必须是非负整数：${numerator}/${denominator}`);
  }
  return { numerator, denominator };
}

/** Exact integer floor division for non-negative safe integers. */
function floorDiv(a: number, b: number): number {
  return (a - (a % b)) / b;
}

/**
 * Tenths of a percent, rounded half up: 90/152 → 592 (59.2%). `undefined` when the denominator is 0.
 * Uses BigInt when the intermediate product would leave the safe-integer range.
 */
export function permille(r: Ratio): number | undefined {
  if (r.denominator === 0) return undefined;
  const a = r.numerator * 2000 + r.denominator;
  const b = 2 * r.denominator;
  if (Number.isSafeInteger(a) && Number.isSafeInteger(b)) return floorDiv(a, b);
  return Number((BigInt(r.numerator) * 2000n + BigInt(r.denominator)) / (2n * BigInt(r.denominator)));
}

/** `59.2%`; `—` when there is nothing to divide by (无数据). */
export function formatPercent(r: Ratio, empty = '—'): string {
  const p = permille(r);
  if (p === undefined) return empty;
  return `${floorDiv(p, 10)}.${p % 10}%`;
}

/** Approximate value for charts only; never for comparisons that matter. */
export function ratioToNumber(r: Ratio): number | null {
  return r.denominator === 0 ? null : r.numerator / r.denominator;
}

/** Exact comparison a/b vs c/d (zero denominators sort first). */
export function compareRatios(x: Ratio, y: Ratio): number {
  if (x.denominator === 0 || y.denominator === 0) return (x.denominator === 0 ? 0 : 1) - (y.denominator === 0 ? 0 : 1);
  const left = BigInt(x.numerator) * BigInt(y.denominator);
  const right = BigInt(y.numerator) * BigInt(x.denominator);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Change in tenths of a percentage point between two rates (e.g. +35 = +3.5 个百分点); undefined if either is empty. */
export function permilleChange(from: Ratio, to: Ratio): number | undefined {
  const a = permille(from);
  const b = permille(to);
  return a === undefined || b === undefined ? undefined : b - a;
}

/** `+3.5个百分点` / `-1.0个百分点` / `持平`. */
export function formatPointChange(change: number | undefined, empty = '—'): string {
  if (change === undefined) return empty;
  if (change === 0) return '持平';
  const abs = Math.abs(change);
  return `${change > 0 ? '+' : '-'}${floorDiv(abs, 10)}.${abs % 10}个百分点`;
}
