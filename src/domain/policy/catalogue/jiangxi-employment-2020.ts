/**
 * 江西省人民政府办公厅《关于做好疫情防控期间有关就业工作的通知》, 2020-02-12 — seed 003 L462–L474.
 * 文号 not printed; implements 人社部明电〔2020〕2号 and 赣府发〔2020〕2号 (L465).
 * "上述有关补贴类政策执行期限为疫情防控期间" (L472).
 *
 * The layoff-rate thresholds for 稳岗返还 (L469) are parameters of the 稳岗返还 rules in `jiangxi-growth-20-2020.ts`,
 * which state the refund itself (L581).
 */
import {
  JIANGXI,
  all,
  any,
  cap,
  definePolicy,
  div,
  eligibility,
  eq,
  fact,
  ge,
  gt,
  isFalse,
  isTrue,
  le,
  lit,
  min,
  money,
  months,
  mul,
  oneOf,
  p,
  param,
  pct,
  perUnit,
  s003,
  wan,
  yuan,
} from '../dsl.ts';

const KEY_LISTS = ['national', 'provincial'];

export const jiangxiEmployment2020 = definePolicy(
  {
    id: 'jx-employment-2020',
    title: '江西省人民政府办公厅关于做好疫情防控期间有关就业工作的通知',
    issuer: '江西省人民政府办公厅',
    docNumber: null,
    docNumberNote: '种子文件未印文号',
    date: '2020-02-12',
    jurisdiction: JIANGXI,
    validity: { from: '2020-02-12', to: null, note: '补贴类政策执行期限为疫情防控期间（L472）' },
    source: s003(462),
  },
  [
    {
      slug: 'hiring-subsidy',
      title: '一次性吸纳就业补贴（省）',
      kind: 'pay',
      target: 'enterprise',
      conditions: all(
        le(fact('urgentSuppliesStartDate'), lit('2020-02-09'), '春节假期至2月9日期间开工生产、配送疫情防控急需物资'),
        isFalse('receivedOneOffJobRetentionGrant', '未享受一次性稳岗补助'),
      ),
      parameters: {
        perHire: p('每吸纳1名劳动者补贴', '分', yuan(1000), s003(466), '每吸纳1名劳动者就业给予1000元的标准'),
      },
      benefit: money('一次性吸纳就业补贴', perUnit(param('perHire'), fact('hiresInWindow'))),
      stackingGroup: 'hiring-subsidy-2020',
      fulfilment: 'apply',
      source: s003(466),
      department: '人力资源社会保障部门',
      note:
        '窗口起点为“春节假期”，文件未写明日期（2020年春节假期始于1月24日），故只以截止日2月9日判断开工日期；' +
        '“已享受一次性稳岗补助的生产企业不重复享受”按所有企业适用。资金从就业资金中列支。与南昌市版本（L617）就高不重复。',
    },
    {
      slug: 'placement-service-subsidy',
      title: '就业创业服务补助（省，人力资源服务机构每成功推荐1人500元）',
      kind: 'pay',
      target: 'person',
      conditions: all(
        eq(fact('placementProviderType'), lit('hr-agency'), '提供职业介绍的人力资源服务机构'),
        isTrue('placementSuccessful', '成功推荐就业'),
      ),
      parameters: {
        amount: p('每成功推荐1名劳动者补助', '分', yuan(500), s003(466), '每成功推荐1名劳动者就业给予500元的标准'),
      },
      benefit: money('就业创业服务补助', param('amount')),
      stackingGroup: 'placement-subsidy-2020',
      fulfilment: 'apply',
      source: s003(466),
      department: '人力资源社会保障部门',
      note: '按每一次推荐（被推荐的劳动者）评估，补助付给推荐机构；与南昌市2000元补贴（L616）就高不重复。',
    },
    {
      slug: 'startup-subsidy',
      title: '农民工一次性创业补贴',
      kind: 'pay',
      target: 'person',
      conditions: all(isTrue('isMigrantWorker', '农民工'), isTrue('foundedEnterprise', '在本省行政区域内创办企业')),
      parameters: {
        amount: p('每人补贴', '分', yuan(5000), s003(468), '在本省行政区域内创办企业的每人给予5000元补贴'),
      },
      benefit: money('一次性创业补贴', param('amount')),
      fulfilment: 'apply',
      source: s003(468),
      note: '“本省行政区域内”由适用地区（创业地区划代码以36开头）判断。',
    },
    {
      slug: 'four-categories-startup-loan-extension',
      title: '“四类人员”个人创业担保贷款展期（不超过1年，继续贴息）',
      kind: 'defer',
      target: 'loan',
      conditions: all(
        isTrue('hasStartupGuaranteeLoan', '已发放的个人创业担保贷款'),
        isTrue('borrowerFourCategories', '借款人属“四类人员”'),
      ),
      parameters: {
        years: p('展期期限上限', '年', 1, s003(468), '展期期限原则上不超过1年'),
      },
      benefit: months('可展期期限（继续给予财政贴息）', mul(param('years'), lit(12))),
      stackingGroup: 'startup-loan-extension',
      fulfilment: 'apply',
      source: s003(468),
    },
    {
      slug: 'unemployment-allowance',
      title: '失业补助金（每人每月1000元）',
      kind: 'pay',
      target: 'person',
      conditions: all(
        isTrue('isInsuredPerson', '参保人员'),
        isTrue('isUnemployed', '处于失业状态'),
        isFalse('eligibleForUiBenefit', '未达到领取失业保险金条件'),
      ),
      parameters: {
        monthly: p('每人每月', '分', yuan(1000), s003(468), '按照每人每月1000元的标准发放失业补助金'),
      },
      benefit: money('失业补助金', perUnit(param('monthly'), fact('unemployedMonthsDuringEpidemic'))),
      fulfilment: 'apply',
      source: s003(468),
      department: '失业人员参保地人力资源社会保障部门',
      note: '资金从失业保险基金中列支，由参保地发放；按疫情防控期间处于失业状态的月数计。',
    },
    {
      slug: 'small-micro-startup-loan-eligibility',
      title: '小微企业创业担保贷款申请条件放宽（20%/10%/95%）',
      kind: 'reduce',
      target: 'enterprise',
      conditions: all(
        oneOf('sizeClass', ['small', 'micro'], '小微企业'),
        any(
          all(
            le(fact('employees'), param('largeFirm'), '在职职工不超过100人'),
            ge(
              mul(fact('newEligibleHiresLastYear'), lit(100)),
              mul(param('ratio'), fact('employees')),
              '1年内新招用符合条件人数达到在职职工20%',
            ),
          ),
          all(
            gt(fact('employees'), param('largeFirm'), '在职职工超过100人'),
            ge(
              mul(fact('newEligibleHiresLastYear'), lit(100)),
              mul(param('ratioLarge'), fact('employees')),
              '1年内新招用符合条件人数达到在职职工10%',
            ),
          ),
          ge(fact('jobRetentionRatePercent'), param('retention'), '1年内稳定就业岗位达到95%以上'),
        ),
      ),
      parameters: {
        ratio: p('新招用人数比例', '%', 20, s003(469), '比例下调至20%'),
        largeFirm: p('“超过100人的企业”界限', '人', 100, s003(469), '超过100人的企业下调至10%'),
        ratioLarge: p('超过100人企业的新招用人数比例', '%', 10, s003(469), '超过100人的企业下调至10%'),
        retention: p('稳定就业岗位比例', '%', 95, s003(469), '1年内企业稳定就业岗位达到95%以上的也可申请'),
      },
      benefit: eligibility('可申请创业担保贷款扶持'),
      fulfilment: 'apply',
      source: s003(469),
      note: '“达到……20%”“95%以上”均含本数；“超过100人”不含100人。',
    },
    {
      slug: 'key-enterprise-startup-loan-limit',
      title: '疫情防控重点保障企业创业担保贷款额度（最高600万元）',
      kind: 'cap',
      target: 'enterprise',
      conditions: oneOf('keyGuaranteeList', KEY_LISTS, '疫情防控重点保障企业'),
      parameters: {
        limit: p('贷款额度上限', '分', wan(600), s003(469), '贷款额度最高不超过600万元'),
      },
      benefit: money('可获创业担保贷款额度', fact('requestedLoanFen')),
      caps: [cap('贷款额度最高不超过600万元', param('limit'), s003(469))],
      fulfilment: 'apply',
      source: s003(469),
      note: '这是贷款额度，不是财政支出；模拟测算财政成本时不计入。重点保障企业按全国性和省级名单认定。',
    },
    {
      slug: 'key-enterprise-startup-loan-interest',
      title: '疫情防控重点保障企业创业担保贷款财政全额贴息（300万元以内）',
      kind: 'pay',
      target: 'loan',
      conditions: all(
        oneOf('keyGuaranteeList', KEY_LISTS, '疫情防控重点保障企业'),
        le(fact('loanAmountFen'), param('loanLimit'), '贷款额度不超过600万元'),
      ),
      parameters: {
        rate: p('贴息比例', '%', 100, s003(469), '财政给予全额贴息'),
        subsidised: p('全额贴息的贷款额度', '分', wan(300), s003(469), '贷款额度在300万元以内的'),
        loanLimit: p('贷款额度上限', '分', wan(600), s003(469), '贷款额度最高不超过600万元'),
      },
      benefit: money(
        '财政贴息',
        div(
          mul(pct(fact('loanInterestFen'), param('rate')), min(fact('loanAmountFen'), param('subsidised'))),
          fact('loanAmountFen'),
        ),
      ),
      fulfilment: 'apply',
      source: s003(469),
      department: '财政部门',
      note:
        '“贷款额度在300万元以内的，财政给予全额贴息；鼓励各地财政对300万元以上的贷款额度进行全额贴息”：' +
        '按贷款中300万元以内部分的利息全额贴息计算；300万元以上部分由各地自定，不计入。',
    },
  ],
);
