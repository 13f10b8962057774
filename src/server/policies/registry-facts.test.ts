import { describe, expect, it } from 'vitest';
import { registryFacts, unitTypeOfCreditCode } from './registry-facts.ts';

describe('policy facts from 一企一档', () => {
  it('reads the unit type from the credit code (GB 32100-2015)', () => {
    expect(unitTypeOfCreditCode('91360100MA35F0XW2K')).toBe('enterprise');
    expect(unitTypeOfCreditCode('92360111MA38XXXX1A')).toBe('individual-business');
    expect(unitTypeOfCreditCode('93360100MA3XXXXX1A')).toBe('social-organisation');
    expect(unitTypeOfCreditCode('51360000MJ0000000X')).toBe('social-organisation');
    expect(unitTypeOfCreditCode('12360000491000000X')).toBe('public-institution');
    expect(unitTypeOfCreditCode('Y1360000000000000X')).toBeNull();
  });

  it('maps registry columns to facts, with an empty zone code outside every zone', () => {
    const row = {
      credit_code: '91360100MA35F0XW2K',
      region_code: '360111490',
      county_code: '360111',
      zone_code: null,
      industry_code: '39',
      size_class: 'small' as const,
      employees: 25,
      revenue_fen: 100,
      assets_fen: 200,
      is_above_scale_industry: 0,
      key_list: 'municipal',
    };
    expect(registryFacts(row)).toEqual({
      regionCode: '360111490',
      countyCode: '360111',
      zoneCode: '',
      industryCode: '39',
      sizeClass: 'small',
      employees: 25,
      revenueFen: 100,
      assetsFen: 200,
      isAboveScaleIndustry: false,
      keyGuaranteeList: 'municipal',
      isKeyEnterprise: true,
      unitType: 'enterprise',
    });
    expect(registryFacts({ ...row, zone_code: 'Z360101', size_class: null, key_list: null })).toMatchObject({
      zoneCode: 'Z360101',
      keyGuaranteeList: 'none',
      isKeyEnterprise: false,
    });
    expect(registryFacts({ ...row, size_class: null })).not.toHaveProperty('sizeClass');
  });
});
