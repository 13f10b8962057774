/**
 * Serializable descriptions of policies and rules for `GET /api/policies` and the policy catalogue pages: every
 * rule with its source, parameters (dated values with their citations), conditions and formula in Chinese, caps,
 * stacking group, funding split, fulfilment mode and the facts it needs. Also the request parser for
 * `POST /api/policies/evaluate`.
 */
import { isIsoDate } from './dates.ts';
import { requiredFacts } from './evaluate.ts';
import { validateFacts } from './facts.ts';
import { describeFunding } from './funding.ts';
import { describeCondition, describeEnv, formatParameterValue, renderExpr } from './render.ts';
import { FULFILMENT_LABEL } from './types.ts';
import type {
  BenefitKind,
  Facts,
  FulfilmentMode,
  FundingSplit,
  IsoDate,
  Jurisdiction,
  ParameterUnit,
  Policy,
  Rule,
  RuleKind,
  SourceRef,
  TargetEntity,
} from './types.ts';

export interface ParameterSummary {
  readonly name: string;
  readonly label: string;
  readonly unit: ParameterUnit;
  readonly values: readonly {
    readonly from: IsoDate;
    readonly value: number | string;
    /** e.g. `1,000.00元`, `50%`, `3个月`. */
    readonly display: string;
    readonly source: SourceRef;
    readonly quote: string;
  }[];
}

export interface RuleSummary {
  readonly id: string;
  readonly policyId: string;
  readonly title: string;
  readonly kind: RuleKind;
  readonly target: TargetEntity;
  readonly jurisdiction: Jurisdiction;
  readonly effective: Rule['effective'];
  readonly source: SourceRef;
  readonly alsoSources: readonly SourceRef[];
  readonly department: string | null;
  readonly benefit: { readonly kind: BenefitKind; readonly label: string; readonly formula: string | null };
  /** Conditions as indented Chinese lines. */
  readonly conditions: readonly string[];
  readonly caps: readonly { readonly label: string; readonly limit: string; readonly source: SourceRef }[];
  readonly parameters: readonly ParameterSummary[];
  readonly stackingGroup: string | null;
  readonly funding: (FundingSplit & { readonly description: string }) | null;
  readonly fulfilment: FulfilmentMode;
  readonly fulfilmentLabel: string;
  readonly requiredFacts: readonly string[];
  readonly note: string | null;
}

export interface PolicySummary extends Omit<Policy, 'rules'> {
  readonly rules: readonly RuleSummary[];
}

/** A rule described for display; parameter values in force on `asOf` are used in the rendered texts. */
export function describeRule(rule: Rule, asOf?: IsoDate): RuleSummary {
  const env = describeEnv(rule, asOf);
  return {
    id: rule.id,
    policyId: rule.policyId,
    title: rule.title,
    kind: rule.kind,
    target: rule.target,
    jurisdiction: rule.jurisdiction,
    effective: rule.effective,
    source: rule.source,
    alsoSources: rule.alsoSources ?? [],
    department: rule.department ?? null,
    benefit: {
      kind: rule.benefit.kind,
      label: rule.benefit.label,
      formula: rule.benefit.kind === 'eligibility' ? null : renderExpr(rule.benefit.formula, env),
    },
    conditions: describeCondition(rule.conditions, env),
    caps: rule.caps.map((c) => ({ label: c.label, limit: renderExpr(c.limit, env), source: c.source })),
    parameters: Object.entries(rule.parameters).map(([name, p]) => ({
      name,
      label: p.label,
      unit: p.unit,
      values: p.values.map((v) => ({ ...v, display: formatParameterValue(v.value, p.unit) })),
    })),
    stackingGroup: rule.stackingGroup ?? null,
    funding: rule.funding ? { ...rule.funding, description: describeFunding(rule.funding) } : null,
    fulfilment: rule.fulfilment,
    fulfilmentLabel: FULFILMENT_LABEL[rule.fulfilment],
    requiredFacts: requiredFacts(rule),
    note: rule.note ?? null,
  };
}

/** Policies with their rules described (optionally only rules in force on `asOf`). */
export function listPolicies(policies: readonly Policy[], options: { asOf?: IsoDate } = {}): PolicySummary[] {
  const { asOf } = options;
  return policies.map((p) => ({
    ...p,
    rules: p.rules
      .filter((r) => !asOf || (r.effective.from <= asOf && (r.effective.to === null || asOf <= r.effective.to)))
      .map((r) => describeRule(r, asOf)),
  }));
}

export type EvaluateRequest =
  | { readonly kind: 'facts'; readonly facts: Facts; readonly asOf: IsoDate | null }
  | {
      readonly kind: 'enterprise';
      readonly enterpriseId: string;
      readonly facts: Facts;
      readonly asOf: IsoDate | null;
    };

/**
 * Parse the body of `POST /api/policies/evaluate`: `{"facts":{…},"asOf":"YYYY-MM-DD"}` or
 * `{"enterpriseId":"…","asOf":…,"facts":{…application facts…}}`. `asOf` may be omitted (the server supplies today's
 * date). Errors are Chinese and name the field.
 */
export function parseEvaluateRequest(
  body: unknown,
):
  | { readonly ok: true; readonly request: EvaluateRequest }
  | { readonly ok: false; readonly errors: readonly string[] } {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { ok: false, errors: ['请求体：应为对象'] };
  const b = body as Record<string, unknown>;
  const errors: string[] = [];
  let asOf: IsoDate | null = null;
  if (b.asOf !== undefined && b.asOf !== null) {
    if (isIsoDate(b.asOf)) asOf = b.asOf;
    else errors.push('asOf（评估日期）：应为日期 YYYY-MM-DD');
  }
  for (const k of Object.keys(b)) {
    if (!['facts', 'asOf', 'enterpriseId'].includes(k)) errors.push(`${k}：不是可识别的字段`);
  }
  const facts = b.facts === undefined ? { ok: true, facts: {}, errors: [] } : validateFacts(b.facts);
  errors.push(...facts.errors);
  const hasEnterprise = b.enterpriseId !== undefined && b.enterpriseId !== null;
  if (hasEnterprise && (typeof b.enterpriseId !== 'string' || b.enterpriseId.trim() === '')) {
    errors.push('enterpriseId（企业标识）：应为非空字符串');
  }
  if (!hasEnterprise && b.facts === undefined) errors.push('facts（事实）：缺少事实或企业标识 enterpriseId');
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    request: hasEnterprise
      ? { kind: 'enterprise', enterpriseId: b.enterpriseId as string, facts: facts.facts, asOf }
      : { kind: 'facts', facts: facts.facts, asOf },
  };
}
