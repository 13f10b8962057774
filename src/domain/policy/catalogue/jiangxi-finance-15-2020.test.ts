import { describe, expect, it } from 'vitest';
import { expandSituations, runSituation } from '../situations.ts';
import { jiangxiFinance15 as policy } from './jiangxi-finance-15-2020.ts';

const JIUJIANG = { regionCode: '360402' };

const situations = expandSituations(policy, [
  {
    rule: 'guarantee-fee-cap',
    asOf: '2020-03-01',
    base: { ...JIUJIANG, isGovernmentGuarantor: true, keyGuaranteeList: 'none', heavilyAffectedByEpidemic: true },
    cases: [
      ['受疫情影响较大企业：担保费率不超过1%', {}, { eligible: true, value: 1 }],
      [
        '市级重点保障名单企业',
        { heavilyAffectedByEpidemic: false, keyGuaranteeList: 'municipal' },
        { eligible: true, value: 1 },
      ],
      ['既非名单也未受较大影响', { heavilyAffectedByEpidemic: false }, { eligible: false, value: null }],
      ['非政府性担保机构', { isGovernmentGuarantor: false }, { eligible: false }],
    ],
  },
  {
    rule: 'reguarantee-fee-halved',
    asOf: '2020-03-01',
    base: { ...JIUJIANG, reguaranteeFeeFen: 800_000 },
    cases: [
      ['再担保费8,000元减半', {}, { eligible: true, amountFen: 400_000, payableFen: 400_000 }],
      [
        '与单户100万元以下免收同时符合：就高取免收',
        { inNationalGuaranteeFundScope: true, reguaranteeClientAmountFen: 50_000_000 },
        { eligible: true, amountFen: 400_000, payableFen: 0 },
      ],
      ['再担保费未报：无法判断', { reguaranteeFeeFen: null }, { eligible: null, missingFacts: ['reguaranteeFeeFen'] }],
      ['文件印发前不生效', {}, { inForce: false }, '2020-02-08'],
    ],
  },
  {
    rule: 'reguarantee-fee-waiver-small',
    asOf: '2020-03-01',
    base: {
      ...JIUJIANG,
      inNationalGuaranteeFundScope: true,
      reguaranteeClientAmountFen: 100_000_000,
      reguaranteeFeeFen: 800_000,
    },
    cases: [
      ['单户100万元（边界）免收', {}, { eligible: true, amountFen: 800_000, payableFen: 800_000 }],
      ['单户100万元零1分不免收', { reguaranteeClientAmountFen: 100_000_001 }, { eligible: false }],
      ['不在国家融资担保基金支持范围', { inNationalGuaranteeFundScope: false }, { eligible: false }],
    ],
  },
  {
    rule: 'securities-annual-report-delay',
    asOf: '2020-03-01',
    base: { ...JIUJIANG, isSecuritiesFirm: true },
    cases: [
      ['证券经营机构可延期至多2个月', {}, { eligible: true, value: 2 }],
      ['其他企业不适用', { isSecuritiesFirm: false }, { eligible: false }],
      ['机构类型未知', { isSecuritiesFirm: null }, { eligible: null, missingFacts: ['isSecuritiesFirm'] }],
    ],
  },
  {
    rule: 'guarantee-compensation-tolerance',
    asOf: '2020-03-01',
    base: { ...JIUJIANG, isGovernmentGuarantor: true, guaranteeCompensationRatePercent: 10 },
    cases: [
      ['代偿率10%（边界）在容忍度内', {}, { eligible: true }],
      ['代偿率10.5%超出容忍度', { guaranteeCompensationRatePercent: 10.5 }, { eligible: false }],
      [
        '代偿率未报',
        { guaranteeCompensationRatePercent: null },
        { eligible: null, missingFacts: ['guaranteeCompensationRatePercent'] },
      ],
    ],
  },
]);

describe(policy.title, () => {
  it.each(situations.map((s) => [s.name, s] as const))('%s', (_, s) => {
    expect(runSituation(policy.rules, s).diffs).toEqual([]);
  });
});
