/**
 * 事后核查, 限期整改, 销号: after a filing or commitment the enterprise is checked on site (seed 003 L27); a finding
 * becomes a rectification order with a deadline, the enterprise responds, the officer re-checks and closes it (销号)
 * or sends it back; a serious finding can order a stop (停工整改, seed 003 L747).
 *
 * Two pure state machines: the check task (`transitionCheckTask`) and the rectification order
 * (`transitionRectification`). Both carry a `version` for optimistic concurrency, like the application.
 */
import { dueDateAfterAcceptance, isOverdue } from '../calendar/working-days.ts';
import type { Actor, ActorRef, AttachmentRef, Transition } from './actor.ts';
import { actorRef, fail } from './actor.ts';
import { c003, c004 } from './citations.ts';
import type { ConditionList } from './conditions.ts';
import { isIsoInstant } from './time.ts';

export const INSPECTION_RULES = Object.freeze({
  postCheck: c003(27, '相关部门通过开展事后现场核查等，确保企业全面落实各项防疫措施'),
  filingRecheck: c004(6, '报备复核制'),
  gridOfficers: c004(6, '网格管理员严格落实包保责任'),
  liaison: c003(491, '建立重点企业派驻联络员制度'),
  onSite: c004(21, '逐一到现场查验防疫措施落实情况'),
  rectifyInTime: c003(404, '由各级复工复产牵头部门限期整改落实'),
  stopAndRectify: c003(747, '要及时采取停工停产、限期整改措施'),
  stopTrigger: c003(747, '对于未做好复工防疫措施、隐瞒疫情信息的企业'),
  ledger: c003(729, '建立问题台账、列出问题清单，逐项制定整改措施'),
});

/**
 * Deadlines, in working days. None of the seeds gives a number: the post-check default (3) keeps the check close
 * to the resumption it verifies, after the 2-working-day answer of the approval route; a serious finding (which may
 * stop the enterprise) gets a shorter rectification time than a minor one.
 */
export interface InspectionConfig {
  readonly postCheckWorkingDays: number;
  readonly rectificationWorkingDays: { readonly minor: number; readonly serious: number };
}

export const DEFAULT_INSPECTION_CONFIG: InspectionConfig = Object.freeze({
  postCheckWorkingDays: 3,
  rectificationWorkingDays: Object.freeze({ minor: 5, serious: 2 }),
});

export function validateInspectionConfig(config: InspectionConfig): string[] {
  const errors: string[] = [];
  const ok = (n: number) => Number.isInteger(n) && n >= 1 && n <= 30;
  if (!ok(config.postCheckWorkingDays)) errors.push('事后核查期限：应为1–30个工作日');
  if (!ok(config.rectificationWorkingDays.minor)) errors.push('一般问题整改期限：应为1–30个工作日');
  if (!ok(config.rectificationWorkingDays.serious)) errors.push('严重问题整改期限：应为1–30个工作日');
  if (config.rectificationWorkingDays.serious > config.rectificationWorkingDays.minor) {
    errors.push('严重问题整改期限：不应长于一般问题');
  }
  return errors;
}

// ───────────────────────────── check tasks ─────────────────────────────

export type CheckTaskStatus = 'assigned' | 'in_progress' | 'completed' | 'cancelled';

export const CHECK_TASK_STATUS_LABELS: Readonly<Record<CheckTaskStatus, string>> = {
  assigned: '待核查',
  in_progress: '核查中',
  completed: '已完成',
  cancelled: '已取消',
};

export type CheckKind = 'post_resumption' | 'routine';
export type AssigneeRole = 'grid_officer' | 'liaison';
export type Severity = 'minor' | 'serious';

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = { minor: '一般问题', serious: '严重问题' };

export interface CheckAnswer {
  readonly result: 'pass' | 'fail' | 'not_applicable';
  readonly note: string | null;
  readonly photos: readonly AttachmentRef[];
  readonly at: string;
}

