import { describe, expect, it } from 'vitest';
import {
  DEFAULT_GREEN_CHANNEL_RULES,
  enterpriseLevelAsOf,
  enterpriseTypeOf,
  greenChannelCategoriesOf,
  sectorOf,
  validateGreenChannelRules,
} from './classification.ts';
import type { RiskLevelSetting } from './risk-level.ts';
import { resumptionMode } from './risk-level.ts';
import { approvalList } from './test-fixtures.ts';

const facts = { epidemicSupplies: false, essentials: false, keyList: false };

describe('enterprise type, sector and green channel from the registry', () => {
  it('groups industries as seed 003 L382 does', () => {
    expect(enterpriseTypeOf('01')).toBe('agriculture');
    expect(enterpriseTypeOf('05')).toBe('agriculture'); // boundary of section A
    expect(enterpriseTypeOf('06')).toBe('industry'); // first division of B
    expect(enterpriseTypeOf('3911')).toBe('industry');
    expect(enterpriseTypeOf('46')).toBe('industry'); // last division of D
    expect(enterpriseTypeOf('47')).toBe('construction');
    expect(enterpriseTypeOf('54')).toBe('transport');
    expect(enterpriseTypeOf('51')).toBe('commerce_services');
    expect(enterpriseTypeOf('90')).toBe('commerce_services');
  });

  it('names the closed sectors of L382 by their GB/T 4754 classes, other firms by division', () => {
    expect(sectorOf('9011')).toBe('ktv');
    expect(sectorOf('9013')).toBe('internet_cafe');
    expect(sectorOf('8760')).toBe('cinema_theatre');
    expect(sectorOf('9012')).toBe('entertainment');
    expect(sectorOf('90')).toBe('entertainment');
    expect(sectorOf('26')).toBe('26');
    expect(sectorOf('2614')).toBe('26');
    // a KTV is closed whatever the level (L382), a chemical firm is not
    const mode = (industryCode: string) =>
      resumptionMode({
        level: 'low',
        provinceModes: { medium: 'approval', high: 'approval' },
        enterpriseCategories: [],
        sector: sectorOf(industryCode),
        approvalList,
        regionCode: '360111',
        asOf: '2020-03-05',
      }).mode;
    expect(mode('9011')).toBe('closed');
    expect(mode('26')).toBe('declare');
  });

  it('puts transport, energy and flagged firms in the green channel (L486, L736)', () => {
    expect(greenChannelCategoriesOf(DEFAULT_GREEN_CHANNEL_RULES, { ...facts, industryCode: '54' })).toEqual([
      'transport_logistics',
    ]);
    expect(greenChannelCategoriesOf(DEFAULT_GREEN_CHANNEL_RULES, { ...facts, industryCode: '4411' })).toEqual([
      'energy',
    ]);
    expect(
      greenChannelCategoriesOf(DEFAULT_GREEN_CHANNEL_RULES, { ...facts, industryCode: '27', epidemicSupplies: true }),
    ).toEqual(['epidemic_supplies']);
    expect(
      greenChannelCategoriesOf(DEFAULT_GREEN_CHANNEL_RULES, { ...facts, industryCode: '14', keyList: true }),
    ).toEqual(['daily_necessities', 'key_enterprise']);
    expect(greenChannelCategoriesOf(DEFAULT_GREEN_CHANNEL_RULES, { ...facts, industryCode: '39' })).toEqual([]);
    expect(validateGreenChannelRules(DEFAULT_GREEN_CHANNEL_RULES)).toEqual([]);
    expect(
      validateGreenChannelRules([
        { category: 'energy', divisions: ['4'], flags: [] },
        { category: 'energy', divisions: [], flags: [] },
      ]),
    ).toEqual(['绿色通道行业大类：「4」应为两位数字', '绿色通道类别：「energy」重复']);
  });

  it('takes the zone’s level when the zone has one, else the county’s', () => {
    const by = { userId: 'u', role: 'command_centre' as const };
    const s = (areaCode: string, level: RiskLevelSetting['level'], effectiveFrom: string): RiskLevelSetting => ({
      id: `${areaCode}-${effectiveFrom}`,
      areaCode,
      areaKind: areaCode.startsWith('Z') ? 'functional_zone' : 'county',
      level,
      effectiveFrom,
      setAt: `${effectiveFrom}T08:00:00+08:00`,
      setBy: by,
      basis: '指挥部公告',
    });
    const history = [s('360111', 'medium', '2020-02-10'), s('Z360101', 'low', '2020-02-17')];
    const place = { countyCode: '360111', zoneCode: 'Z360101' };
    expect(enterpriseLevelAsOf(history, place, '2020-02-16')?.level).toBe('medium');
    expect(enterpriseLevelAsOf(history, place, '2020-02-17')?.level).toBe('low');
    expect(enterpriseLevelAsOf(history, { countyCode: '360111', zoneCode: null }, '2020-02-17')?.level).toBe('medium');
    expect(enterpriseLevelAsOf(history, { countyCode: '360102', zoneCode: null }, '2020-02-17')).toBeUndefined();
  });
});
