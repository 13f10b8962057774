import { describe, expect, it } from 'vitest';
import { ALL_RULES, ruleById } from './catalogue/index.ts';
import { buildFactTable } from './columns.ts';
import { fact, money, param, perUnit, s001 } from './dsl.ts';
import { applyReform, industrySection, simulate } from './simulate.ts';
import type { Facts, Rule } from './types.ts';

const HTZ_RULE = 'nc-htz-2020.recruitment-subsidy';

/** A tiny registry: three High-tech Zone firms, one Donghu firm, one Ganzhou firm. */
const REGISTRY: Facts[] = [
  {
    regionCode: '360111',
    countyCode: '360111',
    zoneCode: 'Z360101',
    industryCode: 'C3911',
    sizeClass: 'small',
    newHires: 100,
  },
  {
    regionCode: '360111',
    countyCode: '360111',
    zoneCode: 'Z360101',
    industryCode: 'C3911',
    sizeClass: 'large',
    newHires: 3_000,
  },
  { regionCode: '360111', countyCode: '360111', zoneCode: 'Z360101', industryCode: '6510', sizeClass: 'micro' },
  { regionCode: '360102', countyCode: '360102', zoneCode: '', industryCode: 'F5211', sizeClass: 'small', newHires: 10 },
  {
    regionCode: '360702',
    countyCode: '360702',
    zoneCode: '',
    industryCode: 'C1713',
    sizeClass: 'medium',
    newHires: 50,
  },
];

