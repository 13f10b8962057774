/**
 * Compile a rule set to closures over a columnar {@link FactTable}, for batch runs (免申即享 batches, simulation over
 * the registry, the benchmark). Same decisions, amounts, caps and 就高 choices as the interpreter (`evaluate.ts`);
 * no traces and no missing-fact lists (run the interpreter on a row for those).
 *
 * Encoding inside compiled code: truth values are 1 / 0 / -1 (unknown); numbers are plain numbers with NaN for
 * "missing"; dates are day numbers; strings and enums are dictionary codes.
 */
import { addMonthsDays, isIsoDate, isoToDays } from './dates.ts';
import { FACT_BY_NAME } from './facts.ts';
import type { Column, FactTable } from './columns.ts';
import { jurisdictionRank, matchJurisdiction, resolveParameters, roundHalfUp, rulesInForce } from './evaluate.ts';
import type { BenefitKind, Condition, Expr, IsoDate, Rule } from './types.ts';

type NumFn = (i: number) => number;
type TriFn = (i: number) => number;

/** Per-row results for every compiled rule (buffers reused from row to row). */
export interface RowResult {
  /** 1 eligible, 0 not eligible, -1 unknown. */
  readonly status: Int8Array;
  /** Benefit value: fen for money (0 when not eligible), percent, months, days, or a day number for dates; NaN unknown. */
  readonly value: Float64Array;
  /** 1 when a cap applied. */
  readonly capped: Uint8Array;
  /** Money payable after 就高、不重复 (NaN when unknown or not a money rule). */
  readonly payable: Float64Array;
}

export interface BatchResult {
  readonly ruleIds: readonly string[];
  readonly length: number;
  /** Per rule, per row. */
  readonly status: readonly Int8Array[];
  readonly value: readonly Float64Array[];
  readonly capped: readonly Uint8Array[];
  readonly payable: readonly Float64Array[];
}

export interface CompiledRuleSet {
  readonly asOf: IsoDate;
  /** The rules compiled: those in force on `asOf`, in catalogue order. */
  readonly rules: readonly Rule[];
  readonly kinds: readonly BenefitKind[];
  newRowResult(): RowResult;
  /** Evaluate every rule on row `i` into `out`, then apply 就高、不重复. */
  evaluateRow(i: number, out: RowResult): void;
  /** Evaluate one rule (by index in `rules`) on row `i`; returns the status and writes value/capped into `out`. */
  evaluateRule(ruleIndex: number, i: number, out: RowResult): number;
  /** Evaluate all rows (memory: rules × rows × 18 bytes). */
  run(): BatchResult;
}

class CompileError extends Error {}

type ExprType = 'number' | 'date' | 'string' | 'boolean';

interface Env {
  readonly table: FactTable;
  readonly rule: Rule;
  readonly params: Readonly<Record<string, number | string>>;
}

const missingNum: NumFn = () => NaN;
const unknownTri: TriFn = () => -1;

function column(env: Env, name: string): Column | undefined {
  return env.table.columns[name];
}

/** Static type of an expression. */
function typeOf(e: Expr, env: Env): ExprType {
  switch (e.op) {
    case 'const':
      return typeof e.value === 'boolean'
        ? 'boolean'
        : typeof e.value === 'number'
          ? 'number'
          : isIsoDate(e.value)
            ? 'date'
            : 'string';
    case 'param': {
      const p = env.rule.parameters[e.name];
      if (p?.unit === '日期') return 'date';
      return typeof env.params[e.name] === 'string' ? 'string' : 'number';
    }
    case 'fact': {
      const def = FACT_BY_NAME.get(e.name);
      if (!def) throw new CompileError(`未知事实 ${e.name}`);
      if (def.type === 'date') return 'date';
      if (def.type === 'boolean') return 'boolean';
      if (def.type === 'string' || def.type === 'enum') return 'string';
      return 'number';
    }
    case 'addMonths':
    case 'addDays':
      return 'date';
    case 'if':
      return typeOf(e.then, env);
    default:
      return 'number';
  }
}

