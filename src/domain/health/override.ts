/**
 * Manual overrides of a computed status (人工研判) and appeals (申诉) — design.md §4.
 *
 * An override exists for facts the platform does not hold yet (a close contact found by an epidemiological
 * investigation, a positive result not yet synced, a health certificate from another province). It:
 * - names a reason from the closed list `OVERRIDE_REASONS` (epidemic prevention only; no free text), and may only
 *   set the statuses that reason allows;
 * - references evidence;
 * - is proposed by CDC user A and takes effect only when confirmed by a different CDC user B;
 * - expires (at most the reason's `maxDays`), and can be revoked earlier;
 * - can be appealed by the person, and an appeal is decided by a CDC user who took no part in the override.
 *
 * Every function here is pure: it takes the acting user and `now`, and returns the new state or a Chinese error. The
 * caller writes the audit record of every successful call (and of every view of the result).
 */
import { instantMs, maxDate, shanghaiDate } from './dates.ts';
import type { Instant, IsoDate } from './dates.ts';
import { OVERRIDE_REASONS, isOverrideReasonCode } from './reasons.ts';
import type { OverrideReasonCode } from './reasons.ts';
import type { ReasonResult, ReturnToWorkResult } from './return-to-work.ts';
import type { SourceRef } from './sources.ts';
import { STATUS_INFO, isHealthStatus, statusLabel } from './status.ts';
import type { HealthStatus } from './status.ts';

export interface HealthActor {
  userId: string;
  /** Platform role (`cdc` = 疾控人员, `employee` = 企业员工, …). */
  role: string;
  /** The person record of the acting user, when they are on a roster. */
  personId?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; message: string };

const fail = <T>(message: string): Result<T> => ({ ok: false, message });

function isCdc(a: HealthActor): boolean {
  return a.role === 'cdc';
}

