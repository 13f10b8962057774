/**
 * Anomaly cases (异常情况处置): what happens after a fever or a symptom is declared or found at the entrance.
 *
 * 上报 (reported; the enterprise and the CDC are alerted at once) → 隔离观察区 (isolated in the workplace's isolation
 * area) → 转诊 (referred by a dedicated person and vehicle to a fever clinic or designated hospital) → 结果:
 * 排除 (excluded) / 留观 (held for observation) / 疑似病例 / 确诊病例. Someone not on site goes from 上报 straight to 转诊.
 * A case can be closed as 复测正常 (a mistyped or mis-measured reading) only by a CDC user with a normal re-measurement.
 *
 * Sources: seed 003 L77 (isolation area, report to the CDC, arrange medical care), L300 and L305 (专人专车 to a fever
 * clinic or designated hospital), L62 (report), L715 (Nanchang: 转报、转运、转诊、转接).
 */
import { instantMs, shanghaiDate } from './dates.ts';
import type { Instant, IsoDate } from './dates.ts';
import type { PersonFacts } from './facts.ts';
import { PARAMS } from './rule-sets.ts';
import { SEED_003, cite } from './sources.ts';
import type { SymptomCode } from './symptoms.ts';
import { symptomLabel } from './symptoms.ts';

export const ANOMALY_SOURCES = {
  isolationArea: cite(SEED_003, 77, '当员工出现可疑症状时，及时到该区域进行暂时隔离，并报告当地疾控部门'),
  referral: cite(SEED_003, 300, '要专人专车立即转送到定点医疗机构或发热门诊就诊'),
  referralEnterprise: cite(SEED_003, 305, '要按照规定安排专人专车转送到定点医疗机构或发热门诊就诊'),
  report: cite(SEED_003, 62, '发现异常情况及时报告并采取相应的防控措施'),
  nanchang: cite(SEED_003, 715, '转报、转运、转诊、转接'),
} as const;

export const ANOMALY_STATES = [
  'reported',
  'isolated',
  'referred',
  'observation',
  'suspected',
  'excluded',
  'confirmed',
  'closed_recheck_normal',
] as const;
export type AnomalyState = (typeof ANOMALY_STATES)[number];

export const ANOMALY_STATE_LABEL: Readonly<Record<AnomalyState, string>> = {
  reported: '已上报',
  isolated: '隔离观察区',
  referred: '已转诊',
  observation: '留院观察',
  suspected: '疑似病例',
  excluded: '已排除',
  confirmed: '确诊病例',
  closed_recheck_normal: '复测正常（误报）',
};

export const TERMINAL_ANOMALY_STATES: readonly AnomalyState[] = ['excluded', 'confirmed', 'closed_recheck_normal'];

/** Allowed moves: from → to. Anything else is rejected. */
export const ANOMALY_TRANSITIONS: Readonly<Record<AnomalyState, readonly AnomalyState[]>> = {
  reported: ['isolated', 'referred', 'closed_recheck_normal'],
  isolated: ['referred', 'closed_recheck_normal'],
  referred: ['excluded', 'observation', 'suspected', 'confirmed'],
  observation: ['excluded', 'suspected', 'confirmed'],
  suspected: ['excluded', 'confirmed'],
  excluded: [],
  confirmed: [],
  closed_recheck_normal: [],
};

export type AnomalyActorRole = 'ent_admin' | 'cdc' | 'grid' | 'employee' | 'admin' | 'leader' | 'dept' | 'bank';

/** Who may move a case into each state. Results are the CDC's. */
const MAY_ENTER: Readonly<Record<Exclude<AnomalyState, 'reported'>, readonly AnomalyActorRole[]>> = {
  isolated: ['ent_admin', 'cdc'],
  referred: ['ent_admin', 'cdc'],
  observation: ['cdc'],
  suspected: ['cdc'],
  excluded: ['cdc'],
  confirmed: ['cdc'],
  closed_recheck_normal: ['cdc'],
};

export interface Actor {
  userId: string;
  role: AnomalyActorRole;
}

export interface AnomalyEvent {
  from: AnomalyState | null;
  to: AnomalyState;
  at: Instant;
  actorId: string;
  role: AnomalyActorRole | 'system';
  note?: string;
}

export interface AnomalyCase {
  id: string;
  personId: string;
  enterpriseId: string;
  state: AnomalyState;
  source: 'declaration' | 'entry_check' | 'self_report';
  detectedAt: Instant;
  temperatureC: number | null;
  symptoms: SymptomCode[];
  fever: boolean;
  /** 隔离观察区 used. */
  isolationArea?: string;
  /** Fever clinic or designated hospital referred to. */
  facility?: string;
  history: AnomalyEvent[];
}

export interface AnomalyAlert {
  audience: 'enterprise' | 'cdc';
  enterpriseId: string;
  caseId: string;
  at: Instant;
  message: string;
}

export type AnomalyResult = { ok: true; case: AnomalyCase } | { ok: false; message: string };

