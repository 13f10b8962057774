/**
 * Enterprise resumption status (未复工 / 部分复工 / 已复工 / 停工整改) with its history, and the workers back per day.
 *
 * - 部分复工 / 已复工 follow from the workers actually back: an enterprise allowed to resume with at least one worker
 *   back is 部分复工 until the workers back reach its planned headcount (or, without a plan, its normal headcount).
 * - 停工整改 is set by a stop order (seed 003 L747) and lifted only when every stop order is closed (销号); worker
 *   reports do not change the status meanwhile.
 */
import type { Actor, ActorRef } from './actor.ts';
import { actorRef } from './actor.ts';
import { c001, c003 } from './citations.ts';
import type { ResumptionApplication } from './application.ts';
import type { RectificationOrder } from './inspection.ts';
import { openStopOrders } from './inspection.ts';
import { compareInstants, isIsoDate, isIsoInstant, shanghaiDate } from './time.ts';

export type EnterpriseStatus = 'not_resumed' | 'partially_resumed' | 'resumed' | 'stopped';

export const ENTERPRISE_STATUS_LABELS: Readonly<Record<EnterpriseStatus, string>> = {
  not_resumed: '未复工',
  partially_resumed: '部分复工',
  resumed: '已复工',
  stopped: '停工整改',
};

export const STATUS_RULES = Object.freeze({
  stop: c003(747, '要及时采取停工停产、限期整改措施'),
  dailyReport: c003(497, '每周一向省发展改革委、省工业和信息化厅报送本地区上周复工复产情况'),
  filedWorkers: c001(27, '报备复工人数85492人'),
});

export type StatusReason =
  'initial' | 'resumption_granted' | 'workers_reported' | 'stop_ordered' | 'stop_lifted' | 'suspended';

export const STATUS_REASON_LABELS: Readonly<Record<StatusReason, string>> = {
  initial: '建档',
  resumption_granted: '准予复工（申报/备案/承诺/审批）',
  workers_reported: '返岗人数变化',
  stop_ordered: '责令停工整改',
  stop_lifted: '整改销号，解除停工',
  suspended: '企业自行停工',
};

export interface StatusRecord {
  readonly enterpriseId: string;
  readonly status: EnterpriseStatus;
  /** Instant of the change. */
  readonly at: string;
  /** Calendar date (Asia/Shanghai) the status applies from. */
  readonly date: string;
  readonly reason: StatusReason;
  /** Application, report or rectification-order id. */
  readonly ref: string | null;
  readonly actor: ActorRef;
  readonly note: string | null;
}

export type StatusHistory = readonly StatusRecord[];

/** The latest record of an enterprise (by instant). */
export function currentRecord(history: StatusHistory, enterpriseId: string): StatusRecord | undefined {
  let best: StatusRecord | undefined;
  for (const r of history) {
    if (r.enterpriseId === enterpriseId && (!best || compareInstants(r.at, best.at) >= 0)) best = r;
  }
  return best;
}

export function currentStatus(history: StatusHistory, enterpriseId: string): EnterpriseStatus {
  return currentRecord(history, enterpriseId)?.status ?? 'not_resumed';
}

/** Status at the end of a calendar day. */
export function statusAsOf(history: StatusHistory, enterpriseId: string, date: string): EnterpriseStatus {
  let best: StatusRecord | undefined;
  for (const r of history) {
    if (r.enterpriseId !== enterpriseId || r.date > date) continue;
    if (!best || r.date > best.date || (r.date === best.date && compareInstants(r.at, best.at) >= 0)) best = r;
  }
  return best?.status ?? 'not_resumed';
}

/** Whether resumption was ever granted on or before a date (报备/准予复工). */
export function grantedAsOf(history: StatusHistory, enterpriseId: string, date: string): boolean {
  return history.some((r) => r.enterpriseId === enterpriseId && r.reason === 'resumption_granted' && r.date <= date);
}

export interface OperatingFacts {
  readonly granted: boolean;
  readonly workersBack: number;
  readonly normalHeadcount: number;
  /** Sum of the plan's batches, when there is a plan. */
  readonly plannedHeadcount?: number;
}

/** 未复工 / 部分复工 / 已复工 from the facts (a stop is not derived; it is ordered). */
export function deriveOperatingStatus(f: OperatingFacts): Exclude<EnterpriseStatus, 'stopped'> {
  if (!f.granted || f.workersBack <= 0) return 'not_resumed';
  const target = f.plannedHeadcount && f.plannedHeadcount > 0 ? f.plannedHeadcount : f.normalHeadcount;
  return f.workersBack >= target ? 'resumed' : 'partially_resumed';
}

