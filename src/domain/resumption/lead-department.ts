/**
 * 一口受理: one lead department per region and enterprise type receives every application (seed 003 L27). Rules are
 * looked up from the most specific region upwards (county → city → province, GB/T 2260), exact type before `*`.
 */
import { c003 } from './citations.ts';

export const LEAD_DEPARTMENT_RULE = c003(27, '在本行政区域内明确一家牵头部门，统一受理申请、一次性收取材料');

/** Enterprise types as the Jiangxi measures group them (seed 003 L382). */
export const ENTERPRISE_TYPES = Object.freeze([
  { code: 'industry', label: '工业', source: c003(382, '工业要从规上企业全面复工复产转向全面恢复产能') },
  { code: 'agriculture', label: '农业', source: c003(382, '农业要不误农时') },
  { code: 'transport', label: '交通运输业', source: c003(382, '交通运输业要从打通“主通道”转向畅通“微循环”') },
  { code: 'commerce_services', label: '商贸及其他服务业', source: c003(382, '商贸及其他服务业要尽快有序恢复') },
  { code: 'construction', label: '项目建设', source: c003(382, '项目建设要从全面复工复产转向形成更多实物工作量') },
] as const);

export interface LeadDepartmentRule {
  /** County / city / province code (GB/T 2260) or functional-zone code. */
  readonly regionCode: string;
  /** An enterprise type code, or `*` for every type. */
  readonly enterpriseType: string;
  readonly departmentCode: string;
  readonly departmentName: string;
}

/** Duplicates make "one lead department" ambiguous; they are errors. */
export function validateLeadDepartmentRules(rules: readonly LeadDepartmentRule[]): string[] {
  const errors: string[] = [];
  const seen = new Map<string, LeadDepartmentRule>();
  for (const r of rules) {
    if (!r.regionCode.trim()) errors.push('牵头部门配置：区域代码不能为空');
    if (!r.enterpriseType.trim()) errors.push('牵头部门配置：企业类型不能为空');
    if (!r.departmentCode.trim()) errors.push(`牵头部门配置（${r.regionCode}）：部门不能为空`);
    const key = `${r.regionCode}|${r.enterpriseType}`;
    const prev = seen.get(key);
    if (prev && prev.departmentCode !== r.departmentCode) {
      errors.push(
        `牵头部门配置：${r.regionCode}「${r.enterpriseType === '*' ? '全部类型' : r.enterpriseType}」同时配置了${prev.departmentName}和${r.departmentName}，同一区域同一类型只能明确一家牵头部门`,
      );
    } else if (prev) {
      errors.push(`牵头部门配置：${r.regionCode}「${r.enterpriseType}」重复配置`);
    }
    seen.set(key, r);
  }
  return errors;
}

/** `360111` → [`360111`, `360100`, `360000`]; other codes → [code]. */
export function regionAncestors(regionCode: string): string[] {
  if (!/^\d{6}$/.test(regionCode)) return [regionCode];
  const out = [regionCode];
  const city = `${regionCode.slice(0, 4)}00`;
  const province = `${regionCode.slice(0, 2)}0000`;
  if (!out.includes(city)) out.push(city);
  if (!out.includes(province)) out.push(province);
  return out;
}

/**
 * The lead department for an enterprise. `regionCodes` is the enterprise's chain from most to least specific; a
 * functional-zone enterprise passes `[zoneCode, ...regionAncestors(countyCode)]`.
 */
export function leadDepartmentFor(
  rules: readonly LeadDepartmentRule[],
  regionCodes: readonly string[] | string,
  enterpriseType: string,
): LeadDepartmentRule | undefined {
  const chain = typeof regionCodes === 'string' ? regionAncestors(regionCodes) : regionCodes;
  for (const code of chain) {
    const exact = rules.find((r) => r.regionCode === code && r.enterpriseType === enterpriseType);
    if (exact) return exact;
    const any = rules.find((r) => r.regionCode === code && r.enterpriseType === '*');
    if (any) return any;
  }
  return undefined;
}
