import { describe, expect, it } from 'vitest';
import { expandSituations, runSituation } from '../situations.ts';
import { hrssLabourRelations2020 as policy } from './hrss-labour-relations-2020.ts';

const situations = expandSituations(policy, [
  {
    rule: 'union-fund-refund',
    asOf: '2020-03-01',
    base: { sizeClass: 'small', unionRefundEligible: true, unionFundsPaidFen: 360_000 },
    cases: [
      ['小型企业全额返还3,600元', {}, { eligible: true, amountFen: 360_000 }],
      ['微型企业同样适用', { sizeClass: 'micro' }, { eligible: true, amountFen: 360_000 }],
      ['中型企业不属小微（边界）', { sizeClass: 'medium' }, { eligible: false, amountFen: 0 }],
      ['未认定符合条件', { unionRefundEligible: false }, { eligible: false }],
      ['规模未知', { sizeClass: null }, { eligible: null, missingFacts: ['sizeClass'] }],
    ],
  },
]);

describe(policy.title, () => {
  it.each(situations.map((s) => [s.name, s] as const))('%s', (_, s) => {
    expect(runSituation(policy.rules, s).diffs).toEqual([]);
  });
});
