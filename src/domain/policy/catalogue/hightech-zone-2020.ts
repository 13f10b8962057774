/**
 * 南昌高新区“企业抗疫扶持十条”“企业用工服务十条” — as reported in 《做足防疫“绣花功” 跑出复工“加速度”》
 * (2020-04-06), seed 001 L29. The policy texts themselves are not among the seeds; the report states the numbers.
 */
import {
  NANCHANG_HIGHTECH_ZONE,
  cap,
  definePolicy,
  eligibility,
  fact,
  ge,
  lit,
  money,
  p,
  param,
  perUnit,
  s001,
  wan,
  yuan,
} from '../dsl.ts';

export const hightechZone2020 = definePolicy(
  {
    id: 'nc-htz-2020',
    title: '南昌高新区“企业抗疫扶持十条”“企业用工服务十条”（据2020年4月6日报道）',
    issuer: '南昌高新技术产业开发区管委会',
    docNumber: null,
    docNumberNote: '种子为新闻报道，未载文件名称全文与文号',
    date: '2020-04-06',
    jurisdiction: NANCHANG_HIGHTECH_ZONE,
    validity: { from: '2020-04-06', to: null, note: '报道日期；政策原文的生效与截止日期未载明' },
    source: s001(7),
    note: '报道还提到专车专列专机点对点接送、自行到岗员工和新招员工交通补贴、沿街店面减免租金，均未载金额，不予编码。',
  },
  [
    {
      slug: 'recruitment-subsidy',
      title: '企业新招员工每人2000元招聘补助（每家企业最高500万元）',
      kind: 'pay',
      target: 'enterprise',
      conditions: ge(fact('newHires'), lit(0), '企业新招员工'),
      parameters: {
        perHire: p('每名新招员工', '分', yuan(2000), s001(29), '对企业新招员工给予每人2000元的招聘补助'),
        limit: p('每家企业上限', '分', wan(500), s001(29), '每家企业招聘补助额最高可达500万元'),
      },
      benefit: money('招聘补助', perUnit(param('perHire'), fact('newHires'))),
      caps: [cap('每家企业招聘补助额最高500万元', param('limit'), s001(29))],
      fulfilment: 'apply',
      source: s001(29),
      note: '报道未说明与省、市一次性吸纳就业补贴的关系，未设就高组；新招员工的认定口径未载明。',
    },
    {
      slug: 'labour-introduction-reward',
      title: '组织介绍20人以上（含20人）劳动力来区企业就业的个人和单位给予奖励',
      kind: 'pay',
      target: 'enterprise',
      conditions: ge(fact('workersIntroduced'), param('minWorkers'), '组织介绍20人以上（含20人）来区企业就业'),
      parameters: {
        minWorkers: p(
          '组织介绍人数下限',
          '人',
          20,
          s001(29),
          '对组织介绍20人以上(含20人)劳动力来区企业就业的个人和单位给予奖励',
        ),
      },
      benefit: eligibility('给予奖励（报道未载金额）'),
      fulfilment: 'apply',
      source: s001(29),
      note: '奖励对象包括个人；金额未载明，只判断资格。',
    },
  ],
);
