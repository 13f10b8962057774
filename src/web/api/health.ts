import { api } from './client.ts';
import type { ImportStatus, PageOf } from './types.ts';

/** Workforce health (员工健康): 一人一档, declarations, anomalies, overrides, appeals, daily summaries. */

export interface HealthPerson {
  id: number;
  enterpriseId: number;
  enterpriseName?: string;
  name: string;
  residentIdMasked: string;
  sex: 'male' | 'female';
  phone: string | null;
  team: string | null;
  post: string | null;
  keyPost: boolean | null;
  homeRegion: string | null;
  dormitory: boolean;
  returnBatch: string | null;
  returnDate: string | null;
  returnMode: string | null;
  returnModeLabel: string | null;
  travelHistory: string | null;
  contactHistory: string | null;
  category: string | null;
  categoryLabel: string | null;
  needsCard: boolean;
  active: boolean;
  leftOn: string | null;
  userId: number | null;
  username?: string | null;
  status: string | null;
  statusLabel: string | null;
  statusCause: 'rules' | 'override' | null;
  earliestReturnDate: string | null;
  evaluatedOn: string | null;
  statusChangedAt: string | null;
  version: number;
}

/** One reason for a status, with the document line it comes from. */
export interface StatusReason {
  code?: string;
  label: string;
  detail?: string;
  source: string;
  quote?: string;
  kind?: string;
  until?: string | null;
  liftedBy?: string;
}

/** What the rules (and a confirmed override) say about a person now. */
export interface StatusView {
  asOf?: string;
  status: string;
  statusLabel: string;
  byOverride: boolean;
  reasons: StatusReason[];
  earliestReturnDate: string | null;
  overrideExpiresAt?: string;
  canAppeal?: boolean;
  ruleStatus?: string;
  ruleStatusLabel?: string;
  ruleSetId?: string;
  missingFacts?: { fact: string; label: string }[];
  override?: { id: string; reasonCode: string; label: string; expiresAt: string; source: string };
}

export interface Declaration {
  id: number;
  personId: number;
  personName?: string;
  at: string;
  date: string;
  slot: 'morning' | 'afternoon';
  temperatureC: number;
  symptoms: string[];
  place: string;
  regionCode: string | null;
  address: string | null;
  anomaly: boolean;
}

export interface AnomalyEvent {
  from: string | null;
  to: string;
  at: string;
  actorId: string;
  role: string;
  note?: string;
}

export interface AnomalyCase {
  id: number;
  personId: number;
  personName?: string;
  residentIdMasked?: string;
  enterpriseId: number;
  enterpriseName?: string;
  state: string;
  stateLabel?: string;
  source: string;
  detectedAt: string;
  temperatureC: number | null;
  symptoms: string[];
  fever: boolean;
  isolationArea: string | null;
  facility: string | null;
  history: AnomalyEvent[];
  timeline?: { state: string; label: string; at: string; minutesSinceDetected: number }[];
  open: boolean;
  version: number;
}

export interface Override {
  id: number;
  personId: number;
  personName?: string;
  residentIdMasked?: string;
  enterpriseId: number;
  enterpriseName?: string;
  status: string;
  statusLabel?: string;
  reasonCode: string;
  reasonLabel?: string;
  reasonSource?: string | null;
  evidenceRef: string;
  note: string | null;
  proposedBy: number;
  proposedByName?: string;
  proposedAt: string;
  expiresAt: string;
  confirmedBy: number | null;
  confirmedByName?: string | null;
  confirmedAt: string | null;
  state: string;
  stateLabel?: string;
  history?: { state: string; at: string; by: string; note?: string }[];
  version: number;
}

export interface Appeal {
  id: number;
  personId: number;
  personName?: string;
  enterpriseId: number;
  enterpriseName?: string;
  subject: unknown;
  text: string;
  submittedAt: string;
  state: 'submitted' | 'accepted' | 'rejected';
  stateLabel?: string;
  decidedBy?: number | null;
  decidedAt: string | null;
  decisionReason: string | null;
  followUp?: string | null;
  version: number;
}