describe('simulate over the registry', () => {
  const table = buildFactTable(REGISTRY);

  it('baseline counts and cost for one rule, by region, industry and size', () => {
    const r = simulate({ table, rules: ALL_RULES, asOf: '2020-05-01', ruleIds: [HTZ_RULE] });
    expect(r.rows).toBe(5);
    const rule = r.baseline.perRule[0];
    expect(rule).toMatchObject({ ruleId: HTZ_RULE, eligible: 2, unknown: 1, amountUnknown: 0, capped: 1 });
    // 100 × ¥2,000 = ¥200,000, plus the ¥5,000,000 cap for the 3,000-hire firm.
    expect(rule?.totalFen).toBe(20_000_000 + 500_000_000);
    expect(r.baseline.total).toMatchObject({ enterprises: 5, qualifying: 2, undecided: 1, totalFen: 520_000_000 });
    expect(r.baseline.total.coverage).toBeCloseTo(0.4);
    expect(r.baseline.byRegion['360111']).toMatchObject({
      enterprises: 3,
      qualifying: 2,
      undecided: 1,
      totalFen: 520_000_000,
    });
    expect(r.baseline.byRegion['360702']).toMatchObject({ enterprises: 1, qualifying: 0, totalFen: 0 });
    expect(r.baseline.byIndustry.C).toMatchObject({ enterprises: 3, qualifying: 2 });
    expect(r.baseline.byIndustry.I).toMatchObject({ enterprises: 1, qualifying: 0, undecided: 1, totalFen: 0 });
    expect(r.baseline.bySize['大型']).toMatchObject({ enterprises: 1, totalFen: 500_000_000 });
    expect(r.reformed).toBe(null);
  });

  it('a parameter reform (¥3,000 per hire, cap ¥8,000,000) shows the change side by side', () => {
    const r = simulate({
      table,
      rules: ALL_RULES,
      asOf: '2020-05-01',
      reform: {
        label: '招聘补助提高到每人3000元、上限800万元',
        parameters: [
          { ruleId: HTZ_RULE, parameter: 'perHire', value: 300_000 },
          { ruleId: HTZ_RULE, parameter: 'limit', value: 800_000_000 },
        ],
      },
    });
    expect(r.errors).toEqual([]);
    expect(r.reportedRuleIds).toEqual([HTZ_RULE]);
    expect(r.reformed?.perRule[0]?.totalFen).toBe(30_000_000 + 800_000_000);
    expect(r.delta).toEqual({ qualifying: 0, totalFen: 830_000_000 - 520_000_000 });
  });

  it('a dated parameter change applies only from its date', () => {
    const reform = {
      label: '7月起每人3000元',
      parameters: [{ ruleId: HTZ_RULE, parameter: 'perHire', value: 300_000, from: '2020-07-01' }],
    };
    const before = simulate({ table, rules: ALL_RULES, asOf: '2020-06-30', reform });
    expect(before.delta?.totalFen).toBe(0);
    const after = simulate({ table, rules: ALL_RULES, asOf: '2020-07-01', reform });
    expect(after.delta?.totalFen).toBe(10_000_000);
  });

  it('a replaced draft rule (a wider condition) changes who qualifies', () => {
    const base = ruleById(HTZ_RULE) as Rule;
    const draft: Rule = {
      ...base,
      jurisdiction: { level: 'city', code: '360100', label: '南昌市' },
      parameters: { ...base.parameters, perHire: { ...(base.parameters.perHire as Rule['parameters'][string]) } },
    };
    const r = simulate({
      table,
      rules: ALL_RULES,
      asOf: '2020-05-01',
      reform: { label: '推广到全市', replaceRules: [draft] },
    });
    expect(r.errors).toEqual([]);
    expect(r.delta?.qualifying).toBe(1);
    expect(r.delta?.totalFen).toBe(2_000_000);
    expect(r.reformed?.byRegion['360102']).toMatchObject({ qualifying: 1, totalFen: 2_000_000 });
  });

  it('a new draft rule is validated and simulated', () => {
    const draft: Rule = {
      ...(ruleById(HTZ_RULE) as Rule),
      id: 'nc-htz-2020.draft-flat',
      title: '草案：每家企业定额1万元',
      conditions: { op: 'cmp', left: fact('newHires'), cmp: '>', right: { op: 'const', value: 0 } },
      parameters: {
        amount: {
          label: '定额',
          unit: '分',
          values: [{ from: '2020-04-06', value: 1_000_000, source: s001(29), quote: '草案' }],
        },
      },
      benefit: money('定额', param('amount')),
      caps: [],
    };
    const r = simulate({
      table,
      rules: ALL_RULES,
      asOf: '2020-05-01',
      reform: { label: '新增定额补助', addRules: [draft] },
    });
    expect(r.errors).toEqual([]);
    expect(r.reformed?.perRule).toHaveLength(1);
    expect(r.reformed?.perRule[0]).toMatchObject({ eligible: 2, totalFen: 2_000_000 });
    expect(r.baseline.perRule).toHaveLength(0);
  });

  it('reports reform errors in Chinese instead of simulating', () => {
    const r = simulate({
      table,
      rules: ALL_RULES,
      asOf: '2020-05-01',
      reform: {
        label: '错误草案',
        parameters: [{ ruleId: HTZ_RULE, parameter: 'nope', value: 1 }],
        removeRuleIds: ['x.y'],
      },
    });
    expect(r.reformed).toBe(null);
    expect(r.errors).toEqual(['草案删除的规则不存在：x.y', `规则 ${HTZ_RULE} 没有参数 nope`]);
  });

  it('a draft that reads an unpublished fact is rejected', () => {
    const base = ruleById(HTZ_RULE) as Rule;
    const bad: Rule = { ...base, benefit: money('x', perUnit(param('perHire'), fact('noSuchFact'))) };
    const { errors } = applyReform(ALL_RULES, { label: 'bad', replaceRules: [bad] });
    expect(errors).toEqual([`规则 ${HTZ_RULE}：引用了未发布的事实 noSuchFact`]);
  });

  it('applyReform does not modify the rules it is given', () => {
    const before = JSON.stringify(ruleById(HTZ_RULE));
    applyReform(ALL_RULES, { label: 'x', parameters: [{ ruleId: HTZ_RULE, parameter: 'perHire', value: 1 }] });
    expect(JSON.stringify(ruleById(HTZ_RULE))).toBe(before);
  });

  it('a loan limit is reported but does not count as cost', () => {
    const t = buildFactTable([{ regionCode: '360111', keyGuaranteeList: 'national', requestedLoanFen: 100_000_000 }]);
    const id = 'jx-employment-2020.key-enterprise-startup-loan-limit';
    const r = simulate({ table: t, rules: ALL_RULES, asOf: '2020-03-01', ruleIds: [id] });
    expect(r.baseline.perRule[0]).toMatchObject({ eligible: 1, totalFen: 100_000_000, costBearing: false });
    expect(r.baseline.total.totalFen).toBe(0);
  });

  it('默认报告所有面向企业的规则，undecided counts firms with only unknown outcomes', () => {
    const r = simulate({ table: buildFactTable([{ regionCode: '360111' }]), rules: ALL_RULES, asOf: '2020-03-01' });
    expect(r.reportedRuleIds.every((id) => ruleById(id)?.target === 'enterprise')).toBe(true);
    expect(r.baseline.total).toMatchObject({ qualifying: 0, undecided: 1 });
  });
});

describe('industry sections (GB/T 4754-2017 门类)', () => {
  it.each([
    ['C3911', 'C'],
    ['3911', 'C'],
    ['0111', 'A'],
    ['0610', 'B'],
    ['4411', 'D'],
    ['5211', 'F'],
    ['5311', 'G'],
    ['6110', 'H'],
    ['6510', 'I'],
    ['6610', 'J'],
    ['7010', 'K'],
    ['7111', 'L'],
    ['9700', 'T'],
    ['', '未知'],
    ['zz', '未知'],
  ])('%s → %s', (code, section) => {
    expect(industrySection(code)).toBe(section);
  });
});
