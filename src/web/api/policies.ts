import { api } from './client.ts';
import type { ItemsOf, PageOf } from './types.ts';

/** 惠企政策兑现: what src/server/policies/routes.ts sends, as the web app reads it. */

export type FulfilmentMode = 'auto' | 'quick' | 'apply';
export type FactValue = number | boolean | string;

export interface TraceStep {
  step: 'in-force' | 'jurisdiction' | 'condition' | 'formula' | 'cap' | 'stacking';
  label: string;
  detail: string;
  result: boolean | number | string | null;
  values: Record<string, FactValue | null>;
  children?: TraceStep[];
}

export interface StackingOutcome {
  group: string;
  kept: boolean;
  keptRuleId: string | null;
  provisional: boolean;
}

export interface FactInfo {
  name: string;
  label: string;
  unit: string | null;
  type: string;
  source: string;
  sourceLabel: string;
  description: string;
  values: readonly (string | { value: string; label: string })[] | null;
}

export interface PolicyRuleHead {
  id: string;
  title: string;
  kind: string;
  target: string;
  benefitKind: string;
  fulfilment: FulfilmentMode;
  fulfilmentLabel: string;
  ownerKind: string;
  ownerLabel: string;
  source: string;
  effective: { from: string; to: string | null; note?: string };
}

export interface PolicyHead {
  id: string;
  title: string;
  issuer: string;
  docNumber: string | null;
  date: string;
  jurisdiction: { level: string; code: string; label: string };
  validity: { from: string; to: string | null; note?: string };
  source: string;
  note: string | null;
  status: 'draft' | 'published' | 'withdrawn';
  statusLabel: string;
  publishedAt: string | null;
  reviewWorkingDays: number;
  noticeWorkingDays: number;
  notified: number;
  version: number;
  owners: { kind: string; label: string }[];
  ruleCount: number;
  moneyRuleCount: number;
  fulfilment: FulfilmentMode[];
}

export interface CatalogueItem extends PolicyHead {
  rules: PolicyRuleHead[];
}

export interface ParameterSummary {
  name: string;
  label: string;
  unit: string;
  values: {
    from: string;
    value: number | string;
    display: string;
    source: string;
    quote: string;
    sourceText?: string | null;
  }[];
}

export interface RuleDetail {
  id: string;
  policyId: string;
  title: string;
  kind: string;
  target: string;
  jurisdiction: { level: string; code: string; label: string };
  effective: { from: string; to: string | null; note?: string };
  source: string;
  alsoSources: string[];
  department: string | null;
  benefit: { kind: string; label: string; formula: string | null };
  conditions: string[];
  caps: { label: string; limit: string; source: string }[];
  parameters: ParameterSummary[];
  stackingGroup: string | null;
  funding: {
    shares: { level: string; weight: number }[];
    source: string;
    fund?: string;
    note?: string;
    description: string;
  } | null;
  fulfilment: FulfilmentMode;
  fulfilmentLabel: string;
  requiredFacts: string[];
  note: string | null;
  ownerKind: string;
  ownerLabel: string;
  sourceText: string | null;
  alsoSourceTexts: { ref: string; text: string | null }[];
  applicationFacts: { name: string; label: string; unit: string | null; type: string }[];
  howToClaim: string;
  inForce: boolean;
}

export interface PolicyDetail extends PolicyHead {
  sourceText: string | null;
  asOf: string;
  rules: RuleDetail[];
}

export interface PolicyList {
  code: string;
  name: string;
  description: string;
}