export interface PersonDetail {
  person: HealthPerson;
  /** The stored evaluation (what passes and lists use). */
  evaluation: StatusView | { error: string } | null;
  /** Evaluated now, with the rules' trace. */
  current: { view: StatusView | null; trace: unknown[]; error?: string } | null;
  facts: {
    travel?: { regionCode: string; place: string; from: string; to: string }[];
    contacts?: { lastContactOn: string; with: string; note?: string }[];
    [key: string]: unknown;
  };
  /** Stored rows as the database keeps them (snake_case); the page reads either form. */
  declarations: object[];
  anomalies: AnomalyCase[];
  overrides: Override[];
  appeals: Appeal[];
}

export interface RosterFilter {
  enterpriseId?: number;
  q?: string;
  team?: string;
  post?: string;
  category?: string;
  status?: string;
  includeLeft?: boolean;
}

const clean = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== '')) as T;

const sig = (signal?: AbortSignal) => (signal ? { signal } : {});

export const listPeople = (filter: RosterFilter, page: number, pageSize: number, signal?: AbortSignal) =>
  api.get<PageOf<HealthPerson>>('/api/health/people', { ...clean(filter), page, pageSize }, sig(signal));

export const getPerson = (id: number, signal?: AbortSignal) =>
  api.get<PersonDetail>(`/api/health/people/${id}`, undefined, sig(signal));

export interface PersonInput {
  enterpriseId?: number;
  residentId?: string;
  name?: string;
  phone?: string | null;
  team?: string | null;
  post?: string | null;
  keyPost?: boolean | null;
  homeRegion?: string | null;
  dormitory?: boolean;
  returnBatch?: string | null;
  returnDate?: string | null;
  returnMode?: string | null;
  travelHistory?: string | null;
  contactHistory?: string | null;
  category?: string | null;
  needsCard?: boolean;
}

export const createPerson = (input: PersonInput) => api.post<HealthPerson>('/api/health/people', input);

export const updatePerson = (id: number, patch: PersonInput & { version: number }) =>
  api.patch<HealthPerson>(`/api/health/people/${id}`, patch);

// Roster import --------------------------------------------------------------------------------------------------

export interface RosterImportRow {
  rowNumber: number;
  ok: boolean;
  /** The row as read, ID number masked. */
  values: Record<string, string>;
  errors: { field: string; message: string }[];
}

export interface RosterImportBatch {
  id: number;
  enterpriseId: number;
  status: ImportStatus;
  fileName: string;
  totalRows: number | null;
  validRows: number | null;
  errorRows: number | null;
  jobId?: number | null;
  createdAt: string;
  confirmedAt: string | null;
  rows: PageOf<RosterImportRow>;
}

/** Checked at once (no job): the answer carries the counts; `jobId` only if the server moves it to a job. */
export const uploadRoster = (file: File, enterpriseId?: number) =>
  api.upload<{ batchId: number; jobId?: number; totalRows?: number; validRows?: number; errorRows?: number }>(
    `/api/health/roster-imports${enterpriseId ? `?enterpriseId=${enterpriseId}` : ''}`,
    file,
  );

export const getRosterImport = (
  id: number,
  only: 'all' | 'errors' | 'valid',
  page: number,
  pageSize: number,
  signal?: AbortSignal,
) => api.get<RosterImportBatch>(`/api/health/roster-imports/${id}`, { only, page, pageSize }, sig(signal));

export const confirmRosterImport = (id: number) =>
  api.post<{ jobId?: number; batchId?: number; written?: number; skipped?: number }>(
    `/api/health/roster-imports/${id}/confirm`,
  );

export const cancelRosterImport = (id: number) => api.post(`/api/health/roster-imports/${id}/cancel`);

// Declarations -----------------------------------------------------------------------------------------------------

export interface UndeclaredEntry {
  personId: number;
  name: string;
  residentIdMasked?: string;
  team: string | null;
  phone?: string | null;
  enterpriseName?: string;
  required: number;
  made: number;
  missingSlots?: string[];
  message?: string;
}

export const listUndeclared = (query: { date?: string; enterpriseId?: number }, signal?: AbortSignal) =>
  api.get<{ enterpriseId: number; date: string; items: UndeclaredEntry[]; headcount: number }>(
    '/api/health/undeclared',
    clean(query),
    sig(signal),
  );

// Anomalies --------------------------------------------------------------------------------------------------------

