/**
 * The closed lists of reasons.
 *
 * `REASONS`: every reason the return-to-work rules can give for a status. Each names the status it implies and cites
 * the seed line it comes from. A reason of kind `notice` does not restrict (it tells the person what is still
 * required); `cleared` reasons explain a 可返岗.
 *
 * `OVERRIDE_REASONS`: the only reasons for which CDC users may override a computed status (two-person rule, see
 * `override.ts`). All are epidemic-prevention reasons; there is no "other" and no free-text reason. Adding one is a
 * code change, reviewed like any rule.
 */
import type { HealthStatus } from './status.ts';
import { SEED_002, SEED_003, cite } from './sources.ts';
import type { Citation } from './sources.ts';

export const REASON_CODES = [
  'CLEARED',
  'CLEARED_ROUTINE_2022',
  'CHARTER_FAST_TRACK',
  'FACTS_MISSING',
  'UNWELL_NO_WORK',
  'CLOSE_CONTACT_HISTORY',
  'KEY_AREA_QUARANTINE_14D',
  'CONFIRMED_CASE',
  'SUSPECTED_CASE',
  'ASYMPTOMATIC_INFECTION',
  'POSITIVE_NUCLEIC_ACID',
  'POST_DISCHARGE_OBSERVATION',
  'CLOSE_CONTACT_QUARANTINE_14D',
  'FEVER_OBSERVATION',
  'SUSPICIOUS_SYMPTOMS',
  'FOUR_CATEGORIES_UNSPECIFIED',
  'HUBEI_ARRIVAL_QUARANTINE_14D',
  'NC_SYMPTOM_FREE_14D',
  'NC_SEVERE_AREA_BAN',
  'NC_HUBEI_CENTRAL_QUARANTINE',
  'NC_HEALTH_CHECK_REQUIRED',
  'ARRIVAL_RISK_AREA_CENTRAL_7D',
  'ARRIVAL_RISK_AREA_HOME_7D',
  'ARRIVAL_48H_TEST_MISSING',
  'ARRIVAL_LANDING_TEST_PENDING',
  'ARRIVAL_THREE_DAYS_TWO_TESTS',
  'ARRIVAL_THREE_DAYS_TWO_TESTS_INCOMPLETE',
] as const;

export type ReasonCode = (typeof REASON_CODES)[number];

export type ReasonKind = 'restriction' | 'notice' | 'cleared';

export interface ReasonDef extends Citation {
  code: ReasonCode;
  label: string;
  status: HealthStatus;
  kind: ReasonKind;
  /** Further lines the reason relies on (the 2022 text wraps a phrase over several lines). */
  alsoCites?: readonly Citation[];
}

function r(
  code: ReasonCode,
  label: string,
  status: HealthStatus,
  kind: ReasonKind,
  citation: Citation,
  alsoCites?: readonly Citation[],
): ReasonDef {
  return { code, label, status, kind, ...citation, ...(alsoCites ? { alsoCites } : {}) };
}

const L482 = (quote: string) => cite(SEED_003, 482, quote);

