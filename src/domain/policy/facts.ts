/**
 * The facts vocabulary (事实词表) published at `GET /api/policies/facts`.
 *
 * Every fact a rule may read is declared here with its type, unit, Chinese label, description and source:
 * - `registry`: kept in 一企一档 (the enterprise registry) — the server fills it from there;
 * - `application`: supplied by the applicant (enterprise, person or department) with the application;
 * - `official`: a published figure or date kept in platform configuration (疫情解除日期, LPR, 统筹地月人均失业保险金).
 *
 * Conventions: money is integer fen (unit `分`); rates are percentages (`20` means 20%); dates are `YYYY-MM-DD`.
 */
import { SIZE_CLASSES_ASCENDING, SIZE_CLASS_LABEL, classifyEnterpriseSize } from '../registry/size-class.ts';
import { isIsoDate } from './dates.ts';
import type { FactValue, Facts } from './types.ts';

export type FactType = 'number' | 'integer' | 'boolean' | 'string' | 'date' | 'enum';
export type FactSource = 'registry' | 'application' | 'official';
export type FactUnit = '分' | '人' | '月' | '天' | '%' | '次' | '辆' | '平方米' | '人·天';

export interface FactDefinition {
  readonly name: string;
  readonly type: FactType;
  readonly unit: FactUnit | null;
  readonly label: string;
  readonly description: string;
  readonly source: FactSource;
  /** Allowed values of an `enum` fact, with Chinese labels. */
  readonly values?: readonly { readonly value: string; readonly label: string }[];
}

export const FACT_SOURCE_LABEL: Readonly<Record<FactSource, string>> = {
  registry: '一企一档',
  application: '申请材料',
  official: '官方公布数据',
};

type Def = FactDefinition;
const money = (name: string, label: string, description: string, source: FactSource = 'application'): Def => ({
  name,
  type: 'integer',
  unit: '分',
  label,
  description: `${description}（单位：分）`,
  source,
});
const bool = (name: string, label: string, description: string, source: FactSource = 'application'): Def => ({
  name,
  type: 'boolean',
  unit: null,
  label,
  description,
  source,
});
const int = (name: string, unit: FactUnit, label: string, description: string, source: FactSource = 'application') =>
  ({ name, type: 'integer', unit, label, description, source }) satisfies Def;
const num = (name: string, unit: FactUnit, label: string, description: string, source: FactSource = 'application') =>
  ({ name, type: 'number', unit, label, description, source }) satisfies Def;
const date = (name: string, label: string, description: string, source: FactSource = 'application'): Def => ({
  name,
  type: 'date',
  unit: null,
  label,
  description,
  source,
});
const enumFact = (
  name: string,
  label: string,
  description: string,
  values: readonly (readonly [string, string])[],
  source: FactSource = 'application',
): Def => ({
  name,
  type: 'enum',
  unit: null,
  label,
  description,
  source,
  values: values.map(([value, l]) => ({ value, label: l })),
});
const str = (name: string, label: string, description: string, source: FactSource = 'application'): Def => ({
  name,
  type: 'string',
  unit: null,
  label,
  description,
  source,
});

/** Size classes of 工信部联企业〔2011〕300号, from the registry's classifier (largest first). */
export const SIZE_CLASS_VALUES: readonly (readonly [string, string])[] = [...SIZE_CLASSES_ASCENDING]
  .reverse()
  .map((c) => [c, SIZE_CLASS_LABEL[c]] as const);

