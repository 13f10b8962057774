import { describe, expect, it } from 'vitest';
import { ALL_RULES, ruleById } from './catalogue/index.ts';
import {
  CHINA,
  CHINA_EXCEPT_HUBEI,
  JIANGXI,
  NANCHANG,
  NANCHANG_HIGHTECH_ZONE,
  all,
  any,
  between,
  cap,
  definePolicy,
  div,
  fact,
  isTrue,
  lit,
  money,
  not,
  oneOf,
  p,
  param,
  perUnit,
  present,
  s003,
} from './dsl.ts';
import {
  evaluate,
  evaluateRule,
  matchJurisdiction,
  regionPrefix,
  renderTrace,
  requiredFacts,
  resolveParameters,
} from './evaluate.ts';
import type { Rule } from './types.ts';

/** A small synthetic policy exercising the engine (its citations are not checked here). */
const engine = definePolicy(
  {
    id: 'engine-test',
    title: '引擎测试',
    issuer: '测试',
    docNumber: null,
    date: '2020-01-01',
    jurisdiction: JIANGXI,
    validity: { from: '2020-01-01', to: '2020-12-31' },
    source: s003(581),
  },
  [
    {
      slug: 'per-head',
      title: '按人补贴',
      kind: 'pay',
      target: 'enterprise',
      conditions: all(
        oneOf('sizeClass', ['small', 'micro'], '小微企业'),
        any(isTrue('uiInsured', '参保'), isTrue('hasResumed', '已复工')),
        not(isTrue('receivedOneOffJobRetentionGrant'), '未享受稳岗补助'),
      ),
      parameters: {
        perHead: {
          label: '每人',
          unit: '分',
          values: [
            { from: '2020-01-01', value: 100_000, source: s003(466), quote: '1000元' },
            { from: '2020-07-01', value: 200_000, source: s003(616), quote: '2000元' },
          ],
        },
        limit: p('上限', '分', 1_000_000, s003(633), '15万元'),
      },
      benefit: money('补贴', perUnit(param('perHead'), fact('hiresInWindow'))),
      caps: [cap('上限', param('limit'), s003(633))],
      stackingGroup: 'g',
      fulfilment: 'auto',
      source: s003(466),
    },
    {
      slug: 'flat',
      title: '定额补贴（南昌）',
      kind: 'pay',
      target: 'enterprise',
      jurisdiction: NANCHANG,
      conditions: present('hiresInWindow', '已报吸纳人数'),
      parameters: { amount: p('定额', '分', 300_000, s003(617), '1000元') },
      benefit: money('定额补贴', param('amount')),
      stackingGroup: 'g',
      fulfilment: 'apply',
      source: s003(617),
    },
    {
      slug: 'ratio',
      title: '比值',
      kind: 'pay',
      target: 'enterprise',
      conditions: between(fact('layoffRatePercent'), lit(0), lit(20), '裁员率0–20%'),
      benefit: money('比值', div(fact('uiPremiumPaidLastYearFen'), fact('insuredEmployees'))),
      fulfilment: 'apply',
      source: s003(581),
    },
  ],
);

const [perHead, flat, ratio] = engine.rules as [Rule, Rule, Rule];
const NC = { regionCode: '360111' };

