/**
 * 分区分级: risk levels per county or functional zone, their dated history, and the resumption mode a level implies.
 *
 * Sources: 国办发明电〔2020〕6号 (seed 003 L19–L43), the Jiangxi resumption notice (L475–L499), the Jiangxi measures of
 * 2020-03-02 (L375–L407) and Nanchang's "三战齐打" notice (L706–L748).
 */
import type { Actor, ActorRef } from './actor.ts';
import { actorRef } from './actor.ts';
import type { Citation, SeedRef } from './citations.ts';
import { c003, refsOf } from './citations.ts';
import { isIsoDate, isIsoInstant, shanghaiDate, compareInstants } from './time.ts';

// ───────────────────────────── levels ─────────────────────────────

export type RiskLevel = 'low' | 'medium' | 'high';

export interface RiskLevelInfo {
  readonly code: RiskLevel;
  /** 低风险 */
  readonly label: string;
  /** 低 */
  readonly shortLabel: string;
  /** Map fill colour (green / orange / red as on the official risk maps). */
  readonly color: string;
  /** Order for sorting and comparisons: low 1, medium 2, high 3. */
  readonly rank: 1 | 2 | 3;
}

export const RISK_LEVELS: readonly RiskLevelInfo[] = Object.freeze([
  { code: 'low', label: '低风险', shortLabel: '低', color: '#52c41a', rank: 1 },
  { code: 'medium', label: '中风险', shortLabel: '中', color: '#faad14', rank: 2 },
  { code: 'high', label: '高风险', shortLabel: '高', color: '#f5222d', rank: 3 },
] as const);

export const RISK_LEVEL_BY_CODE: Readonly<Record<RiskLevel, RiskLevelInfo>> = Object.freeze({
  low: RISK_LEVELS[0]!,
  medium: RISK_LEVELS[1]!,
  high: RISK_LEVELS[2]!,
});

export function isRiskLevel(value: unknown): value is RiskLevel {
  return value === 'low' || value === 'medium' || value === 'high';
}

/** Accepts `low` / `低` / `低风险` (for imports and forms). */
export function parseRiskLevel(value: string): RiskLevel | undefined {
  const v = value.trim();
  return RISK_LEVELS.find((l) => l.code === v || l.label === v || l.shortLabel === v)?.code;
}

/** Why levels are set per county and by whom. */
export const RISK_LEVEL_SOURCES: readonly Citation[] = Object.freeze([
  c003(26, '按照分区分级原则，以县域为单位采取差异化防控和复工复产措施'),
  c003(381, '及时调整各地疫情风险划分等级'),
]);

// ───────────────────────────── history ─────────────────────────────

export type AreaKind = 'county' | 'functional_zone';

/** One dated level setting. Settings are never edited; a correction is a new setting. */
export interface RiskLevelSetting {
  readonly id: string;
  /** County code (GB/T 2260, six digits, e.g. `360111`) or functional-zone code (e.g. `NCGX`). */
  readonly areaCode: string;
  readonly areaKind: AreaKind;
  readonly level: RiskLevel;
  /** First calendar day (Asia/Shanghai) the level applies. */
  readonly effectiveFrom: string;
  /** When it was set (instant). */
  readonly setAt: string;
  readonly setBy: ActorRef;
  /** Basis of the decision, e.g. 指挥部公告第4号. */
  readonly basis: string;
}

export type RiskLevelHistory = readonly RiskLevelSetting[];

const COUNTY_CODE_RE = /^\d{6}$/;
const ZONE_CODE_RE = /^[A-Za-z0-9_-]{2,32}$/;

export interface SetRiskLevelInput {
  readonly id: string;
  readonly areaCode: string;
  readonly areaKind: AreaKind;
  readonly level: RiskLevel;
  readonly effectiveFrom: string;
  readonly basis: string;
}

export interface RiskLevelSetEvent {
  readonly type: 'risk_level_set';
  readonly at: string;
  readonly actor: ActorRef;
  readonly areaCode: string;
  readonly from: RiskLevel | null;
  readonly to: RiskLevel;
  readonly effectiveFrom: string;
  readonly message: string;
}

/**
 * Command-centre users set a level for an area from a date (today or later; a past date would silently rewrite
 * decisions already taken on the old level). Returns the new history (the old one is untouched).
 */
