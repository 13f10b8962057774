/**
 * 国家发展改革委办公厅 民政部办公厅《关于积极发挥行业协会商会作用 支持民营中小企业复工复产的通知》发改办体改[2020]175号,
 * 2020-02-27 — seed 003 L245–L269.
 */
import { CHINA, all, any, definePolicy, fact, isTrue, money, oneOf, p, param, pct, s003 } from '../dsl.ts';

const SME = ['medium', 'small', 'micro'];

export const ndrcAssociations2020 = definePolicy(
  {
    id: 'ndrc-associations-2020',
    title: '关于积极发挥行业协会商会作用 支持民营中小企业复工复产的通知',
    issuer: '国家发展改革委办公厅、民政部办公厅',
    docNumber: '发改办体改[2020]175号',
    date: '2020-02-27',
    jurisdiction: CHINA,
    validity: { from: '2020-02-27', to: '2020-12-31', note: '2020年度会费' },
    source: s003(245),
  },
  [
    {
      slug: 'membership-fee-2020',
      title: '行业协会商会对受疫情影响严重的民营中小企业和武汉等地区企业会员减半或免收2020年度会费',
      kind: 'reduce',
      target: 'enterprise',
      conditions: any(
        all(
          isTrue('isPrivateEnterprise', '民营企业'),
          oneOf('sizeClass', SME, '中小企业'),
          isTrue('severelyAffectedByEpidemic', '受疫情影响严重'),
        ),
        isTrue('inSevereEpidemicArea', '武汉等地区企业会员'),
      ),
      parameters: {
        cut: p('会费减收比例（最低）', '%', 50, s003(258), '减半或免收2020年度会费'),
      },
      benefit: money('减收的2020年度会费', pct(fact('membershipFee2020Fen'), param('cut'))),
      fulfilment: 'auto',
      source: s003(258),
      department: '行业协会商会',
      note: '原文为“鼓励……减半或免收”：按最低的减半计算；协会决定免收的，减收额为全额会费。',
    },
  ],
);
