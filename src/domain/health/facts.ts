/**
 * Facts about a person that the return-to-work rules read. The server assembles them from the roster (一人一档),
 * declarations, anomaly cases, test results and the risk-area register; the rules never look anything up.
 *
 * `undefined` means "not known"; an empty array means "known: none". The rules treat an unknown 14-day trajectory or
 * contact history as missing facts (暂缓返岗, reason FACTS_MISSING) rather than as "none".
 */
import type { IsoDate, Instant } from './dates.ts';
import type { SymptomCode } from './symptoms.ts';

/** How the person travelled back (返岗方式). */
export const RETURN_MODES = ['charter', 'shuttle', 'train', 'flight', 'self_drive', 'coach', 'other'] as const;
export type ReturnMode = (typeof RETURN_MODES)[number];

export const RETURN_MODE_LABEL: Readonly<Record<ReturnMode, string>> = {
  charter: '包车',
  shuttle: '班车',
  train: '火车',
  flight: '飞机',
  self_drive: '自驾',
  coach: '长途客车',
  other: '其他',
};

/**
 * The classification a place had during the stay, as published by the authorities at that time.
 * 2020 documents speak of 重点地区 / 疫情严重地区 / 疫情高发地区 (`keyArea`, with Hubei named separately); 2022 documents
 * of 中高风险地区 (`level`) and counties with a local cluster (`localCluster`).
 */
export interface PlaceRisk {
  level?: 'low' | 'medium' | 'high';
  /** 2020: 重点地区 / 疫情严重地区 (seed 003 L482, L739, L61). */
  keyArea?: boolean;
  /** The place is in Hubei province (seed 003 L281, L618). */
  hubei?: boolean;
  /** 2022: county with a local cluster (有本土聚集性疫情所在县, seed 002 L225). */
  localCluster?: boolean;
  /** The place is outside Jiangxi province (省外, seed 002 L223). */
  outsideProvince?: boolean;
}

/** A stay in the travel history (旅居史). */
export interface TravelStay {
  place: string;
  regionCode?: string;
  from: IsoDate;
  /** Last day in the place (the day the person left). */
  to: IsoDate;
  risk: PlaceRisk;
}

/** A close contact (密切接触) as established by the CDC. */
export interface ContactEvent {
  /** Day of the last contact (day 0). */
  lastContactOn: IsoDate;
  with: 'confirmed' | 'asymptomatic';
  note?: string;
}

export interface Diagnosis {
  kind: 'confirmed' | 'suspected' | 'asymptomatic';
  on: IsoDate;
  /** Discharged from hospital / released from isolation (治愈出院 / 解除隔离). */
  dischargedOn?: IsoDate;
  /** A suspected case excluded (排除). */
  excludedOn?: IsoDate;
}

export interface NucleicAcidTest {
  sampledOn: IsoDate;
  /** Sampling instant, when known; used for the 48-hour check. */
  sampledAt?: Instant;
  result: 'negative' | 'positive' | 'pending';
  /** Day the result was reported; for a negative without it, the sampling day is used. */
  resultOn?: IsoDate;
}

/** The latest arrival into the workplace's city/province (the return trip). */
export interface Arrival {
  date: IsoDate;
  /** Arrival instant, when known; used for the 48-hour check. */
  at?: Instant;
  mode: ReturnMode;
  /** Came from outside Jiangxi (省外来（返）赣). */
  fromOutsideProvince: boolean;
  /** Organised "点对点" transport. */
  pointToPoint?: boolean;
  /** No symptoms in the 14 days before travel and in transit (seed 003 L482), as recorded at boarding. */
  symptomFreeBeforeAndInTransit?: boolean;
}

/** A quarantine / medical observation the person went through (隔离医学观察), with its official release. */
export interface QuarantineRecord {
  kind: 'central' | 'home';
  startedOn: IsoDate;
  /** Official release date (解除隔离); absent while ongoing. */
  releasedOn?: IsoDate;
}

/** 人员类别 as recorded on the roster. */
export const PERSON_CATEGORIES = [
  'confirmed',
  'suspected',
  'close_contact',
  'fever_observation',
  'four_categories_unspecified',
  'other',
] as const;
export type PersonCategory = (typeof PERSON_CATEGORIES)[number];

export const PERSON_CATEGORY_LABEL: Readonly<Record<PersonCategory, string>> = {
  confirmed: '确诊病例',
  suspected: '疑似病例',
  close_contact: '密切接触者',
  fever_observation: '发热留观人员',
  four_categories_unspecified: '四类人员（未细分）',
  other: '其他人员',
};

export interface PersonFacts {
  /** 旅居史 — stays away from the workplace city. */
  travel?: readonly TravelStay[];
  /** 接触史 — close contacts established by the CDC. */
  contacts?: readonly ContactEvent[];
  diagnosis?: Diagnosis | null;
  tests?: readonly NucleicAcidTest[];
  symptoms?: {
    /** Symptoms present on the evaluation date. */
    current: readonly SymptomCode[];
    /** Last day with any symptom (day 0 of the symptom-free count). */
    lastSymptomOn?: IsoDate | null;
  };
  /** Latest body temperature reading. */
  temperature?: { celsius: number; on: IsoDate } | null;
  /** An open anomaly case (异常情况处置) — see `anomaly-case.ts`. */
  openAnomaly?: { openedOn: IsoDate; fever: boolean } | null;
  category?: PersonCategory;
  arrival?: Arrival | null;
  /** 健康检测 records (seed 003 L618, L646). */
  healthChecks?: readonly { on: IsoDate; passed: boolean }[];
  quarantines?: readonly QuarantineRecord[];
}

/** Chinese names of the facts, for "需补充：…" messages. */
export const FACT_LABEL = {
  travel: '最近14天旅居史',
  contacts: '接触史',
  diagnosis: '诊断情况',
  tests: '核酸检测结果',
  symptoms: '症状',
  temperature: '体温',
  openAnomaly: '异常情况处置',
  category: '人员类别',
  arrival: '返岗到达信息',
  healthChecks: '健康检测',
  quarantines: '隔离观察记录',
} as const satisfies Record<keyof PersonFacts, string>;

export type FactKey = keyof typeof FACT_LABEL;
