import type { Generated, Selectable } from 'kysely';

/**
 * Tables of 惠企政策兑现 (policies and benefits). The rules themselves live in code (src/domain/policy, with their
 * citations); these tables hold what happens to them: publication, official figures, facts the government holds,
 * 免申即享 batches, 快申快享 applications with 公示 and objections, payment orders with their funding split,
 * simulations, and the in-app notifications that push matching policies to enterprises.
 */
export interface PolicyTables {
  policy_settings: PolicySettingsTable;
  policy_official_facts: PolicyOfficialFactTable;
  policy_enterprise_facts: PolicyEnterpriseFactsTable;
  policy_payee_accounts: PolicyPayeeAccountTable;
  policy_applications: PolicyApplicationTable;
  policy_attachments: PolicyAttachmentTable;
  policy_objections: PolicyObjectionTable;
  policy_batches: PolicyBatchTable;
  policy_batch_items: PolicyBatchItemTable;
  policy_payment_orders: PolicyPaymentOrderTable;
  policy_funding_entries: PolicyFundingEntryTable;
  policy_simulations: PolicySimulationTable;
  notifications: NotificationTable;
}

/** Publication state and procedure limits of a catalogue policy (a policy without a row is an unpublished draft). */
export interface PolicySettingsTable {
  policy_id: string;
  status: 'draft' | 'published' | 'withdrawn';
  /** Review time limit for applications, in working days (default 60). */
  review_working_days: number;
  /** Length of the public notice (公示), in working days. */
  notice_working_days: number;
  published_at: string | null;
  published_by: number | null;
  /** Enterprises notified when the policy was last published. */
  notified: number;
  version: number;
  updated_at: string;
  updated_by: number | null;
}

/** Official figures and dates (LPR, 疫情解除日期 …), one row per dated value: the history is kept. */
export interface PolicyOfficialFactTable {
  id: Generated<number>;
  fact: string;
  /** JSON value (number, boolean or string). */
  value: string;
  /** First day the value applies. */
  effective_from: string;
  /** Where the figure was published. */
  note: string;
  created_by: number | null;
  created_at: string;
}

/**
 * Facts the government already holds about an enterprise beyond 一企一档 (unemployment-insurance premiums from 人社,
 * guarantee business from 金融办, verified facts of approved applications …): what makes 免申即享 possible.
 */
export interface PolicyEnterpriseFactsTable {
  enterprise_id: number;
  /** JSON object fact name → value. */
  facts: string;
  /** JSON object fact name → where it came from (“市人社局数据共享”, “申请 #12 审核确认”). */
  origin: string;
  updated_at: string;
  updated_by: number | null;
  version: number;
}

/** The account an enterprise receives benefits on; kept by the enterprise itself. */
export interface PolicyPayeeAccountTable {
  enterprise_id: number;
  account_name: string;
  bank_name: string;
  account_no: string;
  updated_at: string;
  updated_by: number | null;
  version: number;
}

export type ApplicationStatus = 'submitted' | 'rejected' | 'withdrawn' | 'publicity' | 'revoked' | 'ordered' | 'paid';

/** A 快申快享 / 申请 application: form from 一企一档 plus the applicant's facts → review → 公示 → payment order. */
export interface PolicyApplicationTable {
  id: Generated<number>;
  enterprise_id: number;
  rule_id: string;
  policy_id: string;
  /** Department kind that owns the rule (src/server/policies/ownership.ts). */
  department_kind: string;
  status: ApplicationStatus;
  /** JSON: the facts the applicant supplied. */
  facts: string;
  /** JSON: facts the reviewer verified (null until reviewed). */
  verified_facts: string | null;
  as_of: string;
  /** Payable amount the engine computed at submission (fen), null for non-money rules. */
  amount_fen: number | null;
  /** Payable amount as approved (fen). */
  approved_fen: number | null;
  capped: number;
  payee_account_name: string;
  payee_bank_name: string;
  payee_account_no: string;
  submitted_at: string;
  /** Review deadline (last working day). */
  due_date: string;
  review_working_days: number;
  reviewed_at: string | null;
  reviewed_by: number | null;
  review_note: string | null;
  notice_working_days: number;
  notice_start: string | null;
  notice_end: string | null;
  completed_at: string | null;
  payment_order_id: number | null;
  created_by: number;
  version: number;
  updated_at: string;
}

