/**
 * How an enterprise of the registry falls under the resumption rules: its enterprise type (for the lead department,
 * 一口受理), its sector key (for closures and the approval list) and its green-channel categories (for priority).
 * The registry records the GB/T 4754-2017 industry (division, two digits, or class, four digits) and a few flags.
 */
import type { Citation } from './citations.ts';
import { c003 } from './citations.ts';
import type { GreenChannelCategory } from './risk-level.ts';
import { GREEN_CHANNEL_CATEGORIES, isGreenChannelCategory } from './risk-level.ts';
import type { RiskLevel, RiskLevelHistory, RiskLevelSetting } from './risk-level.ts';
import { settingAsOf } from './risk-level.ts';

export type EnterpriseType = 'industry' | 'agriculture' | 'transport' | 'commerce_services' | 'construction';

/**
 * The enterprise types of seed 003 L382 by GB/T 4754 section: A agriculture; B–D industry (mining, manufacturing,
 * utilities); E construction (项目建设); G transport; everything else trade and services.
 */
export function enterpriseTypeOf(industryCode: string): EnterpriseType {
  const d = Number(industryCode.slice(0, 2));
  if (d >= 1 && d <= 5) return 'agriculture';
  if (d >= 6 && d <= 46) return 'industry';
  if (d >= 47 && d <= 50) return 'construction';
  if (d >= 53 && d <= 60) return 'transport';
  return 'commerce_services';
}

export const ENTERPRISE_TYPE_SOURCES: readonly Citation[] = Object.freeze([
  c003(382, '工业要从规上企业全面复工复产转向全面恢复产能'),
  c003(382, '交通运输业要从打通“主通道”转向畅通“微循环”'),
  c003(382, '商贸及其他服务业要尽快有序恢复'),
  c003(382, '项目建设要从全面复工复产转向形成更多实物工作量'),
]);

/**
 * GB/T 4754-2017 classes of the sectors the closure rules name (影剧院、KTV、网吧、旅游、休闲、娱乐、博物馆; seed 003
 * L382, L487, L736). A class not listed falls back to its division; division 90 (娱乐业) as a whole is 娱乐.
 */
const CLOSURE_SECTOR_CLASSES: Readonly<Record<string, string>> = {
  '8760': 'cinema_theatre', // 电影放映
  '8820': 'cinema_theatre', // 艺术表演场馆
  '9011': 'ktv', // 歌舞厅娱乐活动
  '9013': 'internet_cafe', // 网吧活动
  '8850': 'museum', // 博物馆
  '7291': 'tourism', // 旅行社及相关服务
  '9030': 'leisure', // 休闲观光活动
};

/**
 * The sector key the closure rules and the approval list use: a closure sector (`ktv`, `cinema_theatre` …) for the
 * classes above, `entertainment` for the rest of division 90, otherwise the two-digit division (`26`, `39` …).
 */
export function sectorOf(industryCode: string): string {
  const byClass = CLOSURE_SECTOR_CLASSES[industryCode];
  if (byClass) return byClass;
  const division = industryCode.slice(0, 2);
  if (division === '90') return 'entertainment';
  return division;
}

/** What the green channel looks at: the industry and the registry's flags. */
export interface GreenChannelFacts {
  readonly industryCode: string;
  /** 防疫物资生产 flag of the registry. */
  readonly epidemicSupplies: boolean;
  /** 生活必需品保供 flag. */
  readonly essentials: boolean;
  /** On a national / provincial / municipal key-enterprise list. */
  readonly keyList: boolean;
}

/** Which divisions and flags put an enterprise in a green-channel category (configurable by the command centre). */
export interface GreenChannelRule {
  readonly category: GreenChannelCategory;
  /** Two-digit GB/T 4754 divisions. */
  readonly divisions: readonly string[];
  readonly flags: readonly ('epidemicSupplies' | 'essentials' | 'keyList')[];
}

/**
 * The starting rules, from the categories of seed 003 L486 and L736: 防疫物资 and 生活必需品 by the registry's flags
 * (plus food manufacturing), 能源 = D44–46, 交通物流 = G53–60, 城乡运行 = N76–78, 市场流通销售 = F51–52 (Nanchang),
 * 农业 = A01–05, key enterprises by their list.
 */
export const DEFAULT_GREEN_CHANNEL_RULES: readonly GreenChannelRule[] = Object.freeze([
  { category: 'epidemic_supplies', divisions: [], flags: ['epidemicSupplies'] },
  { category: 'daily_necessities', divisions: ['13', '14'], flags: ['essentials'] },
  { category: 'energy', divisions: ['44', '45', '46'], flags: [] },
  { category: 'transport_logistics', divisions: ['53', '54', '55', '56', '57', '58', '59', '60'], flags: [] },
  { category: 'urban_operations', divisions: ['76', '77', '78'], flags: [] },
  { category: 'market_circulation', divisions: ['51', '52'], flags: [] },
  { category: 'agriculture', divisions: ['01', '02', '03', '04', '05'], flags: [] },
  { category: 'key_enterprise', divisions: [], flags: ['keyList'] },
] satisfies GreenChannelRule[]);

/** Checks rules before they are saved (errors name the field). */
export function validateGreenChannelRules(rules: readonly GreenChannelRule[]): string[] {
  const errors: string[] = [];
  const seen = new Set<string>();
  for (const r of rules) {
    if (!isGreenChannelCategory(r.category)) errors.push(`绿色通道类别：「${r.category}」不在类别清单中`);
    if (seen.has(r.category)) errors.push(`绿色通道类别：「${r.category}」重复`);
    seen.add(r.category);
    for (const d of r.divisions) if (!/^\d{2}$/.test(d)) errors.push(`绿色通道行业大类：「${d}」应为两位数字`);
  }
  return errors;
}

export function greenChannelCategoriesOf(
  rules: readonly GreenChannelRule[],
  facts: GreenChannelFacts,
): GreenChannelCategory[] {
  const division = facts.industryCode.slice(0, 2);
  const out: GreenChannelCategory[] = [];
  for (const r of rules) {
    const byDivision = r.divisions.includes(division);
    const byFlag = r.flags.some((f) => facts[f]);
    if ((byDivision || byFlag) && !out.includes(r.category)) out.push(r.category);
  }
  // Keep the order of the category list.
  return GREEN_CHANNEL_CATEGORIES.map((c) => c.code).filter((c) => out.includes(c));
}

/**
 * The level that applies to an enterprise on a date: its functional zone's level when the zone has one (a zone is
 * managed as one area), otherwise its county's (L26 "以县域为单位").
 */
export function enterpriseLevelAsOf(
  history: RiskLevelHistory,
  place: { readonly countyCode: string; readonly zoneCode: string | null },
  date: string,
): (RiskLevelSetting & { readonly level: RiskLevel }) | undefined {
  if (place.zoneCode) {
    const zone = settingAsOf(history, place.zoneCode, date);
    if (zone) return zone;
  }
  return settingAsOf(history, place.countyCode, date);
}
