/** What the server sends, as the web app reads it (see the route files and DTOs under src/server). */

export type Role = 'admin' | 'leader' | 'dept' | 'cdc' | 'grid' | 'ent_admin' | 'employee' | 'bank';

export type Permission =
  | 'enterprise.read'
  | 'enterprise.create'
  | 'enterprise.update'
  | 'enterprise.import'
  | 'enterprise.export'
  | 'health.roster.read'
  | 'health.roster.manage'
  | 'health.pii.reveal'
  | 'health.facts.manage'
  | 'health.declaration.read'
  | 'health.declaration.record'
  | 'health.anomaly.read'
  | 'health.anomaly.manage'
  | 'health.override'
  | 'health.appeal.decide'
  | 'health.summary.read'
  | 'health.risk_area.read'
  | 'health.risk_area.manage'
  | 'health.export'
  | 'health.admin'
  | 'health.self'
  | 'region.read'
  | 'region.manage'
  | 'department.read'
  | 'department.manage'
  | 'bank.read'
  | 'user.read'
  | 'user.manage'
  | 'audit.read'
  | 'resumption.read'
  | 'resumption.configure'
  | 'resumption.apply'
  | 'resumption.review'
  | 'resumption.inspect'
  | 'resumption.command'
  | 'resumption.stats'
  | 'policy.read'
  | 'policy.apply'
  | 'policy.review'
  | 'policy.pay'
  | 'policy.publish'
  | 'policy.simulate'
  | 'policy.stats'
  | 'policy.config';

export interface CurrentUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  roleLabel: string;
  regionCode: string | null;
  departmentId: number | null;
  enterpriseId: number | null;
  bankId: number | null;
  mustChangePassword: boolean;
  permissions: Permission[];
}

export interface SessionResponse {
  user: CurrentUser;
  csrfToken: string;
}

export interface PageOf<T> {
  items: T[];
  total: number;
}

export interface ItemsOf<T> {
  items: T[];
}

export type SizeClass = 'large' | 'medium' | 'small' | 'micro';
export type FlagName = 'aboveScaleIndustry' | 'aboveQuotaTrade' | 'epidemicSupplies' | 'essentials' | 'chainCore';
export type KeyList = 'national' | 'provincial' | 'municipal';

export interface Enterprise {
  id: number;
  creditCode: string;
  name: string;
  legalRep: string;
  contactName: string;
  contactPhone: string;
  address: string;
  regionCode: string;
  regionPath: string;
  countyCode: string;
  countyName: string | null;
  townshipCode: string | null;
  townshipName: string | null;
  gridCode: string | null;
  zoneCode: string | null;
  zoneName: string | null;
  industryCode: string;
  industrySection: string;
  industryName: string | null;
  employees: number;
  revenueFen: number;
  assetsFen: number;
  sizeClass: SizeClass | null;
  sizeClassLabel: string | null;
  flags: Record<FlagName, boolean>;
  keyList: KeyList | null;
  keyListLabel: string | null;
  liaisonUserId: number | null;
  liaisonName: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type RegionLevel = 'province' | 'city' | 'county' | 'township' | 'village' | 'grid' | 'building' | 'zone';

export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  zoneCode: string | null;
  zoneName: string | null;
  hasChildren: boolean;
}

export interface RegionDetail extends Region {
  path: string;
  ancestors: Region[];
}

export interface Department {
  id: number;
  kind: string;
  name: string;
  shortName: string;
  level: 'city' | 'county';
  regionCode: string;
  regionName: string | null;
  active: boolean;
  sort: number;
}

export interface Bank {
  id: number;
  code: string;
  name: string;
  kind: 'bank' | 'guarantor';
  active: boolean;
}

export interface UserRecord {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  roleLabel: string;
  phone: string | null;
  regionCode: string | null;
  regionName: string | null;
  departmentId: number | null;
  enterpriseId: number | null;
  bankId: number | null;
  disabled: boolean;
  locked: boolean;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}

export interface AuditRecord {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string;
  actorRole: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  requestId: string | null;
  ip: string | null;
  beforeDigest: string | null;
  afterDigest: string | null;
  detail: unknown;
  hash: string;
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  brokenAt?: { id: number; reason: string };
}

export type JobStatus = 'running' | 'succeeded' | 'failed';

export interface Job<R = unknown> {
  id: number;
  kind: string;
  status: JobStatus;
  progress: number;
  total: number;
  message: string | null;
  result: R | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface FieldError {
  field: string;
  message: string;
}

export type ImportStatus = 'validating' | 'ready' | 'importing' | 'confirmed' | 'cancelled' | 'failed';

export interface ImportRow {
  rowNumber: number;
  ok: boolean;
  values: Record<string, string>;
  errors: FieldError[];
}

export interface ImportBatch {
  id: number;
  status: ImportStatus;
  fileName: string;
  totalRows: number | null;
  validRows: number | null;
  errorRows: number | null;
  jobId: number | null;
  createdAt: string;
  confirmedAt: string | null;
  rows: PageOf<ImportRow>;
}

export interface IndustryDivision {
  code: string;
  name: string;
}

export interface IndustrySection {
  code: string;
  name: string;
  divisions: IndustryDivision[];
}

export interface ReferenceData {
  industries: IndustrySection[];
  sizeClasses: Record<SizeClass, string>;
  flags: Record<FlagName, string>;
  keyLists: Record<KeyList, string>;
  roles: Record<Role, string>;
}
