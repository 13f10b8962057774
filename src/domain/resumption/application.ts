/**
 * The resumption application (复工复产申请) state machine: "一口受理、并行办理", answer within 2 working days
 * (国办发明电〔2020〕6号, seed 003 L27).
 *
 *   declare    (low risk)  draft → submitted ⇒ resumed at once
 *   commitment (告知承诺)   draft → submitted ⇒ resumed at once, on-site check afterwards
 *   filing     (备案)       draft → submitted ⇒ filed and resumed at once, on-site check afterwards
 *                          ("提交备案信息或承诺书后，即可组织复工复产", L27: a filing is registered, not reviewed)
 *   approval   (审批)       draft → submitted → accepted (parallel reviews dispatched, due in 2 working days)
 *                          → under_review → resumed | refused | returned_for_correction → resubmitted → accepted …
 *                          The lead department may also return a submission before accepting it (一次性告知).
 *
 * Every transition is a pure function `(state, action, actor, now) → { ok, state, events } | { ok: false, error }`.
 * Each action carries the `expectedVersion` the caller read; the store updates `WHERE version = expectedVersion`, so
 * two reviewers acting at once cannot both apply to the same version — the second gets a conflict, re-reads and
 * re-applies its own (independent) review.
 */
import { dueDateAfterAcceptance, isOverdue } from '../calendar/working-days.ts';
import type { Actor, ActorRef, AttachmentRef, Transition } from './actor.ts';
import { actorRef, fail } from './actor.ts';
import type { SeedRef } from './citations.ts';
import { c003 } from './citations.ts';
import type { SignedCommitment } from './commitment-letter.ts';
import type { ConditionList, SelfAssessmentAnswers } from './conditions.ts';
import { findOffListRequests, requestLabel, validateSelfAssessment } from './conditions.ts';
import type { ResumptionPlan } from './plan.ts';
import { validatePlan } from './plan.ts';
import type { GivenReason } from './refusal-reasons.ts';
import { refusalReason, validateRefusalReasons } from './refusal-reasons.ts';
import type { FilingMode, ResumptionModeDecision } from './risk-level.ts';
import { MODE_LABELS } from './risk-level.ts';
import { compareInstants, isIsoInstant, shanghaiDate } from './time.ts';

// ───────────────────────────── rules ─────────────────────────────

/** Working days within which the parallel reviews must answer. */
export const REVIEW_WORKING_DAYS = 2;

export const APPLICATION_RULES = Object.freeze({
  oneWindowParallel: c003(27, '全面实行企业复工复产申请“一口受理、并行办理”'),
  leadDepartment: c003(27, '在本行政区域内明确一家牵头部门，统一受理申请、一次性收取材料'),
  parallelTimeLimit: c003(27, '相关部门并行办理、限时办结'),
  twoWorkingDays: c003(27, '原则上要在2个工作日内作出答复'),
  resumeOnSubmission: c003(27, '提交备案信息或承诺书后，即可组织复工复产'),
  postCheck: c003(27, '相关部门通过开展事后现场核查等'),
  lowRiskNoDelay: c003(26, '低风险地区不得采取审批、备案等方式延缓开工'),
  gate: c003(483, '疫情防控条件不具备的企业不得复工复产'),
  fullRecord: c003(441, '备案申请可在线提交，申请材料线上流转，备案环节全程记录'),
  online: c003(441, '实现企业复工备案“不见面”'),
  escalation: c003(404, '由各级复工复产牵头部门限期整改落实'),
});

// ───────────────────────────── state ─────────────────────────────

export type ApplicationStatus =
  | 'draft'
  | 'submitted'
  | 'returned_for_correction'
  | 'resubmitted'
  | 'accepted'
  | 'under_review'
  | 'resumed'
  | 'refused'
  | 'withdrawn';

export const APPLICATION_STATUS_LABELS: Readonly<Record<ApplicationStatus, string>> = {
  draft: '草稿',
  submitted: '已提交，待受理',
  returned_for_correction: '退回补正',
  resubmitted: '已补正，待受理',
  accepted: '已受理，并联审查中',
  under_review: '审查中',
  resumed: '准予复工',
  refused: '不予复工',
  withdrawn: '已撤回',
};

export const FINAL_STATUSES: readonly ApplicationStatus[] = ['resumed', 'refused', 'withdrawn'];

export interface ApplicationPackage {
  readonly plan: ResumptionPlan | null;
  /** 一企一策 prevention plan. */
  readonly preventionPlan: AttachmentRef | null;
  /** Self-assessment answers (material items carry their attachments). */
  readonly answers: SelfAssessmentAnswers;
  readonly commitment: SignedCommitment | null;
}

export const EMPTY_PACKAGE: ApplicationPackage = Object.freeze({
  plan: null,
  preventionPlan: null,
  answers: Object.freeze({}),
  commitment: null,
});

