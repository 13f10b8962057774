import { findIndustryDivision, industrySections } from '../../domain/registry/reference-data.ts';

/** GB/T 4754-2017 section letter for a division (2 digits) or class (4 digits) code, or null if unknown. */
export function industrySectionOf(code: string): string | null {
  if (!/^\d{2}(\d{2})?$/.test(code)) return null;
  return findIndustryDivision(code.slice(0, 2))?.section ?? null;
}

export function industryName(code: string): string | null {
  return findIndustryDivision(code.slice(0, 2))?.name ?? null;
}

export { industrySections };
