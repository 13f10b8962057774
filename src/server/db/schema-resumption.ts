import type { Generated, Insertable, Selectable } from 'kysely';

/**
 * Resumption (复工复产) tables. Same conventions as the foundation: booleans 0/1, instants ISO text (UTC, `…Z`, so
 * they compare as text), dates `YYYY-MM-DD`, JSON as text. Workflow objects keep the domain state as JSON in `state`
 * with the columns lists and scopes filter on beside it; `version` is the optimistic-concurrency counter.
 */
export interface ResumptionTables {
  resumption_risk_levels: RiskLevelTable;
  resumption_settings: SettingTable;
  resumption_condition_lists: ConditionListTable;
  resumption_approval_lists: ApprovalListTable;
  resumption_lead_departments: LeadDepartmentTable;
  resumption_files: ResumptionFileTable;
  resumption_applications: ApplicationTable;
  resumption_reviews: ReviewTable;
  resumption_events: ResumptionEventTable;
  resumption_check_tasks: CheckTaskTable;
  resumption_rectifications: RectificationTable;
  resumption_enterprise_status: EnterpriseStatusTable;
  resumption_status_history: StatusHistoryTable;
  resumption_worker_reports: WorkerReportTable;
  resumption_rollup: RollupTable;
  resumption_rollup_area: RollupAreaTable;
  resumption_weekly_reports: WeeklyReportTable;
}

/** One dated risk-level setting (append-only; a correction is a new setting). */
export interface RiskLevelTable {
  id: Generated<number>;
  area_code: string;
  area_kind: 'county' | 'functional_zone';
  level: 'low' | 'medium' | 'high';
  effective_from: string;
  set_at: string;
  set_by: number | null;
  set_by_name: string;
  basis: string;
}

/** Province-wide configuration by key (modes, closures, green channel, inspection deadlines), versioned. */
export interface SettingTable {
  key: string;
  value: string;
  version: number;
  updated_at: string;
  updated_by: number | null;
}

/** Condition-list versions; a version with `published_on` set is never changed again. */
export interface ConditionListTable {
  list_id: string;
  version: number;
  title: string;
  subject: 'enterprise' | 'checkpoint';
  risk_levels: string;
  jurisdiction: string;
  published_on: string | null;
  items: string;
  sources: string;
  template_ids: string;
  created_at: string;
  created_by: number | null;
}

/** Versions of the published list of approvals (清单管理). */
export interface ApprovalListTable {
  list_id: string;
  version: number;
  published_on: string | null;
  items: string;
  created_at: string;
  created_by: number | null;
}

/** 一口受理: one lead department per region and enterprise type (`*` for every type). */
export interface LeadDepartmentTable {
  id: Generated<number>;
  region_code: string;
  enterprise_type: string;
  department_id: number;
  created_at: string;
  updated_at: string;
}

/** Uploaded materials, photos and rendered letters, stored under the data directory. */
export interface ResumptionFileTable {
  id: string;
  enterprise_id: number;
  purpose: 'material' | 'prevention_plan' | 'photo' | 'commitment' | 'rectification';
  name: string;
  media_type: string;
  size: number;
  sha256: string;
  stored_name: string;
  uploaded_by: number | null;
  created_at: string;
}

export interface ApplicationTable {
  id: Generated<number>;
  enterprise_id: number;
  county_code: string;
  zone_code: string | null;
  lead_department_id: number;
  status: string;
  mode: string;
  green_channel: number;
  priority: number;
  version: number;
  round: number;
  list_id: string | null;
  list_version: number | null;
  created_at: string;
  submitted_at: string | null;
  accepted_at: string | null;
  /** Deadline of the current round (UTC). */
  due_at: string | null;
  updated_at: string;
  /** The domain state (`ResumptionApplication`) without its condition list (kept by list id and version). */
  state: string;
}

/** The parallel reviews of every round, mirrored from the state for department queues and on-time rates. */
export interface ReviewTable {
  application_id: number;
  round: number;
  department_id: number;
  department_name: string;
  dispatched_at: string;
  due_at: string;
  decision: string | null;
  decided_at: string | null;
  escalated_at: string | null;
  cancelled_at: string | null;
}

