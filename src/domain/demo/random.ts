/**
 * Seeded deterministic random numbers for demo and test data (docs/CONVENTIONS.md: no Math.random in domain code).
 *
 * Generator: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 128-bit state, from PractRand), seeded
 * from a string with the cyrb128 hash. Same seed → same sequence on every platform (only 32-bit integer
 * arithmetic via Math.imul and >>> 0).
 *
 * `fork(label)` derives an independent stream from the generator's SEED and the label — not from its current
 * position — so adding draws to one part of a demo data set does not change any other part.
 */

/** cyrb128: 128-bit string hash as four 32-bit words (public domain, bryc). */
function cyrb128(str: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < str.length; i++) {
    const k = str.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

export type Weighted<T> = readonly [value: T, weight: number] | { readonly value: T; readonly weight: number };

export interface Rng {
  /** The seed this generator was created from (forks have `parent/label`). */
  readonly seed: string;
  /** Next unsigned 32-bit integer. */
  uint32(): number;
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** Uniform element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** Element chosen with probability proportional to its weight (weights ≥ 0, at least one > 0). */
  weighted<T>(items: readonly Weighted<T>[]): T;
  /** True with probability p (0 ≤ p ≤ 1). */
  chance(p: number): boolean;
  /** A shuffled copy (Fisher–Yates); the input is not modified. */
  shuffle<T>(items: readonly T[]): T[];
  /** An independent generator determined by this generator's seed and the label. */
  fork(label: string): Rng;
}

const TWO_POW_32 = 4_294_967_296;

export function createRng(seed: string | number): Rng {
  const seedText = String(seed);
  let [a, b, c, d] = cyrb128(seedText);

  const uint32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  // Discard the first outputs so that similar seeds diverge fully.
  for (let i = 0; i < 15; i++) uint32();

  const next = (): number => uint32() / TWO_POW_32;

  const int = (min: number, max: number): number => {
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || max < min) {
      throw new RangeError(`int(min, max) needs safe integers with min ≤ max, got ${min}, ${max}`);
    }
    const span = max - min + 1;
    if (span <= TWO_POW_32) {
      // Rejection sampling: no modulo bias.
      const limit = TWO_POW_32 - (TWO_POW_32 % span);
      let x = uint32();
      while (x >= limit) x = uint32();
      return min + (x % span);
    }
    // Wider ranges: 53 random bits.
    const hi = uint32() >>> 11;
    const lo = uint32();
    const r = (hi * TWO_POW_32 + lo) / 2 ** 53;
    return min + Math.floor(r * span);
  };

  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new RangeError('pick() needs a non-empty array');
    return items[int(0, items.length - 1)]!;
  };

  const weighted = <T>(items: readonly Weighted<T>[]): T => {
    let total = 0;
    for (const item of items) {
      const w = Array.isArray(item) ? (item as readonly [T, number])[1] : (item as { weight: number }).weight;
      if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`weighted() needs finite weights ≥ 0, got ${w}`);
      total += w;
    }
    if (!(total > 0)) throw new RangeError('weighted() needs at least one positive weight');
    let r = next() * total;
    let last: T | undefined;
    for (const item of items) {
      const [value, w] = Array.isArray(item)
        ? (item as readonly [T, number])
        : [(item as { value: T }).value, (item as { weight: number }).weight];
      if (w <= 0) continue;
      last = value;
      if (r < w) return value;
      r -= w;
    }
    return last as T; // floating-point remainder: the last positive-weight item
  };

  const chance = (p: number): boolean => {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`chance(p) needs 0 ≤ p ≤ 1, got ${p}`);
    return next() < p;
  };

  const shuffle = <T>(items: readonly T[]): T[] => {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = int(0, i);
      const tmp = out[i]!;
      out[i] = out[j]!;
      out[j] = tmp;
    }
    return out;
  };

  const fork = (label: string): Rng => createRng(`${seedText}/${label}`);

  return { seed: seedText, uint32, next, int, pick, weighted, chance, shuffle, fork };
}
