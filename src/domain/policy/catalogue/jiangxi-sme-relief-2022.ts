/**
 * 江西省政府《若干政策》(2022), financing-guarantee clauses as implemented in Nanchang — reported in
 * 南昌市“五型”政府建设领导小组办公室《简报》第19期 (2022-05-25), seed 000 L25.
 */
import { JIANGXI, definePolicy, fact, isTrue, le, money, p, param, pct, percent, s000, wan } from '../dsl.ts';

export const jiangxiSmeRelief2022 = definePolicy(
  {
    id: 'jx-sme-relief-2022',
    title: '江西省政府《若干政策》（2022年）融资担保条款——据南昌市“五型”政府建设简报第19期',
    issuer: '江西省人民政府（南昌市金融办组织南昌工控担保落实）',
    docNumber: null,
    docNumberNote: '种子文件只称省政府《若干政策》，未载全称与文号',
    date: '2022-04-01',
    jurisdiction: JIANGXI,
    validity: { from: '2022-04-01', to: null, note: '简报统计口径“2022年4月1日至今”' },
    source: s000(25),
    note: '种子为简报转述，适用地区按省政府政策取江西省；简报所示落实机构为南昌工控担保。',
  },
  [
    {
      slug: 'reguarantee-fee-waiver',
      title: '单笔100万元以下业务免收再担保费',
      kind: 'exempt',
      target: 'enterprise',
      conditions: le(fact('reguaranteeDealAmountFen'), param('threshold'), '单笔100万元以下业务'),
      parameters: {
        threshold: p('单笔金额上限', '分', wan(100), s000(25), '单笔100万元以下业务免收再担保费'),
        waiver: p('免收比例', '%', 100, s000(25), '单笔100万元以下业务免收再担保费'),
      },
      benefit: money('免收的再担保费', pct(fact('reguaranteeFeeFen'), param('waiver'))),
      stackingGroup: 'reguarantee-fee',
      fulfilment: 'auto',
      source: s000(25),
      department: '南昌市金融办、南昌工控担保',
      note: '“以下”按法律用语惯例含本数（100万元的业务也免收）；原文为“鼓励”。',
    },
    {
      slug: 'guarantee-fee-cap',
      title: '一般担保费率不超过1%',
      kind: 'cap',
      target: 'loan',
      conditions: isTrue('isGovernmentGuarantor', '政府性融资担保机构的担保业务'),
      parameters: {
        maxRate: p('一般担保费率上限', '%', 1, s000(25), '一般担保费率不超过1%'),
      },
      benefit: percent('担保费率上限', param('maxRate')),
      fulfilment: 'auto',
      source: s000(25),
      department: '南昌市金融办、南昌工控担保',
    },
  ],
);
