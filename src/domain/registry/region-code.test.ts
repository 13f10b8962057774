import { describe, expect, it } from 'vitest';
import { nextChildCode, prefixAncestors, regionLevelOfCode } from './region-code.ts';

describe('region codes', () => {
  it('derives the level from the code', () => {
    expect(regionLevelOfCode('36')).toBe('province');
    expect(regionLevelOfCode('3601')).toBe('city');
    expect(regionLevelOfCode('360111')).toBe('county');
    expect(regionLevelOfCode('360111001')).toBe('township');
    expect(regionLevelOfCode('360111001002')).toBe('village');
    expect(regionLevelOfCode('360111001002001')).toBe('grid');
    expect(regionLevelOfCode('360111001002001007')).toBe('building');
    expect(regionLevelOfCode('Z360101')).toBe('zone');
    expect(regionLevelOfCode('36011')).toBeNull();
    expect(regionLevelOfCode('abc')).toBeNull();
  });

  it('lists prefix ancestors', () => {
    expect(prefixAncestors('360111001002')).toEqual({ city: '3601', county: '360111', township: '360111001' });
    expect(prefixAncestors('Z360101')).toEqual({});
  });

  it('numbers grids under townships and communities, and buildings under grids', () => {
    expect(nextChildCode('360111001', 'grid', [])).toBe('360111001000001');
    expect(nextChildCode('360111001', 'grid', ['360111001000001', '360111001000004'])).toBe('360111001000005');
    expect(nextChildCode('360111001002', 'grid', [])).toBe('360111001002001');
    expect(nextChildCode('360111001002001', 'building', ['360111001002001009'])).toBe('360111001002001010');
    expect(() => nextChildCode('360111', 'grid', [])).toThrow('网格只能建在乡镇（街道）或村（社区）下');
    expect(() => nextChildCode('360111001', 'building', [])).toThrow('楼栋只能建在网格下');
  });
});
