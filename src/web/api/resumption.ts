/**
 * 复工复产 (resumption) API as the web app uses it. Shapes follow docs/api-resumption.md and the pure domain types
 * in src/domain/resumption (imported as types only, plus a few label tables: the domain is pure and safe to bundle).
 */
import { api, downloadFile } from './client.ts';
import type {
  ApplicationStatus,
  AttachmentRef,
  CheckAnswer,
  CheckTaskStatus,
  ConditionItem,
  ConditionList,
  CorrectionNotice,
  EnterpriseStatus,
  FilingMode,
  GivenReason,
  MissingItem,
  RectificationStatus,
  ResumptionApplication,
  ResumptionPlan,
  ReviewDecision,
  RiskLevel,
  SelfAssessmentAnswers,
  Severity,
} from '../../domain/resumption/index.ts';

export type {
  ApplicationStatus,
  AttachmentRef,
  CheckAnswer,
  ConditionItem,
  ConditionList,
  EnterpriseStatus,
  GivenReason,
  MissingItem,
  ResumptionPlan,
  RiskLevel,
  SelfAssessmentAnswers,
  Severity,
};

const BASE = '/api/resumption';

const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});

// ───────────────────────────── risk levels ─────────────────────────────

export interface RiskSetting {
  id: number;
  areaCode: string;
  areaKind: 'county' | 'functional_zone';
  level: RiskLevel;
  levelLabel: string;
  effectiveFrom: string;
  setAt: string;
  setBy: string | null;
  basis: string;
}

export interface RiskArea {
  code: string;
  name: string;
  kind: 'county' | 'functional_zone';
  level: RiskLevel | null;
  levelLabel: string;
  effectiveFrom: string | null;
  basis: string | null;
  next: RiskSetting | null;
  history: RiskSetting[];
}

export interface RiskOverview {
  date: string;
  today: string;
  levels: { code: RiskLevel; label: string; color: string }[];
  areas: RiskArea[];
}

export const getRiskLevels = (date?: string, signal?: AbortSignal) =>
  api.get<RiskOverview>(`${BASE}/risk-levels`, { date }, withSignal(signal));

export interface SetRiskLevelInput {
  areaCode: string;
  level: RiskLevel;
  effectiveFrom: string;
  basis: string;
}

export const setRiskLevel = (input: SetRiskLevelInput) =>
  api.post<RiskSetting & { message: string }>(`${BASE}/risk-levels`, input);

// ───────────────────────────── condition lists ─────────────────────────────

export interface ListVersionSummary {
  version: number;
  title?: string;
  riskLevels?: RiskLevel[];
  publishedOn: string | null;
  itemCount: number;
  templateIds: string[];
  createdAt?: string;
}

export interface ListSummary {
  listId: string;
  title: string;
  subject?: 'enterprise' | 'checkpoint';
  riskLevels: RiskLevel[];
  jurisdiction?: string;
  versionInForce: number | null;
  draftVersion: number | null;
  versions: ListVersionSummary[];
}

export interface StoredList extends ConditionList {
  templateIds?: string[];
  createdAt?: string;
  summary: ListSummary;
}

export interface TemplateDto {
  templateId: string;
  title: string;
  subject: 'enterprise' | 'checkpoint';
  jurisdiction: string;
  sources: { ref: string; quote: string }[];
  items: ConditionItem[];
}

export const listConditionLists = (signal?: AbortSignal) =>
  api.get<{ today: string; items: ListSummary[] }>(`${BASE}/lists`, undefined, withSignal(signal));

export const getConditionList = (listId: string, version?: number, signal?: AbortSignal) =>
  api.get<StoredList>(`${BASE}/lists/${encodeURIComponent(listId)}`, { version }, withSignal(signal));

export const listTemplates = (signal?: AbortSignal) =>
  api.get<{ templates: TemplateDto[] }>(`${BASE}/templates`, undefined, withSignal(signal));

export interface DraftInput {
  listId: string;
  title: string;
  riskLevels: RiskLevel[];
  jurisdiction: string;
  templateIds: string[];
  extraItems?: ConditionItem[];
}

export const saveListDraft = (input: DraftInput) => api.post<StoredList>(`${BASE}/lists`, input);

export const publishList = (listId: string, publishedOn: string) =>
  api.post<StoredList>(`${BASE}/lists/${encodeURIComponent(listId)}/publish`, { publishedOn });

