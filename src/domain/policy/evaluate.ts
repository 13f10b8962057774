/**
 * The interpreter: evaluates rules against one situation's facts with three-valued logic, returning per rule the
 * decision (eligible / not eligible / unknown), the benefit, whether a cap applied, the missing facts and a trace a
 * reviewer can read. Then applies 就高、不重复 across stacking groups.
 *
 * The compiled batch code in `compile.ts` implements the same semantics over columnar facts; a property test keeps
 * the two equal.
 */
import { addDaysIso, addMonthsIso, formatChineseDate } from './dates.ts';
import { factLabel } from './facts.ts';
import {
  describeEnv,
  formatFactValue,
  formatFen,
  formatParameterValue,
  paramText,
  renderCondition,
  renderExpr,
} from './render.ts';
import type {
  BenefitValue,
  Condition,
  Expr,
  FactValue,
  Facts,
  IsoDate,
  Jurisdiction,
  JurisdictionLevel,
  Rule,
  RuleResult,
  StackingOutcome,
  TargetEntity,
  TraceStep,
} from './types.ts';

type Value = number | string | boolean;
type Out = { readonly ok: true; readonly v: Value } | { readonly ok: false; readonly missing: readonly string[] };

interface Ctx {
  readonly facts: Facts;
  readonly params: Readonly<Record<string, number | string>>;
  readonly rule: Rule;
  /** Facts read by the step being evaluated. */
  seen: Record<string, FactValue | null>;
}

const MISSING_NONE: Out = { ok: false, missing: [] };

function union(...lists: (readonly string[])[]): string[] {
  const out: string[] = [];
  for (const l of lists) for (const x of l) if (!out.includes(x)) out.push(x);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Parameters, in-force and jurisdiction selection
// ---------------------------------------------------------------------------------------------------------------

/** Parameter values in force on `asOf` (the latest dated value not after it). Throws if one has no value yet. */
export function resolveParameters(rule: Rule, asOf: IsoDate): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  for (const [name, p] of Object.entries(rule.parameters)) {
    let chosen: number | string | undefined;
    for (const v of p.values) if (v.from <= asOf) chosen = v.value;
    if (chosen === undefined) {
      throw new Error(`规则 ${rule.id} 的参数 ${name}（${p.label}）在 ${asOf} 没有取值`);
    }
    out[name] = chosen;
  }
  return out;
}

/** Whether the rule applies on `asOf` (effective period, both ends included). */
export function isInForce(rule: Rule, asOf: IsoDate): boolean {
  return rule.effective.from <= asOf && (rule.effective.to === null || asOf <= rule.effective.to);
}

/** The rules in force on `asOf`, in their original order. */
export function rulesInForce(rules: readonly Rule[], asOf: IsoDate): Rule[] {
  return rules.filter((r) => isInForce(r, asOf));
}

/** `360000` → `36`, `360100` → `3601`, `360111` → `360111`, `000000` → ``. */
export function regionPrefix(code: string): string {
  let c = code;
  while (c.length >= 2 && c.endsWith('00')) c = c.slice(0, -2);
  return c;
}

/**
 * Does a jurisdiction cover a place? true / false / null (region or zone unknown). A province or city rule covers
 * every region code that starts with its prefix; a zone rule covers enterprises whose zone code equals its code.
 */
export function matchJurisdiction(j: Jurisdiction, regionCode: string | null, zoneCode: string | null): boolean | null {
  if (j.level === 'zone') return zoneCode === null ? null : zoneCode === j.code;
  if (j.level === 'central') {
    if (!j.excludeCodes || j.excludeCodes.length === 0) return true;
    if (regionCode === null) return null;
    return !j.excludeCodes.some((x) => regionCode.startsWith(regionPrefix(x)));
  }
  if (regionCode === null) return null;
  return regionCode.startsWith(regionPrefix(j.code));
}

const JURISDICTION_RANK: Readonly<Record<JurisdictionLevel, number>> = {
  central: 1,
  province: 2,
  city: 3,
  county: 4,
  zone: 5,
};

export function jurisdictionRank(j: Jurisdiction): number {
  return JURISDICTION_RANK[j.level];
}

// ---------------------------------------------------------------------------------------------------------------
// Expressions and conditions
// ---------------------------------------------------------------------------------------------------------------

