/**
 * Daily health declarations (每日健康申报): validation, the anomaly check, how many declarations a person owes per
 * day, and who has not declared.
 *
 * - Every employee declares daily (seed 003 L482 「每天对职工进行体温监测」, L717 「每日上报体温和身体健康状况」).
 * - Twice a day for those in a quarantine period or living in a dormitory (seed 003 L61 「对处在隔离期间和入住集体宿舍的员工，
 *   应每日进行2次体温检测」): one in the morning slot (00:00–11:59) and one in the afternoon slot (12:00–23:59), Asia/Shanghai.
 * - A temperature of 37.3 ℃ or above, or any symptom from the closed list, is an anomaly (L62: 「员工出现发热、呼吸道症状时，
 *   要及时向本单位如实报告」); see `anomaly-case.ts` for what happens next.
 *
 * The anomaly-case state machine and the daily summary live in their own files and are re-exported here.
 */
import { instantMs, isIsoDate, shanghaiDate, shanghaiHour } from './dates.ts';
import type { Instant, IsoDate } from './dates.ts';
import { PARAMS } from './rule-sets.ts';
import { SEED_003, cite } from './sources.ts';
import { STATUS_INFO, isHealthStatus } from './status.ts';
import type { HealthStatus } from './status.ts';
import { SYMPTOM_CODES, isSymptomCode, symptomLabel } from './symptoms.ts';
import type { SymptomCode } from './symptoms.ts';

export * from './anomaly-case.ts';
export * from './daily-summary.ts';

export const DECLARATION_SOURCES = {
  daily: cite(SEED_003, 717, '每日上报体温和身体健康状况'),
  twiceDaily: cite(SEED_003, 61, '对处在隔离期间和入住集体宿舍的员工，应每日进行2次体温检测'),
  report: cite(SEED_003, 62, '员工出现发热、呼吸道症状时，要及时向本单位如实报告'),
} as const;

/** Plausible body temperature for a declaration (℃, inclusive); outside it the reading is a typo or a broken thermometer. */
export const TEMPERATURE_RANGE = { min: 34.0, max: 43.0 } as const;

export const DECLARATION_PLACES = [
  'home',
  'dormitory',
  'workplace',
  'quarantine_site',
  'hospital',
  'travelling',
  'other',
] as const;
export type DeclarationPlace = (typeof DECLARATION_PLACES)[number];
export const DECLARATION_PLACE_LABEL: Readonly<Record<DeclarationPlace, string>> = {
  home: '家中',
  dormitory: '集体宿舍',
  workplace: '单位',
  quarantine_site: '隔离点',
  hospital: '医疗机构',
  travelling: '途中',
  other: '其他',
};

export interface Declaration {
  personId: string;
  /** Submission instant (with offset). */
  at: Instant;
  /** Asia/Shanghai date of `at`. */
  date: IsoDate;
  temperatureC: number;
  symptoms: SymptomCode[];
  location: { place: DeclarationPlace; regionCode?: string; address?: string };
}

export interface FieldError {
  field: string;
  message: string;
}

export type DeclarationValidation = { ok: true; value: Declaration } | { ok: false; errors: FieldError[] };

