import { describe, expect, it } from 'vitest';
import { expandSituations, runSituation } from '../situations.ts';
import { ndrcAssociations2020 as policy } from './ndrc-associations-2020.ts';

const situations = expandSituations(policy, [
  {
    rule: 'membership-fee-2020',
    asOf: '2020-03-15',
    base: {
      isPrivateEnterprise: true,
      sizeClass: 'small',
      severelyAffectedByEpidemic: true,
      membershipFee2020Fen: 500_000,
    },
    cases: [
      ['受影响严重的民营小企业会费减半', {}, { eligible: true, amountFen: 250_000 }],
      ['国有企业不属民营', { isPrivateEnterprise: false, inSevereEpidemicArea: false }, { eligible: false }],
      ['大型民营企业不属中小企业', { sizeClass: 'large', inSevereEpidemicArea: false }, { eligible: false }],
      [
        '武汉等地区企业会员不论规模',
        { sizeClass: 'large', inSevereEpidemicArea: true },
        { eligible: true, amountFen: 250_000 },
      ],
      ['2021年不再适用', {}, { inForce: false }, '2021-01-01'],
    ],
  },
]);

describe(policy.title, () => {
  it.each(situations.map((s) => [s.name, s] as const))('%s', (_, s) => {
    expect(runSituation(policy.rules, s).diffs).toEqual([]);
  });
});
