/**
 * 南昌市人民政府办公厅《强化金融保障防疫情稳经济的若干措施》(the Nanchang "金融15条"), 2020-02-20 —
 * seed 003 L665–L690. 文号 not printed; implements 银发〔2020〕29号 (L672).
 *
 * Its other numbered clauses either repeat the 37 measures (the bridge-loan fund, L682 = L633, encoded there) or
 * carry no number that pays, exempts, reduces, defers or caps something.
 */
import { NANCHANG, all, definePolicy, fact, isTrue, lit, mul, oneOf, p, param, percent, s003, sub } from '../dsl.ts';

export const nanchangFinance15 = definePolicy(
  {
    id: 'nc-finance-15-2020',
    title: '强化金融保障防疫情稳经济的若干措施',
    issuer: '南昌市人民政府办公厅',
    docNumber: null,
    docNumberNote: '种子文件未印文号',
    date: '2020-02-20',
    jurisdiction: NANCHANG,
    validity: { from: '2020-02-20', to: null, note: '疫情期间' },
    source: s003(671),
  },
  [
    {
      slug: 'relending-rate-cap',
      title: '名单内企业专项再贷款利率上限（南昌：一年期LPR减100个基点）',
      kind: 'cap',
      target: 'loan',
      conditions: all(
        isTrue('isSpecialRelendingLoan', '承担人民银行专项再贷款的银行发放的专项再贷款'),
        oneOf('keyGuaranteeList', ['national', 'provincial'], '纳入专项再贷款支持的全国性名单或省级名单'),
      ),
      parameters: {
        discount: p('低于LPR的基点数', 'bp', 100, s003(675), '利率最高不超过最近公布的一年期LPR减100个基点'),
      },
      benefit: percent('贷款利率上限', sub(fact('lpr1yPercent'), mul(param('discount'), lit(0.01)))),
      fulfilment: 'auto',
      source: s003(675),
      department: '市金融办、市财政局',
      note: '与省“稳增长20条”同一上限（L562）；南昌版本另写明由9家全国性银行和3家地方法人银行发放。',
    },
  ],
);
