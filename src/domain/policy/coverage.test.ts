import { describe, expect, it } from 'vitest';
import { fulfilmentCoverage } from './coverage.ts';

describe('兑现金额、兑现企业数、企业受益覆盖面 (seed 002 L43–L57)', () => {
  const payments = [
    { enterpriseId: 'a', regionCode: '360102001', amountFen: 100_000, policyId: 'p1' },
    { enterpriseId: 'a', regionCode: '360102001', amountFen: 50_000, policyId: 'p2' },
    { enterpriseId: 'b', regionCode: '360102', amountFen: 20_000, policyId: 'p1' },
    { enterpriseId: 'c', regionCode: '360111', amountFen: 30_000, policyId: 'p2' },
  ];

  it('sums amounts, counts each enterprise once, divides by the registry count', () => {
    const r = fulfilmentCoverage(payments, { '360102': 10, '360111': 4, '360103': 5 });
    expect(r.total).toEqual({ key: '合计', amountFen: 200_000, enterprisesPaid: 3, enterprises: 19, coverage: 3 / 19 });
    expect(r.byCounty).toEqual([
      { key: '360102', amountFen: 170_000, enterprisesPaid: 2, enterprises: 10, coverage: 0.2 },
      { key: '360103', amountFen: 0, enterprisesPaid: 0, enterprises: 5, coverage: 0 },
      { key: '360111', amountFen: 30_000, enterprisesPaid: 1, enterprises: 4, coverage: 0.25 },
    ]);
  });

  it('filters by policy', () => {
    const r = fulfilmentCoverage(payments, { '360102': 10 }, { policyIds: ['p2'] });
    expect(r.total).toMatchObject({ amountFen: 80_000, enterprisesPaid: 2 });
  });

  it('a county with payments but no registry count has coverage 0, not a division by zero', () => {
    const r = fulfilmentCoverage(payments, {});
    expect(r.byCounty.every((x) => x.coverage === 0)).toBe(true);
  });
});