export interface Finding {
  readonly id: string;
  /** The checklist item it concerns, or null for a problem outside the list (e.g. 隐瞒疫情信息). */
  readonly itemId: string | null;
  readonly severity: Severity;
  readonly description: string;
  readonly photos: readonly AttachmentRef[];
  /** 停工整改: only for serious findings. */
  readonly orderStop: boolean;
  readonly at: string;
}

export interface CheckTask {
  readonly id: string;
  readonly kind: CheckKind;
  readonly enterpriseId: string;
  readonly enterpriseName: string;
  readonly applicationId: string | null;
  readonly assigneeId: string;
  readonly assigneeRole: AssigneeRole;
  readonly checklist: ConditionList;
  readonly createdAt: string;
  readonly dueDate: string;
  readonly dueAt: string;
  readonly status: CheckTaskStatus;
  readonly version: number;
  readonly answers: Readonly<Record<string, CheckAnswer>>;
  readonly findings: readonly Finding[];
  readonly startedAt: string | null;
  readonly completedAt: string | null;
  readonly summary: string | null;
  readonly cancelReason: string | null;
}

export type InspectionEventType =
  | 'check_task_assigned'
  | 'check_task_reassigned'
  | 'check_task_started'
  | 'check_item_answered'
  | 'finding_added'
  | 'finding_removed'
  | 'check_task_completed'
  | 'check_task_cancelled'
  | 'rectification_ordered'
  | 'stop_ordered'
  | 'rectification_responded'
  | 'rectification_closed'
  | 'rectification_sent_back'
  | 'rectification_reopened';

export interface InspectionEvent {
  readonly type: InspectionEventType;
  readonly enterpriseId: string;
  readonly taskId: string | null;
  readonly orderId: string | null;
  readonly at: string;
  readonly actor: ActorRef;
  readonly version: number;
  readonly message: string;
  readonly data?: Readonly<Record<string, unknown>>;
}

export interface CreateCheckTaskInput {
  readonly id: string;
  readonly kind: CheckKind;
  readonly enterpriseId: string;
  readonly enterpriseName: string;
  readonly applicationId?: string;
  readonly assigneeId: string;
  readonly assigneeRole: AssigneeRole;
  /** A published enterprise checklist (e.g. the list the enterprise self-assessed against, or 五不开工). */
  readonly checklist: ConditionList;
  /** The instant the deadline counts from: the resumption for a post-check; defaults to now. */
  readonly from?: string;
}

function inspectionEvent(
  type: InspectionEventType,
  base: { enterpriseId: string; taskId: string | null; orderId: string | null; version: number },
  actor: Actor,
  now: string,
  message: string,
  data?: Record<string, unknown>,
): InspectionEvent {
  return { type, ...base, at: now, actor: actorRef(actor), message, ...(data ? { data } : {}) };
}

function taskEvent(
  task: CheckTask,
  type: InspectionEventType,
  actor: Actor,
  now: string,
  message: string,
  data?: Record<string, unknown>,
) {
  return inspectionEvent(
    type,
    { enterpriseId: task.enterpriseId, taskId: task.id, orderId: null, version: task.version },
    actor,
    now,
    message,
    data,
  );
}

export type CheckTaskTransition = Transition<CheckTask, InspectionEvent>;