/** What a department or the lead department asks to be corrected: an item of the published list or a procedure document. */
export interface MissingItem {
  readonly itemId: string;
  readonly note: string;
}

export type ReviewDecision =
  | { readonly kind: 'approve' }
  | { readonly kind: 'reject'; readonly reasons: readonly GivenReason[] }
  | { readonly kind: 'return'; readonly missing: readonly MissingItem[] };

export interface ReviewTask {
  readonly round: number;
  readonly departmentCode: string;
  readonly departmentName: string;
  readonly dispatchedAt: string;
  readonly dueDate: string;
  readonly dueAt: string;
  readonly decision: ReviewDecision | null;
  readonly comment: string | null;
  readonly decidedAt: string | null;
  readonly decidedBy: ActorRef | null;
  /** Set when the command centre decided for an overdue department. */
  readonly decidedOnBehalf: boolean;
  readonly escalatedAt: string | null;
  /** Set when the application was withdrawn while the review was pending. */
  readonly cancelledAt: string | null;
}

/** 一次性告知: everything to correct, collected once. */
export interface CorrectionNotice {
  readonly round: number;
  readonly issuedAt: string;
  readonly issuedBy: 'lead_department' | 'reviews';
  readonly items: readonly {
    readonly itemId: string;
    readonly label: string;
    readonly notes: readonly { readonly departmentCode: string; readonly note: string }[];
  }[];
}

export type ApplicationOutcome =
  | {
      readonly kind: 'resumed';
      readonly decidedAt: string;
      /** First day the enterprise may work: the decision date or the plan's first batch, whichever is later. */
      readonly fromDate: string;
      readonly batchNo: number;
      readonly postCheckRequired: boolean;
    }
  | {
      readonly kind: 'refused';
      readonly decidedAt: string;
      readonly reasons: readonly (GivenReason & { readonly departmentCode: string })[];
    }
  | { readonly kind: 'withdrawn'; readonly decidedAt: string; readonly reason: string };

export interface ResumptionApplication {
  readonly id: string;
  readonly enterpriseId: string;
  readonly enterpriseName: string;
  readonly regionCode: string;
  readonly leadDepartmentCode: string;
  readonly mode: FilingMode;
  readonly greenChannel: boolean;
  readonly priority: boolean;
  readonly modeReasons: readonly string[];
  readonly modeSources: readonly SeedRef[];
  /** The approval-list item (approval mode), whose time limit sets the review deadline. */
  readonly approvalItemCode: string | null;
  /** Working days the parallel reviews have: the approval item's limit, at most 2 (L27). */
  readonly reviewWorkingDays: number;
  /** The published list version assessed against (fixed at first submission). */
  readonly conditionList: ConditionList | null;
  readonly package: ApplicationPackage;
  readonly status: ApplicationStatus;
  /** Optimistic-concurrency version; +1 on every transition. */
  readonly version: number;
  /** Review round (0 before the first acceptance). */
  readonly round: number;
  readonly createdAt: string;
  readonly submittedAt: string | null;
  readonly acceptedAt: string | null;
  readonly dueDate: string | null;
  readonly dueAt: string | null;
  readonly reviews: readonly ReviewTask[];
  readonly notices: readonly CorrectionNotice[];
  /** Items edited since the last correction notice (shown to reviewers). */
  readonly changedSinceNotice: readonly string[];
  /** Every edit after the first submission, to tell which items changed since a given notice. */
  readonly editLog: readonly { readonly at: string; readonly changed: readonly string[] }[];
  readonly outcome: ApplicationOutcome | null;
}

// ───────────────────────────── events ─────────────────────────────

export type ApplicationEventType =
  | 'created'
  | 'edited'
  | 'submitted'
  | 'filed'
  | 'resumed'
  | 'post_check_required'
  | 'correction_requested'
  | 'accepted'
  | 'review_dispatched'
  | 'reviewed'
  | 'returned_for_correction'
  | 'resubmitted'
  | 'refused'
  | 'withdrawn'
  | 'review_escalated';

/** Every step, visible to the enterprise (全程记录、不见面). */
export interface ApplicationEvent {
  readonly type: ApplicationEventType;
  readonly applicationId: string;
  readonly enterpriseId: string;
  readonly at: string;
  readonly actor: ActorRef;
  /** Application version after the transition. */
  readonly version: number;
  /** Chinese line for the timeline. */
  readonly message: string;
  readonly data?: Readonly<Record<string, unknown>>;
}

export type ApplicationTransition = Transition<ResumptionApplication, ApplicationEvent>;

// ───────────────────────────── actions ─────────────────────────────

export interface DispatchTarget {
  readonly departmentCode: string;
  readonly departmentName: string;
}

