import { SIZE_CLASS_LABEL } from '../../domain/registry/size-class.ts';
import type { AppContext } from '../context.ts';
import type { EnterpriseRow } from '../db/schema.ts';
import { industryName } from './industries.ts';
import { KEY_LIST_LABEL } from './enterprise.schema.ts';

/** The API's view of an enterprise row: camelCase, booleans, names resolved. */
export function toEnterpriseDto(app: AppContext, e: EnterpriseRow, liaisonName: string | null = null) {
  return {
    id: e.id,
    creditCode: e.credit_code,
    name: e.name,
    legalRep: e.legal_rep,
    contactName: e.contact_name,
    contactPhone: e.contact_phone,
    address: e.address,
    regionCode: e.region_code,
    regionPath: app.regions.path(e.region_code),
    countyCode: e.county_code,
    countyName: app.regions.name(e.county_code),
    townshipCode: e.township_code,
    townshipName: app.regions.name(e.township_code),
    gridCode: e.grid_code,
    zoneCode: e.zone_code,
    zoneName: app.regions.name(e.zone_code),
    industryCode: e.industry_code,
    industrySection: e.industry_section,
    industryName: industryName(e.industry_code),
    employees: e.employees,
    revenueFen: e.revenue_fen,
    assetsFen: e.assets_fen,
    sizeClass: e.size_class,
    sizeClassLabel: e.size_class ? SIZE_CLASS_LABEL[e.size_class] : null,
    flags: {
      aboveScaleIndustry: e.is_above_scale_industry === 1,
      aboveQuotaTrade: e.is_above_quota_trade === 1,
      epidemicSupplies: e.is_epidemic_supplies === 1,
      essentials: e.is_essentials === 1,
      chainCore: e.is_chain_core === 1,
    },
    keyList: e.key_list,
    keyListLabel: e.key_list ? (KEY_LIST_LABEL[e.key_list as keyof typeof KEY_LIST_LABEL] ?? e.key_list) : null,
    liaisonUserId: e.liaison_user_id,
    liaisonName,
    version: e.version,
    createdAt: e.created_at,
    updatedAt: e.updated_at,
  };
}
export type EnterpriseDto = ReturnType<typeof toEnterpriseDto>;

export const FLAG_COLUMNS = {
  aboveScaleIndustry: 'is_above_scale_industry',
  aboveQuotaTrade: 'is_above_quota_trade',
  epidemicSupplies: 'is_epidemic_supplies',
  essentials: 'is_essentials',
  chainCore: 'is_chain_core',
} as const;
export type FlagName = keyof typeof FLAG_COLUMNS;
export const FLAG_LABEL: Record<FlagName, string> = {
  aboveScaleIndustry: '规模以上工业',
  aboveQuotaTrade: '限额以上商贸',
  epidemicSupplies: '防疫物资生产',
  essentials: '生活必需品保供',
  chainCore: '产业链核心配套',
};