export function setRiskLevel(
  history: RiskLevelHistory,
  input: SetRiskLevelInput,
  actor: Actor,
  now: string,
):
  | { ok: true; history: RiskLevelHistory; setting: RiskLevelSetting; event: RiskLevelSetEvent }
  | { ok: false; error: string } {
  if (actor.role !== 'command_centre') return { ok: false, error: '风险等级：只有指挥部用户可以设定' };
  if (!isIsoInstant(now)) return { ok: false, error: `操作时间：格式错误（${now}）` };
  if (!input.id) return { ok: false, error: '编号：不能为空' };
  if (history.some((s) => s.id === input.id)) return { ok: false, error: `编号：${input.id} 已存在` };
  if (input.areaKind === 'county' && !COUNTY_CODE_RE.test(input.areaCode)) {
    return { ok: false, error: `区域代码：县级行政区划代码应为6位数字（${input.areaCode}）` };
  }
  if (input.areaKind === 'functional_zone' && !ZONE_CODE_RE.test(input.areaCode)) {
    return { ok: false, error: `区域代码：功能区代码格式错误（${input.areaCode}）` };
  }
  if (input.areaKind !== 'county' && input.areaKind !== 'functional_zone') {
    return { ok: false, error: '区域类型：应为县（市、区）或功能区' };
  }
  if (!isRiskLevel(input.level)) return { ok: false, error: '风险等级：应为低、中、高之一' };
  if (!isIsoDate(input.effectiveFrom))
    return { ok: false, error: `生效日期：格式应为YYYY-MM-DD（${input.effectiveFrom}）` };
  const today = shanghaiDate(now);
  if (input.effectiveFrom < today) return { ok: false, error: `生效日期：不得早于今天（${today}）` };
  if (!input.basis.trim()) return { ok: false, error: '依据：请填写调整风险等级的依据（如指挥部公告）' };
  const previous = levelAsOf(history, input.areaCode, input.effectiveFrom);
  const setting: RiskLevelSetting = Object.freeze({
    id: input.id,
    areaCode: input.areaCode,
    areaKind: input.areaKind,
    level: input.level,
    effectiveFrom: input.effectiveFrom,
    setAt: now,
    setBy: actorRef(actor),
    basis: input.basis.trim(),
  });
  const from = previous ?? null;
  const event: RiskLevelSetEvent = {
    type: 'risk_level_set',
    at: now,
    actor: actorRef(actor),
    areaCode: input.areaCode,
    from,
    to: input.level,
    effectiveFrom: input.effectiveFrom,
    message: `${input.areaCode} 风险等级自${input.effectiveFrom}起${from ? `由${RISK_LEVEL_BY_CODE[from].label}` : ''}调整为${RISK_LEVEL_BY_CODE[input.level].label}`,
  };
  return { ok: true, history: Object.freeze([...history, setting]), setting, event };
}

/** The setting in force for an area on a date: latest `effectiveFrom` ≤ date; for equal dates the later `setAt` wins. */
export function settingAsOf(history: RiskLevelHistory, areaCode: string, date: string): RiskLevelSetting | undefined {
  let best: RiskLevelSetting | undefined;
  for (const s of history) {
    if (s.areaCode !== areaCode || s.effectiveFrom > date) continue;
    if (
      !best ||
      s.effectiveFrom > best.effectiveFrom ||
      (s.effectiveFrom === best.effectiveFrom && compareInstants(s.setAt, best.setAt) > 0)
    ) {
      best = s;
    }
  }
  return best;
}

/** The level in force for an area on a date, or undefined when none was ever set. */
export function levelAsOf(history: RiskLevelHistory, areaCode: string, date: string): RiskLevel | undefined {
  return settingAsOf(history, areaCode, date)?.level;
}

/** Level of every area on a date (for the map and lists). */
export function levelsAsOf(history: RiskLevelHistory, date: string): Map<string, RiskLevelSetting> {
  const out = new Map<string, RiskLevelSetting>();
  for (const code of new Set(history.map((s) => s.areaCode))) {
    const s = settingAsOf(history, code, date);
    if (s) out.set(code, s);
  }
  return out;
}