export type ApplicationAction =
  /** Replaces the given parts of the package (answers are replaced as a whole). */
  | { readonly type: 'edit'; readonly expectedVersion: number; readonly package: Partial<ApplicationPackage> }
  | { readonly type: 'submit'; readonly expectedVersion: number; readonly conditionList: ConditionList | null }
  | { readonly type: 'resubmit'; readonly expectedVersion: number; readonly response?: string }
  | { readonly type: 'request_correction'; readonly expectedVersion: number; readonly missing: readonly MissingItem[] }
  | { readonly type: 'accept'; readonly expectedVersion: number; readonly departments: readonly DispatchTarget[] }
  | {
      readonly type: 'review';
      readonly expectedVersion: number;
      readonly departmentCode: string;
      readonly decision: ReviewDecision;
      readonly comment?: string;
    }
  | { readonly type: 'withdraw'; readonly expectedVersion: number; readonly reason: string }
  | { readonly type: 'escalate_overdue'; readonly expectedVersion: number };

// ───────────────────────────── creation ─────────────────────────────

export interface CreateApplicationInput {
  readonly id: string;
  readonly enterpriseId: string;
  readonly enterpriseName: string;
  readonly regionCode: string;
  readonly leadDepartmentCode: string;
  /** From `resumptionMode(...)` at the time of creation. */
  readonly decision: ResumptionModeDecision;
}

function event(
  app: ResumptionApplication,
  type: ApplicationEventType,
  actor: Actor,
  now: string,
  message: string,
  data?: Record<string, unknown>,
): ApplicationEvent {
  return {
    type,
    applicationId: app.id,
    enterpriseId: app.enterpriseId,
    at: now,
    actor: actorRef(actor),
    version: app.version,
    message,
    ...(data ? { data } : {}),
  };
}

/** A new draft. Closed sectors cannot apply. */
export function createApplication(input: CreateApplicationInput, actor: Actor, now: string): ApplicationTransition {
  if (!isIsoInstant(now)) return fail(`操作时间：格式错误（${now}）`);
  if (actor.role !== 'enterprise' || actor.enterpriseId !== input.enterpriseId) {
    return fail('复工申请：只能由企业本身创建');
  }
  if (!input.id) return fail('申请编号：不能为空');
  if (!input.leadDepartmentCode) return fail('牵头部门：未配置本区域本类型企业的牵头受理部门');
  if (input.decision.mode === 'closed') {
    return fail(`复工申请：${input.decision.reasons.join('；')}`);
  }
  const app: ResumptionApplication = {
    id: input.id,
    enterpriseId: input.enterpriseId,
    enterpriseName: input.enterpriseName,
    regionCode: input.regionCode,
    leadDepartmentCode: input.leadDepartmentCode,
    mode: input.decision.mode,
    greenChannel: input.decision.greenChannel,
    priority: input.decision.priority,
    modeReasons: [...input.decision.reasons],
    modeSources: [...input.decision.sources],
    approvalItemCode: input.decision.approvalItem?.code ?? null,
    reviewWorkingDays: Math.min(
      REVIEW_WORKING_DAYS,
      Math.max(1, input.decision.approvalItem?.timeLimitWorkingDays ?? REVIEW_WORKING_DAYS),
    ),
    conditionList: null,
    package: EMPTY_PACKAGE,
    status: 'draft',
    version: 1,
    round: 0,
    createdAt: now,
    submittedAt: null,
    acceptedAt: null,
    dueDate: null,
    dueAt: null,
    reviews: [],
    notices: [],
    changedSinceNotice: [],
    editLog: [],
    outcome: null,
  };
  return {
    ok: true,
    state: app,
    events: [
      event(
        app,
        'created',
        actor,
        now,
        `创建复工申请，办理方式：${MODE_LABELS[app.mode]}${app.greenChannel ? '（绿色通道）' : ''}`,
        {
          mode: app.mode,
          reasons: app.modeReasons,
          sources: app.modeSources,
        },
      ),
    ],
  };
}

// ───────────────────────────── helpers ─────────────────────────────

function packageChanges(before: ApplicationPackage, patch: Partial<ApplicationPackage>): string[] {
  const changed: string[] = [];
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (patch.plan !== undefined && !same(before.plan, patch.plan)) changed.push('doc:plan');
  if (patch.preventionPlan !== undefined && !same(before.preventionPlan, patch.preventionPlan))
    changed.push('doc:prevention_plan');
  if (patch.commitment !== undefined && !same(before.commitment, patch.commitment))
    changed.push('doc:commitment_letter');
  if (patch.answers !== undefined) {
    const ids = new Set([...Object.keys(before.answers), ...Object.keys(patch.answers)]);
    for (const id of ids) if (!same(before.answers[id], patch.answers[id])) changed.push(id);
  }
  return changed;
}