function ms(instant: Instant): number | null {
  try {
    return instantMs(instant);
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Overrides

export const OVERRIDE_STATES = ['proposed', 'active', 'rejected', 'withdrawn', 'expired', 'revoked'] as const;
export type OverrideState = (typeof OVERRIDE_STATES)[number];

export const OVERRIDE_STATE_LABEL: Readonly<Record<OverrideState, string>> = {
  proposed: '待复核',
  active: '生效中',
  rejected: '复核未通过',
  withdrawn: '已撤回',
  expired: '已到期',
  revoked: '已撤销',
};

export interface OverrideEvent {
  state: OverrideState;
  at: Instant;
  by: string;
  note?: string;
}

export interface StatusOverride {
  id: string;
  personId: string;
  status: HealthStatus;
  reasonCode: OverrideReasonCode;
  evidenceRef: string;
  note?: string;
  proposedBy: string;
  proposedAt: Instant;
  expiresAt: Instant;
  confirmedBy?: string;
  confirmedAt?: Instant;
  /** Stored state; `overrideStateAt` applies expiry. */
  state: OverrideState;
  history: OverrideEvent[];
}

export interface ProposeOverrideInput {
  id: string;
  personId: string;
  status: unknown;
  reasonCode: unknown;
  evidenceRef: unknown;
  expiresAt: unknown;
  note?: unknown;
}

export function proposeOverride(actor: HealthActor, input: ProposeOverrideInput, now: Instant): Result<StatusOverride> {
  if (!isCdc(actor)) return fail('人工研判：只有疾控人员可以发起');
  if (!input.personId) return fail('研判对象：缺少人员编号');
  if (actor.personId !== undefined && actor.personId === input.personId) return fail('人工研判：不能为本人发起');
  if (!isOverrideReasonCode(input.reasonCode)) {
    return fail('研判理由：必须从防疫研判理由清单中选择，不接受其他理由');
  }
  const reason = OVERRIDE_REASONS[input.reasonCode];
  if (!isHealthStatus(input.status)) return fail('研判状态：不是有效的返岗状态');
  if (!reason.allowedStatuses.includes(input.status)) {
    return fail(`研判状态：理由“${reason.label}”只能设为${reason.allowedStatuses.map(statusLabel).join('、')}`);
  }
  const evidence = typeof input.evidenceRef === 'string' ? input.evidenceRef.trim() : '';
  if (!evidence) return fail(`证据材料：请填写${reason.evidence}`);
  if (evidence.length > 200) return fail('证据材料：不超过200字');
  const nowMs = ms(now);
  if (nowMs === null) return fail('操作时间：格式错误');
  const expMs = typeof input.expiresAt === 'string' ? ms(input.expiresAt) : null;
  if (expMs === null) return fail('有效期至：请填写带时区的到期时间');
  if (expMs <= nowMs) return fail('有效期至：必须晚于当前时间');
  if (expMs > nowMs + reason.maxDays * 86_400_000) return fail(`有效期至：该理由最长${reason.maxDays}天`);
  const note = typeof input.note === 'string' && input.note.trim() ? input.note.trim().slice(0, 500) : undefined;
  return {
    ok: true,
    value: {
      id: input.id,
      personId: input.personId,
      status: input.status,
      reasonCode: input.reasonCode,
      evidenceRef: evidence,
      ...(note ? { note } : {}),
      proposedBy: actor.userId,
      proposedAt: now,
      expiresAt: input.expiresAt as Instant,
      state: 'proposed',
      history: [{ state: 'proposed', at: now, by: actor.userId }],
    },
  };
}

/** The state at `now`: a proposed or active override past `expiresAt` is expired. */
export function overrideStateAt(o: StatusOverride, now: Instant): OverrideState {
  if ((o.state === 'proposed' || o.state === 'active') && instantMs(now) >= instantMs(o.expiresAt)) return 'expired';
  return o.state;
}

function move(
  o: StatusOverride,
  state: OverrideState,
  by: string,
  at: Instant,
  note?: string,
  extra: Partial<StatusOverride> = {},
) {
  return {
    ...o,
    ...extra,
    state,
    history: [...o.history, { state, at, by, ...(note ? { note } : {}) }],
  };
}

function notBefore(o: StatusOverride, now: Instant): string | null {
  const n = ms(now);
  if (n === null) return '操作时间：格式错误';
  if (n < instantMs(o.history[o.history.length - 1]!.at)) return '操作时间：不能早于上一步';
  return null;
}

/** Second CDC user confirms: the override takes effect. */
export function confirmOverride(actor: HealthActor, o: StatusOverride, now: Instant): Result<StatusOverride> {
  if (!isCdc(actor)) return fail('复核：只有疾控人员可以复核');
  if (actor.userId === o.proposedBy) return fail('复核：复核人不能是发起人，须由另一名疾控人员复核');
  if (actor.personId !== undefined && actor.personId === o.personId) return fail('复核：不能复核针对本人的研判');
  const timeError = notBefore(o, now);
  if (timeError) return fail(timeError);
  const state = overrideStateAt(o, now);
  if (state === 'expired') return fail('复核：该研判已过有效期，请重新发起');
  if (state !== 'proposed') return fail(`复核：该研判当前为“${OVERRIDE_STATE_LABEL[state]}”，不能复核`);
  return {
    ok: true,
    value: move(o, 'active', actor.userId, now, undefined, { confirmedBy: actor.userId, confirmedAt: now }),
  };
}

/** Second CDC user turns the proposal down. */
export function rejectOverride(
  actor: HealthActor,
  o: StatusOverride,
  reason: string,
  now: Instant,
): Result<StatusOverride> {
  if (!isCdc(actor)) return fail('复核：只有疾控人员可以复核');
  if (actor.userId === o.proposedBy) return fail('复核：复核人不能是发起人');
  if (!reason.trim()) return fail('不通过理由：请填写');
  const timeError = notBefore(o, now);
  if (timeError) return fail(timeError);
  const state = overrideStateAt(o, now);
  if (state !== 'proposed') return fail(`复核：该研判当前为“${OVERRIDE_STATE_LABEL[state]}”，不能复核`);
  return { ok: true, value: move(o, 'rejected', actor.userId, now, reason.trim()) };
}

/** The proposer takes a proposal back before it is confirmed. */
export function withdrawOverride(actor: HealthActor, o: StatusOverride, now: Instant): Result<StatusOverride> {
  if (actor.userId !== o.proposedBy) return fail('撤回：只有发起人可以撤回');
  const timeError = notBefore(o, now);
  if (timeError) return fail(timeError);
  if (overrideStateAt(o, now) !== 'proposed') return fail('撤回：只能撤回待复核的研判');
  return { ok: true, value: move(o, 'withdrawn', actor.userId, now) };
}

/** Any CDC user ends an active override early (the rules decide again). */
export function revokeOverride(
  actor: HealthActor,
  o: StatusOverride,
  reason: string,
  now: Instant,
): Result<StatusOverride> {
  if (!isCdc(actor)) return fail('撤销：只有疾控人员可以撤销');
  if (!reason.trim()) return fail('撤销理由：请填写');
  const timeError = notBefore(o, now);
  if (timeError) return fail(timeError);
  const state = overrideStateAt(o, now);
  if (state !== 'active') return fail(`撤销：该研判当前为“${OVERRIDE_STATE_LABEL[state]}”，不能撤销`);
  return { ok: true, value: move(o, 'revoked', actor.userId, now, reason.trim()) };
}

/** Record the expiry once it has happened (for storage and audit); unchanged otherwise. */
export function expireOverride(o: StatusOverride, now: Instant): StatusOverride {
  if (overrideStateAt(o, now) !== 'expired' || o.state === 'expired') return o;
  return move(o, 'expired', 'system', o.expiresAt);
}

/** The override in force for a person at `now`: active and unexpired; the most recently confirmed wins. */
export function overrideInForce(
  overrides: readonly StatusOverride[],
  personId: string,
  now: Instant,
): StatusOverride | null {
  let best: StatusOverride | null = null;
  for (const o of overrides) {
    if (o.personId !== personId || overrideStateAt(o, now) !== 'active') continue;
    if (!best || instantMs(o.confirmedAt!) > instantMs(best.confirmedAt!)) best = o;
  }
  return best;
}

// ---------------------------------------------------------------------------------------------------------------
// Effective status: rules, or an override in force

export interface EffectiveStatus {
  personId: string;
  status: HealthStatus;
  statusLabel: string;
  /** Where the status comes from. */
  cause: { kind: 'rules'; ruleSetId: string } | { kind: 'override'; overrideId: string };
  reasons: { code: string; label: string; detail: string; source: SourceRef; quote: string }[];
  earliestReturnDate: IsoDate | null;
  /** What the rules alone say (kept visible when an override applies). */
  ruleStatus: HealthStatus;
  ruleReasons: ReasonResult[];
  override?: { id: string; reasonCode: OverrideReasonCode; label: string; expiresAt: Instant; source: SourceRef };
}

export function effectiveStatus(
  personId: string,
  evaluation: ReturnToWorkResult,
  overrides: readonly StatusOverride[],
  now: Instant,
): EffectiveStatus {
  const o = overrideInForce(overrides, personId, now);
  const base = {
    personId,
    ruleStatus: evaluation.status,
    ruleReasons: evaluation.reasons,
  };
  if (!o) {
    return {
      ...base,
      status: evaluation.status,
      statusLabel: evaluation.statusLabel,
      cause: { kind: 'rules', ruleSetId: evaluation.ruleSetId },
      reasons: evaluation.reasons.map((r) => ({
        code: r.code,
        label: r.label,
        detail: r.detail,
        source: r.source,
        quote: r.quote,
      })),
      earliestReturnDate: evaluation.earliestReturnDate,
    };
  }
  const def = OVERRIDE_REASONS[o.reasonCode];
  const expiresOn = shanghaiDate(o.expiresAt);
  return {
    ...base,
    status: o.status,
    statusLabel: statusLabel(o.status),
    cause: { kind: 'override', overrideId: o.id },
    reasons: [
      {
        code: o.reasonCode,
        label: def.label,
        detail: `疾控人工研判（经两名疾控人员确认），有效期至${expiresOn}`,
        source: def.source,
        quote: def.quote,
      },
    ],
    // A restrictive override holds until it expires; after that the rules decide again.
    earliestReturnDate: STATUS_INFO[o.status].admitsToWorkplace
      ? shanghaiDate(now)
      : evaluation.earliestReturnDate === null
        ? null
        : maxDate(expiresOn, evaluation.earliestReturnDate),
    override: { id: o.id, reasonCode: o.reasonCode, label: def.label, expiresAt: o.expiresAt, source: def.source },
  };
}

/**
 * What the employee's own page shows: status, reasons with their sources, the earliest date, and — for an override
 * — its reason and expiry (never the CDC users' identities). Always appealable.
 */
export function statusForPerson(e: EffectiveStatus) {
  return {
    status: e.status,
    statusLabel: e.statusLabel,
    byOverride: e.cause.kind === 'override',
    reasons: e.reasons.map((r) => ({ label: r.label, detail: r.detail, source: r.source })),
    earliestReturnDate: e.earliestReturnDate,
    ...(e.override ? { overrideExpiresAt: e.override.expiresAt } : {}),
    canAppeal: true,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Appeals

export const APPEAL_STATES = ['submitted', 'accepted', 'rejected'] as const;
export type AppealState = (typeof APPEAL_STATES)[number];
export const APPEAL_STATE_LABEL: Readonly<Record<AppealState, string>> = {
  submitted: '已提交',
  accepted: '已受理并纠正',
  rejected: '已驳回',
};

export type AppealSubject =
  | { kind: 'status'; ruleSetId: string; status: HealthStatus; reasonCodes: readonly string[]; asOf: IsoDate }
  | { kind: 'override'; overrideId: string };

export interface Appeal {
  id: string;
  personId: string;
  subject: AppealSubject;
  text: string;
  submittedAt: Instant;
  state: AppealState;
  decidedBy?: string;
  decidedAt?: Instant;
  decisionReason?: string;
}

export function submitAppeal(
  actor: HealthActor,
  input: { id: string; personId: string; subject: AppealSubject; text: unknown },
  now: Instant,
): Result<Appeal> {
  if (actor.personId === undefined || actor.personId !== input.personId) return fail('申诉：只能由本人提出');
  const text = typeof input.text === 'string' ? input.text.trim() : '';
  if (text.length < 5) return fail('申诉理由：请至少填写5个字，说明哪项信息有误');
  if (text.length > 1000) return fail('申诉理由：不超过1000字');
  if (ms(now) === null) return fail('操作时间：格式错误');
  return {
    ok: true,
    value: {
      id: input.id,
      personId: input.personId,
      subject: input.subject,
      text,
      submittedAt: now,
      state: 'submitted',
    },
  };
}

export interface AppealDecision {
  appeal: Appeal;
  /** What the caller does next when an appeal is accepted. */
  followUp: 'revoke_override' | 'correct_facts' | null;
}

/**
 * A CDC user decides an appeal, with a reason either way. For an appeal against an override, neither its proposer
 * nor its confirmer may decide.
 */
export function decideAppeal(
  actor: HealthActor,
  appeal: Appeal,
  decision: 'accepted' | 'rejected',
  reason: string,
  now: Instant,
  override?: StatusOverride,
): Result<AppealDecision> {
  if (!isCdc(actor)) return fail('申诉处理：只有疾控人员可以处理');
  if (appeal.state !== 'submitted') return fail(`申诉处理：该申诉已${APPEAL_STATE_LABEL[appeal.state]}`);
  if (!reason.trim()) return fail('处理意见：请填写理由');
  if (actor.personId !== undefined && actor.personId === appeal.personId) return fail('申诉处理：不能处理本人的申诉');
  if (appeal.subject.kind === 'override') {
    if (!override || override.id !== appeal.subject.overrideId) return fail('申诉处理：缺少被申诉的研判记录');
    if (actor.userId === override.proposedBy || actor.userId === override.confirmedBy) {
      return fail('申诉处理：参与该研判的人员不能处理针对它的申诉');
    }
  }
  const n = ms(now);
  if (n === null) return fail('操作时间：格式错误');
  if (n < instantMs(appeal.submittedAt)) return fail('操作时间：不能早于申诉提交时间');
  return {
    ok: true,
    value: {
      appeal: { ...appeal, state: decision, decidedBy: actor.userId, decidedAt: now, decisionReason: reason.trim() },
      followUp:
        decision === 'rejected' ? null : appeal.subject.kind === 'override' ? 'revoke_override' : 'correct_facts',
    },
  };
}