/** Open a case: state 上报, and the two alerts to send at once (enterprise, CDC). */
export function openAnomalyCase(input: {
  id: string;
  personId: string;
  enterpriseId: string;
  detectedAt: Instant;
  temperatureC: number | null;
  symptoms: readonly SymptomCode[];
  source: AnomalyCase['source'];
}): { case: AnomalyCase; alerts: AnomalyAlert[] } {
  instantMs(input.detectedAt);
  const fever =
    (input.temperatureC !== null && input.temperatureC >= PARAMS.feverThresholdC.value) ||
    input.symptoms.includes('fever');
  const what = [
    ...(input.temperatureC !== null && input.temperatureC >= PARAMS.feverThresholdC.value
      ? [`体温${input.temperatureC}℃`]
      : []),
    ...input.symptoms.map(symptomLabel),
  ].join('、');
  const c: AnomalyCase = {
    id: input.id,
    personId: input.personId,
    enterpriseId: input.enterpriseId,
    state: 'reported',
    source: input.source,
    detectedAt: input.detectedAt,
    temperatureC: input.temperatureC,
    symptoms: [...input.symptoms],
    fever,
    history: [{ from: null, to: 'reported', at: input.detectedAt, actorId: 'system', role: 'system' }],
  };
  const alerts: AnomalyAlert[] = [
    {
      audience: 'enterprise',
      enterpriseId: input.enterpriseId,
      caseId: input.id,
      at: input.detectedAt,
      message: `员工健康异常（${what || '异常'}）：请立即安排到隔离观察区暂时隔离，并安排专人专车就近就医`,
    },
    {
      audience: 'cdc',
      enterpriseId: input.enterpriseId,
      caseId: input.id,
      at: input.detectedAt,
      message: `企业报告员工健康异常（${what || '异常'}），请跟进处置`,
    },
  ];
  return { case: c, alerts };
}

/**
 * Move a case. `details` carries what the target state needs: the isolation area for 隔离观察区, the facility for 转诊,
 * a normal re-measured temperature for 复测正常. Times must not go backwards.
 */
export function transitionAnomalyCase(
  c: AnomalyCase,
  to: AnomalyState,
  actor: Actor,
  at: Instant,
  details: {
    isolationArea?: string;
    facility?: string;
    recheckTemperatureC?: number;
    recheckSymptoms?: readonly SymptomCode[];
    note?: string;
  } = {},
): AnomalyResult {
  if (to === 'reported') return { ok: false, message: '异常处置：不能退回“已上报”' };
  if (!ANOMALY_TRANSITIONS[c.state].includes(to)) {
    return { ok: false, message: `异常处置：不能从“${ANOMALY_STATE_LABEL[c.state]}”变为“${ANOMALY_STATE_LABEL[to]}”` };
  }
  if (!MAY_ENTER[to].includes(actor.role)) {
    return { ok: false, message: `异常处置：当前角色无权将状态变为“${ANOMALY_STATE_LABEL[to]}”` };
  }
  let atMs: number;
  try {
    atMs = instantMs(at);
  } catch {
    return { ok: false, message: '处置时间：格式错误，应为带时区的时间' };
  }
  const last = c.history[c.history.length - 1]!;
  if (atMs < instantMs(last.at)) return { ok: false, message: '处置时间：不能早于上一步的时间' };

  const next: AnomalyCase = { ...c, state: to, history: [...c.history] };
  if (to === 'isolated') {
    if (!details.isolationArea?.trim()) return { ok: false, message: '隔离观察区：请填写隔离观察区域' };
    next.isolationArea = details.isolationArea.trim();
  }
  if (to === 'referred') {
    if (!details.facility?.trim()) return { ok: false, message: '转诊机构：请填写定点医疗机构或发热门诊' };
    next.facility = details.facility.trim();
  }
  if (to === 'closed_recheck_normal') {
    const t = details.recheckTemperatureC;
    if (t === undefined || !Number.isFinite(t)) return { ok: false, message: '复测体温：请填写复测体温' };
    if (t >= PARAMS.feverThresholdC.value)
      return { ok: false, message: `复测体温：${t}℃仍≥${PARAMS.feverThresholdC.value}℃，不能按误报关闭` };
    if ((details.recheckSymptoms ?? []).length) return { ok: false, message: '复测症状：仍有症状，不能按误报关闭' };
  }
  next.history.push({
    from: c.state,
    to,
    at,
    actorId: actor.userId,
    role: actor.role,
    ...(details.note?.trim()
      ? { note: details.note.trim() }
      : to === 'closed_recheck_normal'
        ? { note: `复测体温${details.recheckTemperatureC}℃，无症状` }
        : {}),
  });
  return { ok: true, case: next };
}

export function isOpenAnomalyCase(c: AnomalyCase): boolean {
  return !TERMINAL_ANOMALY_STATES.includes(c.state);
}

/** Minutes from detection to each step, for the CDC's timeliness review. */
export function anomalyTimeline(
  c: AnomalyCase,
): { state: AnomalyState; label: string; at: Instant; minutesSinceDetected: number }[] {
  const t0 = instantMs(c.detectedAt);
  return c.history.map((e) => ({
    state: e.to,
    label: ANOMALY_STATE_LABEL[e.to],
    at: e.at,
    minutesSinceDetected: Math.round((instantMs(e.at) - t0) / 60_000),
  }));
}

/** The facts a case contributes to the return-to-work rules. */
export function anomalyFacts(c: AnomalyCase): Pick<PersonFacts, 'openAnomaly' | 'diagnosis'> {
  const opened: IsoDate = shanghaiDate(c.detectedAt);
  const enteredOn = (s: AnomalyState): IsoDate | undefined => {
    const e = c.history.find((h) => h.to === s);
    return e ? shanghaiDate(e.at) : undefined;
  };
  const suspectedOn = enteredOn('suspected');
  const confirmedOn = enteredOn('confirmed');
  if (confirmedOn) return { openAnomaly: null, diagnosis: { kind: 'confirmed', on: confirmedOn } };
  if (suspectedOn) {
    const excludedOn = enteredOn('excluded');
    return {
      openAnomaly: null,
      diagnosis: { kind: 'suspected', on: suspectedOn, ...(excludedOn ? { excludedOn } : {}) },
    };
  }
  if (isOpenAnomalyCase(c)) return { openAnomaly: { openedOn: opened, fever: c.fever } };
  return { openAnomaly: null };
}