/**
 * Everything missing for a submission in the application's mode, all at once. Declare mode asks for nothing (L26),
 * but an enterprise that itself answers that a required prevention condition is not met may not resume (L483).
 */
export function submissionIssues(
  mode: FilingMode,
  pkg: ApplicationPackage,
  list: ConditionList | null,
  today: string,
): string[] {
  const issues: string[] = [];
  if (mode === 'declare') {
    if (list) {
      const r = validateSelfAssessment(list, pkg.answers, { materialsDeferred: true });
      issues.push(...r.issues.filter((i) => i.kind === 'unmet').map((i) => i.message));
    }
    if (pkg.plan) issues.push(...validatePlan(pkg.plan).errors.map((e) => e.message));
    return issues;
  }
  if (!list) issues.push('自查清单：未找到适用于本风险等级的已公布清单');
  else if (list.publishedOn === null) issues.push(`自查清单：《${list.title}》尚未公布`);
  else {
    const r = validateSelfAssessment(list, pkg.answers, { materialsDeferred: mode === 'commitment' });
    issues.push(...r.issues.map((i) => i.message));
  }
  if (!pkg.plan) issues.push('复工复产方案：请填写分批返岗计划');
  else issues.push(...validatePlan(pkg.plan, { asOf: today }).errors.map((e) => e.message));
  if (!pkg.preventionPlan) issues.push('疫情防控方案（一企一策）：请上传');
  if (!pkg.commitment) issues.push('疫情防控承诺书：请签署');
  return issues;
}

function resumedOutcome(app: ResumptionApplication, now: string, postCheckRequired: boolean): ApplicationOutcome {
  const today = shanghaiDate(now);
  const first = app.package.plan?.batches[0];
  const fromDate = first && first.startDate > today ? first.startDate : today;
  return { kind: 'resumed', decidedAt: now, fromDate, batchNo: 1, postCheckRequired };
}

function currentReviews(app: ResumptionApplication): ReviewTask[] {
  return app.reviews.filter((r) => r.round === app.round && r.cancelledAt === null);
}

function departmentLabel(app: ResumptionApplication, code: string): string {
  return app.reviews.find((r) => r.departmentCode === code)?.departmentName ?? code;
}

/**
 * Checks a list of missing items: on the published list, with a note, and 一次性告知: once the same side (the lead
 * department at intake, or the parallel reviewers) has issued a notice, a later notice from that side may only name
 * items it already named or items the enterprise has changed since.
 */
function missingItemIssues(
  app: ResumptionApplication,
  missing: readonly MissingItem[],
  issuer: CorrectionNotice['issuedBy'],
): string[] {
  if (missing.length === 0) return ['补正事项：请至少列明一项'];
  if (!app.conditionList) return ['补正事项：申请没有自查清单，无法列明补正事项'];
  const issues = findOffListRequests(
    app.conditionList,
    missing.map((m) => m.itemId),
  ).map((o) => o.message);
  const earlier = app.notices.filter((n) => n.issuedBy === issuer);
  const last = earlier[earlier.length - 1];
  const notified = new Set(earlier.flatMap((n) => n.items.map((i) => i.itemId)));
  const changed = new Set(
    last ? app.editLog.filter((e) => compareInstants(e.at, last.issuedAt) >= 0).flatMap((e) => e.changed) : [],
  );
  const seen = new Set<string>();
  for (const m of missing) {
    const label = requestLabel(app.conditionList, m.itemId);
    if (!m.note.trim()) issues.push(`补正事项「${label}」：请说明需要补正的内容`);
    if (seen.has(m.itemId)) issues.push(`补正事项「${label}」：重复列出`);
    seen.add(m.itemId);
    if (last && !notified.has(m.itemId) && !changed.has(m.itemId)) {
      issues.push(`补正事项「${label}」：此前一次性告知中未列出，且企业未修改该项，不得再次要求补正`);
    }
  }
  return issues;
}

function buildNotice(
  app: ResumptionApplication,
  issuedBy: CorrectionNotice['issuedBy'],
  now: string,
  entries: readonly { departmentCode: string; missing: readonly MissingItem[] }[],
): CorrectionNotice {
  const byItem = new Map<string, { departmentCode: string; note: string }[]>();
  for (const e of entries) {
    for (const m of e.missing) {
      const list = byItem.get(m.itemId) ?? [];
      list.push({ departmentCode: e.departmentCode, note: m.note.trim() });
      byItem.set(m.itemId, list);
    }
  }
  return {
    round: app.round,
    issuedAt: now,
    issuedBy,
    items: [...byItem.entries()].map(([itemId, notes]) => ({
      itemId,
      label: app.conditionList ? requestLabel(app.conditionList, itemId) : itemId,
      notes,
    })),
  };
}

function noticeText(notice: CorrectionNotice): string {
  return notice.items.map((i, n) => `${n + 1}. ${i.label}：${i.notes.map((x) => x.note).join('；')}`).join('\n');
}

