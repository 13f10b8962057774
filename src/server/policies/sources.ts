import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { POLICIES } from '../../domain/policy/index.ts';
import type { Policy, Rule } from '../../domain/policy/index.ts';
import seedLinesJson from '../../../data/policies/seed-lines.json' with { type: 'json' };

/**
 * The source text of every clause the catalogue cites, so the catalogue can show the document's own words beside
 * its reading. The seeds are not shipped with the server; the cited lines are extracted once into
 * data/policies/seed-lines.json (`npx tsx src/server/policies/sources.ts <seed folder>` rebuilds it) and
 * sources.test.ts checks the file against the seeds.
 */

/** Seed 000 L31: push the government departments' policy list (政府部门惠企政策清单) to enterprises by QR code. */
export const QR_PUSH_SOURCE = '000_f6337ad9b8385fee.txt:L31';

const SEED_LINES: Readonly<Record<string, string>> = seedLinesJson;

/** Every reference a rule makes: the clause, further lines, caps, funding and each parameter value. */
export function ruleRefs(rule: Rule): string[] {
  return [
    rule.source,
    ...(rule.alsoSources ?? []),
    ...rule.caps.map((c) => c.source),
    ...(rule.funding ? [rule.funding.source] : []),
    ...Object.values(rule.parameters).flatMap((p) => p.values.map((v) => v.source)),
  ];
}

export function policyRefs(policy: Policy): string[] {
  return [...new Set([policy.source, ...policy.rules.flatMap(ruleRefs)])];
}

/** Every cited reference of the catalogue, plus the QR-push line, sorted. */
export function citedRefs(): string[] {
  return [...new Set([QR_PUSH_SOURCE, ...POLICIES.flatMap(policyRefs)])].sort();
}

/** The text of a cited seed line (trimmed), or null when it is not a cited line. */
export function sourceText(ref: string): string | null {
  return SEED_LINES[ref] ?? null;
}

/** Read the seed files of a folder into `file:Lnnn → text` for the given references. */
export function extractSeedLines(seedDir: string, refs: readonly string[]): Record<string, string> {
  const files = new Map(
    readdirSync(seedDir)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => [f, readFileSync(path.join(seedDir, f), 'utf8').split('\n')] as const),
  );
  const out: Record<string, string> = {};
  for (const ref of refs) {
    const m = /^(.+):L(\d+)$/.exec(ref);
    const line = m ? files.get(m[1]!)?.[Number(m[2]) - 1] : undefined;
    if (line === undefined) throw new Error(`引用的原文行不存在：${ref}`);
    out[ref] = line.trim();
  }
  return out;
}

export const SEED_LINES_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../data/policies/seed-lines.json',
);

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const seedDir = path.resolve(process.argv[2] ?? 'data/seeds');
  const lines = extractSeedLines(seedDir, citedRefs());
  const { writeFileSync } = await import('node:fs');
  writeFileSync(SEED_LINES_FILE, `${JSON.stringify(lines, null, 2)}\n`);
  console.log(`已写入 ${Object.keys(lines).length} 行原文：${SEED_LINES_FILE}`);
}