/** Validate raw input from the phone page. Messages are Chinese and name the field. */
export function validateDeclaration(input: {
  personId?: unknown;
  at?: unknown;
  temperatureC?: unknown;
  symptoms?: unknown;
  location?: unknown;
}): DeclarationValidation {
  const errors: FieldError[] = [];
  const personId = typeof input.personId === 'string' ? input.personId.trim() : '';
  if (!personId) errors.push({ field: 'personId', message: '申报人：缺少人员编号' });

  let at = '';
  if (typeof input.at !== 'string') errors.push({ field: 'at', message: '填报时间：缺少填报时间' });
  else {
    try {
      instantMs(input.at);
      at = input.at;
    } catch {
      errors.push({ field: 'at', message: '填报时间：格式错误，应为带时区的时间' });
    }
  }

  let temperatureC = Number.NaN;
  const rawT = input.temperatureC;
  const t =
    typeof rawT === 'number' ? rawT : typeof rawT === 'string' && rawT.trim() !== '' ? Number(rawT.trim()) : Number.NaN;
  if (rawT === undefined || rawT === null || rawT === '')
    errors.push({ field: 'temperatureC', message: '体温：请填写体温' });
  else if (!Number.isFinite(t)) errors.push({ field: 'temperatureC', message: '体温：请填写数字，如 36.5' });
  else if (t < TEMPERATURE_RANGE.min || t > TEMPERATURE_RANGE.max) {
    errors.push({
      field: 'temperatureC',
      message: `体温：${t}℃不在合理范围（${TEMPERATURE_RANGE.min.toFixed(1)}℃至${TEMPERATURE_RANGE.max.toFixed(1)}℃），请复测后重新填写`,
    });
  } else temperatureC = Math.round(t * 10) / 10;

  const symptoms: SymptomCode[] = [];
  if (input.symptoms !== undefined && !Array.isArray(input.symptoms)) {
    errors.push({ field: 'symptoms', message: '症状：格式错误' });
  } else {
    for (const s of (input.symptoms as unknown[] | undefined) ?? []) {
      if (!isSymptomCode(s)) errors.push({ field: 'symptoms', message: `症状：“${String(s)}”不在症状列表中` });
      else if (!symptoms.includes(s)) symptoms.push(s);
    }
  }
  symptoms.sort((a, b) => SYMPTOM_CODES.indexOf(a) - SYMPTOM_CODES.indexOf(b));

  let location: Declaration['location'] = { place: 'other' };
  const loc = input.location as { place?: unknown; regionCode?: unknown; address?: unknown } | undefined;
  if (!loc || typeof loc !== 'object') errors.push({ field: 'location', message: '所在地：请选择当前所在地' });
  else if (typeof loc.place !== 'string' || !(DECLARATION_PLACES as readonly string[]).includes(loc.place)) {
    errors.push({ field: 'location.place', message: '所在地：请选择当前所在地' });
  } else {
    location = { place: loc.place as DeclarationPlace };
    if (loc.regionCode !== undefined) {
      if (typeof loc.regionCode !== 'string' || !/^\d{2,12}$/.test(loc.regionCode)) {
        errors.push({ field: 'location.regionCode', message: '所在地：行政区划代码格式错误' });
      } else location.regionCode = loc.regionCode;
    }
    if (loc.address !== undefined) {
      if (typeof loc.address !== 'string' || loc.address.trim().length > 200) {
        errors.push({ field: 'location.address', message: '详细地址：不超过200字' });
      } else if (loc.address.trim()) location.address = loc.address.trim();
    }
  }

  if (errors.length) return { ok: false, errors };
  return { ok: true, value: { personId, at, date: shanghaiDate(at), temperatureC, symptoms, location } };
}

export interface AnomalyCheck {
  anomaly: boolean;
  fever: boolean;
  /** Chinese descriptions of what triggered the anomaly. */
  triggers: string[];
}

/** ≥ 37.3 ℃ or any symptom → anomaly. */
export function checkAnomaly(d: Pick<Declaration, 'temperatureC' | 'symptoms'>): AnomalyCheck {
  const threshold = PARAMS.feverThresholdC.value;
  const triggers: string[] = [];
  const hot = d.temperatureC >= threshold;
  if (hot) triggers.push(`体温${d.temperatureC}℃（≥${threshold}℃）`);
  if (d.symptoms.length) triggers.push(`症状：${d.symptoms.map(symptomLabel).join('、')}`);
  return { anomaly: triggers.length > 0, fever: hot || d.symptoms.includes('fever'), triggers };
}

// ---------------------------------------------------------------------------------------------------------------
// Required declarations and who has not declared

export type DeclarationSlot = 'morning' | 'afternoon' | 'day';
export const SLOT_LABEL: Readonly<Record<DeclarationSlot, string>> = {
  morning: '上午',
  afternoon: '下午',
  day: '全天',
};

