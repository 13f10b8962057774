import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { ResumptionTables } from './schema-resumption.ts';
import type { PolicyTables } from './schema-policies.ts';
import type { HealthTables } from './schema-health.ts';

/**
 * The tables, as Kysely sees them. One schema for SQLite and PostgreSQL: booleans are 0/1 integers, instants are
 * ISO-8601 text, calendar dates are `YYYY-MM-DD` text, money is integer fen, JSON is text.
 */
/** Capabilities add their tables in schema-<capability>.ts and join them here: `RegistryTables & XTables`. */
export type Database = RegistryTables & ResumptionTables & PolicyTables & HealthTables;

export interface RegistryTables {
  regions: RegionTable;
  departments: DepartmentTable;
  banks: BankTable;
  users: UserTable;
  sessions: SessionTable;
  login_throttle: LoginThrottleTable;
  audit_log: AuditLogTable;
  idempotency_keys: IdempotencyKeyTable;
  enterprises: EnterpriseTable;
  jobs: JobTable;
  import_batches: ImportBatchTable;
  import_rows: ImportRowTable;
  app_meta: AppMetaTable;
}

export type RegionLevel = 'province' | 'city' | 'county' | 'township' | 'village' | 'zone' | 'grid' | 'building';

export interface RegionTable {
  code: string;
  name: string;
  level: RegionLevel;
  parent_code: string | null;
  /** For townships (and below) administered by a functional zone: the zone's code. */
  zone_code: string | null;
  /** Denormalised ancestors so scope filters are equality tests. */
  city_code: string | null;
  county_code: string | null;
  township_code: string | null;
  created_by: number | null;
  created_at: string;
}

export interface DepartmentTable {
  id: Generated<number>;
  /** Stable kind, e.g. `gxj` 工信, `fgw` 发改, `scjg` 市场监管; the same kind exists at city and county level. */
  kind: string;
  name: string;
  short_name: string;
  level: 'city' | 'county';
  region_code: string;
  active: number;
  sort: number;
  created_at: string;
  updated_at: string;
}

export interface BankTable {
  id: Generated<number>;
  code: string;
  name: string;
  kind: 'bank' | 'guarantor';
  active: number;
  created_at: string;
}

export type Role = 'admin' | 'leader' | 'dept' | 'cdc' | 'grid' | 'ent_admin' | 'employee' | 'bank';

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: Role;
  phone: string | null;
  /** Region subtree the user may see (leader, dept, cdc, grid); null means the whole system (admin). */
  region_code: string | null;
  department_id: number | null;
  enterprise_id: number | null;
  bank_id: number | null;
  password_hash: string;
  must_change_password: number;
  failed_logins: number;
  locked_until: string | null;
  disabled: number;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  /** SHA-256 of the cookie token; the token itself is never stored. */
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginThrottleTable {
  /** `ip:<address>`; per-account failures live on the user row. */
  key: string;
  failures: number;
  window_start: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: number | null;
  actor_name: string;
  actor_role: string | null;
  action: string;
  object_type: string;
  object_id: string | null;
  request_id: string | null;
  ip: string | null;
  before_digest: string | null;
  after_digest: string | null;
  /** JSON: changed field names and a short human summary; never personal data in clear. */
  detail: string;
  prev_hash: string;
  hash: string;
}

export interface IdempotencyKeyTable {
  key: string;
  user_id: number;
  route: string;
  request_hash: string;
  status_code: number | null;
  response_body: string | null;
  created_at: string;
}

export interface EnterpriseTable {
  id: Generated<number>;
  credit_code: string;
  name: string;
  legal_rep: string;
  contact_name: string;
  contact_phone: string;
  address: string;
  /** Most specific place: township, village, grid or building code. */
  region_code: string;
  city_code: string;
  county_code: string;
  township_code: string | null;
  grid_code: string | null;
  zone_code: string | null;
  /** GB/T 4754-2017 division (2 digits) or class (4 digits). */
  industry_code: string;
  industry_section: string;
  employees: number;
  revenue_fen: number;
  assets_fen: number;
  /** Computed by domain/registry/size-class.ts; null when a needed fact is missing. */
  size_class: 'large' | 'medium' | 'small' | 'micro' | null;
  is_above_scale_industry: number;
  is_above_quota_trade: number;
  is_epidemic_supplies: number;
  is_essentials: number;
  is_chain_core: number;
  /** Key-enterprise list: `national` | `provincial` | `municipal` | null. */
  key_list: string | null;
  liaison_user_id: number | null;
  import_batch_id: number | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface JobTable {
  id: Generated<number>;
  kind: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  progress: number;
  total: number;
  message: string | null;
  result: string | null;
  created_by: number;
  created_at: string;
  finished_at: string | null;
}

export interface ImportBatchTable {
  id: Generated<number>;
  kind: string;
  status: 'validating' | 'ready' | 'importing' | 'confirmed' | 'failed' | 'cancelled';
  file_name: string;
  total_rows: number;
  valid_rows: number;
  error_rows: number;
  job_id: number | null;
  created_by: number;
  created_at: string;
  confirmed_at: string | null;
}

export interface ImportRowTable {
  batch_id: number;
  row_number: number;
  ok: number;
  data: string;
  errors: string;
}

export interface AppMetaTable {
  key: string;
  value: string;
}

export type UserRow = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type EnterpriseRow = Selectable<EnterpriseTable>;
export type NewEnterprise = Insertable<EnterpriseTable>;
export type RegionRow = Selectable<RegionTable>;
export type DepartmentRow = Selectable<DepartmentTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type JsonText = ColumnType<string, string, string>;
