import type { Generated, Insertable, Selectable } from 'kysely';

/**
 * Workforce health (员工健康) and passes (电子通行证). Same conventions as the foundation: booleans 0/1, instants ISO
 * text in UTC (`…Z`, so they compare as text), dates `YYYY-MM-DD` (Asia/Shanghai), JSON as text, `version` for
 * optimistic concurrency. Resident ID numbers are never stored in clear: `resident_id_enc` is AES-256-GCM under the
 * installation key, `resident_id_hash` an HMAC-SHA256 for look-up and de-duplication (src/server/health/pii.ts).
 */
export interface HealthTables {
  health_people: HealthPersonTable;
  health_declarations: HealthDeclarationTable;
  health_anomaly_cases: HealthAnomalyCaseTable;
  health_overrides: HealthOverrideTable;
  health_appeals: HealthAppealTable;
  health_daily_summaries: HealthDailySummaryTable;
  health_risk_areas: HealthRiskAreaTable;
  health_roster_imports: HealthRosterImportTable;
  pass_keys: PassKeyTable;
  passes: PassTable;
  pass_revocations: PassRevocationTable;
  pass_scans: PassScanTable;
}

/** 一人一档: one row per person on an enterprise's roster. */
export interface HealthPersonTable {
  id: Generated<number>;
  enterprise_id: number;
  name: string;
  /** `v1:` + base64url(iv ‖ ciphertext ‖ tag), AES-256-GCM. */
  resident_id_enc: string;
  /** HMAC-SHA256 (hex) of the normalised number under the installation's hash key. */
  resident_id_hash: string;
  /** `3601**********1234`: what every screen and export shows. */
  resident_id_masked: string;
  sex: 'male' | 'female';
  phone: string | null;
  team: string | null;
  post: string | null;
  key_post: number | null;
  home_region: string | null;
  dormitory: number;
  return_batch: string | null;
  return_date: string | null;
  return_mode: string | null;
  /** Free text as the roster gives it (`无` = none); structured stays live in `facts`. */
  travel_history: string | null;
  contact_history: string | null;
  category: string | null;
  /** JSON: structured facts the rules read (travel stays with region codes, contacts, tests, diagnosis …). */
  facts: string;
  /** Employee account linked to this person (员工 H5), if any. */
  user_id: number | null;
  /** Has no phone: gets a printed card (员工证, seed 004 L23). */
  needs_card: number;
  active: number;
  left_on: string | null;
  /** Current status as computed by the rules or a confirmed CDC override; null before the first evaluation. */
  status: string | null;
  /** JSON: the evaluation shown to the person and the enterprise (reasons with sources, earliest date, missing facts). */
  evaluation: string | null;
  reason_codes: string;
  earliest_return_date: string | null;
  status_cause: 'rules' | 'override' | null;
  rule_set_id: string | null;
  override_id: number | null;
  evaluated_on: string | null;
  status_changed_at: string | null;
  import_batch_id: number | null;
  version: number;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface HealthDeclarationTable {
  id: Generated<number>;
  person_id: number;
  enterprise_id: number;
  /** Idempotency key from the client; unique per person. */
  client_key: string;
  at: string;
  date: string;
  slot: 'morning' | 'afternoon';
  /** Tenths of a degree Celsius (365 = 36.5 ℃). */
  temperature_dc: number;
  /** JSON array of symptom codes. */
  symptoms: string;
  place: string;
  region_code: string | null;
  address: string | null;
  anomaly: number;
  submitted_by: number | null;
  created_at: string;
}

export interface HealthAnomalyCaseTable {
  id: Generated<number>;
  person_id: number;
  enterprise_id: number;
  declaration_id: number | null;
  state: string;
  source: 'declaration' | 'entry_check' | 'self_report';
  detected_at: string;
  temperature_dc: number | null;
  symptoms: string;
  fever: number;
  isolation_area: string | null;
  facility: string | null;
  /** JSON: the domain case's history (every step with its time and actor). */
  history: string;
  open: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface HealthOverrideTable {
  id: Generated<number>;
  person_id: number;
  enterprise_id: number;
  status: string;
  reason_code: string;
  evidence_ref: string;
  note: string | null;
  proposed_by: number;
  proposed_at: string;
  expires_at: string;
  confirmed_by: number | null;
  confirmed_at: string | null;
  state: string;
  history: string;
  version: number;
}

export interface HealthAppealTable {
  id: Generated<number>;
  person_id: number;
  enterprise_id: number;
  /** JSON: what is appealed (the status with its reasons, or an override). */
  subject: string;
  text: string;
  submitted_at: string;
  submitted_by: number;
  state: 'submitted' | 'accepted' | 'rejected';
  decided_by: number | null;
  decided_at: string | null;
  decision_reason: string | null;
  follow_up: string | null;
  version: number;
}

/** One enterprise's daily health summary for the CDC (counts only). */
export interface HealthDailySummaryTable {
  enterprise_id: number;
  date: string;
  county_code: string;
  summary: string;
  headcount: number;
  undeclared: number;
  anomalies_new: number;
  anomalies_open: number;
  generated_at: string;
}

/** Risk-area register kept by the CDC: what a place was classified as, and when. */
export interface HealthRiskAreaTable {
  id: Generated<number>;
  /** GB/T 2260 prefix (province, city or county). */
  region_code: string;
  name: string;
  level: 'low' | 'medium' | 'high' | null;
  key_area: number;
  local_cluster: number;
  valid_from: string;
  valid_to: string | null;
  basis: string;
  created_by: number | null;
  created_at: string;
}

export interface HealthRosterImportTable {
  batch_id: number;
  enterprise_id: number;
}

export interface PassKeyTable {
  kid: number;
  public_key: string;
  /** PKCS#8 private key, AES-256-GCM under a key derived from the installation key. */
  private_key_enc: string;
  active_from: string;
  sign_until: string | null;
  retired_at: string | null;
  retired_reason: string | null;
  created_at: string;
}

export interface PassTable {
  /** The pass id written into the token; revocation lists name passes by it. */
  id: Generated<number>;
  person_id: number;
  enterprise_id: number;
  kid: number;
  card: number;
  status: string;
  issued_at: string;
  valid_until: string;
  valid_until_s: number;
  token: string;
  revoked_at: string | null;
  revoked_reason: string | null;
  created_by: number | null;
}

/** The revocation log: each version adds or removes pass ids. Devices sync by delta from their version. */
export interface PassRevocationTable {
  id: Generated<number>;
  version: number;
  pass_id: number;
  op: 'add' | 'remove';
  valid_until_s: number;
  at: string;
}

export interface PassScanTable {
  /** `deviceId:seq`: the device makes it, so re-uploads insert nothing twice. */
  id: string;
  device_id: string;
  seq: number;
  batch_id: string;
  at: string;
  checkpoint_id: string;
  code: string;
  ok: number;
  pass_id: number | null;
  kid: number | null;
  person_ref: string | null;
  enterprise_id: number | null;
  status: string | null;
  uploaded_by: number;
  uploaded_at: string;
}

export type HealthPersonRow = Selectable<HealthPersonTable>;
export type NewHealthPerson = Insertable<HealthPersonTable>;
export type HealthDeclarationRow = Selectable<HealthDeclarationTable>;
export type NewHealthDeclaration = Insertable<HealthDeclarationTable>;
export type HealthAnomalyCaseRow = Selectable<HealthAnomalyCaseTable>;
export type HealthOverrideRow = Selectable<HealthOverrideTable>;
export type HealthAppealRow = Selectable<HealthAppealTable>;
export type HealthRiskAreaRow = Selectable<HealthRiskAreaTable>;
export type PassRow = Selectable<PassTable>;
export type PassKeyRow = Selectable<PassKeyTable>;
