import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { QR_PUSH_SOURCE, citedRefs, extractSeedLines, sourceText } from './sources.ts';

const seedDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data/seeds');

describe('source text of cited clauses', () => {
  it('holds every cited line, word for word as in the seeds', () => {
    const refs = citedRefs();
    const fromSeeds = extractSeedLines(seedDir, refs);
    for (const ref of refs) expect(sourceText(ref), ref).toBe(fromSeeds[ref]);
  });

  it('cites the QR-code push of the government policy list (seed 000)', () => {
    expect(sourceText(QR_PUSH_SOURCE)).toContain('以二维码形式向企业推送');
    expect(sourceText(QR_PUSH_SOURCE)).toContain('政府部门惠企政策清单');
  });

  it('knows nothing of lines the catalogue does not cite', () => {
    expect(sourceText('003_18fd0961877c4a42.txt:L1')).toBeNull();
  });
});
