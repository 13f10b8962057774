import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Citation } from './citations.ts';
import { isCitation } from './citations.ts';
import * as resumption from './index.ts';

const SEEDS = fileURLToPath(new URL('../../../data/seeds/', import.meta.url));

function seedLines(file: string): string[] {
  return readFileSync(`${SEEDS}${file}`, 'utf8').split('\n');
}

/** Every citation reachable from the module's exports (tables, templates, rules, reasons). */
function collectCitations(root: unknown): Citation[] {
  const out: Citation[] = [];
  const seen = new Set<unknown>();
  const visit = (v: unknown) => {
    if (v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (isCitation(v)) {
      out.push(v);
      return;
    }
    for (const child of Array.isArray(v) ? v : Object.values(v as Record<string, unknown>)) visit(child);
  };
  for (const value of Object.values(root as Record<string, unknown>)) visit(value);
  return out;
}

const citations = collectCitations(resumption);

describe('seed citations', () => {
  it('finds the citations of every rule table and template', () => {
    const refs = new Set(citations.map((c) => c.ref));
    // Spot-check that the walk reaches each kind of table.
    for (const ref of [
      '003_18fd0961877c4a42.txt:L26', // modes
      '003_18fd0961877c4a42.txt:L27', // application
      '003_18fd0961877c4a42.txt:L79', // workplace guide (十六)
      '003_18fd0961877c4a42.txt:L483', // Jiangxi gate
      '003_18fd0961877c4a42.txt:L747', // stop orders
      '004_2c36a8800a7abca8.txt:L6', // 六个必须, 五个到位
      '004_2c36a8800a7abca8.txt:L21', // 五不开工
      '001_c79dcd15a11e76a2.txt:L19', // 十个一
      '001_c79dcd15a11e76a2.txt:L27', // filed figures
    ]) {
      expect(refs.has(ref as Citation['ref']), ref).toBe(true);
    }
    expect(citations.length).toBeGreaterThan(100);
  });

  it('every cited line exists and contains the quoted phrase', () => {
    const cache = new Map<string, string[]>();
    const failures: string[] = [];
    for (const c of citations) {
      const m = /^(.+\.txt):L(\d+)$/.exec(c.ref);
      expect(m, c.ref).not.toBeNull();
      const file = m![1]!;
      const line = Number(m![2]);
      if (!cache.has(file)) cache.set(file, seedLines(file));
      const text = cache.get(file)![line - 1];
      if (text === undefined) failures.push(`${c.ref}: no such line`);
      else if (!c.quote || !text.includes(c.quote)) failures.push(`${c.ref}: does not contain “${c.quote}”`);
    }
    expect(failures).toEqual([]);
  });

  it('a wrong line number would be caught (negative case)', () => {
    const lines = seedLines('003_18fd0961877c4a42.txt');
    expect(lines[25]).toContain('低风险地区不得采取审批、备案等方式延缓开工'); // L26
    expect(lines[26]).not.toContain('低风险地区不得采取审批、备案等方式延缓开工'); // L27
  });
});