export const REASONS: Readonly<Record<ReasonCode, ReasonDef>> = {
  CLEARED: r(
    'CLEARED',
    '体温检测正常、无密切接触史、无须隔离观察，可以安排上岗',
    'cleared',
    'cleared',
    L482('在体温检测正常、无密切接触史的情况下安排上岗'),
  ),
  CLEARED_ROUTINE_2022: r(
    'CLEARED_ROUTINE_2022',
    '无管控情形，落实扫码、测温等常态化防控措施即可返岗',
    'cleared',
    'cleared',
    cite(SEED_002, 219, '只需落实扫码、测温等常态化防'),
  ),
  CHARTER_FAST_TRACK: r(
    'CHARTER_FAST_TRACK',
    '"点对点"包车返程，行前14天内且在途无相关症状，可尽快复工',
    'cleared',
    'notice',
    L482('行前14天内且在途无相关症状的可尽快复工'),
  ),
  FACTS_MISSING: r(
    'FACTS_MISSING',
    '返岗前须掌握最近14天的活动轨迹和接触史，信息不全暂缓返岗',
    'deferred',
    'restriction',
    L482('提前了解每个返岗员工最近14天的活动轨迹'),
  ),
  UNWELL_NO_WORK: r(
    'UNWELL_NO_WORK',
    '体温异常、有可疑症状或核酸阳性，严禁"带病上岗"',
    'deferred',
    'restriction',
    L482('严禁“带病上岗”'),
  ),
  CLOSE_CONTACT_HISTORY: r(
    'CLOSE_CONTACT_HISTORY',
    '最近14天内有密切接触史，不安排上岗',
    'barred',
    'restriction',
    L482('无密切接触史的情况下安排上岗'),
  ),
  KEY_AREA_QUARANTINE_14D: r(
    'KEY_AREA_QUARANTINE_14D',
    '最近14天内有重点地区旅居史，落实14天隔离医学观察',
    'central_quarantine',
    'restriction',
    L482('对来自重点地区的务工人员要落实14天隔离医学观察措施'),
  ),
  CONFIRMED_CASE: r(
    'CONFIRMED_CASE',
    '确诊病例，在定点医疗机构隔离治疗至符合出院标准',
    'isolation_treatment',
    'restriction',
    cite(SEED_003, 277, '隔离治疗至符合出院标准'),
  ),
  SUSPECTED_CASE: r(
    'SUSPECTED_CASE',
    '疑似病例，在定点医疗机构隔离治疗，排除前不得返岗',
    'isolation_treatment',
    'restriction',
    cite(SEED_003, 277, '所有确诊病例、疑似病例应当在具备有效隔离条件和防护条件的定点医疗机构隔离治疗'),
  ),
  ASYMPTOMATIC_INFECTION: r(
    'ASYMPTOMATIC_INFECTION',
    '无症状感染者，按"四类人员"管控',
    'isolation_treatment',
    'restriction',
    cite(SEED_003, 276, '对确诊的无症状感染者和湖北入赣人员按照“四类人员”管控'),
  ),
  POSITIVE_NUCLEIC_ACID: r(
    'POSITIVE_NUCLEIC_ACID',
    '核酸检测阳性，待疾控判定前按病例在定点医疗机构隔离',
    'isolation_treatment',
    'restriction',
    cite(SEED_003, 277, '定点医疗机构隔离治疗'),
  ),
  POST_DISCHARGE_OBSERVATION: r(
    'POST_DISCHARGE_OBSERVATION',
    '治愈出院（解除隔离）后集中隔离医学观察14天，之后连续两次核酸检测阴性（采样至少间隔1天）方可解除',
    'central_quarantine',
    'restriction',
    cite(SEED_003, 280, '集中隔离医学观察14天，之后连续两次标本核酸检测阴性（采样时间至少间隔1天）后，方可解除隔离'),
  ),
  CLOSE_CONTACT_QUARANTINE_14D: r(
    'CLOSE_CONTACT_QUARANTINE_14D',
    '密切接触者，集中隔离医学观察至末次接触后14天',
    'central_quarantine',
    'restriction',
    cite(SEED_003, 278, '医学观察时间为与确诊病例或无症状感染者末次接触后14天'),
  ),
  FEVER_OBSERVATION: r(
    'FEVER_OBSERVATION',
    '发热患者必须留观，未排除前不允许流动',
    'fever_observation',
    'restriction',
    cite(SEED_003, 279, '所有发热患者必须留观，在未确诊前不允许流动'),
  ),
  SUSPICIOUS_SYMPTOMS: r(
    'SUSPICIOUS_SYMPTOMS',
    '出现咳嗽等可疑症状，须报告并就诊，排除前暂缓返岗',
    'deferred',
    'restriction',
    cite(SEED_003, 287, '对于出现发热、咳嗽等可疑症状的人员，必须第一时间向所在的村、社区和单位报告'),
  ),
  FOUR_CATEGORIES_UNSPECIFIED: r(
    'FOUR_CATEGORIES_UNSPECIFIED',
    '登记为"四类人员"，须落实隔离、救治等管控措施，待疾控明确类别',
    'barred',
    'restriction',
    cite(SEED_003, 276, '“四类人员”的隔离、救治等管控措施'),
  ),
  HUBEI_ARRIVAL_QUARANTINE_14D: r(
    'HUBEI_ARRIVAL_QUARANTINE_14D',
    '湖北入赣人员，自到达目的地起集中隔离医学观察14天',
    'central_quarantine',
    'restriction',
    cite(SEED_003, 281, '湖北入赣人员应当自到达目的地开始，实行集中隔离医学观察14天'),
  ),
  NC_SYMPTOM_FREE_14D: r(
    'NC_SYMPTOM_FREE_14D',
    '南昌市：连续14天以上无症状方可返岗上班',
    'deferred',
    'restriction',
    cite(SEED_003, 739, '连续14天以上无症状者可以返岗上班'),
  ),
  NC_SEVERE_AREA_BAN: r(
    'NC_SEVERE_AREA_BAN',
    '南昌市：到过疫情严重地区又未过隔离观察期，一律不准返岗上班',
    'barred',
    'restriction',
    cite(SEED_003, 739, '到过疫情严重地区又未过隔离观察期的，一律不准返岗上班'),
  ),
  NC_HUBEI_CENTRAL_QUARANTINE: r(
    'NC_HUBEI_CENTRAL_QUARANTINE',
    '南昌市：近14天内有湖北旅居史，在属地集中隔离',
    'central_quarantine',
    'restriction',
    cite(SEED_003, 618, '除近14天内有湖北旅居史以及其他国家要求必须隔离的人员一律在属地进行集中隔离外'),
  ),
  NC_HEALTH_CHECK_REQUIRED: r(
    'NC_HEALTH_CHECK_REQUIRED',
    '南昌市：返岗务工人员经必要的健康检测后方可取消隔离要求',
    'deferred',
    'restriction',
    cite(SEED_003, 618, '返岗务工人员经必要的健康检测后可取消隔离要求'),
  ),
  ARRIVAL_RISK_AREA_CENTRAL_7D: r(
    'ARRIVAL_RISK_AREA_CENTRAL_7D',
    '省外中高风险地区或本土聚集性疫情所在县来（返）赣，7天集中隔离',
    'central_quarantine',
    'restriction',
    cite(SEED_002, 225, '严格执行“7'),
    [
      cite(SEED_002, 223, '省外中高风险地区'),
      cite(SEED_002, 225, '本土聚集性疫情所在县（市、区）来（返）赣人员'),
      cite(SEED_002, 227, '天集中隔离+7 天居家健康监测'),
    ],
  ),
  ARRIVAL_RISK_AREA_HOME_7D: r(
    'ARRIVAL_RISK_AREA_HOME_7D',
    '省外中高风险地区来（返）赣，集中隔离期满后7天居家健康监测',
    'home_monitoring',
    'restriction',
    cite(SEED_002, 227, '+7 天居家健康监测'),
    [cite(SEED_002, 223, '省外中高风险地区')],
  ),
  ARRIVAL_48H_TEST_MISSING: r(
    'ARRIVAL_48H_TEST_MISSING',
    '省外来（返）赣，未持48小时内核酸检测阴性证明，待"落地检"阴性后方可返岗',
    'deferred',
    'restriction',
    cite(SEED_002, 229, '查验48小时内核酸检测'),
    [cite(SEED_002, 227, '省外其他')],
  ),
  ARRIVAL_LANDING_TEST_PENDING: r(
    'ARRIVAL_LANDING_TEST_PENDING',
    '省外来（返）赣，"落地检"核酸检测结果未出前须居家或在驻地等候',
    'deferred',
    'restriction',
    cite(SEED_002, 233, '核酸检测结果未出前须居家或在驻地等候'),
    [cite(SEED_002, 231, '第一时间、第一地点实行“落地检”')],
  ),
  ARRIVAL_THREE_DAYS_TWO_TESTS: r(
    'ARRIVAL_THREE_DAYS_TWO_TESTS',
    '省外来（返）赣，须完成"三天两检"',
    'cleared',
    'notice',
    cite(SEED_002, 231, '“三天两'),
    [cite(SEED_002, 233, '检”，在“落地检”')],
  ),
  ARRIVAL_THREE_DAYS_TWO_TESTS_INCOMPLETE: r(
    'ARRIVAL_THREE_DAYS_TWO_TESTS_INCOMPLETE',
    '省外来（返）赣，未按期完成"三天两检"，补检阴性前暂缓返岗',
    'deferred',
    'restriction',
    cite(SEED_002, 231, '“三天两'),
    [cite(SEED_002, 233, '检”，在“落地检”')],
  ),
};

