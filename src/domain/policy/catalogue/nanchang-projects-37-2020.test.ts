import { describe, expect, it } from 'vitest';
import { expandSituations, runSituation } from '../situations.ts';
import { nanchangProjects37 as policy } from './nanchang-projects-37-2020.ts';

const NC = { regionCode: '360111' };
const GANZHOU = { regionCode: '360702' };

const situations = expandSituations(policy, [
  {
    rule: 'pre-project-funds-fyp14',
    asOf: '2020-03-15',
    base: { ...NC, fyp14Pool: 'national', mainlyStateOrProvincialFunding: true },
    cases: [
      ['纳入国家盘子：200万元', {}, { eligible: true, amountFen: 200_000_000 }],
      ['纳入省盘子：100万元', { fyp14Pool: 'provincial' }, { eligible: true, amountFen: 100_000_000 }],
      ['仅纳入市盘子：不补助', { fyp14Pool: 'municipal' }, { eligible: false, amountFen: 0 }],
      ['主要靠自筹资金：不补助', { mainlyStateOrProvincialFunding: false }, { eligible: false }],
      ['赣州项目不适用南昌政策', GANZHOU, { eligible: false }],
      ['2021年政策已到期', {}, { inForce: false }, '2021-01-01'],
    ],
  },
  {
    rule: 'pre-project-funds-public-health',
    asOf: '2020-03-15',
    base: { ...NC, centralBudgetPublicHealthProject: true, projectTotalInvestmentFen: 10_000_000_000 },
    cases: [
      ['总投资1亿元（边界）：50万元', {}, { eligible: true, amountFen: 50_000_000 }],
      [
        '总投资差1分到1亿元：20万元',
        { projectTotalInvestmentFen: 9_999_999_999 },
        { eligible: true, amountFen: 20_000_000 },
      ],
      ['非中央预算内公共卫生项目', { centralBudgetPublicHealthProject: false }, { eligible: false }],
      [
        '总投资未填：可补助，金额未知',
        { projectTotalInvestmentFen: null },
        { eligible: true, amountFen: null, missingFacts: ['projectTotalInvestmentFen'] },
      ],
    ],
  },
  {
    rule: 'gov-project-direct-preliminary-design',
    asOf: '2020-03-15',
    base: { ...NC, isGovernmentInvestmentProject: true, projectTotalInvestmentFen: 1_000_000_000 },
    cases: [
      ['总投资1000万元（边界）直接批复初步设计', {}, { eligible: true }],
      ['1000万元零1分不适用', { projectTotalInvestmentFen: 1_000_000_001 }, { eligible: false }],
      ['社会投资项目不适用', { isGovernmentInvestmentProject: false }, { eligible: false }],
    ],
  },
  {
    rule: 'gov-project-no-review',
    asOf: '2020-03-15',
    base: {
      ...NC,
      isGovernmentInvestmentProject: true,
      isSimpleSingleTechProject: true,
      projectTotalInvestmentFen: 100_000_000,
    },
    cases: [
      ['总投资100万元（边界）简易项目不再评审', {}, { eligible: true }],
      ['101万元需评审', { projectTotalInvestmentFen: 101_000_000 }, { eligible: false }],
      ['技术复杂项目需评审', { isSimpleSingleTechProject: false }, { eligible: false }],
    ],
  },
  {
    rule: 'gov-project-no-feasibility-approval',
    asOf: '2020-03-15',
    base: { ...NC, isGovernmentInvestmentProject: true, projectTotalInvestmentFen: 50_000_000 },
    cases: [
      ['总投资50万元（边界）不再批复可研和初设', {}, { eligible: true }],
      ['51万元仍需批复', { projectTotalInvestmentFen: 51_000_000 }, { eligible: false }],
      ['社会投资项目不适用', { isGovernmentInvestmentProject: false }, { eligible: false }],
    ],
  },
  {
    rule: 'disinfectant-temporary-licence',
    asOf: '2020-02-28',
    base: {
      ...NC,
      disinfectantProduct: 'ethanol-75',
      licenceApplicationComplete: true,
      licenceApplicationDate: '2020-02-28',
    },
    cases: [
      ['75%乙醇：当场发证，有效期至5月28日', {}, { eligible: true, value: '2020-05-28' }],
      ['含氯消毒剂同样适用', { disinfectantProduct: 'chlorine' }, { eligible: true, value: '2020-05-28' }],
      ['其他消毒产品不适用', { disinfectantProduct: 'other' }, { eligible: false }],
      ['材料不全', { licenceApplicationComplete: false }, { eligible: false }],
      [
        '11月30日申请：有效期至次年2月28日',
        { licenceApplicationDate: '2020-11-30' },
        { eligible: true, value: '2021-02-28' },
      ],
    ],
  },
  {
    rule: 'drug-device-licence-extension',
    asOf: '2020-03-15',
    base: { ...NC, drugDeviceTradingLicenceExpiryDate: '2020-02-15', level1ResponseLiftDate: '2020-03-12' },
    cases: [
      ['一级响应3月12日解除：顺延至5月11日（60天）', {}, { eligible: true, value: '2020-05-11' }],
      [
        '1月24日到期（边界）同样顺延',
        { drugDeviceTradingLicenceExpiryDate: '2020-01-24' },
        { eligible: true, value: '2020-05-11' },
      ],
      ['1月23日到期不在疫情期间', { drugDeviceTradingLicenceExpiryDate: '2020-01-23' }, { eligible: false }],
      ['解除当日到期（边界）顺延', { drugDeviceTradingLicenceExpiryDate: '2020-03-12' }, { eligible: true }],
      ['解除后到期不顺延', { drugDeviceTradingLicenceExpiryDate: '2020-03-13' }, { eligible: false }],
      [
        '一级响应未解除：无法判断',
        { level1ResponseLiftDate: null },
        { eligible: null, missingFacts: ['level1ResponseLiftDate'] },
      ],
    ],
  },
  {
    rule: 'drawing-review-exemption',
    asOf: '2020-03-15',
    base: { ...NC, isNewOrExtendedBuilding: true, buildingAreaSqm: 4999.9 },
    cases: [
      ['4999.9平方米取消联合审查', {}, { eligible: true }],
      ['5000平方米（边界）仍需联合审查', { buildingAreaSqm: 5000 }, { eligible: false }],
      ['非新（扩）建项目', { isNewOrExtendedBuilding: false }, { eligible: false }],
    ],
  },
  {
    rule: 'emergency-tender-threshold',
    asOf: '2020-03-15',
    base: { ...NC, isEmergencyEpidemicProject: true, constructionContractEstimateFen: 999_999_999 },
    cases: [
      ['估算价不足1000万元：不必招标', {}, { eligible: true }],
      ['估算价1000万元（边界）须招标', { constructionContractEstimateFen: 1_000_000_000 }, { eligible: false }],
      ['估算价500万元：原须招标，现不必', { constructionContractEstimateFen: 500_000_000 }, { eligible: true }],
      ['非应急防疫项目不适用', { isEmergencyEpidemicProject: false }, { eligible: false }],
    ],
  },
  {
    rule: 'tender-period',
    asOf: '2020-03-15',
    base: { ...NC, isEmergencyEpidemicProject: true, tenderType: 'survey-design-supervision-construction' },
    cases: [
      ['施工招标最短15日', {}, { eligible: true, value: 15 }],
      ['EPC招标最短20日', { tenderType: 'epc' }, { eligible: true, value: 20 }],
      ['招标类型未知', { tenderType: null }, { eligible: null, missingFacts: ['tenderType'] }],
      ['非应急防疫项目不适用', { isEmergencyEpidemicProject: false }, { eligible: false }],
    ],
  },
  {
    rule: 'charter-subsidy',
    asOf: '2020-03-01',
    base: { ...NC, organisedCharterReturn: true, isKeyEnterprise: true, charterCostFen: 5_000_000 },
    cases: [
      ['重点企业包车5万元全额补贴', {}, { eligible: true, amountFen: 5_000_000 }],
      [
        '省重点项目（非重点企业）也全额补贴',
        { isKeyEnterprise: false, projectCategory: 'provincial-key' },
        { eligible: true, amountFen: 5_000_000 },
      ],
      ['一般企业不补贴', { isKeyEnterprise: false, projectCategory: 'other' }, { eligible: false, amountFen: 0 }],
      ['未组织包车', { organisedCharterReturn: false }, { eligible: false }],
    ],
  },
  {
    rule: 'transport-subsidy',
    asOf: '2020-03-01',
    base: { ...NC, isSelfReturnedOrNewHire: true, usedCharterOrShuttle: false, travelOrigin: 'in-province' },
    cases: [
      ['省内自行返岗：200元', {}, { eligible: true, amountFen: 20_000 }],
      ['省外自行返岗：500元', { travelOrigin: 'out-of-province' }, { eligible: true, amountFen: 50_000 }],
      ['已坐包车的不重复享受', { usedCharterOrShuttle: true }, { eligible: false, amountFen: 0 }],
      [
        '是否坐过包车未知：需补充',
        { usedCharterOrShuttle: null },
        { eligible: null, missingFacts: ['usedCharterOrShuttle'] },
      ],
    ],
  },
  {
    rule: 'placement-service-subsidy',
    asOf: '2020-05-01',
    base: {
      ...NC,
      placementProviderType: 'college',
      placementSuccessful: true,
      placedIntoKeyParkEnterprise: true,
      placementEmployedMonths: 3,
    },
    cases: [
      ['院校推荐、稳定就业3个月（边界）：2000元', {}, { eligible: true, amountFen: 200_000 }],
      ['稳定就业2.9个月不补贴', { placementEmployedMonths: 2.9 }, { eligible: false }],
      ['非园区重点企业', { placedIntoKeyParkEnterprise: false }, { eligible: false }],
      ['其他机构不补贴', { placementProviderType: 'other' }, { eligible: false }],
    ],
  },
  {
    rule: 'hiring-subsidy',
    asOf: '2020-03-01',
    base: { ...NC, urgentSuppliesStartDate: '2020-01-28', hiresInWindow: 20 },
    cases: [
      ['吸纳20人：20,000元', {}, { eligible: true, amountFen: 2_000_000 }],
      ['1月24日开工（边界）', { urgentSuppliesStartDate: '2020-01-24' }, { eligible: true }],
      ['1月23日开工不在窗口内', { urgentSuppliesStartDate: '2020-01-23' }, { eligible: false }],
      ['2月9日开工（边界）', { urgentSuppliesStartDate: '2020-02-09' }, { eligible: true }],
      ['2月10日开工不在窗口内', { urgentSuppliesStartDate: '2020-02-10' }, { eligible: false }],
      [
        '南昌版本不排除已享受稳岗补助的企业',
        { receivedOneOffJobRetentionGrant: true },
        { eligible: true, amountFen: 2_000_000 },
      ],
    ],
  },
  {
    rule: 'worker-housing-share',
    asOf: '2020-03-01',
    base: { ...NC, isKeyEnterprise: true, workerHousingCostFen: 10_000_000 },
    cases: [
      ['集中居住经费10万元：县区承担5万元', {}, { eligible: true, amountFen: 5_000_000 }],
      [
        '市重大重点项目同样适用',
        { isKeyEnterprise: false, projectCategory: 'municipal-major' },
        { eligible: true, amountFen: 5_000_000 },
      ],
      ['一般企业不适用', { isKeyEnterprise: false, projectCategory: 'other' }, { eligible: false }],
    ],
  },
  {
    rule: 'land-formalities-deadline',
    asOf: '2020-03-01',
    base: { ...NC, temporaryLandToPermanent: true, emergencyResponseEndDate: '2020-05-06' },
    cases: [
      ['应急响应5月6日解除：11月6日前完善用地手续', {}, { eligible: true, value: '2020-11-06' }],
      ['无需转为永久建设用地', { temporaryLandToPermanent: false }, { eligible: false }],
      ['2021年仍可查询期限', {}, { eligible: true, value: '2020-11-06' }, '2021-01-15'],
    ],
  },
  {
    rule: 'land-premium-deferral',
    asOf: '2020-03-01',
    base: { ...NC, landPremiumDueDate: '2020-01-24', emergencyResponseEndDate: '2020-05-06' },
    cases: [
      ['1月24日（含）应缴：可延至8月6日', {}, { eligible: true, value: '2020-08-06' }],
      ['1月23日应缴的不延期', { landPremiumDueDate: '2020-01-23' }, { eligible: false }],
      [
        '疫情未结束：延期终点未知',
        { emergencyResponseEndDate: null },
        { eligible: true, value: null, missingFacts: ['emergencyResponseEndDate'] },
      ],
    ],
  },
  {
    rule: 'land-deposit-ratio',
    asOf: '2020-03-01',
    base: { ...NC, landUse: 'industrial' },
    cases: [
      ['竞买保证金20%', {}, { eligible: true, value: 20 }],
      ['用途未知', { landUse: null }, { eligible: null, missingFacts: ['landUse'] }],
      ['其他用途同样20%', { landUse: 'other' }, { eligible: true, value: 20 }],
      ['政策2020年12月31日到期', {}, { inForce: false }, '2021-01-01'],
    ],
  },
  {
    rule: 'land-first-instalment',
    asOf: '2020-03-01',
    base: { ...NC, landUse: 'commercial-residential', landContractDate: '2020-03-31' },
    cases: [
      ['3月31日签约：4月30日前缴纳50%', {}, { eligible: true, value: '2020-04-30' }],
      [
        '1月31日签约：2月29日前（闰年月末对齐）',
        { landContractDate: '2020-01-31' },
        { eligible: true, value: '2020-02-29' },
      ],
      [
        '签约日期未填：期限未知',
        { landContractDate: null },
        { eligible: true, value: null, missingFacts: ['landContractDate'] },
      ],
      ['用途未知', { landUse: null }, { eligible: null }],
    ],
  },
  {
    rule: 'land-balance-deadline',
    asOf: '2020-03-01',
    base: {
      ...NC,
      landUse: 'commercial-residential',
      landContractDate: '2020-03-15',
      landStartingPriceFen: 50_000_000_000,
    },
    cases: [
      ['起始总价5亿元（边界）：6个月', {}, { eligible: true, value: '2020-09-15' }],
      ['4亿元：3个月', { landStartingPriceFen: 40_000_000_000 }, { eligible: true, value: '2020-06-15' }],
      ['3亿元（边界）：3个月', { landStartingPriceFen: 30_000_000_000 }, { eligible: true, value: '2020-06-15' }],
      ['2.99亿元：1个月', { landStartingPriceFen: 29_900_000_000 }, { eligible: true, value: '2020-04-15' }],
      ['工业用地：1年', { landUse: 'industrial' }, { eligible: true, value: '2021-03-15' }],
      ['其他用途不适用', { landUse: 'other' }, { eligible: false }],
    ],
  },
  {
    rule: 'prevention-cost',
    asOf: '2020-03-01',
    base: { ...NC, projectCategory: 'provincial-large-medium', preventionPersonDays: 3_000 },
    cases: [
      ['100人×30天×30元 = 9万元计入造价', {}, { eligible: true, amountFen: 9_000_000 }],
      ['0人天', { preventionPersonDays: 0 }, { eligible: true, amountFen: 0 }],
      ['项目类别未知', { projectCategory: null }, { eligible: null, missingFacts: ['projectCategory'] }],
      ['一般项目不适用', { projectCategory: 'other' }, { eligible: false }],
    ],
  },
  {
    rule: 'relending-interest-subsidy',
    asOf: '2020-06-01',
    base: {
      ...NC,
      isSpecialRelendingLoan: true,
      keyGuaranteeList: 'national',
      loanStartDate: '2020-02-20',
      loanAmountFen: 1_000_000_000,
      relendingRatePercent: 1.6,
      loanMonths: 12,
    },
    cases: [
      ['1000万元、1.6%、12个月：全额贴息16万元', {}, { eligible: true, amountFen: 16_000_000 }],
      ['6个月：8万元', { loanMonths: 6 }, { eligible: true, amountFen: 8_000_000 }],
      ['市级名单不在专项再贷款名单内', { keyGuaranteeList: 'municipal' }, { eligible: false }],
      ['赣州企业不适用南昌25%', GANZHOU, { eligible: false }],
    ],
  },
  {
    rule: 'gov-project-prepayment',
    asOf: '2020-03-15',
    base: { ...NC, isGovernmentInvestmentProject: true, hasResumed: true, annualInvestmentPlanFen: 10_000_000_000 },
    cases: [
      ['年度计划1亿元：预拨1000万元', {}, { eligible: true, amountFen: 1_000_000_000 }],
      ['未复工不预拨', { hasResumed: false }, { eligible: false }],
      ['年度计划5分：预拨0.5分四舍五入为1分', { annualInvestmentPlanFen: 5 }, { eligible: true, amountFen: 1 }],
    ],
  },
  {
    rule: 'guarantee-fee-subsidy',
    asOf: '2020-06-01',
    base: { ...NC, newGuaranteeAmount2020Fen: 1_000_000_000 },
    cases: [
      ['担保1000万元：补贴0.5% = 5万元', {}, { eligible: true, amountFen: 5_000_000, capped: false }],
      [
        '担保3000万元：15万元（恰到上限）',
        { newGuaranteeAmount2020Fen: 3_000_000_000 },
        { eligible: true, amountFen: 15_000_000, capped: false },
      ],
      [
        '担保5000万元：25万元，以15万元为限',
        { newGuaranteeAmount2020Fen: 5_000_000_000 },
        { eligible: true, amountFen: 15_000_000, capped: true },
      ],
      ['2020年无新发生业务', { newGuaranteeAmount2020Fen: 0 }, { eligible: false, amountFen: 0 }],
    ],
  },
  {
    rule: 'bridge-loan-fee',
    asOf: '2020-03-15',
    base: { ...NC, usesBridgeLoanFund: true, benchmarkLoanRatePercent: 4.35 },
    cases: [
      ['转贷费率按基准利率4.35%', {}, { eligible: true, value: 4.35 }],
      ['未使用转贷基金', { usesBridgeLoanFund: false }, { eligible: false }],
      [
        '基准利率未配置',
        { benchmarkLoanRatePercent: null },
        { eligible: true, value: null, missingFacts: ['benchmarkLoanRatePercent'] },
      ],
    ],
  },
  {
    rule: 'agri-interest-subsidy',
    asOf: '2020-04-01',
    base: {
      ...NC,
      agriLeadingEnterpriseLevel: 'municipal',
      isKeySupplyEnterprise: true,
      agriProjectType: 'cold-storage',
      projectTotalInvestmentFen: 800_000_000,
      completedLastYear: true,
      normalProductionDuringEpidemic: true,
      loanAmountFen: 500_000_000,
      benchmarkLoanRatePercent: 4.35,
      loanMonths: 12,
    },
    cases: [
      ['贷款500万元×4.35%×1年 = 21.75万元', {}, { eligible: true, amountFen: 21_750_000, capped: false }],
      ['贷款6个月：10.875万元', { loanMonths: 6 }, { eligible: true, amountFen: 10_875_000 }],
      [
        '贷款1000万元：43.5万元，以30万元为限',
        { loanAmountFen: 1_000_000_000 },
        { eligible: true, amountFen: 30_000_000, capped: true },
      ],
      ['总投资500万元（边界）', { projectTotalInvestmentFen: 500_000_000 }, { eligible: true }],
      ['总投资499.99万元不适用', { projectTotalInvestmentFen: 499_999_000 }, { eligible: false }],
      ['县级龙头企业不适用', { agriLeadingEnterpriseLevel: 'county' }, { eligible: false }],
      ['上年度未竣工投产', { completedLastYear: false }, { eligible: false }],
    ],
  },
  {
    rule: 'new-industrial-project-grant',
    asOf: '2020-12-01',
    base: {
      ...NC,
      projectCategory: 'municipal-major',
      isEncouragedCategory: true,
      isNewIndustrialProject: true,
      projectTotalInvestmentFen: 10_000_000_000,
      fixedAssetInvestmentThisYearFen: 3_000_000_000,
    },
    cases: [
      [
        '总投资1亿元、本年完成3000万元（30%边界）：6% = 180万元',
        {},
        { eligible: true, amountFen: 180_000_000, capped: false },
      ],
      ['本年完成2999万元不足30%', { fixedAssetInvestmentThisYearFen: 2_999_000_000 }, { eligible: false }],
      [
        '总投资10亿元、本年完成6亿元：360万元，以300万元为限',
        { projectTotalInvestmentFen: 100_000_000_000, fixedAssetInvestmentThisYearFen: 60_000_000_000 },
        { eligible: true, amountFen: 300_000_000, capped: true },
      ],
      ['限制类项目不补助', { isEncouragedCategory: false }, { eligible: false }],
    ],
  },
  {
    rule: 'tech-upgrade-grant',
    asOf: '2020-12-01',
    base: {
      ...NC,
      isAboveScaleIndustry: true,
      isEncouragedCategory: true,
      isTechUpgradeProject: true,
      equipmentInvestmentThisYearFen: 300_000_000,
      equipmentInvoiceFen: 300_000_000,
    },
    cases: [
      ['设备发票300万元：(300−100)×10% = 20万元', {}, { eligible: true, amountFen: 20_000_000, capped: false }],
      [
        '设备投资恰为100万元（未超过）不补助',
        { equipmentInvestmentThisYearFen: 100_000_000, equipmentInvoiceFen: 100_000_000 },
        { eligible: false },
      ],
      [
        '发票1亿元：990万元，以500万元为限',
        { equipmentInvestmentThisYearFen: 10_000_000_000, equipmentInvoiceFen: 10_000_000_000 },
        { eligible: true, amountFen: 500_000_000, capped: true },
      ],
      ['非规上企业不适用', { isAboveScaleIndustry: false }, { eligible: false }],
      [
        '又上熔喷布项目且熔喷补助更高：技改补助不重复享受',
        { isNewMeltblownProject: true, meltblownProductQualified: true, meltblownEquipmentInvoiceFen: 200_000_000 },
        { eligible: true, amountFen: 20_000_000, payableFen: 0 },
      ],
    ],
  },
  {
    rule: 'meltblown-grant',
    asOf: '2020-04-01',
    base: {
      ...NC,
      isNewMeltblownProject: true,
      meltblownProductQualified: true,
      meltblownEquipmentInvoiceFen: 200_000_000,
    },
    cases: [
      ['熔喷设备200万元：补助100万元', {}, { eligible: true, amountFen: 100_000_000, payableFen: 100_000_000 }],
      ['产品不合格', { meltblownProductQualified: false }, { eligible: false }],
      [
        '熔喷补助（10万元）低于技改补助（20万元）：不重复享受',
        {
          meltblownEquipmentInvoiceFen: 20_000_000,
          isAboveScaleIndustry: true,
          isEncouragedCategory: true,
          isTechUpgradeProject: true,
          equipmentInvestmentThisYearFen: 300_000_000,
          equipmentInvoiceFen: 300_000_000,
        },
        { eligible: true, amountFen: 10_000_000, payableFen: 0 },
      ],
    ],
  },
  {
    rule: 'service-cluster-grant',
    asOf: '2020-04-01',
    base: { ...NC, isServiceClusterManager: true, clusterSmeRentReliefTaken: true, requestedGrantFen: 8_000_000 },
    cases: [
      ['申请8万元', {}, { eligible: true, amountFen: 8_000_000, capped: false }],
      [
        '申请15万元：以10万元为限',
        { requestedGrantFen: 15_000_000 },
        { eligible: true, amountFen: 10_000_000, capped: true },
      ],
      ['区内未减免租金', { clusterSmeRentReliefTaken: false }, { eligible: false }],
    ],
  },
  {
    rule: 'commercial-venue-award',
    asOf: '2020-04-01',
    base: {
      ...NC,
      isCommercialVenueManager: true,
      smeRentReliefGivenFen: 20_000_000,
      receivedClusterFunding: false,
      requestedGrantFen: 12_000_000,
    },
    cases: [
      ['减免租金20万元（边界）：奖励以10万元为限', {}, { eligible: true, amountFen: 10_000_000, capped: true }],
      ['减免租金19.99万元不奖励', { smeRentReliefGivenFen: 19_990_000 }, { eligible: false }],
      ['已享受集聚区资金补助的不奖励', { receivedClusterFunding: true }, { eligible: false }],
    ],
  },
  {
    rule: 'car-scrap-replacement',
    asOf: '2020-06-01',
    base: { ...NC, vehiclesScrappedAndReplaced2020: 2 },
    cases: [
      ['报废更新2辆：2,000元', {}, { eligible: true, amountFen: 200_000 }],
      ['未报废更新', { vehiclesScrappedAndReplaced2020: 0 }, { eligible: false }],
      ['外地车主不适用', GANZHOU, { eligible: false }],
    ],
  },
  {
    rule: 'farmers-market-digitisation',
    asOf: '2020-06-01',
    base: { ...NC, isFarmersMarket: true, marketDigitised: true, requestedGrantFen: 6_000_000 },
    cases: [
      ['申请6万元：以5万元为限', {}, { eligible: true, amountFen: 5_000_000, capped: true }],
      ['申请3万元', { requestedGrantFen: 3_000_000 }, { eligible: true, amountFen: 3_000_000, capped: false }],
      ['未完成信息化改造', { marketDigitised: false }, { eligible: false }],
    ],
  },
]);

describe(policy.title, () => {
  it.each(situations.map((s) => [s.name, s] as const))('%s', (_, s) => {
    expect(runSituation(policy.rules, s).diffs).toEqual([]);
  });
});