/** An area's settings in effective order (history view). */
export function areaHistory(history: RiskLevelHistory, areaCode: string): RiskLevelSetting[] {
  return history
    .filter((s) => s.areaCode === areaCode)
    .sort((a, b) =>
      a.effectiveFrom === b.effectiveFrom
        ? compareInstants(a.setAt, b.setAt)
        : a.effectiveFrom < b.effectiveFrom
          ? -1
          : 1,
    );
}

// ───────────────────────────── modes ─────────────────────────────

/** What an enterprise has to do to resume. */
export type ResumptionMode = 'declare' | 'commitment' | 'filing' | 'approval' | 'closed';
/** What the province may configure for medium and high levels. */
export type ProvinceMode = 'filing' | 'commitment' | 'approval';
export type FilingMode = Exclude<ResumptionMode, 'closed'>;

export const MODE_LABELS: Readonly<Record<ResumptionMode, string>> = {
  declare: '直接复工（申报即复工）',
  commitment: '告知承诺',
  filing: '备案',
  approval: '审批',
  closed: '暂缓开业',
};

/** Lightest first. */
const MODE_WEIGHT: Readonly<Record<FilingMode, number>> = { declare: 0, commitment: 1, filing: 2, approval: 3 };

export function lighterMode<M extends FilingMode>(a: M, b: M): M {
  return MODE_WEIGHT[a] <= MODE_WEIGHT[b] ? a : b;
}

export interface ProvinceModes {
  readonly medium: ProvinceMode;
  readonly high: ProvinceMode;
}

/** The rules `resumptionMode` applies, each with its source. */
export const MODE_RULES = Object.freeze({
  lowRiskDeclare: c003(26, '低风险地区不得采取审批、备案等方式延缓开工'),
  provinceWideConditions: c003(26, '分别制定公布全省统一的复工复产条件'),
  approvalListOnly: c003(26, '清单之外一律不得实施审批或索要证明'),
  filingOrCommitment: c003(27, '有条件的地方可将复工复产审批制改为备案制或告知承诺制'),
  resumeOnSubmission: c003(27, '提交备案信息或承诺书后，即可组织复工复产'),
  greenChannel: c003(26, '对重点行业企业复工复产可设置审批绿色通道'),
  greenChannelCommitment: c003(395, '采取“容缺受理”“承诺+备案”方式，特事特办、快办快审'),
});

// ── green channel ──

export type GreenChannelCategory =
  | 'epidemic_supplies'
  | 'daily_necessities'
  | 'energy'
  | 'transport_logistics'
  | 'urban_operations'
  | 'feed'
  | 'market_circulation'
  | 'agriculture'
  | 'key_enterprise';

export interface GreenChannelCategoryInfo {
  readonly code: GreenChannelCategory;
  readonly label: string;
  readonly jurisdiction: string;
  readonly sources: readonly Citation[];
}

/** Categories that resume first ("立即复产"); the union of the Jiangxi list (L486) and Nanchang's (L736). */
export const GREEN_CHANNEL_CATEGORIES: readonly GreenChannelCategoryInfo[] = Object.freeze([
  {
    code: 'epidemic_supplies',
    label: '防疫物资、医用物资生产',
    jurisdiction: '江西省；南昌市',
    sources: [c003(486, '积极帮助重点防疫物资生产企业'), c003(736, '医用物资和食品等生活必需品生产')],
  },
  {
    code: 'daily_necessities',
    label: '食品等生活必需品生产',
    jurisdiction: '江西省；南昌市',
    sources: [c003(486, '食品等生活必需品生产企业'), c003(736, '医用物资和食品等生活必需品生产')],
  },
  {
    code: 'energy',
    label: '能源供应',
    jurisdiction: '江西省；南昌市',
    sources: [c003(486, '以及能源供应、交通物流、城乡运行等涉及重要国计民生的领域立即复产'), c003(736, '能源供应')],
  },
  {
    code: 'transport_logistics',
    label: '交通物流',
    jurisdiction: '江西省；南昌市',
    sources: [c003(486, '能源供应、交通物流、城乡运行'), c003(736, '交通物流')],
  },
  {
    code: 'urban_operations',
    label: '城乡运行',
    jurisdiction: '江西省；南昌市',
    sources: [c003(486, '城乡运行等涉及重要国计民生的领域立即复产'), c003(736, '城乡运行')],
  },
  {
    code: 'feed',
    label: '饲料生产',
    jurisdiction: '南昌市',
    sources: [c003(736, '饲料生产')],
  },
  {
    code: 'market_circulation',
    label: '市场流通销售',
    jurisdiction: '南昌市',
    sources: [c003(736, '市场流通销售等涉及国计民生的领域，要保障条件立即推动复工复产')],
  },
  {
    code: 'agriculture',
    label: '春耕备耕、蔬菜和生猪生产',
    jurisdiction: '江西省',
    sources: [c003(486, '做好春耕备耕工作'), c003(486, '加快恢复生猪生产'), c003(382, '农业要不误农时')],
  },
  {
    code: 'key_enterprise',
    label: '重点企业、重大工程、重点项目',
    jurisdiction: '全国；南昌市',
    sources: [
      c003(26, '对重点行业企业复工复产可设置审批绿色通道'),
      c003(736, '全力推动重点企业、重大工程、重点项目、企业的重点产能优先复工复产'),
    ],
  },
] satisfies readonly GreenChannelCategoryInfo[]);

