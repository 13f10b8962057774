import { describe, expect, it } from 'vitest';
import { ruleById } from './catalogue/index.ts';
import { checkRuleCitations, parseSourceRef, valueRenderings } from './citations.ts';
import type { Rule } from './types.ts';

describe('valueRenderings', () => {
  it('money in yuan, 万 and 亿', () => {
    expect(valueRenderings(100_000, '分')).toEqual(['1000元']);
    expect(valueRenderings(100_000_000, '分')).toEqual(['1000000元', '100万']);
    expect(valueRenderings(10_000_000_000, '分')).toEqual(['100000000元', '10000万', '1亿', '亿元']);
  });

  it('percentages including 减半 and 全额/免收', () => {
    expect(valueRenderings(50, '%')).toEqual(['50%', '50％', '减半', '一半']);
    expect(valueRenderings(100, '%')).toContain('免收');
    expect(valueRenderings(0.5, '%')).toEqual(['0.5%', '0.5％']);
  });

  it('durations with Chinese numerals, dates, basis points and ratios', () => {
    expect(valueRenderings(3, '月')).toEqual(['3个月', '三个月']);
    expect(valueRenderings(1, '年')).toEqual(['1年', '一年']);
    expect(valueRenderings(60, '天')).toEqual(['60天', '60日']);
    expect(valueRenderings('2020-02-24', '日期')).toEqual(['2020年2月24日', '2月24日']);
    expect(valueRenderings('2020-12-31', '日期')).toContain('2020年');
    expect(valueRenderings(100, 'bp')).toContain('100个基点');
    expect(valueRenderings(1, '份')).toContain('1:');
  });
});

describe('checkRuleCitations', () => {
  const rule = ruleById('nc-projects-37-2020.guarantee-fee-subsidy') as Rule;
  const text = '按照发生额的0.5%给予企业保费补贴，每户企业最高不超过15万元。';
  const lineText = (ref: string) => (ref.endsWith(':L633') ? text : ref.endsWith(':L1') ? '' : null);

  it('passes when the line holds each quote and each quote states its value', () => {
    expect(checkRuleCitations(rule, lineText)).toEqual([]);
  });

  it('fails when a quote is not on the line', () => {
    const problems = checkRuleCitations(rule, (ref) => (ref.endsWith(':L633') ? '每户企业最高不超过15万元' : null));
    expect(problems.map((p) => p.message)).toContain(
      '003_18fd0961877c4a42.txt:L633 中没有引语「按照发生额的0.5%给予企业保费补贴」',
    );
  });

  it('fails when the quote does not state the value', () => {
    const wrong: Rule = {
      ...rule,
      parameters: {
        ...rule.parameters,
        limit: {
          ...(rule.parameters.limit as Rule['parameters'][string]),
          values: [
            {
              ...(rule.parameters.limit?.values[0] as Rule['parameters'][string]['values'][number]),
              value: 20_000_000,
            },
          ],
        },
      },
    };
    const problems = checkRuleCitations(wrong, lineText);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toContain('没有写出取值 20000000');
  });

  it('fails on missing files, missing lines and blank lines', () => {
    expect(checkRuleCitations({ ...rule, source: 'nofile.txt:L3' }, lineText)[0]?.message).toBe('nofile.txt:L3 不存在');
    expect(checkRuleCitations({ ...rule, source: '003_18fd0961877c4a42.txt:L1' }, lineText)[0]?.message).toContain(
      '是空行',
    );
  });

  it('parses source references', () => {
    expect(parseSourceRef('003_18fd0961877c4a42.txt:L581')).toEqual({ file: '003_18fd0961877c4a42.txt', line: 581 });
    expect(parseSourceRef('L581')).toBe(null);
  });
});
