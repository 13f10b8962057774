import { createRng } from '../../domain/demo/random.ts';
import type { AppConfig } from '../config.ts';
import type { Db } from '../db/database.ts';
import type { NewEnterprise } from '../db/schema.ts';
import { hashPassword } from '../auth/passwords.ts';
import { industrySectionOf } from '../registry/industries.ts';
import { DEMO_ACCOUNTS, DEMO_BANKS, DEMO_PASSWORD } from './demo-accounts.ts';
import { seedDemoPolicies } from './demo-policies.ts';
import { seedDemoResumption } from './demo-resumption.ts';
import { seedDemoHealth } from './demo-health.ts';
import type { DemoPlace } from './demo-enterprises.ts';
import {
  CITY_ENTERPRISES,
  HIGHTECH_ABOVE_SCALE,
  HIGHTECH_ENTERPRISES,
  HIGHTECH_ZONE,
  NANCHANG_AREAS,
  demoEnterprise,
} from './demo-enterprises.ts';

export interface DemoSeedOptions {
  log?: { info: (obj: unknown, msg?: string) => void };
  /** Smaller data sets for tests; defaults are the README's figures. */
  hightechEnterprises?: number;
  cityEnterprises?: number;
  seed?: string;
}

/**
 * Deterministic demo data on an empty registry: banks, ~12,000 enterprises (2,928 in the High-tech Zone, seed 001
 * L27), a few grids, and one demo account per role. Everything is generated from a fixed seed; credit codes and
 * phone numbers are built to belong to nobody (src/domain/demo).
 */