function compileExpr(e: Expr, env: Env): NumFn {
  switch (e.op) {
    case 'const': {
      const v = e.value;
      const n = typeof v === 'boolean' ? (v ? 1 : 0) : typeof v === 'number' ? v : isIsoDate(v) ? isoToDays(v) : NaN;
      if (typeof v === 'string' && !isIsoDate(v)) throw new CompileError(`字符串常量 ${v} 只能用于比较`);
      return () => n;
    }
    case 'param': {
      const v = env.params[e.name];
      if (v === undefined) throw new CompileError(`未定义参数 ${e.name}`);
      const n = typeof v === 'number' ? v : isIsoDate(v) ? isoToDays(v) : NaN;
      if (typeof v === 'string' && !isIsoDate(v)) throw new CompileError(`字符串参数 ${e.name} 只能用于比较`);
      return () => n;
    }
    case 'fact': {
      const col = column(env, e.name);
      if (!col) return missingNum;
      if (col.kind === 'number') {
        const d = col.data;
        return (i) => d[i] as number;
      }
      if (col.kind === 'bool') {
        const d = col.data;
        return (i) => {
          const v = d[i] as number;
          return v < 0 ? NaN : v;
        };
      }
      throw new CompileError(`字符串事实 ${e.name} 只能用于比较`);
    }
    case 'add':
    case 'mul': {
      const fs = e.args.map((a) => compileExpr(a, env));
      const isAdd = e.op === 'add';
      if (fs.length === 2) {
        const [a, b] = fs as [NumFn, NumFn];
        return isAdd ? (i) => a(i) + b(i) : (i) => a(i) * b(i);
      }
      return (i) => {
        let acc = (fs[0] as NumFn)(i);
        for (let k = 1; k < fs.length; k++) acc = isAdd ? acc + (fs[k] as NumFn)(i) : acc * (fs[k] as NumFn)(i);
        return acc;
      };
    }
    case 'min':
    case 'max': {
      const fs = e.args.map((a) => compileExpr(a, env));
      const isMin = e.op === 'min';
      return (i) => {
        let acc = (fs[0] as NumFn)(i);
        if (acc !== acc) return NaN;
        for (let k = 1; k < fs.length; k++) {
          const x = (fs[k] as NumFn)(i);
          if (x !== x) return NaN;
          if (isMin ? x < acc : x > acc) acc = x;
        }
        return acc;
      };
    }
    case 'sub': {
      const a = compileExpr(e.a, env);
      const b = compileExpr(e.b, env);
      return (i) => a(i) - b(i);
    }
    case 'div': {
      const a = compileExpr(e.a, env);
      const b = compileExpr(e.b, env);
      return (i) => {
        const x = a(i);
        const y = b(i);
        return y === 0 ? NaN : x / y;
      };
    }
    case 'pct': {
      const a = compileExpr(e.base, env);
      const b = compileExpr(e.rate, env);
      return (i) => (a(i) * b(i)) / 100;
    }
    case 'perUnit': {
      const a = compileExpr(e.amount, env);
      const b = compileExpr(e.count, env);
      return (i) => a(i) * b(i);
    }
    case 'above': {
      const a = compileExpr(e.base, env);
      const b = compileExpr(e.threshold, env);
      return (i) => Math.max(0, a(i) - b(i));
    }
    case 'round': {
      const a = compileExpr(e.arg, env);
      return (i) => roundHalfUp(a(i));
    }
    case 'if': {
      const c = compileCond(e.cond, env);
      const t = compileExpr(e.then, env);
      const f = compileExpr(e.else, env);
      return (i) => {
        const r = c(i);
        return r === 1 ? t(i) : r === 0 ? f(i) : NaN;
      };
    }
    case 'addMonths': {
      const d = compileExpr(e.date, env);
      const m = compileExpr(e.months, env);
      return (i) => addMonthsDays(d(i), m(i));
    }
    case 'addDays': {
      const d = compileExpr(e.date, env);
      const n = compileExpr(e.days, env);
      return (i) => d(i) + Math.trunc(n(i));
    }
  }
}