function readFact(ctx: Ctx, name: string): FactValue | null {
  const raw = ctx.facts[name];
  const v = raw === undefined || raw === null ? null : raw;
  ctx.seen[name] = v;
  return v;
}

function num(o: Out & { ok: true }): number {
  return typeof o.v === 'number' ? o.v : NaN;
}

function evalArgs(args: readonly Expr[], ctx: Ctx): { values: number[] } | { missing: string[] } {
  const values: number[] = [];
  let missing: string[] | null = null;
  for (const a of args) {
    const o = evalExpr(a, ctx);
    if (!o.ok) missing = union(missing ?? [], o.missing);
    else values.push(num(o));
  }
  return missing ? { missing } : { values };
}

/** Evaluate a formula. A missing operand makes the result missing (with the facts that are missing). */
function evalExpr(e: Expr, ctx: Ctx): Out {
  switch (e.op) {
    case 'const':
      return { ok: true, v: e.value };
    case 'param': {
      const v = ctx.params[e.name];
      if (v === undefined) throw new Error(`规则 ${ctx.rule.id} 引用了未定义的参数 ${e.name}`);
      return { ok: true, v };
    }
    case 'fact': {
      const v = readFact(ctx, e.name);
      return v === null ? { ok: false, missing: [e.name] } : { ok: true, v };
    }
    case 'add':
    case 'mul':
    case 'min':
    case 'max': {
      const r = evalArgs(e.args, ctx);
      if ('missing' in r) return { ok: false, missing: r.missing };
      const [first, ...rest] = r.values;
      let acc = first ?? 0;
      for (const x of rest) {
        if (e.op === 'add') acc = acc + x;
        else if (e.op === 'mul') acc = acc * x;
        else if (e.op === 'min') acc = x < acc || Number.isNaN(x) ? x : acc;
        else acc = x > acc || Number.isNaN(x) ? x : acc;
      }
      return { ok: true, v: acc };
    }
    case 'sub':
    case 'div':
    case 'pct':
    case 'perUnit':
    case 'above': {
      const [ea, eb] =
        e.op === 'pct'
          ? [e.base, e.rate]
          : e.op === 'perUnit'
            ? [e.amount, e.count]
            : e.op === 'above'
              ? [e.base, e.threshold]
              : [e.a, e.b];
      const r = evalArgs([ea, eb], ctx);
      if ('missing' in r) return { ok: false, missing: r.missing };
      const a = r.values[0] as number;
      const b = r.values[1] as number;
      if (e.op === 'sub') return { ok: true, v: a - b };
      if (e.op === 'div') return b === 0 ? MISSING_NONE : { ok: true, v: a / b };
      if (e.op === 'pct') return { ok: true, v: (a * b) / 100 };
      if (e.op === 'perUnit') return { ok: true, v: a * b };
      return { ok: true, v: Math.max(0, a - b) };
    }
    case 'round': {
      const o = evalExpr(e.arg, ctx);
      return o.ok ? { ok: true, v: roundHalfUp(num(o)) } : o;
    }
    case 'if': {
      const c = evalCond(e.cond, ctx);
      if (c.r === true) return evalExpr(e.then, ctx);
      if (c.r === false) return evalExpr(e.else, ctx);
      const t = evalExpr(e.then, ctx);
      const f = evalExpr(e.else, ctx);
      return { ok: false, missing: union(c.missing, t.ok ? [] : t.missing, f.ok ? [] : f.missing) };
    }
    case 'addMonths':
    case 'addDays': {
      const d = evalExpr(e.date, ctx);
      const n = evalExpr(e.op === 'addMonths' ? e.months : e.days, ctx);
      if (!d.ok || !n.ok) return { ok: false, missing: union(d.ok ? [] : d.missing, n.ok ? [] : n.missing) };
      const iso = String(d.v);
      return { ok: true, v: e.op === 'addMonths' ? addMonthsIso(iso, num(n)) : addDaysIso(iso, num(n)) };
    }
  }
}

/** Round half up to an integer (used for fen); never returns -0. */
export function roundHalfUp(x: number): number {
  const r = Math.round(x);
  return r === 0 ? 0 : r;
}

interface CondOut {
  readonly r: boolean | null;
  readonly missing: readonly string[];
}

function compare(a: Value, op: string, b: Value): boolean {
  switch (op) {
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    default:
      return a >= b;
  }
}