/** Creates a check task with its deadline (`postCheckWorkingDays` working days after `from`). */
export function createCheckTask(
  input: CreateCheckTaskInput,
  actor: Actor,
  now: string,
  config: InspectionConfig = DEFAULT_INSPECTION_CONFIG,
): CheckTaskTransition {
  if (!isIsoInstant(now)) return fail(`操作时间：格式错误（${now}）`);
  if (actor.role !== 'system' && actor.role !== 'command_centre' && actor.role !== 'department') {
    return fail('核查任务：只能由系统、指挥部或部门派发');
  }
  const configErrors = validateInspectionConfig(config);
  if (configErrors.length) return fail(configErrors[0]!, configErrors);
  if (!input.id) return fail('任务编号：不能为空');
  if (!input.assigneeId) return fail('核查人员：请指定网格员或驻企联络员');
  if (input.assigneeRole !== 'grid_officer' && input.assigneeRole !== 'liaison')
    return fail('核查人员：应为网格员或驻企联络员');
  if (input.checklist.publishedOn === null) return fail(`核查清单：《${input.checklist.title}》尚未公布`);
  if (input.checklist.subject !== 'enterprise') return fail(`核查清单：《${input.checklist.title}》不是企业核查清单`);
  const from = input.from ?? now;
  if (!isIsoInstant(from)) return fail('起算时间：格式错误');
  const due = dueDateAfterAcceptance(from, config.postCheckWorkingDays);
  const task: CheckTask = {
    id: input.id,
    kind: input.kind,
    enterpriseId: input.enterpriseId,
    enterpriseName: input.enterpriseName,
    applicationId: input.applicationId ?? null,
    assigneeId: input.assigneeId,
    assigneeRole: input.assigneeRole,
    checklist: input.checklist,
    createdAt: now,
    dueDate: due.dueDate,
    dueAt: due.dueAt,
    status: 'assigned',
    version: 1,
    answers: {},
    findings: [],
    startedAt: null,
    completedAt: null,
    summary: null,
    cancelReason: null,
  };
  return {
    ok: true,
    state: task,
    events: [
      taskEvent(
        task,
        'check_task_assigned',
        actor,
        now,
        `派发${input.kind === 'post_resumption' ? '事后现场核查' : '现场检查'}任务，应于${due.dueDate}前完成`,
        {
          assigneeId: input.assigneeId,
          dueAt: due.dueAt,
        },
      ),
    ],
  };
}

export type CheckTaskAction =
  | { readonly type: 'start'; readonly expectedVersion: number }
  | {
      readonly type: 'answer';
      readonly expectedVersion: number;
      readonly itemId: string;
      readonly result: CheckAnswer['result'];
      readonly note?: string;
      readonly photos?: readonly AttachmentRef[];
    }
  | {
      readonly type: 'add_finding';
      readonly expectedVersion: number;
      readonly findingId: string;
      readonly itemId: string | null;
      readonly severity: Severity;
      readonly description: string;
      readonly photos: readonly AttachmentRef[];
      readonly orderStop?: boolean;
    }
  | { readonly type: 'remove_finding'; readonly expectedVersion: number; readonly findingId: string }
  | { readonly type: 'complete'; readonly expectedVersion: number; readonly summary?: string }
  | {
      readonly type: 'reassign';
      readonly expectedVersion: number;
      readonly assigneeId: string;
      readonly assigneeRole: AssigneeRole;
    }
  | { readonly type: 'cancel'; readonly expectedVersion: number; readonly reason: string };

/** Completing a task also yields the rectification orders of its findings. */
export type CheckTaskResult = CheckTaskTransition & { readonly orders?: readonly RectificationOrder[] };

function isAssignee(task: CheckTask, actor: Actor): boolean {
  return actor.userId === task.assigneeId && (actor.role === 'grid_officer' || actor.role === 'liaison');
}

function photosOk(photos: readonly AttachmentRef[] | undefined): boolean {
  return (photos ?? []).every((p) => !!p.fileId && !!p.name);
}