export interface MatchItem {
  policyId: string;
  ruleId: string;
  title: string;
  source: string;
  eligible: boolean | null;
  amountFen: number | null;
  payableFen: number | null;
  capped: boolean;
  missingFacts: string[];
  trace: TraceStep[];
  value: { kind: string; label: string; value: number | string | null; unit: string | null };
  stacking: StackingOutcome | null;
  fulfilment: FulfilmentMode;
  policyTitle: string;
  kind: string;
  target: string;
  benefitLabel: string;
  fulfilmentLabel: string;
  ownerKind: string;
  ownerLabel: string;
  missing: FactInfo[];
  canApply: boolean;
  application: { id: number; status: string; statusLabel: string; amountFen: number | null } | null;
  payment: {
    id: number;
    status: string;
    statusLabel: string;
    amountFen: number;
    source: string;
    paidOn: string | null;
  } | null;
}

export interface PayeeAccount {
  accountName: string;
  bankName: string;
  accountNo: string;
}

export interface Matches {
  enterprise: { id: number; name: string; creditCode: string };
  asOf: string;
  facts: (FactInfo & { value: FactValue; origin: string; originLabel: string })[];
  summary: { eligible: number; eligibleFen: number; undecided: number; paidFen: number };
  payeeAccount: (PayeeAccount & { version: number }) | null;
  items: MatchItem[];
}

export type ApplicationStatus = 'submitted' | 'rejected' | 'withdrawn' | 'publicity' | 'revoked' | 'ordered' | 'paid';

export interface Application {
  id: number;
  enterpriseId: number;
  enterpriseName: string;
  creditCode: string;
  ruleId: string;
  ruleTitle: string;
  ruleSource: string;
  policyId: string;
  policyTitle: string;
  departmentKind: string;
  departmentLabel: string;
  status: ApplicationStatus;
  statusLabel: string;
  asOf: string;
  amountFen: number | null;
  approvedFen: number | null;
  capped: boolean;
  submittedAt: string;
  dueDate: string;
  reviewWorkingDays: number;
  overdue: boolean;
  reviewedAt: string | null;
  reviewNote: string | null;
  noticeWorkingDays: number;
  noticeStart: string | null;
  noticeEnd: string | null;
  noticeOver: boolean;
  completedAt: string | null;
  paymentOrderId: number | null;
  paymentOrderNo: string | null;
  payee: PayeeAccount;
  version: number;
}

export interface ApplicationDetail extends Application {
  applicationFacts: (FactInfo & {
    submitted: FactValue | null;
    verified: FactValue | null;
    held: FactValue | null;
    heldOrigin: string | null;
  })[];
  evaluation: {
    eligible: boolean | null;
    amountFen: number | null;
    payableFen: number | null;
    capped: boolean;
    missingFacts: string[];
    trace: TraceStep[];
    lines: string[];
  } | null;
  attachments: { id: number; fileName: string; contentType: string; sizeBytes: number; uploadedAt: string }[];
  objections: {
    id: number;
    status: string;
    statusLabel: string;
    reason: string;
    contact: string | null;
    submittedAt: string;
    resolvedAt: string | null;
    resolution: string | null;
  }[];
}

export interface Notice {
  id: number;
  enterpriseName: string;
  creditCode: string;
  countyName: string | null;
  ruleId: string;
  ruleTitle: string;
  ruleSource: string;
  policyTitle: string;
  departmentLabel: string;
  amountFen: number;
  noticeStart: string | null;
  noticeEnd: string | null;
}

export type BatchStatus = 'running' | 'review' | 'approving' | 'approved' | 'failed' | 'cancelled';

export interface Batch {
  id: number;
  ruleId: string;
  ruleTitle: string;
  ruleSource: string;
  policyId: string;
  policyTitle: string;
  departmentId: number;
  departmentName: string | null;
  departmentKind: string;
  departmentLabel: string;
  regionCode: string;
  regionName: string | null;
  asOf: string;
  status: BatchStatus;
  statusLabel: string;
  jobId: number | null;
  evaluated: number;
  eligible: number;
  notEligible: number;
  incomplete: number;
  already: number;
  totalFen: number;
  message: string | null;
  createdAt: string;
  finishedAt: string | null;
  approvedAt: string | null;
  version: number;
}

