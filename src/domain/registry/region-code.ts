/**
 * Region codes. GB/T 2260 and the statistics bureau's 统计用区划代码 are hierarchical by prefix: province 36,
 * city 3601, county 360102, township 360102001, village/community 360102001001. Grids (网格) and buildings (楼栋)
 * created in the platform continue the pattern with three more digits each, so every node's code starts with its
 * parent's: a grid under a township is township + "000" + nnn, under a community it is community + nnn.
 * Functional zones (高新区, 经开区 …) are not in GB/T 2260; their codes start with "Z".
 */
export type RegionCodeLevel = 'province' | 'city' | 'county' | 'township' | 'village' | 'grid' | 'building' | 'zone';

export function regionLevelOfCode(code: string): RegionCodeLevel | null {
  if (/^Z\d{6}$/.test(code)) return 'zone';
  if (!/^\d+$/.test(code)) return null;
  switch (code.length) {
    case 2:
      return 'province';
    case 4:
      return 'city';
    case 6:
      return 'county';
    case 9:
      return 'township';
    case 12:
      return 'village';
    case 15:
      return 'grid';
    case 18:
      return 'building';
    default:
      return null;
  }
}

/** The codes of every ancestor implied by a code's prefix (zones have none). */
export function prefixAncestors(code: string): { city?: string; county?: string; township?: string } {
  if (!/^\d+$/.test(code)) return {};
  return {
    ...(code.length >= 4 ? { city: code.slice(0, 4) } : {}),
    ...(code.length >= 6 ? { county: code.slice(0, 6) } : {}),
    ...(code.length >= 9 ? { township: code.slice(0, 9) } : {}),
  };
}

/** The code for the next child grid or building under `parent`, given the codes already used. */
export function nextChildCode(parent: string, level: 'grid' | 'building', existing: readonly string[]): string {
  const base = level === 'grid' && parent.length === 9 ? `${parent}000` : parent;
  const expectedLength = level === 'grid' ? 15 : 18;
  if (base.length + 3 !== expectedLength) {
    throw new Error(level === 'grid' ? '网格只能建在乡镇（街道）或村（社区）下' : '楼栋只能建在网格下');
  }
  let max = 0;
  for (const c of existing) {
    if (c.length === expectedLength && c.startsWith(base)) max = Math.max(max, Number(c.slice(base.length)));
  }
  if (max >= 999) throw new Error('该区域下的编号已用完');
  return base + String(max + 1).padStart(3, '0');
}