export function transitionCheckTask(
  task: CheckTask,
  action: CheckTaskAction,
  actor: Actor,
  now: string,
  config: InspectionConfig = DEFAULT_INSPECTION_CONFIG,
): CheckTaskResult {
  if (!isIsoInstant(now)) return fail(`操作时间：格式错误（${now}）`);
  if (action.expectedVersion !== task.version) {
    return fail(`核查任务已被更新（当前为第${task.version}版），请刷新后重试`);
  }
  if (task.status === 'completed' || task.status === 'cancelled') {
    return fail(`核查任务${CHECK_TASK_STATUS_LABELS[task.status]}，不能再操作`);
  }
  const bumped = (patch: Partial<CheckTask>): CheckTask => ({ ...task, ...patch, version: task.version + 1 });
  switch (action.type) {
    case 'reassign': {
      if (actor.role !== 'command_centre' && actor.role !== 'department') return fail('改派：只能由指挥部或部门操作');
      if (!action.assigneeId) return fail('核查人员：请指定网格员或驻企联络员');
      if (action.assigneeId === task.assigneeId) return fail('改派：与当前核查人员相同');
      const next = bumped({ assigneeId: action.assigneeId, assigneeRole: action.assigneeRole });
      return {
        ok: true,
        state: next,
        events: [
          taskEvent(next, 'check_task_reassigned', actor, now, '核查任务已改派', {
            from: task.assigneeId,
            to: action.assigneeId,
          }),
        ],
      };
    }
    case 'cancel': {
      if (actor.role !== 'command_centre' && actor.role !== 'department') return fail('取消：只能由指挥部或部门操作');
      if (!action.reason.trim()) return fail('取消原因：不能为空');
      const next = bumped({ status: 'cancelled', cancelReason: action.reason.trim() });
      return {
        ok: true,
        state: next,
        events: [taskEvent(next, 'check_task_cancelled', actor, now, `核查任务取消：${action.reason.trim()}`)],
      };
    }
    default:
      break;
  }
  if (!isAssignee(task, actor)) return fail('核查任务：只能由被指派的网格员或驻企联络员操作');
  const startPatch: Partial<CheckTask> = task.status === 'assigned' ? { status: 'in_progress', startedAt: now } : {};
  switch (action.type) {
    case 'start': {
      if (task.status !== 'assigned') return fail('开始核查：任务已在核查中');
      const next = bumped(startPatch);
      return { ok: true, state: next, events: [taskEvent(next, 'check_task_started', actor, now, '开始现场核查')] };
    }
    case 'answer': {
      const item = task.checklist.items.find((i) => i.id === action.itemId);
      if (!item) return fail(`核查事项：「${action.itemId}」不在核查清单中`);
      if (!['pass', 'fail', 'not_applicable'].includes(action.result))
        return fail(`「${item.text}」：结果应为符合、不符合或不适用`);
      if (action.result === 'not_applicable' && item.required) return fail(`「${item.text}」：必查事项不能选择不适用`);
      if (!photosOk(action.photos)) return fail(`「${item.text}」照片：缺少文件编号或文件名`);
      const answer: CheckAnswer = {
        result: action.result,
        note: action.note?.trim() || null,
        photos: [...(action.photos ?? [])],
        at: now,
      };
      const next = bumped({ ...startPatch, answers: { ...task.answers, [item.id]: answer } });
      const label = action.result === 'pass' ? '符合' : action.result === 'fail' ? '不符合' : '不适用';
      return {
        ok: true,
        state: next,
        events: [
          taskEvent(next, 'check_item_answered', actor, now, `「${item.text}」：${label}`, {
            itemId: item.id,
            result: action.result,
          }),
        ],
      };
    }
    case 'add_finding': {
      if (!action.findingId) return fail('问题编号：不能为空');
      if (task.findings.some((f) => f.id === action.findingId)) return fail(`问题编号：${action.findingId} 已存在`);
      if (action.itemId !== null && !task.checklist.items.some((i) => i.id === action.itemId)) {
        return fail(`问题所属事项：「${action.itemId}」不在核查清单中`);
      }
      if (action.severity !== 'minor' && action.severity !== 'serious') return fail('问题严重程度：应为一般或严重');
      if (!action.description.trim()) return fail('问题描述：不能为空');
      if (!photosOk(action.photos)) return fail('问题照片：缺少文件编号或文件名');
      if (action.severity === 'serious' && action.photos.length === 0) return fail('问题照片：严重问题须拍照留证');
      if (action.orderStop && action.severity !== 'serious') return fail('停工整改：只有严重问题可以责令停工整改');
      const finding: Finding = {
        id: action.findingId,
        itemId: action.itemId,
        severity: action.severity,
        description: action.description.trim(),
        photos: [...action.photos],
        orderStop: action.orderStop === true,
        at: now,
      };
      const next = bumped({ ...startPatch, findings: [...task.findings, finding] });
      return {
        ok: true,
        state: next,
        events: [
          taskEvent(
            next,
            'finding_added',
            actor,
            now,
            `发现${SEVERITY_LABELS[finding.severity]}：${finding.description}${finding.orderStop ? '（拟责令停工整改）' : ''}`,
            {
              findingId: finding.id,
            },
          ),
        ],
      };
    }
    case 'remove_finding': {
      if (!task.findings.some((f) => f.id === action.findingId)) return fail(`问题：${action.findingId} 不存在`);
      const next = bumped({ findings: task.findings.filter((f) => f.id !== action.findingId) });
      return {
        ok: true,
        state: next,
        events: [taskEvent(next, 'finding_removed', actor, now, '删除一条问题记录', { findingId: action.findingId })],
      };
    }
    case 'complete': {
      const issues: string[] = [];
      for (const item of task.checklist.items) {
        const a = task.answers[item.id];
        if (!a && item.required) issues.push(`「${item.text}」：未核查`);
        if (a?.result === 'fail' && !task.findings.some((f) => f.itemId === item.id)) {
          issues.push(`「${item.text}」：判定不符合，须记录问题`);
        }
      }
      if (issues.length) return fail(`完成核查：共有${issues.length}项未完成`, issues);
      const next = bumped({ status: 'completed', completedAt: now, summary: action.summary?.trim() || null });
      const orders = task.findings.map((f) => newOrder(next, f, actor, now, config));
      const events: InspectionEvent[] = [
        taskEvent(
          next,
          'check_task_completed',
          actor,
          now,
          orders.length === 0 ? '现场核查完成，未发现问题' : `现场核查完成，发现问题${orders.length}个，已下达限期整改`,
          { findings: task.findings.length },
        ),
      ];
      for (const o of orders) {
        events.push(
          inspectionEvent(
            'rectification_ordered',
            { enterpriseId: o.enterpriseId, taskId: task.id, orderId: o.id, version: o.version },
            actor,
            now,
            `限期整改（${SEVERITY_LABELS[o.severity]}）：${o.description}，整改期限${o.dueDate}`,
            { dueAt: o.dueAt },
          ),
        );
        if (o.stopOrdered) {
          events.push(
            inspectionEvent(
              'stop_ordered',
              { enterpriseId: o.enterpriseId, taskId: task.id, orderId: o.id, version: o.version },
              actor,
              now,
              `责令停工整改：${o.description}`,
              { orderId: o.id },
            ),
          );
        }
      }
      return { ok: true, state: next, events, orders };
    }
    default: {
      const unknown: never = action;
      return fail(`未知操作：${(unknown as { type: string }).type}`);
    }
  }
}

