import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkRuleCitations, parseSourceRef } from '../citations.ts';
import { validateRuleSet } from '../validate.ts';
import { ALL_RULES, POLICIES } from './index.ts';

// The seed documents are committed in data/seeds (copies of ../shared/seeds).
const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../../../..');
const seedDir = join(repoRoot, 'data/seeds');
const seedLines = new Map<string, string[]>(
  readdirSync(seedDir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => [f, readFileSync(join(seedDir, f), 'utf8').split('\n')]),
);

function lineText(ref: string): string | null {
  const p = parseSourceRef(ref);
  if (!p) return null;
  const lines = seedLines.get(p.file);
  if (!lines || p.line < 1 || p.line > lines.length) return null;
  return lines[p.line - 1] as string;
}

describe('catalogue citations', () => {
  it('has rules', () => {
    expect(ALL_RULES.length).toBeGreaterThan(0);
  });

  it.each(ALL_RULES.map((r) => [r.id, r] as const))(
    '%s: cited lines exist and state every parameter value',
    (_, rule) => {
      expect(checkRuleCitations(rule, lineText)).toEqual([]);
    },
  );

  it.each(POLICIES.map((p) => [p.id, p] as const))('%s: the policy title line exists', (_, policy) => {
    const t = lineText(policy.source);
    expect(t?.trim()).toBeTruthy();
  });

  it('every rule validates statically', () => {
    expect(validateRuleSet(ALL_RULES)).toEqual([]);
  });
});
