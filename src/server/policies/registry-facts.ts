import type { FactValue } from '../../domain/policy/index.ts';
import type { EnterpriseRow } from '../db/schema.ts';

/** The registry columns the policy facts come from. */
export type RegistryFactColumns = Pick<
  EnterpriseRow,
  | 'credit_code'
  | 'region_code'
  | 'county_code'
  | 'zone_code'
  | 'industry_code'
  | 'size_class'
  | 'employees'
  | 'revenue_fen'
  | 'assets_fen'
  | 'is_above_scale_industry'
  | 'key_list'
>;

export const REGISTRY_FACT_COLUMNS = [
  'credit_code',
  'region_code',
  'county_code',
  'zone_code',
  'industry_code',
  'size_class',
  'employees',
  'revenue_fen',
  'assets_fen',
  'is_above_scale_industry',
  'key_list',
] as const satisfies readonly (keyof EnterpriseRow)[];

/**
 * 参保单位类型 from the first two characters of the 统一社会信用代码 (GB 32100-2015: 登记管理部门 and 机构类别):
 * 91 企业, 92 个体工商户, 93 农民专业合作社 (an "other unit" for social insurance), 11/12/13/19 机构编制部门登记的
 * 机关、事业单位, 5x 民政部门登记的社会组织. Other registrations are left unknown.
 */
export function unitTypeOfCreditCode(code: string): string | null {
  const head = code.slice(0, 2);
  if (head === '91') return 'enterprise';
  if (head === '92') return 'individual-business';
  if (head === '93' || head.startsWith('5')) return 'social-organisation';
  if (head.startsWith('1')) return 'public-institution';
  return null;
}

/**
 * The facts 一企一档 holds about an enterprise, named as the rules name them. Facts the registry does not hold
 * (民营企业, 上市公司 …) are left out rather than guessed. An enterprise outside every functional zone has zoneCode ''.
 */
export function registryFacts(e: RegistryFactColumns): Record<string, FactValue> {
  const facts: Record<string, FactValue> = {
    regionCode: e.region_code,
    countyCode: e.county_code,
    zoneCode: e.zone_code ?? '',
    industryCode: e.industry_code,
    employees: Number(e.employees),
    revenueFen: Number(e.revenue_fen),
    assetsFen: Number(e.assets_fen),
    isAboveScaleIndustry: Number(e.is_above_scale_industry) === 1,
    keyGuaranteeList: e.key_list ?? 'none',
    isKeyEnterprise: e.key_list !== null,
  };
  if (e.size_class) facts.sizeClass = e.size_class;
  const unitType = unitTypeOfCreditCode(e.credit_code);
  if (unitType) facts.unitType = unitType;
  return facts;
}
