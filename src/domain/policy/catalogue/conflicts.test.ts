/**
 * Province and Nanchang versions of the same subsidy are separate rules (section 6 of 003-lines-420-749.md);
 * across the whole catalogue 就高、不重复 (L651) keeps the highest eligible benefit of a stacking group.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../evaluate.ts';
import type { Facts, RuleResult } from '../types.ts';
import { ALL_RULES, ruleById } from './index.ts';

function results(facts: Facts, asOf: string): Map<string, RuleResult> {
  return new Map(evaluate(ALL_RULES, facts, { asOf }).map((r) => [r.ruleId, r]));
}

const PROVINCE_HIRING = 'jx-employment-2020.hiring-subsidy';
const NC_HIRING = 'nc-projects-37-2020.hiring-subsidy';
const PROVINCE_PLACEMENT = 'jx-employment-2020.placement-service-subsidy';
const NC_PLACEMENT = 'nc-projects-37-2020.placement-service-subsidy';
const PROVINCE_RELENDING = 'jx-growth-20-2020.relending-interest-subsidy';
const NC_RELENDING = 'nc-projects-37-2020.relending-interest-subsidy';

describe('province and Nanchang versions are separate rules', () => {
  it('吸纳就业补贴: same amount, different windows and exclusions, different jurisdictions', () => {
    const p = ruleById(PROVINCE_HIRING);
    const n = ruleById(NC_HIRING);
    expect(p?.jurisdiction.code).toBe('360000');
    expect(n?.jurisdiction.code).toBe('360100');
    expect(p?.stackingGroup).toBe(n?.stackingGroup);
    expect(p?.parameters.perHire?.values[0]?.value).toBe(100_000);
    expect(n?.parameters.perHire?.values[0]?.value).toBe(100_000);
    expect(n?.parameters.from?.values[0]?.value).toBe('2020-01-24');
  });

  it('就业创业服务补助: ¥500 province, ¥2,000 Nanchang after 3 months', () => {
    expect(ruleById(PROVINCE_PLACEMENT)?.parameters.amount?.values[0]?.value).toBe(50_000);
    expect(ruleById(NC_PLACEMENT)?.parameters.amount?.values[0]?.value).toBe(200_000);
    expect(ruleById(NC_PLACEMENT)?.parameters.months?.values[0]?.value).toBe(3);
  });

  it('a Ganzhou enterprise is not offered Nanchang rules', () => {
    const r = results({ regionCode: '360702', urgentSuppliesStartDate: '2020-01-28', hiresInWindow: 10 }, '2020-03-01');
    expect(r.has(PROVINCE_HIRING)).toBe(true);
    expect(r.has(NC_HIRING)).toBe(false);
  });
});

describe('就高、不重复 across documents', () => {
  const nanchangFirm = {
    regionCode: '360111',
    urgentSuppliesStartDate: '2020-01-28',
    hiresInWindow: 10,
    receivedOneOffJobRetentionGrant: false,
  };

  it('equal hiring subsidies: the more local (Nanchang) rule is kept, the province one is not paid again', () => {
    const r = results(nanchangFirm, '2020-03-01');
    expect(r.get(NC_HIRING)?.payableFen).toBe(1_000_000);
    expect(r.get(PROVINCE_HIRING)?.amountFen).toBe(1_000_000);
    expect(r.get(PROVINCE_HIRING)?.payableFen).toBe(0);
    expect(r.get(PROVINCE_HIRING)?.stacking?.keptRuleId).toBe(NC_HIRING);
    expect(r.get(PROVINCE_HIRING)?.trace.at(-1)?.step).toBe('stacking');
  });

  it('a firm that already had the one-off 稳岗补助 gets only the Nanchang subsidy', () => {
    const r = results({ ...nanchangFirm, receivedOneOffJobRetentionGrant: true }, '2020-03-01');
    expect(r.get(PROVINCE_HIRING)?.eligible).toBe(false);
    expect(r.get(NC_HIRING)?.payableFen).toBe(1_000_000);
  });

  it('production started 1月20日: only the province window (春节假期至2月9日) applies', () => {
    const r = results({ ...nanchangFirm, urgentSuppliesStartDate: '2020-01-20' }, '2020-03-01');
    expect(r.get(NC_HIRING)?.eligible).toBe(false);
    expect(r.get(PROVINCE_HIRING)?.payableFen).toBe(1_000_000);
  });

  it('placement into a key park firm for 4 months: ¥2,000 kept, ¥500 not paid', () => {
    const placement = {
      regionCode: '360111',
      placementProviderType: 'hr-agency',
      placementSuccessful: true,
      placedIntoKeyParkEnterprise: true,
      placementEmployedMonths: 4,
    };
    const r = results(placement, '2020-05-01');
    expect(r.get(NC_PLACEMENT)?.payableFen).toBe(200_000);
    expect(r.get(PROVINCE_PLACEMENT)?.payableFen).toBe(0);
    const shortStay = results({ ...placement, placementEmployedMonths: 2 }, '2020-05-01');
    expect(shortStay.get(NC_PLACEMENT)?.eligible).toBe(false);
    expect(shortStay.get(PROVINCE_PLACEMENT)?.payableFen).toBe(50_000);
  });

  it('placement while the stay is unknown: the ¥500 is kept provisionally', () => {
    const r = results(
      {
        regionCode: '360111',
        placementProviderType: 'hr-agency',
        placementSuccessful: true,
        placedIntoKeyParkEnterprise: true,
      },
      '2020-05-01',
    );
    expect(r.get(NC_PLACEMENT)?.eligible).toBe(null);
    expect(r.get(NC_PLACEMENT)?.missingFacts).toEqual(['placementEmployedMonths']);
    expect(r.get(PROVINCE_PLACEMENT)?.stacking).toMatchObject({ kept: true, provisional: true });
  });

  it('re-lending interest subsidy: Nanchang 100% kept over the province 75%', () => {
    const loan = {
      regionCode: '360111',
      isSpecialRelendingLoan: true,
      keyGuaranteeList: 'national',
      loanStartDate: '2020-03-01',
      loanAmountFen: 1_000_000_000,
      relendingRatePercent: 1.6,
      loanMonths: 12,
    };
    const r = results(loan, '2020-06-01');
    expect(r.get(NC_RELENDING)?.payableFen).toBe(16_000_000);
    expect(r.get(PROVINCE_RELENDING)?.amountFen).toBe(12_000_000);
    expect(r.get(PROVINCE_RELENDING)?.payableFen).toBe(0);
  });

  it('re-guarantee fee: all waivers and halvings are one group; the full waiver is kept', () => {
    const r = results(
      {
        regionCode: '360102',
        guarantorInSevereArea: true,
        reguaranteeFeeFen: 1_000_000,
        inNationalGuaranteeFundScope: true,
        reguaranteeClientAmountFen: 80_000_000,
      },
      '2020-03-01',
    );
    const group = [...r.values()].filter((x) => x.stacking?.group === 'reguarantee-fee' && x.eligible);
    expect(group.length).toBe(4);
    expect(group.reduce((s, x) => s + (x.payableFen ?? 0), 0)).toBe(1_000_000);
    expect(r.get('jx-finance-15-2020.reguarantee-fee-waiver-small')?.payableFen).toBe(1_000_000);
  });

  it('evaluation as of a date picks the versions in force', () => {
    const early = results(
      { regionCode: '360111', reguaranteeDealAmountFen: 50_000_000, reguaranteeFeeFen: 100 },
      '2020-03-01',
    );
    expect(early.has('jx-sme-relief-2022.reguarantee-fee-waiver')).toBe(false);
    const later = results(
      { regionCode: '360111', reguaranteeDealAmountFen: 50_000_000, reguaranteeFeeFen: 100 },
      '2022-05-01',
    );
    expect(later.get('jx-sme-relief-2022.reguarantee-fee-waiver')?.eligible).toBe(true);
    expect(later.has(NC_HIRING)).toBe(false);
  });
});