export function isReasonCode(value: unknown): value is ReasonCode {
  return typeof value === 'string' && (REASON_CODES as readonly string[]).includes(value);
}

export function reasonDef(code: ReasonCode): ReasonDef {
  return REASONS[code];
}

// ---------------------------------------------------------------------------------------------------------------
// Override reasons (疾控人工研判): epidemic prevention only.

export const OVERRIDE_REASON_CODES = [
  'OV_EPI_CLOSE_CONTACT',
  'OV_POSITIVE_RESULT_UNSYNCED',
  'OV_FEVER_CLINIC_OBSERVATION',
  'OV_KEY_AREA_HISTORY_VERIFIED',
  'OV_HEALTH_CERTIFICATE_RECOGNISED',
  'OV_OBSERVATION_COMPLETED_ELSEWHERE',
] as const;

export type OverrideReasonCode = (typeof OVERRIDE_REASON_CODES)[number];

export interface OverrideReasonDef extends Citation {
  code: OverrideReasonCode;
  label: string;
  /** The only statuses an override with this reason may set. */
  allowedStatuses: readonly HealthStatus[];
  /** Longest validity of one override, in days; after that the rules decide again unless a new override is made. */
  maxDays: number;
  /** What evidence must be referenced (shown to the proposing user). */
  evidence: string;
}

