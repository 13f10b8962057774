/**
 * Every seed citation made by the health rules, in one list: for the rule catalogue page ("依据") and for the test
 * that checks each cited line exists and contains what is cited (`citations.test.ts`).
 */
import { ANOMALY_SOURCES } from './anomaly-case.ts';
import { SUMMARY_SOURCES } from './daily-summary.ts';
import { DECLARATION_SOURCES } from './declaration.ts';
import { OVERRIDE_REASONS, REASONS } from './reasons.ts';
import { PARAMS, RULE_SETS } from './rule-sets.ts';
import type { Citation } from './sources.ts';
import { SYMPTOMS } from './symptoms.ts';

export interface CitationUse {
  /** Where the citation is used, e.g. `reason CLOSE_CONTACT_QUARANTINE_14D`. */
  where: string;
  citation: Citation;
  /** Text (a number with its unit) that must also be in the cited line. */
  mustContain?: string;
}

export function healthCitations(): CitationUse[] {
  const out: CitationUse[] = [];
  for (const r of Object.values(REASONS)) {
    out.push({ where: `reason ${r.code}`, citation: { source: r.source, quote: r.quote } });
    for (const c of r.alsoCites ?? []) out.push({ where: `reason ${r.code} (also)`, citation: c });
  }
  for (const r of Object.values(OVERRIDE_REASONS)) {
    out.push({ where: `override reason ${r.code}`, citation: { source: r.source, quote: r.quote } });
  }
  for (const [key, p] of Object.entries(PARAMS)) {
    out.push({
      where: `param ${key} = ${p.value}`,
      citation: p.citation,
      ...('numberInQuote' in p && p.numberInQuote !== undefined ? { mustContain: p.numberInQuote } : {}),
    });
  }
  for (const s of RULE_SETS) {
    for (const d of s.documents) out.push({ where: `rule set ${s.id} document`, citation: d });
    out.push({ where: `rule set ${s.id} effective from ${s.effectiveFrom}`, citation: s.effectiveFromCitation });
    if (s.effectiveToCitation)
      out.push({ where: `rule set ${s.id} effective to ${s.effectiveTo}`, citation: s.effectiveToCitation });
  }
  for (const s of Object.values(SYMPTOMS))
    if (s.citation) out.push({ where: `symptom ${s.code}`, citation: s.citation });
  for (const [k, c] of Object.entries(DECLARATION_SOURCES)) out.push({ where: `declaration ${k}`, citation: c });
  for (const [k, c] of Object.entries(ANOMALY_SOURCES)) out.push({ where: `anomaly ${k}`, citation: c });
  for (const [k, c] of Object.entries(SUMMARY_SOURCES)) out.push({ where: `daily summary ${k}`, citation: c });
  return out;
}
