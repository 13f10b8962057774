import { describe, expect, it } from 'vitest';
import { expandSituations, runSituation } from '../situations.ts';
import { jiangxiGrowthTargets2020 as policy } from './jiangxi-growth-targets-2020.ts';

const JIUJIANG = { regionCode: '360402' };

const situations = expandSituations(policy, [
  {
    rule: 'loan-deferral',
    asOf: '2020-03-10',
    base: { ...JIUJIANG, sizeClass: 'small', temporaryLiquidityDifficulty: true },
    cases: [
      ['小微企业还本付息可延期至6月30日', {}, { eligible: true, value: '2020-06-30' }],
      [
        '个体工商户（无划型）同样适用',
        { sizeClass: null, unitType: 'individual-business' },
        { eligible: true, value: '2020-06-30' },
      ],
      ['大型企业不适用', { sizeClass: 'large', unitType: 'enterprise' }, { eligible: false }],
      ['大型但参保单位类型未知：需补充', { sizeClass: 'large' }, { eligible: null, missingFacts: ['unitType'] }],
      ['无流动性困难', { temporaryLiquidityDifficulty: false }, { eligible: false }],
      ['6月30日（边界）仍在期内', {}, { eligible: true }, '2020-06-30'],
      ['7月1日起不再适用', {}, { inForce: false }, '2020-07-01'],
    ],
  },
  {
    rule: 'penalty-interest-waiver',
    asOf: '2020-03-10',
    base: { ...JIUJIANG, sizeClass: 'micro', temporaryLiquidityDifficulty: true, penaltyInterestFen: 30_000 },
    cases: [
      ['延期期间罚息全免', {}, { eligible: true, amountFen: 30_000 }],
      ['中型企业也属中小微企业', { sizeClass: 'medium' }, { eligible: true, amountFen: 30_000 }],
      ['大型企业不适用', { sizeClass: 'large', unitType: 'enterprise' }, { eligible: false, amountFen: 0 }],
    ],
  },
]);

describe(policy.title, () => {
  it.each(situations.map((s) => [s.name, s] as const))('%s', (_, s) => {
    expect(runSituation(policy.rules, s).diffs).toEqual([]);
  });
});