/** A string-typed operand: a code column or a constant string. */
type StrOperand =
  { kind: 'col'; col: Extract<Column, { kind: 'code' }> } | { kind: 'const'; value: string } | { kind: 'absent' };

function strOperand(e: Expr, env: Env): StrOperand {
  if (e.op === 'fact') {
    const col = column(env, e.name);
    if (!col) return { kind: 'absent' };
    if (col.kind !== 'code') throw new CompileError(`事实 ${e.name} 不是字符串列`);
    return { kind: 'col', col };
  }
  if (e.op === 'const' && typeof e.value === 'string') return { kind: 'const', value: e.value };
  if (e.op === 'param' && typeof env.params[e.name] === 'string')
    return { kind: 'const', value: env.params[e.name] as string };
  throw new CompileError('字符串比较只支持事实与常量');
}

function compileStringCmp(c: Extract<Condition, { op: 'cmp' }>, env: Env): TriFn {
  if (c.cmp !== '==' && c.cmp !== '!=') throw new CompileError('字符串只支持 = 与 ≠ 比较');
  const want = c.cmp === '==' ? 1 : 0;
  const other = want === 1 ? 0 : 1;
  const l = strOperand(c.left, env);
  const r = strOperand(c.right, env);
  if (l.kind === 'absent' || r.kind === 'absent') return unknownTri;
  if (l.kind === 'const' && r.kind === 'const') {
    const v = (l.value === r.value) === (want === 1) ? 1 : 0;
    return () => v;
  }
  if (l.kind === 'col' && r.kind === 'col') {
    const a = l.col;
    const b = r.col;
    return (i) => {
      const x = a.data[i] as number;
      const y = b.data[i] as number;
      if (x < 0 || y < 0) return -1;
      return a.dictionary[x] === b.dictionary[y] ? want : other;
    };
  }
  const colOp = (l.kind === 'col' ? l : r) as { kind: 'col'; col: Extract<Column, { kind: 'code' }> };
  const constOp = (l.kind === 'const' ? l : r) as { kind: 'const'; value: string };
  const d = colOp.col.data;
  const code = colOp.col.dictionary.indexOf(constOp.value);
  return (i) => {
    const x = d[i] as number;
    if (x < 0) return -1;
    return x === code ? want : other;
  };
}