export interface BatchDetail extends Batch {
  ruleFormula: string | null;
  byCounty: { countyCode: string; countyName: string | null; enterprises: number; amountFen: number }[];
  orders: { status: string; count: number; amountFen: number }[];
}

export interface BatchItem {
  id: number;
  enterpriseId: number;
  enterpriseName: string;
  creditCode: string;
  countyName: string | null;
  amountFen: number;
  capped: boolean;
  status: 'included' | 'excluded';
  statusLabel: string;
  excludeReason: string | null;
}

export interface BatchItemDetail {
  id: number;
  batchId: number;
  enterpriseId: number;
  enterpriseName: string;
  creditCode: string;
  amountFen: number;
  capped: boolean;
  status: 'included' | 'excluded';
  excludeReason: string | null;
  facts: { name: string; label: string; unit: string | null; value: FactValue }[];
  trace: TraceStep[];
  lines: string[];
}

export interface BatchableRule {
  id: string;
  title: string;
  policyId: string;
  policyTitle: string;
  fulfilment: FulfilmentMode;
  effective: { from: string; to: string | null };
  source: string;
}

export type OrderStatus = 'pending' | 'exported' | 'paid' | 'cancelled';

export interface PaymentOrder {
  id: number;
  orderNo: string;
  source: string;
  sourceLabel: string;
  batchId: number | null;
  applicationId: number | null;
  enterpriseId: number;
  countyCode: string;
  countyName: string | null;
  ruleId: string;
  ruleTitle: string;
  policyId: string;
  policyTitle: string;
  departmentKind: string;
  departmentLabel: string;
  benefitKind: string;
  benefitKindLabel: string;
  payeeName: string;
  payeeAccountName: string;
  payeeBankName: string;
  payeeAccountNo: string;
  amountFen: number;
  clause: string;
  basis: string;
  status: OrderStatus;
  statusLabel: string;
  exportCount: number;
  exportedAt: string | null;
  paidOn: string | null;
  paidAt: string | null;
  bankRef: string | null;
  createdAt: string;
  version: number;
  funding: { level: string; label: string; fund: string | null; amountFen: number }[];
}

export interface StatRow {
  key: string;
  name: string;
  amountFen: number;
  enterprisesPaid: number;
  orders: number;
  eligible: number;
  coverage: number;
}

export interface PolicyStats {
  scope: string;
  regionLevel: string;
  total: StatRow;
  awaitingPayment: { orders: number; amountFen: number };
  byDepartment: StatRow[];
  byRegion: StatRow[];
  byPolicy: StatRow[];
  byLevel: { level: string; label: string; amountFen: number }[];
}

export interface DispatchRow {
  unit: string;
  kind: 'region' | 'department';
  weekFen: number;
  weekEnterprises: number;
  totalFen: number;
  totalEnterprises: number;
  eligible: number;
  coverage: number;
  pendingApplications: number;
  overdueApplications: number;
}

export interface WeeklyDispatch {
  weekStart: string;
  weekEnd: string;
  scope: string;
  regionLevel: string;
  regions: DispatchRow[];
  departments: DispatchRow[];
  total: DispatchRow;
}

export interface Aggregate {
  enterprises: number;
  qualifying: number;
  undecided: number;
  totalFen: number;
  coverage: number;
}

export interface SimulationSide {
  total: Aggregate;
  perRule: { ruleId: string; title: string; eligible: number; unknown: number; capped: number; totalFen: number }[];
  byRegion: (Aggregate & { key: string; name: string })[];
  byIndustry: (Aggregate & { key: string; name: string })[];
  bySize: (Aggregate & { key: string; name: string })[];
}

export interface Simulation {
  id: number;
  ruleId: string;
  ruleTitle: string;
  policyTitle: string;
  label: string;
  parameters: { name: string; value: number | string; label: string; unit: string | null }[];
  asOf: string;
  regionCode: string | null;
  regionName: string | null;
  status: string;
  jobId: number | null;
  createdAt: string;
  rows: number | null;
  baseline: SimulationSide | null;
  reformed: SimulationSide | null;
  delta: { qualifying: number; totalFen: number } | null;
  error: string | null;
}