export interface PolicyAttachmentTable {
  id: Generated<number>;
  application_id: number;
  file_name: string;
  stored_name: string;
  content_type: string;
  size_bytes: number;
  uploaded_by: number;
  uploaded_at: string;
}

/** An objection raised during 公示; the owning department upholds or dismisses it. */
export interface PolicyObjectionTable {
  id: Generated<number>;
  application_id: number;
  status: 'open' | 'upheld' | 'dismissed';
  reason: string;
  contact: string;
  submitted_by: number;
  submitted_at: string;
  resolved_by: number | null;
  resolved_at: string | null;
  resolution: string | null;
}

export type BatchStatus = 'running' | 'review' | 'approving' | 'approved' | 'failed' | 'cancelled';

/** A 免申即享 batch run: one rule over every enterprise of a department's region, as of a date. */
export interface PolicyBatchTable {
  id: Generated<number>;
  rule_id: string;
  policy_id: string;
  department_id: number;
  department_kind: string;
  region_code: string;
  as_of: string;
  status: BatchStatus;
  job_id: number | null;
  evaluated: number;
  eligible: number;
  not_eligible: number;
  /** Enterprises whose facts are incomplete for the rule (left out). */
  incomplete: number;
  /** Eligible enterprises left out because they already enjoy this benefit or one of its stacking group. */
  already: number;
  total_fen: number;
  message: string | null;
  created_by: number;
  created_at: string;
  finished_at: string | null;
  approved_by: number | null;
  approved_at: string | null;
  version: number;
}

export interface PolicyBatchItemTable {
  id: Generated<number>;
  batch_id: number;
  enterprise_id: number;
  county_code: string;
  amount_fen: number;
  capped: number;
  /** JSON: the facts the decision used (the rule's required facts), so the amount can be explained later. */
  facts: string;
  status: 'included' | 'excluded';
  exclude_reason: string | null;
}

export type PaymentOrderStatus = 'pending' | 'exported' | 'paid' | 'cancelled';

/** An instruction to the budget system and the paying bank: one payee, one amount, one clause. */
export interface PolicyPaymentOrderTable {
  id: Generated<number>;
  source: 'batch' | 'application';
  batch_id: number | null;
  batch_item_id: number | null;
  application_id: number | null;
  enterprise_id: number;
  county_code: string;
  rule_id: string;
  policy_id: string;
  department_id: number | null;
  department_kind: string;
  /** pay = 拨付; exempt / reduce = 减免退还. */
  benefit_kind: string;
  payee_name: string;
  payee_account_name: string;
  payee_bank_name: string;
  payee_account_no: string;
  amount_fen: number;
  /** The clause: title and `seed-file:Lnnn`. */
  clause: string;
  /** Why this amount: the batch or application and its decision. */
  basis: string;
  status: PaymentOrderStatus;
  export_count: number;
  exported_at: string | null;
  paid_on: string | null;
  paid_at: string | null;
  paid_by: number | null;
  bank_ref: string | null;
  created_by: number;
  created_at: string;
  version: number;
}

/** The share of a payment order each level of government bears (资金分担), booked with the order. */
export interface PolicyFundingEntryTable {
  id: Generated<number>;
  order_id: number;
  level: string;
  fund: string | null;
  amount_fen: number;
  created_at: string;
}

export interface PolicySimulationTable {
  id: Generated<number>;
  rule_id: string;
  label: string;
  /** JSON: parameter overrides. */
  parameters: string;
  as_of: string;
  region_code: string | null;
  created_by: number;
  created_at: string;
  job_id: number | null;
  status: 'running' | 'succeeded' | 'failed';
  /** JSON: the simulation report. */
  report: string | null;
}

/** In-app notifications, to an enterprise (all its administrators) or to one user. */
export interface NotificationTable {
  id: Generated<number>;
  enterprise_id: number | null;
  user_id: number | null;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  created_at: string;
  read_at: string | null;
}

export type PolicyApplicationRow = Selectable<PolicyApplicationTable>;
export type PolicyBatchRow = Selectable<PolicyBatchTable>;
export type PolicyBatchItemRow = Selectable<PolicyBatchItemTable>;
export type PolicyPaymentOrderRow = Selectable<PolicyPaymentOrderTable>;
export type PolicySettingsRow = Selectable<PolicySettingsTable>;
export type PolicyObjectionRow = Selectable<PolicyObjectionTable>;
export type NotificationRow = Selectable<NotificationTable>;