/** Evaluate a condition (three-valued) without a trace. */
function evalCond(c: Condition, ctx: Ctx): CondOut {
  switch (c.op) {
    case 'all':
    case 'any': {
      const parts = c.of.map((x) => evalCond(x, ctx));
      const decisive = c.op === 'all' ? false : true;
      if (parts.some((p) => p.r === decisive)) return { r: decisive, missing: [] };
      const unknown = parts.filter((p) => p.r === null);
      if (unknown.length > 0) return { r: null, missing: union(...unknown.map((p) => p.missing)) };
      return { r: !decisive, missing: [] };
    }
    case 'not': {
      const o = evalCond(c.of, ctx);
      return o.r === null ? o : { r: !o.r, missing: [] };
    }
    case 'cmp': {
      const l = evalExpr(c.left, ctx);
      const r = evalExpr(c.right, ctx);
      if (!l.ok || !r.ok) return { r: null, missing: union(l.ok ? [] : l.missing, r.ok ? [] : r.missing) };
      return { r: compare(l.v, c.cmp, r.v), missing: [] };
    }
    case 'in': {
      const v = readFact(ctx, c.fact);
      return v === null ? { r: null, missing: [c.fact] } : { r: c.values.includes(String(v)), missing: [] };
    }
    case 'between': {
      const v = evalExpr(c.value, ctx);
      const lo = evalExpr(c.min, ctx);
      const hi = evalExpr(c.max, ctx);
      if (!v.ok || !lo.ok || !hi.ok) {
        return { r: null, missing: union(v.ok ? [] : v.missing, lo.ok ? [] : lo.missing, hi.ok ? [] : hi.missing) };
      }
      return { r: lo.v <= v.v && v.v <= hi.v, missing: [] };
    }
    case 'present':
      return { r: readFact(ctx, c.fact) !== null, missing: [] };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Traces
// ---------------------------------------------------------------------------------------------------------------

function traceEnv(ctx: Ctx) {
  return {
    fact: (name: string) => {
      const raw = ctx.facts[name];
      const v = raw === undefined || raw === null ? null : raw;
      return `${factLabel(name)}〔${formatFactValue(name, v)}〕`;
    },
    param: (name: string) => {
      const p = ctx.rule.parameters[name];
      const v = ctx.params[name];
      return p && v !== undefined ? formatParameterValue(v, p.unit) : paramText(p, name);
    },
  };
}

function resultWord(r: boolean | null): string {
  return r === null ? '未知' : r ? '是' : '否';
}

function traceCondition(c: Condition, ctx: Ctx): TraceStep {
  ctx.seen = {};
  const out = evalCond(c, ctx);
  const values = ctx.seen;
  const envR = traceEnv(ctx);
  const children =
    c.op === 'all' || c.op === 'any'
      ? c.of.map((x) => traceCondition(x, ctx))
      : c.op === 'not'
        ? [traceCondition(c.of, ctx)]
        : undefined;
  const detail =
    c.op === 'all'
      ? `同时满足以下${c.of.length}项 → ${resultWord(out.r)}`
      : c.op === 'any'
        ? `满足以下${c.of.length}项之一 → ${resultWord(out.r)}`
        : `${renderCondition(c, envR)} → ${resultWord(out.r)}`;
  return {
    step: 'condition',
    label: c.label ?? renderCondition(c, describeEnv(ctx.rule)),
    detail,
    result: out.r,
    values: children ? {} : values,
    ...(children ? { children } : {}),
  };
}

function formatBenefitValue(kind: string, v: number | string): string {
  if (kind === 'money' && typeof v === 'number') return formatFen(v);
  if (kind === 'percent') return `${v}%`;
  if (kind === 'months') return `${v}个月`;
  if (kind === 'days') return `${v}天`;
  if (kind === 'date' && typeof v === 'string') return `${v}（${formatChineseDate(v)}）`;
  return String(v);
}

// ---------------------------------------------------------------------------------------------------------------
// One rule
// ---------------------------------------------------------------------------------------------------------------

/** Result of one rule before stacking (stacking fields filled by {@link evaluate}). */
export type UnstackedResult = Omit<RuleResult, 'stacking' | 'payableFen'>;

const UNIT_OF_KIND = { money: '分', percent: '%', date: '日期', months: '月', days: '天', eligibility: null } as const;

/**
 * Evaluate one rule against facts as of a date. The caller selects rules in force; this reports jurisdiction,
 * conditions, benefit and caps.
 */
export function evaluateRule(rule: Rule, facts: Facts, asOf: IsoDate): UnstackedResult {
  const ctx: Ctx = { facts, params: resolveParameters(rule, asOf), rule, seen: {} };
  const trace: TraceStep[] = [];
  trace.push({
    step: 'in-force',
    label: '生效期间',
    detail: `${rule.effective.from} 至 ${rule.effective.to ?? '（疫情防控期间或长期）'}，评估日期 ${asOf}`,
    result: true,
    values: {},
  });

  // Jurisdiction
  const region = facts.regionCode;
  const zone = facts.zoneCode;
  const regionCode = typeof region === 'string' ? region : null;
  const zoneCode = typeof zone === 'string' ? zone : null;
  const jr = matchJurisdiction(rule.jurisdiction, regionCode, zoneCode);
  const jFact = rule.jurisdiction.level === 'zone' ? 'zoneCode' : 'regionCode';
  const jMissing = jr === null ? [jFact] : [];
  const jText =
    rule.jurisdiction.level === 'zone'
      ? `功能区代码〔${zoneCode ?? '缺失'}〕= ${rule.jurisdiction.code}`
      : rule.jurisdiction.level === 'central'
        ? rule.jurisdiction.excludeCodes?.length
          ? `所在地区划代码〔${regionCode ?? '缺失'}〕不属于 ${rule.jurisdiction.excludeCodes.join('、')}`
          : '全国适用'
        : `所在地区划代码〔${regionCode ?? '缺失'}〕以 ${regionPrefix(rule.jurisdiction.code)} 开头`;
  const jValues: Record<string, FactValue | null> =
    rule.jurisdiction.level === 'zone'
      ? { zoneCode }
      : rule.jurisdiction.level === 'central' && !rule.jurisdiction.excludeCodes?.length
        ? {}
        : { regionCode };
  trace.push({
    step: 'jurisdiction',
    label: `适用地区：${rule.jurisdiction.label}`,
    detail: `${jText} → ${resultWord(jr)}`,
    result: jr,
    values: jValues,
  });

  // Conditions
  const condStep = traceCondition(rule.conditions, ctx);
  trace.push(rule.conditions.label ? condStep : { ...condStep, label: '资格条件' });
  const cond = evalCond(rule.conditions, ctx);

  let eligible: boolean | null;
  if (jr === false || cond.r === false) eligible = false;
  else if (jr === null || cond.r === null) eligible = null;
  else eligible = true;

  let missing: string[] = eligible === false ? [] : union(jMissing, cond.missing);
  const kind = rule.benefit.kind;
  let value: number | string | null = null;
  let capped = false;

  if (eligible !== false && rule.benefit.kind !== 'eligibility') {
    const b = computeBenefit(rule, ctx);
    if (eligible === true) {
      value = b.value;
      capped = b.capped;
      trace.push(...b.steps);
    }
    missing = union(missing, b.missing);
  }

  const amountFen =
    kind === 'money' ? (eligible === false ? 0 : eligible === true && typeof value === 'number' ? value : null) : null;
  const benefitValue: BenefitValue = {
    kind,
    label: rule.benefit.label,
    value: eligible === true ? value : null,
    unit: UNIT_OF_KIND[kind],
  };
  return {
    policyId: rule.policyId,
    ruleId: rule.id,
    title: rule.title,
    source: rule.source,
    eligible,
    amountFen,
    capped,
    missingFacts: missing,
    value: benefitValue,
    fulfilment: rule.fulfilment,
    trace,
  };
}

function computeBenefit(
  rule: Rule,
  ctx: Ctx,
): { value: number | string | null; capped: boolean; missing: string[]; steps: TraceStep[] } {
  const b = rule.benefit;
  if (b.kind === 'eligibility') return { value: null, capped: false, missing: [], steps: [] };
  ctx.seen = {};
  const o = evalExpr(b.formula, ctx);
  const env = traceEnv(ctx);
  const steps: TraceStep[] = [];
  if (!o.ok) {
    steps.push({
      step: 'formula',
      label: b.label,
      detail: `${renderExpr(b.formula, env)} → 无法计算，缺少：${o.missing.map(factLabel).join('、') || '有效数值（除数为0）'}`,
      result: null,
      values: ctx.seen,
    });
    return { value: null, capped: false, missing: [...o.missing], steps };
  }
  let value: number | string = o.v as number | string;
  if (b.kind === 'money') value = Math.max(0, roundHalfUp(value as number));
  steps.push({
    step: 'formula',
    label: b.label,
    detail: `${renderExpr(b.formula, env)} = ${formatBenefitValue(b.kind, value)}`,
    result: value,
    values: ctx.seen,
  });
  let capped = false;
  const missing: string[] = [];
  if (b.kind !== 'date') {
    for (const c of rule.caps) {
      ctx.seen = {};
      const lo = evalExpr(c.limit, ctx);
      if (!lo.ok) {
        steps.push({ step: 'cap', label: c.label, detail: `上限无法计算`, result: null, values: ctx.seen });
        return { value: null, capped: false, missing: union(missing, lo.missing), steps };
      }
      const limit = lo.v as number;
      const bites = (value as number) > limit;
      steps.push({
        step: 'cap',
        label: c.label,
        detail: `上限 ${formatBenefitValue(b.kind, limit)}，计算值 ${formatBenefitValue(b.kind, value)} → ${bites ? `按上限 ${formatBenefitValue(b.kind, limit)}` : '未达上限'}`,
        result: bites ? limit : value,
        values: ctx.seen,
      });
      if (bites) {
        value = limit;
        capped = true;
      }
    }
  }
  return { value, capped, missing, steps };
}

// ---------------------------------------------------------------------------------------------------------------
// Many rules: selection and stacking (就高、不重复)
// ---------------------------------------------------------------------------------------------------------------

export interface EvaluateOptions {
  /** Evaluation date: only rules in force on it are evaluated, with the parameter values in force on it. */
  readonly asOf: IsoDate;
  /** Only rules about these entities (default: all). */
  readonly targets?: readonly TargetEntity[];
  /** Also report rules whose jurisdiction excludes the situation (as not eligible). Default false. */
  readonly includeOutOfJurisdiction?: boolean;
}

/**
 * Evaluate a rule set against one situation as of a date: rules in force, in the situation's jurisdiction (or
 * unknown jurisdiction), then 就高、不重复 within each stacking group.
 */
export function evaluate(rules: readonly Rule[], facts: Facts, options: EvaluateOptions): RuleResult[] {
  const selected = rulesInForce(rules, options.asOf).filter(
    (r) => !options.targets || options.targets.includes(r.target),
  );
  const region = typeof facts.regionCode === 'string' ? facts.regionCode : null;
  const zone = typeof facts.zoneCode === 'string' ? facts.zoneCode : null;
  const kept = options.includeOutOfJurisdiction
    ? selected
    : selected.filter((r) => matchJurisdiction(r.jurisdiction, region, zone) !== false);
  const unstacked = kept.map((r) => evaluateRule(r, facts, options.asOf));
  return applyStacking(unstacked, kept);
}

/**
 * 就高、不重复: within each stacking group, among members that are eligible with a known amount, keep the highest
 * (ties: the more local jurisdiction, then catalogue order); the others are not payable. A choice is provisional
 * while another member is still unknown.
 */
export function applyStacking(results: readonly UnstackedResult[], rules: readonly Rule[]): RuleResult[] {
  const byId = new Map(rules.map((r) => [r.id, r]));
  const groups = new Map<string, number[]>();
  results.forEach((res, i) => {
    const g = byId.get(res.ruleId)?.stackingGroup;
    if (!g) return;
    const list = groups.get(g) ?? [];
    list.push(i);
    groups.set(g, list);
  });
  const outcome = new Map<number, StackingOutcome>();
  for (const [group, idx] of groups) {
    let best: number | null = null;
    let provisional = false;
    for (const i of idx) {
      const r = results[i] as UnstackedResult;
      const amount = stackAmount(r);
      if (r.eligible === null || (r.eligible === true && amount === null)) provisional = true;
      if (r.eligible !== true || amount === null) continue;
      if (best === null) {
        best = i;
        continue;
      }
      const bestRes = results[best] as UnstackedResult;
      const bestAmount = stackAmount(bestRes) as number;
      const rankNew = jurisdictionRank((byId.get(r.ruleId) as Rule).jurisdiction);
      const rankBest = jurisdictionRank((byId.get(bestRes.ruleId) as Rule).jurisdiction);
      if (amount > bestAmount || (amount === bestAmount && rankNew > rankBest)) best = i;
    }
    const keptRuleId = best === null ? null : (results[best] as UnstackedResult).ruleId;
    for (const i of idx) outcome.set(i, { group, kept: i === best, keptRuleId, provisional });
  }
  return results.map((r, i) => {
    const s = outcome.get(i) ?? null;
    let payableFen = r.amountFen;
    let trace = r.trace;
    if (s && r.eligible === true && !s.kept && s.keptRuleId !== null) {
      payableFen = r.amountFen === null ? null : 0;
      const kept = results.find((x) => x.ruleId === s.keptRuleId) as UnstackedResult;
      trace = [
        ...trace,
        {
          step: 'stacking',
          label: '就高、不重复',
          detail: `与「${kept.title}」同属“${s.group}”，该项金额更高（${describeStackAmount(kept)}），本项不重复享受`,
          result: false,
          values: {},
        },
      ];
    } else if (s && r.eligible === true && s.kept) {
      trace = [
        ...trace,
        {
          step: 'stacking',
          label: '就高、不重复',
          detail: `“${s.group}”组内取最高者，本项保留${s.provisional ? '（组内尚有未能确定的项目，结果为暂定）' : ''}`,
          result: true,
          values: {},
        },
      ];
    }
    return { ...r, payableFen, stacking: s, trace };
  });
}

/** The amount compared in 就高: money in fen, or the numeric value of other benefits. */
function stackAmount(r: UnstackedResult): number | null {
  if (r.amountFen !== null) return r.amountFen;
  return typeof r.value.value === 'number' ? r.value.value : null;
}

function describeStackAmount(r: UnstackedResult): string {
  const a = stackAmount(r);
  if (a === null) return '未知';
  return r.value.kind === 'money' ? formatFen(a) : formatBenefitValue(r.value.kind, a);
}

/** The facts a rule reads (conditions, formula, caps, and the region/zone code for its jurisdiction). */
export function requiredFacts(rule: Rule): string[] {
  const out: string[] = [];
  const addF = (n: string) => {
    if (!out.includes(n)) out.push(n);
  };
  const walkE = (e: Expr): void => {
    switch (e.op) {
      case 'fact':
        addF(e.name);
        return;
      case 'const':
      case 'param':
        return;
      case 'add':
      case 'mul':
      case 'min':
      case 'max':
        e.args.forEach(walkE);
        return;
      case 'sub':
      case 'div':
        walkE(e.a);
        walkE(e.b);
        return;
      case 'pct':
        walkE(e.base);
        walkE(e.rate);
        return;
      case 'perUnit':
        walkE(e.amount);
        walkE(e.count);
        return;
      case 'above':
        walkE(e.base);
        walkE(e.threshold);
        return;
      case 'round':
        walkE(e.arg);
        return;
      case 'if':
        walkC(e.cond);
        walkE(e.then);
        walkE(e.else);
        return;
      case 'addMonths':
        walkE(e.date);
        walkE(e.months);
        return;
      case 'addDays':
        walkE(e.date);
        walkE(e.days);
        return;
    }
  };
  const walkC = (c: Condition): void => {
    switch (c.op) {
      case 'all':
      case 'any':
        c.of.forEach(walkC);
        return;
      case 'not':
        walkC(c.of);
        return;
      case 'cmp':
        walkE(c.left);
        walkE(c.right);
        return;
      case 'in':
      case 'present':
        addF(c.fact);
        return;
      case 'between':
        walkE(c.value);
        walkE(c.min);
        walkE(c.max);
        return;
    }
  };
  if (rule.jurisdiction.level === 'zone') addF('zoneCode');
  else if (rule.jurisdiction.level !== 'central' || rule.jurisdiction.excludeCodes?.length) addF('regionCode');
  walkC(rule.conditions);
  if (rule.benefit.kind !== 'eligibility') walkE(rule.benefit.formula);
  for (const c of rule.caps) walkE(c.limit);
  return out;
}

/** Flatten a trace into indented Chinese lines (for exports and reviewers' printouts). */
export function renderTrace(trace: readonly TraceStep[], depth = 0): string[] {
  const lines: string[] = [];
  for (const s of trace) {
    lines.push(`${'  '.repeat(depth)}${s.label}：${s.detail}`);
    if (s.children) lines.push(...renderTrace(s.children, depth + 1));
  }
  return lines;
}
