/**
 * 人力资源社会保障部 财政部 税务总局《关于阶段性减免企业社会保险费的通知》, 2020-02-20 — seed 003 L172–L186.
 * 文号 not printed (publicly 人社部发〔2020〕11号). Size classes per 工信部联企业〔2011〕300号 (L179): `sizeClass` is a
 * registry fact computed by 一企一档.
 */
import {
  CHINA,
  CHINA_EXCEPT_HUBEI,
  HUBEI,
  all,
  any,
  definePolicy,
  eq,
  fact,
  isTrue,
  lit,
  money,
  months,
  ne,
  oneOf,
  p,
  param,
  pct,
  perUnit,
  s003,
} from '../dsl.ts';

const SME = ['medium', 'small', 'micro'];

export const socialInsuranceRelief2020 = definePolicy(
  {
    id: 'si-relief-2020',
    title: '关于阶段性减免企业社会保险费的通知',
    issuer: '人力资源社会保障部、财政部、税务总局',
    docNumber: null,
    docNumberNote: '种子文件未印文号（公开文号为人社部发〔2020〕11号）',
    date: '2020-02-20',
    jurisdiction: CHINA,
    validity: { from: '2020-02-01', to: null, note: '自2020年2月起' },
    source: s003(172),
  },
  [
    {
      slug: 'sme-exemption',
      title: '中小微企业免征三项社会保险单位缴费（不超过5个月）',
      kind: 'exempt',
      target: 'enterprise',
      jurisdiction: CHINA_EXCEPT_HUBEI,
      effective: { from: '2020-02-01', to: '2020-06-30', note: '自2020年2月起，不超过5个月' },
      conditions: all(
        eq(fact('unitType'), lit('enterprise'), '参保单位为企业'),
        oneOf('sizeClass', SME, '中小微企业（工信部联企业〔2011〕300号划型）'),
      ),
      parameters: {
        rate: p('免征比例', '%', 100, s003(176), '免征中小微企业三项社会保险单位缴费部分'),
        months: p('免征期限上限', '月', 5, s003(176), '免征期限不超过5个月'),
      },
      benefit: money('免征的单位缴费', perUnit(pct(fact('siEmployerMonthlyFen'), param('rate')), param('months'))),
      fulfilment: 'auto',
      source: s003(176),
      alsoSources: [s003(179)],
      department: '人力资源社会保障部门、税务部门',
      note: '按期限上限5个月计算；省级实施办法可定更短期限。划型按工信部联企业〔2011〕300号（L179），并以部门间信息共享确定对象（免申即享）。',
    },
    {
      slug: 'large-halving',
      title: '大型企业等其他参保单位三项社会保险单位缴费减半征收（不超过3个月）',
      kind: 'reduce',
      target: 'enterprise',
      jurisdiction: CHINA_EXCEPT_HUBEI,
      effective: { from: '2020-02-01', to: '2020-04-30', note: '自2020年2月起，不超过3个月' },
      conditions: any(
        all(eq(fact('unitType'), lit('enterprise'), '参保单位为企业'), eq(fact('sizeClass'), lit('large'), '大型企业')),
        oneOf('unitType', ['individual-business', 'social-organisation'], '其他参保单位（不含机关事业单位）'),
      ),
      parameters: {
        rate: p('减征比例', '%', 50, s003(176), '可减半征收'),
        months: p('减征期限上限', '月', 3, s003(176), '减征期限不超过3个月'),
      },
      benefit: money('减征的单位缴费', perUnit(pct(fact('siEmployerMonthlyFen'), param('rate')), param('months'))),
      fulfilment: 'auto',
      source: s003(176),
      department: '人力资源社会保障部门、税务部门',
      note: '“大型企业等其他参保单位（不含机关事业单位）”按字面包括个体工商户与社会组织；按期限上限3个月计算。',
    },
    {
      slug: 'hubei-exemption',
      title: '湖北省各类参保单位免征三项社会保险单位缴费（不超过5个月）',
      kind: 'exempt',
      target: 'enterprise',
      jurisdiction: HUBEI,
      effective: { from: '2020-02-01', to: '2020-06-30', note: '自2020年2月起，不超过5个月' },
      conditions: ne(fact('unitType'), lit('public-institution'), '不含机关事业单位'),
      parameters: {
        rate: p('免征比例', '%', 100, s003(177), '湖北省可免征各类参保单位'),
        months: p('免征期限上限', '月', 5, s003(177), '免征期限不超过5个月'),
      },
      benefit: money('免征的单位缴费', perUnit(pct(fact('siEmployerMonthlyFen'), param('rate')), param('months'))),
      fulfilment: 'auto',
      source: s003(177),
    },
    {
      slug: 'deferral',
      title: '生产经营出现严重困难的企业缓缴社会保险费（原则上不超过6个月）',
      kind: 'defer',
      target: 'enterprise',
      effective: { from: '2020-02-20', to: null },
      conditions: isTrue('siSevereDifficulty', '受疫情影响生产经营出现严重困难'),
      parameters: {
        months: p('缓缴期限上限', '月', 6, s003(178), '缓缴期限原则上不超过6个月'),
      },
      benefit: months('可缓缴期限', param('months')),
      fulfilment: 'apply',
      source: s003(178),
    },
    {
      slug: 'deferral-late-fee-waiver',
      title: '社会保险费缓缴期间免收滞纳金',
      kind: 'exempt',
      target: 'enterprise',
      effective: { from: '2020-02-20', to: null },
      conditions: isTrue('siSevereDifficulty', '经批准缓缴社会保险费'),
      parameters: {
        waiver: p('免收比例', '%', 100, s003(178), '缓缴期间免收滞纳金'),
      },
      benefit: money('免收的滞纳金', pct(fact('siLateFeeFen'), param('waiver'))),
      stackingGroup: 'si-late-fee',
      fulfilment: 'auto',
      source: s003(178),
    },
  ],
);