function compileCond(c: Condition, env: Env): TriFn {
  switch (c.op) {
    case 'all':
    case 'any': {
      const fs = c.of.map((x) => compileCond(x, env));
      const decisive = c.op === 'all' ? 0 : 1;
      const otherwise = 1 - decisive;
      if (fs.length === 2) {
        const [a, b] = fs as [TriFn, TriFn];
        return (i) => {
          const x = a(i);
          if (x === decisive) return decisive;
          const y = b(i);
          if (y === decisive) return decisive;
          return x < 0 || y < 0 ? -1 : otherwise;
        };
      }
      return (i) => {
        let unknown = false;
        for (let k = 0; k < fs.length; k++) {
          const r = (fs[k] as TriFn)(i);
          if (r === decisive) return decisive;
          if (r < 0) unknown = true;
        }
        return unknown ? -1 : otherwise;
      };
    }
    case 'not': {
      const f = compileCond(c.of, env);
      return (i) => {
        const r = f(i);
        return r < 0 ? -1 : 1 - r;
      };
    }
    case 'cmp': {
      const lt = typeOf(c.left, env);
      const rt = typeOf(c.right, env);
      if (lt === 'string' || rt === 'string') return compileStringCmp(c, env);
      const a = compileExpr(c.left, env);
      const b = compileExpr(c.right, env);
      switch (c.cmp) {
        case '==':
          return (i) => {
            const x = a(i);
            const y = b(i);
            return x !== x || y !== y ? -1 : x === y ? 1 : 0;
          };
        case '!=':
          return (i) => {
            const x = a(i);
            const y = b(i);
            return x !== x || y !== y ? -1 : x !== y ? 1 : 0;
          };
        case '<':
          return (i) => {
            const x = a(i);
            const y = b(i);
            return x !== x || y !== y ? -1 : x < y ? 1 : 0;
          };
        case '<=':
          return (i) => {
            const x = a(i);
            const y = b(i);
            return x !== x || y !== y ? -1 : x <= y ? 1 : 0;
          };
        case '>':
          return (i) => {
            const x = a(i);
            const y = b(i);
            return x !== x || y !== y ? -1 : x > y ? 1 : 0;
          };
        case '>=':
          return (i) => {
            const x = a(i);
            const y = b(i);
            return x !== x || y !== y ? -1 : x >= y ? 1 : 0;
          };
      }
      break;
    }
    case 'in': {
      const col = column(env, c.fact);
      if (!col) return unknownTri;
      if (col.kind !== 'code') throw new CompileError(`事实 ${c.fact} 不是字符串列`);
      const look = new Int8Array(col.dictionary.length);
      col.dictionary.forEach((v, k) => {
        look[k] = c.values.includes(v) ? 1 : 0;
      });
      const d = col.data;
      return (i) => {
        const x = d[i] as number;
        return x < 0 ? -1 : (look[x] as number);
      };
    }
    case 'between': {
      const v = compileExpr(c.value, env);
      const lo = compileExpr(c.min, env);
      const hi = compileExpr(c.max, env);
      return (i) => {
        const x = v(i);
        const a = lo(i);
        const b = hi(i);
        return x !== x || a !== a || b !== b ? -1 : a <= x && x <= b ? 1 : 0;
      };
    }
    case 'present': {
      const col = column(env, c.fact);
      if (!col) return () => 0;
      if (col.kind === 'number') {
        const d = col.data;
        return (i) => ((d[i] as number) !== (d[i] as number) ? 0 : 1);
      }
      const d = col.data;
      return (i) => ((d[i] as number) < 0 ? 0 : 1);
    }
  }
  throw new CompileError('未知条件');
}

function compileJurisdiction(rule: Rule, table: FactTable): TriFn {
  const j = rule.jurisdiction;
  if (j.level === 'central' && !j.excludeCodes?.length) return () => 1;
  const name = j.level === 'zone' ? 'zoneCode' : 'regionCode';
  const col = table.columns[name];
  if (!col) return unknownTri;
  if (col.kind !== 'code') throw new CompileError(`${name} 应为字符串列`);
  const d = col.data;
  const dict = col.dictionary;
  const cache = new Int8Array(dict.length);
  for (let k = 0; k < dict.length; k++) {
    const v = dict[k] as string;
    const r = j.level === 'zone' ? matchJurisdiction(j, null, v) : matchJurisdiction(j, v, null);
    cache[k] = r === true ? 1 : 0;
  }
  return (i) => {
    const x = d[i] as number;
    return x < 0 ? -1 : (cache[x] as number);
  };
}

interface Compiled {
  readonly jur: TriFn;
  readonly cond: TriFn;
  readonly formula: NumFn | null;
  readonly caps: readonly NumFn[];
  readonly money: boolean;
}

/**
 * Compile the rules in force on `asOf` against a fact table. Columns absent from the table are treated as missing
 * for every row. Dictionaries are read at compile time: build the table first, then compile.
 */
