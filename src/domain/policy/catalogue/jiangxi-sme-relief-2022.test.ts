import { describe, expect, it } from 'vitest';
import { expandSituations, runSituation } from '../situations.ts';
import { jiangxiSmeRelief2022 as policy } from './jiangxi-sme-relief-2022.ts';

const situations = expandSituations(policy, [
  {
    rule: 'reguarantee-fee-waiver',
    asOf: '2022-05-01',
    base: { regionCode: '360100', reguaranteeDealAmountFen: 80_000_000, reguaranteeFeeFen: 400_000 },
    cases: [
      ['单笔80万元免收再担保费', {}, { eligible: true, amountFen: 400_000 }],
      [
        '单笔100万元（边界，以下含本数）免收',
        { reguaranteeDealAmountFen: 100_000_000 },
        { eligible: true, amountFen: 400_000 },
      ],
      ['单笔150万元照收', { reguaranteeDealAmountFen: 150_000_000 }, { eligible: false, amountFen: 0 }],
      ['2022年4月前不适用本条', {}, { inForce: false }, '2022-03-31'],
    ],
  },
  {
    rule: 'guarantee-fee-cap',
    asOf: '2022-05-01',
    base: { regionCode: '360100', isGovernmentGuarantor: true },
    cases: [
      ['一般担保费率不超过1%', {}, { eligible: true, value: 1 }],
      ['非政府性担保机构', { isGovernmentGuarantor: false }, { eligible: false }],
      ['2022年4月前不适用本条', {}, { inForce: false }, '2022-03-31'],
    ],
  },
]);

describe(policy.title, () => {
  it.each(situations.map((s) => [s.name, s] as const))('%s', (_, s) => {
    expect(runSituation(policy.rules, s).diffs).toEqual([]);
  });
});
