import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { healthCitations } from './citations.ts';
import { REASONS } from './reasons.ts';
import { PARAMS, RULE_SETS } from './rule-sets.ts';
import { parseSourceRef } from './sources.ts';

// The seed documents are committed in data/seeds (copies of ../shared/seeds).
const SEEDS = fileURLToPath(new URL('../../../data/seeds/', import.meta.url));
const cache = new Map<string, string[]>();
function line(file: string, n: number): string | undefined {
  if (!cache.has(file)) cache.set(file, readFileSync(SEEDS + file, 'utf8').split('\n'));
  return cache.get(file)![n - 1];
}

const uses = healthCitations();

describe('every cited seed line exists and contains what is cited', () => {
  it('there are citations to check', () => {
    expect(uses.length).toBeGreaterThan(60);
  });
  it.each(uses.map((u) => [u.where, u] as const))('%s', (_where, u) => {
    const ref = parseSourceRef(u.citation.source);
    expect(ref, u.citation.source).not.toBeNull();
    const text = line(ref!.file, ref!.line);
    expect(text, `${u.citation.source} does not exist`).toBeDefined();
    expect(text).toContain(u.citation.quote);
    if (u.mustContain) expect(text).toContain(u.mustContain);
  });
});

describe('numbers in labels and parameters come from the cited lines', () => {
  it.each(Object.values(REASONS).map((r) => [r.code, r] as const))('reason %s', (_code, r) => {
    const lines = [r.source, ...(r.alsoCites ?? []).map((c) => c.source)].map((s) => {
      const ref = parseSourceRef(s)!;
      return line(ref.file, ref.line) ?? '';
    });
    for (const n of r.label.match(/\d+(\.\d+)?/g) ?? []) {
      expect(
        lines.some((l) => l.includes(n)),
        `${n} in “${r.label}”`,
      ).toBe(true);
    }
  });

  it.each(Object.entries(PARAMS))('param %s', (_key, p) => {
    if ('external' in p && p.external) {
      // The one value the seeds do not state: say so, and make sure no seed line is claimed to hold it.
      expect(p.external).toContain('未给出数值');
      expect(line(parseSourceRef(p.citation.source)!.file, parseSourceRef(p.citation.source)!.line)).not.toContain(
        String(p.value),
      );
      return;
    }
    expect('numberInQuote' in p && p.numberInQuote).toBeTruthy();
  });

  it('rule-set start and end dates are the dates printed in the cited lines', () => {
    for (const s of RULE_SETS) {
      const from = s.effectiveFromCitation.quote;
      const m = /(\d{4})年\s*(\d{1,2})月\s*(\d{1,2})日/.exec(from);
      if (m) {
        expect(`${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`).toBe(s.effectiveFrom);
      } else {
        // nc-2020-02-13: the document is undated; the cited line names 2月13日 and the set says why.
        expect(from).toContain('2月13日');
        expect(s.effectiveFrom).toBe('2020-02-13');
        expect(s.effectiveFromNote).toContain('未注明日期');
      }
      if (s.effectiveToCitation) {
        const t = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(s.effectiveToCitation.quote)!;
        expect(`${t[1]}-${t[2]!.padStart(2, '0')}-${t[3]!.padStart(2, '0')}`).toBe(s.effectiveTo);
      }
    }
  });
});
