/**
 * 江西省人民政府办公厅《关于金融支持防控疫情稳定经济增长的若干措施》(the provincial "金融15条"), 2020-02-09 —
 * seed 003 L516–L542. 文号 not printed; implements 银发〔2020〕29号, 赣府发〔2020〕2号 (L524) and 财金〔2020〕5号 (L526).
 */
import {
  JIANGXI,
  all,
  any,
  definePolicy,
  eligibility,
  fact,
  ge,
  isTrue,
  le,
  lit,
  money,
  months,
  oneOf,
  p,
  param,
  pct,
  percent,
  s003,
  wan,
} from '../dsl.ts';

export const jiangxiFinance15 = definePolicy(
  {
    id: 'jx-finance-15-2020',
    title: '关于金融支持防控疫情稳定经济增长的若干措施',
    issuer: '江西省人民政府办公厅',
    docNumber: null,
    docNumberNote: '种子文件未印文号；即省“金融15条”',
    date: '2020-02-09',
    jurisdiction: JIANGXI,
    validity: { from: '2020-02-09', to: null, note: '疫情期间' },
    source: s003(516),
  },
  [
    {
      slug: 'guarantee-fee-cap',
      title: '政府性融资担保机构对重点保障企业及受疫情影响较大企业担保费率不超过1%',
      kind: 'cap',
      target: 'loan',
      conditions: all(
        isTrue('isGovernmentGuarantor', '政府性融资担保机构新发生的融资担保业务'),
        any(
          oneOf('keyGuaranteeList', ['national', 'provincial', 'municipal'], '疫情防控重点保障企业'),
          isTrue('heavilyAffectedByEpidemic', '受疫情影响较大企业'),
        ),
      ),
      parameters: {
        maxRate: p('担保费率上限', '%', 1, s003(535), '新发生融资担保业务收取的担保费率不超过1%'),
      },
      benefit: percent('担保费率上限（并取消反担保要求）', param('maxRate')),
      fulfilment: 'auto',
      source: s003(535),
      department: '省财政厅、省金融监管局',
    },
    {
      slug: 'reguarantee-fee-halved',
      title: '所有再担保业务减半收取再担保费',
      kind: 'reduce',
      target: 'enterprise',
      conditions: ge(fact('reguaranteeFeeFen'), lit(0), '疫情期间发生再担保业务'),
      parameters: {
        cut: p('再担保费减收比例（最低）', '%', 50, s003(535), '所有再担保业务减半收取再担保费'),
      },
      benefit: money('减收的再担保费', pct(fact('reguaranteeFeeFen'), param('cut'))),
      stackingGroup: 'reguarantee-fee',
      fulfilment: 'auto',
      source: s003(535),
      note: '原文为“减半收取再担保费或视情况免收”：按减半计算。',
    },
    {
      slug: 'reguarantee-fee-waiver-small',
      title: '国家融资担保基金支持范围内单户100万元及以下再担保业务免收再担保费',
      kind: 'exempt',
      target: 'enterprise',
      conditions: all(
        isTrue('inNationalGuaranteeFundScope', '纳入国家融资担保基金支持范围'),
        le(fact('reguaranteeClientAmountFen'), param('threshold'), '新发生的单户金额在100万元及以下'),
      ),
      parameters: {
        threshold: p(
          '单户金额上限',
          '分',
          wan(100),
          s003(535),
          '新发生的单户金额在100万元及以下的再担保业务免收再担保费',
        ),
        waiver: p('免收比例', '%', 100, s003(535), '新发生的单户金额在100万元及以下的再担保业务免收再担保费'),
      },
      benefit: money('免收的再担保费', pct(fact('reguaranteeFeeFen'), param('waiver'))),
      stackingGroup: 'reguarantee-fee',
      fulfilment: 'auto',
      source: s003(535),
      note: '“自2020年起”：不设截止日期。',
    },
    {
      slug: 'securities-annual-report-delay',
      title: '证券经营机构延期1-2个月办理年度报告审计、披露和报备',
      kind: 'defer',
      target: 'enterprise',
      conditions: isTrue('isSecuritiesFirm', '辖区证券经营机构'),
      parameters: {
        maxMonths: p('延期上限', '月', 2, s003(540), '申请延期1-2个月办理年度报告的审计'),
      },
      benefit: months('可申请延期（上限）', param('maxMonths')),
      fulfilment: 'apply',
      source: s003(540),
      department: '江西证监局',
      note: '延期1至2个月视疫情影响程度由江西证监局确定；输出为上限。',
    },
    {
      slug: 'guarantee-compensation-tolerance',
      title: '融资担保代偿容忍度提高至10%',
      kind: 'cap',
      target: 'enterprise',
      conditions: all(
        isTrue('isGovernmentGuarantor', '政府性融资担保机构'),
        le(fact('guaranteeCompensationRatePercent'), param('tolerance'), '代偿率在容忍度以内'),
      ),
      parameters: {
        tolerance: p('代偿容忍度', '%', 10, s003(542), '提高代偿容忍度至10%'),
      },
      benefit: eligibility('在代偿容忍度内：给予风险补偿，尽职者免责'),
      fulfilment: 'apply',
      source: s003(542),
      department: '省财政厅、省金融监管局',
      note: '适用于对疫情防控重点保障企业及受疫情影响较大企业的融资担保代偿；代偿率含10%本数。',
    },
  ],
);