function bump(app: ResumptionApplication, patch: Partial<ResumptionApplication>): ResumptionApplication {
  return { ...app, ...patch, version: app.version + 1 };
}

function isLead(app: ResumptionApplication, actor: Actor): boolean {
  return actor.role === 'department' && actor.departmentCode === app.leadDepartmentCode;
}

// ───────────────────────────── transition ─────────────────────────────

/** Applies one action. Never throws for bad input; returns a Chinese error instead. */
export function transition(
  app: ResumptionApplication,
  action: ApplicationAction,
  actor: Actor,
  now: string,
): ApplicationTransition {
  if (!isIsoInstant(now)) return fail(`操作时间：格式错误（${now}）`);
  if (action.expectedVersion !== app.version) {
    return fail(`申请已被他人更新（当前为第${app.version}版，您操作的是第${action.expectedVersion}版），请刷新后重试`);
  }
  if (FINAL_STATUSES.includes(app.status)) {
    return fail(`申请已办结（${APPLICATION_STATUS_LABELS[app.status]}），不能再操作`);
  }
  switch (action.type) {
    case 'edit':
      return edit(app, action, actor, now);
    case 'submit':
      return submit(app, action, actor, now);
    case 'resubmit':
      return resubmit(app, action, actor, now);
    case 'request_correction':
      return requestCorrection(app, action, actor, now);
    case 'accept':
      return accept(app, action, actor, now);
    case 'review':
      return review(app, action, actor, now);
    case 'withdraw':
      return withdraw(app, action, actor, now);
    case 'escalate_overdue':
      return escalateOverdue(app, actor, now);
    default: {
      const unknown: never = action;
      return fail(`未知操作：${(unknown as { type: string }).type}`);
    }
  }
}

function isOwnEnterprise(app: ResumptionApplication, actor: Actor): boolean {
  return actor.role === 'enterprise' && actor.enterpriseId === app.enterpriseId;
}

function edit(
  app: ResumptionApplication,
  action: Extract<ApplicationAction, { type: 'edit' }>,
  actor: Actor,
  now: string,
): ApplicationTransition {
  if (!isOwnEnterprise(app, actor)) return fail('修改申请：只能由申请企业操作');
  if (app.status !== 'draft' && app.status !== 'returned_for_correction') {
    return fail(`修改申请：当前状态为「${APPLICATION_STATUS_LABELS[app.status]}」，只有草稿或退回补正的申请可以修改`);
  }
  const changed = packageChanges(app.package, action.package);
  if (changed.length === 0) return fail('修改申请：没有任何变化');
  const pkg: ApplicationPackage = {
    plan: action.package.plan !== undefined ? action.package.plan : app.package.plan,
    preventionPlan:
      action.package.preventionPlan !== undefined ? action.package.preventionPlan : app.package.preventionPlan,
    answers: action.package.answers !== undefined ? action.package.answers : app.package.answers,
    commitment: action.package.commitment !== undefined ? action.package.commitment : app.package.commitment,
  };
  const afterSubmission = app.status === 'returned_for_correction';
  const next = bump(app, {
    package: pkg,
    changedSinceNotice: afterSubmission
      ? [...new Set([...app.changedSinceNotice, ...changed])]
      : app.changedSinceNotice,
    editLog: afterSubmission ? [...app.editLog, { at: now, changed }] : app.editLog,
  });
  const labels = changed.map((id) => (app.conditionList ? requestLabel(app.conditionList, id) : id));
  return {
    ok: true,
    state: next,
    events: [event(next, 'edited', actor, now, `修改了：${labels.join('、')}`, { changed })],
  };
}

function submit(
  app: ResumptionApplication,
  action: Extract<ApplicationAction, { type: 'submit' }>,
  actor: Actor,
  now: string,
): ApplicationTransition {
  if (!isOwnEnterprise(app, actor)) return fail('提交申请：只能由申请企业操作');
  if (app.status !== 'draft') return fail(`提交申请：当前状态为「${APPLICATION_STATUS_LABELS[app.status]}」，不能提交`);
  const today = shanghaiDate(now);
  const issues = submissionIssues(app.mode, app.package, action.conditionList, today);
  if (issues.length) return fail(`提交申请：共有${issues.length}项需要完善`, issues);
  const base = bump(app, { status: 'submitted', submittedAt: now, conditionList: action.conditionList });
  const submitted = event(base, 'submitted', actor, now, `提交复工申请（${MODE_LABELS[app.mode]}）`, {
    mode: app.mode,
    listId: action.conditionList?.listId ?? null,
    listVersion: action.conditionList?.version ?? null,
  });
  if (app.mode === 'approval') {
    return { ok: true, state: base, events: [submitted] };
  }
  // declare, commitment and filing: resumed on submission; commitment and filing are checked on site afterwards.
  const postCheck = app.mode !== 'declare';
  const outcome = resumedOutcome(base, now, postCheck);
  const done = { ...base, status: 'resumed' as const, outcome };
  const events: ApplicationEvent[] = [submitted];
  if (app.mode === 'filing') {
    events.push(event(done, 'filed', actor, now, '备案信息已登记，备案即可组织复工复产'));
  }
  events.push(
    event(
      done,
      'resumed',
      actor,
      now,
      app.mode === 'declare'
        ? `低风险地区申报即复工，自${outcome.kind === 'resumed' ? outcome.fromDate : today}起可组织复工复产`
        : `${MODE_LABELS[app.mode]}已提交，自${outcome.kind === 'resumed' ? outcome.fromDate : today}起可组织复工复产（第1批）`,
      { outcome },
    ),
  );
  if (postCheck) {
    events.push(
      event(done, 'post_check_required', actor, now, '已生成事后现场核查任务，网格员或驻企联络员将上门核查', {
        enterpriseId: app.enterpriseId,
        resumedAt: now,
      }),
    );
  }
  return { ok: true, state: done, events };
}