const opt = (signal?: AbortSignal) => (signal ? { signal } : {});

export const listPolicies = (
  query: { q?: string; ownerKind?: string; fulfilment?: FulfilmentMode; status?: string },
  signal?: AbortSignal,
) => api.get<PageOf<CatalogueItem>>('/api/policies', query, opt(signal));
export const getPolicy = (id: string, signal?: AbortSignal) =>
  api.get<PolicyDetail>(`/api/policies/${encodeURIComponent(id)}`, undefined, opt(signal));
export const listPolicyLists = (signal?: AbortSignal) =>
  api.get<ItemsOf<PolicyList>>('/api/policies/lists', undefined, opt(signal));
export const publishPolicy = (id: string, version: number) =>
  api.post<{ jobId?: number }>(`/api/policies/${encodeURIComponent(id)}/publish`, { version });
export const withdrawPolicy = (id: string, version: number) =>
  api.post<unknown>(`/api/policies/${encodeURIComponent(id)}/withdraw`, { version });
export const updatePolicySettings = (
  id: string,
  body: { reviewWorkingDays: number; noticeWorkingDays: number; version: number },
) => api.put<unknown>(`/api/policies/${encodeURIComponent(id)}/settings`, body);

export const getMatches = (enterpriseId: number, query: { asOf?: string; all?: boolean }, signal?: AbortSignal) =>
  api.get<Matches>(
    `/api/policies/enterprises/${enterpriseId}/matches`,
    { asOf: query.asOf, all: query.all ? 'true' : undefined },
    opt(signal),
  );

export const listApplications = (
  query: { status?: string; overdue?: boolean; q?: string; enterpriseId?: number; page: number; pageSize: number },
  signal?: AbortSignal,
) =>
  api.get<PageOf<Application>>(
    '/api/policies/applications',
    { ...query, overdue: query.overdue ? 'true' : undefined },
    opt(signal),
  );
export const getApplication = (id: number, signal?: AbortSignal) =>
  api.get<ApplicationDetail>(`/api/policies/applications/${id}`, undefined, opt(signal));
export const submitApplication = (
  body: { ruleId: string; facts: Record<string, FactValue | null>; payee: PayeeAccount },
  idempotencyKey: string,
) =>
  api.post<ApplicationDetail>('/api/policies/applications', body, { headers: { 'Idempotency-Key': idempotencyKey } });
export const uploadAttachment = (id: number, file: File) =>
  api.upload<unknown>(`/api/policies/applications/${id}/attachments`, file);
export const withdrawApplication = (id: number, version: number) =>
  api.post<unknown>(`/api/policies/applications/${id}/withdraw`, { version });
export const reviewApplication = (
  id: number,
  body: {
    decision: 'approve' | 'reject';
    note?: string;
    verifiedFacts?: Record<string, FactValue | null>;
    version: number;
  },
) => api.post<unknown>(`/api/policies/applications/${id}/review`, body);
export const completeApplication = (id: number, version: number) =>
  api.post<unknown>(`/api/policies/applications/${id}/complete`, { version });
export const listNotices = (page: number, pageSize: number, signal?: AbortSignal) =>
  api.get<PageOf<Notice>>('/api/policies/notices', { page, pageSize }, opt(signal));
export const fileObjection = (noticeId: number, body: { reason: string; contact: string }) =>
  api.post<unknown>(`/api/policies/notices/${noticeId}/objections`, body);
export const resolveObjection = (id: number, body: { decision: 'upheld' | 'dismissed'; resolution: string }) =>
  api.post<unknown>(`/api/policies/objections/${id}/resolve`, body);

export const listBatchableRules = (signal?: AbortSignal) =>
  api.get<ItemsOf<BatchableRule>>('/api/policies/rules/batchable', undefined, opt(signal));
