/**
 * Citations into the seed documents (committed in `data/seeds`, copies of `../shared/seeds`).
 * A citation is `seed-file-name:Lnnn`; `quote` is a verbatim substring of that line holding the phrase or number the
 * rule relies on. `sources.test.ts` checks every citation in this folder against the seed files.
 */

export const SEED_003 = '003_18fd0961877c4a42.txt';
export const SEED_002 = '002_6f6368d3106e93bf.txt';
export const SEED_004 = '004_2c36a8800a7abca8.txt';

/** `003_18fd0961877c4a42.txt:L482` */
export type SourceRef = `${string}.txt:L${number}`;

export interface Citation {
  /** `seed-file-name:Lnnn` */
  source: SourceRef;
  /** Verbatim substring of the cited line. */
  quote: string;
}

export function cite(file: string, line: number, quote: string): Citation {
  return { source: `${file}:L${line}` as SourceRef, quote };
}

export function parseSourceRef(ref: string): { file: string; line: number } | null {
  const m = /^(.+\.txt):L(\d+)$/.exec(ref);
  if (!m || m[1] === undefined || m[2] === undefined) return null;
  return { file: m[1], line: Number(m[2]) };
}

/**
 * A rule parameter: a dated value with its source, in the manner of OpenFisca parameters. A value the seeds do not
 * state (the 37.3 ℃ fever threshold) carries `external` instead of a quote holding the number.
 */
export interface Param<T> {
  value: T;
  label: string;
  citation: Citation;
  /** The text that must appear in the cited line for this value (e.g. `14天`); absent when `external` is set. */
  numberInQuote?: string;
  /** Where the value comes from when the seeds only state the concept. */
  external?: string;
}
