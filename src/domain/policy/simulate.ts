/**
 * Policy simulation before publishing (政策模拟测算): a department edits a draft rule or its parameters (a
 * {@link Reform}) and sees, side by side with the rules in force, how many enterprises would qualify and what it
 * would cost, by region, industry and size, over the registry (a columnar {@link FactTable}, one row per enterprise).
 *
 * Reforms are first-class (OpenFisca): parameter overrides add dated values, rules can be replaced, added or removed.
 */
import type { FactTable } from './columns.ts';
import { compileRules } from './compile.ts';
import type { CompiledRuleSet, RowResult } from './compile.ts';
import { SIZE_CLASS_VALUES } from './facts.ts';
import type { IsoDate, Parameter, Rule } from './types.ts';
import { validateRule } from './validate.ts';

// ---------------------------------------------------------------------------------------------------------------
// Reforms
// ---------------------------------------------------------------------------------------------------------------

export interface ParameterOverride {
  readonly ruleId: string;
  readonly parameter: string;
  readonly value: number | string;
  /**
   * With a date: a new dated value from that day (earlier values stay, later ones are replaced). Without: the value
   * replaces every dated value of the parameter.
   */
  readonly from?: IsoDate;
}

export interface Reform {
  /** What the draft changes, e.g. `招聘补助提高到每人3000元`. */
  readonly label: string;
  readonly parameters?: readonly ParameterOverride[];
  /** Draft rules replacing the rules with the same id. */
  readonly replaceRules?: readonly Rule[];
  readonly addRules?: readonly Rule[];
  readonly removeRuleIds?: readonly string[];
}

/** The reference recorded on draft parameter values (they have no seed line yet). */
export const DRAFT_SOURCE = '草案';

function overrideParameter(p: Parameter, o: ParameterOverride, label: string, ruleFrom: IsoDate): Parameter {
  const draft = { value: o.value, source: DRAFT_SOURCE, quote: label };
  if (!o.from) return { ...p, values: [{ from: p.values[0]?.from ?? ruleFrom, ...draft }] };
  const from = o.from;
  return { ...p, values: [...p.values.filter((v) => v.from < from), { from, ...draft }] };
}

/**
 * Apply a reform to a rule set. Returns the new rules (the input is not modified) and Chinese error messages for
 * unknown rules or parameters and for drafts that do not validate (citation format aside: drafts cite no seed).
 */
export function applyReform(rules: readonly Rule[], reform: Reform): { rules: Rule[]; errors: string[] } {
  const errors: string[] = [];
  const removed = new Set(reform.removeRuleIds ?? []);
  for (const id of removed) if (!rules.some((r) => r.id === id)) errors.push(`草案删除的规则不存在：${id}`);
  const replacements = new Map((reform.replaceRules ?? []).map((r) => [r.id, r]));
  for (const id of replacements.keys()) if (!rules.some((r) => r.id === id)) errors.push(`草案替换的规则不存在：${id}`);
  let out: Rule[] = rules.filter((r) => !removed.has(r.id)).map((r) => replacements.get(r.id) ?? r);
  for (const a of reform.addRules ?? []) {
    if (out.some((r) => r.id === a.id)) errors.push(`草案新增的规则 id 已存在：${a.id}`);
    else out.push(a);
  }
  for (const o of reform.parameters ?? []) {
    const idx = out.findIndex((r) => r.id === o.ruleId);
    const rule = out[idx];
    if (!rule) {
      errors.push(`草案修改参数的规则不存在：${o.ruleId}`);
      continue;
    }
    const p = rule.parameters[o.parameter];
    if (!p) {
      errors.push(`规则 ${o.ruleId} 没有参数 ${o.parameter}`);
      continue;
    }
    out = out.map((r, i) =>
      i === idx
        ? {
            ...r,
            parameters: { ...r.parameters, [o.parameter]: overrideParameter(p, o, reform.label, r.effective.from) },
          }
        : r,
    );
  }
  const touched = new Set([
    ...replacements.keys(),
    ...(reform.addRules ?? []).map((r) => r.id),
    ...(reform.parameters ?? []).map((o) => o.ruleId),
  ]);
  for (const r of out) {
    if (!touched.has(r.id)) continue;
    for (const e of validateRule(r)) if (!e.includes('出处') && !e.includes('引语')) errors.push(e);
  }
  return { rules: out, errors };
}

// ---------------------------------------------------------------------------------------------------------------
// Aggregation
// ---------------------------------------------------------------------------------------------------------------

