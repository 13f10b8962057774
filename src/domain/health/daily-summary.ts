/**
 * The enterprise's daily health summary for the CDC (每天汇总员工健康状况，向当地疾控部门报告, seed 003 L62; 每日汇总报告员工
 * 健康状况, L302). Counts only — no names, no ID numbers — so the CDC dashboard can aggregate it freely.
 */
import { addDays, instantMs, isIsoDate, shanghaiDate, startOfShanghaiDay } from './dates.ts';
import type { Instant, IsoDate } from './dates.ts';
import type { AnomalyCase, AnomalyState } from './anomaly-case.ts';
import { ANOMALY_STATES, ANOMALY_STATE_LABEL, isOpenAnomalyCase } from './anomaly-case.ts';
import type { Declaration, RosterHealthEntry } from './declaration.ts';
import { findUndeclared, requiredDeclarations } from './declaration.ts';
import { PARAMS } from './rule-sets.ts';
import { SEED_003, cite } from './sources.ts';
import { HEALTH_STATUSES, STATUS_INFO } from './status.ts';
import type { HealthStatus } from './status.ts';

export const SUMMARY_SOURCES = {
  daily: cite(SEED_003, 62, '要每天汇总员工健康状况，向当地疾控部门报告'),
  province: cite(SEED_003, 302, '每日汇总报告员工健康状况'),
} as const;

export interface DailyHealthSummary {
  enterpriseId: string;
  date: IsoDate;
  /** When the figures were taken (undeclared counts depend on it). */
  asAt: Instant;
  headcount: number;
  byStatus: { status: HealthStatus; label: string; count: number }[];
  /** People owing two declarations today (dormitory or quarantine period). */
  twiceDaily: number;
  declarations: number;
  /** People with every due declaration made. */
  fullyDeclared: number;
  undeclared: number;
  /** Declarations today with ≥ 37.3 ℃. */
  feverDeclarations: number;
  symptomDeclarations: number;
  maxTemperatureC: number | null;
  anomalies: {
    /** Cases detected today. */
    newToday: number;
    /** Cases not yet closed at `asAt`. */
    open: number;
    byState: { state: AnomalyState; label: string; count: number }[];
  };
  /** Employees on the roster with an unknown status (data to fix, not to guess). */
  unknownStatus: number;
}

export function dailyHealthSummary(input: {
  enterpriseId: string;
  date: IsoDate;
  roster: readonly RosterHealthEntry[];
  declarations: readonly Declaration[];
  anomalyCases: readonly AnomalyCase[];
  /** Default: the end of `date`. */
  asAt?: Instant;
}): DailyHealthSummary {
  const { date } = input;
  if (!isIsoDate(date)) throw new Error(`汇总日期：格式错误（${date}）`);
  const asAt = input.asAt ?? `${addDays(date, 1)}T00:00:00+08:00`;
  const asAtMs = instantMs(asAt);
  const onRoster = new Set(input.roster.map((p) => p.personId));

  const counts = new Map<HealthStatus, number>(HEALTH_STATUSES.map((s) => [s, 0]));
  let unknownStatus = 0;
  for (const p of input.roster) {
    if (p.status === undefined) unknownStatus++;
    else counts.set(p.status, (counts.get(p.status) ?? 0) + 1);
  }

  const today = input.declarations.filter(
    (d) => onRoster.has(d.personId) && shanghaiDate(d.at) === date && instantMs(d.at) <= asAtMs,
  );
  let fever = 0;
  let symptoms = 0;
  let maxT: number | null = null;
  for (const d of today) {
    if (d.temperatureC >= PARAMS.feverThresholdC.value) fever++;
    if (d.symptoms.length) symptoms++;
    maxT = maxT === null ? d.temperatureC : Math.max(maxT, d.temperatureC);
  }
  const undeclared = findUndeclared(input.roster, today, date, asAt);
  const owing = input.roster.filter((p) => requiredDeclarations(p).count > 0).length;

  const cases = input.anomalyCases.filter(
    (c) => c.enterpriseId === input.enterpriseId && instantMs(c.detectedAt) <= asAtMs,
  );
  const stateAt = (c: AnomalyCase): AnomalyState => {
    let s: AnomalyState = 'reported';
    for (const e of c.history) if (instantMs(e.at) <= asAtMs) s = e.to;
    return s;
  };
  const byState = new Map<AnomalyState, number>(ANOMALY_STATES.map((s) => [s, 0]));
  let open = 0;
  for (const c of cases) {
    const s = stateAt(c);
    byState.set(s, (byState.get(s) ?? 0) + 1);
    if (isOpenAnomalyCase({ ...c, state: s })) open++;
  }
  const dayStart = instantMs(startOfShanghaiDay(date));

  return {
    enterpriseId: input.enterpriseId,
    date,
    asAt,
    headcount: input.roster.length,
    byStatus: HEALTH_STATUSES.map((s) => ({ status: s, label: STATUS_INFO[s].label, count: counts.get(s) ?? 0 })),
    twiceDaily: input.roster.filter((p) => requiredDeclarations(p).count === 2).length,
    declarations: today.length,
    fullyDeclared: owing - undeclared.length,
    undeclared: undeclared.length,
    feverDeclarations: fever,
    symptomDeclarations: symptoms,
    maxTemperatureC: maxT,
    anomalies: {
      newToday: cases.filter((c) => instantMs(c.detectedAt) >= dayStart).length,
      open,
      byState: ANOMALY_STATES.map((s) => ({ state: s, label: ANOMALY_STATE_LABEL[s], count: byState.get(s) ?? 0 })),
    },
    unknownStatus,
  };
}
