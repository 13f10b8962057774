/**
 * Chinese renderings of formulas, conditions and values, for rule descriptions (`GET /api/policies`) and for the
 * traces a reviewer reads.
 */
import { FACT_BY_NAME, factLabel } from './facts.ts';
import type { Condition, Expr, FactValue, Parameter, ParameterUnit, Rule } from './types.ts';

/** `1234567` fen → `12,345.67元`. */
export function formatFen(fen: number): string {
  if (!Number.isFinite(fen)) return String(fen);
  const neg = fen < 0;
  const abs = Math.abs(Math.round(fen));
  const yuan = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  return `${neg ? '-' : ''}${yuan.toLocaleString('en-US')}.${cents}元`;
}

/** A parameter value with its unit, e.g. `50%`, `1,000.00元`, `3个月`, `2020-02-09`. */
export function formatParameterValue(value: number | string, unit: ParameterUnit): string {
  if (typeof value === 'string') return value;
  switch (unit) {
    case '分':
      return formatFen(value);
    case '%':
      return `${value}%`;
    case 'bp':
      return `${value}个基点`;
    case '月':
      return `${value}个月`;
    case '年':
      return `${value}年`;
    case '天':
      return `${value}天`;
    case '人':
      return `${value}人`;
    case '次':
      return `${value}次`;
    case '份':
      return `${value}份`;
    case '平方米':
      return `${value}平方米`;
    case '日期':
      return String(value);
  }
}

/** A fact value in words, e.g. `是`, `25人`, `1,000.00元`, `小型`. */
export function formatFactValue(name: string, value: FactValue | null): string {
  if (value === null) return '（缺失）';
  const def = FACT_BY_NAME.get(name);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (def?.type === 'enum') return def.values?.find((v) => v.value === value)?.label ?? String(value);
  if (typeof value === 'number') {
    if (def?.unit === '分') return formatFen(value);
    if (def?.unit === '%') return `${value}%`;
    return def?.unit ? `${value}${def.unit}` : String(value);
  }
  return value;
}

/** How facts and parameters are shown while rendering. */
export interface RenderEnv {
  fact(name: string): string;
  param(name: string): string;
}

/** Rendering for descriptions: facts by label, parameters by their value in force. */
export function describeEnv(rule: Rule, asOf?: string): RenderEnv {
  return {
    fact: (name) => factLabel(name),
    param: (name) => paramText(rule.parameters[name], name, asOf),
  };
}

export function paramText(p: Parameter | undefined, name: string, asOf?: string): string {
  if (!p) return `〔未定义参数 ${name}〕`;
  const v = asOf ? [...p.values].reverse().find((x) => x.from <= asOf) : p.values[p.values.length - 1];
  return v ? formatParameterValue(v.value, p.unit) : `〔${p.label}：无取值〕`;
}

function constText(value: number | string | boolean): string {
  if (typeof value === 'boolean') return value ? '是' : '否';
  return String(value);
}

const CMP_TEXT: Readonly<Record<string, string>> = { '<': '<', '<=': '≤', '>': '>', '>=': '≥', '==': '=', '!=': '≠' };

export function renderExpr(e: Expr, env: RenderEnv): string {
  switch (e.op) {
    case 'const':
      return constText(e.value);
    case 'param':
      return env.param(e.name);
    case 'fact':
      return env.fact(e.name);
    case 'add':
      return `(${e.args.map((a) => renderExpr(a, env)).join(' + ')})`;
    case 'sub':
      return `(${renderExpr(e.a, env)} − ${renderExpr(e.b, env)})`;
    case 'mul':
      return e.args.map((a) => renderExpr(a, env)).join(' × ');
    case 'div':
      return `${renderExpr(e.a, env)} ÷ ${renderExpr(e.b, env)}`;
    case 'min':
      return `取较小值(${e.args.map((a) => renderExpr(a, env)).join('，')})`;
    case 'max':
      return `取较大值(${e.args.map((a) => renderExpr(a, env)).join('，')})`;
    case 'pct':
      return `${renderExpr(e.base, env)} × ${renderRate(e.rate, env)}`;
    case 'perUnit':
      return `${renderExpr(e.amount, env)} × ${renderExpr(e.count, env)}`;
    case 'above':
      return `(${renderExpr(e.base, env)} − ${renderExpr(e.threshold, env)}，不足按0计)`;
    case 'round':
      return `四舍五入(${renderExpr(e.arg, env)})`;
    case 'if':
      return `(若${renderCondition(e.cond, env)}则 ${renderExpr(e.then, env)}，否则 ${renderExpr(e.else, env)})`;
    case 'addMonths':
      return `${renderExpr(e.date, env)}后${renderExpr(e.months, env)}个月`;
    case 'addDays':
      return `${renderExpr(e.date, env)}后${renderExpr(e.days, env)}天`;
  }
}

function renderRate(e: Expr, env: RenderEnv): string {
  const text = renderExpr(e, env);
  return /%$/.test(text) ? text : `${text}%`;
}

export function renderCondition(c: Condition, env: RenderEnv): string {
  switch (c.op) {
    case 'all':
      return c.of.map((x) => renderCondition(x, env)).join(' 且 ');
    case 'any':
      return `(${c.of.map((x) => renderCondition(x, env)).join(' 或 ')})`;
    case 'not':
      return `并非(${renderCondition(c.of, env)})`;
    case 'cmp':
      return `${renderExpr(c.left, env)} ${CMP_TEXT[c.cmp]} ${renderExpr(c.right, env)}`;
    case 'in': {
      const def = FACT_BY_NAME.get(c.fact);
      const labels = c.values.map((v) => def?.values?.find((x) => x.value === v)?.label ?? v);
      return `${env.fact(c.fact)} 属于 {${labels.join('、')}}`;
    }
    case 'between':
      return `${renderExpr(c.min, env)} ≤ ${renderExpr(c.value, env)} ≤ ${renderExpr(c.max, env)}`;
    case 'present':
      return `已提供${env.fact(c.fact)}`;
  }
}

/** A condition tree as indented lines with labels, for rule descriptions. */
export function describeCondition(c: Condition, env: RenderEnv, depth = 0): string[] {
  const pad = '  '.repeat(depth);
  const head = c.label ? `${c.label}：` : '';
  if (c.op === 'all' || c.op === 'any') {
    const lines = [`${pad}${head}${c.op === 'all' ? '同时满足' : '满足其一'}`];
    for (const x of c.of) lines.push(...describeCondition(x, env, depth + 1));
    return lines;
  }
  if (c.op === 'not') return [`${pad}${head}不满足`, ...describeCondition(c.of, env, depth + 1)];
  return [`${pad}${head}${renderCondition(c, env)}`];
}