export interface Aggregate {
  /** Enterprises in the group. */
  readonly enterprises: number;
  /** Enterprises eligible for at least one reported rule (兑现企业数 if paid). */
  readonly qualifying: number;
  /** Enterprises with no eligible rule but at least one undecided (facts missing). */
  readonly undecided: number;
  /** Total payable money of cost-bearing rules, in fen (兑现金额). */
  readonly totalFen: number;
  /** qualifying ÷ enterprises (企业受益覆盖面), 0 when there are no enterprises. */
  readonly coverage: number;
}

export interface RuleAggregate {
  readonly ruleId: string;
  readonly title: string;
  readonly eligible: number;
  readonly unknown: number;
  /** Eligible rows whose amount could not be computed. */
  readonly amountUnknown: number;
  readonly capped: number;
  readonly totalFen: number;
  /** Whether the rule's money counts as cost (pay / exempt / reduce); a loan limit does not. */
  readonly costBearing: boolean;
}

export interface SimulationSide {
  readonly perRule: readonly RuleAggregate[];
  readonly total: Aggregate;
  readonly byRegion: Readonly<Record<string, Aggregate>>;
  readonly byIndustry: Readonly<Record<string, Aggregate>>;
  readonly bySize: Readonly<Record<string, Aggregate>>;
}

export interface SimulationReport {
  readonly asOf: IsoDate;
  readonly reform: string | null;
  readonly rows: number;
  readonly reportedRuleIds: readonly string[];
  readonly baseline: SimulationSide;
  readonly reformed: SimulationSide | null;
  /** reformed − baseline. */
  readonly delta: { readonly qualifying: number; readonly totalFen: number } | null;
  readonly errors: readonly string[];
}

export interface SimulationInput {
  /** One row per enterprise (the registry), with the facts the rules need. */
  readonly table: FactTable;
  /** The rules in force (baseline). */
  readonly rules: readonly Rule[];
  readonly reform?: Reform;
  readonly asOf: IsoDate;
  /**
   * Rules whose counts and costs are reported (default: the rules the reform touches, or — without a reform —
   * every rule about enterprises). All rules are still evaluated, so 就高、不重复 is applied.
   */
  readonly ruleIds?: readonly string[];
}

/** GB/T 4754-2017 门类 of an industry code (`C3911` or `3911` → `C`); `未知` when it cannot be read. */
export function industrySection(code: string | null): string {
  if (!code) return '未知';
  const first = code[0] as string;
  if (/[A-T]/.test(first)) return first;
  const division = Number(code.slice(0, 2));
  if (!Number.isInteger(division) || code.length < 2) return '未知';
  const bounds: readonly (readonly [number, string])[] = [
    [5, 'A'],
    [12, 'B'],
    [43, 'C'],
    [46, 'D'],
    [50, 'E'],
    [52, 'F'],
    [60, 'G'],
    [62, 'H'],
    [65, 'I'],
    [69, 'J'],
    [70, 'K'],
    [72, 'L'],
    [75, 'M'],
    [79, 'N'],
    [82, 'O'],
    [83, 'P'],
    [85, 'Q'],
    [90, 'R'],
    [96, 'S'],
    [97, 'T'],
  ];
  if (division < 1) return '未知';
  for (const [hi, section] of bounds) if (division <= hi) return section;
  return '未知';
}

const SIZE_LABEL: Readonly<Record<string, string>> = Object.fromEntries(SIZE_CLASS_VALUES);

/** A per-row group key reader over a code column, cached per dictionary entry. */
function groupReader(
  table: FactTable,
  names: readonly string[],
  keyOf: (raw: string | null) => string,
): (i: number) => string {
  const name = names.find((n) => table.columns[n]?.kind === 'code');
  const col = name ? table.columns[name] : undefined;
  if (!col || col.kind !== 'code') return () => keyOf(null);
  const cache = new Map<number, string>();
  return (i) => {
    const code = col.data[i] as number;
    let k = cache.get(code);
    if (k === undefined) {
      k = keyOf(code < 0 ? null : (col.dictionary[code] as string));
      cache.set(code, k);
    }
    return k;
  };
}

interface Acc {
  enterprises: number;
  qualifying: number;
  undecided: number;
  totalFen: number;
}

const newAcc = (): Acc => ({ enterprises: 0, qualifying: 0, undecided: 0, totalFen: 0 });
const finish = (a: Acc): Aggregate => ({ ...a, coverage: a.enterprises === 0 ? 0 : a.qualifying / a.enterprises });

