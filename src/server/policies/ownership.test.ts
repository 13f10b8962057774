import { describe, expect, it } from 'vitest';
import { ALL_RULES, POLICIES } from '../../domain/policy/index.ts';
import { DEPARTMENT_KINDS } from '../registry/department-kinds.ts';
import { ownerKindOf, ownerKindsOfPolicy, rulesOwnedBy } from './ownership.ts';

describe('owning department of each rule', () => {
  it('gives every rule a department kind that exists', () => {
    const kinds = new Set<string>(DEPARTMENT_KINDS.map((k) => k.kind));
    for (const r of ALL_RULES) expect(kinds.has(ownerKindOf(r.id)), r.id).toBe(true);
    expect(ALL_RULES.reduce((n, r) => n + (rulesOwnedBy(ownerKindOf(r.id)).includes(r) ? 1 : 0), 0)).toBe(
      ALL_RULES.length,
    );
  });

  it('employment subsidies → 人社, guarantees and loans → 金融办, project grants → 工信', () => {
    expect(ownerKindOf('jx-growth-20-2020.job-retention-refund')).toBe('rsj');
    expect(ownerKindOf('jx-employment-2020.hiring-subsidy')).toBe('rsj');
    expect(ownerKindOf('nc-projects-37-2020.transport-subsidy')).toBe('rsj');
    expect(ownerKindOf('nc-htz-2020.recruitment-subsidy')).toBe('rsj');
    expect(ownerKindOf('si-relief-2020.sme-exemption')).toBe('rsj');
    expect(ownerKindOf('nc-projects-37-2020.guarantee-fee-subsidy')).toBe('jrb');
    expect(ownerKindOf('jx-growth-20-2020.relending-interest-subsidy')).toBe('jrb');
    expect(ownerKindOf('jx-employment-2020.key-enterprise-startup-loan-interest')).toBe('jrb');
    expect(ownerKindOf('jx-sme-relief-2022.reguarantee-fee-waiver')).toBe('jrb');
    expect(ownerKindOf('nc-projects-37-2020.new-industrial-project-grant')).toBe('gxj');
    expect(ownerKindOf('nc-projects-37-2020.tech-upgrade-grant')).toBe('gxj');
    expect(ownerKindOf('nc-projects-37-2020.meltblown-grant')).toBe('gxj');
  });

  it('follows the first department a clause names, and the overrides where it names none with a kind', () => {
    expect(ownerKindOf('nc-projects-37-2020.car-scrap-replacement')).toBe('swj');
    expect(ownerKindOf('nc-projects-37-2020.land-premium-deferral')).toBe('zrzy');
    expect(ownerKindOf('nc-projects-37-2020.pre-project-funds-fyp14')).toBe('fgw');
    expect(ownerKindOf('jx-growth-20-2020.state-premises-rent-relief')).toBe('czj');
    expect(ownerKindOf('samr-ten-2020.testing-fee-cut')).toBe('scjg');
    expect(ownerKindOf('nc-projects-37-2020.drug-device-licence-extension')).toBe('scjg');
    expect(ownerKindOf('nc-projects-37-2020.agri-interest-subsidy')).toBe('nyj');
    expect(ownerKindsOfPolicy(POLICIES.find((p) => p.id === 'nc-projects-37-2020')!)).toEqual(
      expect.arrayContaining(['fgw', 'rsj', 'gxj', 'jrb', 'swj', 'zrzy', 'nyj']),
    );
  });
});