function resubmit(
  app: ResumptionApplication,
  action: Extract<ApplicationAction, { type: 'resubmit' }>,
  actor: Actor,
  now: string,
): ApplicationTransition {
  if (!isOwnEnterprise(app, actor)) return fail('重新提交：只能由申请企业操作');
  if (app.status !== 'returned_for_correction') {
    return fail(`重新提交：当前状态为「${APPLICATION_STATUS_LABELS[app.status]}」，只有退回补正的申请可以重新提交`);
  }
  const issues = submissionIssues(app.mode, app.package, app.conditionList, shanghaiDate(now));
  if (issues.length) return fail(`重新提交：共有${issues.length}项需要完善`, issues);
  const next = bump(app, { status: 'resubmitted' });
  return {
    ok: true,
    state: next,
    events: [
      event(
        next,
        'resubmitted',
        actor,
        now,
        `补正后重新提交${action.response?.trim() ? `：${action.response.trim()}` : ''}`,
        {
          changed: app.changedSinceNotice,
        },
      ),
    ],
  };
}

function requestCorrection(
  app: ResumptionApplication,
  action: Extract<ApplicationAction, { type: 'request_correction' }>,
  actor: Actor,
  now: string,
): ApplicationTransition {
  if (!isLead(app, actor)) return fail('一次性告知：只能由牵头受理部门操作');
  if (app.status !== 'submitted' && app.status !== 'resubmitted') {
    return fail(`一次性告知：当前状态为「${APPLICATION_STATUS_LABELS[app.status]}」，只能在受理前告知`);
  }
  const issues = missingItemIssues(app, action.missing, 'lead_department');
  if (issues.length) return fail(`一次性告知：共有${issues.length}项不符合要求`, issues);
  const notice = buildNotice(app, 'lead_department', now, [
    { departmentCode: app.leadDepartmentCode, missing: action.missing },
  ]);
  const next = bump(app, {
    status: 'returned_for_correction',
    notices: [...app.notices, notice],
    changedSinceNotice: [],
  });
  return {
    ok: true,
    state: next,
    events: [
      event(next, 'correction_requested', actor, now, `牵头部门一次性告知需补正事项：\n${noticeText(notice)}`, {
        notice,
      }),
    ],
  };
}

function accept(
  app: ResumptionApplication,
  action: Extract<ApplicationAction, { type: 'accept' }>,
  actor: Actor,
  now: string,
): ApplicationTransition {
  if (!isLead(app, actor)) return fail('受理：只能由牵头受理部门操作');
  if (app.mode !== 'approval') return fail(`受理：${MODE_LABELS[app.mode]}方式提交即可复工，无需受理审查`);
  if (app.status !== 'submitted' && app.status !== 'resubmitted') {
    return fail(`受理：当前状态为「${APPLICATION_STATUS_LABELS[app.status]}」，不能受理`);
  }
  if (action.departments.length === 0) return fail('受理：请选择并联审查的部门');
  const codes = action.departments.map((d) => d.departmentCode);
  if (codes.some((c) => !c)) return fail('受理：审查部门编码不能为空');
  if (new Set(codes).size !== codes.length) return fail('受理：审查部门重复');
  const due = dueDateAfterAcceptance(now, app.reviewWorkingDays);
  const round = app.round + 1;
  const tasks: ReviewTask[] = action.departments.map((d) => ({
    round,
    departmentCode: d.departmentCode,
    departmentName: d.departmentName || d.departmentCode,
    dispatchedAt: now,
    dueDate: due.dueDate,
    dueAt: due.dueAt,
    decision: null,
    comment: null,
    decidedAt: null,
    decidedBy: null,
    decidedOnBehalf: false,
    escalatedAt: null,
    cancelledAt: null,
  }));
  const next = bump(app, {
    status: 'accepted',
    round,
    acceptedAt: now,
    dueDate: due.dueDate,
    dueAt: due.dueAt,
    reviews: [...app.reviews, ...tasks],
  });
  const events = [
    event(
      next,
      'accepted',
      actor,
      now,
      `牵头部门已受理，并联审查，应于${due.dueDate}前（${app.reviewWorkingDays}个工作日内）作出答复`,
      {
        round,
        dueDate: due.dueDate,
        dueAt: due.dueAt,
        provisional: due.provisional,
      },
    ),
    ...tasks.map((t) =>
      event(next, 'review_dispatched', actor, now, `已分送${t.departmentName}并联审查`, {
        round,
        departmentCode: t.departmentCode,
        dueAt: t.dueAt,
      }),
    ),
  ];
  return { ok: true, state: next, events };
}

