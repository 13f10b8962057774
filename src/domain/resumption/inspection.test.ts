import { describe, expect, it } from 'vitest';
import type { Actor, Unversioned } from './actor.ts';
import { listFromTemplate, publishList } from './conditions.ts';
import type {
  CheckTask,
  CheckTaskAction,
  CheckTaskResult,
  RectificationAction,
  RectificationOrder,
} from './inspection.ts';
import {
  DEFAULT_INSPECTION_CONFIG,
  createCheckTask,
  isCheckTaskOverdue,
  isRectificationOverdue,
  openStopOrders,
  rectificationLedger,
  transitionCheckTask,
  transitionRectification,
  validateInspectionConfig,
} from './inspection.ts';
import { FIVE_NO_START } from './templates/index.ts';
import { command, enterpriseActor, officer, system } from './test-fixtures.ts';

const published = publishList(listFromTemplate(FIVE_NO_START, 'five-no-start'), '2020-02-10');
if (!published.ok) throw new Error(published.errors.join());
const checklist = published.list;
const photo = { fileId: 'p1', name: '现场.jpg', mediaType: 'image/jpeg' };
// Resumed Friday 2020-02-14 10:00 → 3 working days → due Wednesday 2020-02-19.
const resumedAt = '2020-02-14T10:00:00+08:00';

function newTask(): CheckTask {
  const r = createCheckTask(
    {
      id: 't1',
      kind: 'post_resumption',
      enterpriseId: 'ent-1',
      enterpriseName: '南昌示例电子有限公司',
      applicationId: 'app-1',
      assigneeId: officer.userId,
      assigneeRole: 'grid_officer',
      checklist,
      from: resumedAt,
    },
    system,
    resumedAt,
  );
  if (!r.ok) throw new Error(r.error);
  return r.state;
}

function step(
  task: CheckTask,
  action: Unversioned<CheckTaskAction>,
  actor: Actor = officer,
  now = '2020-02-17T09:00:00+08:00',
): CheckTaskResult {
  return transitionCheckTask(task, { ...action, expectedVersion: task.version } as CheckTaskAction, actor, now);
}

function okTask(r: CheckTaskResult): CheckTask {
  if (!r.ok) throw new Error(`${r.error} ${r.issues?.join('|') ?? ''}`);
  return r.state;
}

function answerAll(task: CheckTask, failing: string[] = []): CheckTask {
  let t = task;
  for (const item of checklist.items) {
    t = okTask(
      step(t, {
        type: 'answer',
        itemId: item.id,
        result: failing.includes(item.id) ? 'fail' : 'pass',
        photos: [photo],
      }),
    );
  }
  return t;
}

function orderFrom(serious: boolean): RectificationOrder {
  let t = answerAll(newTask(), ['five-no-start:disinfection']);
  t = okTask(
    step(t, {
      type: 'add_finding',
      findingId: 'f1',
      itemId: 'five-no-start:disinfection',
      severity: serious ? 'serious' : 'minor',
      description: '食堂未消杀',
      photos: [photo],
      orderStop: serious,
    }),
  );
  const r = step(t, { type: 'complete' });
  if (!r.ok || !r.orders) throw new Error('no orders');
  return r.orders[0]!;
}

const rstep = (o: RectificationOrder, a: Unversioned<RectificationAction>, actor: Actor, now: string) =>
  transitionRectification(o, { ...a, expectedVersion: o.version } as RectificationAction, actor, now);

