/**
 * Versioned return-to-work rule sets, by jurisdiction and effective date, and the parameters they use.
 *
 * A rule set is a list of rules (implemented in `return-to-work.ts`) in force for one jurisdiction from one date.
 * Versions of the same jurisdiction form a timeline: a version is in force from `effectiveFrom` until the day before
 * the next version of that jurisdiction starts, or until its own `effectiveTo`. A person working in Nanchang is
 * evaluated under the province version in force *and* the Nanchang version in force (the city adds to the province).
 *
 * Jurisdiction codes follow `src/domain/registry/region-code.ts` (province 36, city 3601). Pass the GB/T 2260 code of
 * the workplace (for a functional zone, its host county or city).
 */
import type { IsoDate } from './dates.ts';
import type { ReasonCode } from './reasons.ts';
import { SEED_002, SEED_003, cite } from './sources.ts';
import type { Citation, Param } from './sources.ts';

function p<T>(value: T, label: string, citation: Citation, numberInQuote?: string, external?: string): Param<T> {
  return {
    value,
    label,
    citation,
    ...(numberInQuote !== undefined ? { numberInQuote } : {}),
    ...(external !== undefined ? { external } : {}),
  };
}

/** Every number the rules use, with the seed line it comes from. */
export const PARAMS = {
  lookBackDays: p(14, '活动轨迹回溯天数', cite(SEED_003, 482, '提前了解每个返岗员工最近14天的活动轨迹'), '14天'),
  keyAreaQuarantineDays: p(14, '重点地区来人隔离医学观察天数', cite(SEED_003, 482, '落实14天隔离医学观察措施'), '14天'),
  charterSymptomFreeDays: p(14, '包车返程行前无症状天数', cite(SEED_003, 482, '行前14天内且在途无相关症状'), '14天'),
  closeContactDays: p(14, '密切接触者医学观察天数（自末次接触起）', cite(SEED_003, 278, '末次接触后14天'), '14天'),
  dischargeObservationDays: p(14, '出院后集中隔离医学观察天数', cite(SEED_003, 280, '集中隔离医学观察14天'), '14天'),
  dischargeNegativeTests: p(2, '出院观察期满后连续阴性次数', cite(SEED_003, 280, '连续两次标本核酸检测阴性'), '两次'),
  dischargeTestGapDays: p(1, '两次采样最少间隔天数', cite(SEED_003, 280, '采样时间至少间隔1天'), '1天'),
  hubeiQuarantineDays: p(
    14,
    '湖北入赣人员集中隔离天数（自到达起）',
    cite(SEED_003, 281, '实行集中隔离医学观察14天'),
    '14天',
  ),
  ncSymptomFreeDays: p(14, '南昌：返岗前连续无症状天数', cite(SEED_003, 739, '连续14天以上无症状'), '14天'),
  ncHubeiLookBackDays: p(14, '南昌：湖北旅居史回溯天数', cite(SEED_003, 618, '近14天内有湖北旅居史'), '14天'),
  centralDays2022: p(7, '2022：中高风险地区来（返）赣集中隔离天数', cite(SEED_002, 225, '严格执行“7'), '7'),
  homeDays2022: p(7, '2022：集中隔离后居家健康监测天数', cite(SEED_002, 227, '+7 天居家健康监测'), '7 天'),
  preArrivalTestHours: p(48, '2022：抵达前核酸检测时限（小时）', cite(SEED_002, 229, '查验48小时内核酸检测'), '48小时'),
  threeDayWindowDays: p(3, '2022：“三天两检”天数', cite(SEED_002, 231, '“三天两'), '三天'),
  threeDayTests: p(2, '2022：“三天两检”检测次数', cite(SEED_002, 231, '“三天两'), '两'),
  feverThresholdC: p(
    37.3,
    '发热判定体温（℃，含）',
    cite(SEED_003, 279, '所有发热患者必须留观'),
    undefined,
    '种子文件只写“发热”“体温正常”（003 L279、L482、L285），未给出数值；37.3℃为全国通行的发热判定标准，也是本议题给定的阈值',
  ),
} as const;