export function compileRules(rules: readonly Rule[], table: FactTable, options: { asOf: IsoDate }): CompiledRuleSet {
  const selected = rulesInForce(rules, options.asOf);
  const compiled: Compiled[] = selected.map((rule) => {
    const env: Env = { table, rule, params: resolveParameters(rule, options.asOf) };
    try {
      const b = rule.benefit;
      return {
        jur: compileJurisdiction(rule, table),
        cond: compileCond(rule.conditions, env),
        formula: b.kind === 'eligibility' ? null : compileExpr(b.formula, env),
        caps: b.kind === 'date' || b.kind === 'eligibility' ? [] : rule.caps.map((c) => compileExpr(c.limit, env)),
        money: b.kind === 'money',
      };
    } catch (err) {
      if (err instanceof CompileError) throw new Error(`规则 ${rule.id} 无法编译：${err.message}`);
      throw err;
    }
  });
  const kinds = selected.map((r) => r.benefit.kind);
  const n = compiled.length;

  // Stacking groups: member indexes (catalogue order) and jurisdiction ranks.
  const groupIndex = new Map<string, number[]>();
  selected.forEach((r, k) => {
    if (!r.stackingGroup) return;
    const list = groupIndex.get(r.stackingGroup) ?? [];
    list.push(k);
    groupIndex.set(r.stackingGroup, list);
  });
  const groups = [...groupIndex.values()].map((members) => ({
    members: Int32Array.from(members),
    ranks: Int32Array.from(members.map((k) => jurisdictionRank((selected[k] as Rule).jurisdiction))),
  }));

  const evaluateRule = (k: number, i: number, out: RowResult): number => {
    const c = compiled[k] as Compiled;
    const jr = c.jur(i);
    let s: number;
    if (jr === 0) s = 0;
    else {
      const cr = c.cond(i);
      s = cr === 0 ? 0 : jr < 0 || cr < 0 ? -1 : 1;
    }
    out.status[k] = s;
    out.capped[k] = 0;
    if (s === 0) {
      out.value[k] = c.money ? 0 : NaN;
      return 0;
    }
    if (s < 0 || c.formula === null) {
      out.value[k] = NaN;
      return s;
    }
    let v = c.formula(i);
    if (c.money && v === v) v = Math.max(0, roundHalfUp(v));
    if (v === v) {
      for (let q = 0; q < c.caps.length; q++) {
        const lim = (c.caps[q] as NumFn)(i);
        if (lim !== lim) {
          v = NaN;
          out.capped[k] = 0;
          break;
        }
        if (v > lim) {
          v = lim;
          out.capped[k] = 1;
        }
      }
    }
    out.value[k] = v;
    return s;
  };

  const evaluateRow = (i: number, out: RowResult): void => {
    for (let k = 0; k < n; k++) {
      evaluateRule(k, i, out);
      out.payable[k] = (compiled[k] as Compiled).money ? (out.value[k] as number) : NaN;
    }
    for (let g = 0; g < groups.length; g++) {
      const { members, ranks } = groups[g] as (typeof groups)[number];
      let best = -1;
      let bestAmount = 0;
      let bestRank = 0;
      for (let m = 0; m < members.length; m++) {
        const k = members[m] as number;
        if (out.status[k] !== 1) continue;
        const a = out.value[k] as number;
        if (a !== a) continue;
        const rank = ranks[m] as number;
        if (best < 0 || a > bestAmount || (a === bestAmount && rank > bestRank)) {
          best = k;
          bestAmount = a;
          bestRank = rank;
        }
      }
      if (best < 0) continue;
      for (let m = 0; m < members.length; m++) {
        const k = members[m] as number;
        if (k === best || out.status[k] !== 1 || !(compiled[k] as Compiled).money) continue;
        const a = out.value[k] as number;
        out.payable[k] = a !== a ? NaN : 0;
      }
    }
  };

  const newRowResult = (): RowResult => ({
    status: new Int8Array(n),
    value: new Float64Array(n),
    capped: new Uint8Array(n),
    payable: new Float64Array(n),
  });

  const run = (): BatchResult => {
    const len = table.length;
    const status = selected.map(() => new Int8Array(len));
    const value = selected.map(() => new Float64Array(len));
    const capped = selected.map(() => new Uint8Array(len));
    const payable = selected.map(() => new Float64Array(len));
    const row = newRowResult();
    for (let i = 0; i < len; i++) {
      evaluateRow(i, row);
      for (let k = 0; k < n; k++) {
        (status[k] as Int8Array)[i] = row.status[k] as number;
        (value[k] as Float64Array)[i] = row.value[k] as number;
        (capped[k] as Uint8Array)[i] = row.capped[k] as number;
        (payable[k] as Float64Array)[i] = row.payable[k] as number;
      }
    }
    return { ruleIds: selected.map((r) => r.id), length: len, status, value, capped, payable };
  };

  return { asOf: options.asOf, rules: selected, kinds, newRowResult, evaluateRow, evaluateRule, run };
}