export type StatusChange =
  | {
      readonly kind: 'operating';
      readonly enterpriseId: string;
      readonly status: Exclude<EnterpriseStatus, 'stopped'>;
      readonly reason: 'initial' | 'resumption_granted' | 'workers_reported' | 'suspended';
      readonly ref?: string;
      readonly note?: string;
      /** Date the status applies from (defaults to the date of `now`). */
      readonly date?: string;
    }
  | { readonly kind: 'stop'; readonly enterpriseId: string; readonly orderId: string; readonly note?: string }
  | {
      readonly kind: 'lift_stop';
      readonly enterpriseId: string;
      /** All rectification orders of the enterprise. */
      readonly orders: readonly RectificationOrder[];
      readonly resumeTo: Exclude<EnterpriseStatus, 'stopped'>;
      readonly note?: string;
    };

export interface StatusChangedEvent {
  readonly type: 'enterprise_status_changed';
  readonly enterpriseId: string;
  readonly at: string;
  readonly actor: ActorRef;
  readonly from: EnterpriseStatus;
  readonly to: EnterpriseStatus;
  readonly reason: StatusReason;
  readonly message: string;
}

export type StatusChangeResult =
  { ok: true; history: StatusHistory; record: StatusRecord; event: StatusChangedEvent } | { ok: false; error: string };

/** Appends a status change (the history is never edited). */
export function changeStatus(
  history: StatusHistory,
  change: StatusChange,
  actor: Actor,
  now: string,
): StatusChangeResult {
  if (!isIsoInstant(now)) return { ok: false, error: `操作时间：格式错误（${now}）` };
  const from = currentStatus(history, change.enterpriseId);
  const today = shanghaiDate(now);
  let to: EnterpriseStatus;
  let reason: StatusReason;
  let ref: string | null = null;
  let date = today;
  let note = change.note?.trim() || null;
  switch (change.kind) {
    case 'operating': {
      if (from === 'stopped') return { ok: false, error: '企业状态：停工整改期间，须整改销号并解除停工后才能变更' };
      if (change.date !== undefined) {
        if (!isIsoDate(change.date)) return { ok: false, error: '生效日期：格式应为YYYY-MM-DD' };
        date = change.date;
      }
      const last = currentRecord(history, change.enterpriseId);
      if (last && date < last.date) return { ok: false, error: `生效日期：不得早于上一次状态变更（${last.date}）` };
      if (change.reason === 'suspended' && change.status !== 'not_resumed')
        return { ok: false, error: '企业自行停工：状态应为未复工' };
      if (change.reason === 'suspended' && !note) return { ok: false, error: '停工原因：不能为空' };
      to = change.status;
      reason = change.reason;
      ref = change.ref ?? null;
      break;
    }
    case 'stop': {
      if (from === 'stopped') return { ok: false, error: '企业状态：已处于停工整改' };
      if (!change.orderId) return { ok: false, error: '停工整改：须关联整改单' };
      to = 'stopped';
      reason = 'stop_ordered';
      ref = change.orderId;
      break;
    }
    case 'lift_stop': {
      if (from !== 'stopped') return { ok: false, error: '解除停工：企业当前不在停工整改状态' };
      if (
        actor.role !== 'grid_officer' &&
        actor.role !== 'liaison' &&
        actor.role !== 'department' &&
        actor.role !== 'command_centre'
      ) {
        return { ok: false, error: '解除停工：只能由核查人员、部门或指挥部操作' };
      }
      const open = openStopOrders(change.orders, change.enterpriseId);
      if (open.length) {
        return {
          ok: false,
          error: `解除停工：尚有${open.length}项停工整改问题未销号（${open.map((o) => o.description).join('；')}）`,
        };
      }
      to = change.resumeTo;
      reason = 'stop_lifted';
      note = note ?? null;
      break;
    }
    default: {
      const unknown: never = change;
      return { ok: false, error: `未知变更：${(unknown as { kind: string }).kind}` };
    }
  }
  // A grant is recorded even when the status does not change (报备 before anyone is back at work).
  if (to === from && reason !== 'resumption_granted' && currentRecord(history, change.enterpriseId)) {
    return { ok: false, error: `企业状态：已是${ENTERPRISE_STATUS_LABELS[to]}` };
  }
  const record: StatusRecord = {
    enterpriseId: change.enterpriseId,
    status: to,
    at: now,
    date,
    reason,
    ref,
    actor: actorRef(actor),
    note,
  };
  return {
    ok: true,
    history: [...history, record],
    record,
    event: {
      type: 'enterprise_status_changed',
      enterpriseId: change.enterpriseId,
      at: now,
      actor: actorRef(actor),
      from,
      to,
      reason,
      message: `企业状态由${ENTERPRISE_STATUS_LABELS[from]}变为${ENTERPRISE_STATUS_LABELS[to]}（${STATUS_REASON_LABELS[reason]}）`,
    },
  };
}

