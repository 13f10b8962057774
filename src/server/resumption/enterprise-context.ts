import type {
  ConditionList,
  LeadDepartmentRule,
  ResumptionModeDecision,
  RiskLevelSetting,
} from '../../domain/resumption/index.ts';
import {
  enterpriseLevelAsOf,
  enterpriseTypeOf,
  greenChannelCategoriesOf,
  leadDepartmentFor,
  listForLevel,
  regionAncestors,
  resumptionMode,
  sectorOf,
} from '../../domain/resumption/index.ts';
import type { EnterpriseRow } from '../db/schema.ts';
import type { Q } from './config.store.ts';
import {
  approvalListAsOf,
  loadApprovalLists,
  loadConditionLists,
  loadLeadRules,
  loadRiskHistory,
  loadSettings,
} from './config.store.ts';

/** Everything the rules need to decide how an enterprise resumes on a date. */
export interface EnterpriseDecision {
  enterprise: EnterpriseRow;
  level: RiskLevelSetting | undefined;
  decision: ResumptionModeDecision | undefined;
  lead: (LeadDepartmentRule & { departmentId: number }) | undefined;
  /** The published enterprise list for the level on the date. */
  list: ConditionList | undefined;
  enterpriseType: string;
  sector: string;
}

/** The region chain for the lead department: the zone first, then county, city, province (一口受理). */
export function regionChainOf(e: Pick<EnterpriseRow, 'county_code' | 'zone_code'>): string[] {
  return [...(e.zone_code ? [e.zone_code] : []), ...regionAncestors(e.county_code)];
}

export async function decideFor(db: Q, enterprise: EnterpriseRow, date: string): Promise<EnterpriseDecision> {
  const [history, settings, approvals, leadRules, lists] = await Promise.all([
    loadRiskHistory(db),
    loadSettings(db),
    loadApprovalLists(db),
    loadLeadRules(db),
    loadConditionLists(db),
  ]);
  const enterpriseType = enterpriseTypeOf(enterprise.industry_code);
  const sector = sectorOf(enterprise.industry_code);
  const level = enterpriseLevelAsOf(
    history,
    { countyCode: enterprise.county_code, zoneCode: enterprise.zone_code },
    date,
  );
  const decision = level
    ? resumptionMode({
        level: level.level,
        provinceModes: settings.provinceModes,
        enterpriseCategories: greenChannelCategoriesOf(settings.greenChannel, {
          industryCode: enterprise.industry_code,
          epidemicSupplies: enterprise.is_epidemic_supplies === 1,
          essentials: enterprise.is_essentials === 1,
          keyList: enterprise.key_list !== null,
        }),
        sector,
        approvalList: approvalListAsOf(approvals, date),
        closureRules: settings.closureRules,
        regionCode: enterprise.county_code,
        asOf: date,
      })
    : undefined;
  const rule = leadDepartmentFor(leadRules, regionChainOf(enterprise), enterpriseType);
  const lead = rule
    ? leadRules.find((r) => r.regionCode === rule.regionCode && r.enterpriseType === rule.enterpriseType)
    : undefined;
  const published = lists.map(({ templateIds: _t, createdAt: _c, ...l }) => l);
  const list = level ? listForLevel(published, level.level, date) : undefined;
  return { enterprise, level, decision, lead, list, enterpriseType, sector };
}
