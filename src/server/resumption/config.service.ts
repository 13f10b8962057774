import type {
  AreaKind,
  GreenChannelRule,
  InspectionConfig,
  ProvinceModes,
  RiskLevel,
  RiskLevelSetting,
  SectorClosureRule,
} from '../../domain/resumption/index.ts';
import {
  CLOSURE_SECTOR_LABELS,
  GREEN_CHANNEL_CATEGORIES,
  MODE_LABELS,
  MODE_RULES,
  RISK_LEVEL_BY_CODE,
  RISK_LEVELS,
  areaHistory,
  setRiskLevel,
  settingAsOf,
  validateGreenChannelRules,
  validateInspectionConfig,
} from '../../domain/resumption/index.ts';
import type { SessionUser } from '../access/session-user.ts';
import type { AuditActor } from '../audit/audit.ts';
import { writeAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { badRequest, conflict, fieldProblem, forbidden } from '../http/problem.ts';
import { actorOf, shanghaiDay } from './actors.ts';
import type { ResumptionSettings, SettingKey } from './config.store.ts';
import { loadRiskHistory, loadSettings, saveSetting } from './config.store.ts';

export const NANCHANG = '3601';

export interface Area {
  code: string;
  name: string;
  kind: AreaKind;
}

/** The areas that carry a risk level: Nanchang's counties and its functional zones. */
export function levelAreas(app: AppContext): Area[] {
  const out: Area[] = [];
  for (const r of app.regions.children(NANCHANG)) {
    if (r.level === 'county') out.push({ code: r.code, name: r.name, kind: 'county' });
  }
  for (const r of app.regions.all()) {
    if (r.level === 'zone' && r.city_code === NANCHANG)
      out.push({ code: r.code, name: r.name, kind: 'functional_zone' });
  }
  return out.sort((a, b) => (a.kind === b.kind ? (a.code < b.code ? -1 : 1) : a.kind === 'county' ? -1 : 1));
}

/** Command-centre users of the city (or administrators) set every area; a county or zone leader sets its own. */
function canSetLevel(user: SessionUser, areaCode: string): boolean {
  if (user.role === 'admin') return true;
  if (user.role !== 'leader' || !user.regionCode) return false;
  return user.regionCode === areaCode || NANCHANG.startsWith(user.regionCode);
}

function settingDto(s: RiskLevelSetting) {
  return {
    id: Number(s.id),
    areaCode: s.areaCode,
    areaKind: s.areaKind,
    level: s.level,
    levelLabel: RISK_LEVEL_BY_CODE[s.level].label,
    effectiveFrom: s.effectiveFrom,
    setAt: s.setAt,
    setBy: s.setBy.name ?? null,
    basis: s.basis,
  };
}

/** Every area with its level today, the next scheduled change and its history; the colours for the map. */
export async function riskOverview(app: AppContext, date?: string) {
  const today = shanghaiDay(app.clock.now());
  const on = date ?? today;
  const history = await loadRiskHistory(app.db.kysely);
  const areas = levelAreas(app).map((a) => {
    const current = settingAsOf(history, a.code, on);
    const future = areaHistory(history, a.code).filter((s) => s.effectiveFrom > on);
    return {
      ...a,
      level: current?.level ?? null,
      levelLabel: current ? RISK_LEVEL_BY_CODE[current.level].label : '未设定',
      effectiveFrom: current?.effectiveFrom ?? null,
      basis: current?.basis ?? null,
      next: future[0] ? settingDto(future[0]) : null,
      history: areaHistory(history, a.code).map(settingDto).reverse(),
    };
  });
  return {
    date: on,
    today,
    levels: RISK_LEVELS.map((l) => ({ code: l.code, label: l.label, color: l.color })),
    areas,
  };
}

export interface SetLevelInput {
  areaCode: string;
  level: RiskLevel;
  effectiveFrom: string;
  basis: string;
}

export async function setAreaLevel(app: AppContext, user: SessionUser, actor: AuditActor, input: SetLevelInput) {
  const area = levelAreas(app).find((a) => a.code === input.areaCode);
  if (!area) throw fieldProblem('areaCode', '区域：应为南昌市的县（区）或功能区');
  if (!canSetLevel(user, area.code)) throw forbidden('只有指挥部可以设定本区域的风险等级');
  const now = app.clock.now();
  return app.db.kysely.transaction().execute(async (trx) => {
    const history = await loadRiskHistory(trx);
    const result = setRiskLevel(
      history,
      { ...input, id: `new-${now.getTime()}`, areaCode: area.code, areaKind: area.kind },
      actorOf(user),
      now.toISOString(),
    );
    if (!result.ok) {
      const field = result.error.startsWith('生效日期')
        ? 'effectiveFrom'
        : result.error.startsWith('依据')
          ? 'basis'
          : 'level';
      throw fieldProblem(field, result.error);
    }
    const row = await trx
      .insertInto('resumption_risk_levels')
      .values({
        area_code: area.code,
        area_kind: area.kind,
        level: input.level,
        effective_from: input.effectiveFrom,
        set_at: now.toISOString(),
        set_by: user.id,
        set_by_name: user.displayName,
        basis: input.basis.trim(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(
      trx,
      app.db.dialect,
      actor,
      {
        action: 'resumption.risk_level.set',
        objectType: 'risk_level',
        objectId: row.id,
        after: row,
        summary: `${area.name}风险等级自${input.effectiveFrom}起为${RISK_LEVEL_BY_CODE[input.level].label}`,
      },
      now,
    );
    return {
      ...settingDto({ ...result.setting, id: String(row.id) }),
      message: result.event.message.replace(area.code, area.name),
    };
  });
}

// ───────────────────────────── settings ─────────────────────────────

export async function settingsOverview(app: AppContext) {
  const s = await loadSettings(app.db.kysely);
  return {
    provinceModes: s.provinceModes,
    modeOptions: (['filing', 'commitment', 'approval'] as const).map((m) => ({ value: m, label: MODE_LABELS[m] })),
    modeRules: Object.values(MODE_RULES),
    closureRules: s.closureRules.map((r) => ({
      ...r,
      sectorLabels: r.sectors.map((x) => CLOSURE_SECTOR_LABELS[x as keyof typeof CLOSURE_SECTOR_LABELS] ?? x),
    })),
    greenChannel: s.greenChannel.map((r) => ({
      ...r,
      label: GREEN_CHANNEL_CATEGORIES.find((c) => c.code === r.category)?.label ?? r.category,
      sources: GREEN_CHANNEL_CATEGORIES.find((c) => c.code === r.category)?.sources ?? [],
    })),
    inspection: s.inspection,
    versions: s.versions,
  };
}

function checkSettingValue<K extends SettingKey>(key: K, value: ResumptionSettings[K]): string[] {
  switch (key) {
    case 'provinceModes': {
      const m = value as ProvinceModes;
      const ok = (x: string) => x === 'filing' || x === 'commitment' || x === 'approval';
      return ok(m.medium) && ok(m.high) ? [] : ['复工方式：应为备案、告知承诺或审批'];
    }
    case 'greenChannel':
      return validateGreenChannelRules(value as GreenChannelRule[]);
    case 'inspection':
      return validateInspectionConfig(value as InspectionConfig);
    case 'closureRules': {
      const errors: string[] = [];
      for (const r of value as SectorClosureRule[]) {
        if (r.levels.length === 0) errors.push(`暂缓开业规则「${r.id}」适用风险等级：至少选择一个`);
        if (r.liftedOn && r.effectiveFrom && r.liftedOn < r.effectiveFrom)
          errors.push(`暂缓开业规则「${r.id}」解除日期：不得早于生效日期`);
      }
      return errors;
    }
  }
  return [];
}

export async function updateSetting<K extends SettingKey>(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  key: K,
  value: ResumptionSettings[K],
  version: number,
) {
  if (user.role !== 'admin' && !(user.role === 'leader' && user.regionCode && NANCHANG.startsWith(user.regionCode))) {
    throw forbidden('全省统一的复工复产方式、绿色通道和暂缓开业规则由市级以上指挥部或管理员设定');
  }
  const errors = checkSettingValue(key, value);
  if (errors.length)
    throw badRequest(
      errors.join('；'),
      key,
      errors.map((message) => ({ field: key, message })),
    );
  const now = app.clock.now();
  await app.db.kysely.transaction().execute(async (trx) => {
    const before = (await loadSettings(trx))[key];
    if (!(await saveSetting(trx, key, value, version, now.toISOString(), user.id))) {
      throw conflict('该设置已被他人修改，请刷新后重试', 'version');
    }
    await writeAudit(
      trx,
      app.db.dialect,
      actor,
      { action: `resumption.settings.${key}`, objectType: 'resumption_setting', objectId: key, before, after: value },
      now,
    );
  });
  return settingsOverview(app);
}

/** Closure rules: the command centre may lift a rule (from a date) or change the levels it applies at. */
export function mergeClosureRules(
  current: readonly SectorClosureRule[],
  changes: readonly { id: string; levels?: RiskLevel[]; liftedOn?: string | null }[],
): SectorClosureRule[] {
  return current.map((r) => {
    const c = changes.find((x) => x.id === r.id);
    if (!c) return r;
    const { liftedOn: _old, ...rest } = r;
    const next: SectorClosureRule = {
      ...rest,
      ...(c.levels ? { levels: c.levels } : {}),
      ...(c.liftedOn === undefined
        ? r.liftedOn
          ? { liftedOn: r.liftedOn }
          : {}
        : c.liftedOn
          ? { liftedOn: c.liftedOn }
          : {}),
    };
    return next;
  });
}
