// Typed access to the committed reference data of the registry (一企一档):
//  - data/regions/jiangxi.json            GB/T 2260 tree of Jiangxi, province → city → county → township (NBS codes)
//  - data/regions/nanchang-villages.json  villages / communities of Nanchang
//  - data/regions/functional-zones.json   hand-curated functional zones (高新区, 经开区 …) grouping townships
//  - data/industries/gbt4754-2017.json    GB/T 4754-2017 sections and divisions
//  - data/geo/nanchang-counties.json      county boundaries of Nanchang for echarts.registerMap
// Provenance of each file is in the SOURCE.md beside it. The data is static: it is checked once, when this module
// loads, and a malformed file fails loudly instead of producing wrong answers later.
import jiangxiJson from '../../../data/regions/jiangxi.json' with { type: 'json' };
import villagesJson from '../../../data/regions/nanchang-villages.json' with { type: 'json' };
import zonesJson from '../../../data/regions/functional-zones.json' with { type: 'json' };
import industriesJson from '../../../data/industries/gbt4754-2017.json' with { type: 'json' };
import countiesGeoJson from '../../../data/geo/nanchang-counties.json' with { type: 'json' };

export const JIANGXI_PROVINCE_CODE = '36';
export const NANCHANG_CITY_CODE = '3601';