describe('three-valued conditions and missing facts', () => {
  const base = { ...NC, sizeClass: 'small', uiInsured: true, receivedOneOffJobRetentionGrant: false, hiresInWindow: 3 };

  it('all true → eligible, amount computed with the parameter value in force', () => {
    const r = evaluateRule(perHead, base, '2020-03-01');
    expect(r).toMatchObject({ eligible: true, amountFen: 300_000, capped: false, missingFacts: [] });
  });

  it('a dated parameter value applies from its date (a change of law is a new dated value)', () => {
    expect(resolveParameters(perHead, '2020-06-30').perHead).toBe(100_000);
    expect(resolveParameters(perHead, '2020-07-01').perHead).toBe(200_000);
    expect(evaluateRule(perHead, base, '2020-07-01').amountFen).toBe(600_000);
  });

  it('one false part decides `all` even when other facts are missing', () => {
    const r = evaluateRule(perHead, { ...NC, sizeClass: 'large' }, '2020-03-01');
    expect(r.eligible).toBe(false);
    expect(r.missingFacts).toEqual([]);
    expect(r.amountFen).toBe(0);
  });

  it('one true part decides `any` even when the other is missing', () => {
    const r = evaluateRule(perHead, { ...base, uiInsured: null, hasResumed: true }, '2020-03-01');
    expect(r.eligible).toBe(true);
  });

  it('unknown when a deciding fact is missing; lists exactly the facts that could decide, plus the amount facts', () => {
    const r = evaluateRule(
      perHead,
      { ...NC, sizeClass: 'small', receivedOneOffJobRetentionGrant: false },
      '2020-03-01',
    );
    expect(r.eligible).toBe(null);
    expect(r.amountFen).toBe(null);
    expect([...r.missingFacts].sort()).toEqual(['hasResumed', 'hiresInWindow', 'uiInsured']);
  });

  it('`not` of unknown is unknown', () => {
    const r = evaluateRule(perHead, { ...base, receivedOneOffJobRetentionGrant: null }, '2020-03-01');
    expect(r.eligible).toBe(null);
    expect(r.missingFacts).toEqual(['receivedOneOffJobRetentionGrant']);
  });

  it('eligible with an unknown amount when only formula facts are missing', () => {
    const r = evaluateRule(perHead, { ...base, hiresInWindow: null }, '2020-03-01');
    expect(r).toMatchObject({ eligible: true, amountFen: null, missingFacts: ['hiresInWindow'] });
  });

  it('caps: the amount stops at the limit and `capped` is set', () => {
    const r = evaluateRule(perHead, { ...base, hiresInWindow: 11 }, '2020-03-01');
    expect(r).toMatchObject({ amountFen: 1_000_000, capped: true });
    expect(evaluateRule(perHead, { ...base, hiresInWindow: 10 }, '2020-03-01')).toMatchObject({
      amountFen: 1_000_000,
      capped: false,
    });
  });

  it('`present` is never unknown', () => {
    expect(evaluateRule(flat, NC, '2020-03-01').eligible).toBe(false);
    expect(evaluateRule(flat, { ...NC, hiresInWindow: 0 }, '2020-03-01').eligible).toBe(true);
  });

  it('between includes both ends; division by zero gives an unknown amount', () => {
    expect(
      evaluateRule(
        ratio,
        { ...NC, layoffRatePercent: 20, uiPremiumPaidLastYearFen: 1000, insuredEmployees: 3 },
        '2020-03-01',
      ),
    ).toMatchObject({
      eligible: true,
      amountFen: 333,
    });
    expect(evaluateRule(ratio, { ...NC, layoffRatePercent: 20.01 }, '2020-03-01').eligible).toBe(false);
    expect(
      evaluateRule(
        ratio,
        { ...NC, layoffRatePercent: 0, uiPremiumPaidLastYearFen: 1000, insuredEmployees: 0 },
        '2020-03-01',
      ),
    ).toMatchObject({
      eligible: true,
      amountFen: null,
      missingFacts: [],
    });
  });
});

describe('trace a reviewer can read', () => {
  it('shows each condition with the values it saw, the formula and the cap', () => {
    const r = evaluateRule(
      perHead,
      { ...NC, sizeClass: 'small', uiInsured: true, receivedOneOffJobRetentionGrant: false, hiresInWindow: 12 },
      '2020-03-01',
    );
    const lines = renderTrace(r.trace);
    expect(lines[0]).toContain('生效期间');
    expect(lines[1]).toBe('适用地区：江西省：所在地区划代码〔360111〕以 36 开头 → 是');
    expect(lines).toContain('  小微企业：企业规模〔小型〕 属于 {小型、微型} → 是');
    expect(lines.some((l) => l.includes('参保：参加失业保险〔是〕 = 是 → 是'))).toBe(true);
    expect(lines.some((l) => l.startsWith('补贴：1,000.00元 × 吸纳就业人数〔12人〕 = 12,000.00元'))).toBe(true);
    expect(lines.some((l) => l.includes('上限 10,000.00元，计算值 12,000.00元 → 按上限 10,000.00元'))).toBe(true);
    const leaf = r.trace[2]?.children?.[0];
    expect(leaf?.values).toEqual({ sizeClass: 'small' });
  });

  it('marks missing values in the trace', () => {
    const r = evaluateRule(perHead, { ...NC, sizeClass: 'small' }, '2020-03-01');
    expect(renderTrace(r.trace).some((l) => l.includes('参加失业保险〔（缺失）〕'))).toBe(true);
  });
});