export function isGreenChannelCategory(value: string): value is GreenChannelCategory {
  return GREEN_CHANNEL_CATEGORIES.some((c) => c.code === value);
}

// ── closed sectors ──

export type ClosureSector =
  'cinema_theatre' | 'ktv' | 'internet_cafe' | 'tourism' | 'leisure' | 'entertainment' | 'museum';

export const CLOSURE_SECTOR_LABELS: Readonly<Record<ClosureSector, string>> = {
  cinema_theatre: '影剧院',
  ktv: 'KTV',
  internet_cafe: '网吧',
  tourism: '旅游',
  leisure: '休闲',
  entertainment: '娱乐',
  museum: '博物馆',
};

/**
 * A sector closure. `closed`: the sector may not resume while the rule is in force at the area's level.
 * `may_defer`: the sector may stay closed if it lacks the conditions (advice only; the mode is unchanged).
 * A closure is lifted by the command centre by setting `liftedOn` or narrowing `levels` (none of the seed texts gives
 * a reopening date: "暂缓" / "暂不复工营业").
 */
export interface SectorClosureRule {
  readonly id: string;
  readonly sectors: readonly string[];
  readonly effect: 'closed' | 'may_defer';
  /** Levels at which the rule applies. */
  readonly levels: readonly RiskLevel[];
  /** Region-code prefix of the jurisdiction (`36` Jiangxi, `3601` Nanchang); empty = everywhere. */
  readonly jurisdictionPrefix: string;
  readonly jurisdiction: string;
  readonly effectiveFrom?: string;
  readonly liftedOn?: string;
  readonly source: Citation;
}

export const DEFAULT_CLOSURE_RULES: readonly SectorClosureRule[] = Object.freeze([
  {
    id: 'jx-2020-03-02-enclosed-venues',
    sectors: ['cinema_theatre', 'ktv', 'internet_cafe'],
    effect: 'closed',
    // L381 of the same document tells low-risk areas to resume fully, and L382 still keeps these venues 暂缓: the
    // closure is independent of the level until the command centre lifts it.
    levels: ['low', 'medium', 'high'],
    jurisdictionPrefix: '36',
    jurisdiction: '江西省',
    effectiveFrom: '2020-03-02',
    source: c003(382, '影剧院、KTV、网吧等封闭性的人员聚集场所暂缓'),
  },
  {
    id: 'nc-sanzhan-leisure',
    sectors: ['tourism', 'leisure', 'entertainment', 'cinema_theatre', 'museum'],
    effect: 'closed',
    levels: ['low', 'medium', 'high'],
    jurisdictionPrefix: '3601',
    jurisdiction: '南昌市',
    source: c003(736, '旅游、休闲、娱乐、影剧院、博物馆等领域，暂不复工营业'),
  },
  {
    id: 'jx-2020-02-10-leisure',
    sectors: ['tourism', 'leisure', 'entertainment', 'cinema_theatre', 'museum'],
    effect: 'may_defer',
    levels: ['low', 'medium', 'high'],
    jurisdictionPrefix: '36',
    jurisdiction: '江西省',
    effectiveFrom: '2020-02-10',
    source: c003(487, '旅游、休闲、娱乐、影剧院、博物馆等领域，不具备条件的可暂不开工营业'),
  },
] satisfies readonly SectorClosureRule[]);