export interface RosterHealthEntry {
  personId: string;
  /** Lives in a collective dormitory (是否住宿舍). */
  dormitory: boolean;
  /** Current status; persons in a quarantine period declare twice a day. */
  status?: HealthStatus;
}

export interface DeclarationRequirement {
  count: 0 | 1 | 2;
  slots: DeclarationSlot[];
  basis: string;
}

/**
 * 2 a day for a quarantine period (居家健康监测, 集中隔离, 发热留观) or a dormitory, 1 otherwise; 0 for 隔离治疗 (the
 * designated hospital monitors the patient, seed 003 L277).
 */
export function requiredDeclarations(p: Pick<RosterHealthEntry, 'dormitory' | 'status'>): DeclarationRequirement {
  if (p.status === 'isolation_treatment') return { count: 0, slots: [], basis: '隔离治疗期间由定点医疗机构监测' };
  const inQuarantine = p.status !== undefined && STATUS_INFO[p.status].inQuarantine;
  if (inQuarantine || p.dormitory) {
    return {
      count: 2,
      slots: ['morning', 'afternoon'],
      basis: `${inQuarantine ? '处在隔离期间' : '入住集体宿舍'}，每日2次（${DECLARATION_SOURCES.twiceDaily.source}）`,
    };
  }
  return { count: 1, slots: ['day'], basis: `每日1次（${DECLARATION_SOURCES.daily.source}）` };
}

function slotOf(at: Instant): 'morning' | 'afternoon' {
  return shanghaiHour(at) < 12 ? 'morning' : 'afternoon';
}

function slotStart(date: IsoDate, slot: DeclarationSlot): number {
  return instantMs(`${date}T${slot === 'afternoon' ? '12' : '00'}:00:00+08:00`);
}

export interface Undeclared {
  personId: string;
  required: number;
  made: number;
  missingSlots: DeclarationSlot[];
  /** e.g. `下午未申报` */
  message: string;
}

/**
 * Who has not declared on `date`. A slot counts as missing once it has begun at `now` (default: the end of the
 * day, i.e. the whole day is due). Declarations of other days and other people are ignored.
 */
export function findUndeclared(
  roster: readonly RosterHealthEntry[],
  declarations: readonly Pick<Declaration, 'personId' | 'at'>[],
  date: IsoDate,
  now?: Instant,
): Undeclared[] {
  if (!isIsoDate(date)) throw new Error(`申报日期：格式错误（${date}）`);
  const nowMs = now === undefined ? Number.POSITIVE_INFINITY : instantMs(now);
  const byPerson = new Map<string, Pick<Declaration, 'personId' | 'at'>[]>();
  for (const d of declarations) {
    if (shanghaiDate(d.at) !== date) continue;
    const list = byPerson.get(d.personId) ?? [];
    list.push(d);
    byPerson.set(d.personId, list);
  }
  const out: Undeclared[] = [];
  for (const p of roster) {
    const req = requiredDeclarations(p);
    if (req.count === 0) continue;
    const mine = byPerson.get(p.personId) ?? [];
    const missing: DeclarationSlot[] = [];
    for (const slot of req.slots) {
      if (slotStart(date, slot) > nowMs) continue;
      const covered = slot === 'day' ? mine.length > 0 : mine.some((d) => slotOf(d.at) === slot);
      if (!covered) missing.push(slot);
    }
    if (missing.length) {
      out.push({
        personId: p.personId,
        required: req.count,
        made: mine.length,
        missingSlots: missing,
        message:
          missing.length === 1 && missing[0] === 'day'
            ? '今日未申报'
            : `${missing.map((s) => SLOT_LABEL[s]).join('、')}未申报`,
      });
    }
  }
  return out;
}

/** Parse a status coming from storage, for summaries; unknown values are reported, not guessed. */
export function parseStatus(value: unknown): HealthStatus | null {
  return isHealthStatus(value) ? value : null;
}
