import { describe, expect, it } from 'vitest';
import type { ReviewRecord } from './review-metrics.ts';
import { departmentOnTimeRates, reviewTiming } from './review-metrics.ts';
import { formatPercent } from './ratio.ts';

// Accepted Friday 2020-02-14 → due end of Tuesday 2020-02-18 (003:L27, 2 working days).
const due = '2020-02-18T23:59:59+08:00';
let seq = 0;
const rec = (departmentCode: string, decidedAt: string | null, cancelledAt: string | null = null): ReviewRecord => ({
  applicationId: `a-${++seq}`,
  departmentCode,
  departmentName: departmentCode === 'wjw' ? '卫健委' : '市场监管局',
  round: 1,
  dueAt: due,
  decidedAt,
  cancelledAt,
});

describe('department on-time rate', () => {
  it('classifies answers against the deadline (boundary: exactly at the deadline is on time)', () => {
    const now = '2020-02-20T10:00:00+08:00';
    expect(reviewTiming(rec('wjw', '2020-02-18T23:59:59+08:00'), now)).toBe('on_time');
    expect(reviewTiming(rec('wjw', '2020-02-19T00:00:00+08:00'), now)).toBe('answered_late');
    expect(reviewTiming(rec('wjw', null), now)).toBe('overdue_pending');
    expect(reviewTiming(rec('wjw', null), '2020-02-18T12:00:00+08:00')).toBe('pending_in_time');
    expect(reviewTiming(rec('wjw', null, '2020-02-17T09:00:00+08:00'), now)).toBe('cancelled');
  });

  it('computes exact rates per department', () => {
    const records = [
      rec('wjw', '2020-02-17T10:00:00+08:00'),
      rec('wjw', '2020-02-18T18:00:00+08:00'),
      rec('wjw', '2020-02-19T09:00:00+08:00'),
      rec('scj', null),
      rec('scj', '2020-02-15T09:00:00+08:00'),
      rec('scj', null, '2020-02-16T09:00:00+08:00'),
    ];
    const rates = departmentOnTimeRates(records, '2020-02-19T12:00:00+08:00');
    expect(
      rates.map((r) => [r.departmentCode, r.onTime, r.answeredLate, r.overduePending, r.rate, formatPercent(r.rate)]),
    ).toEqual([
      ['scj', 1, 0, 1, { numerator: 1, denominator: 2 }, '50.0%'],
      ['wjw', 2, 1, 0, { numerator: 2, denominator: 3 }, '66.7%'],
    ]);
  });
});
