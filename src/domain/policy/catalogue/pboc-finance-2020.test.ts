import { describe, expect, it } from 'vitest';
import { expandSituations, runSituation } from '../situations.ts';
import { pbocFinance2020 as policy } from './pboc-finance-2020.ts';

const WUHAN = { regionCode: '420102' };
const NANCHANG = { regionCode: '360102' };

const situations = expandSituations(policy, [
  {
    rule: 'reguarantee-fee-halved',
    asOf: '2020-02-10',
    base: { ...NANCHANG, guarantorInSevereArea: true, reguaranteeFeeFen: 1_000_000 },
    cases: [
      ['严重地区担保机构减半：10,000元 → 5,000元', {}, { eligible: true, amountFen: 500_000 }],
      ['非严重地区不减', { guarantorInSevereArea: false }, { eligible: false, amountFen: 0 }],
      ['再担保费1分：减半四舍五入为1分', { reguaranteeFeeFen: 1 }, { eligible: true, amountFen: 1 }],
      [
        '缺少所在地区是否严重',
        { guarantorInSevereArea: null },
        { eligible: null, missingFacts: ['guarantorInSevereArea'] },
      ],
      ['通知印发前不生效', {}, { inForce: false }, '2020-01-30'],
    ],
  },
  {
    rule: 'infected-startup-loan-extension',
    asOf: '2020-02-10',
    base: { hasStartupGuaranteeLoan: true, borrowerInfected: true },
    cases: [
      ['感染者可展期一年（12个月）', {}, { eligible: true, value: 12 }],
      ['未感染者不适用本条', { borrowerInfected: false }, { eligible: false, value: null }],
      ['没有创业担保贷款', { hasStartupGuaranteeLoan: false }, { eligible: false }],
    ],
  },
  {
    rule: 'annual-report-deferral',
    asOf: '2020-03-01',
    base: { isListedCompany: true, cannotDiscloseOnSchedule: true },
    cases: [
      ['可延期至2020年4月30日', {}, { eligible: true, value: '2020-04-30' }],
      ['能按期披露的不延期', { cannotDiscloseOnSchedule: false }, { eligible: false }],
      ['非上市公司', { isListedCompany: false }, { eligible: false }],
    ],
  },
  {
    rule: 'restructuring-extension',
    asOf: '2020-03-01',
    base: { isListedCompany: true, hasPendingRestructuring: true, restructuringExtensionApplications: 2 },
    cases: [
      ['申请2次：延期2个月', {}, { eligible: true, value: 2 }],
      ['申请3次（上限）：3个月', { restructuringExtensionApplications: 3 }, { eligible: true, value: 3 }],
      ['申请4次仍只计3次', { restructuringExtensionApplications: 4 }, { eligible: true, value: 3 }],
      ['无在办重组', { hasPendingRestructuring: false }, { eligible: false }],
    ],
  },
  {
    rule: 'hubei-listing-fee-waiver',
    asOf: '2020-06-01',
    base: { ...WUHAN, isListedCompany: true, listingAnnualFee2020Fen: 5_000_000 },
    cases: [
      ['湖北上市公司全额免收', {}, { eligible: true, amountFen: 5_000_000 }],
      ['江西上市公司不适用', NANCHANG, { eligible: false, amountFen: 0 }],
      ['2021年不再生效', {}, { inForce: false }, '2021-01-01'],
      ['2020-12-31仍生效', {}, { eligible: true, amountFen: 5_000_000 }, '2020-12-31'],
    ],
  },
  {
    rule: 'hubei-futures-fee-waiver',
    asOf: '2020-06-01',
    base: { ...WUHAN, isFuturesCompany: true, futuresExchangeFees2020Fen: 12_345_678 },
    cases: [
      ['湖北期货公司免除会费和席位费', {}, { eligible: true, amountFen: 12_345_678 }],
      ['非期货公司', { isFuturesCompany: false }, { eligible: false }],
      ['缺少地区', { regionCode: null }, { eligible: null, missingFacts: ['regionCode'] }],
    ],
  },
]);

describe(policy.title, () => {
  it.each(situations.map((s) => [s.name, s] as const))('%s', (_, s) => {
    expect(runSituation(policy.rules, s).diffs).toEqual([]);
  });
});