export async function seedDemoData(db: Db, config: AppConfig, options: DemoSeedOptions = {}) {
  const any = await db.kysely.selectFrom('enterprises').select('id').limit(1).executeTakeFirst();
  if (any) return null;
  const rng = createRng(options.seed ?? 'shuangsheng-demo-2020');
  const at = new Date('2020-02-10T09:00:00+08:00').toISOString();
  const regions = await db.kysely.selectFrom('regions').selectAll().execute();
  const townshipsOf = (county: string) => regions.filter((r) => r.level === 'township' && r.parent_code === county);
  const villagesByTownship = new Map<string, typeof regions>();
  for (const r of regions) {
    if (r.level !== 'village') continue;
    const list = villagesByTownship.get(r.parent_code!) ?? [];
    list.push(r);
    villagesByTownship.set(r.parent_code!, list);
  }
  const villagesOf = (t: string) => villagesByTownship.get(t) ?? [];

  const enterprises: NewEnterprise[] = [];
  // The High-tech Zone: its townships, and exactly 181 above-scale industrial firms.
  const zoneTownships = regions.filter((r) => r.level === 'township' && r.zone_code === HIGHTECH_ZONE);
  const qsh = NANCHANG_AREAS.find((a) => a.code === '360111')!;
  const zonePlace: DemoPlace = { area: qsh, townships: zoneTownships, villagesOf, zone: HIGHTECH_ZONE };
  const zoneRng = rng.fork('hightech');
  const hightechCount = options.hightechEnterprises ?? HIGHTECH_ENTERPRISES;
  let aboveScaleLeft = Math.round((HIGHTECH_ABOVE_SCALE * hightechCount) / HIGHTECH_ENTERPRISES);
  for (let i = 0; i < hightechCount; i++) {
    const e = demoEnterprise(zoneRng, zonePlace, at, aboveScaleLeft > 0 ? null : false);
    if (e.is_above_scale_industry) aboveScaleLeft--;
    enterprises.push(e);
  }
  // Make up the count of above-scale firms among the zone's industrial firms if chance fell short.
  for (const e of enterprises) {
    if (aboveScaleLeft <= 0) break;
    const d = Number(e.industry_code.slice(0, 2));
    if (!e.is_above_scale_industry && d >= 6 && d <= 46) {
      e.revenue_fen = Math.max(e.revenue_fen, 2_000_000_000 + 1_000_000 * 500);
      e.is_above_scale_industry = 1;
      aboveScaleLeft--;
    }
  }
  const cityRng = rng.fork('city');
  const cityCount = options.cityEnterprises ?? CITY_ENTERPRISES;
  const totalWeight = NANCHANG_AREAS.reduce((s, a) => s + a.weight, 0);
  for (const area of NANCHANG_AREAS) {
    const townships = townshipsOf(area.code).filter((t) => t.zone_code !== HIGHTECH_ZONE);
    const n = Math.round((cityCount * area.weight) / totalWeight);
    for (let i = 0; i < n && townships.length > 0; i++) {
      enterprises.push(demoEnterprise(cityRng, { area, townships, villagesOf, zone: null }, at, null));
    }
  }
  const seenCodes = new Set<string>();
  const unique = enterprises.filter((e) => !seenCodes.has(e.credit_code) && seenCodes.add(e.credit_code));
  for (const e of unique) e.industry_section = industrySectionOf(e.industry_code) ?? 'S';

  const hash = await hashPassword(DEMO_PASSWORD, config.argon2);
  const departments = await db.kysely.selectFrom('departments').selectAll().execute();

  const counts = await db.kysely.transaction().execute(async (trx) => {
    for (const b of DEMO_BANKS)
      await trx
        .insertInto('banks')
        .values({ ...b, active: 1, created_at: at })
        .execute();
    for (let i = 0; i < unique.length; i += 500)
      await trx
        .insertInto('enterprises')
        .values(unique.slice(i, i + 500))
        .execute();
    const firstHightech = await trx
      .selectFrom('enterprises')
      .select('id')
      .where('zone_code', '=', HIGHTECH_ZONE)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const firstDonghu = await trx
      .selectFrom('enterprises')
      .select('id')
      .where('county_code', '=', '360102')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const banks = await trx.selectFrom('banks').select(['id', 'code']).execute();
    const userIds: Record<string, number> = {};
    for (const account of DEMO_ACCOUNTS) {
      const s = account.scope;
      const dept =
        s.kind === 'department'
          ? departments.find((d) => d.kind === s.departmentKind && d.region_code === s.regionCode)
          : undefined;
      const row = await trx
        .insertInto('users')
        .values({
          username: account.username,
          display_name: account.displayName,
          role: account.role,
          phone: null,
          region_code: s.kind === 'region' ? s.code : (dept?.region_code ?? null),
          department_id: dept?.id ?? null,
          enterprise_id:
            s.kind === 'enterprise' && s.which !== 'resumption-approval'
              ? s.which === 'first-in-hightech'
                ? firstHightech.id
                : firstDonghu.id
              : null,
          bank_id: s.kind === 'bank' ? (banks.find((b) => b.code === s.code)?.id ?? null) : null,
          password_hash: hash,
          must_change_password: 0,
          failed_logins: 0,
          locked_until: null,
          disabled: 0,
          last_login_at: null,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      userIds[account.username] = row.id;
    }
    // The grid officer is liaison (驻企联络员) for the first 20 firms of its township.
    const gridUser = DEMO_ACCOUNTS.find((a) => a.username === 'grid')!;
    const township = gridUser.scope.kind === 'region' ? gridUser.scope.code : '';
    const liaisonFor = await trx
      .selectFrom('enterprises')
      .select('id')
      .where('township_code', '=', township)
      .orderBy('id')
      .limit(20)
      .execute();
    if (liaisonFor.length) {
      await trx
        .updateTable('enterprises')
        .set({ liaison_user_id: userIds.grid! })
        .where(
          'id',
          'in',
          liaisonFor.map((e) => e.id),
        )
        .execute();
    }
    // A few grids under the grid officer's township (the four-level organisation of seed 000 L119).
    for (const [i, name] of ['第一网格', '第二网格', '第三网格'].entries()) {
      const code = `${township}000${String(i + 1).padStart(3, '0')}`;
      const parent = regions.find((r) => r.code === township);
      if (!parent) break;
      await trx
        .insertInto('regions')
        .values({
          code,
          name,
          level: 'grid',
          parent_code: township,
          zone_code: parent.zone_code,
          city_code: parent.city_code,
          county_code: parent.county_code,
          township_code: township,
          created_by: null,
          created_at: at,
        })
        .execute();
    }
    return { enterprises: unique.length, users: DEMO_ACCOUNTS.length, banks: DEMO_BANKS.length };
  });
  const policies = await seedDemoPolicies(db, config);
  const resumption = await seedDemoResumption(db, config);
  options.log?.info({ resumption }, '复工复产演示数据');
  const health = await seedDemoHealth(db, config);
  options.log?.info({ health }, '员工健康演示数据');
  options.log?.info({ ...counts, policies }, '演示数据');
  return counts;
}
