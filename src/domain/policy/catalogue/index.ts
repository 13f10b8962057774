/**
 * The encoded documents: one module per source document, each exporting a {@link Policy} with its rules.
 */
import type { Policy, Rule } from '../types.ts';
import { hightechZone2020 } from './hightech-zone-2020.ts';
import { hrssLabourRelations2020 } from './hrss-labour-relations-2020.ts';
import { jiangxiEmployment2020 } from './jiangxi-employment-2020.ts';
import { jiangxiFinance15 } from './jiangxi-finance-15-2020.ts';
import { jiangxiGrowth20 } from './jiangxi-growth-20-2020.ts';
import { jiangxiGrowthTargets2020 } from './jiangxi-growth-targets-2020.ts';
import { jiangxiSmeRelief2022 } from './jiangxi-sme-relief-2022.ts';
import { nanchangFinance15 } from './nanchang-finance-15-2020.ts';
import { nanchangProjects37 } from './nanchang-projects-37-2020.ts';
import { ndrcAssociations2020 } from './ndrc-associations-2020.ts';
import { pbocFinance2020 } from './pboc-finance-2020.ts';
import { samrTen2020 } from './samr-ten-2020.ts';
import { socialInsuranceRelief2020 } from './si-relief-2020.ts';

export {
  hightechZone2020,
  hrssLabourRelations2020,
  jiangxiEmployment2020,
  jiangxiFinance15,
  jiangxiGrowth20,
  jiangxiGrowthTargets2020,
  jiangxiSmeRelief2022,
  nanchangFinance15,
  nanchangProjects37,
  ndrcAssociations2020,
  pbocFinance2020,
  samrTen2020,
  socialInsuranceRelief2020,
};

/** Every encoded policy, national first, then Jiangxi, Nanchang, the High-tech Zone. */
export const POLICIES: readonly Policy[] = [
  pbocFinance2020,
  hrssLabourRelations2020,
  socialInsuranceRelief2020,
  samrTen2020,
  ndrcAssociations2020,
  jiangxiGrowth20,
  jiangxiFinance15,
  jiangxiEmployment2020,
  jiangxiGrowthTargets2020,
  jiangxiSmeRelief2022,
  nanchangFinance15,
  nanchangProjects37,
  hightechZone2020,
];

/** Every rule of every policy, in catalogue order. */
export const ALL_RULES: readonly Rule[] = POLICIES.flatMap((p) => p.rules);

const RULE_BY_ID = new Map(ALL_RULES.map((r) => [r.id, r]));
const POLICY_BY_ID = new Map(POLICIES.map((p) => [p.id, p]));

export function ruleById(id: string): Rule | undefined {
  return RULE_BY_ID.get(id);
}

export function policyById(id: string): Policy | undefined {
  return POLICY_BY_ID.get(id);
}
