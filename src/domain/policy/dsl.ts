/**
 * Small builders that produce the plain data of {@link Expr}, {@link Condition}, {@link Parameter} and
 * {@link Policy}. The output is ordinary JSON-serialisable data; the builders only make the catalogue readable.
 */
import type {
  Benefit,
  Cap,
  CmpOp,
  Condition,
  Expr,
  FulfilmentMode,
  FundingSplit,
  IsoDate,
  Jurisdiction,
  Parameter,
  ParameterUnit,
  Policy,
  Rule,
  RuleKind,
  SourceRef,
  TargetEntity,
} from './types.ts';

export type ExprLike = Expr | number | string | boolean;

export const lit = (value: number | string | boolean): Expr => ({ op: 'const', value });
export const fact = (name: string): Expr => ({ op: 'fact', name });
export const param = (name: string): Expr => ({ op: 'param', name });
export const toExpr = (x: ExprLike): Expr => (typeof x === 'object' ? x : lit(x));

export const add = (...args: ExprLike[]): Expr => ({ op: 'add', args: args.map(toExpr) });
export const sub = (a: ExprLike, b: ExprLike): Expr => ({ op: 'sub', a: toExpr(a), b: toExpr(b) });
export const mul = (...args: ExprLike[]): Expr => ({ op: 'mul', args: args.map(toExpr) });
export const div = (a: ExprLike, b: ExprLike): Expr => ({ op: 'div', a: toExpr(a), b: toExpr(b) });
export const min = (...args: ExprLike[]): Expr => ({ op: 'min', args: args.map(toExpr) });
export const max = (...args: ExprLike[]): Expr => ({ op: 'max', args: args.map(toExpr) });
/** `base × rate ÷ 100` */
export const pct = (base: ExprLike, rate: ExprLike): Expr => ({ op: 'pct', base: toExpr(base), rate: toExpr(rate) });
/** `amount × count` */
export const perUnit = (amount: ExprLike, count: ExprLike): Expr => ({
  op: 'perUnit',
  amount: toExpr(amount),
  count: toExpr(count),
});
/** `max(0, base − threshold)` */
export const above = (base: ExprLike, threshold: ExprLike): Expr => ({
  op: 'above',
  base: toExpr(base),
  threshold: toExpr(threshold),
});
export const round = (arg: ExprLike): Expr => ({ op: 'round', arg: toExpr(arg) });
export const when = (cond: Condition, then: ExprLike, otherwise: ExprLike): Expr => ({
  op: 'if',
  cond,
  then: toExpr(then),
  else: toExpr(otherwise),
});
export const addMonths = (date: ExprLike, months: ExprLike): Expr => ({
  op: 'addMonths',
  date: toExpr(date),
  months: toExpr(months),
});
export const addDays = (date: ExprLike, days: ExprLike): Expr => ({
  op: 'addDays',
  date: toExpr(date),
  days: toExpr(days),
});

export const all = (...of: Condition[]): Condition => ({ op: 'all', of });
export const any = (...of: Condition[]): Condition => ({ op: 'any', of });
export const not = (of: Condition, label?: string): Condition => (label ? { op: 'not', of, label } : { op: 'not', of });
/** Attach a Chinese label to a condition (shown in traces). */
export const labelled = <C extends Condition>(label: string, c: C): C => ({ ...c, label });

export const cmp = (left: ExprLike, op: CmpOp, right: ExprLike, label?: string): Condition =>
  label
    ? { op: 'cmp', left: toExpr(left), cmp: op, right: toExpr(right), label }
    : { op: 'cmp', left: toExpr(left), cmp: op, right: toExpr(right) };
export const eq = (l: ExprLike, r: ExprLike, label?: string) => cmp(l, '==', r, label);
export const ne = (l: ExprLike, r: ExprLike, label?: string) => cmp(l, '!=', r, label);
export const lt = (l: ExprLike, r: ExprLike, label?: string) => cmp(l, '<', r, label);
export const le = (l: ExprLike, r: ExprLike, label?: string) => cmp(l, '<=', r, label);
export const gt = (l: ExprLike, r: ExprLike, label?: string) => cmp(l, '>', r, label);
export const ge = (l: ExprLike, r: ExprLike, label?: string) => cmp(l, '>=', r, label);
/** A boolean fact is true. */
export const isTrue = (name: string, label?: string) => cmp(fact(name), '==', lit(true), label);
/** A boolean fact is false. */
export const isFalse = (name: string, label?: string) => cmp(fact(name), '==', lit(false), label);
export const oneOf = (name: string, values: readonly string[], label?: string): Condition =>
  label ? { op: 'in', fact: name, values, label } : { op: 'in', fact: name, values };
export const between = (value: ExprLike, lo: ExprLike, hi: ExprLike, label?: string): Condition =>
  label
    ? { op: 'between', value: toExpr(value), min: toExpr(lo), max: toExpr(hi), label }
    : { op: 'between', value: toExpr(value), min: toExpr(lo), max: toExpr(hi) };
export const present = (name: string, label?: string): Condition =>
  label ? { op: 'present', fact: name, label } : { op: 'present', fact: name };

// ---------------------------------------------------------------------------------------------------------------
// Sources and jurisdictions
// ---------------------------------------------------------------------------------------------------------------

export const SEED_000 = '000_f6337ad9b8385fee.txt';
export const SEED_001 = '001_c79dcd15a11e76a2.txt';
export const SEED_002 = '002_6f6368d3106e93bf.txt';
export const SEED_003 = '003_18fd0961877c4a42.txt';
export const SEED_004 = '004_2c36a8800a7abca8.txt';