/** Overdue check tasks (not completed by their deadline). */
export function isCheckTaskOverdue(task: CheckTask, now: string): boolean {
  return (task.status === 'assigned' || task.status === 'in_progress') && isOverdue(task.dueAt, now);
}

// ───────────────────────────── rectification orders ─────────────────────────────

export type RectificationStatus = 'open' | 'responded' | 'closed';

export const RECTIFICATION_STATUS_LABELS: Readonly<Record<RectificationStatus, string>> = {
  open: '待整改',
  responded: '已整改待复查',
  closed: '已销号',
};

export interface RectificationResponse {
  readonly at: string;
  readonly by: ActorRef;
  readonly text: string;
  readonly photos: readonly AttachmentRef[];
}

export interface Recheck {
  readonly at: string;
  readonly by: ActorRef;
  readonly result: 'pass' | 'fail';
  readonly note: string | null;
  readonly photos: readonly AttachmentRef[];
}

export interface RectificationOrder {
  readonly id: string;
  readonly enterpriseId: string;
  readonly enterpriseName: string;
  readonly taskId: string;
  readonly findingId: string;
  readonly itemId: string | null;
  readonly severity: Severity;
  readonly description: string;
  readonly stopOrdered: boolean;
  /** The officer who re-checks (the check's assignee). */
  readonly officerId: string;
  readonly issuedAt: string;
  readonly dueDate: string;
  readonly dueAt: string;
  readonly status: RectificationStatus;
  readonly version: number;
  readonly responses: readonly RectificationResponse[];
  readonly rechecks: readonly Recheck[];
  readonly closedAt: string | null;
  readonly reopenCount: number;
}