// ───────────────────────────── files ─────────────────────────────

export type FilePurpose = 'material' | 'prevention_plan' | 'photo' | 'commitment' | 'rectification';

export interface StoredFile {
  id: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  purpose: FilePurpose;
  createdAt: string;
}

export function uploadResumptionFile(file: File, purpose: FilePurpose, enterpriseId?: number) {
  const form = new FormData();
  form.append('purpose', purpose);
  if (enterpriseId) form.append('enterpriseId', String(enterpriseId));
  form.append('file', file, file.name);
  return api.post<StoredFile>(`${BASE}/files`, undefined, { form });
}

export const fileUrl = (id: string) => `${BASE}/files/${encodeURIComponent(id)}`;

export const downloadResumptionFile = (ref: AttachmentRef) => downloadFile(fileUrl(ref.fileId), ref.name);

export const refOf = (f: StoredFile): AttachmentRef => ({
  fileId: f.id,
  name: f.name,
  mediaType: f.mediaType,
  sha256: f.sha256,
});

/** What the API takes for an attachment: only its id (the server resolves name and type in scope). */
export const idsOf = (refs: readonly AttachmentRef[] | undefined) => (refs ?? []).map((r) => ({ fileId: r.fileId }));

// ───────────────────────────── timeline ─────────────────────────────

export interface TimelineEvent {
  id: number;
  type: string;
  at: string;
  actorName: string;
  actorRole: string;
  actorRoleLabel: string;
  applicationId: number | null;
  taskId: number | null;
  orderId: number | null;
  version: number;
  message: string;
  data: unknown;
}

// ───────────────────────────── enterprise: filing ─────────────────────────────