function ruleInForce(
  rule: SectorClosureRule,
  level: RiskLevel,
  regionCode: string | undefined,
  asOf: string | undefined,
) {
  if (!rule.levels.includes(level)) return false;
  if (regionCode !== undefined && rule.jurisdictionPrefix && !regionCode.startsWith(rule.jurisdictionPrefix))
    return false;
  if (asOf === undefined) return rule.liftedOn === undefined;
  if (rule.effectiveFrom !== undefined && asOf < rule.effectiveFrom) return false;
  if (rule.liftedOn !== undefined && asOf >= rule.liftedOn) return false;
  return true;
}

// ── approval list ──

/** One item of the published list of approvals (清单管理): procedure, materials and time limit are mandatory (L26). */
export interface ApprovalListItem {
  readonly code: string;
  readonly name: string;
  /** Sector keys (as on the enterprise profile) the item applies to. */
  readonly sectors: readonly string[];
  readonly procedure: string;
  readonly materials: readonly string[];
  readonly timeLimitWorkingDays: number;
  readonly legalBasis: string;
}

export interface ApprovalList {
  readonly listId: string;
  readonly version: number;
  /** Null while a draft; a draft list authorises nothing. */
  readonly publishedOn: string | null;
  readonly items: readonly ApprovalListItem[];
}

export const APPROVAL_LIST_RULES = Object.freeze({
  itemised: c003(26, '逐项列明办理程序、材料和时限'),
  twoWorkingDays: c003(27, '原则上要在2个工作日内作出答复'),
  noDeposit: c003(26, '严禁向企业收取复工复产保证金等'),
});

/** Checks a list before publication: every item names its procedure, materials, time limit and legal basis. */
export function validateApprovalList(list: ApprovalList): string[] {
  const errors: string[] = [];
  const codes = new Set<string>();
  for (const item of list.items) {
    const name = item.name || item.code;
    if (!item.code) errors.push('审批事项编码：不能为空');
    if (codes.has(item.code)) errors.push(`审批事项编码：${item.code} 重复`);
    codes.add(item.code);
    if (!item.name.trim()) errors.push(`审批事项「${item.code}」名称：不能为空`);
    if (item.sectors.length === 0) errors.push(`审批事项「${name}」适用行业：不能为空`);
    if (!item.procedure.trim()) errors.push(`审批事项「${name}」办理程序：须逐项列明`);
    if (item.materials.length === 0) errors.push(`审批事项「${name}」申请材料：须逐项列明`);
    if (item.materials.some((m) => m.includes('保证金')))
      errors.push(`审批事项「${name}」申请材料：严禁收取复工复产保证金`);
    if (!Number.isInteger(item.timeLimitWorkingDays) || item.timeLimitWorkingDays < 1) {
      errors.push(`审批事项「${name}」办理时限：应为不少于1的整数个工作日`);
    } else if (item.timeLimitWorkingDays > 2) {
      errors.push(`审批事项「${name}」办理时限：原则上应在2个工作日内作出答复`);
    }
    if (!item.legalBasis.trim()) errors.push(`审批事项「${name}」设定依据：不能为空`);
  }
  if (list.publishedOn !== null && !isIsoDate(list.publishedOn)) errors.push('公布日期：格式应为YYYY-MM-DD');
  return errors;
}

// ── the decision ──

export interface ResumptionModeInput {
  readonly level: RiskLevel;
  readonly provinceModes: ProvinceModes;
  readonly enterpriseCategories: readonly string[];
  /** Sector key of the enterprise (closure sectors use the keys of CLOSURE_SECTOR_LABELS). */
  readonly sector: string;
  readonly approvalList: ApprovalList;
  /** Closure rules in force; defaults to DEFAULT_CLOSURE_RULES. */
  readonly closureRules?: readonly SectorClosureRule[];
  /** County code of the enterprise, to select rules by jurisdiction; all rules apply when absent. */
  readonly regionCode?: string;
  /** Date of the decision, to apply closure rules by their dates; when absent, unlifted rules apply. */
  readonly asOf?: string;
}