describe('jurisdiction and as-of selection', () => {
  it('region prefixes', () => {
    expect(regionPrefix('360000')).toBe('36');
    expect(regionPrefix('360100')).toBe('3601');
    expect(regionPrefix('360111')).toBe('360111');
    expect(regionPrefix('000000')).toBe('');
  });

  it('province, city, zone and national-minus-Hubei rules', () => {
    expect(matchJurisdiction(JIANGXI, '360702', null)).toBe(true);
    expect(matchJurisdiction(NANCHANG, '360702', null)).toBe(false);
    expect(matchJurisdiction(NANCHANG, '360111004001', null)).toBe(true);
    expect(matchJurisdiction(NANCHANG, null, null)).toBe(null);
    expect(matchJurisdiction(NANCHANG_HIGHTECH_ZONE, '360111', 'Z360101')).toBe(true);
    expect(matchJurisdiction(NANCHANG_HIGHTECH_ZONE, '360111', '')).toBe(false);
    expect(matchJurisdiction(CHINA, null, null)).toBe(true);
    expect(matchJurisdiction(CHINA_EXCEPT_HUBEI, '420102', null)).toBe(false);
    expect(matchJurisdiction(CHINA_EXCEPT_HUBEI, '360102', null)).toBe(true);
    expect(matchJurisdiction(CHINA_EXCEPT_HUBEI, null, null)).toBe(null);
  });

  it('evaluate() leaves out rules not in force and rules of other places', () => {
    const inNanchang = evaluate(engine.rules, { ...NC, hiresInWindow: 1 }, { asOf: '2020-03-01' }).map((r) => r.ruleId);
    expect(inNanchang).toEqual(['engine-test.per-head', 'engine-test.flat', 'engine-test.ratio']);
    const inGanzhou = evaluate(engine.rules, { regionCode: '360702' }, { asOf: '2020-03-01' }).map((r) => r.ruleId);
    expect(inGanzhou).toEqual(['engine-test.per-head', 'engine-test.ratio']);
    expect(evaluate(engine.rules, NC, { asOf: '2021-01-01' })).toEqual([]);
    const withOut = evaluate(
      engine.rules,
      { regionCode: '360702' },
      { asOf: '2020-03-01', includeOutOfJurisdiction: true },
    );
    expect(withOut.find((r) => r.ruleId === 'engine-test.flat')?.eligible).toBe(false);
  });

  it('unknown region keeps every rule, undecided', () => {
    const r = evaluate(engine.rules, { hiresInWindow: 1 }, { asOf: '2020-03-01' });
    expect(r.find((x) => x.ruleId === 'engine-test.flat')).toMatchObject({
      eligible: null,
      missingFacts: ['regionCode'],
    });
  });

  it('targets filter rules by entity', () => {
    const persons = evaluate(ALL_RULES, NC, { asOf: '2020-03-01', targets: ['person'] });
    expect(persons.length).toBeGreaterThan(0);
    expect(persons.every((r) => ruleById(r.ruleId)?.target === 'person')).toBe(true);
  });
});

describe('就高、不重复 within a stacking group', () => {
  const facts = {
    ...NC,
    sizeClass: 'small',
    uiInsured: true,
    receivedOneOffJobRetentionGrant: false,
    hiresInWindow: 5,
  };

  it('keeps the highest amount; the other is not payable and its trace says why', () => {
    const r = evaluate(engine.rules, facts, { asOf: '2020-03-01' });
    const a = r.find((x) => x.ruleId === 'engine-test.per-head');
    const b = r.find((x) => x.ruleId === 'engine-test.flat');
    expect(a).toMatchObject({ amountFen: 500_000, payableFen: 500_000, stacking: { kept: true, provisional: false } });
    expect(b).toMatchObject({
      amountFen: 300_000,
      payableFen: 0,
      stacking: { kept: false, keptRuleId: 'engine-test.per-head' },
    });
    expect(b?.trace.at(-1)?.detail).toContain('本项不重复享受');
  });

  it('on a tie the more local rule is kept', () => {
    const r = evaluate(engine.rules, { ...facts, hiresInWindow: 3 }, { asOf: '2020-03-01' });
    expect(r.find((x) => x.ruleId === 'engine-test.flat')?.stacking?.kept).toBe(true);
    expect(r.find((x) => x.ruleId === 'engine-test.per-head')?.payableFen).toBe(0);
  });

  it('a choice made while another member is unknown is provisional', () => {
    const r = evaluate(engine.rules, { ...NC, hiresInWindow: 1 }, { asOf: '2020-03-01' });
    expect(r.find((x) => x.ruleId === 'engine-test.flat')?.stacking).toMatchObject({ kept: true, provisional: true });
  });
});

describe('requiredFacts', () => {
  it('lists the jurisdiction fact, condition facts, formula facts and cap facts once each', () => {
    expect(requiredFacts(perHead)).toEqual([
      'regionCode',
      'sizeClass',
      'uiInsured',
      'hasResumed',
      'receivedOneOffJobRetentionGrant',
      'hiresInWindow',
    ]);
    expect(requiredFacts(ruleById('pboc-finance-29-2020.annual-report-deferral') as Rule)).toEqual([
      'isListedCompany',
      'cannotDiscloseOnSchedule',
    ]);
  });

  it('a zone rule needs the zone code', () => {
    expect(requiredFacts(ruleById('nc-htz-2020.recruitment-subsidy') as Rule)[0]).toBe('zoneCode');
  });

  it('zero new hires is eligible with a zero amount (the condition is only that the figure is known)', () => {
    const rule = ruleById('nc-htz-2020.recruitment-subsidy') as Rule;
    expect(evaluateRule(rule, { zoneCode: 'Z360101', newHires: 0 }, '2020-05-01')).toMatchObject({
      eligible: true,
      amountFen: 0,
    });
  });
});

describe('the rule a parameter is missing for', () => {
  it('throws a clear error (a configuration fault, not a decision)', () => {
    const broken: Rule = { ...perHead, parameters: {} };
    expect(() => evaluateRule(broken, NC, '2020-03-01')).toThrow('引用了未定义的参数 perHead');
  });
});
