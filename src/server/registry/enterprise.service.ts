import { prefixAncestors, regionLevelOfCode } from '../../domain/registry/region-code.ts';
import { classifyEnterpriseSize } from '../../domain/registry/size-class.ts';
import { ENTERPRISE_SELF_EDITABLE } from '../access/roles.ts';
import type { SessionUser } from '../access/session-user.ts';
import { enterpriseScopeOf } from '../access/scope.ts';
import type { AuditActor } from '../audit/audit.ts';
import { writeAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import type { EnterpriseRow, NewEnterprise } from '../db/schema.ts';
import type { FieldError } from '../http/problem.ts';
import { Problem, conflict, fieldProblem, forbidden, notFound } from '../http/problem.ts';
import type { EnterpriseDto } from './enterprise.dto.ts';
import { FLAG_COLUMNS, toEnterpriseDto } from './enterprise.dto.ts';
import type { EnterpriseInput, EnterprisePatch } from './enterprise.schema.ts';
import { enterprisePatchSchema } from './enterprise.schema.ts';
import { labelAt } from '../http/validation.ts';
import type { EnterpriseFilter } from './enterprise.store.ts';
import { findEnterprise, listEnterprises } from './enterprise.store.ts';
import { industrySectionOf } from './industries.ts';
import { canManageRegion } from './regions.service.ts';

export type PlaceColumns = Pick<
  NewEnterprise,
  'region_code' | 'city_code' | 'county_code' | 'township_code' | 'grid_code' | 'zone_code'
>;

/** Columns derived from the place: the scope filters compare these, so they are computed once here. */
export function placeColumns(
  app: AppContext,
  regionCode: string,
  zoneCode: string | null | undefined,
): { columns: PlaceColumns } | { error: FieldError } {
  const region = app.regions.get(regionCode);
  const level = regionLevelOfCode(regionCode);
  if (!region || !level || ['province', 'city', 'zone'].includes(level)) {
    return {
      error: { field: 'regionCode', message: '所在区域：应为已登记的县（区）、乡镇（街道）、村（社区）、网格或楼栋' },
    };
  }
  if (zoneCode && app.regions.get(zoneCode)?.level !== 'zone') {
    return { error: { field: 'zoneCode', message: '功能区：不存在' } };
  }
  const ancestors = prefixAncestors(regionCode);
  return {
    columns: {
      region_code: regionCode,
      city_code: ancestors.city!,
      county_code: ancestors.county!,
      township_code: ancestors.township ?? null,
      grid_code: regionCode.length >= 15 ? regionCode.slice(0, 15) : null,
      // A township administered by a functional zone puts its enterprises in that zone unless told otherwise.
      zone_code: zoneCode ?? region.zone_code ?? null,
    },
  };
}

/** The row for a new enterprise from checked input (the API and the Excel import write the same row). */
export function newEnterpriseRow(
  input: EnterpriseInput,
  place: PlaceColumns,
  section: string,
  now: string,
  importBatchId: number | null = null,
): NewEnterprise {
  const flags = input.flags ?? {};
  return {
    credit_code: input.creditCode,
    name: input.name,
    legal_rep: input.legalRep,
    contact_name: input.contactName,
    contact_phone: input.contactPhone,
    address: input.address,
    ...place,
    industry_code: input.industryCode,
    industry_section: section,
    employees: input.employees,
    revenue_fen: input.revenueFen,
    assets_fen: input.assetsFen,
    size_class: sizeClassOf(input.industryCode, input.employees, input.revenueFen, input.assetsFen),
    is_above_scale_industry: flags.aboveScaleIndustry ? 1 : 0,
    is_above_quota_trade: flags.aboveQuotaTrade ? 1 : 0,
    is_epidemic_supplies: flags.epidemicSupplies ? 1 : 0,
    is_essentials: flags.essentials ? 1 : 0,
    is_chain_core: flags.chainCore ? 1 : 0,
    key_list: input.keyList ?? null,
    liaison_user_id: input.liaisonUserId ?? null,
    import_batch_id: importBatchId,
    version: 1,
    created_at: now,
    updated_at: now,
  };
}

export function sizeClassOf(industryCode: string, employees: number, revenueFen: number, assetsFen: number) {
  return classifyEnterpriseSize({ industryCode, employees, revenueFen, assetsFen }).sizeClass;
}

async function assertLiaison(app: AppContext, liaisonUserId: number | null | undefined): Promise<void> {
  if (!liaisonUserId) return;
  const liaison = await app.db.kysely
    .selectFrom('users')
    .select(['role', 'disabled'])
    .where('id', '=', liaisonUserId)
    .executeTakeFirst();
  if (!liaison || liaison.role !== 'grid' || liaison.disabled) {
    throw fieldProblem('liaisonUserId', '驻企联络员：应为在用的网格员/驻企联络员账号');
  }
}

async function liaisonNameOf(app: AppContext, id: number | null): Promise<string | null> {
  if (!id) return null;
  const u = await app.db.kysely.selectFrom('users').select('display_name').where('id', '=', id).executeTakeFirst();
  return u?.display_name ?? null;
}

export async function searchEnterprises(
  app: AppContext,
  user: SessionUser,
  filter: EnterpriseFilter,
  page: { page: number; pageSize: number },
): Promise<{ items: EnterpriseDto[]; total: number }> {
  const { rows, total } = await listEnterprises(app.db, enterpriseScopeOf(user), filter, page);
  return { items: rows.map((r) => toEnterpriseDto(app, r)), total };
}

export async function getEnterprise(app: AppContext, user: SessionUser, id: number): Promise<EnterpriseDto> {
  const row = await findEnterprise(app.db, enterpriseScopeOf(user), id);
  if (!row) throw notFound('企业不存在或不在您的管辖范围内');
  return toEnterpriseDto(app, row, await liaisonNameOf(app, row.liaison_user_id));
}

export async function createEnterprise(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  input: EnterpriseInput,
): Promise<EnterpriseDto> {
  const place = placeColumns(app, input.regionCode, input.zoneCode);
  if ('error' in place) throw fieldProblem(place.error.field, place.error.message);
  if (
    !canManageRegion(app, user, input.regionCode) &&
    !(input.zoneCode && canManageRegion(app, user, input.zoneCode))
  ) {
    throw forbidden('所在区域不在您的管辖范围内');
  }
  const section = industrySectionOf(input.industryCode);
  if (!section) throw fieldProblem('industryCode', '行业代码：不是 GB/T 4754-2017 中的行业');
  await assertLiaison(app, input.liaisonUserId);
  const { db, clock } = app;
  const now = clock.now().toISOString();
  const row = newEnterpriseRow(input, place.columns, section, now);

  const created = await db.kysely.transaction().execute(async (trx) => {
    const duplicate = await trx
      .selectFrom('enterprises')
      .select('id')
      .where('credit_code', '=', row.credit_code)
      .executeTakeFirst();
    if (duplicate) throw conflict('统一社会信用代码：该企业已登记', 'creditCode');
    const inserted = await trx.insertInto('enterprises').values(row).returningAll().executeTakeFirstOrThrow();
    await writeAudit(
      trx,
      db.dialect,
      actor,
      {
        action: 'enterprise.create',
        objectType: 'enterprise',
        objectId: inserted.id,
        after: inserted,
        summary: `登记企业“${inserted.name}”`,
      },
      clock.now(),
    );
    return inserted;
  });
  return toEnterpriseDto(app, created, await liaisonNameOf(app, created.liaison_user_id));
}

const PATCH_COLUMNS: Record<string, (p: EnterprisePatch) => Partial<EnterpriseRow>> = {
  name: (p) => ({ name: p.name! }),
  legalRep: (p) => ({ legal_rep: p.legalRep! }),
  contactName: (p) => ({ contact_name: p.contactName! }),
  contactPhone: (p) => ({ contact_phone: p.contactPhone! }),
  address: (p) => ({ address: p.address! }),
  employees: (p) => ({ employees: p.employees! }),
  revenueFen: (p) => ({ revenue_fen: p.revenueFen! }),
  assetsFen: (p) => ({ assets_fen: p.assetsFen! }),
  keyList: (p) => ({ key_list: p.keyList ?? null }),
  liaisonUserId: (p) => ({ liaison_user_id: p.liaisonUserId ?? null }),
};

export async function updateEnterprise(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  id: number,
  patch: EnterprisePatch,
): Promise<EnterpriseDto> {
  const scope = enterpriseScopeOf(user);
  const current = await findEnterprise(app.db, scope, id);
  if (!current) throw notFound('企业不存在或不在您的管辖范围内');
  const fields = Object.keys(patch).filter((k) => k !== 'version' && patch[k as keyof EnterprisePatch] !== undefined);
  if (user.role === 'ent_admin') {
    const notAllowed = fields.filter((f) => !(ENTERPRISE_SELF_EDITABLE as readonly string[]).includes(f));
    if (notAllowed.length > 0) {
      throw new Problem(
        403,
        '无权访问',
        `以下信息由主管部门维护，企业不能修改：${notAllowed.map((f) => labelAt(enterprisePatchSchema, [f]) ?? f).join('、')}`,
        notAllowed[0],
        notAllowed.map((field) => ({ field, message: '由主管部门维护，企业不能修改' })),
      );
    }
  }
  const changes: Partial<EnterpriseRow> = {};
  for (const f of fields) Object.assign(changes, PATCH_COLUMNS[f]?.(patch) ?? {});
  if (patch.regionCode !== undefined || patch.zoneCode !== undefined) {
    const regionCode = patch.regionCode ?? current.region_code;
    const place = placeColumns(app, regionCode, patch.zoneCode === undefined ? current.zone_code : patch.zoneCode);
    if ('error' in place) throw fieldProblem(place.error.field, place.error.message);
    if (!canManageRegion(app, user, regionCode)) throw forbidden('所在区域：不在您的管辖范围内');
    Object.assign(changes, place.columns);
  }
  if (patch.industryCode !== undefined) {
    const section = industrySectionOf(patch.industryCode);
    if (!section) throw fieldProblem('industryCode', '行业代码：不是 GB/T 4754-2017 中的行业');
    Object.assign(changes, { industry_code: patch.industryCode, industry_section: section });
  }
  if (patch.flags) {
    for (const [name, value] of Object.entries(patch.flags)) {
      if (value !== undefined)
        Object.assign(changes, { [FLAG_COLUMNS[name as keyof typeof FLAG_COLUMNS]]: value ? 1 : 0 });
    }
  }
  if (patch.liaisonUserId !== undefined) await assertLiaison(app, patch.liaisonUserId);
  const next = { ...current, ...changes };
  next.size_class = sizeClassOf(next.industry_code, next.employees, next.revenue_fen, next.assets_fen);
  const { db, clock } = app;
  const now = clock.now();
  const updated = await db.kysely.transaction().execute(async (trx) => {
    // Optimistic concurrency: the update applies only to the version the user edited.
    const result = await trx
      .updateTable('enterprises')
      .set({ ...changes, size_class: next.size_class, version: current.version + 1, updated_at: now.toISOString() })
      .where('id', '=', id)
      .where('version', '=', patch.version)
      .returningAll()
      .executeTakeFirst();
    if (!result) throw conflict('该企业信息已被他人修改，请刷新后重新编辑', 'version');
    await writeAudit(
      trx,
      db.dialect,
      actor,
      {
        action: 'enterprise.update',
        objectType: 'enterprise',
        objectId: id,
        before: current,
        after: result,
        summary: `修改企业“${result.name}”`,
      },
      now,
    );
    return result;
  });
  return toEnterpriseDto(app, updated, await liaisonNameOf(app, updated.liaison_user_id));
}