export const OVERRIDE_REASONS: Readonly<Record<OverrideReasonCode, OverrideReasonDef>> = {
  OV_EPI_CLOSE_CONTACT: {
    code: 'OV_EPI_CLOSE_CONTACT',
    label: '流行病学调查判定为密切接触者（接触记录尚未录入）',
    allowedStatuses: ['central_quarantine'],
    maxDays: 15,
    evidence: '流调报告编号',
    ...cite(SEED_003, 278, '病患密切接触者应当实行集中隔离医学观察'),
  },
  OV_POSITIVE_RESULT_UNSYNCED: {
    code: 'OV_POSITIVE_RESULT_UNSYNCED',
    label: '核酸检测阳性（检测机构报告尚未同步）',
    allowedStatuses: ['isolation_treatment'],
    maxDays: 7,
    evidence: '检测机构报告编号',
    ...cite(SEED_003, 277, '定点医疗机构隔离治疗'),
  },
  OV_FEVER_CLINIC_OBSERVATION: {
    code: 'OV_FEVER_CLINIC_OBSERVATION',
    label: '发热门诊留观',
    allowedStatuses: ['fever_observation'],
    maxDays: 7,
    evidence: '发热门诊就诊记录编号',
    ...cite(SEED_003, 279, '所有发热患者必须留观'),
  },
  OV_KEY_AREA_HISTORY_VERIFIED: {
    code: 'OV_KEY_AREA_HISTORY_VERIFIED',
    label: '经核查有重点地区旅居史（旅居记录尚未录入）',
    allowedStatuses: ['central_quarantine'],
    maxDays: 15,
    evidence: '行程核查记录编号',
    ...cite(SEED_003, 482, '对来自重点地区的务工人员要落实14天隔离医学观察措施'),
  },
  OV_HEALTH_CERTIFICATE_RECOGNISED: {
    code: 'OV_HEALTH_CERTIFICATE_RECOGNISED',
    label: '持输出地健康证明并乘坐"点对点"特定交通工具到达，不再实施隔离观察',
    allowedStatuses: ['cleared'],
    maxDays: 14,
    evidence: '输出地健康证明编号',
    ...cite(
      SEED_003,
      37,
      '输入地对持输出地（非疫情防控重点地区）健康证明、乘坐“点对点”特定交通工具到达的人员，可不再实施隔离观察',
    ),
  },
  OV_OBSERVATION_COMPLETED_ELSEWHERE: {
    code: 'OV_OBSERVATION_COMPLETED_ELSEWHERE',
    label: '已在外地解除隔离观察（凭解除隔离证明）',
    allowedStatuses: ['cleared'],
    maxDays: 14,
    evidence: '解除隔离医学观察通知书编号',
    ...cite(SEED_003, 37, '或已解除隔离观察'),
  },
};

export function isOverrideReasonCode(value: unknown): value is OverrideReasonCode {
  return typeof value === 'string' && (OVERRIDE_REASON_CODES as readonly string[]).includes(value);
}
