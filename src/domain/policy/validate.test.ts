import { describe, expect, it } from 'vitest';
import { ruleById } from './catalogue/index.ts';
import { eq, fact, isTrue, lit, money, oneOf, param, percent } from './dsl.ts';
import type { Rule } from './types.ts';
import { validateRule, validateRuleSet } from './validate.ts';

const base = ruleById('nc-projects-37-2020.guarantee-fee-subsidy') as Rule;

describe('validateRule', () => {
  it('accepts a catalogue rule', () => {
    expect(validateRule(base)).toEqual([]);
  });

  it('reports unknown facts and parameters, type errors and bad enum values in Chinese', () => {
    const bad: Rule = {
      ...base,
      conditions: {
        op: 'all',
        of: [
          isTrue('noSuchFact'),
          eq(fact('sizeClass'), lit('huge')),
          oneOf('employees', ['1']),
          { op: 'cmp', left: fact('uiInsured'), cmp: '<', right: lit(true) },
        ],
      },
      benefit: money('x', param('missingParam')),
    };
    expect(validateRule(bad)).toEqual([
      `规则 ${base.id}：引用了未发布的事实 noSuchFact`,
      `规则 ${base.id}：事实 sizeClass 没有取值 huge`,
      `规则 ${base.id}：in 条件只用于字符串或枚举事实：employees`,
      `规则 ${base.id}：boolean 只能比较相等或不等`,
      `规则 ${base.id}：引用了未定义的参数 missingParam`,
      `规则 ${base.id}：参数 rate 未被条件或公式使用`,
    ]);
  });

  it('checks benefit types, dates, sources and parameter dating', () => {
    const bad: Rule = {
      ...base,
      source: 'seed 003 line 633',
      effective: { from: '2020-02-26', to: '2020-01-01' },
      benefit: percent('x', fact('loanStartDate')),
      parameters: {
        ...base.parameters,
        late: { label: '晚', unit: '%', values: [{ from: '2021-01-01', value: 1, source: base.source, quote: 'q' }] },
      },
      caps: [...base.caps, { label: 'c', limit: param('late'), source: base.source }],
    };
    const errors = validateRule(bad);
    expect(errors).toContain(`规则 ${base.id}：出处格式应为 seed-file:Lnnn，实为 seed 003 line 633`);
    expect(errors).toContain(`规则 ${base.id}：生效截止日期无效或早于起始日期`);
    expect(errors).toContain(`规则 ${base.id}：参数 late 在规则生效之日没有取值`);
    expect(errors).toContain(`规则 ${base.id}：待遇公式类型应为 number，实为 date`);
    expect(errors).toContain(`规则 ${base.id}：参数 rate 未被条件或公式使用`);
  });

  it('rejects stacking on a date benefit and malformed funding', () => {
    const dateRule = ruleById('jx-growth-20-2020.si-makeup-deadline') as Rule;
    expect(validateRule({ ...dateRule, stackingGroup: 'g' })).toEqual([
      `规则 ${dateRule.id}：日期或资格类待遇不能参与就高比较`,
    ]);
    expect(
      validateRule({
        ...base,
        funding: {
          shares: [
            { level: 'city', weight: 0.5 },
            { level: 'city', weight: 1 },
          ],
          source: base.source,
        },
      }),
    ).toEqual([`规则 ${base.id}：资金分担份额应为正整数`, `规则 ${base.id}：资金分担层级重复`]);
  });
});

describe('validateRuleSet', () => {
  it('reports duplicate ids and inconsistent stacking groups', () => {
    const a = ruleById('jx-employment-2020.hiring-subsidy') as Rule;
    const b = ruleById('jx-growth-20-2020.tax-payment-deferral') as Rule;
    expect(validateRuleSet([a, a, { ...b, stackingGroup: a.stackingGroup as string }])).toEqual([
      `规则 id 重复：${a.id}`,
      `就高组 ${a.stackingGroup} 内待遇类型不一致`,
    ]);
  });
});
