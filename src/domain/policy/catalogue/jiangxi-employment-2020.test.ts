import { describe, expect, it } from 'vitest';
import { expandSituations, runSituation } from '../situations.ts';
import { jiangxiEmployment2020 as policy } from './jiangxi-employment-2020.ts';

const QINGSHANHU = { regionCode: '360111' };
const FUZHOU = { regionCode: '361002' };
const HANGZHOU = { regionCode: '330102' };

const situations = expandSituations(policy, [
  {
    rule: 'hiring-subsidy',
    asOf: '2020-02-20',
    base: {
      ...QINGSHANHU,
      urgentSuppliesStartDate: '2020-01-28',
      hiresInWindow: 15,
      receivedOneOffJobRetentionGrant: false,
    },
    cases: [
      ['春节期间开工生产口罩、吸纳15人：15,000元', {}, { eligible: true, amountFen: 1_500_000 }],
      [
        '2月9日开工（边界）仍可享受',
        { urgentSuppliesStartDate: '2020-02-09' },
        { eligible: true, amountFen: 1_500_000 },
      ],
      ['2月10日才开工不享受', { urgentSuppliesStartDate: '2020-02-10' }, { eligible: false, amountFen: 0 }],
      ['已享受一次性稳岗补助的不重复享受', { receivedOneOffJobRetentionGrant: true }, { eligible: false }],
      [
        '吸纳人数待补：可享受，金额未知',
        { hiresInWindow: null },
        { eligible: true, amountFen: null, missingFacts: ['hiresInWindow'] },
      ],
      ['省外企业不适用', HANGZHOU, { eligible: false }],
      ['通知印发前不生效', {}, { inForce: false }, '2020-02-11'],
    ],
  },
  {
    rule: 'placement-service-subsidy',
    asOf: '2020-03-01',
    base: { ...QINGSHANHU, placementProviderType: 'hr-agency', placementSuccessful: true },
    cases: [
      ['人力资源服务机构成功推荐1人：500元', {}, { eligible: true, amountFen: 50_000 }],
      ['大中专院校不在省级补助范围', { placementProviderType: 'college' }, { eligible: false, amountFen: 0 }],
      ['推荐未成功', { placementSuccessful: false }, { eligible: false }],
    ],
  },
  {
    rule: 'startup-subsidy',
    asOf: '2020-03-01',
    base: { ...FUZHOU, isMigrantWorker: true, foundedEnterprise: true },
    cases: [
      ['返乡农民工在抚州创办企业：5,000元', {}, { eligible: true, amountFen: 500_000 }],
      ['在省外创办企业不适用', HANGZHOU, { eligible: false }],
      ['非农民工不适用本条', { isMigrantWorker: false }, { eligible: false }],
      ['尚未创办企业', { foundedEnterprise: false }, { eligible: false }],
    ],
  },
  {
    rule: 'four-categories-startup-loan-extension',
    asOf: '2020-03-01',
    base: { ...QINGSHANHU, hasStartupGuaranteeLoan: true, borrowerFourCategories: true },
    cases: [
      ['“四类人员”可展期12个月', {}, { eligible: true, value: 12 }],
      ['非“四类人员”不适用本条', { borrowerFourCategories: false }, { eligible: false }],
      ['没有个人创业担保贷款', { hasStartupGuaranteeLoan: false }, { eligible: false }],
    ],
  },
  {
    rule: 'unemployment-allowance',
    asOf: '2020-04-01',
    base: {
      ...QINGSHANHU,
      isInsuredPerson: true,
      isUnemployed: true,
      eligibleForUiBenefit: false,
      unemployedMonthsDuringEpidemic: 3,
    },
    cases: [
      ['失业3个月：每月1000元，共3,000元', {}, { eligible: true, amountFen: 300_000 }],
      ['失业1个月（最少）：1,000元', { unemployedMonthsDuringEpidemic: 1 }, { eligible: true, amountFen: 100_000 }],
      ['达到领取失业保险金条件的领失业保险金，不领补助金', { eligibleForUiBenefit: true }, { eligible: false }],
      ['未参保', { isInsuredPerson: false }, { eligible: false }],
    ],
  },
  {
    rule: 'small-micro-startup-loan-eligibility',
    asOf: '2020-03-01',
    base: {
      ...QINGSHANHU,
      sizeClass: 'small',
      employees: 50,
      newEligibleHiresLastYear: 10,
      jobRetentionRatePercent: 90,
    },
    cases: [
      ['50人企业新招10人=20%（边界）可申请', {}, { eligible: true, value: null }],
      ['50人企业新招9人=18%不够', { newEligibleHiresLastYear: 9 }, { eligible: false }],
      ['100人企业仍按20%：新招20人可申请', { employees: 100, newEligibleHiresLastYear: 20 }, { eligible: true }],
      ['100人企业新招19人不够', { employees: 100, newEligibleHiresLastYear: 19 }, { eligible: false }],
      ['101人企业按10%：新招11人可申请', { employees: 101, newEligibleHiresLastYear: 11 }, { eligible: true }],
      ['101人企业新招10人（9.9%）不够', { employees: 101, newEligibleHiresLastYear: 10 }, { eligible: false }],
      [
        '稳定就业岗位95%（边界）也可申请',
        { newEligibleHiresLastYear: 0, jobRetentionRatePercent: 95 },
        { eligible: true },
      ],
      [
        '职工人数未知但稳岗96%已可判断',
        { employees: null, jobRetentionRatePercent: 96 },
        { eligible: true, missingFacts: [] },
      ],
      ['职工人数未知且稳岗不足：需补充', { employees: null }, { eligible: null, missingFacts: ['employees'] }],
      ['中型企业不适用', { sizeClass: 'medium' }, { eligible: false }],
    ],
  },
  {
    rule: 'key-enterprise-startup-loan-limit',
    asOf: '2020-03-01',
    base: { ...QINGSHANHU, keyGuaranteeList: 'provincial', requestedLoanFen: 500_000_000 },
    cases: [
      ['申请500万元：全额', {}, { eligible: true, amountFen: 500_000_000, capped: false }],
      [
        '申请600万元（边界）',
        { requestedLoanFen: 600_000_000 },
        { eligible: true, amountFen: 600_000_000, capped: false },
      ],
      [
        '申请800万元：以600万元为限',
        { requestedLoanFen: 800_000_000 },
        { eligible: true, amountFen: 600_000_000, capped: true },
      ],
      ['市级名单企业不属本条重点保障企业', { keyGuaranteeList: 'municipal' }, { eligible: false }],
    ],
  },
  {
    rule: 'key-enterprise-startup-loan-interest',
    asOf: '2020-03-01',
    base: { ...QINGSHANHU, keyGuaranteeList: 'national', loanAmountFen: 200_000_000, loanInterestFen: 10_000_000 },
    cases: [
      ['贷款200万元：利息10万元全额贴息', {}, { eligible: true, amountFen: 10_000_000 }],
      [
        '贷款300万元（边界）全额贴息',
        { loanAmountFen: 300_000_000, loanInterestFen: 15_000_000 },
        { eligible: true, amountFen: 15_000_000 },
      ],
      [
        '贷款500万元：300万元以内部分贴息（利息25万元×3/5=15万元）',
        { loanAmountFen: 500_000_000, loanInterestFen: 25_000_000 },
        { eligible: true, amountFen: 15_000_000 },
      ],
      [
        '贷款600万元（边界）仍可贴息',
        { loanAmountFen: 600_000_000, loanInterestFen: 30_000_000 },
        { eligible: true, amountFen: 15_000_000 },
      ],
      ['贷款超过600万元不符合', { loanAmountFen: 600_000_100, loanInterestFen: 30_000_000 }, { eligible: false }],
      ['非重点保障企业', { keyGuaranteeList: 'none' }, { eligible: false }],
    ],
  },
]);

describe(policy.title, () => {
  it.each(situations.map((s) => [s.name, s] as const))('%s', (_, s) => {
    expect(runSituation(policy.rules, s).diffs).toEqual([]);
  });
});