function rectificationDue(from: string, severity: Severity, config: InspectionConfig) {
  return dueDateAfterAcceptance(from, config.rectificationWorkingDays[severity]);
}

function newOrder(
  task: CheckTask,
  f: Finding,
  _actor: Actor,
  now: string,
  config: InspectionConfig,
): RectificationOrder {
  const due = rectificationDue(now, f.severity, config);
  return {
    id: `${task.id}:${f.id}`,
    enterpriseId: task.enterpriseId,
    enterpriseName: task.enterpriseName,
    taskId: task.id,
    findingId: f.id,
    itemId: f.itemId,
    severity: f.severity,
    description: f.description,
    stopOrdered: f.orderStop,
    officerId: task.assigneeId,
    issuedAt: now,
    dueDate: due.dueDate,
    dueAt: due.dueAt,
    status: 'open',
    version: 1,
    responses: [],
    rechecks: [],
    closedAt: null,
    reopenCount: 0,
  };
}

export type RectificationAction =
  | {
      readonly type: 'respond';
      readonly expectedVersion: number;
      readonly text: string;
      readonly photos?: readonly AttachmentRef[];
    }
  | {
      readonly type: 'recheck';
      readonly expectedVersion: number;
      readonly result: 'pass' | 'fail';
      readonly note?: string;
      readonly photos?: readonly AttachmentRef[];
    }
  | { readonly type: 'reopen'; readonly expectedVersion: number; readonly reason: string };

export type RectificationTransition = Transition<RectificationOrder, InspectionEvent>;

function orderEvent(
  o: RectificationOrder,
  type: InspectionEventType,
  actor: Actor,
  now: string,
  message: string,
  data?: Record<string, unknown>,
) {
  return inspectionEvent(
    type,
    { enterpriseId: o.enterpriseId, taskId: o.taskId, orderId: o.id, version: o.version },
    actor,
    now,
    message,
    data,
  );
}

