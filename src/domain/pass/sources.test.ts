import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseSourceRef } from '../health/sources.ts';
import { PASS_SOURCES } from './issue.ts';

const SEEDS = fileURLToPath(new URL('../../../data/seeds/', import.meta.url));

describe('pass citations are in the seeds', () => {
  it.each(Object.entries(PASS_SOURCES))('%s', (_k, c) => {
    const ref = parseSourceRef(c.source)!;
    const line = readFileSync(SEEDS + ref.file, 'utf8').split('\n')[ref.line - 1];
    expect(line).toContain(c.quote);
  });
  it('the printed-card figure is 15,000', () => {
    expect(PASS_SOURCES.printedCards.quote).toContain('15000');
  });
});
