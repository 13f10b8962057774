/**
 * Static checks of rules (used for the catalogue in tests, and for draft rules a department edits before a
 * simulation or publication). Messages are Chinese and name the rule and the part at fault.
 */
import { isIsoDate } from './dates.ts';
import { FACT_BY_NAME } from './facts.ts';
import type { Condition, Expr, Rule } from './types.ts';

const SOURCE_RE = /^\d{3}_[0-9a-f]{16}\.txt:L\d+$/;

type T = 'number' | 'date' | 'string' | 'boolean' | 'error';

export function isSourceRef(s: string): boolean {
  return SOURCE_RE.test(s);
}

/** Problems with one rule (empty when valid). */
export function validateRule(rule: Rule): string[] {
  const errors: string[] = [];
  const at = (msg: string) => errors.push(`规则 ${rule.id}：${msg}`);
  const usedParams = new Set<string>();

  if (!rule.id.startsWith(`${rule.policyId}.`)) at('id 应以所属政策 id 开头');
  if (!rule.title) at('缺少标题');
  if (!isSourceRef(rule.source)) at(`出处格式应为 seed-file:Lnnn，实为 ${rule.source}`);
  for (const s of rule.alsoSources ?? []) if (!isSourceRef(s)) at(`补充出处格式错误：${s}`);
  if (!isIsoDate(rule.effective.from)) at('生效起始日期无效');
  if (rule.effective.to !== null && (!isIsoDate(rule.effective.to) || rule.effective.to < rule.effective.from)) {
    at('生效截止日期无效或早于起始日期');
  }
  const j = rule.jurisdiction;
  if (j.level !== 'zone' && !/^\d{6}$/.test(j.code)) at(`适用地区代码应为6位行政区划代码：${j.code}`);

  for (const [name, p] of Object.entries(rule.parameters)) {
    if (p.values.length === 0) at(`参数 ${name} 没有取值`);
    let prev = '';
    for (const v of p.values) {
      if (!isIsoDate(v.from)) at(`参数 ${name} 的起始日期无效`);
      if (v.from <= prev) at(`参数 ${name} 的取值应按日期递增`);
      prev = v.from;
      if (!isSourceRef(v.source)) at(`参数 ${name} 的出处格式错误：${v.source}`);
      if (!v.quote) at(`参数 ${name} 缺少原文引语`);
      if (p.unit === '日期' ? !isIsoDate(v.value) : typeof v.value !== 'number' || !Number.isFinite(v.value)) {
        at(`参数 ${name} 的取值与单位 ${p.unit} 不符`);
      }
      if (p.unit === '分' && typeof v.value === 'number' && !Number.isInteger(v.value))
        at(`参数 ${name} 金额应为整数分`);
    }
    if (p.values[0] && p.values[0].from > rule.effective.from) at(`参数 ${name} 在规则生效之日没有取值`);
  }

  const typeOfExpr = (e: Expr): T => {
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
        usedParams.add(e.name);
        const p = rule.parameters[e.name];
        if (!p) {
          at(`引用了未定义的参数 ${e.name}`);
          return 'error';
        }
        return p.unit === '日期' ? 'date' : 'number';
      }
      case 'fact': {
        const def = FACT_BY_NAME.get(e.name);
        if (!def) {
          at(`引用了未发布的事实 ${e.name}`);
          return 'error';
        }
        if (def.type === 'date') return 'date';
        if (def.type === 'boolean') return 'boolean';
        if (def.type === 'string' || def.type === 'enum') return 'string';
        return 'number';
      }
      case 'add':
      case 'mul':
      case 'min':
      case 'max':
        if (e.args.length === 0) at(`${e.op} 至少需要一个参数`);
        for (const a of e.args) needNumber(a, e.op);
        return 'number';
      case 'sub':
      case 'div':
        needNumber(e.a, e.op);
        needNumber(e.b, e.op);
        return 'number';
      case 'pct':
        needNumber(e.base, e.op);
        needNumber(e.rate, e.op);
        return 'number';
      case 'perUnit':
        needNumber(e.amount, e.op);
        needNumber(e.count, e.op);
        return 'number';
      case 'above':
        needNumber(e.base, e.op);
        needNumber(e.threshold, e.op);
        return 'number';
      case 'round':
        needNumber(e.arg, e.op);
        return 'number';
      case 'if': {
        checkCond(e.cond);
        const a = typeOfExpr(e.then);
        const b = typeOfExpr(e.else);
        if (a !== b && a !== 'error' && b !== 'error') at('条件表达式两个分支类型不同');
        return a;
      }
      case 'addMonths':
      case 'addDays': {
        if (typeOfExpr(e.date) !== 'date') at(`${e.op} 的第一个参数应为日期`);
        needNumber(e.op === 'addMonths' ? e.months : e.days, e.op);
        return 'date';
      }
    }
  };
  const needNumber = (e: Expr, where: string) => {
    const t = typeOfExpr(e);
    if (t !== 'number' && t !== 'error') at(`${where} 的运算数应为数值，实为 ${t}`);
  };
  const checkCond = (c: Condition): void => {
    switch (c.op) {
      case 'all':
      case 'any':
        if (c.of.length === 0) at(`${c.op} 条件为空`);
        c.of.forEach(checkCond);
        return;
      case 'not':
        checkCond(c.of);
        return;
      case 'cmp': {
        const a = typeOfExpr(c.left);
        const b = typeOfExpr(c.right);
        if (a === 'error' || b === 'error') return;
        if (a !== b) at(`比较两边类型不同（${a} 与 ${b}）`);
        else if ((a === 'string' || a === 'boolean') && c.cmp !== '==' && c.cmp !== '!=') {
          at(`${a} 只能比较相等或不等`);
        }
        if (a === 'string' && b === 'string') {
          const factSide = c.left.op === 'fact' ? c.left : c.right.op === 'fact' ? c.right : null;
          const constSide = c.left.op === 'const' ? c.left : c.right.op === 'const' ? c.right : null;
          const def = factSide && factSide.op === 'fact' ? FACT_BY_NAME.get(factSide.name) : undefined;
          if (
            def?.type === 'enum' &&
            constSide?.op === 'const' &&
            !def.values?.some((v) => v.value === constSide.value)
          ) {
            at(`事实 ${def.name} 没有取值 ${String(constSide.value)}`);
          }
        }
        return;
      }
      case 'in': {
        const def = FACT_BY_NAME.get(c.fact);
        if (!def) at(`引用了未发布的事实 ${c.fact}`);
        else if (def.type !== 'enum' && def.type !== 'string') at(`in 条件只用于字符串或枚举事实：${c.fact}`);
        else if (def.type === 'enum') {
          for (const v of c.values) if (!def.values?.some((x) => x.value === v)) at(`事实 ${c.fact} 没有取值 ${v}`);
        }
        return;
      }
      case 'between': {
        const ts = [typeOfExpr(c.value), typeOfExpr(c.min), typeOfExpr(c.max)].filter((t) => t !== 'error');
        if (new Set(ts).size > 1) at('between 三个运算数类型应相同');
        if (ts.some((t) => t === 'string' || t === 'boolean')) at('between 只用于数值或日期');
        return;
      }
      case 'present':
        if (!FACT_BY_NAME.has(c.fact)) at(`引用了未发布的事实 ${c.fact}`);
        return;
    }
  };

  checkCond(rule.conditions);
  const b = rule.benefit;
  if (b.kind !== 'eligibility') {
    const t = typeOfExpr(b.formula);
    const want = b.kind === 'date' ? 'date' : 'number';
    if (t !== want && t !== 'error') at(`待遇公式类型应为 ${want}，实为 ${t}`);
  }
  for (const c of rule.caps) {
    if (!isSourceRef(c.source)) at(`上限「${c.label}」出处格式错误`);
    if (b.kind === 'date' || b.kind === 'eligibility') at('日期或资格类待遇不能设上限');
    needNumber(c.limit, '上限');
  }
  for (const name of Object.keys(rule.parameters)) {
    if (!usedParams.has(name) && !referencedInNote(rule, name)) at(`参数 ${name} 未被条件或公式使用`);
  }
  if (rule.stackingGroup && (b.kind === 'date' || b.kind === 'eligibility')) at('日期或资格类待遇不能参与就高比较');
  if (rule.funding) {
    const f = rule.funding;
    if (f.shares.length === 0) at('资金分担没有份额');
    if (f.shares.some((s) => !(s.weight > 0) || !Number.isInteger(s.weight))) at('资金分担份额应为正整数');
    if (new Set(f.shares.map((s) => s.level)).size !== f.shares.length) at('资金分担层级重复');
    if (!isSourceRef(f.source)) at('资金分担出处格式错误');
  }
  return errors;
}

/**
 * Informational parameters (numbers the clause states but the computation does not need, such as the 50% first
 * instalment) must be named in the rule's note as `{name}`.
 */
function referencedInNote(rule: Rule, name: string): boolean {
  return (rule.note ?? '').includes(`{${name}}`);
}

/** Problems with a rule set: each rule, unique ids, consistent stacking groups. */
export function validateRuleSet(rules: readonly Rule[]): string[] {
  const errors = rules.flatMap(validateRule);
  const seen = new Set<string>();
  for (const r of rules) {
    if (seen.has(r.id)) errors.push(`规则 id 重复：${r.id}`);
    seen.add(r.id);
  }
  const kinds = new Map<string, string>();
  for (const r of rules) {
    if (!r.stackingGroup) continue;
    const k = kinds.get(r.stackingGroup);
    if (k && k !== r.benefit.kind) errors.push(`就高组 ${r.stackingGroup} 内待遇类型不一致`);
    kinds.set(r.stackingGroup, r.benefit.kind);
  }
  return errors;
}