function review(
  app: ResumptionApplication,
  action: Extract<ApplicationAction, { type: 'review' }>,
  actor: Actor,
  now: string,
): ApplicationTransition {
  if (app.status !== 'accepted' && app.status !== 'under_review') {
    return fail(`审查：当前状态为「${APPLICATION_STATUS_LABELS[app.status]}」，不在审查中`);
  }
  const tasks = currentReviews(app);
  const task = tasks.find((t) => t.departmentCode === action.departmentCode);
  if (!task) return fail(`审查：本申请未分送${action.departmentCode}审查`);
  const onBehalf = actor.role === 'command_centre';
  if (onBehalf) {
    if (task.escalatedAt === null)
      return fail(`审查：${task.departmentName}的审查未逾期提请督办，指挥部不能代为作出意见`);
  } else if (actor.role !== 'department' || actor.departmentCode !== action.departmentCode) {
    return fail(`审查：只能由${task.departmentName}作出审查意见`);
  }
  if (task.decision !== null) return fail(`审查：${task.departmentName}已作出审查意见，不能重复审查`);
  const d = action.decision;
  if (d.kind === 'reject') {
    const errors = validateRefusalReasons(d.reasons);
    if (errors.length) return fail(errors[0]!, errors);
  } else if (d.kind === 'return') {
    const issues = missingItemIssues(app, d.missing, 'reviews');
    if (issues.length) return fail(`退回补正：共有${issues.length}项不符合要求`, issues);
  } else if (d.kind !== 'approve') {
    return fail('审查意见：应为同意、不同意或退回补正');
  }
  const decided: ReviewTask = {
    ...task,
    decision: d,
    comment: action.comment?.trim() || null,
    decidedAt: now,
    decidedBy: actorRef(actor),
    decidedOnBehalf: onBehalf,
  };
  const reviews = app.reviews.map((r) => (r === task ? decided : r));
  let next = bump(app, { reviews, status: 'under_review' });
  const opinion =
    d.kind === 'approve'
      ? '同意'
      : d.kind === 'reject'
        ? `不同意（${d.reasons.map((r) => refusalReason(r.code)?.label ?? r.code).join('、')}）`
        : '退回补正';
  const events: ApplicationEvent[] = [
    event(
      next,
      'reviewed',
      actor,
      now,
      `${task.departmentName}${onBehalf ? '（指挥部督办代为）' : ''}审查意见：${opinion}`,
      {
        round: app.round,
        departmentCode: task.departmentCode,
        decision: d,
        onTime: !isOverdue(task.dueAt, now),
      },
    ),
  ];
  const round = currentReviews({ ...next });
  if (round.some((r) => r.decision === null)) return { ok: true, state: next, events };

  // All departments have answered: the outcome rule.
  const rejects = round.filter((r) => r.decision?.kind === 'reject');
  const returns = round.filter((r) => r.decision?.kind === 'return');
  if (rejects.length > 0) {
    const reasons = rejects.flatMap((r) =>
      r.decision?.kind === 'reject' ? r.decision.reasons.map((x) => ({ ...x, departmentCode: r.departmentCode })) : [],
    );
    next = { ...next, status: 'refused', outcome: { kind: 'refused', decidedAt: now, reasons } };
    const text = reasons
      .map(
        (r) =>
          `${departmentLabel(app, r.departmentCode)}：${refusalReason(r.code)?.label ?? r.code}${r.note ? `（${r.note}）` : ''}`,
      )
      .join('；');
    events.push(event(next, 'refused', actor, now, `不予复工。理由：${text}`, { reasons }));
    return { ok: true, state: next, events };
  }
  if (returns.length > 0) {
    const notice = buildNotice(
      next,
      'reviews',
      now,
      returns.map((r) => ({
        departmentCode: r.departmentCode,
        missing: r.decision?.kind === 'return' ? r.decision.missing : [],
      })),
    );
    next = { ...next, status: 'returned_for_correction', notices: [...next.notices, notice], changedSinceNotice: [] };
    events.push(
      event(next, 'returned_for_correction', actor, now, `退回补正，一次性告知需补正事项：\n${noticeText(notice)}`, {
        notice,
      }),
    );
    return { ok: true, state: next, events };
  }
  const outcome = resumedOutcome(next, now, false);
  next = { ...next, status: 'resumed', outcome };
  events.push(
    event(
      next,
      'resumed',
      actor,
      now,
      `各部门均同意，准予复工，自${outcome.kind === 'resumed' ? outcome.fromDate : ''}起按第1批组织复工复产`,
      { outcome },
    ),
  );
  return { ok: true, state: next, events };
}