export const FACTS: readonly FactDefinition[] = [
  // ----- 一企一档 (registry) ---------------------------------------------------------------------------------------
  str(
    'regionCode',
    '所在地区划代码',
    '注册地（个人为参保地、创业地或车辆登记地）的GB/T 2260行政区划代码，6位县级码或更长的乡镇、村级码；决定适用哪一级政策',
    'registry',
  ),
  str('countyCode', '所在县区代码', '所在县（区）6位行政区划代码，用于县区财政分担与统计', 'registry'),
  str('zoneCode', '所在功能区代码', '所在开发区、高新区、新区的功能区代码；不在功能区的填空字符串', 'registry'),
  str('industryCode', '国民经济行业代码', 'GB/T 4754 行业代码（门类字母或2–4位数字）', 'registry'),
  enumFact(
    'sizeClass',
    '企业规模',
    '按工信部联企业〔2011〕300号划型的结果（由一企一档按行业、从业人员、营业收入、资产总额计算）',
    SIZE_CLASS_VALUES,
    'registry',
  ),
  int('employees', '人', '在职职工人数', '企业现有在职职工（从业人员）人数', 'registry'),
  money('revenueFen', '上年度营业收入', '企业上年度营业收入（用于300号划型）', 'registry'),
  money('assetsFen', '资产总额', '企业资产总额（用于300号划型）', 'registry'),
  bool('isAboveScaleIndustry', '规模以上工业企业', '是否为规模以上工业企业（规上工业）', 'registry'),
  enumFact(
    'unitType',
    '参保单位类型',
    '社会保险参保单位类型；机关事业单位不适用阶段性减免',
    [
      ['enterprise', '企业'],
      ['individual-business', '个体工商户'],
      ['public-institution', '机关事业单位'],
      ['social-organisation', '社会组织等其他单位'],
    ],
    'registry',
  ),
  bool('isPrivateEnterprise', '民营企业', '是否为民营企业', 'registry'),
  enumFact(
    'keyGuaranteeList',
    '疫情防控重点保障企业名单',
    '企业所在的疫情防控重点保障企业名单（专项再贷款名单制管理）',
    [
      ['national', '全国性名单'],
      ['provincial', '省级名单'],
      ['municipal', '市级名单'],
      ['none', '未列入'],
    ],
    'registry',
  ),
  bool('isKeyEnterprise', '重点企业', '是否为列入地方重点企业名单的企业（返岗包车补贴等）', 'registry'),
  bool('isListedCompany', '上市公司或挂牌公司', '是否为上市公司、挂牌公司或公司债券发行人', 'registry'),
  bool('isFuturesCompany', '期货公司', '是否为期货公司', 'registry'),
  bool('isSecuritiesFirm', '证券经营机构', '是否为证券基金经营机构', 'registry'),
  enumFact(
    'agriLeadingEnterpriseLevel',
    '农业产业化龙头企业级别',
    '农业产业化龙头企业认定级别',
    [
      ['national', '国家级'],
      ['provincial', '省级'],
      ['municipal', '市级'],
      ['county', '县级'],
      ['none', '非龙头企业'],
    ],
    'registry',
  ),

  // ----- 官方公布数据 (official) ------------------------------------------------------------------------------------
  date('epidemicEndDate', '当地疫情解除日期', '当地宣布疫情解除的日期（尚未解除则缺失）', 'official'),
  date(
    'emergencyResponseEndDate',
    '重大公共卫生事件应急响应解除日期',
    '因新冠肺炎疫情引发的重大公共卫生事件应急响应解除日期，即南昌市文件所称“疫情结束”（尚未解除则缺失）',
    'official',
  ),
  date('level1ResponseLiftDate', '省级疫情一级响应解除日期', '江西省疫情防控一级应急响应解除日期', 'official'),
  num('lpr1yPercent', '%', '最近公布的一年期LPR', '全国银行间同业拆借中心最近公布的一年期贷款市场报价利率', 'official'),
  num('relendingRatePercent', '%', '人民银行专项再贷款利率', '人民银行疫情防控专项再贷款利率', 'official'),
  num('benchmarkLoanRatePercent', '%', '国家当期贷款基准利率', '国家当期贷款基准利率（对应贷款期限）', 'official'),
  money(
    'localAvgMonthlyUiBenefitFen',
    '统筹地上年度月人均失业保险金',
    '失业保险统筹地区上年度月人均失业保险金',
    'official',
  ),
  num(
    'unemploymentControlTargetPercent',
    '%',
    '上年度全国城镇调查失业率控制目标',
    '上年度全国城镇调查失业率控制目标（稳岗返还裁员率标准）',
    'official',
  ),
  bool('inSevereEpidemicArea', '疫情严重地区', '所在地是否为受疫情影响严重地区（含武汉等地区）', 'official'),

  // ----- 社会保险 ----------------------------------------------------------------------------------------------------
  money('siEmployerMonthlyFen', '三项社会保险单位缴费月额', '基本养老保险、失业保险、工伤保险单位缴费部分每月应缴金额'),
  bool('siSevereDifficulty', '受疫情影响生产经营出现严重困难', '受疫情影响生产经营出现严重困难，申请缓缴社会保险费'),
  bool('siPaymentMissedDueToEpidemic', '未能按时办理社保缴费业务', '受疫情影响未能按时办理社会保险缴费业务'),
  money('siLateFeeFen', '社会保险费滞纳金', '按一般规定应计的社会保险费滞纳金'),
  bool('uiInsured', '参加失业保险', '依法参加失业保险并缴费的参保单位'),
  money('uiPremiumPaidLastYearFen', '上年度实际缴纳失业保险费', '企业上年度实际缴纳的失业保险费'),
  num('avgInsuredHeadcountLastYear', '人', '上年度月均参保职工人数', '企业上年度月均参保职工人数'),
  int('insuredEmployees', '人', '参保职工人数', '参加失业保险的职工人数'),
  num('layoffRatePercent', '%', '裁员率', '上年度裁员人数占企业职工总数的比例'),
  bool('temporaryDifficulty', '面临暂时性生产经营困难', '面临暂时性生产经营困难且坚持不裁员或少裁员'),
  bool('unionRefundEligible', '符合工会经费返还条件', '符合条件的小微企业（工会经费全额返还条件）'),
  money('unionFundsPaidFen', '已缴工会经费', '企业已缴纳的工会经费'),

  // ----- 就业 --------------------------------------------------------------------------------------------------------
  date(
    'urgentSuppliesStartDate',
    '开工生产、配送疫情防控急需物资日期',
    '企业开工生产或配送疫情防控急需物资的日期（春节期间持续生产的，填春节假期内首个生产日）',
  ),
  int('hiresInWindow', '人', '吸纳就业人数', '窗口期内开工生产、配送急需物资期间吸纳就业的劳动者人数'),
  bool('receivedOneOffJobRetentionGrant', '已享受一次性稳岗补助', '企业已享受一次性稳岗补助'),
  enumFact('placementProviderType', '推荐就业机构类型', '提供职业介绍、推荐就业的机构类型', [
    ['hr-agency', '人力资源服务机构'],
    ['college', '大中专院校'],
    ['technical-school', '技工学校（培训学校）'],
    ['grassroots-hrss', '基层人力资源社会保障所'],
    ['other', '其他'],
  ]),
  bool('placementSuccessful', '成功推荐就业', '机构成功推荐该劳动者就业'),
  bool(
    'placedIntoKeyParkEnterprise',
    '就业于工业园区重点企业',
    '被推荐劳动者就业于工业园区重点企业（含保障类企业、重大工程企业）',
  ),
  num('placementEmployedMonths', '月', '稳定就业月数', '被推荐劳动者在该企业连续稳定就业的月数'),
  bool('isMigrantWorker', '农民工', '申请人是否为农民工'),
  bool('foundedEnterprise', '创办企业', '申请人创办了企业（地区以创业地为准）'),
  bool('isInsuredPerson', '失业保险参保人员', '申请人是否为失业保险参保人员'),
  bool('isUnemployed', '处于失业状态', '申请人疫情防控期间处于失业状态'),
  bool('eligibleForUiBenefit', '达到领取失业保险金条件', '申请人是否达到领取失业保险金条件'),
  int('unemployedMonthsDuringEpidemic', '月', '疫情防控期间失业月数', '疫情防控期间处于失业状态的月数'),
  int('newHires', '人', '新招员工人数', '企业新招员工人数'),
  int('workersIntroduced', '人', '组织介绍来区就业人数', '个人或单位组织介绍来区企业就业的劳动力人数'),

  // ----- 创业担保贷款、信贷、担保 --------------------------------------------------------------------------------------
  bool('hasStartupGuaranteeLoan', '已发放个人创业担保贷款', '借款人已获发放个人创业担保贷款'),
  bool('borrowerInfected', '借款人感染新型肺炎', '借款人感染新型冠状病毒肺炎'),
  bool('borrowerFourCategories', '借款人属“四类人员”', '借款人属确诊、疑似、无法排除、密切接触的集中收治集中隔离人员'),
  bool('repaymentDifficultyDueToEpidemic', '受疫情影响还款困难', '受疫情影响还款出现困难'),
  int('newEligibleHiresLastYear', '人', '1年内新招用符合条件人数', '1年内新招用符合创业担保贷款申请条件的人数'),
  num('jobRetentionRatePercent', '%', '1年内稳定就业岗位比例', '1年内企业稳定就业岗位占比'),
  money('requestedLoanFen', '申请贷款额度', '企业申请的贷款额度'),
  money('loanAmountFen', '贷款金额', '贷款本金'),
  money('loanInterestFen', '贴息期内应付利息', '按合同利率计算的贴息期内应付利息'),
  num('loanMonths', '月', '实际贷款时间', '贴息计算期内的实际贷款时间（月）'),
  bool('isSpecialRelendingLoan', '专项再贷款支持的贷款', '贷款是否为人民银行疫情防控专项再贷款支持的贷款'),
  date('loanStartDate', '贷款发放日期', '贷款发放日期'),
  bool('usesBridgeLoanFund', '使用普惠性转贷基金', '企业使用南昌市普惠性转贷基金办理贷款“过桥”'),
  bool('heavilyAffectedByEpidemic', '受疫情影响较大企业', '是否为受疫情影响较大的企业'),
  bool('severelyAffectedByEpidemic', '受疫情影响严重', '是否受疫情影响严重'),
  bool('temporaryLiquidityDifficulty', '流动性遇到暂时困难', '符合条件、流动性遇到暂时困难'),
  money('penaltyInterestFen', '罚息', '按合同应计的罚息'),
  bool('isGovernmentGuarantor', '政府性融资担保再担保机构', '是否为政府性融资担保或再担保机构'),
  bool('guarantorInSevereArea', '受疫情影响严重地区的担保机构', '融资担保再担保机构是否位于受疫情影响严重地区'),
  money('reguaranteeFeeFen', '再担保费', '按原标准应收的再担保费'),
  bool('inNationalGuaranteeFundScope', '纳入国家融资担保基金支持范围', '融资担保业务纳入国家融资担保基金支持范围'),
  money('reguaranteeClientAmountFen', '单户再担保业务金额', '新发生再担保业务的单户金额'),
  money('reguaranteeDealAmountFen', '单笔担保业务金额', '单笔融资担保（再担保）业务金额'),
  money(
    'newGuaranteeAmount2020Fen',
    '2020年新发生融资担保业务额',
    '企业2020年在南昌市融资担保机构新发生的融资担保业务金额',
  ),
  num('guaranteeCompensationRatePercent', '%', '融资担保代偿率', '融资担保机构对重点保障及受影响较大企业业务的代偿率'),

  // ----- 税费、收费 --------------------------------------------------------------------------------------------------
  bool('hasResumed', '已复工复产', '企业（项目）已复工复产'),
  money(
    'testingFeesFen',
    '检定校准及检验检测费用',
    '市场监管总局所属机构的计量检定校准、产品质量检验检测、特种设备检验项目收费',
  ),
  money('standardsServiceFeesFen', '标准服务费用', '中外标准信息咨询服务、标准时效性确认和标准翻译费用'),
  money(
    'drugDeviceRegistrationFeeFen',
    '药品医疗器械注册收费',
    '药品补充申请、再注册，二类医疗器械首次注册、变更注册、延续注册收费',
  ),
  bool('isEmergencySupplyVehicle', '应急物资保障车辆', '疫情防控应急物资或省指挥部统一调拨转运的重要生活物资保障车辆'),
  money('expresswayTollFen', '高速公路通行费', '按原标准应缴的高速公路通行费'),
  money('membershipFee2020Fen', '2020年度会费', '行业协会商会2020年度会费'),
  bool('filesMonthly', '按月申报纳税', '按月申报的纳税人、扣缴义务人'),
  bool('taxPaymentSpecialDifficulty', '缴纳税款确有特殊困难', '受疫情影响确有特殊困难不能按期缴纳税款'),
  int('requestedTaxDeferralMonths', '月', '申请延期缴纳税款月数', '申请延期缴纳税款的月数'),
  money(
    'listingAnnualFee2020Fen',
    '2020年度上市年费和挂牌年费',
    '应向证券交易所、全国股转系统缴纳的2020年度上市年费和挂牌年费',
  ),
  money('futuresExchangeFees2020Fen', '2020年度期货交易所会费和席位费', '应向期货交易所缴纳的2020年度会费和席位费'),
  bool('cannotDiscloseOnSchedule', '难以按原预约日期披露年报', '受疫情影响难以在原预约日期披露2019年年报'),
  bool(
    'hasPendingRestructuring',
    '并购重组行政许可在办',
    '上市公司并购重组行政许可在办，受疫情影响不能按期更新财务资料或发出股东大会通知',
  ),
  int(
    'restructuringExtensionApplications',
    '次',
    '并购重组延期申请次数',
    '申请财务资料有效期延长或股东大会通知延期的次数',
  ),

  // ----- 房租 --------------------------------------------------------------------------------------------------------
  bool('rentsStateOwnedPremises', '承租国有资产类经营用房', '承租国有资产类生产经营用房'),
  money('monthlyRentFen', '月租金', '租赁合同约定的月租金'),
  bool('isServiceClusterManager', '市级以上现代服务业集聚区管理机构', '是否为市级以上现代服务业集聚区管理机构'),
  bool('clusterSmeRentReliefTaken', '已对区内中小企业减免租金', '集聚区内中小企业已采取减免租金举措'),
  bool('isCommercialVenueManager', '商业街区等管理机构', '商业街区、大型市场、商业综合体、商场的管理机构'),
  money('smeRentReliefGivenFen', '已为中小企业减免租金', '已对中小企业减免的租金总额'),
  bool('receivedClusterFunding', '已享受市级以上集聚区资金补助', '已经享受市级以上集聚区资金补助'),
  money('requestedGrantFen', '申请补助（奖励）金额', '申请的补助或奖励金额'),
  bool('isFarmersMarket', '农贸市场', '是否为农贸市场'),
  bool('marketDigitised', '已完成信息化改造', '农贸市场实现在线选购、下单和快速送货上门服务'),
  int(
    'vehiclesScrappedAndReplaced2020',
    '辆',
    '2020年度报废后购买新车辆数',
    '南昌车主2020年度汽车报废后购买新车的辆数',
  ),

  // ----- 证照、期限 --------------------------------------------------------------------------------------------------
  bool(
    'registrationChangePending',
    '登记事项变化未及时变更',
    '疫情防控期间营业执照登记事项发生变化又不能及时办理变更登记',
  ),
  date('foodLicenceExpiryDate', '食品生产经营许可证到期日', '食品生产许可证或食品经营许可证到期日'),
  bool(
    'inspectionBodyRenewalBlocked',
    '检验检测机构无法按期复查换证',
    '受疫情影响无法按期申请办理检验检测机构复查换证',
  ),
  enumFact('disinfectantProduct', '生产（转产）的消毒产品', '生产或转产与疫情防控有关的消毒产品', [
    ['ethanol-75', '75%乙醇'],
    ['chlorine', '含氯消毒剂'],
    ['other', '其他消毒产品'],
    ['none', '无'],
  ]),
  bool('licenceApplicationComplete', '申报材料符合要求', '许可申报材料符合要求'),
  date('licenceApplicationDate', '许可申请日期', '提交许可申请的日期'),
  date('drugDeviceTradingLicenceExpiryDate', '药品、医疗器械经营许可证到期日', '药品或医疗器械经营许可证到期日'),
  bool('temporaryLandToPermanent', '先行用地需转为永久性建设用地', '疫情防控先行使用的土地需要转为永久性建设用地'),
  date('landPremiumDueDate', '约定缴纳土地出让金日期', '国有建设用地使用权出让合同约定的土地出让金缴纳日期'),
  enumFact('landUse', '用地类型', '出让宗地用途', [
    ['commercial-residential', '商住类经营性用地'],
    ['industrial', '工业用地'],
    ['other', '其他'],
  ]),
  money('landStartingPriceFen', '宗地起始总价', '出让宗地起始总价'),
  date('landContractDate', '签订出让合同日期', '签订土地出让合同的日期'),

  // ----- 项目 --------------------------------------------------------------------------------------------------------
  enumFact('projectCategory', '项目类别', '重大项目类别', [
    ['provincial-large-medium', '省大中型建设项目'],
    ['provincial-key', '省重点建设项目'],
    ['municipal-major', '市重大重点项目'],
    ['other', '其他'],
  ]),
  enumFact('fyp14Pool', '纳入“十四五”规划盘子', '项目纳入的“十四五”规划“盘子”', [
    ['national', '国家'],
    ['provincial', '省'],
    ['municipal', '市'],
    ['none', '未纳入'],
  ]),
  bool('mainlyStateOrProvincialFunding', '主要由国家和省资金投入', '项目能争取到主要由国家和省资金投入'),
  bool(
    'centralBudgetPublicHealthProject',
    '中央预算内公共卫生应急项目',
    '列入中央预算内的公共卫生、应急保障能力建设重大项目',
  ),
  money('projectTotalInvestmentFen', '项目总投资', '项目投资总额'),
  bool('isGovernmentInvestmentProject', '政府投资项目', '是否为政府投资项目'),
  bool('isSimpleSingleTechProject', '简易、技术单一项目', '是否为简易、技术单一的项目'),
  bool('isNewOrExtendedBuilding', '新（扩）建房屋建筑工程', '是否为新建或扩建房屋建筑工程项目'),
  num('buildingAreaSqm', '平方米', '建筑面积（不含地下工程）', '新（扩）建项目建筑面积，不含地下工程'),
  bool('isEmergencyEpidemicProject', '因应急防疫需要的建设工程', '是否为因应急防疫需要的建设工程项目'),
  money('constructionContractEstimateFen', '施工单项合同估算价', '施工单项合同估算价'),
  enumFact('tenderType', '招标类型', '项目招标类型', [
    ['survey-design-supervision-construction', '勘察、设计、监理、施工招标'],
    ['epc', '工程总承包（含EPC）招标'],
  ]),
  money('annualInvestmentPlanFen', '年度建设投资计划', '政府投资项目年度建设投资计划金额'),
  int('preventionPersonDays', '人·天', '防控人员天数', '疫情期间项目在岗人员数×天数'),
  bool('isEncouragedCategory', '鼓励类项目', '是否属于鼓励类项目'),
  bool('isNewIndustrialProject', '新开工工业项目', '是否为新开工工业项目'),
  money('fixedAssetInvestmentThisYearFen', '本年度实际完成固定资产投资额', '项目本年度实际完成固定资产投资额'),
  bool('isTechUpgradeProject', '技术改造项目', '是否为现有企业实施的技术改造项目'),
  money('equipmentInvestmentThisYearFen', '本年度设备投资额', '技术改造项目本年度设备投资额'),
  money('equipmentInvoiceFen', '购买设备发票额', '技术改造项目购买设备发票金额'),
  bool('isNewMeltblownProject', '新上熔喷布生产项目', '是否为新上熔喷布生产项目'),
  bool('meltblownProductQualified', '熔喷布产品合格', '熔喷布产品是否合格'),
  money('meltblownEquipmentInvoiceFen', '熔喷设备发票额', '购买熔喷设备发票金额'),
  enumFact('agriProjectType', '农业项目类型', '农业项目建设内容', [
    ['production-base', '生产基地'],
    ['processing', '加工'],
    ['storage', '储存'],
    ['cold-storage', '冷藏设施'],
    ['other', '其他'],
  ]),
  bool('isKeySupplyEnterprise', '重点保供企业', '是否为重点保供企业'),
  bool('completedLastYear', '上年度已竣工投产', '项目上年度已竣工投产'),
  bool('normalProductionDuringEpidemic', '疫情期间正常生产', '项目疫情期间投入正常生产'),

  // ----- 返岗交通、住宿 ------------------------------------------------------------------------------------------------
  bool('organisedCharterReturn', '组织市外员工集中返岗', '采取包车、铁路专列、专门车厢集中组织市外员工返岗'),
  money('charterCostFen', '包车费用', '组织市外员工返岗复工所产生的包车费用'),
  bool('isSelfReturnedOrNewHire', '自行到岗或新招员工', '自行到岗的返岗员工或新招员工（含劳务派遣员工和小时工）'),
  enumFact('travelOrigin', '出发地', '返岗员工出发地', [
    ['in-province', '省内'],
    ['out-of-province', '省外'],
  ]),
  bool('usedCharterOrShuttle', '已享受包车补助或专车接送', '该员工已享受包车补助或专车接送'),
  money('workerHousingCostFen', '集中居住点经费', '返岗人员集中居住点租住经费'),
];

