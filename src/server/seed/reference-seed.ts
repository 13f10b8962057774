import { prefixAncestors } from '../../domain/registry/region-code.ts';
import { functionalZones, jiangxiRegions, nanchangVillages } from '../../domain/registry/reference-data.ts';
import type { Db } from '../db/database.ts';
import type { Insertable } from 'kysely';
import type { DepartmentTable, RegionRow } from '../db/schema.ts';
import { DEPARTMENT_KINDS } from '../registry/department-kinds.ts';

/**
 * Reference data every installation needs: the region tree (GB/T 2260 Jiangxi, Nanchang villages, functional
 * zones) and the starting departments. Runs once, on an empty regions table.
 */
export async function seedReferenceData(db: Db, now: Date): Promise<{ regions: number; departments: number } | null> {
  const existing = await db.kysely.selectFrom('regions').select('code').limit(1).executeTakeFirst();
  if (existing) return null;
  const at = now.toISOString();
  const zoneOfTownship = new Map<string, string>();
  for (const zone of functionalZones) for (const t of zone.townships) zoneOfTownship.set(t, zone.code);

  const rows: RegionRow[] = [];
  const add = (code: string, name: string, level: RegionRow['level'], parent: string | null, zone: string | null) => {
    const a = prefixAncestors(code);
    rows.push({
      code,
      name,
      level,
      parent_code: parent,
      zone_code: zone,
      city_code: a.city ?? null,
      county_code: a.county ?? null,
      township_code: a.township ?? null,
      created_by: null,
      created_at: at,
    });
  };
  for (const r of jiangxiRegions)
    add(r.code, r.name, r.level, r.parent, r.level === 'township' ? (zoneOfTownship.get(r.code) ?? null) : null);
  for (const v of nanchangVillages) add(v.code, v.name, 'village', v.parent, zoneOfTownship.get(v.parent) ?? null);
  for (const z of functionalZones) {
    rows.push({
      code: z.code,
      name: z.name,
      level: 'zone',
      parent_code: z.city,
      zone_code: null,
      city_code: z.city,
      county_code: null,
      township_code: null,
      created_by: null,
      created_at: at,
    });
  }

  const departments: Insertable<DepartmentTable>[] = [];
  const cityAndCounties = jiangxiRegions.filter(
    (r) => r.code === '3601' || (r.level === 'county' && r.parent === '3601'),
  );
  for (const region of cityAndCounties) {
    const prefix = region.name;
    DEPARTMENT_KINDS.forEach((k, i) => {
      departments.push({
        kind: k.kind,
        name: `${prefix}${k.suffix}`,
        short_name: `${region.level === 'city' ? '市' : prefix}${k.short}`,
        level: region.level === 'city' ? ('city' as const) : ('county' as const),
        region_code: region.code,
        active: 1,
        sort: i,
        created_at: at,
        updated_at: at,
      });
    });
  }
  for (const zone of functionalZones) {
    // Functional zones run their own economic-development and social-affairs offices.
    for (const [i, k] of DEPARTMENT_KINDS.filter((d) => ['gxj', 'scjg', 'rsj', 'wjw'].includes(d.kind)).entries()) {
      departments.push({
        kind: k.kind,
        name: `${zone.name}${k.suffix}`,
        short_name: `${zone.name.replace(/^南昌/, '').slice(0, 4)}${k.short}`,
        level: 'county' as const,
        region_code: zone.code,
        active: 1,
        sort: i,
        created_at: at,
        updated_at: at,
      });
    }
  }

  await db.kysely.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 500)
      await trx
        .insertInto('regions')
        .values(rows.slice(i, i + 500))
        .execute();
    for (let i = 0; i < departments.length; i += 500)
      await trx
        .insertInto('departments')
        .values(departments.slice(i, i + 500))
        .execute();
  });
  return { regions: rows.length, departments: departments.length };
}
