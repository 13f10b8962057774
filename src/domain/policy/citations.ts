/**
 * Checks that a rule's numbers really are in its sources. Pure: the caller supplies the text of each cited line
 * (tests read the seed files; the domain never does I/O).
 *
 * For every parameter value the cited line must contain the quote, and the quote must state the value in one of
 * the ways Chinese policy texts write it (`1000元`, `100万元`, `50%`, `减半`, `免收`, `三个月`, `2月24日` …).
 */
import type { FundingSplit, ParameterUnit, Rule, SourceRef } from './types.ts';

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

function cn(n: number): string | null {
  return Number.isInteger(n) && n >= 0 && n < CN_DIGITS.length ? (CN_DIGITS[n] as string) : null;
}

function trimNumber(n: number): string {
  return String(Number(n.toFixed(6)));
}

/** Ways the text may state `value` in `unit`. */
export function valueRenderings(value: number | string, unit: ParameterUnit): string[] {
  if (unit === '日期') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(value));
    if (!m) return [];
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const out = [`${y}年${mo}月${d}日`, `${mo}月${d}日`];
    if ((mo === 1 && d === 1) || (mo === 12 && d === 31)) out.push(`${y}年`);
    return out;
  }
  const v = Number(value);
  const c = cn(v);
  switch (unit) {
    case '分': {
      const yuan = v / 100;
      const out = [`${trimNumber(yuan)}元`];
      if (yuan >= 10_000) out.push(`${trimNumber(yuan / 10_000)}万`);
      if (yuan >= 100_000_000) out.push(`${trimNumber(yuan / 100_000_000)}亿`);
      if (yuan === 100_000_000) out.push('亿元');
      return out;
    }
    case '%': {
      const out = [`${trimNumber(v)}%`, `${trimNumber(v)}％`];
      if (v === 50) out.push('减半', '一半');
      if (v === 100) out.push('全额', '免收', '免征', '免除', '全部');
      return out;
    }
    case 'bp':
      return [`${v}个基点`, `${v}bp`, `${v}BP`];
    case '月':
      return [`${v}个月`, ...(c ? [`${c}个月`] : [])];
    case '年':
      return [`${v}年`, ...(c ? [`${c}年`] : [])];
    case '天':
      return [`${v}天`, `${v}日`, ...(c ? [`${c}天`] : [])];
    case '人':
      return [`${v}人`];
    case '次':
      return [`${v}次`];
    case '份':
      return [`${v}:`, `:${v}`, `${v}：`, `：${v}`];
    case '平方米':
      return [`${v}平方米`];
  }
}

export interface CitationProblem {
  readonly ruleId: string;
  readonly where: string;
  readonly message: string;
}

/** Parse `seed-file:Lnnn`. */
export function parseSourceRef(ref: SourceRef): { file: string; line: number } | null {
  const m = /^(.+\.txt):L(\d+)$/.exec(ref);
  return m ? { file: m[1] as string, line: Number(m[2]) } : null;
}

/**
 * Check one rule against the text of its cited lines. `lineText(ref)` returns the line's text, or `null` when
 * the file or line does not exist.
 */
export function checkRuleCitations(rule: Rule, lineText: (ref: SourceRef) => string | null): CitationProblem[] {
  const problems: CitationProblem[] = [];
  const fail = (where: string, message: string) => problems.push({ ruleId: rule.id, where, message });
  const nonEmpty = (ref: SourceRef, where: string): string | null => {
    const t = lineText(ref);
    if (t === null) fail(where, `${ref} 不存在`);
    else if (t.trim() === '') fail(where, `${ref} 是空行`);
    return t;
  };
  nonEmpty(rule.source, '出处');
  for (const s of rule.alsoSources ?? []) nonEmpty(s, '补充出处');
  for (const [name, param] of Object.entries(rule.parameters)) {
    for (const v of param.values) {
      const where = `参数 ${name}（${param.label}）自 ${v.from}`;
      const text = nonEmpty(v.source, where);
      if (text === null) continue;
      if (!text.includes(v.quote)) {
        fail(where, `${v.source} 中没有引语「${v.quote}」`);
        continue;
      }
      const renderings = valueRenderings(v.value, param.unit);
      if (!renderings.some((r) => v.quote.includes(r))) {
        fail(where, `引语「${v.quote}」没有写出取值 ${String(v.value)}（可接受的写法：${renderings.join('、')}）`);
      }
    }
  }
  for (const c of rule.caps) nonEmpty(c.source, `上限「${c.label}」`);
  if (rule.funding) checkFunding(rule.funding, nonEmpty, fail);
  return problems;
}

function checkFunding(
  f: FundingSplit,
  nonEmpty: (ref: SourceRef, where: string) => string | null,
  fail: (where: string, message: string) => void,
): void {
  const text = nonEmpty(f.source, '资金分担');
  if (text === null || f.shares.length < 2) return;
  const weights = f.shares.map((s) => s.weight);
  const ratio = weights.join(':');
  const asPercents = weights.every((w) => text.includes(`${w}%`) || text.includes(`${w}％`));
  if (!text.includes(ratio) && !asPercents) fail('资金分担', `${f.source} 中没有分担比例 ${ratio}`);
}
