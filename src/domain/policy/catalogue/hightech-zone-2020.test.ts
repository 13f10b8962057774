import { describe, expect, it } from 'vitest';
import { NANCHANG_HIGHTECH_ZONE_CODE } from '../dsl.ts';
import { expandSituations, runSituation } from '../situations.ts';
import { hightechZone2020 as policy } from './hightech-zone-2020.ts';

const HTZ = { regionCode: '360111', zoneCode: NANCHANG_HIGHTECH_ZONE_CODE };

const situations = expandSituations(policy, [
  {
    rule: 'recruitment-subsidy',
    asOf: '2020-04-10',
    base: { ...HTZ, newHires: 100 },
    cases: [
      ['新招100人：每人2000元 = 20万元', {}, { eligible: true, amountFen: 20_000_000, capped: false }],
      [
        '新招2500人：500万元（恰到上限）',
        { newHires: 2_500 },
        { eligible: true, amountFen: 500_000_000, capped: false },
      ],
      [
        '新招3000人：600万元，以500万元为限',
        { newHires: 3_000 },
        { eligible: true, amountFen: 500_000_000, capped: true },
      ],
      ['不在高新区的企业不适用', { zoneCode: '' }, { eligible: false }],
      ['功能区未知：需补充', { zoneCode: null }, { eligible: null, missingFacts: ['zoneCode'] }],
      ['报道之前的日期不评估', {}, { inForce: false }, '2020-04-05'],
    ],
  },
  {
    rule: 'labour-introduction-reward',
    asOf: '2020-04-10',
    base: { ...HTZ, workersIntroduced: 20 },
    cases: [
      ['组织介绍20人（含）给予奖励', {}, { eligible: true, value: null }],
      ['19人不奖励', { workersIntroduced: 19 }, { eligible: false }],
      ['人数未报', { workersIntroduced: null }, { eligible: null, missingFacts: ['workersIntroduced'] }],
    ],
  },
]);

describe(policy.title, () => {
  it.each(situations.map((s) => [s.name, s] as const))('%s', (_, s) => {
    expect(runSituation(policy.rules, s).diffs).toEqual([]);
  });
});