export const FACT_BY_NAME: ReadonlyMap<string, FactDefinition> = new Map(FACTS.map((f) => [f.name, f]));

export function factLabel(name: string): string {
  return FACT_BY_NAME.get(name)?.label ?? name;
}

/** The value of a fact if known, else `null`. */
export function factValue(facts: Facts, name: string): FactValue | null {
  const v = facts[name];
  return v === undefined || v === null ? null : v;
}

export interface FactsValidation {
  readonly ok: boolean;
  /** The facts kept (unknown names and invalid values dropped). */
  readonly facts: Facts;
  /** Chinese messages naming the field, e.g. `facts.employees（在职职工人数）：应为整数`. */
  readonly errors: readonly string[];
}

/**
 * Check a facts object from an application or an API call against the vocabulary. Unknown names and values of the
 * wrong type are reported with a Chinese message naming the field; `null` means unknown and is accepted.
 */
export function validateFacts(input: unknown, path = 'facts'): FactsValidation {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, facts: {}, errors: [`${path}：应为对象`] };
  }
  const out: Record<string, FactValue | null> = {};
  const errors: string[] = [];
  for (const [name, value] of Object.entries(input as Record<string, unknown>)) {
    const def = FACT_BY_NAME.get(name);
    const field = def ? `${path}.${name}（${def.label}）` : `${path}.${name}`;
    if (!def) {
      errors.push(`${field}：不是已发布的事实名称`);
      continue;
    }
    if (value === null || value === undefined) {
      out[name] = null;
      continue;
    }
    const problem = checkValue(def, value);
    if (problem) errors.push(`${field}：${problem}`);
    else out[name] = value as FactValue;
  }
  return { ok: errors.length === 0, facts: out, errors };
}

