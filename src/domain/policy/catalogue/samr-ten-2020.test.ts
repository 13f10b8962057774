import { describe, expect, it } from 'vitest';
import { expandSituations, runSituation } from '../situations.ts';
import { samrTen2020 as policy } from './samr-ten-2020.ts';

const NANCHANG = { regionCode: '360102' };
const WUHAN = { regionCode: '420102' };

const situations = expandSituations(policy, [
  {
    rule: 'registration-change-deadline',
    asOf: '2020-03-01',
    base: { registrationChangePending: true, epidemicEndDate: '2020-03-31' },
    cases: [
      ['疫情3月31日解除 → 4月30日前办理（月末对齐）', {}, { eligible: true, value: '2020-04-30' }],
      ['疫情3月15日解除 → 4月15日', { epidemicEndDate: '2020-03-15' }, { eligible: true, value: '2020-04-15' }],
      [
        '疫情未解除：截止日未知',
        { epidemicEndDate: null },
        { eligible: true, value: null, missingFacts: ['epidemicEndDate'] },
      ],
      ['无待办变更', { registrationChangePending: false }, { eligible: false }],
    ],
  },
  {
    rule: 'food-licence-extension',
    asOf: '2020-03-01',
    base: { foodLicenceExpiryDate: '2020-02-20', epidemicEndDate: '2020-03-20' },
    cases: [
      ['疫情期间到期顺延至疫情解除日', {}, { eligible: true, value: '2020-03-20' }],
      [
        '到期日等于解除日（边界）仍顺延',
        { foodLicenceExpiryDate: '2020-03-20' },
        { eligible: true, value: '2020-03-20' },
      ],
      ['解除后才到期的不需顺延', { foodLicenceExpiryDate: '2020-03-21' }, { eligible: false }],
      [
        '疫情未解除：可顺延，终点未知',
        { epidemicEndDate: null },
        { eligible: true, value: null, missingFacts: ['epidemicEndDate'] },
      ],
      ['通知前已过期的不适用', { foodLicenceExpiryDate: '2020-02-14' }, { eligible: false }],
    ],
  },
  {
    rule: 'inspection-certificate-extension',
    asOf: '2020-03-01',
    base: { inspectionBodyRenewalBlocked: true, epidemicEndDate: '2020-05-31' },
    cases: [
      ['疫情5月31日解除 → 证书有效至8月31日', {}, { eligible: true, value: '2020-08-31' }],
      ['能按期换证的不延长', { inspectionBodyRenewalBlocked: false }, { eligible: false }],
      [
        '疫情11月30日解除 → 次年2月28日（月末对齐）',
        { epidemicEndDate: '2020-11-30' },
        { eligible: true, value: '2021-02-28' },
      ],
      [
        '疫情未解除：终点未知',
        { epidemicEndDate: null },
        { eligible: true, value: null, missingFacts: ['epidemicEndDate'] },
      ],
    ],
  },
  {
    rule: 'testing-fee-cut',
    asOf: '2020-03-01',
    base: { ...NANCHANG, hasResumed: true, testingFeesFen: 800_000 },
    cases: [
      ['复工企业检测费8,000元减半', {}, { eligible: true, amountFen: 400_000, payableFen: 400_000 }],
      ['未复工企业不减', { hasResumed: false }, { eligible: false, amountFen: 0 }],
      ['湖北企业就高享受全免，本条不重复', WUHAN, { eligible: true, amountFen: 400_000, payableFen: 0 }],
    ],
  },
  {
    rule: 'hubei-testing-fee-waiver',
    asOf: '2020-03-01',
    base: { ...WUHAN, testingFeesFen: 800_000 },
    cases: [
      ['湖北企业全免', {}, { eligible: true, amountFen: 800_000, payableFen: 800_000 }],
      ['江西企业不适用', NANCHANG, { eligible: false }],
      ['所在地未知：需补充', { regionCode: null }, { eligible: null, missingFacts: ['regionCode'] }],
    ],
  },
  {
    rule: 'standards-fee-waiver',
    asOf: '2020-03-01',
    base: { standardsServiceFeesFen: 150_000 },
    cases: [
      ['标准翻译费全免', {}, { eligible: true, amountFen: 150_000 }],
      ['费用为0（边界）', { standardsServiceFeesFen: 0 }, { eligible: true, amountFen: 0 }],
      ['通知印发前不生效', {}, { inForce: false }, '2020-02-14'],
      ['未发生费用', { standardsServiceFeesFen: null }, { eligible: null, missingFacts: ['standardsServiceFeesFen'] }],
    ],
  },
]);

describe(policy.title, () => {
  it.each(situations.map((s) => [s.name, s] as const))('%s', (_, s) => {
    expect(runSituation(policy.rules, s).diffs).toEqual([]);
  });
});
