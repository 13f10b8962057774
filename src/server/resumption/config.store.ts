import type { Kysely, Selectable, Transaction } from 'kysely';
import type {
  ApprovalList,
  ConditionList,
  GreenChannelRule,
  InspectionConfig,
  LeadDepartmentRule,
  ProvinceModes,
  RiskLevelHistory,
  RiskLevelSetting,
  SectorClosureRule,
} from '../../domain/resumption/index.ts';
import {
  DEFAULT_CLOSURE_RULES,
  DEFAULT_GREEN_CHANNEL_RULES,
  DEFAULT_INSPECTION_CONFIG,
  versionInForce,
} from '../../domain/resumption/index.ts';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import type { ConditionListTable } from '../db/schema-resumption.ts';

export type Q = Kysely<Database> | Transaction<Database>;

// ───────────────────────────── settings ─────────────────────────────

/**
 * Province-wide settings. Medium and high risk default to 审批, which applies only to sectors on the published
 * approval list; every other enterprise files (备案) — "清单之外一律不得实施审批" (seed 003 L26).
 */
export interface ResumptionSettings {
  provinceModes: ProvinceModes;
  closureRules: readonly SectorClosureRule[];
  greenChannel: readonly GreenChannelRule[];
  inspection: InspectionConfig;
}

export type SettingKey = keyof ResumptionSettings;

export const DEFAULT_SETTINGS: ResumptionSettings = {
  provinceModes: { medium: 'approval', high: 'approval' },
  closureRules: DEFAULT_CLOSURE_RULES,
  greenChannel: DEFAULT_GREEN_CHANNEL_RULES,
  inspection: DEFAULT_INSPECTION_CONFIG,
};

export interface LoadedSettings extends ResumptionSettings {
  versions: Record<SettingKey, number>;
}

export async function loadSettings(db: Q): Promise<LoadedSettings> {
  const rows = await db.selectFrom('resumption_settings').selectAll().execute();
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const read = <K extends SettingKey>(key: K): ResumptionSettings[K] => {
    const row = byKey.get(key);
    return row ? (JSON.parse(row.value) as ResumptionSettings[K]) : DEFAULT_SETTINGS[key];
  };
  return {
    provinceModes: read('provinceModes'),
    closureRules: read('closureRules'),
    greenChannel: read('greenChannel'),
    inspection: read('inspection'),
    versions: {
      provinceModes: byKey.get('provinceModes')?.version ?? 0,
      closureRules: byKey.get('closureRules')?.version ?? 0,
      greenChannel: byKey.get('greenChannel')?.version ?? 0,
      inspection: byKey.get('inspection')?.version ?? 0,
    },
  };
}