export interface ResumptionModeDecision {
  readonly mode: ResumptionMode;
  readonly greenChannel: boolean;
  /** Green-channel enterprises are handled first in every queue. */
  readonly priority: boolean;
  readonly greenChannelCategories: readonly GreenChannelCategory[];
  readonly approvalItem?: ApprovalListItem;
  readonly closureRuleId?: string;
  /** Chinese trace, one line per rule applied. */
  readonly reasons: readonly string[];
  readonly sources: readonly SeedRef[];
}

/**
 * The resumption mode for an enterprise.
 *  - a sector closed at this level → `closed`;
 *  - low risk → `declare` (no approval or filing may hold it back, L26);
 *  - medium / high → the province-wide mode for the level; `approval` only if the sector is on the published
 *    approval list, otherwise `filing` (L26);
 *  - green-channel categories get the lightest mode available (`commitment` at medium/high: 承诺+备案, L395) and
 *    priority.
 */
export function resumptionMode(input: ResumptionModeInput): ResumptionModeDecision {
  const reasons: string[] = [];
  const cites: Citation[] = [];
  const levelLabel = RISK_LEVEL_BY_CODE[input.level].label;
  const green = GREEN_CHANNEL_CATEGORIES.filter((c) => input.enterpriseCategories.includes(c.code));
  const greenCodes = green.map((c) => c.code);

  const rules = (input.closureRules ?? DEFAULT_CLOSURE_RULES).filter(
    (r) => r.sectors.includes(input.sector) && ruleInForce(r, input.level, input.regionCode, input.asOf),
  );
  const closing = rules.find((r) => r.effect === 'closed');
  if (closing) {
    const sectorLabel = CLOSURE_SECTOR_LABELS[input.sector as ClosureSector] ?? input.sector;
    return {
      mode: 'closed',
      greenChannel: false,
      priority: false,
      greenChannelCategories: [],
      closureRuleId: closing.id,
      reasons: [`${closing.jurisdiction}规定${sectorLabel}暂缓开业（${levelLabel}地区），待指挥部解除后方可申报复工`],
      sources: [closing.source.ref],
    };
  }
  for (const r of rules.filter((x) => x.effect === 'may_defer')) {
    reasons.push(`${r.jurisdiction}规定该行业不具备条件的可暂不开工营业`);
    cites.push(r.source);
  }

  if (green.length > 0) {
    reasons.push(`属于优先复工复产类别（${green.map((c) => c.label).join('、')}），走绿色通道、优先办理`);
    for (const g of green) cites.push(...g.sources);
  }

  let mode: FilingMode;
  let approvalItem: ApprovalListItem | undefined;
  if (input.level === 'low') {
    mode = 'declare';
    reasons.push('低风险地区不得采取审批、备案等方式延缓开工：企业申报即复工');
    cites.push(MODE_RULES.lowRiskDeclare);
  } else {
    const configured = input.provinceModes[input.level];
    reasons.push(`${levelLabel}地区执行全省统一的复工复产方式：${MODE_LABELS[configured]}`);
    cites.push(MODE_RULES.provinceWideConditions);
    mode = configured;
    if (configured === 'approval') {
      approvalItem =
        input.approvalList.publishedOn === null
          ? undefined
          : input.approvalList.items.find((i) => i.sectors.includes(input.sector));
      if (approvalItem) {
        reasons.push(`所属行业列入已公布的审批清单（${approvalItem.name}），按清单办理审批`);
      } else {
        mode = 'filing';
        reasons.push('所属行业不在已公布的审批清单内，清单之外不得实施审批，改为备案');
      }
      cites.push(MODE_RULES.approvalListOnly);
    } else {
      cites.push(MODE_RULES.filingOrCommitment, MODE_RULES.resumeOnSubmission);
    }
    if (green.length > 0) {
      const lightest = lighterMode<FilingMode>(mode, 'commitment');
      if (lightest !== mode) {
        reasons.push(`绿色通道：由${MODE_LABELS[mode]}改为${MODE_LABELS[lightest]}（承诺+备案、快办快审）`);
        cites.push(MODE_RULES.greenChannel, MODE_RULES.greenChannelCommitment);
        mode = lightest;
        approvalItem = undefined;
      }
    }
  }

  const decision: ResumptionModeDecision = {
    mode,
    greenChannel: green.length > 0,
    priority: green.length > 0,
    greenChannelCategories: greenCodes,
    reasons,
    sources: refsOf(cites),
    ...(approvalItem ? { approvalItem } : {}),
  };
  return decision;
}