export interface AnomalyFilter {
  state?: string;
  open?: boolean;
  enterpriseId?: number;
}

export const listAnomalies = (filter: AnomalyFilter, page: number, pageSize: number, signal?: AbortSignal) =>
  api.get<PageOf<AnomalyCase>>('/api/health/anomalies', { ...clean(filter), page, pageSize }, sig(signal));

export interface AnomalyStep {
  to: string;
  version?: number;
  at?: string;
  isolationArea?: string;
  facility?: string;
  recheckTemperatureC?: number;
  note?: string;
}

export const moveAnomaly = (id: number, step: AnomalyStep) =>
  api.post<AnomalyCase>(`/api/health/anomalies/${id}/transition`, step);

// Daily summaries --------------------------------------------------------------------------------------------------

export interface DailySummary {
  enterpriseId: string;
  date: string;
  asAt: string;
  headcount: number;
  byStatus: { status: string; label: string; count: number }[];
  twiceDaily: number;
  declarations: number;
  fullyDeclared: number;
  undeclared: number;
  feverDeclarations: number;
  symptomDeclarations: number;
  maxTemperatureC: number | null;
  anomalies: { newToday: number; open: number; byState: { state: string; label: string; count: number }[] };
  unknownStatus: number;
}

/** 员工健康日报: one enterprise's counts for a day (no names), generated automatically for the CDC. */
export interface DailySummaryRow {
  enterpriseId: number;
  enterpriseName: string;
  countyCode: string;
  generatedAt: string;
  summary: DailySummary;
}

export const listSummaries = (
  query: { date?: string; enterpriseId?: number },
  page: number,
  pageSize: number,
  signal?: AbortSignal,
) =>
  api.get<PageOf<DailySummaryRow> & { date: string }>(
    '/api/health/summaries',
    { ...clean(query), page, pageSize },
    sig(signal),
  );

// Overrides (人工研判) ------------------------------------------------------------------------------------------------

export interface OverrideInput {
  personId: number;
  status: string;
  reasonCode: string;
  evidenceRef: string;
  expiresAt: string;
  note?: string;
}

export const listOverrides = (query: { state?: string; personId?: number }, signal?: AbortSignal) =>
  api.get<PageOf<Override>>('/api/health/overrides', { ...clean(query), page: 1, pageSize: 100 }, sig(signal));

export const proposeOverride = (input: OverrideInput) => api.post<Override>('/api/health/overrides', input);

export const confirmOverride = (o: Pick<Override, 'id' | 'version'>) =>
  api.post<Override>(`/api/health/overrides/${o.id}/confirm`, { version: o.version });

export const rejectOverride = (o: Pick<Override, 'id' | 'version'>, reason: string) =>
  api.post<Override>(`/api/health/overrides/${o.id}/reject`, { version: o.version, reason });

export const withdrawOverride = (o: Pick<Override, 'id' | 'version'>) =>
  api.post<Override>(`/api/health/overrides/${o.id}/withdraw`, { version: o.version });

export const revokeOverride = (o: Pick<Override, 'id' | 'version'>, reason: string) =>
  api.post<Override>(`/api/health/overrides/${o.id}/revoke`, { version: o.version, reason });

// Appeals ----------------------------------------------------------------------------------------------------------

export const listAppeals = (query: { state?: string }, signal?: AbortSignal) =>
  api.get<PageOf<Appeal>>('/api/health/appeals', { ...clean(query), page: 1, pageSize: 100 }, sig(signal));

export const decideAppeal = (a: Pick<Appeal, 'id' | 'version'>, decision: 'accepted' | 'rejected', reason: string) =>
  api.post<Appeal>(`/api/health/appeals/${a.id}/decide`, { version: a.version, decision, reason });

// The employee's own pages -----------------------------------------------------------------------------------------

export interface MyHealth {
  person: HealthPerson;
  evaluation: StatusView | { error: string } | null;
  declarationRequirement: { count: number; slots: string[]; basis: string };
  today: { date: string; declarations: Declaration[] };
  recentDeclarations: Declaration[];
  overrides: Override[];
  appeals: Appeal[];
}

/** 404 when the account is not linked to a roster entry (the page says so). */
export const getMyHealth = (signal?: AbortSignal) => api.get<MyHealth>('/api/health/me', undefined, sig(signal));

