import { nextChildCode, regionLevelOfCode } from '../../domain/registry/region-code.ts';
import type { SessionUser } from '../access/session-user.ts';
import { regionScopeOf } from '../access/scope.ts';
import { writeAudit } from '../audit/audit.ts';
import type { AuditActor } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import type { RegionRow } from '../db/schema.ts';
import { fieldProblem, forbidden, notFound } from '../http/problem.ts';

export interface RegionDto {
  code: string;
  name: string;
  level: RegionRow['level'];
  parentCode: string | null;
  zoneCode: string | null;
  zoneName: string | null;
  hasChildren: boolean;
}

export function toRegionDto(app: AppContext, r: RegionRow): RegionDto {
  return {
    code: r.code,
    name: r.name,
    level: r.level,
    parentCode: r.parent_code,
    zoneCode: r.zone_code,
    zoneName: app.regions.name(r.zone_code),
    hasChildren: r.level === 'zone' ? app.regions.zoneHasTownships(r.code) : app.regions.children(r.code).length > 0,
  };
}

/**
 * May this user see the node? Its own subtree and the ancestors of its region (for breadcrumbs); a zone user sees
 * the zone and the townships the zone administers.
 */
export function canSeeRegion(app: AppContext, user: SessionUser, code: string): boolean {
  const scope = regionScopeOf(user);
  if (scope.kind === 'all') return true;
  return isInside(app, code, scope.regionCode) || scope.regionCode.startsWith(code);
}

/** Is `code` inside the subtree rooted at `root` (a GB code or a zone)? */
export function isInside(app: AppContext, code: string, root: string): boolean {
  if (regionLevelOfCode(root) === 'zone') {
    if (code === root) return true;
    return app.regions.get(code)?.zone_code === root;
  }
  return code.startsWith(root);
}

export function canManageRegion(app: AppContext, user: SessionUser, code: string): boolean {
  const scope = regionScopeOf(user);
  return scope.kind === 'all' || isInside(app, code, scope.regionCode);
}

export function listChildren(app: AppContext, user: SessionUser, parentCode: string | null): RegionDto[] {
  const scope = regionScopeOf(user);
  let parent = parentCode;
  if (parent === null) parent = scope.kind === 'all' ? '36' : scope.regionCode;
  if (!app.regions.get(parent)) throw notFound('区域不存在');
  if (!canSeeRegion(app, user, parent)) throw notFound('区域不存在');
  // Ancestors are visible for breadcrumbs, but their other children are not.
  const children =
    regionLevelOfCode(parent) === 'zone'
      ? [...app.regions.all()].filter((r) => r.zone_code === parent && r.level === 'township')
      : app.regions.children(parent).filter((r) => r.level !== 'zone');
  return children.filter((r) => canSeeRegion(app, user, r.code)).map((r) => toRegionDto(app, r));
}

export function getRegion(app: AppContext, user: SessionUser, code: string) {
  const node = app.regions.get(code);
  if (!node || !canSeeRegion(app, user, code)) throw notFound('区域不存在');
  const ancestors: RegionDto[] = [];
  let p = app.regions.get(node.parent_code);
  while (p) {
    ancestors.unshift(toRegionDto(app, p));
    p = app.regions.get(p.parent_code);
  }
  return { ...toRegionDto(app, node), path: app.regions.path(code), ancestors };
}

export function listZones(app: AppContext, user: SessionUser): RegionDto[] {
  return [...app.regions.all()]
    .filter((r) => r.level === 'zone' && canSeeRegion(app, user, r.code))
    .map((r) => toRegionDto(app, r));
}

/** Grids (网格) and buildings (楼栋) are created by county users under a township or community (seed 000 L119). */
export async function createGridOrBuilding(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  input: { parentCode: string; level: 'grid' | 'building'; name: string },
): Promise<RegionDto> {
  const parent = app.regions.get(input.parentCode);
  if (!parent) throw fieldProblem('parentCode', '上级区域：不存在');
  if (!canManageRegion(app, user, parent.code)) throw forbidden('无权在该区域下建立网格或楼栋');
  const allowedParents = input.level === 'grid' ? ['township', 'village'] : ['grid'];
  if (!allowedParents.includes(parent.level)) {
    throw fieldProblem(
      'parentCode',
      input.level === 'grid' ? '上级区域：网格只能建在乡镇（街道）或村（社区）下' : '上级区域：楼栋只能建在网格下',
    );
  }
  const siblings = app.regions.children(parent.code);
  if (siblings.some((s) => s.name === input.name)) throw fieldProblem('name', `名称：“${input.name}”在该区域下已存在`);
  const { db, clock } = app;
  const now = clock.now();
  const created = await db.kysely.transaction().execute(async (trx) => {
    // Read the used codes inside the transaction so two creations cannot take the same number.
    const existing = await trx.selectFrom('regions').select('code').where('parent_code', '=', parent.code).execute();
    const code = nextChildCode(
      parent.code,
      input.level,
      existing.map((e) => e.code),
    );
    const row: RegionRow = {
      code,
      name: input.name,
      level: input.level,
      parent_code: parent.code,
      zone_code: parent.zone_code,
      city_code: parent.city_code,
      county_code: parent.county_code,
      township_code: parent.township_code ?? (parent.level === 'township' ? parent.code : null),
      created_by: user.id,
      created_at: now.toISOString(),
    };
    await trx.insertInto('regions').values(row).execute();
    await writeAudit(
      trx,
      db.dialect,
      actor,
      {
        action: 'region.create',
        objectType: 'region',
        objectId: code,
        after: row,
        summary: `新建${input.level === 'grid' ? '网格' : '楼栋'}“${input.name}”`,
      },
      now,
    );
    return row;
  });
  await app.regions.reload();
  return toRegionDto(app, created);
}

export async function renameGridOrBuilding(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  code: string,
  name: string,
): Promise<RegionDto> {
  const node = app.regions.get(code);
  if (!node || !canSeeRegion(app, user, code)) throw notFound('区域不存在');
  if (!canManageRegion(app, user, code)) throw forbidden('无权修改该区域');
  if (node.level !== 'grid' && node.level !== 'building')
    throw forbidden('行政区划名称来自国家标准，不能修改；只能修改网格和楼栋');
  const { db, clock } = app;
  const now = clock.now();
  await db.kysely.transaction().execute(async (trx) => {
    await trx.updateTable('regions').set({ name }).where('code', '=', code).execute();
    await writeAudit(
      trx,
      db.dialect,
      actor,
      {
        action: 'region.rename',
        objectType: 'region',
        objectId: code,
        before: { name: node.name },
        after: { name },
        summary: `更名为“${name}”`,
      },
      now,
    );
  });
  await app.regions.reload();
  return toRegionDto(app, app.regions.get(code)!);
}
