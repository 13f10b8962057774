import { z } from 'zod';
import { anomalyFacts, isOpenAnomalyCase } from '../../domain/health/anomaly-case.ts';
import type { AnomalyCase } from '../../domain/health/anomaly-case.ts';
import { addDays, daysBetween, isIsoDate, isInstant } from '../../domain/health/dates.ts';
import type { IsoDate } from '../../domain/health/dates.ts';
import { PERSON_CATEGORIES, RETURN_MODES } from '../../domain/health/facts.ts';
import type {
  Arrival,
  ContactEvent,
  Diagnosis,
  NucleicAcidTest,
  PersonCategory,
  PersonFacts,
  PlaceRisk,
  QuarantineRecord,
  ReturnMode,
  TravelStay,
} from '../../domain/health/facts.ts';
import { PARAMS } from '../../domain/health/rule-sets.ts';
import type { SymptomCode } from '../../domain/health/symptoms.ts';
import type { HealthDeclarationRow, HealthPersonRow, HealthRiskAreaRow } from '../db/schema-health.ts';

/**
 * The facts the return-to-work rules read, assembled from what the platform holds (the rules look nothing up):
 * the roster row, the structured facts recorded on it, declarations, anomaly cases and the CDC's risk-area register.
 *
 * Unknown stays unknown: a roster that says nothing about travel gives `travel: undefined` (→ 暂缓返岗, 需补充). A
 * roster cell saying 无 gives `[]`. Free text such as “武汉 1月20日–1月25日” is kept for people to read but is not
 * parsed into stays: the enterprise records the stay with its region and dates (then the register says what the
 * place was at the time). Nothing is guessed.
 */

const date = (label: string) =>
  z
    .string()
    .refine(isIsoDate, { message: `${label}：应为 YYYY-MM-DD 格式的日期` })
    .describe(label);
const instant = (label: string) =>
  z
    .string()
    .refine(isInstant, { message: `${label}：应为带时区的时间，如 2022-07-01T09:00:00+08:00` })
    .describe(label);

export const travelStaySchema = z
  .object({
    regionCode: z
      .string()
      .regex(/^\d{2}(\d{2}){0,2}$/, '行政区划代码：应为省、市或县的 GB/T 2260 代码（2、4 或 6 位）')
      .describe('行政区划代码'),
    place: z.string().trim().min(1).max(60).describe('地点'),
    from: date('到达该地日期'),
    to: date('离开该地日期'),
  })
  .refine((s) => s.from <= s.to, { message: '离开该地日期：不能早于到达日期', path: ['to'] });

export const storedFactsSchema = z.object({
  travel: z.array(travelStaySchema).max(50).optional().describe('最近14天旅居史'),
  contacts: z
    .array(
      z.object({
        lastContactOn: date('末次接触日期'),
        with: z.enum(['confirmed', 'asymptomatic']).describe('接触对象'),
        note: z.string().trim().max(200).optional().describe('备注'),
      }),
    )
    .max(20)
    .optional()
    .describe('接触史'),
  diagnosis: z
    .object({
      kind: z.enum(['confirmed', 'suspected', 'asymptomatic']).describe('诊断类别'),
      on: date('诊断日期'),
      dischargedOn: date('出院或解除隔离日期').optional(),
      excludedOn: date('排除日期').optional(),
    })
    .nullable()
    .optional()
    .describe('诊断情况'),
  tests: z
    .array(
      z.object({
        sampledOn: date('采样日期'),
        sampledAt: instant('采样时间').optional(),
        result: z.enum(['negative', 'positive', 'pending']).describe('检测结果'),
        resultOn: date('出结果日期').optional(),
      }),
    )
    .max(60)
    .optional()
    .describe('核酸检测结果'),
  arrival: z
    .object({
      date: date('到达日期'),
      at: instant('到达时间').optional(),
      mode: z.enum(RETURN_MODES).describe('返岗方式'),
      fromOutsideProvince: z.boolean().describe('是否省外来（返）赣'),
      pointToPoint: z.boolean().optional().describe('是否“点对点”运输'),
      symptomFreeBeforeAndInTransit: z.boolean().optional().describe('行前14天及在途是否无症状'),
    })
    .nullable()
    .optional()
    .describe('返岗到达信息'),
  healthChecks: z
    .array(z.object({ on: date('健康检测日期'), passed: z.boolean().describe('是否合格') }))
    .max(30)
    .optional()
    .describe('健康检测'),
  quarantines: z
    .array(
      z.object({
        kind: z.enum(['central', 'home']).describe('隔离方式'),
        startedOn: date('开始隔离日期'),
        releasedOn: date('解除隔离日期').optional(),
      }),
    )
    .max(20)
    .optional()
    .describe('隔离观察记录'),
});

export type StoredFacts = z.infer<typeof storedFactsSchema>;
export type StoredFactKey = keyof StoredFacts;

/** Facts an enterprise records (where its employee has been and how they came back); the rest are the CDC's. */
export const ENTERPRISE_FACT_KEYS: readonly StoredFactKey[] = ['travel', 'arrival'];
export const CDC_FACT_KEYS: readonly StoredFactKey[] = [
  'travel',
  'arrival',
  'contacts',
  'diagnosis',
  'tests',
  'healthChecks',
  'quarantines',
];

export function parseStoredFacts(text: string): StoredFacts {
  const r = storedFactsSchema.safeParse(JSON.parse(text || '{}'));
  return r.success ? r.data : {};
}