describe('check tasks (事后现场核查, 003:L27)', () => {
  it('gets a deadline in working days after resumption (default 3, configurable)', () => {
    const t = newTask();
    expect(t).toMatchObject({ status: 'assigned', dueDate: '2020-02-19', dueAt: '2020-02-19T23:59:59+08:00' });
    expect(isCheckTaskOverdue(t, '2020-02-19T23:59:59+08:00')).toBe(false);
    expect(isCheckTaskOverdue(t, '2020-02-20T00:00:00+08:00')).toBe(true);
    const r = createCheckTask(
      {
        id: 't2',
        kind: 'routine',
        enterpriseId: 'ent-1',
        enterpriseName: 'x',
        assigneeId: 'u',
        assigneeRole: 'liaison',
        checklist,
        from: resumedAt,
      },
      system,
      resumedAt,
      { ...DEFAULT_INSPECTION_CONFIG, postCheckWorkingDays: 1 },
    );
    expect(r.ok && r.state.dueDate).toBe('2020-02-17');
    expect(
      validateInspectionConfig({ postCheckWorkingDays: 0, rectificationWorkingDays: { minor: 2, serious: 3 } }),
    ).toEqual(['事后核查期限：应为1–30个工作日', '严重问题整改期限：不应长于一般问题']);
  });

  it('only the assigned officer walks the checklist', () => {
    const t = newTask();
    expect(step(t, { type: 'start' }, { userId: 'u-other', role: 'grid_officer' })).toEqual({
      ok: false,
      error: '核查任务：只能由被指派的网格员或驻企联络员操作',
    });
    const started = okTask(step(t, { type: 'start' }));
    expect(started.status).toBe('in_progress');
    expect(step(started, { type: 'answer', itemId: 'nope', result: 'pass' })).toEqual({
      ok: false,
      error: '核查事项：「nope」不在核查清单中',
    });
    expect(step(started, { type: 'answer', itemId: 'five-no-start:awareness', result: 'not_applicable' })).toEqual({
      ok: false,
      error: '「认识到位（认识不到位不开工）」：必查事项不能选择不适用',
    });
  });

  it('completes without findings when everything passes', () => {
    const r = step(answerAll(newTask()), { type: 'complete', summary: '防控措施落实到位' });
    if (!r.ok) throw new Error(r.error);
    expect(r.state.status).toBe('completed');
    expect(r.orders).toEqual([]);
    expect(r.events[0]!.message).toBe('现场核查完成，未发现问题');
  });

  it('cannot complete with unanswered items or a failed item without a finding', () => {
    const partial = okTask(step(newTask(), { type: 'answer', itemId: 'five-no-start:awareness', result: 'fail' }));
    const r = step(partial, { type: 'complete' });
    expect(!r.ok && r.issues).toEqual([
      '「认识到位（认识不到位不开工）」：判定不符合，须记录问题',
      '「员工排查到位（员工排查不到位不开工）」：未核查',
      '「防疫物资到位（防疫物资不到位不开工）」：未核查',
      '「场地消杀到位（场地消杀不到位不开工）」：未核查',
      '「疫情防控到位（疫情防控不到位不开工）」：未核查',
    ]);
  });

  it('a stop may only be ordered for a serious finding, with photos', () => {
    const t = newTask();
    expect(
      step(t, {
        type: 'add_finding',
        findingId: 'f',
        itemId: null,
        severity: 'minor',
        description: 'x',
        photos: [photo],
        orderStop: true,
      }),
    ).toEqual({
      ok: false,
      error: '停工整改：只有严重问题可以责令停工整改',
    });
    expect(
      step(t, {
        type: 'add_finding',
        findingId: 'f',
        itemId: null,
        severity: 'serious',
        description: '隐瞒员工发热',
        photos: [],
      }),
    ).toEqual({
      ok: false,
      error: '问题照片：严重问题须拍照留证',
    });
  });

  it('findings become rectification orders with deadlines; a serious one orders a stop (003:L747)', () => {
    let t = answerAll(newTask(), ['five-no-start:disinfection']);
    t = okTask(
      step(t, {
        type: 'add_finding',
        findingId: 'f1',
        itemId: 'five-no-start:disinfection',
        severity: 'minor',
        description: '食堂未消杀',
        photos: [photo],
      }),
    );
    t = okTask(
      step(t, {
        type: 'add_finding',
        findingId: 'f2',
        itemId: null,
        severity: 'serious',
        description: '隐瞒员工发热',
        photos: [photo],
        orderStop: true,
      }),
    );
    const r = step(t, { type: 'complete' }, officer, '2020-02-17T11:00:00+08:00');
    if (!r.ok) throw new Error(r.error);
    expect(r.orders!.map((o) => [o.id, o.severity, o.dueDate, o.stopOrdered])).toEqual([
      ['t1:f1', 'minor', '2020-02-24', false], // Monday 17 + 5 working days
      ['t1:f2', 'serious', '2020-02-19', true], // + 2 working days
    ]);
    expect(r.events.map((e) => e.type)).toEqual([
      'check_task_completed',
      'rectification_ordered',
      'rectification_ordered',
      'stop_ordered',
    ]);
    expect(step(r.state, { type: 'start' })).toEqual({ ok: false, error: '核查任务已完成，不能再操作' });
  });

  it('rejects stale versions', () => {
    const t = newTask();
    expect(transitionCheckTask(t, { type: 'start', expectedVersion: 0 }, officer, resumedAt)).toEqual({
      ok: false,
      error: '核查任务已被更新（当前为第1版），请刷新后重试',
    });
  });
});

