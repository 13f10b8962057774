/**
 * 人力资源社会保障部 全国总工会 中国企业联合会/中国企业家协会 全国工商联《关于做好新型冠状病毒感染肺炎疫情防控期间稳定劳动关系
 * 支持企业复工复产的意见》, 2020-02-07 — seed 003 L138–L164. 文号 not printed (publicly 人社部发〔2020〕8号).
 * Its only clause that pays something with a number is the union-fund refund (L154).
 */
import { CHINA, all, definePolicy, fact, isTrue, money, oneOf, p, param, pct, s003 } from '../dsl.ts';

export const hrssLabourRelations2020 = definePolicy(
  {
    id: 'hrss-labour-relations-2020',
    title: '关于做好新型冠状病毒感染肺炎疫情防控期间稳定劳动关系支持企业复工复产的意见',
    issuer: '人力资源社会保障部、全国总工会、中国企业联合会/中国企业家协会、全国工商联',
    docNumber: null,
    docNumberNote: '种子文件未印文号（公开文号为人社部发〔2020〕8号）',
    date: '2020-02-07',
    jurisdiction: CHINA,
    validity: { from: '2020-02-07', to: null, note: '疫情防控期间' },
    source: s003(138),
  },
  [
    {
      slug: 'union-fund-refund',
      title: '符合条件的小微企业工会经费全额返还',
      kind: 'pay',
      target: 'enterprise',
      conditions: all(
        oneOf('sizeClass', ['small', 'micro'], '小微企业'),
        isTrue('unionRefundEligible', '符合工会经费返还条件'),
      ),
      parameters: {
        refund: p('返还比例', '%', 100, s003(154), '符合条件的小微企业工会经费全额返还'),
      },
      benefit: money('返还的工会经费', pct(fact('unionFundsPaidFen'), param('refund'))),
      fulfilment: 'apply',
      source: s003(154),
      department: '工会',
      note: '“符合条件”的具体条件文件未列明，以 unionRefundEligible 事实由工会认定。',
    },
  ],
);
