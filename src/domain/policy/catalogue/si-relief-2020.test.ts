import { describe, expect, it } from 'vitest';
import { expandSituations, runSituation } from '../situations.ts';
import { socialInsuranceRelief2020 as policy } from './si-relief-2020.ts';

const NANCHANG = { regionCode: '360102' };
const WUHAN = { regionCode: '420102' };

const situations = expandSituations(policy, [
  {
    rule: 'sme-exemption',
    asOf: '2020-03-01',
    base: { ...NANCHANG, unitType: 'enterprise', sizeClass: 'small', siEmployerMonthlyFen: 2_000_000 },
    cases: [
      ['小型企业免征5个月：每月2万元 → 10万元', {}, { eligible: true, amountFen: 10_000_000 }],
      ['中型企业同样免征', { sizeClass: 'medium' }, { eligible: true, amountFen: 10_000_000 }],
      ['大型企业不适用免征', { sizeClass: 'large' }, { eligible: false, amountFen: 0 }],
      ['湖北企业适用湖北条款而非本条', WUHAN, { eligible: false }],
      ['机关事业单位不适用', { unitType: 'public-institution' }, { eligible: false }],
      ['2020年1月尚未开始', {}, { inForce: false }, '2020-01-31'],
      ['2020年6月30日仍在期内（第5个月）', {}, { eligible: true }, '2020-06-30'],
      ['2020年7月起不再免征', {}, { inForce: false }, '2020-07-01'],
      [
        '缺少缴费基数：可享受，金额待补',
        { siEmployerMonthlyFen: null },
        { eligible: true, amountFen: null, missingFacts: ['siEmployerMonthlyFen'] },
      ],
    ],
  },
  {
    rule: 'large-halving',
    asOf: '2020-03-01',
    base: { ...NANCHANG, unitType: 'enterprise', sizeClass: 'large', siEmployerMonthlyFen: 10_000_000 },
    cases: [
      ['大型企业减半3个月：每月10万元 → 15万元', {}, { eligible: true, amountFen: 15_000_000 }],
      [
        '社会组织等其他单位同样减半',
        { unitType: 'social-organisation', sizeClass: null },
        { eligible: true, amountFen: 15_000_000 },
      ],
      ['中型企业不适用减半（适用免征）', { sizeClass: 'medium' }, { eligible: false }],
      ['2020年4月30日为第3个月', {}, { eligible: true }, '2020-04-30'],
      ['2020年5月起不再减半', {}, { inForce: false }, '2020-05-01'],
    ],
  },
  {
    rule: 'hubei-exemption',
    asOf: '2020-03-01',
    base: { ...WUHAN, unitType: 'enterprise', sizeClass: 'large', siEmployerMonthlyFen: 10_000_000 },
    cases: [
      ['湖北大型企业也免征5个月', {}, { eligible: true, amountFen: 50_000_000 }],
      ['湖北机关事业单位不适用', { unitType: 'public-institution' }, { eligible: false }],
      ['江西企业不适用', NANCHANG, { eligible: false }],
    ],
  },
  {
    rule: 'deferral',
    asOf: '2020-03-01',
    base: { siSevereDifficulty: true },
    cases: [
      ['严重困难企业可缓缴6个月', {}, { eligible: true, value: 6 }],
      ['无严重困难', { siSevereDifficulty: false }, { eligible: false }],
      ['未申报', { siSevereDifficulty: null }, { eligible: null, missingFacts: ['siSevereDifficulty'] }],
    ],
  },
  {
    rule: 'deferral-late-fee-waiver',
    asOf: '2020-03-01',
    base: { siSevereDifficulty: true, siLateFeeFen: 12_345 },
    cases: [
      ['缓缴期间滞纳金全免', {}, { eligible: true, amountFen: 12_345 }],
      ['未获缓缴的不免', { siSevereDifficulty: false }, { eligible: false, amountFen: 0 }],
      ['滞纳金为0', { siLateFeeFen: 0 }, { eligible: true, amountFen: 0 }],
    ],
  },
]);

describe(policy.title, () => {
  it.each(situations.map((s) => [s.name, s] as const))('%s', (_, s) => {
    expect(runSituation(policy.rules, s).diffs).toEqual([]);
  });
});