const LEVEL_ORDER = { low: 0, medium: 1, high: 2 } as const;

/** What the register says about a place during a stay (2020 重点地区 and 2022 风险等级 alike), plus geography. */
export function placeRisk(
  stay: { regionCode: string; from: IsoDate; to: IsoDate },
  register: readonly HealthRiskAreaRow[],
): PlaceRisk {
  const risk: PlaceRisk = {
    hubei: stay.regionCode.startsWith('42'),
    outsideProvince: !stay.regionCode.startsWith('36'),
  };
  for (const a of register) {
    if (!stay.regionCode.startsWith(a.region_code)) continue;
    if (a.valid_from > stay.to || (a.valid_to !== null && a.valid_to < stay.from)) continue;
    if (a.level && (!risk.level || LEVEL_ORDER[a.level] > LEVEL_ORDER[risk.level])) risk.level = a.level;
    if (a.key_area) risk.keyArea = true;
    if (a.local_cluster) risk.localCluster = true;
  }
  return risk;
}

function travelFromRoster(p: Pick<HealthPersonRow, 'travel_history'>): TravelStay[] | undefined {
  return p.travel_history === '无' ? [] : undefined;
}

export interface FactSources {
  person: HealthPersonRow;
  declarations: readonly Pick<HealthDeclarationRow, 'at' | 'date' | 'temperature_dc' | 'symptoms'>[];
  anomalyCases: readonly AnomalyCase[];
  register: readonly HealthRiskAreaRow[];
  asOf: IsoDate;
}

/** Everything the rules read about one person on `asOf`. */
export function assembleFacts(src: FactSources): PersonFacts {
  const { person, asOf } = src;
  const stored = parseStoredFacts(person.facts);
  const facts: PersonFacts = {};

  const travel: TravelStay[] | undefined = stored.travel
    ? stored.travel.map((s) => ({ ...s, risk: placeRisk(s, src.register) }))
    : travelFromRoster(person);
  if (travel !== undefined) facts.travel = travel;

  const contacts: ContactEvent[] | undefined = stored.contacts ?? (person.contact_history === '无' ? [] : undefined);
  if (contacts !== undefined) facts.contacts = contacts;

  const category = (PERSON_CATEGORIES as readonly string[]).includes(person.category ?? '')
    ? (person.category as PersonCategory)
    : undefined;
  if (category) facts.category = category;

  if (stored.tests) facts.tests = stored.tests as NucleicAcidTest[];
  if (stored.healthChecks) facts.healthChecks = stored.healthChecks;
  if (stored.quarantines) facts.quarantines = stored.quarantines as QuarantineRecord[];

  // Arrival: recorded, else the roster's return date and mode. Whether it came from outside the province is read
  // from the recorded stays (a stay outside Jiangxi ending on or the day before the return), never assumed.
  if (stored.arrival !== undefined) facts.arrival = stored.arrival as Arrival | null;
  else if (person.return_date && isIsoDate(person.return_date)) {
    const mode = (RETURN_MODES as readonly string[]).includes(person.return_mode ?? '')
      ? (person.return_mode as ReturnMode)
      : 'other';
    const fromOutside = (travel ?? []).some(
      (s) => s.risk.outsideProvince === true && s.to <= person.return_date! && s.to >= addDays(person.return_date!, -1),
    );
    facts.arrival = { date: person.return_date, mode, fromOutsideProvince: fromOutside };
  }

  // Declarations: the latest temperature, today's symptoms, the last day with any symptom or fever.
  const decl = [...src.declarations].filter((d) => d.date <= asOf).sort((a, b) => (a.at < b.at ? -1 : 1));
  if (decl.length > 0) {
    const last = decl[decl.length - 1]!;
    facts.temperature = { celsius: last.temperature_dc / 10, on: last.date };
    const today = decl.filter((d) => d.date === asOf);
    const current = today.length ? (JSON.parse(today[today.length - 1]!.symptoms) as SymptomCode[]) : [];
    let lastSymptomOn: IsoDate | null = null;
    for (const d of decl) {
      const sym = JSON.parse(d.symptoms) as SymptomCode[];
      if (sym.length > 0 || d.temperature_dc / 10 >= PARAMS.feverThresholdC.value) lastSymptomOn = d.date;
    }
    facts.symptoms = { current, lastSymptomOn };
  }

  // Anomaly cases: an open case, and a diagnosis the CDC recorded as the case's result.
  let fromCases: Diagnosis | undefined;
  for (const c of [...src.anomalyCases].sort((a, b) => (a.detectedAt < b.detectedAt ? -1 : 1))) {
    const f = anomalyFacts(c);
    if (isOpenAnomalyCase(c) && f.openAnomaly) facts.openAnomaly = f.openAnomaly;
    if (f.diagnosis) fromCases = f.diagnosis;
  }
  if (facts.openAnomaly === undefined) facts.openAnomaly = null;
  if (stored.diagnosis !== undefined) facts.diagnosis = stored.diagnosis as Diagnosis | null;
  else if (fromCases) facts.diagnosis = fromCases;
  return facts;
}

/** How many days of declarations the rules can need (the Nanchang 14 symptom-free days, with margin). */
export const DECLARATION_LOOKBACK_DAYS = PARAMS.ncSymptomFreeDays.value + 16;

export function withinDays(from: IsoDate, to: IsoDate, days: number): boolean {
  return daysBetween(from, to) <= days;
}
