/**
 * Tests as situations (OpenFisca style): a name, a date, input facts and the expected decision — a table a policy
 * officer can read. Used by the catalogue tests, and by departments checking a draft rule before publishing.
 */
import { evaluate } from './evaluate.ts';
import type { FactValue, Facts, IsoDate, Policy, Rule, RuleResult } from './types.ts';

export interface Expectation {
  /** Whether the rule is in force on the date (default true). When false nothing else is checked. */
  readonly inForce?: boolean;
  readonly eligible?: boolean | null;
  readonly amountFen?: number | null;
  readonly payableFen?: number | null;
  /** Benefit value for non-money rules (percent, months, days, ISO date). */
  readonly value?: number | string | null;
  readonly capped?: boolean;
  /** Exactly these missing facts (any order). */
  readonly missingFacts?: readonly string[];
}

export interface Situation {
  readonly name: string;
  readonly ruleId: string;
  readonly asOf: IsoDate;
  readonly facts: Facts;
  readonly expect: Expectation;
}

/** A compact table: one rule, one base situation, cases as overrides (`null` removes a fact). */
export interface SituationGroup {
  /** Rule slug within the policy (or a full rule id). */
  readonly rule: string;
  readonly asOf: IsoDate;
  readonly base: Facts;
  readonly cases: readonly (readonly [name: string, overrides: Facts, expect: Expectation, asOf?: IsoDate])[];
}

export function expandSituations(policy: Policy, groups: readonly SituationGroup[]): Situation[] {
  const out: Situation[] = [];
  for (const g of groups) {
    const ruleId = g.rule.includes('.') ? g.rule : `${policy.id}.${g.rule}`;
    for (const [name, overrides, expect, asOf] of g.cases) {
      const facts: Record<string, FactValue | null | undefined> = { ...g.base };
      for (const [k, v] of Object.entries(overrides)) {
        if (v === null || v === undefined) delete facts[k];
        else facts[k] = v;
      }
      out.push({ name: `${ruleId}：${name}`, ruleId, asOf: asOf ?? g.asOf, facts, expect });
    }
  }
  return out;
}

export interface SituationOutcome {
  readonly ok: boolean;
  /** Chinese descriptions of each difference. */
  readonly diffs: readonly string[];
  readonly result: RuleResult | undefined;
}

/** Evaluate a situation against a rule set (with stacking) and compare with the expectation. */
export function runSituation(rules: readonly Rule[], s: Situation): SituationOutcome {
  const results = evaluate(rules, s.facts, { asOf: s.asOf, includeOutOfJurisdiction: true });
  const result = results.find((r) => r.ruleId === s.ruleId);
  const diffs: string[] = [];
  const e = s.expect;
  const inForce = e.inForce ?? true;
  if (!rules.some((r) => r.id === s.ruleId)) diffs.push(`规则 ${s.ruleId} 不存在`);
  else if (!result && inForce) diffs.push(`规则在 ${s.asOf} 不生效`);
  else if (result && !inForce) diffs.push(`规则在 ${s.asOf} 仍生效`);
  if (result && inForce) {
    const check = (field: string, actual: unknown, expected: unknown) => {
      if (expected !== undefined && actual !== expected)
        diffs.push(`${field}：期望 ${String(expected)}，实际 ${String(actual)}`);
    };
    check('eligible', result.eligible, e.eligible);
    check('amountFen', result.amountFen, e.amountFen);
    check('payableFen', result.payableFen, e.payableFen);
    check('value', result.value.value, e.value);
    check('capped', result.capped, e.capped);
    if (e.missingFacts) {
      const a = [...result.missingFacts].sort().join(',');
      const b = [...e.missingFacts].sort().join(',');
      if (a !== b) diffs.push(`missingFacts：期望 [${b}]，实际 [${a}]`);
    }
  }
  return { ok: diffs.length === 0, diffs, result };
}
