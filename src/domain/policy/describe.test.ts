import { describe, expect, it } from 'vitest';
import { POLICIES, ruleById } from './catalogue/index.ts';
import { describeRule, listPolicies, parseEvaluateRequest } from './describe.ts';
import { describeCatalogue, evaluateCatalogue } from './index.ts';
import type { Rule } from './types.ts';

describe('describeRule', () => {
  it('renders the 稳岗返还 rule with its sources, parameters, conditions and formula in Chinese', () => {
    const d = describeRule(ruleById('jx-growth-20-2020.job-retention-refund') as Rule, '2020-06-01');
    expect(d.source).toBe('003_18fd0961877c4a42.txt:L581');
    expect(d.alsoSources).toEqual(['003_18fd0961877c4a42.txt:L469']);
    expect(d.benefit.formula).toBe('上年度实际缴纳失业保险费 × 50%');
    expect(d.parameters.find((p) => p.name === 'smallFirm')?.values[0]).toMatchObject({
      value: 30,
      display: '30人',
      source: '003_18fd0961877c4a42.txt:L469',
      quote: '对参保职工30人（含）以下的企业',
    });
    expect(d.conditions).toEqual([
      '同时满足',
      '  参保企业：参加失业保险 = 是',
      '  满足其一',
      '    裁员率不高于上年度全国城镇调查失业率控制目标：裁员率 ≤ 上年度全国城镇调查失业率控制目标',
      '    同时满足',
      '      参保职工30人（含）以下：参保职工人数 ≤ 30人',
      '      裁员率不超过企业职工总数20%：裁员率 ≤ 20%',
    ]);
    expect(d.fulfilmentLabel).toBe('申请—审核—公示—兑付');
    expect(d.requiredFacts).toEqual([
      'regionCode',
      'uiInsured',
      'layoffRatePercent',
      'unemploymentControlTargetPercent',
      'insuredEmployees',
      'uiPremiumPaidLastYearFen',
    ]);
  });

  it('describes caps and funding splits', () => {
    const d = describeRule(ruleById('nc-projects-37-2020.tech-upgrade-grant') as Rule);
    expect(d.benefit.formula).toBe('(购买设备发票额 − 1,000,000.00元，不足按0计) × 10%');
    expect(d.caps).toEqual([
      { label: '最高不超过500万元', limit: '5,000,000.00元', source: '003_18fd0961877c4a42.txt:L636' },
    ]);
    expect(d.funding?.description).toBe('市级财政:县区（开发区、新区）财政 = 1:1（市级从市制造业发展专项资金中列支）');
    expect(d.stackingGroup).toBe('nc-equipment-grant');
  });
});

describe('listPolicies / GET /api/policies', () => {
  it('lists every policy with its rules', () => {
    const all = listPolicies(POLICIES);
    expect(all.map((p) => p.id)).toEqual(POLICIES.map((p) => p.id));
    expect(all.reduce((n, p) => n + p.rules.length, 0)).toBe(POLICIES.reduce((n, p) => n + p.rules.length, 0));
    expect(JSON.parse(JSON.stringify(describeCatalogue()))).toEqual(describeCatalogue());
  });

  it('as of a date keeps only rules in force', () => {
    const in2022 = describeCatalogue({ asOf: '2022-05-01' }).flatMap((p) => p.rules.map((r) => r.id));
    expect(in2022).toContain('jx-sme-relief-2022.reguarantee-fee-waiver');
    expect(in2022).not.toContain('jx-growth-20-2020.job-retention-refund-2020');
  });
});

describe('POST /api/policies/evaluate request and response', () => {
  it('parses a facts request', () => {
    expect(parseEvaluateRequest({ facts: { employees: 3 }, asOf: '2020-03-01' })).toEqual({
      ok: true,
      request: { kind: 'facts', facts: { employees: 3 }, asOf: '2020-03-01' },
    });
  });

  it('parses an enterprise request without a date', () => {
    expect(parseEvaluateRequest({ enterpriseId: 'e-1' })).toEqual({
      ok: true,
      request: { kind: 'enterprise', enterpriseId: 'e-1', facts: {}, asOf: null },
    });
  });

  it('reports problems naming the field', () => {
    expect(parseEvaluateRequest({ asOf: '2020-02-30', facts: { employees: 'x' }, extra: 1 })).toEqual({
      ok: false,
      errors: [
        'asOf（评估日期）：应为日期 YYYY-MM-DD',
        'extra：不是可识别的字段',
        'facts.employees（在职职工人数）：应为整数',
      ],
    });
    expect(parseEvaluateRequest({})).toEqual({ ok: false, errors: ['facts（事实）：缺少事实或企业标识 enterpriseId'] });
    expect(parseEvaluateRequest({ enterpriseId: '' })).toEqual({
      ok: false,
      errors: ['enterpriseId（企业标识）：应为非空字符串'],
    });
    expect(parseEvaluateRequest(null)).toEqual({ ok: false, errors: ['请求体：应为对象'] });
  });

  it('evaluateCatalogue returns results in the API shape', () => {
    const { results } = evaluateCatalogue(
      { regionCode: '360111', sizeClass: 'small', unitType: 'enterprise', siEmployerMonthlyFen: 1_000_000 },
      { asOf: '2020-03-01' },
    );
    const r = results.find((x) => x.ruleId === 'si-relief-2020.sme-exemption');
    expect(r).toMatchObject({
      policyId: 'si-relief-2020',
      title: '中小微企业免征三项社会保险单位缴费（不超过5个月）',
      source: '003_18fd0961877c4a42.txt:L176',
      eligible: true,
      amountFen: 5_000_000,
      capped: false,
      missingFacts: [],
    });
    expect(Array.isArray(r?.trace)).toBe(true);
    const keys = Object.keys(r ?? {});
    for (const k of [
      'policyId',
      'ruleId',
      'title',
      'source',
      'eligible',
      'amountFen',
      'capped',
      'missingFacts',
      'trace',
    ]) {
      expect(keys).toContain(k);
    }
  });
});