export const listBatches = (query: { status?: string; page: number; pageSize: number }, signal?: AbortSignal) =>
  api.get<PageOf<Batch>>('/api/policies/batches', query, opt(signal));
export const startBatch = (body: { ruleId: string; asOf: string }) =>
  api.post<{ batchId: number; jobId: number }>('/api/policies/batches', body);
export const getBatch = (id: number, signal?: AbortSignal) =>
  api.get<BatchDetail>(`/api/policies/batches/${id}`, undefined, opt(signal));
export const listBatchItems = (
  id: number,
  query: { status?: string; q?: string; page: number; pageSize: number },
  signal?: AbortSignal,
) => api.get<PageOf<BatchItem>>(`/api/policies/batches/${id}/items`, query, opt(signal));
export const getBatchItem = (id: number, signal?: AbortSignal) =>
  api.get<BatchItemDetail>(`/api/policies/batch-items/${id}`, undefined, opt(signal));
export const setBatchItemStatus = (id: number, body: { status: 'included' | 'excluded'; reason?: string }) =>
  api.post<unknown>(`/api/policies/batch-items/${id}/status`, body);
export const approveBatch = (id: number, version: number) =>
  api.post<{ jobId?: number }>(`/api/policies/batches/${id}/approve`, { version });
export const cancelBatch = (id: number, version: number, reason: string) =>
  api.post<unknown>(`/api/policies/batches/${id}/cancel`, { version, reason });

export interface OrderFilter {
  status?: OrderStatus;
  batchId?: number;
  applicationId?: number;
  enterpriseId?: number;
  q?: string;
}
export const listOrders = (query: OrderFilter & { page: number; pageSize: number }, signal?: AbortSignal) =>
  api.get<PageOf<PaymentOrder>>('/api/policies/payment-orders', { ...query }, opt(signal));
export const startOrderExport = (body: OrderFilter & { format: 'xlsx' | 'csv' }) =>
  api.post<{ jobId: number }>('/api/policies/payment-orders/exports', body);
export const markOrdersPaid = (body: { ids: number[]; paidOn: string; bankRef?: string }) =>
  api.post<unknown>('/api/policies/payment-orders/paid', body);

export const getStats = (signal?: AbortSignal) => api.get<PolicyStats>('/api/policy-stats', undefined, opt(signal));
export const getWeekly = (week: string | undefined, signal?: AbortSignal) =>
  api.get<WeeklyDispatch>('/api/policy-stats/weekly', { week }, opt(signal));

export const listSimulations = (signal?: AbortSignal) =>
  api.get<ItemsOf<Simulation>>('/api/policy-simulations', undefined, opt(signal));
export const getSimulation = (id: number, signal?: AbortSignal) =>
  api.get<Simulation>(`/api/policy-simulations/${id}`, undefined, opt(signal));
export const startSimulation = (body: {
  ruleId: string;
  label: string;
  asOf: string;
  parameters: { name: string; value: number | string }[];
}) => api.post<{ simulationId: number; jobId: number }>('/api/policy-simulations', body);

export interface EnterpriseFacts {
  enterpriseId: number;
  asOf: string;
  version: number;
  items: { name: string; label: string; unit: string | null; value: FactValue; origin: string; originLabel: string }[];
}
export const listFactVocabulary = (signal?: AbortSignal) =>
  api.get<ItemsOf<FactInfo>>('/api/policies/facts', undefined, opt(signal));
export const getEnterpriseFacts = (id: number, signal?: AbortSignal) =>
  api.get<EnterpriseFacts>(`/api/policies/enterprises/${id}/facts`, undefined, opt(signal));
export const putEnterpriseFacts = (id: number, facts: Record<string, FactValue | null>, version: number) =>
  api.put<EnterpriseFacts>(`/api/policies/enterprises/${id}/facts`, { facts, version });