export interface MyApplicationRow {
  id: number;
  status: ApplicationStatus;
  statusLabel: string;
  mode: FilingMode;
  modeLabel: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** `GET /my`: the enterprise's level, mode, list, lead department, status and applications. */
export interface MyResumption {
  enterprise: { id: number; name: string; creditCode: string; countyCode: string; zoneCode: string | null };
  date: string;
  level: { level: RiskLevel; effectiveFrom: string; areaCode: string } | null;
  mode: FilingMode | 'closed' | null;
  modeLabel: string;
  greenChannel: boolean;
  reasons: string[];
  sources: string[];
  leadDepartment: { id: number; name: string } | null;
  conditionList: ConditionList | null;
  status: { status: EnterpriseStatus; workersBack: number; normalHeadcount: number } | null;
  applications: MyApplicationRow[];
}

export const getMyResumption = (signal?: AbortSignal) =>
  api.get<MyResumption>(`${BASE}/my`, undefined, withSignal(signal));

export const createApplication = () =>
  api.post<{ id: number; version: number; mode: FilingMode }>(`${BASE}/applications`, {});

export interface ApplicationSummary {
  id: number;
  enterpriseId: number;
  enterpriseName: string;
  countyCode: string;
  countyName: string;
  status: ApplicationStatus;
  statusLabel: string;
  mode: FilingMode;
  modeLabel: string;
  greenChannel: boolean;
  version: number;
  submittedAt: string | null;
  acceptedAt: string | null;
  dueAt: string | null;
  overdue: boolean;
  leadDepartmentId: number;
}

export type ApplicationQueue = 'lead' | 'review' | 'overdue';

export const listApplications = (
  filter: { status?: string | undefined; queue?: ApplicationQueue | undefined },
  page: number,
  pageSize: number,
  signal?: AbortSignal,
) =>
  api.get<{ items: ApplicationSummary[]; total: number }>(
    `${BASE}/applications`,
    { ...filter, page, pageSize },
    withSignal(signal),
  );

export interface ReviewDto {
  round: number;
  departmentCode: string;
  departmentName: string;
  dispatchedAt: string;
  dueDate: string;
  dueAt: string;
  decision: ReviewDecision | null;
  comment: string | null;
  decidedAt: string | null;
  decidedBy: { name?: string } | null;
  decidedOnBehalf?: boolean;
  escalatedAt: string | null;
  cancelledAt: string | null;
}

export type ApplicationState = Omit<ResumptionApplication, 'reviews'> & { reviews: readonly ReviewDto[] };

export interface ReasonDto {
  code: GivenReason['code'];
  label: string;
  requiresNote: boolean;
  source: { ref: string; quote: string };
}

/** `GET /applications/:id`. */
export interface ApplicationDetail {
  id: number;
  enterpriseId: number;
  countyCode: string;
  countyName: string;
  leadDepartment: { id: number; name: string } | null;
  statusLabel: string;
  modeLabel: string;
  overdue: boolean;
  overdueReviews: string[];
  currentNotice: CorrectionNotice | null;
  /** Action types the caller may take now. */
  actions: string[];
  refusalReasons: ReasonDto[];
  application: ApplicationState;
  timeline: TimelineEvent[];
}

export const getApplication = (id: number | string, signal?: AbortSignal) =>
  api.get<ApplicationDetail>(`${BASE}/applications/${id}`, undefined, withSignal(signal));

export interface ActionResult {
  id: number;
  status: ApplicationStatus;
  statusLabel: string;
  version: number;
}

/** A self-assessment answer as the API takes it (material files by id). */
export type AnswerInput =
  | { kind: 'yes_no'; value: boolean; note?: string }
  | { kind: 'material'; files: { fileId: string }[]; note?: string }
  | { kind: 'number'; value: number; note?: string };

export interface PackageInput {
  plan?: ResumptionPlan | null;
  preventionPlan?: { fileId: string } | null;
  answers?: Record<string, AnswerInput>;
}

export const editApplication = (id: number | string, version: number, pkg: PackageInput) =>
  api.post<ActionResult>(`${BASE}/applications/${id}/package`, { version, ...pkg });

export const signCommitment = (
  id: number | string,
  version: number,
  input: { signerName: string; signerTitle: string },
) =>
  api.post<{ version: number; commitment: { pdfFileId: string } }>(`${BASE}/applications/${id}/commitment`, {
    version,
    ...input,
  });

export const submitApplication = (id: number | string, version: number) =>
  api.post<ActionResult>(`${BASE}/applications/${id}/submit`, { version });

export const resubmitApplication = (id: number | string, version: number, response?: string) =>
  api.post<ActionResult>(`${BASE}/applications/${id}/resubmit`, { version, ...(response ? { response } : {}) });

export const withdrawApplication = (id: number | string, version: number, reason: string) =>
  api.post<ActionResult>(`${BASE}/applications/${id}/withdraw`, { version, reason });

export const requestCorrection = (id: number | string, version: number, missing: MissingItem[]) =>
  api.post<ActionResult>(`${BASE}/applications/${id}/request-correction`, { version, missing });

export const acceptApplication = (id: number | string, version: number, departmentIds: number[]) =>
  api.post<ActionResult>(`${BASE}/applications/${id}/accept`, { version, departmentIds });

export interface ReviewInput {
  decision: 'approve' | 'reject' | 'return';
  reasons?: { code: string; note?: string }[];
  missing?: MissingItem[];
  comment?: string;
}

export const reviewApplication = (id: number | string, version: number, input: ReviewInput) =>
  api.post<ActionResult>(`${BASE}/applications/${id}/review`, { version, ...input });

/** Departments a lead department may dispatch the parallel reviews to (the platform's department list). */
export interface DepartmentOption {
  id: number;
  kind: string;
  name: string;
  level: string;
  regionCode: string;
  regionName: string | null;
  active: boolean;
}

export const listDepartmentOptions = (signal?: AbortSignal) =>
  api.get<{ items: DepartmentOption[] }>('/api/departments', { activeOnly: 'true' }, withSignal(signal));

// ───────────────────────────── check tasks and rectification ─────────────────────────────

export interface CheckTaskSummary {
  id: number;
  enterpriseId: number;
  enterpriseName: string;
  countyName: string;
  applicationId: number | null;
  assigneeId: number;
  kind: 'post_resumption' | 'routine';
  kindLabel: string;
  status: CheckTaskStatus;
  statusLabel: string;
  dueAt: string;
  overdue: boolean;
  version: number;
}

export interface FindingDto {
  id: string;
  itemId: string | null;
  severity: Severity;
  description: string;
  photos: AttachmentRef[];
  orderStop: boolean;
  at: string;
}

export interface CheckTaskState {
  checklist: ConditionList;
  answers: Record<string, CheckAnswer>;
  findings: FindingDto[];
  summary: string | null;
  startedAt: string | null;
  completedAt: string | null;
  dueDate: string;
}

export interface OrderSummary {
  id: number;
  enterpriseId: number;
  enterpriseName: string;
  countyName: string;
  taskId: number;
  officerId: number;
  status: RectificationStatus;
  statusLabel: string;
  severity: Severity;
  severityLabel: string;
  description: string;
  stopOrdered: boolean;
  dueAt: string;
  overdue: boolean;
  version: number;
}

export interface CheckTaskDetail extends CheckTaskSummary {
  task: CheckTaskState;
  orders: OrderSummary[];
  timeline: TimelineEvent[];
}

export const listCheckTasks = (
  query: { status?: string | undefined },
  page: number,
  pageSize: number,
  signal?: AbortSignal,
) =>
  api.get<{ items: CheckTaskSummary[]; total: number }>(
    `${BASE}/checks`,
    { ...query, page, pageSize },
    withSignal(signal),
  );

export const getCheckTask = (id: number | string, signal?: AbortSignal) =>
  api.get<CheckTaskDetail>(`${BASE}/checks/${id}`, undefined, withSignal(signal));

/** A routine on-site check of an enterprise, assigned to its liaison or grid officer (department / admin). */
export const createCheck = (enterpriseId: number, assigneeId?: number) =>
  api.post<{ id: number; dueAt: string }>(`${BASE}/checks`, { enterpriseId, ...(assigneeId ? { assigneeId } : {}) });

export type CheckTaskActionInput =
  | { type: 'start' }
  | { type: 'answer'; itemId: string; result: CheckAnswer['result']; note?: string; photos?: { fileId: string }[] }
  | {
      type: 'add_finding';
      itemId: string | null;
      severity: Severity;
      description: string;
      photos?: { fileId: string }[];
      orderStop?: boolean;
    }
  | { type: 'remove_finding'; findingId: string }
  | { type: 'complete'; summary?: string };

export const actOnCheckTask = (id: number | string, version: number, action: CheckTaskActionInput) =>
  api.post<{ id: number; status: CheckTaskStatus; version: number; orders: number[] }>(`${BASE}/checks/${id}/actions`, {
    ...action,
    version,
  });

export interface RectificationState {
  responses: { at: string; by: { name?: string }; text: string; photos: AttachmentRef[] }[];
  rechecks: {
    at: string;
    by: { name?: string };
    result: 'pass' | 'fail';
    note: string | null;
    photos: AttachmentRef[];
  }[];
  issuedAt: string;
  dueDate: string;
  closedAt: string | null;
}

export interface RectificationDetail extends OrderSummary {
  order: RectificationState;
  timeline: TimelineEvent[];
}

export const listRectifications = (
  query: { status?: string | undefined },
  page: number,
  pageSize: number,
  signal?: AbortSignal,
) =>
  api.get<{ items: OrderSummary[]; total: number }>(
    `${BASE}/rectifications`,
    { ...query, page, pageSize },
    withSignal(signal),
  );

export const getRectification = (id: number | string, signal?: AbortSignal) =>
  api.get<RectificationDetail>(`${BASE}/rectifications/${id}`, undefined, withSignal(signal));

export const respondRectification = (
  id: number | string,
  version: number,
  input: { text: string; photos: AttachmentRef[] },
) =>
  api.post<{ id: number; status: RectificationStatus; version: number }>(`${BASE}/rectifications/${id}/respond`, {
    version,
    text: input.text,
    photos: idsOf(input.photos),
  });

export const recheckRectification = (
  id: number | string,
  version: number,
  input: { result: 'pass' | 'fail'; note?: string; photos: AttachmentRef[] },
) =>
  api.post<{ id: number; status: RectificationStatus; version: number }>(`${BASE}/rectifications/${id}/recheck`, {
    version,
    result: input.result,
    ...(input.note ? { note: input.note } : {}),
    photos: idsOf(input.photos),
  });

/** 解除停工整改 once every stop order of the enterprise is closed (command centre). */
export const liftStop = (
  enterpriseId: number,
  input: { resumeTo: 'not_resumed' | 'partially_resumed' | 'resumed'; note?: string },
) => api.post<{ status: EnterpriseStatus; date: string }>(`${BASE}/enterprises/${enterpriseId}/lift-stop`, input);

// ───────────────────────────── enterprise status ─────────────────────────────

export interface EnterpriseRecord {
  enterprise: { id: number; name: string; countyName: string };
  status: {
    status: EnterpriseStatus;
    statusLabel: string;
    statusDate: string | null;
    granted: boolean;
    normalHeadcount: number;
    plannedHeadcount: number;
    workersBack: number;
    workersBackDate: string | null;
  };
  history: {
    status: EnterpriseStatus;
    statusLabel: string;
    date: string;
    at: string;
    reason: string;
    reasonLabel: string;
    actorName: string | null;
    note: string | null;
  }[];
  workers: { date: string; workersBack: number; reportedAt: string }[];
  timeline: TimelineEvent[];
}

export const getEnterpriseRecord = (enterpriseId: number, signal?: AbortSignal) =>
  api.get<EnterpriseRecord>(`${BASE}/enterprises/${enterpriseId}`, undefined, withSignal(signal));

export const reportWorkers = (input: { date: string; workersBack: number }) =>
  api.post<{ date: string; workersBack: number; statusChanged: boolean }>(`${BASE}/workers`, input);

// ───────────────────────────── command centre ─────────────────────────────

export type Dimension = 'regionCode' | 'zoneCode' | 'industry' | 'size' | 'aboveScale';

export interface RateRow {
  key: Partial<Record<Dimension, string | boolean | null>>;
  label: string;
  enterprises: number;
  operating: number;
  resumed: number;
  partiallyResumed: number;
  notResumed: number;
  stopped: number;
  filed: number;
  plannedWorkers: number;
  workersBack: number;
  normalHeadcount: number;
  /** Display text, e.g. "59.2%" (one decimal, half up; "—" for no denominator). */
  resumptionRate: string;
  fullResumptionRate: string;
  reinstatementRate: string;
  resumptionRatio: { numerator: number; denominator: number };
  reinstatementRatio: { numerator: number; denominator: number };
  summary: string;
}

export interface StatsFilter {
  countyCode?: string;
  zoneCode?: string;
  industry?: string;
  size?: string;
  aboveScale?: boolean;
}

export interface DashboardDto {
  date: string;
  groupBy: Dimension[];
  total: RateRow;
  groups: RateRow[];
  source: string;
}

export const getDashboard = (q: StatsFilter & { date?: string; groupBy: Dimension }, signal?: AbortSignal) =>
  api.get<DashboardDto>(`${BASE}/stats`, { ...q }, withSignal(signal));

export type TrendPointDto = RateRow & { date: string };

export const getTrend = (
  q: { from: string; to: string; countyCode?: string; zoneCode?: string },
  signal?: AbortSignal,
) => api.get<{ points: TrendPointDto[] }>(`${BASE}/stats/trend`, { ...q }, withSignal(signal));

export interface DrillRow {
  enterpriseId: number;
  name: string;
  status: EnterpriseStatus;
  statusLabel: string;
  statusDate: string | null;
  countyName: string;
  zoneName: string | null;
  industry: string;
  size: string | null;
  aboveScale: boolean;
  normalHeadcount: number;
  plannedHeadcount: number;
  workersBack: number;
  filed: boolean;
}

export const getDrillDown = (
  q: StatsFilter & { date?: string; status?: string },
  page: number,
  pageSize: number,
  signal?: AbortSignal,
) =>
  api.get<{ items: DrillRow[]; total: number }>(
    `${BASE}/stats/enterprises`,
    { ...q, page, pageSize },
    withSignal(signal),
  );

export interface OverdueDto {
  applicationId: number;
  enterpriseId: number;
  enterpriseName: string;
  departmentId: number;
  departmentName: string;
  dispatchedAt: string;
  dueAt: string;
  escalatedAt: string | null;
}

export const listOverdue = (signal?: AbortSignal) =>
  api.get<{ items: OverdueDto[] }>(`${BASE}/reviews/overdue`, undefined, withSignal(signal));

export const escalateOverdue = () => api.post<{ escalated: number }>(`${BASE}/reviews/escalate`, {});

export interface OnTimeDto {
  departmentId: number;
  departmentName: string;
  total: number;
  onTime: number;
  late: number;
  overduePending: number;
  pending: number;
  rate: number | null;
  rateText: string;
}

export const listOnTimeRates = (signal?: AbortSignal) =>
  api.get<{ items: OnTimeDto[]; rule: string }>(`${BASE}/reviews/on-time`, undefined, withSignal(signal));

export interface WeeklyReportDto {
  id: number;
  title: string;
  periodStart: string;
  periodEnd: string;
  trigger: string;
  triggerLabel: string;
  summary: string;
  generatedAt: string;
  xlsxUrl: string;
  docxUrl: string;
}

export const listWeeklyReports = (signal?: AbortSignal) =>
  api.get<{ items: WeeklyReportDto[] }>(`${BASE}/reports`, undefined, withSignal(signal));

export const generateWeeklyReport = () => api.post<WeeklyReportDto>(`${BASE}/reports`, {});

export const downloadWeeklyReport = (r: WeeklyReportDto, format: 'xlsx' | 'docx') =>
  downloadFile(format === 'xlsx' ? r.xlsxUrl : r.docxUrl, `${r.title}.${format}`);

// ───────────────────────────── settings: modes, green channel, closures, approval list, lead departments ─────────────────────────────

export type ProvinceMode = 'filing' | 'commitment' | 'approval';
export type GreenChannelFlag = 'epidemicSupplies' | 'essentials' | 'keyList';

export interface CitationDto {
  ref: string;
  quote: string;
}

export interface ClosureRuleDto {
  id: string;
  sectors: string[];
  sectorLabels: string[];
  effect: 'closed' | 'may_defer';
  levels: RiskLevel[];
  jurisdictionPrefix: string;
  jurisdiction: string;
  effectiveFrom?: string;
  liftedOn?: string;
  source: CitationDto;
}

export interface GreenChannelRuleDto {
  category: string;
  label: string;
  divisions: string[];
  flags: GreenChannelFlag[];
  sources: CitationDto[];
}

export interface SettingsDto {
  provinceModes: { medium: ProvinceMode; high: ProvinceMode };
  modeOptions: { value: ProvinceMode; label: string }[];
  modeRules: CitationDto[];
  closureRules: ClosureRuleDto[];
  greenChannel: GreenChannelRuleDto[];
  inspection: unknown;
  versions: { provinceModes: number; closureRules: number; greenChannel: number; inspection: number };
}

export const getSettings = (signal?: AbortSignal) => api.get<SettingsDto>(`${BASE}/settings`, {}, withSignal(signal));

export const saveProvinceModes = (input: { medium: ProvinceMode; high: ProvinceMode; version: number }) =>
  api.put<SettingsDto>(`${BASE}/settings/modes`, input);

export interface ClosureChange {
  id: string;
  levels?: RiskLevel[];
  liftedOn?: string | null;
}

export const saveClosures = (changes: ClosureChange[], version: number) =>
  api.put<SettingsDto>(`${BASE}/settings/closures`, { changes, version });

export const saveGreenChannel = (
  rules: { category: string; divisions: string[]; flags: GreenChannelFlag[] }[],
  version: number,
) => api.put<SettingsDto>(`${BASE}/settings/green-channel`, { rules, version });

export interface ApprovalItemDto {
  code: string;
  name: string;
  sectors: string[];
  procedure: string;
  materials: string[];
  timeLimitWorkingDays: number;
  legalBasis: string;
}

export interface ApprovalListVersionDto {
  listId: string;
  version: number;
  publishedOn: string | null;
  items: ApprovalItemDto[];
}

export interface ApprovalListsDto {
  listId: string;
  today: string;
  inForce: ApprovalListVersionDto | null;
  versions: ApprovalListVersionDto[];
}

export const getApprovalLists = (signal?: AbortSignal) =>
  api.get<ApprovalListsDto>(`${BASE}/approval-lists`, {}, withSignal(signal));

export const publishApprovalList = (publishedOn: string, items: ApprovalItemDto[]) =>
  api.post<ApprovalListVersionDto>(`${BASE}/approval-lists`, { publishedOn, items });

export interface LeadDepartmentRule {
  id: number;
  regionCode: string;
  regionName: string | null;
  enterpriseType: string;
  enterpriseTypeLabel: string;
  departmentId: number;
  departmentName: string;
}

export interface LeadDepartmentsDto {
  enterpriseTypes: { code: string; label: string }[];
  items: LeadDepartmentRule[];
}

export const getLeadDepartments = (signal?: AbortSignal) =>
  api.get<LeadDepartmentsDto>(`${BASE}/lead-departments`, {}, withSignal(signal));

export const setLeadDepartment = (input: { regionCode: string; enterpriseType: string; departmentId: number }) =>
  api.put<unknown>(`${BASE}/lead-departments`, input);

export const removeLeadDepartment = (id: number) => api.del<unknown>(`${BASE}/lead-departments/${id}`);
