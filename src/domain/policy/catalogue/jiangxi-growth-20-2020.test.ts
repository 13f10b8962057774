import { describe, expect, it } from 'vitest';
import { expandSituations, runSituation } from '../situations.ts';
import { jiangxiGrowth20 as policy } from './jiangxi-growth-20-2020.ts';

const GANZHOU = { regionCode: '360702' };
const HANGZHOU = { regionCode: '330102' };

const situations = expandSituations(policy, [
  {
    rule: 'relending-rate-cap',
    asOf: '2020-02-20',
    base: { ...GANZHOU, isSpecialRelendingLoan: true, lpr1yPercent: 4.15 },
    cases: [
      ['LPR 4.15% → 利率上限3.15%', {}, { eligible: true, value: 4.15 - 100 * 0.01 }],
      ['LPR 4.05% → 3.05%', { lpr1yPercent: 4.05 }, { eligible: true, value: 4.05 - 100 * 0.01 }],
      ['非专项再贷款不受此限', { isSpecialRelendingLoan: false }, { eligible: false, value: null }],
      ['LPR未配置：上限未知', { lpr1yPercent: null }, { eligible: true, value: null, missingFacts: ['lpr1yPercent'] }],
    ],
  },
  {
    rule: 'relending-interest-subsidy',
    asOf: '2020-06-01',
    base: {
      ...GANZHOU,
      isSpecialRelendingLoan: true,
      keyGuaranteeList: 'provincial',
      loanStartDate: '2020-03-01',
      loanAmountFen: 1_000_000_000,
      relendingRatePercent: 1.6,
      loanMonths: 12,
    },
    cases: [
      ['1000万元、再贷款利率1.6%、12个月：贴息75% = 12万元', {}, { eligible: true, amountFen: 12_000_000 }],
      ['贷款18个月：贴息期限以1年为限', { loanMonths: 18 }, { eligible: true, amountFen: 12_000_000 }],
      ['贷款6个月：6万元', { loanMonths: 6 }, { eligible: true, amountFen: 6_000_000 }],
      [
        '2020年12月31日发放（边界）仍属2020年新增',
        { loanStartDate: '2020-12-31' },
        { eligible: true, amountFen: 12_000_000 },
      ],
      ['2021年发放不属2020年新增', { loanStartDate: '2021-01-04' }, { eligible: false }],
      ['未列入名单', { keyGuaranteeList: 'none' }, { eligible: false }],
    ],
  },
  {
    rule: 'drug-device-fee-cut',
    asOf: '2020-03-01',
    base: { ...GANZHOU, drugDeviceRegistrationFeeFen: 1_000_000 },
    cases: [
      ['注册费10,000元降低30%：3,000元', {}, { eligible: true, amountFen: 300_000 }],
      ['收费为0', { drugDeviceRegistrationFeeFen: 0 }, { eligible: true, amountFen: 0 }],
      ['省外企业不适用', HANGZHOU, { eligible: false }],
    ],
  },
  {
    rule: 'expressway-toll-waiver',
    asOf: '2020-03-01',
    base: { ...GANZHOU, isEmergencySupplyVehicle: true, expresswayTollFen: 12_340 },
    cases: [
      ['应急物资车辆通行费全免', {}, { eligible: true, amountFen: 12_340 }],
      ['普通货车照常缴费', { isEmergencySupplyVehicle: false }, { eligible: false, amountFen: 0 }],
      [
        '车辆性质未知：需补充',
        { isEmergencySupplyVehicle: null },
        { eligible: null, missingFacts: ['isEmergencySupplyVehicle'] },
      ],
      ['通知印发前不生效', {}, { inForce: false }, '2020-02-03'],
    ],
  },
  {
    rule: 'state-premises-rent-relief',
    asOf: '2020-03-01',
    base: { ...GANZHOU, rentsStateOwnedPremises: true, monthlyRentFen: 1_000_000 },
    cases: [
      ['月租1万元：免1个月+减半2个月 = 2万元', {}, { eligible: true, amountFen: 2_000_000 }],
      ['月租333分：333+166.5×2 = 666分', { monthlyRentFen: 333 }, { eligible: true, amountFen: 666 }],
      ['租用非国有房屋只鼓励协商，不计算', { rentsStateOwnedPremises: false }, { eligible: false }],
    ],
  },
  {
    rule: 'february-filing-deadline',
    asOf: '2020-02-10',
    base: { ...GANZHOU, filesMonthly: true },
    cases: [
      ['按月申报：延长至2月24日', {}, { eligible: true, value: '2020-02-24' }],
      ['按季申报不适用', { filesMonthly: false }, { eligible: false }],
      ['3月起本条不再适用', {}, { inForce: false }, '2020-03-01'],
    ],
  },
  {
    rule: 'tax-payment-deferral',
    asOf: '2020-03-01',
    base: { ...GANZHOU, taxPaymentSpecialDifficulty: true, requestedTaxDeferralMonths: 2 },
    cases: [
      ['申请延期2个月', {}, { eligible: true, value: 2, capped: false }],
      ['申请3个月（上限）', { requestedTaxDeferralMonths: 3 }, { eligible: true, value: 3, capped: false }],
      ['申请5个月：最长3个月', { requestedTaxDeferralMonths: 5 }, { eligible: true, value: 3, capped: true }],
      ['无特殊困难', { taxPaymentSpecialDifficulty: false }, { eligible: false }],
    ],
  },
  {
    rule: 'reguarantee-fee-halved-severe-areas',
    asOf: '2020-03-01',
    base: { ...GANZHOU, guarantorInSevereArea: true, reguaranteeFeeFen: 1_000_000 },
    cases: [
      ['严重地区担保机构再担保费减半', {}, { eligible: true, amountFen: 500_000 }],
      ['非严重地区', { guarantorInSevereArea: false }, { eligible: false }],
      ['再担保费1分：减半四舍五入为1分', { reguaranteeFeeFen: 1 }, { eligible: true, amountFen: 1 }],
    ],
  },
  {
    rule: 'job-retention-refund',
    asOf: '2020-06-01',
    base: {
      ...GANZHOU,
      uiInsured: true,
      uiPremiumPaidLastYearFen: 2_000_000,
      layoffRatePercent: 5,
      unemploymentControlTargetPercent: 5.5,
      insuredEmployees: 80,
    },
    cases: [
      ['上年缴费2万元、裁员率5%：返还1万元', {}, { eligible: true, amountFen: 1_000_000 }],
      ['裁员率等于控制目标5.5%（边界）', { layoffRatePercent: 5.5 }, { eligible: true }],
      ['裁员率6%超过控制目标（80人企业）', { layoffRatePercent: 6 }, { eligible: false }],
      [
        '30人（含）以下企业裁员率20%（边界）可返还',
        { insuredEmployees: 30, layoffRatePercent: 20 },
        { eligible: true },
      ],
      ['30人企业裁员率21%不可返还', { insuredEmployees: 30, layoffRatePercent: 21 }, { eligible: false }],
      ['31人企业不适用20%标准', { insuredEmployees: 31, layoffRatePercent: 20 }, { eligible: false }],
      [
        '控制目标未配置但小企业标准已满足',
        { unemploymentControlTargetPercent: null, insuredEmployees: 25, layoffRatePercent: 10 },
        { eligible: true },
      ],
      [
        '控制目标未配置且不属小企业：需补充',
        { unemploymentControlTargetPercent: null },
        { eligible: null, missingFacts: ['unemploymentControlTargetPercent'] },
      ],
      ['未参保', { uiInsured: false }, { eligible: false }],
    ],
  },
  {
    rule: 'job-retention-refund-2020',
    asOf: '2020-06-01',
    base: {
      ...GANZHOU,
      uiInsured: true,
      temporaryDifficulty: true,
      layoffRatePercent: 0,
      unemploymentControlTargetPercent: 5.5,
      insuredEmployees: 21,
      uiPremiumPaidLastYearFen: 2_000_000,
      localAvgMonthlyUiBenefitFen: 150_000,
      avgInsuredHeadcountLastYear: 20.5,
    },
    cases: [
      [
        '6×1,500元×20.5人 = 184,500元，高于50%返还（1万元），就高',
        {},
        { eligible: true, amountFen: 18_450_000, payableFen: 18_450_000 },
      ],
      ['非暂时性困难企业不适用', { temporaryDifficulty: false }, { eligible: false }],
      ['2021年不再适用', {}, { inForce: false }, '2021-01-01'],
      ['2020年1月1日起适用', {}, { eligible: true }, '2020-01-01'],
    ],
  },
  {
    rule: 'job-retention-refund',
    asOf: '2020-06-01',
    base: {
      ...GANZHOU,
      uiInsured: true,
      temporaryDifficulty: true,
      layoffRatePercent: 0,
      unemploymentControlTargetPercent: 5.5,
      insuredEmployees: 21,
      uiPremiumPaidLastYearFen: 2_000_000,
      localAvgMonthlyUiBenefitFen: 150_000,
      avgInsuredHeadcountLastYear: 20.5,
    },
    cases: [
      ['与2020年标准同时符合：50%返还不重复享受', {}, { eligible: true, amountFen: 1_000_000, payableFen: 0 }],
      ['2021年只有50%返还', {}, { eligible: true, amountFen: 1_000_000, payableFen: 1_000_000 }, '2021-03-01'],
    ],
  },
  {
    rule: 'si-makeup-deadline',
    asOf: '2020-03-01',
    base: { ...GANZHOU, siPaymentMissedDueToEpidemic: true, epidemicEndDate: '2020-03-10' },
    cases: [
      ['疫情3月10日解除：6月10日前补办', {}, { eligible: true, value: '2020-06-10' }],
      ['按时缴费的不适用', { siPaymentMissedDueToEpidemic: false }, { eligible: false }],
      [
        '疫情未解除：截止日未知',
        { epidemicEndDate: null },
        { eligible: true, value: null, missingFacts: ['epidemicEndDate'] },
      ],
    ],
  },
  {
    rule: 'si-late-fee-waiver',
    asOf: '2020-03-01',
    base: { ...GANZHOU, siPaymentMissedDueToEpidemic: true, siLateFeeFen: 5_000 },
    cases: [
      ['滞纳金全免', {}, { eligible: true, amountFen: 5_000 }],
      ['不适用', { siPaymentMissedDueToEpidemic: false }, { eligible: false, amountFen: 0 }],
      [
        '滞纳金待算：可免，金额未知',
        { siLateFeeFen: null },
        { eligible: true, amountFen: null, missingFacts: ['siLateFeeFen'] },
      ],
    ],
  },
  {
    rule: 'startup-loan-extension',
    asOf: '2020-03-01',
    base: { ...GANZHOU, hasStartupGuaranteeLoan: true, repaymentDifficultyDueToEpidemic: true },
    cases: [
      ['还款困难可展期12个月', {}, { eligible: true, value: 12 }],
      ['无还款困难', { repaymentDifficultyDueToEpidemic: false }, { eligible: false }],
      ['没有个人创业担保贷款', { hasStartupGuaranteeLoan: false }, { eligible: false }],
    ],
  },
]);

describe(policy.title, () => {
  it.each(situations.map((s) => [s.name, s] as const))('%s', (_, s) => {
    expect(runSituation(policy.rules, s).diffs).toEqual([]);
  });
});
