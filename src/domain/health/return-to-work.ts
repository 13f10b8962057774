/**
 * Return-to-work rules (返岗规则): facts about a person → status, reasons with sources, earliest return date, trace.
 *
 * ## Day counting
 * The day of the event — last contact, arrival, discharge, last symptom, leaving an area — is **day 0**. A period of
 * N days covers days 1..N, and the person may return on **day N+1**. Seed 003 L278 counts close-contact observation
 * as 「与确诊病例或无症状感染者末次接触后14天」 ("14 days *after* the last contact"), so the day of contact itself is not
 * one of the 14; L281 counts from arrival (「自到达目的地开始」) and L739 asks for 「连续14天以上无症状」 — fourteen full
 * symptom-free days. Example: last contact on 2020-03-01 (day 0) → observation 03-02..03-15 (days 1–14) → on day 13
 * (03-14) and day 14 (03-15) still in quarantine → may return on 03-16 (day 15).
 * The 14-day look-back (L482 「最近14天的活动轨迹」) uses the same count: a stay ending on day 0 matters while the date is
 * within days 0–14 after it.
 *
 * ## Earliest return date
 * Each restricting reason carries `until`: the first date on which it stops applying by the passage of time alone, or
 * `null` when it ends only on an event whose date is unknown (a test result, a discharge, a CDC decision; `liftedBy`
 * names it). `earliestReturnDate` is `asOf` when nothing restricts, `null` when any restricting reason has a `null`
 * `until`, otherwise the latest `until`.
 *
 * ## Combining
 * Rule sets: the province version in force and, for Nanchang workplaces, the Nanchang version in force
 * (`rule-sets.ts`). Statuses combine by severity (`status.ts`).
 */
import { addDays, daysBetween, instantMs, isIsoDate, maxDate } from './dates.ts';
import type { IsoDate } from './dates.ts';
import { FACT_LABEL } from './facts.ts';
import type { Arrival, FactKey, NucleicAcidTest, PersonFacts, TravelStay } from './facts.ts';
import { REASONS } from './reasons.ts';
import type { ReasonCode, ReasonKind } from './reasons.ts';
import { PARAMS, RULE_SETS, ruleSetsFor } from './rule-sets.ts';
import type { ParamKey, RuleId, RuleSet } from './rule-sets.ts';
import type { SourceRef } from './sources.ts';
import { STATUS_INFO, combineStatuses, severityOf, statusLabel } from './status.ts';
import type { HealthStatus } from './status.ts';
import { symptomLabel } from './symptoms.ts';

// ---------------------------------------------------------------------------------------------------------------
// Result types

export interface ReasonResult {
  code: ReasonCode;
  label: string;
  status: HealthStatus;
  statusLabel: string;
  kind: ReasonKind;
  /** `seed-file-name:Lnnn` */
  source: SourceRef;
  quote: string;
  /** What in the person's facts triggered the reason, with dates. */
  detail: string;
  /** First date the reason no longer applies by time alone; null when it waits on an event. */
  until: IsoDate | null;
  /** The event that lifts the reason (earlier than `until`, or at all when `until` is null). */
  liftedBy?: string;
  /** The rule that gave the reason; `cleared` for the reason given when no rule restricts. */
  ruleId: RuleId | 'cleared';
  ruleSetId: string;
}

export interface TraceEntry {
  ruleSetId: string;
  ruleId: RuleId;
  rule: string;
  outcome: 'applied' | 'passed' | 'duplicate';
  note: string;
  missingFacts: readonly FactKey[];
  params: readonly { key: ParamKey; value: number; source: SourceRef }[];
}

export interface ReturnToWorkResult {
  asOf: IsoDate;
  status: HealthStatus;
  statusLabel: string;
  reasons: ReasonResult[];
  earliestReturnDate: IsoDate | null;
  /** The rule sets applied, joined with `+` (province first), e.g. `jx-2020-03-03+nc-2020-02-26`. */
  ruleSetId: string;
  ruleSets: { id: string; title: string; jurisdiction: string; effectiveFrom: IsoDate }[];
  missingFacts: { fact: FactKey; label: string }[];
  trace: TraceEntry[];
}