export type ParamKey = keyof typeof PARAMS;

export const RULE_IDS = [
  'facts-missing',
  'unwell-no-work',
  'close-contact-history',
  'key-area-14d',
  'charter-fast-track',
  'diagnosis',
  'positive-test',
  'post-discharge',
  'close-contact-14d',
  'fever-observation',
  'suspicious-symptoms',
  'four-categories',
  'hubei-arrival-14d',
  'nc-symptom-free-14d',
  'nc-severe-area-ban',
  'nc-hubei-central',
  'nc-health-check',
  'arrival-risk-area-7-7',
  'arrival-48h-test',
  'arrival-landing-test',
  'arrival-three-days-two-tests',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

export interface Jurisdiction {
  code: string;
  name: string;
  level: 'province' | 'city';
}

export const JIANGXI: Jurisdiction = { code: '36', name: '江西省', level: 'province' };
export const NANCHANG: Jurisdiction = { code: '3601', name: '南昌市', level: 'city' };

export interface RuleSet {
  id: string;
  jurisdiction: Jurisdiction;
  title: string;
  /** The documents encoded, each cited by its title or date line. */
  documents: readonly Citation[];
  effectiveFrom: IsoDate;
  effectiveFromCitation: Citation;
  effectiveFromNote?: string;
  effectiveTo?: IsoDate;
  effectiveToCitation?: Citation;
  rules: readonly RuleId[];
  /** The reason given when no rule restricts. */
  clearedReason: ReasonCode;
}

/** 四类人员 rules of the province's "两好" opinion (seed 003 L276–L281), without the Hubei rule. */
const FOUR_CATEGORY_RULES: readonly RuleId[] = [
  'diagnosis',
  'positive-test',
  'post-discharge',
  'close-contact-14d',
  'fever-observation',
  'suspicious-symptoms',
  'four-categories',
];

export const RULE_SETS: readonly RuleSet[] = [
  {
    id: 'jx-2020-02-10',
    jurisdiction: JIANGXI,
    title: '江西省人民政府关于加强疫情科学防控推进全省企业复工复产的通知',
    documents: [cite(SEED_003, 475, '江西省人民政府关于加强疫情科学防控推进')],
    effectiveFrom: '2020-02-10',
    effectiveFromCitation: cite(SEED_003, 499, '2020年2月10日'),
    rules: ['facts-missing', 'unwell-no-work', 'close-contact-history', 'key-area-14d', 'charter-fast-track'],
    clearedReason: 'CLEARED',
  },
  {
    id: 'jx-2020-03-03',
    jurisdiction: JIANGXI,
    title: '复工复产通知（2020-02-10）＋ 以“两好”推进日常性新冠肺炎疫情防控工作的实施意见（2020-03-03）',
    documents: [
      cite(SEED_003, 475, '江西省人民政府关于加强疫情科学防控推进'),
      cite(SEED_003, 270, '江西省人民政府关于以“两好”推进日常性新冠肺炎疫情防控工作的实施意见'),
    ],
    effectiveFrom: '2020-03-03',
    effectiveFromCitation: cite(SEED_003, 364, '2020年3月3日'),
    rules: ['facts-missing', ...FOUR_CATEGORY_RULES, 'key-area-14d', 'hubei-arrival-14d', 'charter-fast-track'],
    clearedReason: 'CLEARED',
  },
  {
    id: 'jx-2022-06-30',
    jurisdiction: JIANGXI,
    title: '省外来（返）赣人员管控措施（东府办发〔2022〕28号转述）＋“两好”四类人员管控',
    documents: [
      cite(SEED_002, 1, '东府办发〔2022〕28号'),
      cite(SEED_002, 217, '10.保障人员自由有序流动'),
      cite(SEED_003, 270, '江西省人民政府关于以“两好”推进日常性新冠肺炎疫情防控工作的实施意见'),
    ],
    effectiveFrom: '2022-06-30',
    effectiveFromCitation: cite(SEED_002, 12, '2022年 6月 30日'),
    effectiveFromNote:
      '来源为南昌市东湖区文件对全省统一部署（“必须按照省里统一部署执行”）的转述，按全省规则收录，自该文件日期起适用。' +
      '2020年重点地区、湖北旅居史规则不再适用；四类人员管控（003 L276–L280）无后续文件替代，继续适用。',
    rules: [
      'facts-missing',
      ...FOUR_CATEGORY_RULES,
      'arrival-risk-area-7-7',
      'arrival-48h-test',
      'arrival-landing-test',
      'arrival-three-days-two-tests',
    ],
    clearedReason: 'CLEARED_ROUTINE_2022',
  },
  {
    id: 'nc-2020-02-13',
    jurisdiction: NANCHANG,
    title: '南昌市人民政府关于打胜疫情防控阻击战、打赢精准脱贫攻坚战、打好经济发展推进战有关事项的通知',
    documents: [cite(SEED_003, 706, '南昌市人民政府关于打胜疫情防控阻击战')],
    effectiveFrom: '2020-02-13',
    effectiveFromCitation: cite(SEED_003, 708, '2月13日在设区市市长视频会议上的讲话'),
    effectiveFromNote: '文件未注明日期；其引用2月13日的省长讲话，故不早于2020-02-13，按该日起适用。',
    rules: ['facts-missing', 'nc-symptom-free-14d', 'nc-severe-area-ban'],
    clearedReason: 'CLEARED',
  },
  {
    id: 'nc-2020-02-26',
    jurisdiction: NANCHANG,
    title: '“三战齐打”通知 ＋ 南昌市有效应对疫情加快推进项目建设的若干政策措施（暂行）',
    documents: [
      cite(SEED_003, 706, '南昌市人民政府关于打胜疫情防控阻击战'),
      cite(SEED_003, 587, '南昌市人民政府关于印发南昌市有效应对疫情加快推进项目建设的若干政策措施（暂行）的通知'),
    ],
    effectiveFrom: '2020-02-26',
    effectiveFromCitation: cite(SEED_003, 590, '2020年2月26日'),
    effectiveTo: '2020-12-31',
    effectiveToCitation: cite(SEED_003, 651, '有效期至2020年12月31日'),
    effectiveFromNote:
      '项目建设政策措施有效期至2020-12-31（003 L651）；“三战齐打”通知未写终止日期，作为南昌市同一版本一并到期，此后只适用全省规则。',
    rules: ['facts-missing', 'nc-symptom-free-14d', 'nc-severe-area-ban', 'nc-hubei-central', 'nc-health-check'],
    clearedReason: 'CLEARED',
  },
];

/** The version of one jurisdiction in force on `asOf`, or `null`. */
export function versionInForce(jurisdictionCode: string, asOf: IsoDate, sets: readonly RuleSet[] = RULE_SETS) {
  const versions = sets
    .filter((s) => s.jurisdiction.code === jurisdictionCode)
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
  let current: RuleSet | null = null;
  for (const v of versions) if (v.effectiveFrom <= asOf) current = v;
  if (current === null) return null;
  if (current.effectiveTo !== undefined && asOf > current.effectiveTo) return null;
  return current;
}

/**
 * The rule sets that apply to a workplace in `regionCode` on `asOf`, broadest jurisdiction first
 * (province, then city). Empty when no rule set is in force there then.
 */
export function ruleSetsFor(regionCode: string, asOf: IsoDate, sets: readonly RuleSet[] = RULE_SETS): RuleSet[] {
  const codes = [...new Set(sets.map((s) => s.jurisdiction.code))]
    .filter((c) => regionCode.startsWith(c))
    .sort((a, b) => a.length - b.length);
  const out: RuleSet[] = [];
  for (const c of codes) {
    const v = versionInForce(c, asOf, sets);
    if (v) out.push(v);
  }
  return out;
}