describe('rectification orders (限期整改 → 销号)', () => {
  it('enterprise responds, officer re-checks and closes (销号)', () => {
    let o = orderFrom(false);
    expect(rstep(o, { type: 'recheck', result: 'pass' }, officer, '2020-02-18T09:00:00+08:00')).toEqual({
      ok: false,
      error: '复查：整改单待整改，企业报告整改后方可复查',
    });
    const resp = rstep(
      o,
      { type: 'respond', text: '已对食堂全面消杀并建立消杀台账', photos: [photo] },
      enterpriseActor,
      '2020-02-18T09:00:00+08:00',
    );
    if (!resp.ok) throw new Error(resp.error);
    o = resp.state;
    expect(o.status).toBe('responded');
    expect(
      rstep(o, { type: 'recheck', result: 'pass' }, { userId: 'x', role: 'grid_officer' }, '2020-02-18T15:00:00+08:00')
        .ok,
    ).toBe(false);
    const closed = rstep(o, { type: 'recheck', result: 'pass' }, officer, '2020-02-18T15:00:00+08:00');
    if (!closed.ok) throw new Error(closed.error);
    expect(closed.state).toMatchObject({ status: 'closed', closedAt: '2020-02-18T15:00:00+08:00' });
    expect(closed.events[0]!.message).toBe('复查合格，整改销号');
  });

  it('a failed re-check sends it back with a new deadline; a closed order can be reopened', () => {
    let o = orderFrom(false);
    o = (
      rstep(o, { type: 'respond', text: '已消杀' }, enterpriseActor, '2020-02-18T09:00:00+08:00') as {
        state: RectificationOrder;
      }
    ).state;
    expect(rstep(o, { type: 'recheck', result: 'fail' }, officer, '2020-02-18T15:00:00+08:00')).toEqual({
      ok: false,
      error: '复查意见：不合格须说明原因',
    });
    const back = rstep(
      o,
      { type: 'recheck', result: 'fail', note: '宿舍仍未消杀' },
      officer,
      '2020-02-18T15:00:00+08:00',
    );
    if (!back.ok) throw new Error(back.error);
    expect(back.state).toMatchObject({ status: 'open', dueDate: '2020-02-25' });
    o = (
      rstep(back.state, { type: 'respond', text: '宿舍已消杀' }, enterpriseActor, '2020-02-19T09:00:00+08:00') as {
        state: RectificationOrder;
      }
    ).state;
    o = (
      rstep(o, { type: 'recheck', result: 'pass' }, officer, '2020-02-19T15:00:00+08:00') as {
        state: RectificationOrder;
      }
    ).state;
    const reopened = rstep(
      o,
      { type: 'reopen', reason: '督查发现食堂再次未消杀' },
      command,
      '2020-03-02T10:00:00+08:00',
    );
    if (!reopened.ok) throw new Error(reopened.error);
    expect(reopened.state).toMatchObject({ status: 'open', reopenCount: 1, closedAt: null, dueDate: '2020-03-09' });
  });

  it('only the enterprise itself responds', () => {
    const o = orderFrom(false);
    expect(
      rstep(
        o,
        { type: 'respond', text: 'x' },
        { userId: 'u', role: 'enterprise', enterpriseId: 'ent-9' },
        '2020-02-18T09:00:00+08:00',
      ),
    ).toEqual({
      ok: false,
      error: '整改情况：只能由被检查企业报告',
    });
    expect(rstep(o, { type: 'respond', text: ' ' }, enterpriseActor, '2020-02-18T09:00:00+08:00')).toEqual({
      ok: false,
      error: '整改情况：请说明整改措施',
    });
  });

  it('overdue, open stop orders and the ledger', () => {
    const o = orderFrom(true);
    expect(o.dueDate).toBe('2020-02-19');
    expect(isRectificationOverdue(o, '2020-02-19T23:59:59+08:00')).toBe(false);
    expect(isRectificationOverdue(o, '2020-02-20T08:00:00+08:00')).toBe(true);
    expect(openStopOrders([o], 'ent-1')).toHaveLength(1);
    const closed = { ...o, status: 'closed' as const };
    expect(openStopOrders([closed], 'ent-1')).toHaveLength(0);
    expect(rectificationLedger([o, closed, orderFrom(false)], '2020-02-20T08:00:00+08:00')).toEqual({
      total: 3,
      open: 2,
      responded: 0,
      closed: 1,
      overdue: 1,
    });
  });
});