export const REGION_LEVELS = ['province', 'city', 'county', 'township', 'village'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/** A division of the GB/T 2260 tree (NBS statistical code: 2, 4, 6, 9 or 12 digits). */
export interface Region {
  readonly code: string;
  readonly name: string;
  readonly level: RegionLevel;
  /** Code of the parent region; null for the province. */
  readonly parent: string | null;
}

/** A village or community (村/居委会): always has its township as parent. */
export interface Village extends Region {
  readonly level: 'village';
  readonly parent: string;
}

export type ZoneConfidence = 'high' | 'medium' | 'low';

/** Why one township belongs to a zone, and how sure the curation is. */
export interface ZoneMembershipBasis {
  readonly township: string;
  readonly name: string;
  readonly confidence: ZoneConfidence;
  readonly reason: string;
}

/** A township that may belong to a zone but is not a member until confirmed. */
export interface ZoneCandidate {
  readonly township: string;
  readonly name: string;
  readonly reason: string;
}

/** A functional zone (功能区): not a GB/T 2260 division; groups township-level units of its city. */
export interface FunctionalZone {
  /** `Z` + city code + 2 digits, e.g. `Z360101`. */
  readonly code: string;
  readonly name: string;
  readonly shortName: string;
  readonly kind: string;
  readonly city: string;
  readonly townships: readonly string[];
  readonly basis: readonly ZoneMembershipBasis[];
  readonly candidates: readonly ZoneCandidate[];
  readonly source: string;
  readonly note: string;
}

export interface IndustryDivision {
  /** Two digits, `01`–`97`. */
  readonly code: string;
  readonly name: string;
  /** Section letter, `A`–`T`. */
  readonly section: string;
}

export interface IndustrySection {
  readonly code: string;
  readonly name: string;
  readonly divisions: readonly IndustryDivision[];
}

export interface CountyFeatureProperties {
  readonly code: string;
  readonly name: string;
  /** Label point [longitude, latitude], read by ECharts. */
  readonly cp: readonly [number, number];
}

export interface CountyFeature {
  readonly type: 'Feature';
  readonly properties: CountyFeatureProperties;
  readonly geometry:
    | { readonly type: 'Polygon'; readonly coordinates: readonly (readonly (readonly number[])[])[] }
    | { readonly type: 'MultiPolygon'; readonly coordinates: readonly (readonly (readonly (readonly number[])[])[])[] };
}

export interface CountyFeatureCollection {
  readonly type: 'FeatureCollection';
  readonly features: readonly CountyFeature[];
}

function invalid(file: string, detail: string): never {
  throw new Error(`参考数据格式错误（${file}）：${detail}`);
}

function isRegionLevel(value: string): value is RegionLevel {
  return (REGION_LEVELS as readonly string[]).includes(value);
}

function isConfidence(value: string): value is ZoneConfidence {
  return value === 'high' || value === 'medium' || value === 'low';
}

const CODE_LENGTH: Record<RegionLevel, number> = { province: 2, city: 4, county: 6, township: 9, village: 12 };

function loadRegions(): readonly Region[] {
  const file = 'data/regions/jiangxi.json';
  return Object.freeze(
    jiangxiJson.map((r): Region => {
      if (!isRegionLevel(r.level) || r.level === 'village') invalid(file, `${r.code} 的层级 ${r.level} 无效`);
      if (r.code.length !== CODE_LENGTH[r.level]) invalid(file, `${r.code} 的长度与层级 ${r.level} 不符`);
      return Object.freeze({ code: r.code, name: r.name, level: r.level, parent: r.parent });
    }),
  );
}

function loadVillages(): readonly Village[] {
  const file = 'data/regions/nanchang-villages.json';
  return Object.freeze(
    villagesJson.map((v): Village => {
      if (v.code.length !== CODE_LENGTH.village) invalid(file, `${v.code} 不是 12 位村级代码`);
      return Object.freeze({ code: v.code, name: v.name, level: 'village', parent: v.parent });
    }),
  );
}

function loadZones(): readonly FunctionalZone[] {
  const file = 'data/regions/functional-zones.json';
  return Object.freeze(
    zonesJson.zones.map((z): FunctionalZone =>
      Object.freeze({
        code: z.code,
        name: z.name,
        shortName: z.shortName,
        kind: z.kind,
        city: z.city,
        townships: Object.freeze([...z.townships]),
        basis: Object.freeze(
          z.basis.map((b): ZoneMembershipBasis => {
            if (!isConfidence(b.confidence)) invalid(file, `${z.code} ${b.township} 的可信度 ${b.confidence} 无效`);
            return Object.freeze({ township: b.township, name: b.name, confidence: b.confidence, reason: b.reason });
          }),
        ),
        candidates: Object.freeze(
          z.candidates.map((c): ZoneCandidate =>
            Object.freeze({ township: c.township, name: c.name, reason: c.reason }),
          ),
        ),
        source: z.source,
        note: z.note,
      }),
    ),
  );
}

function loadIndustrySections(): readonly IndustrySection[] {
  return Object.freeze(
    industriesJson.sections.map((s): IndustrySection =>
      Object.freeze({
        code: s.code,
        name: s.name,
        divisions: Object.freeze(
          s.divisions.map((d): IndustryDivision => Object.freeze({ code: d.code, name: d.name, section: s.code })),
        ),
      }),
    ),
  );
}

function loadCountiesGeo(): CountyFeatureCollection {
  const file = 'data/geo/nanchang-counties.json';
  if (countiesGeoJson.type !== 'FeatureCollection') invalid(file, '不是 FeatureCollection');
  const features = countiesGeoJson.features.map((f): CountyFeature => {
    const { code, name, cp } = f.properties;
    if (cp.length !== 2) invalid(file, `${code} 的 cp 不是经纬度`);
    const properties: CountyFeatureProperties = { code, name, cp: [cp[0] as number, cp[1] as number] };
    if (f.geometry.type === 'Polygon') {
      return {
        type: 'Feature',
        properties,
        geometry: { type: 'Polygon', coordinates: f.geometry.coordinates as number[][][] },
      };
    }
    if (f.geometry.type === 'MultiPolygon') {
      const coordinates = f.geometry.coordinates as unknown as number[][][][];
      return { type: 'Feature', properties, geometry: { type: 'MultiPolygon', coordinates } };
    }
    return invalid(file, `${code} 的几何类型 ${f.geometry.type} 不支持`);
  });
  return Object.freeze({ type: 'FeatureCollection', features: Object.freeze(features) });
}

/** Every region of Jiangxi down to township level, sorted by code. */
export const jiangxiRegions: readonly Region[] = loadRegions();
/** Every village / community (村/居委会) of Nanchang, level `village`, parent = township code, sorted by code. */
export const nanchangVillages: readonly Village[] = loadVillages();
/** Functional zones of Nanchang (codes `Z3601xx`). */
export const functionalZones: readonly FunctionalZone[] = loadZones();
/** GB/T 4754-2017 sections A–T, each with its divisions. */
export const industrySections: readonly IndustrySection[] = loadIndustrySections();
/** GB/T 4754-2017 divisions 01–97 in code order. */
export const industryDivisions: readonly IndustryDivision[] = Object.freeze(
  industrySections.flatMap((s) => s.divisions),
);
/** County boundaries of Nanchang: pass to `echarts.registerMap('南昌市', nanchangCountiesGeoJson as never)`. */
export const nanchangCountiesGeoJson: CountyFeatureCollection = loadCountiesGeo();

const regionsByCode: ReadonlyMap<string, Region> = new Map(
  [...jiangxiRegions, ...nanchangVillages].map((r) => [r.code, r] as const),
);
const childrenByCode: ReadonlyMap<string, readonly Region[]> = (() => {
  const children = new Map<string, Region[]>();
  for (const r of regionsByCode.values()) {
    if (r.parent === null) continue;
    const list = children.get(r.parent);
    if (list) list.push(r);
    else children.set(r.parent, [r]);
  }
  return children;
})();
const zonesByCode: ReadonlyMap<string, FunctionalZone> = new Map(functionalZones.map((z) => [z.code, z] as const));
const zoneByTownship: ReadonlyMap<string, FunctionalZone> = new Map(
  functionalZones.flatMap((z) => z.townships.map((t) => [t, z] as const)),
);
const divisionsByCode: ReadonlyMap<string, IndustryDivision> = new Map(
  industryDivisions.map((d) => [d.code, d] as const),
);
const sectionsByCode: ReadonlyMap<string, IndustrySection> = new Map(industrySections.map((s) => [s.code, s] as const));

/** The region with this code (province to village), or undefined. */
export function findRegion(code: string): Region | undefined {
  return regionsByCode.get(code);
}

/** Direct children of a region, in code order (villages only exist for Nanchang). */
export function regionChildren(code: string): readonly Region[] {
  return childrenByCode.get(code) ?? [];
}

/**
 * Ancestors of a region from the province down to its direct parent (the region itself excluded).
 * Throws for a code that is not in the data.
 */
export function regionAncestors(code: string): readonly Region[] {
  const region = regionsByCode.get(code);
  if (!region) throw new Error(`行政区划代码：未知代码 ${code}`);
  const ancestors: Region[] = [];
  let parent = region.parent;
  while (parent !== null) {
    const next = regionsByCode.get(parent);
    if (!next) throw new Error(`行政区划代码：${code} 的上级 ${parent} 不存在`);
    ancestors.unshift(next);
    parent = next.parent;
  }
  return ancestors;
}

/** The region and its ancestors, province first. */
export function regionPath(code: string): readonly Region[] {
  const region = regionsByCode.get(code);
  if (!region) throw new Error(`行政区划代码：未知代码 ${code}`);
  return [...regionAncestors(code), region];
}

/** The county-level unit (GB/T 2260, 6 digits) a county, township or village lies in; undefined above county level. */
export function countyOf(code: string): Region | undefined {
  return regionPath(code).find((r) => r.level === 'county');
}

/** County-level units of a city, in code order. */
export function countiesOfCity(cityCode: string): readonly Region[] {
  return regionChildren(cityCode).filter((r) => r.level === 'county');
}

/** Nanchang's county-level units (东湖区 … 进贤县). */
export const nanchangCounties: readonly Region[] = Object.freeze(countiesOfCity(NANCHANG_CITY_CODE));

export function findFunctionalZone(code: string): FunctionalZone | undefined {
  return zonesByCode.get(code);
}

/** The functional zone a township or village belongs to, if any (a village belongs to its township's zone). */
export function zoneOf(code: string): FunctionalZone | undefined {
  const region = regionsByCode.get(code);
  if (!region) return undefined;
  if (region.level === 'township') return zoneByTownship.get(region.code);
  if (region.level === 'village' && region.parent !== null) return zoneByTownship.get(region.parent);
  return undefined;
}

/**
 * Whether a region lies within a scope: a region code (itself or any ancestor) or a functional-zone code
 * (the region is, or lies in, one of the zone's townships). Unknown codes are never within anything.
 */
export function isWithin(code: string, scope: string): boolean {
  if (!regionsByCode.has(code)) return false;
  const zone = zonesByCode.get(scope);
  if (zone) return zoneOf(code)?.code === zone.code;
  return regionPath(code).some((r) => r.code === scope);
}

/** The GB/T 4754-2017 division (大类) with this two-digit code, or undefined. */
export function findIndustryDivision(code: string): IndustryDivision | undefined {
  return divisionsByCode.get(code);
}

/** The GB/T 4754-2017 section (门类) with this letter, or undefined. */
export function findIndustrySection(code: string): IndustrySection | undefined {
  return sectionsByCode.get(code);
}

/**
 * The division of a finer industry code as enterprises report it (`3911`, `C3911`, `391`): its first two digits.
 * Undefined when there are no two leading digits or they are not a division.
 */
export function industryDivisionOf(code: string): IndustryDivision | undefined {
  const match = /^(?:[A-T])?(\d{2})\d{0,2}$/.exec(code.trim());
  if (!match?.[1]) return undefined;
  const division = divisionsByCode.get(match[1]);
  if (!division) return undefined;
  const letter = code.trim()[0];
  if (letter !== undefined && /[A-T]/.test(letter) && letter !== division.section) return undefined;
  return division;
}
