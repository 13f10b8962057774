import { describe, expect, it } from 'vitest';
import { createRng } from '../demo/random.ts';
import { ruleById } from './catalogue/index.ts';
import { describeFunding, splitFen, splitFunding } from './funding.ts';

describe('funding splits (exact integer fen)', () => {
  it('1:1 city:county with an odd fen gives the extra fen to the first share', () => {
    expect(splitFen(20_001, [1, 1])).toEqual([10_001, 10_000]);
  });

  it('central 50% + province 25% + city 25% of the re-lending interest subsidy', () => {
    const rule = ruleById('nc-projects-37-2020.relending-interest-subsidy');
    expect(rule?.funding).toBeDefined();
    const shares = splitFunding(16_000_000, rule!.funding!);
    expect(shares.map((s) => [s.level, s.amountFen])).toEqual([
      ['central', 8_000_000],
      ['province', 4_000_000],
      ['city', 4_000_000],
    ]);
    expect(describeFunding(rule!.funding!)).toBe(
      '中央财政:省级财政:市级财政 = 50:25:25（市级从扶持制造业发展专项中列支）',
    );
  });

  it('largest remainder: 10 fen at 50:25:25 → 5, 3, 2 (ties to the first listed)', () => {
    expect(splitFen(10, [50, 25, 25])).toEqual([5, 3, 2]);
    expect(splitFen(1, [1, 1, 1])).toEqual([1, 0, 0]);
    expect(splitFen(0, [3, 1])).toEqual([0, 0]);
  });

  it('always preserves the total and never deviates more than 1 fen from the exact share', () => {
    const rng = createRng('funding-property');
    for (let n = 0; n < 2000; n++) {
      const amount = rng.int(0, 2_000_000_000);
      const weights = Array.from({ length: rng.int(1, 5) }, () => rng.int(1, 100));
      const parts = splitFen(amount, weights);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(amount);
      const total = weights.reduce((a, b) => a + b, 0);
      parts.forEach((p, i) => expect(Math.abs(p - (amount * (weights[i] as number)) / total)).toBeLessThan(1));
    }
  });

  it('handles amounts beyond 2^53 ÷ weight exactly (BigInt inside)', () => {
    const amount = 9_007_199_254_740_991;
    expect(splitFen(amount, [3, 7]).reduce((a, b) => a + b, 0)).toBe(amount);
  });

  it('rejects negative or fractional amounts and bad weights', () => {
    expect(() => splitFen(-1, [1])).toThrow('金额应为非负整数分');
    expect(() => splitFen(1.5, [1])).toThrow();
    expect(() => splitFen(10, [])).toThrow('分担份额');
    expect(() => splitFen(10, [1, 0])).toThrow('分担份额');
  });
});