function runSide(
  compiled: CompiledRuleSet,
  table: FactTable,
  reported: ReadonlySet<string>,
  keys: readonly ((i: number) => string)[],
): SimulationSide {
  const idx = compiled.rules.map((r, k) => (reported.has(r.id) ? k : -1)).filter((k) => k >= 0);
  const costBearing = compiled.rules.map((r) => r.benefit.kind === 'money' && r.kind !== 'cap' && r.kind !== 'defer');
  const perRule = idx.map(() => ({ eligible: 0, unknown: 0, amountUnknown: 0, capped: 0, totalFen: 0 }));
  const total = newAcc();
  const groups = keys.map(() => new Map<string, Acc>());
  const row: RowResult = compiled.newRowResult();
  for (let i = 0; i < table.length; i++) {
    compiled.evaluateRow(i, row);
    let anyEligible = false;
    let anyUnknown = false;
    let cost = 0;
    for (let q = 0; q < idx.length; q++) {
      const k = idx[q] as number;
      const s = row.status[k] as number;
      const agg = perRule[q] as (typeof perRule)[number];
      if (s === 1) {
        anyEligible = true;
        agg.eligible++;
        if (row.capped[k] === 1) agg.capped++;
        const pay = row.payable[k] as number;
        if (compiled.kinds[k] === 'money') {
          if (pay !== pay) agg.amountUnknown++;
          else {
            agg.totalFen += pay;
            if (costBearing[k]) cost += pay;
          }
        }
      } else if (s < 0) {
        anyUnknown = true;
        agg.unknown++;
      }
    }
    const accs = [
      total,
      ...groups.map((g, d) => {
        const key = (keys[d] as (i: number) => string)(i);
        let a = g.get(key);
        if (!a) {
          a = newAcc();
          g.set(key, a);
        }
        return a;
      }),
    ];
    for (const a of accs) {
      a.enterprises++;
      if (anyEligible) a.qualifying++;
      else if (anyUnknown) a.undecided++;
      a.totalFen += cost;
    }
  }
  const toRecord = (g: Map<string, Acc>) =>
    Object.fromEntries([...g.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, finish(v)]));
  return {
    perRule: idx.map((k, q) => {
      const r = compiled.rules[k] as Rule;
      return {
        ruleId: r.id,
        title: r.title,
        costBearing: costBearing[k] as boolean,
        ...(perRule[q] as (typeof perRule)[number]),
      };
    }),
    total: finish(total),
    byRegion: toRecord(groups[0] as Map<string, Acc>),
    byIndustry: toRecord(groups[1] as Map<string, Acc>),
    bySize: toRecord(groups[2] as Map<string, Acc>),
  };
}

/**
 * Simulate the baseline rules (and a reform, if given) over the registry as of a date. Regions are county codes
 * (`countyCode`, else the first six digits of `regionCode`), industries GB/T 4754 门类, sizes the 300号 classes.
 */
export function simulate(input: SimulationInput): SimulationReport {
  const { table, asOf } = input;
  const reform = input.reform ? applyReform(input.rules, input.reform) : null;
  const touched = input.reform
    ? [
        ...(input.reform.parameters ?? []).map((o) => o.ruleId),
        ...(input.reform.replaceRules ?? []).map((r) => r.id),
        ...(input.reform.addRules ?? []).map((r) => r.id),
        ...(input.reform.removeRuleIds ?? []),
      ]
    : [];
  const reportedIds =
    input.ruleIds ??
    (touched.length > 0
      ? [...new Set(touched)]
      : input.rules.filter((r) => r.target === 'enterprise').map((r) => r.id));
  const reported = new Set(reportedIds);
  const keys = [
    groupReader(table, ['countyCode', 'regionCode'], (v) => (v ? v.slice(0, 6) : '未知')),
    groupReader(table, ['industryCode'], (v) => industrySection(v)),
    groupReader(table, ['sizeClass'], (v) => (v ? (SIZE_LABEL[v] ?? v) : '未划型')),
  ];
  const baseline = runSide(compileRules(input.rules, table, { asOf }), table, reported, keys);
  if (!reform) {
    return {
      asOf,
      reform: null,
      rows: table.length,
      reportedRuleIds: reportedIds,
      baseline,
      reformed: null,
      delta: null,
      errors: [],
    };
  }
  if (reform.errors.length > 0) {
    return {
      asOf,
      reform: input.reform?.label ?? null,
      rows: table.length,
      reportedRuleIds: reportedIds,
      baseline,
      reformed: null,
      delta: null,
      errors: reform.errors,
    };
  }
  const reformed = runSide(compileRules(reform.rules, table, { asOf }), table, reported, keys);
  return {
    asOf,
    reform: input.reform?.label ?? null,
    rows: table.length,
    reportedRuleIds: reportedIds,
    baseline,
    reformed,
    delta: {
      qualifying: reformed.total.qualifying - baseline.total.qualifying,
      totalFen: reformed.total.totalFen - baseline.total.totalFen,
    },
    errors: [],
  };
}
