import { prefixAncestors } from '../../domain/registry/region-code.ts';
import { classifyEnterpriseSize } from '../../domain/registry/size-class.ts';
import { fakeCreditCode } from '../../domain/demo/identifiers.ts';
import type { NanchangArea } from '../../domain/demo/names.ts';
import { NANCHANG_AREAS, fakeAddress, fakeEnterprise, fakeMobile, fakePersonName } from '../../domain/demo/names.ts';
import type { Rng } from '../../domain/demo/random.ts';
import type { NewEnterprise, RegionRow } from '../db/schema.ts';

/** Seed 001 L27: the High-tech Zone reports 2,928 enterprises filed and 181 above-scale industrial firms. */
export const HIGHTECH_ZONE = 'Z360101';
export const HIGHTECH_ENTERPRISES = 2928;
export const HIGHTECH_ABOVE_SCALE = 181;
/** Enterprises elsewhere in the city. */
export const CITY_ENTERPRISES = 9000;

const isIndustry = (code: string) => {
  const d = Number(code.slice(0, 2));
  return d >= 6 && d <= 46;
};

/** 规模以上工业: annual main-business revenue of ¥20 million or more (国家统计局 since 2011). */
const ABOVE_SCALE_REVENUE_FEN = 2_000_000_000;

/** A skewed size: most firms are small, a few are large. */
function employeesOf(rng: Rng): number {
  const r = rng.next();
  if (r < 0.55) return rng.int(3, 19);
  if (r < 0.85) return rng.int(20, 99);
  if (r < 0.96) return rng.int(100, 299);
  if (r < 0.995) return rng.int(300, 999);
  return rng.int(1000, 5000);
}

export interface DemoPlace {
  area: NanchangArea;
  townships: RegionRow[];
  villagesOf: (township: string) => RegionRow[];
  zone: string | null;
}

export function demoEnterprise(rng: Rng, place: DemoPlace, at: string, aboveScale: boolean | null): NewEnterprise {
  const township = rng.pick(place.townships);
  // A zone spans counties: name and address the firm after the county its township lies in.
  const area = NANCHANG_AREAS.find((a) => a.code === township.county_code) ?? place.area;
  const base = fakeEnterprise(rng, area);
  const villages = place.villagesOf(township.code);
  const regionCode = villages.length > 0 && rng.chance(0.6) ? rng.pick(villages).code : township.code;
  const employees = employeesOf(rng);
  let revenueFen =
    Math.round(employees * rng.int(15, 120) * 1_000_000 * rng.next()) + rng.int(100_000, 5_000_000) * 100;
  if (aboveScale === true && isIndustry(base.industryCode))
    revenueFen = Math.max(revenueFen, ABOVE_SCALE_REVENUE_FEN + rng.int(0, 80_000) * 1_000_000);
  if (aboveScale === false && isIndustry(base.industryCode))
    revenueFen = Math.min(revenueFen, ABOVE_SCALE_REVENUE_FEN - rng.int(1, 1000) * 1_000_000);
  const assetsFen = Math.round(revenueFen * (0.4 + rng.next() * 1.6));
  const industryCode = base.industryCode;
  const division = Number(industryCode.slice(0, 2));
  const a = prefixAncestors(regionCode);
  const wholesale = division === 51 && revenueFen >= 2_000_000_000;
  const retail = division === 52 && revenueFen >= 500_000_000;
  const hospitality = (division === 61 || division === 62) && revenueFen >= 200_000_000;
  return {
    credit_code: fakeCreditCode(rng, area.code),
    name: base.name,
    legal_rep: fakePersonName(rng),
    contact_name: fakePersonName(rng),
    contact_phone: fakeMobile(rng),
    address: fakeAddress(rng, area),
    region_code: regionCode,
    city_code: a.city!,
    county_code: a.county!,
    township_code: a.township ?? null,
    grid_code: null,
    zone_code: place.zone ?? township.zone_code,
    industry_code: industryCode,
    industry_section: '',
    employees,
    revenue_fen: revenueFen,
    assets_fen: assetsFen,
    size_class: classifyEnterpriseSize({ industryCode, employees, revenueFen, assetsFen }).sizeClass,
    is_above_scale_industry: isIndustry(industryCode) && revenueFen >= ABOVE_SCALE_REVENUE_FEN ? 1 : 0,
    is_above_quota_trade: wholesale || retail || hospitality ? 1 : 0,
    is_epidemic_supplies: [27, 17, 18, 35].includes(division) && rng.chance(0.08) ? 1 : 0,
    is_essentials: [13, 14, 52, 51, 54, 58].includes(division) && rng.chance(0.1) ? 1 : 0,
    is_chain_core: isIndustry(industryCode) && rng.chance(0.04) ? 1 : 0,
    key_list: rng.chance(0.01) ? rng.pick(['national', 'provincial', 'municipal']) : null,
    liaison_user_id: null,
    import_batch_id: null,
    version: 1,
    created_at: at,
    updated_at: at,
  };
}

export { NANCHANG_AREAS };
