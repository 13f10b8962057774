/**
 * 江西省人民政府《关于抢时间保进度强弱项补缺口努力实现全年经济社会发展目标的实施意见》, 2020-03-02 —
 * seed 003 L375–L407. Only its loan-deferral clause (L391) pays, defers or caps something with a number.
 */
import {
  JIANGXI,
  all,
  any,
  dateBenefit,
  definePolicy,
  eq,
  fact,
  isTrue,
  lit,
  money,
  oneOf,
  p,
  param,
  pct,
  s003,
} from '../dsl.ts';
const SME = ['medium', 'small', 'micro'];

export const jiangxiGrowthTargets2020 = definePolicy(
  {
    id: 'jx-growth-targets-2020',
    title: '江西省人民政府关于抢时间保进度强弱项补缺口努力实现全年经济社会发展目标的实施意见',
    issuer: '江西省人民政府',
    docNumber: null,
    docNumberNote: '种子文件未印文号',
    date: '2020-03-02',
    jurisdiction: JIANGXI,
    validity: { from: '2020-03-02', to: '2020-06-30', note: '还本付息可延期至2020年6月30日' },
    source: s003(375),
  },
  [
    {
      slug: 'loan-deferral',
      title: '中小微企业、个体工商户贷款本金临时性延期还款（还本付息可延期至2020年6月30日）',
      kind: 'defer',
      target: 'loan',
      conditions: all(
        any(oneOf('sizeClass', SME, '中小微企业'), eq(fact('unitType'), lit('individual-business'), '个体工商户')),
        isTrue('temporaryLiquidityDifficulty', '符合条件、流动性遇到暂时困难'),
      ),
      parameters: {
        until: p('还本付息可延期至', '日期', '2020-06-30', s003(391), '还本付息可延期至2020年6月30日'),
      },
      benefit: dateBenefit('还本付息最晚延期至', param('until')),
      fulfilment: 'apply',
      source: s003(391),
      department: '省金融监管局、人行南昌中心支行',
    },
    {
      slug: 'penalty-interest-waiver',
      title: '临时性延期还款期间免收罚息',
      kind: 'exempt',
      target: 'loan',
      conditions: all(
        any(oneOf('sizeClass', SME, '中小微企业'), eq(fact('unitType'), lit('individual-business'), '个体工商户')),
        isTrue('temporaryLiquidityDifficulty', '符合条件、流动性遇到暂时困难'),
      ),
      parameters: {
        waiver: p('免收比例', '%', 100, s003(391), '并免收罚息'),
      },
      benefit: money('免收的罚息', pct(fact('penaltyInterestFen'), param('waiver'))),
      fulfilment: 'auto',
      source: s003(391),
    },
  ],
);
