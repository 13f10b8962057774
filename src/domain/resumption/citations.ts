/**
 * Seed citations. Every rule, template item and reason in this module cites the line of the seed document it comes
 * from, as `seed-file-name:Lnnn`, together with the exact phrase of that line it relies on. The test
 * `citations.test.ts` walks every exported table of the module and checks that each cited line exists and contains
 * the quoted phrase.
 */

export const SEED_001 = '001_c79dcd15a11e76a2.txt';
export const SEED_003 = '003_18fd0961877c4a42.txt';
export const SEED_004 = '004_2c36a8800a7abca8.txt';

export type SeedFile = typeof SEED_001 | typeof SEED_003 | typeof SEED_004;

/** `003_18fd0961877c4a42.txt:L26` */
export type SeedRef = `${SeedFile}:L${number}`;

export interface Citation {
  /** Seed file and 1-based line, e.g. `003_18fd0961877c4a42.txt:L26`. */
  readonly ref: SeedRef;
  /** The exact phrase of that line the rule relies on. */
  readonly quote: string;
}

export function cite(file: SeedFile, line: number, quote: string): Citation {
  return Object.freeze({ ref: `${file}:L${line}` as SeedRef, quote });
}

/** Seed 003 L26, L27 … shorthand. */
export const c001 = (line: number, quote: string): Citation => cite(SEED_001, line, quote);
export const c003 = (line: number, quote: string): Citation => cite(SEED_003, line, quote);
export const c004 = (line: number, quote: string): Citation => cite(SEED_004, line, quote);

export function isCitation(value: unknown): value is Citation {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Citation).ref === 'string' &&
    typeof (value as Citation).quote === 'string' &&
    /^(001_c79dcd15a11e76a2|003_18fd0961877c4a42|004_2c36a8800a7abca8)\.txt:L\d+$/.test((value as Citation).ref)
  );
}

/** Unique refs of a list of citations, in first-seen order. */
export function refsOf(citations: readonly Citation[]): SeedRef[] {
  return [...new Set(citations.map((c) => c.ref))];
}