/** Every step of applications, checks and rectifications, shown to the enterprise (全程记录). Append-only. */
export interface ResumptionEventTable {
  id: Generated<number>;
  enterprise_id: number;
  application_id: number | null;
  task_id: number | null;
  order_id: number | null;
  type: string;
  at: string;
  actor_id: number | null;
  actor_name: string;
  actor_role: string;
  version: number;
  message: string;
  data: string | null;
}

export interface CheckTaskTable {
  id: Generated<number>;
  enterprise_id: number;
  county_code: string;
  zone_code: string | null;
  application_id: number | null;
  assignee_id: number;
  kind: string;
  status: string;
  due_at: string;
  version: number;
  list_id: string;
  list_version: number;
  created_at: string;
  updated_at: string;
  state: string;
}

export interface RectificationTable {
  id: Generated<number>;
  enterprise_id: number;
  county_code: string;
  zone_code: string | null;
  task_id: number;
  officer_id: number;
  status: string;
  stop_ordered: number;
  due_at: string;
  version: number;
  created_at: string;
  updated_at: string;
  state: string;
}

/** The current status and figures of each enterprise, with the dimensions its rollup rows are grouped by. */
export interface EnterpriseStatusTable {
  enterprise_id: number;
  status: string;
  status_date: string;
  granted: number;
  granted_on: string | null;
  normal_headcount: number;
  planned_headcount: number;
  workers_back: number;
  workers_back_date: string | null;
  /** First day the enterprise counts in the rollups. */
  tracked_from: string;
  county_code: string;
  /** '' when the enterprise is in no functional zone. */
  zone_code: string;
  industry_section: string;
  /** '' when the registry could not classify the size. */
  size_class: string;
  above_scale: number;
  version: number;
  updated_at: string;
}

export interface StatusHistoryTable {
  id: Generated<number>;
  enterprise_id: number;
  status: string;
  at: string;
  date: string;
  reason: string;
  ref: string | null;
  actor_id: number | null;
  actor_name: string;
  actor_role: string;
  note: string | null;
}

export interface WorkerReportTable {
  enterprise_id: number;
  date: string;
  workers_back: number;
  reported_at: string;
  reported_by: number | null;
  reporter_role: string;
}

/**
 * Snapshot rollups: for each date on which anything changed, one row per group holding the counts of that day; a
 * date without a snapshot has the figures of the latest snapshot before it.
 */
export interface RollupCountColumns {
  enterprises: number;
  resumed: number;
  partially_resumed: number;
  not_resumed: number;
  stopped: number;
  filed: number;
  planned_workers: number;
  workers_back: number;
  normal_headcount: number;
}

export interface RollupTable extends RollupCountColumns {
  date: string;
  county_code: string;
  zone_code: string;
  industry_section: string;
  size_class: string;
  above_scale: number;
}

/** The same counts per county and zone only: the trend reads these. */
export interface RollupAreaTable extends RollupCountColumns {
  date: string;
  county_code: string;
  zone_code: string;
}

export interface WeeklyReportTable {
  id: Generated<number>;
  area_code: string;
  period_start: string;
  period_end: string;
  title: string;
  trigger: 'schedule' | 'manual';
  xlsx_file: string;
  docx_file: string;
  summary: string;
  generated_at: string;
  generated_by: number | null;
}

export type ApplicationRow = Selectable<ApplicationTable>;
export type CheckTaskRow = Selectable<CheckTaskTable>;
export type RectificationRow = Selectable<RectificationTable>;
export type EnterpriseStatusRow = Selectable<EnterpriseStatusTable>;
export type NewEnterpriseStatus = Insertable<EnterpriseStatusTable>;
export type RollupRowRecord = Selectable<RollupTable>;
export type ResumptionEventRow = Selectable<ResumptionEventTable>;
export type NewResumptionEvent = Insertable<ResumptionEventTable>;
