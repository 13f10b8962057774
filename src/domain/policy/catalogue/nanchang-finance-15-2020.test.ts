import { describe, expect, it } from 'vitest';
import { expandSituations, runSituation } from '../situations.ts';
import { nanchangFinance15 as policy } from './nanchang-finance-15-2020.ts';

const situations = expandSituations(policy, [
  {
    rule: 'relending-rate-cap',
    asOf: '2020-02-25',
    base: { regionCode: '360102', isSpecialRelendingLoan: true, keyGuaranteeList: 'provincial', lpr1yPercent: 4.05 },
    cases: [
      ['LPR 4.05% → 上限3.05%', {}, { eligible: true, value: 4.05 - 100 * 0.01 }],
      ['名单外企业', { keyGuaranteeList: 'none' }, { eligible: false }],
      ['非南昌企业', { regionCode: '360702' }, { eligible: false }],
    ],
  },
]);

describe(policy.title, () => {
  it.each(situations.map((s) => [s.name, s] as const))('%s', (_, s) => {
    expect(runSituation(policy.rules, s).diffs).toEqual([]);
  });
});