/** Writes one setting if it is still at `expectedVersion` (0 = never saved); false when someone saved first. */
export async function saveSetting<K extends SettingKey>(
  trx: Q,
  key: K,
  value: ResumptionSettings[K],
  expectedVersion: number,
  at: string,
  userId: number | null,
): Promise<boolean> {
  if (expectedVersion === 0) {
    const exists = await trx.selectFrom('resumption_settings').select('key').where('key', '=', key).executeTakeFirst();
    if (exists) return false;
    await trx
      .insertInto('resumption_settings')
      .values({ key, value: JSON.stringify(value), version: 1, updated_at: at, updated_by: userId })
      .execute();
    return true;
  }
  const r = await trx
    .updateTable('resumption_settings')
    .set({ value: JSON.stringify(value), version: expectedVersion + 1, updated_at: at, updated_by: userId })
    .where('key', '=', key)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ───────────────────────────── risk levels ─────────────────────────────

export async function loadRiskHistory(db: Q): Promise<RiskLevelHistory> {
  const rows = await db.selectFrom('resumption_risk_levels').selectAll().orderBy('id').execute();
  return rows.map((r): RiskLevelSetting => ({
    id: String(r.id),
    areaCode: r.area_code,
    areaKind: r.area_kind,
    level: r.level,
    effectiveFrom: r.effective_from,
    setAt: r.set_at,
    setBy: { userId: String(r.set_by ?? 'system'), role: 'command_centre', name: r.set_by_name },
    basis: r.basis,
  }));
}

// ───────────────────────────── condition lists ─────────────────────────────

export interface StoredConditionList extends ConditionList {
  templateIds: readonly string[];
  createdAt: string;
}

type ListRow = Selectable<ConditionListTable>;

function listRows(db: Q) {
  return db.selectFrom('resumption_condition_lists').selectAll();
}

function toList(r: ListRow): StoredConditionList {
  return {
    listId: r.list_id,
    version: r.version,
    title: r.title,
    subject: r.subject,
    riskLevels: JSON.parse(r.risk_levels) as ConditionList['riskLevels'],
    jurisdiction: r.jurisdiction,
    publishedOn: r.published_on,
    items: JSON.parse(r.items) as ConditionList['items'],
    sources: JSON.parse(r.sources) as ConditionList['sources'],
    templateIds: JSON.parse(r.template_ids) as string[],
    createdAt: r.created_at,
  };
}

export async function loadConditionLists(db: Q): Promise<StoredConditionList[]> {
  const rows = await listRows(db).orderBy('list_id').orderBy('version').execute();
  return rows.map(toList);
}

/** Published versions never change, so they are kept in memory once read. */
const publishedCache = new Map<string, ConditionList>();

function cacheKey(db: Db | Q, listId: string, version: number) {
  // One cache per database (tests open many): key by the Kysely instance.
  return `${listId}@${version}@${cacheIdOf(db)}`;
}

const cacheIds = new WeakMap<object, number>();
let nextCacheId = 1;
function cacheIdOf(db: object): number {
  let id = cacheIds.get(db);
  if (id === undefined) cacheIds.set(db, (id = nextCacheId++));
  return id;
}

/** A published list version (what applications and check tasks were made against). */
export async function publishedListVersion(
  db: Db,
  listId: string,
  version: number,
  q: Q = db.kysely,
): Promise<ConditionList> {
  const key = cacheKey(db, listId, version);
  const cached = publishedCache.get(key);
  if (cached) return cached;
  const row = await listRows(q).where('list_id', '=', listId).where('version', '=', version).executeTakeFirstOrThrow();
  const list = toList(row);
  const { templateIds: _t, createdAt: _c, ...plain } = list;
  if (row.published_on !== null) publishedCache.set(key, plain);
  return plain;
}

// ───────────────────────────── approval list ─────────────────────────────

/** The one province-wide list of approvals (清单管理), versioned. */
export const APPROVAL_LIST_ID = 'jx-resumption-approvals';

export async function loadApprovalLists(db: Q): Promise<ApprovalList[]> {
  const rows = await db.selectFrom('resumption_approval_lists').selectAll().orderBy('version').execute();
  return rows.map((r) => ({
    listId: r.list_id,
    version: r.version,
    publishedOn: r.published_on,
    items: JSON.parse(r.items) as ApprovalList['items'],
  }));
}

/** The approval list in force on a date; an empty published list when none was ever published (nothing approved). */
export function approvalListAsOf(lists: readonly ApprovalList[], date: string): ApprovalList {
  let best: ApprovalList | undefined;
  for (const l of lists) {
    if (l.publishedOn === null || l.publishedOn > date) continue;
    if (!best || l.version > best.version) best = l;
  }
  return best ?? { listId: APPROVAL_LIST_ID, version: 0, publishedOn: null, items: [] };
}

export { versionInForce };

// ───────────────────────────── lead departments ─────────────────────────────

export interface StoredLeadRule extends LeadDepartmentRule {
  id: number;
  departmentId: number;
}

export async function loadLeadRules(db: Q): Promise<StoredLeadRule[]> {
  const rows = await db
    .selectFrom('resumption_lead_departments as l')
    .innerJoin('departments as d', 'd.id', 'l.department_id')
    .select(['l.id', 'l.region_code', 'l.enterprise_type', 'l.department_id', 'd.name'])
    .orderBy('l.region_code')
    .orderBy('l.enterprise_type')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    regionCode: r.region_code,
    enterpriseType: r.enterprise_type,
    departmentId: r.department_id,
    departmentCode: String(r.department_id),
    departmentName: r.name,
  }));
}