export const s000 = (line: number): SourceRef => `${SEED_000}:L${line}`;
export const s001 = (line: number): SourceRef => `${SEED_001}:L${line}`;
export const s003 = (line: number): SourceRef => `${SEED_003}:L${line}`;

/** Zone code of 南昌高新技术产业开发区 as used in `zoneCode` (the registry maps enterprises to it). */
export const NANCHANG_HIGHTECH_ZONE_CODE = 'Z360101';

export const CHINA: Jurisdiction = { level: 'central', code: '000000', label: '全国' };
export const CHINA_EXCEPT_HUBEI: Jurisdiction = {
  level: 'central',
  code: '000000',
  label: '全国（湖北省除外）',
  excludeCodes: ['420000'],
};
export const HUBEI: Jurisdiction = { level: 'province', code: '420000', label: '湖北省' };
export const JIANGXI: Jurisdiction = { level: 'province', code: '360000', label: '江西省' };
export const NANCHANG: Jurisdiction = { level: 'city', code: '360100', label: '南昌市' };
export const NANCHANG_HIGHTECH_ZONE: Jurisdiction = {
  level: 'zone',
  code: NANCHANG_HIGHTECH_ZONE_CODE,
  label: '南昌高新技术产业开发区',
};

// ---------------------------------------------------------------------------------------------------------------
// Parameters, rules, policies
// ---------------------------------------------------------------------------------------------------------------

/** A parameter value as written in the catalogue; `from` defaults to the rule's effective start. */
export interface ParameterValueDraft {
  readonly from?: IsoDate;
  readonly value: number | string;
  readonly source: SourceRef;
  readonly quote: string;
}

export interface ParameterDraft {
  readonly label: string;
  readonly unit: ParameterUnit;
  readonly values: readonly ParameterValueDraft[];
  readonly description?: string;
}

/** A parameter with one value. */
export function p(
  label: string,
  unit: ParameterUnit,
  value: number | string,
  source: SourceRef,
  quote: string,
  opts: { from?: IsoDate; description?: string } = {},
): ParameterDraft {
  return {
    label,
    unit,
    values: [{ value, source, quote, ...(opts.from ? { from: opts.from } : {}) }],
    ...(opts.description ? { description: opts.description } : {}),
  };
}

export interface RuleDraft {
  readonly slug: string;
  readonly title: string;
  readonly kind: RuleKind;
  readonly target: TargetEntity;
  /** Defaults to the policy's jurisdiction. */
  readonly jurisdiction?: Jurisdiction;
  /** Defaults to the policy's validity. */
  readonly effective?: { readonly from: IsoDate; readonly to: IsoDate | null; readonly note?: string };
  readonly conditions: Condition;
  readonly parameters?: Readonly<Record<string, ParameterDraft>>;
  readonly benefit: Benefit;
  readonly caps?: readonly Cap[];
  readonly stackingGroup?: string;
  readonly funding?: FundingSplit;
  readonly fulfilment: FulfilmentMode;
  readonly source: SourceRef;
  readonly alsoSources?: readonly SourceRef[];
  readonly department?: string;
  readonly note?: string;
}

export type PolicyDraft = Omit<Policy, 'rules'>;

/** Assemble a policy: rule ids become `policyId.slug`, defaults are filled in, parameter values get their dates. */
export function definePolicy(meta: PolicyDraft, drafts: readonly RuleDraft[]): Policy {
  const rules: Rule[] = drafts.map((d) => {
    const effective = d.effective ?? meta.validity;
    const parameters: Record<string, Parameter> = {};
    for (const [name, pd] of Object.entries(d.parameters ?? {})) {
      parameters[name] = {
        label: pd.label,
        unit: pd.unit,
        values: pd.values.map((v) => ({
          from: v.from ?? effective.from,
          value: v.value,
          source: v.source,
          quote: v.quote,
        })),
        ...(pd.description ? { description: pd.description } : {}),
      };
    }
    const rule: Rule = {
      id: `${meta.id}.${d.slug}`,
      policyId: meta.id,
      title: d.title,
      kind: d.kind,
      target: d.target,
      jurisdiction: d.jurisdiction ?? meta.jurisdiction,
      effective,
      conditions: d.conditions,
      parameters,
      benefit: d.benefit,
      caps: d.caps ?? [],
      fulfilment: d.fulfilment,
      source: d.source,
      ...(d.stackingGroup ? { stackingGroup: d.stackingGroup } : {}),
      ...(d.funding ? { funding: d.funding } : {}),
      ...(d.alsoSources ? { alsoSources: d.alsoSources } : {}),
      ...(d.department ? { department: d.department } : {}),
      ...(d.note ? { note: d.note } : {}),
    };
    return rule;
  });
  return { ...meta, rules };
}

/** Benefit builders. */
export const money = (label: string, formula: Expr): Benefit => ({ kind: 'money', label, formula });
export const percent = (label: string, formula: Expr): Benefit => ({ kind: 'percent', label, formula });
export const dateBenefit = (label: string, formula: Expr): Benefit => ({ kind: 'date', label, formula });
export const months = (label: string, formula: Expr): Benefit => ({ kind: 'months', label, formula });
export const days = (label: string, formula: Expr): Benefit => ({ kind: 'days', label, formula });
export const eligibility = (label: string): Benefit => ({ kind: 'eligibility', label });
export const cap = (label: string, limit: ExprLike, source: SourceRef): Cap => ({
  label,
  limit: toExpr(limit),
  source,
});

/** Yuan → fen. */
export const yuan = (n: number): number => Math.round(n * 100);
/** 万元 → fen. */
export const wan = (n: number): number => Math.round(n * 1_000_000);