/** Today's declarations: how many are due and how many were made. */
export function todayProgress(me: MyHealth | undefined | null): { required: number; made: number } | null {
  if (!me) return null;
  return { required: me.declarationRequirement.count, made: me.today.declarations.length };
}

/** The status view of a stored evaluation, or null when it could not be evaluated. */
export function statusViewOf(e: StatusView | { error: string } | null | undefined): StatusView | null {
  return e && 'status' in e ? e : null;
}

export interface DeclarationInput {
  temperatureC: number;
  symptoms: string[];
  location: { place: string; regionCode?: string; address?: string };
}

export interface DeclarationOutcome {
  ok: true;
  id: number;
  duplicate: boolean;
  anomaly: boolean;
  caseId: number | null;
}

export const declare = (input: DeclarationInput, idempotencyKey: string) =>
  api.post<DeclarationOutcome>('/api/health/me/declarations', input, {
    headers: { 'Idempotency-Key': idempotencyKey },
  });

export const submitAppeal = (input: { text: string; overrideId?: number }) =>
  api.post<Appeal>('/api/health/me/appeals', input);

/** A fresh idempotency key for one submission (kept while the user retries the same one). */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export const getAnomaly = (id: number, signal?: AbortSignal) =>
  api.get<AnomalyCase>(`/api/health/anomalies/${id}`, undefined, sig(signal));

/** Link an employee account: a new one (must change its password at first login) or an existing employee's. */
export const linkAccount = (personId: number, input: { username: string; password: string } | { userId: number }) =>
  api.post<{ personId: number; userId: number }>(`/api/health/people/${personId}/account`, input);

/** 标记离职: the person's passes are revoked. */
export const markLeft = (personId: number, on: string) =>
  api.post<{ id: number; leftOn: string; passesRevoked: number[] }>(`/api/health/people/${personId}/left`, { on });

/** The full ID number for a CDC user; every view is audited. */
export const revealResidentId = (personId: number) =>
  api.post<{ id: number; residentId: string }>(`/api/health/people/${personId}/reveal-id`);

export interface TravelStay {
  regionCode: string;
  place: string;
  from: string;
  to: string;
}

export interface ContactEvent {
  lastContactOn: string;
  with: 'confirmed' | 'asymptomatic';
  note?: string;
}

/** Record facts the rules read (travel: enterprise and CDC; contacts and medical facts: CDC); evaluated at once. */
export const updateFacts = (
  personId: number,
  version: number,
  facts: { travel?: TravelStay[]; contacts?: ContactEvent[] },
) => api.put<{ person: HealthPerson }>(`/api/health/people/${personId}/facts`, { version, facts });

// Risk-area register (风险地区名录) ----------------------------------------------------------------------------------

export type RiskLevel = 'low' | 'medium' | 'high';

export interface RiskArea {
  id: number;
  regionCode: string;
  name: string;
  level: RiskLevel | null;
  levelLabel: string | null;
  keyArea: boolean;
  localCluster: boolean;
  validFrom: string;
  validTo: string | null;
  source: string;
  createdBy: number | null;
  createdByName?: string | null;
  createdAt: string;
}

export interface RiskAreaInput {
  regionCode: string;
  name: string;
  level: RiskLevel | null;
  keyArea: boolean;
  localCluster: boolean;
  validFrom: string;
  validTo: string | null;
  source: string;
}

/** What a write to the register did: the entry, how many people were re-evaluated, whose status changed. */
export interface RiskAreaOutcome {
  riskArea: RiskArea;
  reevaluated: number;
  changed: { personId: number; from: string | null; to: string }[];
}

export const listRiskAreas = (
  query: { regionCode?: string; activeOn?: string },
  page: number,
  pageSize: number,
  signal?: AbortSignal,
) => api.get<PageOf<RiskArea>>('/api/health/risk-areas', { ...clean(query), page, pageSize }, sig(signal));

export const addRiskArea = (input: RiskAreaInput) => api.post<RiskAreaOutcome>('/api/health/risk-areas', input);

export const endRiskArea = (id: number, input: { on: string; reason: string }) =>
  api.post<RiskAreaOutcome>(`/api/health/risk-areas/${id}/end`, input);
