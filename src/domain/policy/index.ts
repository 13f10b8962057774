/**
 * 惠企政策规则引擎 (policy rules engine) — public API. See README.md in this folder.
 */
import { ALL_RULES, POLICIES } from './catalogue/index.ts';
import { listPolicies } from './describe.ts';
import type { PolicySummary } from './describe.ts';
import { evaluate } from './evaluate.ts';
import type { EvaluateOptions } from './evaluate.ts';
import type { Facts, RuleResult } from './types.ts';

export type * from './types.ts';
export { FULFILMENT_LABEL, FUNDING_LEVEL_LABEL } from './types.ts';
export {
  FACTS,
  FACT_BY_NAME,
  FACT_SOURCE_LABEL,
  SIZE_CLASS_VALUES,
  completeSizeClass,
  factLabel,
  mergeFacts,
  validateFacts,
} from './facts.ts';
export type { FactDefinition, FactSource, FactType, FactUnit, FactsValidation, MergedFacts } from './facts.ts';
export {
  applyStacking,
  evaluate,
  evaluateRule,
  isInForce,
  matchJurisdiction,
  renderTrace,
  requiredFacts,
  resolveParameters,
  rulesInForce,
} from './evaluate.ts';
export type { EvaluateOptions, UnstackedResult } from './evaluate.ts';
export { buildFactTable, createFactTable, rowFacts, setFact } from './columns.ts';
export type { Column, FactTable } from './columns.ts';
export { compileRules } from './compile.ts';
export type { BatchResult, CompiledRuleSet, RowResult } from './compile.ts';
export { DRAFT_SOURCE, applyReform, industrySection, simulate } from './simulate.ts';
export type {
  Aggregate,
  ParameterOverride,
  Reform,
  RuleAggregate,
  SimulationInput,
  SimulationReport,
  SimulationSide,
} from './simulate.ts';
export { describeFunding, splitFen, splitFunding } from './funding.ts';
export type { FundingShare } from './funding.ts';
export { fulfilmentCoverage } from './coverage.ts';
export type { CoverageRow, PaymentRecord } from './coverage.ts';
export { describeRule, listPolicies, parseEvaluateRequest } from './describe.ts';
export type { EvaluateRequest, ParameterSummary, PolicySummary, RuleSummary } from './describe.ts';
export { validateRule, validateRuleSet } from './validate.ts';
export { checkRuleCitations, valueRenderings } from './citations.ts';
export { expandSituations, runSituation } from './situations.ts';
export type { Expectation, Situation, SituationGroup } from './situations.ts';
export { ALL_RULES, POLICIES, policyById, ruleById } from './catalogue/index.ts';

/**
 * `POST /api/policies/evaluate` for a situation: every catalogue rule in force on `asOf`, in the situation's
 * jurisdiction, with 就高、不重复 applied. Returns `{ results }` in the API's shape.
 */
export function evaluateCatalogue(
  facts: Facts,
  options: Omit<EvaluateOptions, 'asOf'> & { readonly asOf: string },
): { results: RuleResult[] } {
  return { results: evaluate(ALL_RULES, facts, options) };
}

/** `GET /api/policies`: the catalogue described (optionally only rules in force on `asOf`). */
export function describeCatalogue(options: { asOf?: string } = {}): PolicySummary[] {
  return listPolicies(POLICIES, options);
}