/** The status history of one enterprise, oldest first. */
export function enterpriseHistory(history: StatusHistory, enterpriseId: string): StatusRecord[] {
  return history.filter((r) => r.enterpriseId === enterpriseId).sort((a, b) => compareInstants(a.at, b.at));
}

// ───────────────────────────── workers back per day ─────────────────────────────

export interface WorkerDailyReport {
  readonly enterpriseId: string;
  readonly date: string;
  readonly workersBack: number;
  readonly reportedAt: string;
  readonly reportedBy: ActorRef;
}

/**
 * Records the workers back on a day (a later report for the same day replaces the earlier one). Workers back may not
 * exceed the normal headcount: an enterprise that hired more updates its normal headcount first.
 */
export function recordWorkersBack(
  reports: readonly WorkerDailyReport[],
  input: { enterpriseId: string; date: string; workersBack: number; normalHeadcount: number },
  actor: Actor,
  now: string,
): { ok: true; reports: WorkerDailyReport[]; report: WorkerDailyReport } | { ok: false; error: string } {
  if (!isIsoInstant(now)) return { ok: false, error: `操作时间：格式错误（${now}）` };
  if (actor.role === 'enterprise' && actor.enterpriseId !== input.enterpriseId)
    return { ok: false, error: '返岗人数：只能填报本企业' };
  if (
    actor.role !== 'enterprise' &&
    actor.role !== 'liaison' &&
    actor.role !== 'grid_officer' &&
    actor.role !== 'system'
  ) {
    return { ok: false, error: '返岗人数：只能由企业、驻企联络员或网格员填报' };
  }
  if (!isIsoDate(input.date)) return { ok: false, error: '日期：格式应为YYYY-MM-DD' };
  if (input.date > shanghaiDate(now)) return { ok: false, error: '日期：不能填报未来日期' };
  if (!Number.isInteger(input.workersBack) || input.workersBack < 0)
    return { ok: false, error: '返岗人数：应为不小于0的整数' };
  if (input.workersBack > input.normalHeadcount) {
    return {
      ok: false,
      error: `返岗人数：${input.workersBack}人超过正常用工人数${input.normalHeadcount}人，如有新招员工请先更新正常用工人数`,
    };
  }
  const report: WorkerDailyReport = {
    enterpriseId: input.enterpriseId,
    date: input.date,
    workersBack: input.workersBack,
    reportedAt: now,
    reportedBy: actorRef(actor),
  };
  const rest = reports.filter((r) => !(r.enterpriseId === input.enterpriseId && r.date === input.date));
  return { ok: true, reports: [...rest, report], report };
}

/** Workers back on a date: the latest report on or before it (0 when none). */
export function workersBackAsOf(reports: readonly WorkerDailyReport[], enterpriseId: string, date: string): number {
  let best: WorkerDailyReport | undefined;
  for (const r of reports) {
    if (r.enterpriseId === enterpriseId && r.date <= date && (!best || r.date > best.date)) best = r;
  }
  return best?.workersBack ?? 0;
}

/**
 * The status change to record when an application is granted (outcome `resumed`): a `resumption_granted` record from
 * the outcome's first day, with the status the current workers back give. Undefined for other outcomes.
 */
export function statusChangeOnResumption(
  app: ResumptionApplication,
  facts: { readonly workersBack: number; readonly normalHeadcount: number },
): StatusChange | undefined {
  if (app.outcome?.kind !== 'resumed') return undefined;
  const planned = app.package.plan?.batches.reduce(
    (s, b) => s + b.keyPostStaff + b.otherLocalStaff + b.otherNonLocalStaff,
    0,
  );
  return {
    kind: 'operating',
    enterpriseId: app.enterpriseId,
    status: deriveOperatingStatus({
      granted: true,
      workersBack: facts.workersBack,
      normalHeadcount: facts.normalHeadcount,
      ...(planned ? { plannedHeadcount: planned } : {}),
    }),
    reason: 'resumption_granted',
    ref: app.id,
    date: app.outcome.fromDate,
  };
}