export class RuleSetNotFoundError extends Error {
  constructor(regionCode: string, asOf: IsoDate) {
    super(`地区 ${regionCode} 在 ${asOf} 没有适用的返岗规则`);
    this.name = 'RuleSetNotFoundError';
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Rule definitions

export interface Finding {
  code: ReasonCode;
  detail: string;
  until: IsoDate | null;
  liftedBy?: string;
}

interface RuleEval {
  findings: Finding[];
  note: string;
}

export interface RuleDef {
  id: RuleId;
  title: string;
  reasons: readonly ReasonCode[];
  /** Facts the rule reads. */
  reads: readonly FactKey[];
  /** Facts that must be known (not `undefined`); otherwise FACTS_MISSING. */
  required: readonly FactKey[];
  params: readonly ParamKey[];
  evaluate(facts: PersonFacts, asOf: IsoDate): RuleEval;
}

const v = <K extends ParamKey>(k: K): (typeof PARAMS)[K]['value'] => PARAMS[k].value;

/** Return date of a period of `days` days starting after day 0 = `day0`. */
function returnDate(day0: IsoDate, days: number): IsoDate {
  return addDays(day0, days + 1);
}

function arrivalAsOf(f: PersonFacts, asOf: IsoDate): Arrival | null {
  return f.arrival && f.arrival.date <= asOf ? f.arrival : null;
}

function staysAsOf(f: PersonFacts, asOf: IsoDate): TravelStay[] {
  return (f.travel ?? []).filter((s) => s.from <= asOf);
}

/** Day 0 of the observation for a stay: the arrival if the person came from there within the look-back, else leaving. */
function observationDay0(stay: TravelStay, arrival: Arrival | null): { day0: IsoDate; viaArrival: boolean } {
  if (arrival && arrival.date >= stay.to && daysBetween(stay.to, arrival.date) <= v('lookBackDays')) {
    return { day0: arrival.date, viaArrival: true };
  }
  return { day0: stay.to, viaArrival: false };
}

/** A quarantine officially released by `asOf` that began on or after `since` (observation done elsewhere, L37). */
function releasedSince(f: PersonFacts, since: IsoDate, asOf: IsoDate) {
  return (f.quarantines ?? []).find((q) => q.releasedOn !== undefined && q.releasedOn <= asOf && q.startedOn >= since);
}

function latestFinding(findings: Finding[]): Finding[] {
  if (findings.length <= 1) return findings;
  const best = findings.reduce((a, b) => ((b.until ?? '9999-12-31') > (a.until ?? '9999-12-31') ? b : a));
  return [best];
}

function stayText(s: TravelStay): string {
  return `${s.place}（${s.from}至${s.to}）`;
}

function resultDay(t: NucleicAcidTest): IsoDate {
  return t.resultOn ?? t.sampledOn;
}

function sortedTests(f: PersonFacts, asOf: IsoDate): NucleicAcidTest[] {
  return [...(f.tests ?? [])]
    .filter((t) => t.sampledOn <= asOf)
    .sort((a, b) =>
      a.sampledOn === b.sampledOn
        ? (a.sampledAt ?? '').localeCompare(b.sampledAt ?? '')
        : a.sampledOn < b.sampledOn
          ? -1
          : 1,
    );
}

/** Treat results not yet reported by `asOf` as pending. */
function resultAsOf(t: NucleicAcidTest, asOf: IsoDate): NucleicAcidTest['result'] {
  if (t.result === 'pending') return 'pending';
  return t.resultOn !== undefined && t.resultOn > asOf ? 'pending' : t.result;
}

function diagnosisEnd(f: PersonFacts): IsoDate | undefined {
  const d = f.diagnosis;
  if (!d) return undefined;
  return d.kind === 'suspected' ? (d.excludedOn ?? d.dischargedOn) : d.dischargedOn;
}

/** A positive result that no diagnosis (active, or ended after the sample) accounts for. */
function unresolvedPositive(f: PersonFacts, asOf: IsoDate): NucleicAcidTest | null {
  const positives = sortedTests(f, asOf).filter((t) => resultAsOf(t, asOf) === 'positive');
  const d = f.diagnosis && f.diagnosis.on <= asOf ? f.diagnosis : null;
  const end = diagnosisEnd(f);
  const open = positives.filter((t) => !(d && (end === undefined || end > asOf || t.sampledOn <= end)));
  return open.at(-1) ?? null;
}

function feverToday(f: PersonFacts, asOf: IsoDate): boolean {
  const t = f.temperature;
  return !!t && t.on === asOf && t.celsius >= v('feverThresholdC');
}

function currentNonFeverSymptoms(f: PersonFacts): string[] {
  return (f.symptoms?.current ?? []).filter((s) => s !== 'fever').map(symptomLabel);
}

function activeDiagnosis(f: PersonFacts, asOf: IsoDate): boolean {
  const d = f.diagnosis;
  if (!d || d.on > asOf) return false;
  const end = diagnosisEnd(f);
  return end === undefined || end > asOf;
}

/** The out-of-province arrival used by the 2022 rules; inferred from the travel history when no arrival is recorded. */
function outOfProvinceArrival(f: PersonFacts, asOf: IsoDate): { arrival: Arrival; inferred: boolean } | null {
  const a = arrivalAsOf(f, asOf);
  if (a && a.fromOutsideProvince) return { arrival: a, inferred: false };
  if (a) return null;
  const outside = staysAsOf(f, asOf).filter((s) => s.risk.outsideProvince && s.to <= asOf);
  if (outside.length === 0) return null;
  const date = outside.map((s) => s.to).reduce((x, y) => maxDate(x, y));
  return { arrival: { date, mode: 'other', fromOutsideProvince: true }, inferred: true };
}

function riskAreaStays2022(f: PersonFacts, asOf: IsoDate, arrival: Arrival | null): TravelStay[] {
  return staysAsOf(f, asOf).filter(
    (s) =>
      s.risk.outsideProvince === true &&
      (s.risk.level === 'medium' || s.risk.level === 'high' || s.risk.localCluster === true) &&
      observationDay0(s, arrival).viaArrival,
  );
}

function within48h(test: NucleicAcidTest, arrival: Arrival): boolean {
  if (test.sampledAt && arrival.at) {
    const diff = instantMs(arrival.at) - instantMs(test.sampledAt);
    return diff >= 0 && diff <= v('preArrivalTestHours') * 3_600_000;
  }
  // Dates only: sampled the day before or the day of arrival is certainly within 48 hours.
  const d = daysBetween(test.sampledOn, arrival.date);
  return d >= 0 && d <= 1;
}

const RULE_LIST: readonly RuleDef[] = [
  {
    id: 'facts-missing',
    title: '返岗前掌握最近14天活动轨迹和接触史',
    reasons: ['FACTS_MISSING'],
    reads: ['travel', 'contacts'],
    required: ['travel', 'contacts'],
    params: ['lookBackDays'],
    // Evaluated by the engine from the `required` facts of every rule applied (see evaluateReturnToWork).
    evaluate: () => ({ findings: [], note: '由引擎汇总各规则所需事实' }),
  },
  {
    id: 'unwell-no-work',
    title: '体温正常方可上岗，严禁带病上岗',
    reasons: ['UNWELL_NO_WORK'],
    reads: ['temperature', 'symptoms', 'openAnomaly', 'tests', 'diagnosis', 'category'],
    required: [],
    params: ['feverThresholdC'],
    evaluate(f, asOf) {
      const why: string[] = [];
      if (feverToday(f, asOf)) why.push(`当日体温${f.temperature?.celsius}℃`);
      const sym = (f.symptoms?.current ?? []).map(symptomLabel);
      if (sym.length) why.push(`当前症状：${sym.join('、')}`);
      if (f.openAnomaly) why.push(`异常情况处置中（${f.openAnomaly.openedOn}起）`);
      const pos = unresolvedPositive(f, asOf);
      if (pos) why.push(`${pos.sampledOn}采样核酸阳性`);
      if (activeDiagnosis(f, asOf)) why.push('在治疗或隔离中的病例');
      if (f.category === 'confirmed' || f.category === 'suspected' || f.category === 'fever_observation') {
        why.push(
          `人员类别：${f.category === 'confirmed' ? '确诊病例' : f.category === 'suspected' ? '疑似病例' : '发热留观人员'}`,
        );
      }
      if (why.length === 0) return { findings: [], note: '体温正常、无症状' };
      return {
        findings: [
          { code: 'UNWELL_NO_WORK', detail: why.join('；'), until: null, liftedBy: '体温正常、症状消失并经就诊排除' },
        ],
        note: why.join('；'),
      };
    },
  },
  {
    id: 'close-contact-history',
    title: '最近14天无密切接触史方可上岗',
    reasons: ['CLOSE_CONTACT_HISTORY'],
    reads: ['contacts', 'category'],
    required: ['contacts'],
    params: ['lookBackDays'],
    evaluate(f, asOf) {
      const n = v('lookBackDays');
      const findings: Finding[] = [];
      for (const c of (f.contacts ?? []).filter((c) => c.lastContactOn <= asOf)) {
        const until = returnDate(c.lastContactOn, n);
        if (asOf < until) {
          findings.push({
            code: 'CLOSE_CONTACT_HISTORY',
            detail: `${c.lastContactOn}与${c.with === 'confirmed' ? '确诊病例' : '无症状感染者'}末次接触，最近${n}天内有密切接触史（至${addDays(c.lastContactOn, n)}）`,
            until,
          });
        }
      }
      if (findings.length === 0 && f.category === 'close_contact') {
        findings.push({
          code: 'CLOSE_CONTACT_HISTORY',
          detail: '人员类别登记为密切接触者，未录入末次接触日期',
          until: null,
          liftedBy: '疾控录入末次接触日期',
        });
      }
      return { findings: latestFinding(findings), note: findings.length ? '有密切接触史' : `最近${n}天无密切接触史` };
    },
  },
  {
    id: 'key-area-14d',
    title: '来自重点地区的务工人员落实14天隔离医学观察',
    reasons: ['KEY_AREA_QUARANTINE_14D'],
    reads: ['travel', 'arrival', 'quarantines'],
    required: ['travel'],
    params: ['lookBackDays', 'keyAreaQuarantineDays'],
    evaluate(f, asOf) {
      const days = v('keyAreaQuarantineDays');
      const arrival = arrivalAsOf(f, asOf);
      const findings: Finding[] = [];
      const notes: string[] = [];
      for (const s of staysAsOf(f, asOf).filter((s) => s.risk.keyArea)) {
        const { day0, viaArrival } = observationDay0(s, arrival);
        const until = returnDate(day0, days);
        const rel = releasedSince(f, s.to, asOf);
        if (rel) {
          notes.push(`${stayText(s)}：已于${rel.releasedOn}解除隔离观察`);
          continue;
        }
        if (asOf >= until) {
          notes.push(`${stayText(s)}：已满${days}天（${addDays(day0, days)}）`);
          continue;
        }
        findings.push({
          code: 'KEY_AREA_QUARANTINE_14D',
          detail: `${stayText(s)}为重点地区；自${day0}（${viaArrival ? '到达' : '离开'}，第0天）起隔离医学观察${days}天至${addDays(day0, days)}`,
          until,
          liftedBy: '解除隔离医学观察',
        });
      }
      return {
        findings: latestFinding(findings),
        note: [...notes, findings.length ? '须隔离医学观察' : '无须隔离'].join('；'),
      };
    },
  },
  {
    id: 'charter-fast-track',
    title: '"点对点"包车返程，行前14天内且在途无症状的可尽快复工',
    reasons: ['CHARTER_FAST_TRACK'],
    reads: ['arrival'],
    required: [],
    params: ['charterSymptomFreeDays'],
    evaluate(f, asOf) {
      const a = arrivalAsOf(f, asOf);
      if (!a || a.mode !== 'charter' || a.pointToPoint === false || daysBetween(a.date, asOf) > v('lookBackDays')) {
        return { findings: [], note: '非包车返程' };
      }
      if (a.symptomFreeBeforeAndInTransit !== true) return { findings: [], note: '包车返程，但未记录行前及在途无症状' };
      return {
        findings: [
          {
            code: 'CHARTER_FAST_TRACK',
            detail: `${a.date}"点对点"包车到达，行前${v('charterSymptomFreeDays')}天内及在途无症状`,
            until: null,
          },
        ],
        note: '包车返程，可尽快复工',
      };
    },
  },
  {
    id: 'diagnosis',
    title: '确诊、疑似病例和无症状感染者隔离治疗',
    reasons: ['CONFIRMED_CASE', 'SUSPECTED_CASE', 'ASYMPTOMATIC_INFECTION'],
    reads: ['diagnosis', 'category'],
    required: [],
    params: [],
    evaluate(f, asOf) {
      const d = f.diagnosis && f.diagnosis.on <= asOf ? f.diagnosis : null;
      if (d) {
        if (!activeDiagnosis(f, asOf))
          return { findings: [], note: `${d.on}诊断，已于${diagnosisEnd(f)}出院、解除或排除` };
        const code: ReasonCode =
          d.kind === 'confirmed'
            ? 'CONFIRMED_CASE'
            : d.kind === 'suspected'
              ? 'SUSPECTED_CASE'
              : 'ASYMPTOMATIC_INFECTION';
        const what = d.kind === 'confirmed' ? '确诊' : d.kind === 'suspected' ? '疑似病例' : '无症状感染者';
        return {
          findings: [
            {
              code,
              detail: `${d.on}${what}，在隔离治疗中`,
              until: null,
              liftedBy: d.kind === 'suspected' ? '排除疑似' : '符合出院标准出院（出院后另行观察）',
            },
          ],
          note: `${what}`,
        };
      }
      if (f.category === 'confirmed' || f.category === 'suspected') {
        const code: ReasonCode = f.category === 'confirmed' ? 'CONFIRMED_CASE' : 'SUSPECTED_CASE';
        return {
          findings: [
            {
              code,
              detail: `人员类别登记为${f.category === 'confirmed' ? '确诊病例' : '疑似病例'}，未录入诊断记录`,
              until: null,
              liftedBy: '疾控录入诊断及出院（排除）情况',
            },
          ],
          note: '按人员类别认定',
        };
      }
      return { findings: [], note: '无病例诊断' };
    },
  },
  {
    id: 'positive-test',
    title: '核酸检测阳性待疾控判定',
    reasons: ['POSITIVE_NUCLEIC_ACID'],
    reads: ['tests', 'diagnosis'],
    required: [],
    params: [],
    evaluate(f, asOf) {
      const pos = unresolvedPositive(f, asOf);
      if (!pos) return { findings: [], note: '无未处置的阳性结果' };
      return {
        findings: [
          {
            code: 'POSITIVE_NUCLEIC_ACID',
            detail: `${pos.sampledOn}采样核酸检测阳性`,
            until: null,
            liftedBy: '疾控判定（确诊、无症状感染者或排除）',
          },
        ],
        note: '有未处置的阳性结果',
      };
    },
  },
  {
    id: 'post-discharge',
    title: '治愈出院后集中隔离医学观察14天并连续两次核酸阴性',
    reasons: ['POST_DISCHARGE_OBSERVATION'],
    reads: ['diagnosis', 'tests'],
    required: [],
    params: ['dischargeObservationDays', 'dischargeNegativeTests', 'dischargeTestGapDays'],
    evaluate(f, asOf) {
      const d = f.diagnosis;
      if (!d || d.kind === 'suspected' || d.dischargedOn === undefined || d.dischargedOn > asOf) {
        return { findings: [], note: '无出院记录' };
      }
      const day0 = d.dischargedOn;
      const days = v('dischargeObservationDays');
      const lastDay = addDays(day0, days);
      const earliestSample = addDays(day0, days + 1);
      const after = sortedTests(f, asOf).filter((t) => t.sampledOn >= earliestSample);
      const need = v('dischargeNegativeTests');
      const gap = v('dischargeTestGapDays');
      let releaseOn: IsoDate | null = null;
      for (let i = 0; i + need - 1 < after.length && releaseOn === null; i++) {
        const run = after.slice(i, i + need);
        const allNegative = run.every((t) => resultAsOf(t, asOf) === 'negative');
        const spaced = run.every((t, k) => k === 0 || daysBetween(run[k - 1]!.sampledOn, t.sampledOn) >= gap);
        if (allNegative && spaced) releaseOn = maxDate(earliestSample, resultDay(run[need - 1]!));
      }
      const base = `${day0}出院（第0天），集中隔离医学观察至${lastDay}（第${days}天）`;
      if (releaseOn !== null && releaseOn <= asOf)
        return { findings: [], note: `${base}；连续${need}次阴性，${releaseOn}解除` };
      if (releaseOn !== null) {
        return {
          findings: [{ code: 'POST_DISCHARGE_OBSERVATION', detail: `${base}；已连续${need}次阴性`, until: releaseOn }],
          note: base,
        };
      }
      const negatives = after.filter((t) => resultAsOf(t, asOf) === 'negative').length;
      return {
        findings: [
          {
            code: 'POST_DISCHARGE_OBSERVATION',
            detail: `${base}；${earliestSample}起须连续${need}次核酸检测阴性（采样至少间隔${gap}天），目前观察期后阴性${negatives}次`,
            until: null,
            liftedBy: `观察期满后连续${need}次核酸检测阴性（采样至少间隔${gap}天）`,
          },
        ],
        note: base,
      };
    },
  },
  {
    id: 'close-contact-14d',
    title: '密切接触者集中隔离医学观察至末次接触后14天',
    reasons: ['CLOSE_CONTACT_QUARANTINE_14D'],
    reads: ['contacts', 'category'],
    required: ['contacts'],
    params: ['closeContactDays'],
    evaluate(f, asOf) {
      const n = v('closeContactDays');
      const findings: Finding[] = [];
      for (const c of (f.contacts ?? []).filter((c) => c.lastContactOn <= asOf)) {
        const until = returnDate(c.lastContactOn, n);
        if (asOf < until) {
          findings.push({
            code: 'CLOSE_CONTACT_QUARANTINE_14D',
            detail: `${c.lastContactOn}与${c.with === 'confirmed' ? '确诊病例' : '无症状感染者'}末次接触（第0天），医学观察至${addDays(c.lastContactOn, n)}（第${n}天）`,
            until,
          });
        }
      }
      if (findings.length === 0 && f.category === 'close_contact') {
        findings.push({
          code: 'CLOSE_CONTACT_QUARANTINE_14D',
          detail: '人员类别登记为密切接触者，未录入末次接触日期',
          until: null,
          liftedBy: '疾控录入末次接触日期',
        });
      }
      return { findings: latestFinding(findings), note: findings.length ? '密切接触者' : '无密切接触' };
    },
  },
  {
    id: 'fever-observation',
    title: '发热患者留观',
    reasons: ['FEVER_OBSERVATION'],
    reads: ['temperature', 'symptoms', 'openAnomaly', 'category'],
    required: [],
    params: ['feverThresholdC'],
    evaluate(f, asOf) {
      const why: string[] = [];
      if (feverToday(f, asOf)) why.push(`${asOf}体温${f.temperature?.celsius}℃（≥${v('feverThresholdC')}℃）`);
      if ((f.symptoms?.current ?? []).includes('fever')) why.push('自述发热');
      if (f.openAnomaly?.fever) why.push(`发热异常处置中（${f.openAnomaly.openedOn}起）`);
      if (f.category === 'fever_observation') why.push('人员类别登记为发热留观人员');
      if (why.length === 0) return { findings: [], note: '未发热' };
      return {
        findings: [
          {
            code: 'FEVER_OBSERVATION',
            detail: why.join('；'),
            until: null,
            liftedBy: '就诊排除（异常处置结果为排除）',
          },
        ],
        note: why.join('；'),
      };
    },
  },
  {
    id: 'suspicious-symptoms',
    title: '可疑症状须报告就诊',
    reasons: ['SUSPICIOUS_SYMPTOMS'],
    reads: ['symptoms', 'openAnomaly'],
    required: [],
    params: [],
    evaluate(f) {
      const why: string[] = [];
      const sym = currentNonFeverSymptoms(f);
      if (sym.length) why.push(`当前症状：${sym.join('、')}`);
      if (f.openAnomaly && !f.openAnomaly.fever) why.push(`可疑症状异常处置中（${f.openAnomaly.openedOn}起）`);
      if (why.length === 0) return { findings: [], note: '无可疑症状' };
      return {
        findings: [
          { code: 'SUSPICIOUS_SYMPTOMS', detail: why.join('；'), until: null, liftedBy: '症状消失或就诊排除' },
        ],
        note: why.join('；'),
      };
    },
  },
  {
    id: 'four-categories',
    title: '"四类人员"落实管控措施',
    reasons: ['FOUR_CATEGORIES_UNSPECIFIED'],
    reads: ['category'],
    required: [],
    params: [],
    evaluate(f) {
      if (f.category !== 'four_categories_unspecified') return { findings: [], note: '非未细分的四类人员' };
      return {
        findings: [
          {
            code: 'FOUR_CATEGORIES_UNSPECIFIED',
            detail: '人员类别登记为“四类人员”，未细分为确诊、疑似、密切接触或发热留观',
            until: null,
            liftedBy: '疾控明确人员类别',
          },
        ],
        note: '四类人员（未细分）',
      };
    },
  },
  {
    id: 'hubei-arrival-14d',
    title: '湖北入赣人员自到达起集中隔离医学观察14天',
    reasons: ['HUBEI_ARRIVAL_QUARANTINE_14D'],
    reads: ['travel', 'arrival', 'quarantines'],
    required: ['travel'],
    params: ['hubeiQuarantineDays', 'lookBackDays'],
    evaluate(f, asOf) {
      const days = v('hubeiQuarantineDays');
      const arrival = arrivalAsOf(f, asOf);
      const findings: Finding[] = [];
      const notes: string[] = [];
      for (const s of staysAsOf(f, asOf).filter((s) => s.risk.hubei)) {
        const { day0, viaArrival } = observationDay0(s, arrival);
        const until = returnDate(day0, days);
        const rel = releasedSince(f, s.to, asOf);
        if (rel) {
          notes.push(`${stayText(s)}：已于${rel.releasedOn}解除隔离观察`);
          continue;
        }
        if (asOf >= until) {
          notes.push(`${stayText(s)}：已满${days}天`);
          continue;
        }
        findings.push({
          code: 'HUBEI_ARRIVAL_QUARANTINE_14D',
          detail: `${stayText(s)}；自${day0}（${viaArrival ? '到达' : '离开湖北'}，第0天）起集中隔离医学观察至${addDays(day0, days)}`,
          until,
          liftedBy: '解除集中隔离医学观察',
        });
      }
      return {
        findings: latestFinding(findings),
        note: [...notes, findings.length ? '湖北入赣' : '无湖北旅居史'].join('；'),
      };
    },
  },
  {
    id: 'nc-symptom-free-14d',
    title: '南昌：连续14天以上无症状方可返岗',
    reasons: ['NC_SYMPTOM_FREE_14D'],
    reads: ['symptoms', 'temperature'],
    required: ['symptoms'],
    params: ['ncSymptomFreeDays', 'feverThresholdC'],
    evaluate(f, asOf) {
      const n = v('ncSymptomFreeDays');
      const dates: IsoDate[] = [];
      if ((f.symptoms?.current ?? []).length > 0) dates.push(asOf);
      const last = f.symptoms?.lastSymptomOn;
      if (last && last <= asOf) dates.push(last);
      const t = f.temperature;
      if (t && t.on <= asOf && t.celsius >= v('feverThresholdC')) dates.push(t.on);
      if (dates.length === 0) return { findings: [], note: '无症状记录' };
      const s = dates.reduce((a, b) => maxDate(a, b));
      const until = returnDate(s, n);
      if (asOf >= until) return { findings: [], note: `最近症状${s}，至今已连续${daysBetween(s, asOf) - 1}天无症状` };
      return {
        findings: [
          {
            code: 'NC_SYMPTOM_FREE_14D',
            detail: `最近一次症状在${s}（第0天），须连续${n}天无症状（至${addDays(s, n)}）`,
            until,
          },
        ],
        note: `最近症状${s}`,
      };
    },
  },
  {
    id: 'nc-severe-area-ban',
    title: '南昌：到过疫情严重地区又未过隔离观察期的一律不准返岗',
    reasons: ['NC_SEVERE_AREA_BAN'],
    reads: ['travel', 'arrival', 'quarantines'],
    required: ['travel'],
    params: ['keyAreaQuarantineDays', 'lookBackDays'],
    evaluate(f, asOf) {
      const days = v('keyAreaQuarantineDays');
      const arrival = arrivalAsOf(f, asOf);
      const findings: Finding[] = [];
      for (const s of staysAsOf(f, asOf).filter((s) => s.risk.keyArea)) {
        const { day0 } = observationDay0(s, arrival);
        const until = returnDate(day0, days);
        if (releasedSince(f, s.to, asOf) || asOf >= until) continue;
        findings.push({
          code: 'NC_SEVERE_AREA_BAN',
          detail: `${stayText(s)}为疫情严重地区；隔离观察期自${day0}起${days}天，至${addDays(day0, days)}未满`,
          until,
          liftedBy: '隔离观察期满或解除隔离观察',
        });
      }
      return {
        findings: latestFinding(findings),
        note: findings.length ? '隔离观察期未满' : '无未满观察期的疫情严重地区旅居史',
      };
    },
  },
  {
    id: 'nc-hubei-central',
    title: '南昌：近14天内有湖北旅居史的在属地集中隔离',
    reasons: ['NC_HUBEI_CENTRAL_QUARANTINE'],
    reads: ['travel', 'quarantines'],
    required: ['travel'],
    params: ['ncHubeiLookBackDays'],
    evaluate(f, asOf) {
      const n = v('ncHubeiLookBackDays');
      const findings: Finding[] = [];
      for (const s of staysAsOf(f, asOf).filter((s) => s.risk.hubei)) {
        const until = returnDate(s.to, n);
        if (releasedSince(f, s.to, asOf) || asOf >= until) continue;
        findings.push({
          code: 'NC_HUBEI_CENTRAL_QUARANTINE',
          detail: `${stayText(s)}；离开湖北（第0天）后${n}天内，至${addDays(s.to, n)}`,
          until,
          liftedBy: '解除集中隔离',
        });
      }
      return {
        findings: latestFinding(findings),
        note: findings.length ? `近${n}天内有湖北旅居史` : `近${n}天内无湖北旅居史`,
      };
    },
  },
  {
    id: 'nc-health-check',
    title: '南昌：返岗务工人员经必要的健康检测后取消隔离要求',
    reasons: ['NC_HEALTH_CHECK_REQUIRED'],
    reads: ['arrival', 'healthChecks'],
    required: [],
    params: ['keyAreaQuarantineDays'],
    evaluate(f, asOf) {
      const a = arrivalAsOf(f, asOf);
      const days = v('keyAreaQuarantineDays');
      if (!a) return { findings: [], note: '无返岗到达记录' };
      if (daysBetween(a.date, asOf) > days) return { findings: [], note: `到达已超过${days}天` };
      const ok = (f.healthChecks ?? []).find((h) => h.passed && h.on >= a.date && h.on <= asOf);
      if (ok) return { findings: [], note: `${ok.on}健康检测合格` };
      return {
        findings: [
          {
            code: 'NC_HEALTH_CHECK_REQUIRED',
            detail: `${a.date}返岗到达，尚无合格的健康检测记录`,
            until: returnDate(a.date, days),
            liftedBy: '健康检测合格',
          },
        ],
        note: '待健康检测',
      };
    },
  },
  {
    id: 'arrival-risk-area-7-7',
    title: '省外中高风险地区来（返）赣人员“7天集中隔离+7天居家健康监测”',
    reasons: ['ARRIVAL_RISK_AREA_CENTRAL_7D', 'ARRIVAL_RISK_AREA_HOME_7D'],
    reads: ['travel', 'arrival'],
    required: ['travel'],
    params: ['centralDays2022', 'homeDays2022', 'lookBackDays'],
    evaluate(f, asOf) {
      const oa = outOfProvinceArrival(f, asOf);
      const arrival = oa?.arrival ?? arrivalAsOf(f, asOf);
      const stays = riskAreaStays2022(f, asOf, arrival);
      const c = v('centralDays2022');
      const h = v('homeDays2022');
      let day0: IsoDate | null = null;
      let from: TravelStay | null = null;
      for (const s of stays) {
        const d = observationDay0(s, arrival).day0;
        if (day0 === null || d > day0) {
          day0 = d;
          from = s;
        }
      }
      if (day0 === null || from === null) return { findings: [], note: '无省外中高风险地区旅居史' };
      const centralUntil = returnDate(day0, c);
      const homeUntil = returnDate(day0, c + h);
      const base = `${stayText(from)}；${day0}到达（第0天）${oa?.inferred ? '（按旅居史推定）' : ''}`;
      const findings: Finding[] = [];
      if (asOf < centralUntil) {
        findings.push({
          code: 'ARRIVAL_RISK_AREA_CENTRAL_7D',
          detail: `${base}，集中隔离至${addDays(day0, c)}（第${c}天）`,
          until: centralUntil,
          liftedBy: '集中隔离期满',
        });
      }
      if (asOf < homeUntil) {
        findings.push({
          code: 'ARRIVAL_RISK_AREA_HOME_7D',
          detail: `${base}，${centralUntil}至${addDays(day0, c + h)}居家健康监测（第${c + 1}–${c + h}天）`,
          until: homeUntil,
          liftedBy: '居家健康监测期满',
        });
      }
      return { findings, note: findings.length ? base : `${base}；已满${c}+${h}天` };
    },
  },
  {
    id: 'arrival-48h-test',
    title: '省外其他地区来（返）赣人员查验48小时内核酸检测证明',
    reasons: ['ARRIVAL_48H_TEST_MISSING'],
    reads: ['arrival', 'tests', 'travel'],
    required: [],
    params: ['preArrivalTestHours', 'lookBackDays'],
    evaluate(f, asOf) {
      const oa = outOfProvinceArrival(f, asOf);
      if (!oa || daysBetween(oa.arrival.date, asOf) > v('lookBackDays'))
        return { findings: [], note: '无省外来（返）赣记录' };
      if (riskAreaStays2022(f, asOf, oa.arrival).length) return { findings: [], note: '按中高风险地区规则管理' };
      const a = oa.arrival;
      const cert = sortedTests(f, asOf).find((t) => resultAsOf(t, asOf) === 'negative' && within48h(t, a));
      if (cert) return { findings: [], note: `持${cert.sampledAt ?? cert.sampledOn}采样的阴性证明` };
      const landing = landingNegative(f, asOf, a);
      if (landing) return { findings: [], note: `无${v('preArrivalTestHours')}小时内核酸证明；落地检已阴性` };
      return {
        findings: [
          {
            code: 'ARRIVAL_48H_TEST_MISSING',
            detail: `${a.date}到达，无${v('preArrivalTestHours')}小时内核酸检测阴性证明`,
            until: null,
            liftedBy: '落地检核酸结果阴性',
          },
        ],
        note: '缺48小时核酸证明',
      };
    },
  },
  {
    id: 'arrival-landing-test',
    title: '省外其他地区来（返）赣人员“落地检”，结果未出前居家或驻地等候',
    reasons: ['ARRIVAL_LANDING_TEST_PENDING'],
    reads: ['arrival', 'tests', 'travel'],
    required: [],
    params: ['lookBackDays'],
    evaluate(f, asOf) {
      const oa = outOfProvinceArrival(f, asOf);
      if (!oa || daysBetween(oa.arrival.date, asOf) > v('lookBackDays'))
        return { findings: [], note: '无省外来（返）赣记录' };
      if (riskAreaStays2022(f, asOf, oa.arrival).length) return { findings: [], note: '按中高风险地区规则管理' };
      const a = oa.arrival;
      const landing = landingTests(f, asOf, a);
      const neg = landingNegative(f, asOf, a);
      if (neg) return { findings: [], note: `落地检${neg.sampledOn}采样，${resultDay(neg)}阴性` };
      if (landing.some((t) => resultAsOf(t, asOf) === 'positive'))
        return { findings: [], note: '落地检阳性，按阳性规则处置' };
      return {
        findings: [
          {
            code: 'ARRIVAL_LANDING_TEST_PENDING',
            detail: landing.length
              ? `${a.date}到达，落地检已于${landing[0]!.sampledOn}采样，结果未出`
              : `${a.date}到达${oa.inferred ? '（按旅居史推定）' : ''}，尚未进行落地检`,
            until: null,
            liftedBy: '落地检核酸结果阴性',
          },
        ],
        note: '落地检结果未出',
      };
    },
  },
  {
    id: 'arrival-three-days-two-tests',
    title: '省外其他地区来（返）赣人员“三天两检”',
    reasons: ['ARRIVAL_THREE_DAYS_TWO_TESTS', 'ARRIVAL_THREE_DAYS_TWO_TESTS_INCOMPLETE'],
    reads: ['arrival', 'tests', 'travel'],
    required: [],
    params: ['threeDayWindowDays', 'threeDayTests', 'lookBackDays'],
    evaluate(f, asOf) {
      const oa = outOfProvinceArrival(f, asOf);
      const look = v('lookBackDays');
      if (!oa || daysBetween(oa.arrival.date, asOf) > look) return { findings: [], note: '无省外来（返）赣记录' };
      if (riskAreaStays2022(f, asOf, oa.arrival).length) return { findings: [], note: '按中高风险地区规则管理' };
      const a = oa.arrival;
      const w = v('threeDayWindowDays');
      const need = v('threeDayTests');
      const first = addDays(a.date, 1);
      const lastWindowDay = addDays(a.date, w);
      const days = new Set(
        sortedTests(f, asOf)
          .filter((t) => t.sampledOn >= first && t.result !== 'positive')
          .map((t) => t.sampledOn),
      );
      if (days.size >= need)
        return { findings: [], note: `已完成“三天两检”（${[...days].slice(0, need).join('、')}）` };
      if (asOf <= lastWindowDay) {
        return {
          findings: [
            {
              code: 'ARRIVAL_THREE_DAYS_TWO_TESTS',
              detail: `${a.date}到达（第0天），须在${first}至${lastWindowDay}（第1–${w}天）不同日完成${need}次核酸检测，已完成${days.size}次`,
              until: null,
            },
          ],
          note: '“三天两检”进行中',
        };
      }
      return {
        findings: [
          {
            code: 'ARRIVAL_THREE_DAYS_TWO_TESTS_INCOMPLETE',
            detail: `${a.date}到达，${first}至${lastWindowDay}应完成${need}次核酸检测，仅完成${days.size}次`,
            until: returnDate(a.date, look),
            liftedBy: `补做核酸检测，累计${need}次`,
          },
        ],
        note: '“三天两检”未按期完成',
      };
    },
  },
];

/** Tests sampled on the arrival day or the next day (a late-night arrival is tested next morning). */
function landingTests(f: PersonFacts, asOf: IsoDate, a: Arrival): NucleicAcidTest[] {
  return sortedTests(f, asOf).filter((t) => t.sampledOn >= a.date && t.sampledOn <= addDays(a.date, 1));
}

function landingNegative(f: PersonFacts, asOf: IsoDate, a: Arrival): NucleicAcidTest | null {
  return landingTests(f, asOf, a).find((t) => resultAsOf(t, asOf) === 'negative') ?? null;
}

export const RULES: Readonly<Record<RuleId, RuleDef>> = Object.fromEntries(RULE_LIST.map((r) => [r.id, r])) as Record<
  RuleId,
  RuleDef
>;

/** What a rule set needs and can say: for the UI's "需补充" prompts and the rule catalogue page. */
export function describeRuleSet(set: RuleSet) {
  return set.rules.map((id) => {
    const r = RULES[id];
    return {
      id,
      title: r.title,
      reasons: r.reasons.map((c) => ({ code: c, label: REASONS[c].label, source: REASONS[c].source })),
      reads: r.reads.map((k) => ({ fact: k, label: FACT_LABEL[k] })),
      required: r.required.map((k) => ({ fact: k, label: FACT_LABEL[k] })),
      params: r.params.map((k) => ({
        key: k,
        label: PARAMS[k].label,
        value: PARAMS[k].value,
        source: PARAMS[k].citation.source,
      })),
    };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Engine

export interface EvaluateOptions {
  asOf: IsoDate;
  /** GB/T 2260 code of the workplace (e.g. `360102`). */
  regionCode: string;
  /** Defaults to RULE_SETS; tests and policy simulation pass drafts. */
  ruleSets?: readonly RuleSet[];
}

export function evaluateReturnToWork(facts: PersonFacts, options: EvaluateOptions): ReturnToWorkResult {
  const { asOf, regionCode } = options;
  if (!isIsoDate(asOf)) throw new Error(`评估日期：格式错误（${asOf}）`);
  const sets = ruleSetsFor(regionCode, asOf, options.ruleSets ?? RULE_SETS);
  if (sets.length === 0) throw new RuleSetNotFoundError(regionCode, asOf);

  const seen = new Set<RuleId>();
  const reasons: ReasonResult[] = [];
  const trace: TraceEntry[] = [];
  const missing = new Set<FactKey>();
  let factsMissingSet: RuleSet | null = null;

  for (const set of sets) {
    for (const id of set.rules) {
      const rule = RULES[id];
      const params = rule.params.map((k) => ({ key: k, value: PARAMS[k].value, source: PARAMS[k].citation.source }));
      if (seen.has(id)) {
        trace.push({
          ruleSetId: set.id,
          ruleId: id,
          rule: rule.title,
          outcome: 'duplicate',
          note: '已在上级规则集中评估',
          missingFacts: [],
          params,
        });
        continue;
      }
      seen.add(id);
      if (id === 'facts-missing') {
        factsMissingSet = set;
        continue;
      }
      const miss = rule.required.filter((k) => facts[k] === undefined);
      for (const k of miss) missing.add(k);
      const ev = rule.evaluate(facts, asOf);
      trace.push({
        ruleSetId: set.id,
        ruleId: id,
        rule: rule.title,
        outcome: ev.findings.length ? 'applied' : 'passed',
        note: ev.note,
        missingFacts: miss,
        params,
      });
      for (const fnd of ev.findings) reasons.push(toReason(fnd, id, set.id));
    }
  }

  if (factsMissingSet) {
    const miss = [...missing];
    const rule = RULES['facts-missing'];
    trace.push({
      ruleSetId: factsMissingSet.id,
      ruleId: 'facts-missing',
      rule: rule.title,
      outcome: miss.length ? 'applied' : 'passed',
      note: miss.length ? `需补充：${miss.map((k) => FACT_LABEL[k]).join('、')}` : '返岗所需信息齐全',
      missingFacts: miss,
      params: [{ key: 'lookBackDays', value: PARAMS.lookBackDays.value, source: PARAMS.lookBackDays.citation.source }],
    });
    if (miss.length) {
      reasons.push(
        toReason(
          {
            code: 'FACTS_MISSING',
            detail: `需补充：${miss.map((k) => FACT_LABEL[k]).join('、')}`,
            until: null,
            liftedBy: '补充上述信息',
          },
          'facts-missing',
          factsMissingSet.id,
        ),
      );
    }
  }

  const restrictions = reasons.filter((r) => r.kind === 'restriction');
  const status = combineStatuses(restrictions.map((r) => r.status));
  if (restrictions.length === 0) {
    const last = sets[sets.length - 1]!;
    reasons.unshift(toReason({ code: last.clearedReason, detail: '无返岗限制情形', until: null }, 'cleared', last.id));
  }
  let earliestReturnDate: IsoDate | null = asOf;
  for (const r of restrictions) {
    if (r.until === null) {
      earliestReturnDate = null;
      break;
    }
    earliestReturnDate = maxDate(earliestReturnDate!, r.until);
  }
  reasons.sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind) || severityOf(b.status) - severityOf(a.status));

  return {
    asOf,
    status,
    statusLabel: statusLabel(status),
    reasons,
    earliestReturnDate,
    ruleSetId: sets.map((s) => s.id).join('+'),
    ruleSets: sets.map((s) => ({
      id: s.id,
      title: s.title,
      jurisdiction: s.jurisdiction.name,
      effectiveFrom: s.effectiveFrom,
    })),
    missingFacts: [...missing].map((k) => ({ fact: k, label: FACT_LABEL[k] })),
    trace,
  };
}

function kindOrder(k: ReasonKind): number {
  return k === 'restriction' ? 0 : k === 'notice' ? 1 : 2;
}

function toReason(f: Finding, ruleId: RuleId | 'cleared', ruleSetId: string): ReasonResult {
  const def = REASONS[f.code];
  return {
    code: f.code,
    label: def.label,
    status: def.status,
    statusLabel: STATUS_INFO[def.status].label,
    kind: def.kind,
    source: def.source,
    quote: def.quote,
    detail: f.detail,
    until: f.until,
    ...(f.liftedBy !== undefined ? { liftedBy: f.liftedBy } : {}),
    ruleId,
    ruleSetId,
  };
}