function checkValue(def: FactDefinition, value: unknown): string | null {
  switch (def.type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : '应为数值';
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value))
        return def.unit === '分' ? '应为整数（单位：分）' : '应为整数';
      return value < 0 && (def.unit === '分' || def.unit === '人') ? '不能为负数' : null;
    case 'boolean':
      return typeof value === 'boolean' ? null : '应为 true 或 false';
    case 'date':
      return isIsoDate(value) ? null : '应为日期 YYYY-MM-DD';
    case 'string':
      return typeof value === 'string' ? null : '应为字符串';
    case 'enum':
      return typeof value === 'string' && def.values?.some((v) => v.value === value)
        ? null
        : `应为以下之一：${(def.values ?? []).map((v) => `${v.value}（${v.label}）`).join('、')}`;
  }
}

export interface MergedFacts {
  readonly facts: Facts;
  /** Where each known fact came from. */
  readonly origin: Readonly<Record<string, 'registry' | 'application'>>;
  /** Registry facts the application tried to change (the registry value is kept), with Chinese messages. */
  readonly conflicts: readonly string[];
}

/**
 * Combine registry facts (一企一档) with application facts: facts whose source is `registry` are taken from the
 * registry when it has them (an application cannot override them); everything else from the application.
 */
export function mergeFacts(registry: Facts, application: Facts): MergedFacts {
  const facts: Record<string, FactValue> = {};
  const origin: Record<string, 'registry' | 'application'> = {};
  const conflicts: string[] = [];
  for (const [name, value] of Object.entries(application)) {
    if (value === null || value === undefined) continue;
    facts[name] = value;
    origin[name] = 'application';
  }
  for (const [name, value] of Object.entries(registry)) {
    if (value === null || value === undefined) continue;
    const def = FACT_BY_NAME.get(name);
    const applied = application[name];
    if (def?.source === 'registry' || applied === null || applied === undefined) {
      if (def?.source === 'registry' && applied !== null && applied !== undefined && applied !== value) {
        conflicts.push(`${name}（${def.label}）：申请填报 ${String(applied)}，以一企一档 ${String(value)} 为准`);
      }
      facts[name] = value;
      origin[name] = 'registry';
    }
  }
  return { facts, origin, conflicts };
}

/**
 * Fill `sizeClass` from the registry's 300号 classifier when it is missing and the industry code is known (the
 * registry normally stores it; this covers registry rows not yet classified). Returns the classifier's trace.
 */
export function completeSizeClass(facts: Facts): {
  facts: Facts;
  trace: readonly string[];
  missing: readonly string[];
} {
  if (facts.sizeClass !== undefined && facts.sizeClass !== null) return { facts, trace: [], missing: [] };
  const industryCode = facts.industryCode;
  if (typeof industryCode !== 'string' || industryCode === '') return { facts, trace: [], missing: ['industryCode'] };
  const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
  try {
    const r = classifyEnterpriseSize({
      industryCode,
      employees: num(facts.employees),
      revenueFen: num(facts.revenueFen),
      assetsFen: num(facts.assetsFen),
    });
    return { facts: r.sizeClass ? { ...facts, sizeClass: r.sizeClass } : facts, trace: r.trace, missing: r.missing };
  } catch (err) {
    if (err instanceof RangeError) return { facts, trace: [err.message], missing: [] };
    throw err;
  }
}