export function transitionRectification(
  order: RectificationOrder,
  action: RectificationAction,
  actor: Actor,
  now: string,
  config: InspectionConfig = DEFAULT_INSPECTION_CONFIG,
): RectificationTransition {
  if (!isIsoInstant(now)) return fail(`操作时间：格式错误（${now}）`);
  if (action.expectedVersion !== order.version)
    return fail(`整改单已被更新（当前为第${order.version}版），请刷新后重试`);
  const bumped = (patch: Partial<RectificationOrder>): RectificationOrder => ({
    ...order,
    ...patch,
    version: order.version + 1,
  });
  switch (action.type) {
    case 'respond': {
      if (actor.role !== 'enterprise' || actor.enterpriseId !== order.enterpriseId)
        return fail('整改情况：只能由被检查企业报告');
      if (order.status !== 'open')
        return fail(`整改情况：整改单${RECTIFICATION_STATUS_LABELS[order.status]}，不能报告`);
      if (!action.text.trim()) return fail('整改情况：请说明整改措施');
      if (!photosOk(action.photos)) return fail('整改照片：缺少文件编号或文件名');
      const response: RectificationResponse = {
        at: now,
        by: actorRef(actor),
        text: action.text.trim(),
        photos: [...(action.photos ?? [])],
      };
      const next = bumped({ status: 'responded', responses: [...order.responses, response] });
      const late = isOverdue(order.dueAt, now);
      return {
        ok: true,
        state: next,
        events: [
          orderEvent(
            next,
            'rectification_responded',
            actor,
            now,
            `企业报告整改情况${late ? '（已超过整改期限）' : ''}：${response.text}`,
            { late },
          ),
        ],
      };
    }
    case 'recheck': {
      const isOfficer = actor.userId === order.officerId && (actor.role === 'grid_officer' || actor.role === 'liaison');
      if (!isOfficer && actor.role !== 'command_centre') return fail('复查：只能由原核查人员或指挥部操作');
      if (order.status !== 'responded')
        return fail(`复查：整改单${RECTIFICATION_STATUS_LABELS[order.status]}，企业报告整改后方可复查`);
      if (action.result !== 'pass' && action.result !== 'fail') return fail('复查结果：应为合格或不合格');
      if (action.result === 'fail' && !action.note?.trim()) return fail('复查意见：不合格须说明原因');
      if (!photosOk(action.photos)) return fail('复查照片：缺少文件编号或文件名');
      const recheck: Recheck = {
        at: now,
        by: actorRef(actor),
        result: action.result,
        note: action.note?.trim() || null,
        photos: [...(action.photos ?? [])],
      };
      if (action.result === 'pass') {
        const next = bumped({ status: 'closed', closedAt: now, rechecks: [...order.rechecks, recheck] });
        return {
          ok: true,
          state: next,
          events: [
            orderEvent(
              next,
              'rectification_closed',
              actor,
              now,
              `复查合格，整改销号${order.stopOrdered ? '（停工整改事项已整改）' : ''}`,
              { stopOrdered: order.stopOrdered },
            ),
          ],
        };
      }
      const due = rectificationDue(now, order.severity, config);
      const next = bumped({
        status: 'open',
        dueDate: due.dueDate,
        dueAt: due.dueAt,
        rechecks: [...order.rechecks, recheck],
      });
      return {
        ok: true,
        state: next,
        events: [
          orderEvent(
            next,
            'rectification_sent_back',
            actor,
            now,
            `复查不合格：${recheck.note}，重新限期至${due.dueDate}整改`,
            { dueAt: due.dueAt },
          ),
        ],
      };
    }
    case 'reopen': {
      if (actor.role !== 'command_centre' && actor.role !== 'department' && actor.userId !== order.officerId) {
        return fail('重新整改：只能由原核查人员、部门或指挥部操作');
      }
      if (order.status !== 'closed') return fail('重新整改：只有已销号的整改单可以重新打开');
      if (!action.reason.trim()) return fail('重新整改原因：不能为空');
      const due = rectificationDue(now, order.severity, config);
      const next = bumped({
        status: 'open',
        closedAt: null,
        dueDate: due.dueDate,
        dueAt: due.dueAt,
        reopenCount: order.reopenCount + 1,
      });
      return {
        ok: true,
        state: next,
        events: [
          orderEvent(
            next,
            'rectification_reopened',
            actor,
            now,
            `已销号问题复发，重新限期至${due.dueDate}整改：${action.reason.trim()}`,
            { reason: action.reason.trim() },
          ),
        ],
      };
    }
    default: {
      const unknown: never = action;
      return fail(`未知操作：${(unknown as { type: string }).type}`);
    }
  }
}

export function isRectificationOverdue(order: RectificationOrder, now: string): boolean {
  return order.status === 'open' && isOverdue(order.dueAt, now);
}

/** Stop orders of an enterprise not yet closed (销号); the stop may be lifted only when there are none. */
export function openStopOrders(orders: readonly RectificationOrder[], enterpriseId: string): RectificationOrder[] {
  return orders.filter((o) => o.enterpriseId === enterpriseId && o.stopOrdered && o.status !== 'closed');
}

/** 问题台账: counts of an enterprise's or region's orders by status (closure rate = closed ÷ all). */
export function rectificationLedger(orders: readonly RectificationOrder[], now: string) {
  let open = 0;
  let responded = 0;
  let closed = 0;
  let overdue = 0;
  for (const o of orders) {
    if (o.status === 'open') open++;
    else if (o.status === 'responded') responded++;
    else closed++;
    if (isRectificationOverdue(o, now)) overdue++;
  }
  return { total: orders.length, open, responded, closed, overdue };
}
