/**
 * Deadlines of the parallel reviews: overdue flags and each department's on-time rate (按时办结率). An answer is on
 * time when given no later than the end of the 2nd working day after acceptance (seed 003 L27); a review still
 * pending after its deadline counts as late; a review still within its deadline is not counted yet.
 */
import { isOverdue } from '../calendar/working-days.ts';
import type { ResumptionApplication } from './application.ts';
import { c003 } from './citations.ts';
import type { Ratio } from './ratio.ts';
import { ratio } from './ratio.ts';

export const ON_TIME_RULE = c003(27, '原则上要在2个工作日内作出答复');

export interface ReviewRecord {
  readonly applicationId: string;
  readonly departmentCode: string;
  readonly departmentName: string;
  readonly round: number;
  readonly dueAt: string;
  readonly decidedAt: string | null;
  readonly cancelledAt: string | null;
}

/** Review records of applications (the store may also build them from its review table). */
export function reviewRecords(apps: readonly ResumptionApplication[]): ReviewRecord[] {
  return apps.flatMap((a) =>
    a.reviews.map((r) => ({
      applicationId: a.id,
      departmentCode: r.departmentCode,
      departmentName: r.departmentName,
      round: r.round,
      dueAt: r.dueAt,
      decidedAt: r.decidedAt,
      cancelledAt: r.cancelledAt,
    })),
  );
}

export interface DepartmentOnTime {
  readonly departmentCode: string;
  readonly departmentName: string;
  /** Answered by the deadline. */
  readonly onTime: number;
  /** Answered after the deadline. */
  readonly answeredLate: number;
  /** Not answered and past the deadline. */
  readonly overduePending: number;
  /** Not answered, still within the deadline (not counted in the rate). */
  readonly pendingInTime: number;
  /** onTime ÷ (onTime + answeredLate + overduePending). */
  readonly rate: Ratio;
}

export type ReviewTiming = 'on_time' | 'answered_late' | 'overdue_pending' | 'pending_in_time' | 'cancelled';

export function reviewTiming(r: Pick<ReviewRecord, 'dueAt' | 'decidedAt' | 'cancelledAt'>, now: string): ReviewTiming {
  if (r.decidedAt !== null) return isOverdue(r.dueAt, r.decidedAt) ? 'answered_late' : 'on_time';
  if (r.cancelledAt !== null) return 'cancelled';
  return isOverdue(r.dueAt, now) ? 'overdue_pending' : 'pending_in_time';
}

/** Per-department on-time figures, sorted by department code. */
export function departmentOnTimeRates(records: readonly ReviewRecord[], now: string): DepartmentOnTime[] {
  const acc = new Map<
    string,
    { name: string; on_time: number; answered_late: number; overdue_pending: number; pending_in_time: number }
  >();
  for (const r of records) {
    const t = reviewTiming(r, now);
    if (t === 'cancelled') continue;
    const a = acc.get(r.departmentCode) ?? {
      name: r.departmentName,
      on_time: 0,
      answered_late: 0,
      overdue_pending: 0,
      pending_in_time: 0,
    };
    a[t]++;
    acc.set(r.departmentCode, a);
  }
  return [...acc.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([code, a]) => ({
      departmentCode: code,
      departmentName: a.name,
      onTime: a.on_time,
      answeredLate: a.answered_late,
      overduePending: a.overdue_pending,
      pendingInTime: a.pending_in_time,
      rate: ratio(a.on_time, a.on_time + a.answered_late + a.overdue_pending),
    }));
}

export interface OverdueItem {
  readonly applicationId: string;
  readonly enterpriseId: string;
  readonly enterpriseName: string;
  readonly departmentCode: string;
  readonly departmentName: string;
  readonly dueAt: string;
  readonly escalated: boolean;
  readonly priority: boolean;
}

/** Overdue reviews across applications, for the command centre's list (green channel first, then oldest). */
export function overdueList(apps: readonly ResumptionApplication[], now: string): OverdueItem[] {
  const out: OverdueItem[] = [];
  for (const a of apps) {
    if (a.status !== 'accepted' && a.status !== 'under_review') continue;
    for (const r of a.reviews) {
      if (r.round !== a.round || r.decision !== null || r.cancelledAt !== null || !isOverdue(r.dueAt, now)) continue;
      out.push({
        applicationId: a.id,
        enterpriseId: a.enterpriseId,
        enterpriseName: a.enterpriseName,
        departmentCode: r.departmentCode,
        departmentName: r.departmentName,
        dueAt: r.dueAt,
        escalated: r.escalatedAt !== null,
        priority: a.priority,
      });
    }
  }
  return out.sort((x, y) =>
    x.priority !== y.priority ? (x.priority ? -1 : 1) : Date.parse(x.dueAt) - Date.parse(y.dueAt),
  );
}