function withdraw(
  app: ResumptionApplication,
  action: Extract<ApplicationAction, { type: 'withdraw' }>,
  actor: Actor,
  now: string,
): ApplicationTransition {
  if (!isOwnEnterprise(app, actor)) return fail('撤回申请：只能由申请企业操作');
  if (!action.reason.trim()) return fail('撤回原因：不能为空');
  const reviews = app.reviews.map((r) =>
    r.round === app.round && r.decision === null && r.cancelledAt === null ? { ...r, cancelledAt: now } : r,
  );
  const next = bump(app, {
    status: 'withdrawn',
    reviews,
    outcome: { kind: 'withdrawn', decidedAt: now, reason: action.reason.trim() },
  });
  return {
    ok: true,
    state: next,
    events: [event(next, 'withdrawn', actor, now, `企业撤回申请：${action.reason.trim()}`)],
  };
}

function escalateOverdue(app: ResumptionApplication, actor: Actor, now: string): ApplicationTransition {
  if (actor.role !== 'system' && actor.role !== 'command_centre') return fail('逾期督办：只能由系统或指挥部发起');
  const overdue = overdueReviews(app, now).filter((r) => r.escalatedAt === null);
  if (overdue.length === 0) return fail('逾期督办：没有逾期未办且未督办的审查');
  const keys = new Set(overdue);
  const reviews = app.reviews.map((r) => (keys.has(r) ? { ...r, escalatedAt: now } : r));
  const next = bump(app, { reviews });
  return {
    ok: true,
    state: next,
    events: overdue.map((r) =>
      event(
        next,
        'review_escalated',
        actor,
        now,
        `${r.departmentName}未在${app.reviewWorkingDays}个工作日内（截至${r.dueDate}）作出答复，已提请指挥部督办`,
        { departmentCode: r.departmentCode, dueAt: r.dueAt, round: r.round },
      ),
    ),
  };
}

// ───────────────────────────── queries ─────────────────────────────

/** Pending reviews of the current round past their deadline. */
export function overdueReviews(app: ResumptionApplication, now: string): ReviewTask[] {
  if (app.status !== 'accepted' && app.status !== 'under_review') return [];
  return currentReviews(app).filter((r) => r.decision === null && isOverdue(r.dueAt, now));
}

/** Whether the application's answer is overdue (for list flags). */
export function isApplicationOverdue(app: ResumptionApplication, now: string): boolean {
  return overdueReviews(app, now).length > 0;
}

/** The latest correction notice (一次性告知) the enterprise must address, if returned. */
export function currentNotice(app: ResumptionApplication): CorrectionNotice | undefined {
  return app.status === 'returned_for_correction' ? app.notices[app.notices.length - 1] : undefined;
}

/** Actions the actor may take now (for buttons); the transition still re-checks everything. */
export function availableActions(app: ResumptionApplication, actor: Actor, now: string): ApplicationAction['type'][] {
  if (FINAL_STATUSES.includes(app.status)) return [];
  const out: ApplicationAction['type'][] = [];
  if (isOwnEnterprise(app, actor)) {
    if (app.status === 'draft' || app.status === 'returned_for_correction') out.push('edit');
    if (app.status === 'draft') out.push('submit');
    if (app.status === 'returned_for_correction') out.push('resubmit');
    out.push('withdraw');
  }
  if (isLead(app, actor) && (app.status === 'submitted' || app.status === 'resubmitted') && app.mode === 'approval') {
    out.push('accept', 'request_correction');
  }
  if (app.status === 'accepted' || app.status === 'under_review') {
    const pending = currentReviews(app).filter((r) => r.decision === null);
    if (
      pending.some(
        (r) =>
          (actor.role === 'department' && actor.departmentCode === r.departmentCode) ||
          (actor.role === 'command_centre' && r.escalatedAt !== null),
      )
    ) {
      out.push('review');
    }
    if (
      (actor.role === 'system' || actor.role === 'command_centre') &&
      overdueReviews(app, now).some((r) => r.escalatedAt === null)
    ) {
      out.push('escalate_overdue');
    }
  }
  return out;
}
