import { describe, expect, it } from 'vitest';
import type { Actor, Unversioned } from './actor.ts';
import type { ApplicationAction, ApplicationTransition, ResumptionApplication } from './application.ts';
import {
  availableActions,
  createApplication,
  currentNotice,
  isApplicationOverdue,
  overdueReviews,
  transition,
} from './application.ts';
import { signCommitment } from './commitment-letter.ts';
import type { ConditionList } from './conditions.ts';
import type { FilingMode } from './risk-level.ts';
import { resumptionMode } from './risk-level.ts';
import {
  approvalList,
  command,
  enterpriseActor,
  fullAnswers,
  health,
  lead,
  market,
  otherEnterprise,
  plan,
  publishedList,
  system,
} from './test-fixtures.ts';

const list = publishedList();
const T0 = '2020-02-14T09:00:00+08:00'; // Friday

const signed = signCommitment({
  enterpriseName: '南昌示例电子有限公司',
  creditCode: '91360106MA35XXXX0K',
  recipient: '南昌市工信局',
  listTitle: list.title,
  signerName: '王建国',
  signerTitle: '法定代表人',
  signedAt: T0,
});
if (!signed.ok) throw new Error(signed.errors.join());

function ok(r: ApplicationTransition): ResumptionApplication {
  if (!r.ok) throw new Error(`${r.error}${r.issues ? `: ${r.issues.join(' | ')}` : ''}`);
  return r.state;
}

function newApp(mode: FilingMode, opts: { green?: boolean } = {}): ResumptionApplication {
  const decision = {
    ...resumptionMode({
      level: mode === 'declare' ? 'low' : 'high',
      provinceModes: { medium: 'filing', high: mode === 'declare' ? 'approval' : mode },
      enterpriseCategories: opts.green ? ['energy'] : [],
      sector: 'hazardous_chemicals',
      approvalList,
    }),
  };
  expect(decision.mode).toBe(opts.green ? 'commitment' : mode);
  return ok(
    createApplication(
      {
        id: 'app-1',
        enterpriseId: 'ent-1',
        enterpriseName: '南昌示例电子有限公司',
        regionCode: '360111',
        leadDepartmentCode: 'gxj',
        decision,
      },
      enterpriseActor,
      '2020-02-13T15:00:00+08:00',
    ),
  );
}

const aprilPlan = {
  ...plan,
  batches: plan.batches.map((b, i) => ({ ...b, startDate: ['2020-04-07', '2020-04-13', '2020-04-20'][i]! })),
};

function filled(app: ResumptionApplication, conditionList: ConditionList = list, p = plan): ResumptionApplication {
  return ok(
    transition(
      app,
      {
        type: 'edit',
        expectedVersion: app.version,
        package: {
          plan: p,
          preventionPlan: { fileId: 'f-pp', name: '一企一策防控方案.pdf' },
          answers: fullAnswers(conditionList),
          commitment: signed.ok ? signed.commitment : null,
        },
      },
      enterpriseActor,
      '2020-02-13T16:00:00+08:00',
    ),
  );
}

const act = (app: ResumptionApplication, action: Unversioned<ApplicationAction>, actor: Actor, now: string) =>
  transition(app, { ...action, expectedVersion: app.version } as ApplicationAction, actor, now);

function accepted(now = T0): ResumptionApplication {
  let app = filled(newApp('approval'), list, now.startsWith('2020-04') ? aprilPlan : plan);
  app = ok(act(app, { type: 'submit', conditionList: list }, enterpriseActor, now));
  return ok(
    act(
      app,
      {
        type: 'accept',
        departments: [
          { departmentCode: 'wjw', departmentName: '卫健委' },
          { departmentCode: 'scj', departmentName: '市场监管局' },
        ],
      },
      lead,
      now,
    ),
  );
}

describe('declare mode (low risk, 003:L26)', () => {
  it('is resumed at once on submission, asking for nothing', () => {
    const app = newApp('declare');
    const r = act(app, { type: 'submit', conditionList: null }, enterpriseActor, T0);
    if (!r.ok) throw new Error(r.error);
    expect(r.state.status).toBe('resumed');
    expect(r.state.outcome).toEqual({
      kind: 'resumed',
      decidedAt: T0,
      fromDate: '2020-02-14',
      batchNo: 1,
      postCheckRequired: false,
    });
    expect(r.events.map((e) => e.type)).toEqual(['submitted', 'resumed']);
    expect(r.events[1]!.message).toBe('低风险地区申报即复工，自2020-02-14起可组织复工复产');
  });

  it('an enterprise that itself answers a required condition is not met may not resume (003:L483)', () => {
    let app = newApp('declare');
    app = ok(
      act(
        app,
        { type: 'edit', package: { answers: { 'jx-gate:isolation': { kind: 'yes_no', value: false } } } },
        enterpriseActor,
        T0,
      ),
    );
    const r = act(app, { type: 'submit', conditionList: list }, enterpriseActor, T0);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues).toEqual([
      '「落实隔离场所（无条件独立设立的，已落实属地提供的集中隔离场所）」：未具备，防控条件不具备的企业不得复工复产',
    ]);
  });
});

describe('commitment and filing modes (003:L27)', () => {
  it('reports everything missing at once', () => {
    const r = act(newApp('commitment'), { type: 'submit', conditionList: list }, enterpriseActor, T0);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toBe('提交申请：共有14项需要完善');
    expect(r.issues).toEqual(
      expect.arrayContaining([
        '「保障通风」：请作答',
        '复工复产方案：请填写分批返岗计划',
        '疫情防控方案（一企一策）：请上传',
        '疫情防控承诺书：请签署',
      ]),
    );
    // Materials may be deferred under a commitment: the plan's material item is not demanded.
    expect(r.issues).not.toContain('「制定企业疫情防控工作方案和复工生产实施方案」：请上传材料');
  });

  it('commitment: resumed on submission, with a post-check', () => {
    const r = act(filled(newApp('commitment')), { type: 'submit', conditionList: list }, enterpriseActor, T0);
    if (!r.ok) throw new Error(r.error);
    expect(r.state.status).toBe('resumed');
    expect(r.state.outcome).toMatchObject({ kind: 'resumed', fromDate: '2020-02-17', postCheckRequired: true });
    expect(r.events.map((e) => e.type)).toEqual(['submitted', 'resumed', 'post_check_required']);
  });

  it('filing: registered without review and resumed, with a post-check', () => {
    const r = act(filled(newApp('filing')), { type: 'submit', conditionList: list }, enterpriseActor, T0);
    if (!r.ok) throw new Error(r.error);
    expect(r.state.status).toBe('resumed');
    expect(r.events.map((e) => e.type)).toEqual(['submitted', 'filed', 'resumed', 'post_check_required']);
    expect(r.state.conditionList).toBe(list);
  });

  it('green channel enterprises in an approval province go through commitment', () => {
    const app = newApp('approval', { green: true });
    expect(app).toMatchObject({ mode: 'commitment', greenChannel: true, priority: true });
  });

  it('a closed sector cannot even create an application', () => {
    const decision = resumptionMode({
      level: 'low',
      provinceModes: { medium: 'filing', high: 'filing' },
      enterpriseCategories: [],
      sector: 'ktv',
      approvalList,
      regionCode: '360111',
    });
    const r = createApplication(
      {
        id: 'a',
        enterpriseId: 'ent-1',
        enterpriseName: 'x',
        regionCode: '360111',
        leadDepartmentCode: 'gxj',
        decision,
      },
      enterpriseActor,
      T0,
    );
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toContain('KTV暂缓开业');
  });
});

describe('approval mode: 一口受理、并行办理', () => {
  it('submitted → accepted with the answer due in 2 working days → all approve → resumed', () => {
    let app = filled(newApp('approval'));
    app = ok(act(app, { type: 'submit', conditionList: list }, enterpriseActor, T0));
    expect(app.status).toBe('submitted');
    const r = act(
      app,
      {
        type: 'accept',
        departments: [
          { departmentCode: 'wjw', departmentName: '卫健委' },
          { departmentCode: 'scj', departmentName: '市场监管局' },
        ],
      },
      lead,
      T0,
    );
    if (!r.ok) throw new Error(r.error);
    // Accepted Friday 2020-02-14 → Monday 17 (1), Tuesday 18 (2).
    expect(r.state).toMatchObject({
      status: 'accepted',
      round: 1,
      dueDate: '2020-02-18',
      dueAt: '2020-02-18T23:59:59+08:00',
    });
    expect(r.events.map((e) => e.type)).toEqual(['accepted', 'review_dispatched', 'review_dispatched']);
    app = r.state;
    app = ok(
      act(
        app,
        { type: 'review', departmentCode: 'wjw', decision: { kind: 'approve' } },
        health,
        '2020-02-17T10:00:00+08:00',
      ),
    );
    expect(app.status).toBe('under_review');
    const last = act(
      app,
      { type: 'review', departmentCode: 'scj', decision: { kind: 'approve' } },
      market,
      '2020-02-18T16:00:00+08:00',
    );
    if (!last.ok) throw new Error(last.error);
    expect(last.state.status).toBe('resumed');
    expect(last.state.outcome).toMatchObject({
      kind: 'resumed',
      fromDate: '2020-02-18',
      batchNo: 1,
      postCheckRequired: false,
    });
    expect(last.events.map((e) => e.type)).toEqual(['reviewed', 'resumed']);
  });

  it('an approval item with a shorter published time limit shortens the deadline', () => {
    const oneDay = { ...approvalList, items: [{ ...approvalList.items[0]!, timeLimitWorkingDays: 1 }] };
    const decision = resumptionMode({
      level: 'high',
      provinceModes: { medium: 'filing', high: 'approval' },
      enterpriseCategories: [],
      sector: 'hazardous_chemicals',
      approvalList: oneDay,
    });
    let app = ok(
      createApplication(
        {
          id: 'a2',
          enterpriseId: 'ent-1',
          enterpriseName: 'x',
          regionCode: '360111',
          leadDepartmentCode: 'gxj',
          decision,
        },
        enterpriseActor,
        T0,
      ),
    );
    expect(app).toMatchObject({ approvalItemCode: 'hazchem', reviewWorkingDays: 1 });
    app = ok(act(filled(app), { type: 'submit', conditionList: list }, enterpriseActor, T0));
    app = ok(
      act(app, { type: 'accept', departments: [{ departmentCode: 'wjw', departmentName: '卫健委' }] }, lead, T0),
    );
    expect(app.dueDate).toBe('2020-02-17'); // Friday → Monday
  });

  it('any reject → refused with reasons from the closed list', () => {
    let app = accepted();
    app = ok(
      act(
        app,
        {
          type: 'review',
          departmentCode: 'wjw',
          decision: { kind: 'reject', reasons: [{ code: 'prevention_conditions_not_met', note: '无隔离观察区' }] },
        },
        health,
        T0,
      ),
    );
    const r = act(
      app,
      {
        type: 'review',
        departmentCode: 'scj',
        decision: { kind: 'return', missing: [{ itemId: 'doc:plan', note: '缺第3批日期' }] },
      },
      market,
      T0,
    );
    if (!r.ok) throw new Error(r.error);
    expect(r.state.status).toBe('refused');
    expect(r.state.outcome).toEqual({
      kind: 'refused',
      decidedAt: T0,
      reasons: [{ code: 'prevention_conditions_not_met', note: '无隔离观察区', departmentCode: 'wjw' }],
    });
    expect(r.events[1]!.message).toBe('不予复工。理由：卫健委：疫情防控条件不具备（无隔离观察区）');
  });

  it('reasons outside the list, or without the required note, are rejected', () => {
    const app = accepted();
    const bad = act(
      app,
      {
        type: 'review',
        departmentCode: 'wjw',
        decision: { kind: 'reject', reasons: [{ code: 'no_deposit' as never }] },
      },
      health,
      T0,
    );
    expect(!bad.ok && bad.error).toBe('不予复工理由：「no_deposit」不在理由清单中');
    const noNote = act(
      app,
      {
        type: 'review',
        departmentCode: 'wjw',
        decision: { kind: 'reject', reasons: [{ code: 'safety_conditions_not_met' }] },
      },
      health,
      T0,
    );
    expect(!noNote.ok && noNote.error).toBe('不予复工理由「安全生产条件不具备」：请说明具体事项');
    const empty = act(
      app,
      { type: 'review', departmentCode: 'wjw', decision: { kind: 'reject', reasons: [] } },
      health,
      T0,
    );
    expect(!empty.ok && empty.error).toBe('不予复工理由：请从理由清单中至少选择一项');
  });

  it('returns are collected once from all reviewers (一次性告知), and only listed items may be asked for', () => {
    let app = accepted();
    const offList = act(
      app,
      {
        type: 'review',
        departmentCode: 'wjw',
        decision: { kind: 'return', missing: [{ itemId: 'health-certificates', note: '每人健康证明' }] },
      },
      health,
      T0,
    );
    expect(!offList.ok && offList.issues).toEqual([
      '「health-certificates」：不在已公布的《江西省中高风险地区企业复工复产条件清单》（第1版）中，清单之外一律不得索要',
    ]);
    app = ok(
      act(
        app,
        {
          type: 'review',
          departmentCode: 'wjw',
          decision: {
            kind: 'return',
            missing: [
              { itemId: 'jx-gate:isolation', note: '请说明隔离场所位置' },
              { itemId: 'doc:plan', note: '第3批人数有误' },
            ],
          },
        },
        health,
        T0,
      ),
    );
    const r = act(
      app,
      {
        type: 'review',
        departmentCode: 'scj',
        decision: { kind: 'return', missing: [{ itemId: 'doc:plan', note: '缺返岗日期说明' }] },
      },
      market,
      T0,
    );
    if (!r.ok) throw new Error(r.error);
    expect(r.state.status).toBe('returned_for_correction');
    const notice = currentNotice(r.state)!;
    expect(notice.items.map((i) => [i.itemId, i.notes.map((n) => n.departmentCode)])).toEqual([
      ['jx-gate:isolation', ['wjw']],
      ['doc:plan', ['wjw', 'scj']],
    ]);
    expect(r.events[1]!.message).toContain('2. 复工复产方案（分批返岗计划）：第3批人数有误；缺返岗日期说明');

    // The enterprise corrects the plan only and resubmits; round 2.
    app = r.state;
    app = ok(
      act(
        app,
        { type: 'edit', package: { plan: { ...plan, normalHeadcount: 130 } } },
        enterpriseActor,
        '2020-02-15T09:00:00+08:00',
      ),
    );
    expect(app.changedSinceNotice).toEqual(['doc:plan']);
    app = ok(act(app, { type: 'resubmit', response: '已更正人数' }, enterpriseActor, '2020-02-15T09:10:00+08:00'));
    expect(app.status).toBe('resubmitted');
    app = ok(
      act(
        app,
        { type: 'accept', departments: [{ departmentCode: 'wjw', departmentName: '卫健委' }] },
        lead,
        '2020-02-17T09:00:00+08:00',
      ),
    );
    expect(app).toMatchObject({ round: 2, dueDate: '2020-02-19' });
    // A new demand that was neither notified nor changed breaks 一次性告知.
    const late = act(
      app,
      {
        type: 'review',
        departmentCode: 'wjw',
        decision: { kind: 'return', missing: [{ itemId: 'six-musts:safety-check', note: '补安全检查记录' }] },
      },
      health,
      '2020-02-17T10:00:00+08:00',
    );
    expect(!late.ok && late.issues).toEqual([
      '补正事项「对生产设施设备进行安全检查」：此前一次性告知中未列出，且企业未修改该项，不得再次要求补正',
    ]);
    // Items already notified, or changed since, may still be questioned.
    const again = act(
      app,
      {
        type: 'review',
        departmentCode: 'wjw',
        decision: {
          kind: 'return',
          missing: [
            { itemId: 'jx-gate:isolation', note: '仍未说明' },
            { itemId: 'doc:plan', note: '新人数超编' },
          ],
        },
      },
      health,
      '2020-02-17T10:00:00+08:00',
    );
    expect(again.ok).toBe(true);
  });

  it('the lead department may return before accepting (一次性告知), within the list', () => {
    let app = filled(newApp('approval'));
    app = ok(act(app, { type: 'submit', conditionList: list }, enterpriseActor, T0));
    const notLead = act(app, { type: 'request_correction', missing: [{ itemId: 'doc:plan', note: 'x' }] }, health, T0);
    expect(!notLead.ok && notLead.error).toBe('一次性告知：只能由牵头受理部门操作');
    const r = act(
      app,
      { type: 'request_correction', missing: [{ itemId: 'doc:prevention_plan', note: '方案未盖章' }] },
      lead,
      T0,
    );
    if (!r.ok) throw new Error(r.error);
    expect(r.state.status).toBe('returned_for_correction');
    expect(r.events[0]!.type).toBe('correction_requested');
    app = ok(
      act(
        r.state,
        { type: 'edit', package: { preventionPlan: { fileId: 'f-pp2', name: '防控方案（盖章）.pdf' } } },
        enterpriseActor,
        '2020-02-14T11:00:00+08:00',
      ),
    );
    app = ok(act(app, { type: 'resubmit' }, enterpriseActor, '2020-02-14T11:05:00+08:00'));
    // The lead may not come back with a new demand on an unchanged item…
    const second = act(
      app,
      { type: 'request_correction', missing: [{ itemId: 'jx-gate:supplies', note: '补物资清单' }] },
      lead,
      '2020-02-14T14:00:00+08:00',
    );
    expect(!second.ok && second.issues).toEqual([
      '补正事项「提前准备红外体温检测仪、消毒液、口罩等防控物资」：此前一次性告知中未列出，且企业未修改该项，不得再次要求补正',
    ]);
    // …but the parallel reviewers, who have not spoken yet, may return any listed item.
    app = ok(
      act(
        app,
        { type: 'accept', departments: [{ departmentCode: 'wjw', departmentName: '卫健委' }] },
        lead,
        '2020-02-14T14:00:00+08:00',
      ),
    );
    const rev = act(
      app,
      {
        type: 'review',
        departmentCode: 'wjw',
        decision: { kind: 'return', missing: [{ itemId: 'jx-gate:supplies', note: '补物资清单' }] },
      },
      health,
      '2020-02-17T09:00:00+08:00',
    );
    expect(rev.ok && rev.state.status).toBe('returned_for_correction');
  });

  it('illegal transitions are rejected with Chinese messages', () => {
    const draft = filled(newApp('approval'));
    expect(act(draft, { type: 'review', departmentCode: 'wjw', decision: { kind: 'approve' } }, health, T0)).toEqual({
      ok: false,
      error: '审查：当前状态为「草稿」，不在审查中',
    });
    expect(act(draft, { type: 'submit', conditionList: list }, otherEnterprise, T0)).toEqual({
      ok: false,
      error: '提交申请：只能由申请企业操作',
    });
    const submitted = ok(act(draft, { type: 'submit', conditionList: list }, enterpriseActor, T0));
    expect(act(submitted, { type: 'submit', conditionList: list }, enterpriseActor, T0)).toEqual({
      ok: false,
      error: '提交申请：当前状态为「已提交，待受理」，不能提交',
    });
    expect(
      act(
        submitted,
        { type: 'accept', departments: [{ departmentCode: 'wjw', departmentName: '卫健委' }] },
        health,
        T0,
      ),
    ).toEqual({ ok: false, error: '受理：只能由牵头受理部门操作' });
    expect(act(submitted, { type: 'accept', departments: [] }, lead, T0)).toEqual({
      ok: false,
      error: '受理：请选择并联审查的部门',
    });
    const app = accepted();
    expect(act(app, { type: 'review', departmentCode: 'wjw', decision: { kind: 'approve' } }, market, T0)).toEqual({
      ok: false,
      error: '审查：只能由卫健委作出审查意见',
    });
    expect(act(app, { type: 'review', departmentCode: 'fgw', decision: { kind: 'approve' } }, lead, T0)).toEqual({
      ok: false,
      error: '审查：本申请未分送fgw审查',
    });
    const once = ok(act(app, { type: 'review', departmentCode: 'wjw', decision: { kind: 'approve' } }, health, T0));
    expect(act(once, { type: 'review', departmentCode: 'wjw', decision: { kind: 'approve' } }, health, T0)).toEqual({
      ok: false,
      error: '审查：卫健委已作出审查意见，不能重复审查',
    });
    const filing = ok(act(filled(newApp('filing')), { type: 'submit', conditionList: list }, enterpriseActor, T0));
    expect(act(filing, { type: 'withdraw', reason: 'x' }, enterpriseActor, T0)).toEqual({
      ok: false,
      error: '申请已办结（准予复工），不能再操作',
    });
  });

  it('two reviewers acting at once cannot corrupt the application (optimistic version)', () => {
    const app = accepted();
    const v = app.version;
    const a = transition(
      app,
      { type: 'review', expectedVersion: v, departmentCode: 'wjw', decision: { kind: 'approve' } },
      health,
      T0,
    );
    const b = transition(
      app,
      { type: 'review', expectedVersion: v, departmentCode: 'scj', decision: { kind: 'approve' } },
      market,
      T0,
    );
    // Both are valid against version v in isolation; the store applies only one `WHERE version = v`.
    expect(a.ok && b.ok).toBe(true);
    const stored = ok(a);
    expect(stored.version).toBe(v + 1);
    // The loser re-applies its stale action on the stored state: conflict, no silent overwrite.
    const stale = transition(
      stored,
      { type: 'review', expectedVersion: v, departmentCode: 'scj', decision: { kind: 'approve' } },
      market,
      T0,
    );
    expect(stale).toEqual({
      ok: false,
      error: `申请已被他人更新（当前为第${v + 1}版，您操作的是第${v}版），请刷新后重试`,
    });
    // After re-reading, it applies cleanly and both reviews are kept.
    const retried = ok(
      transition(
        stored,
        { type: 'review', expectedVersion: stored.version, departmentCode: 'scj', decision: { kind: 'approve' } },
        market,
        T0,
      ),
    );
    expect(retried.status).toBe('resumed');
    expect(retried.reviews.filter((r) => r.decision?.kind === 'approve')).toHaveLength(2);
  });

  it('withdrawal cancels pending reviews', () => {
    const r = act(accepted(), { type: 'withdraw', reason: '订单取消，暂不复工' }, enterpriseActor, T0);
    if (!r.ok) throw new Error(r.error);
    expect(r.state.status).toBe('withdrawn');
    expect(r.state.reviews.every((x) => x.cancelledAt === T0)).toBe(true);
  });
});

describe('deadlines, overdue and escalation', () => {
  // Accepted Friday 2020-04-03; Qingming 4–6 April → due Wednesday 2020-04-08 (Tue 7 = 1, Wed 8 = 2).
  const acceptedAt = '2020-04-03T10:00:00+08:00';

  it('counts the Chinese working-day calendar', () => {
    const app = accepted(acceptedAt);
    expect(app.dueDate).toBe('2020-04-08');
  });

  it('flags overdue only after the end of the 2nd working day (boundary)', () => {
    const app = accepted(acceptedAt);
    expect(isApplicationOverdue(app, '2020-04-08T23:59:59+08:00')).toBe(false);
    expect(isApplicationOverdue(app, '2020-04-09T00:00:00+08:00')).toBe(true);
    expect(overdueReviews(app, '2020-04-09T08:00:00+08:00').map((r) => r.departmentCode)).toEqual(['wjw', 'scj']);
  });

  it('escalates overdue reviews to the command centre, which may then decide on behalf', () => {
    let app = accepted(acceptedAt);
    app = ok(
      act(
        app,
        { type: 'review', departmentCode: 'scj', decision: { kind: 'approve' } },
        market,
        '2020-04-07T10:00:00+08:00',
      ),
    );
    expect(act(app, { type: 'escalate_overdue' }, system, '2020-04-08T12:00:00+08:00')).toEqual({
      ok: false,
      error: '逾期督办：没有逾期未办且未督办的审查',
    });
    expect(
      act(
        app,
        { type: 'review', departmentCode: 'wjw', decision: { kind: 'approve' } },
        command,
        '2020-04-09T09:00:00+08:00',
      ),
    ).toEqual({
      ok: false,
      error: '审查：卫健委的审查未逾期提请督办，指挥部不能代为作出意见',
    });
    const esc = act(app, { type: 'escalate_overdue' }, system, '2020-04-09T09:00:00+08:00');
    if (!esc.ok) throw new Error(esc.error);
    expect(esc.events.map((e) => e.message)).toEqual([
      '卫健委未在2个工作日内（截至2020-04-08）作出答复，已提请指挥部督办',
    ]);
    expect(availableActions(esc.state, command, '2020-04-09T09:30:00+08:00')).toEqual(['review']);
    expect(act(esc.state, { type: 'escalate_overdue' }, system, '2020-04-09T10:00:00+08:00').ok).toBe(false); // once
    const done = act(
      esc.state,
      { type: 'review', departmentCode: 'wjw', decision: { kind: 'approve' } },
      command,
      '2020-04-09T10:00:00+08:00',
    );
    if (!done.ok) throw new Error(done.error);
    expect(done.state.status).toBe('resumed');
    expect(done.state.reviews.find((r) => r.departmentCode === 'wjw')).toMatchObject({ decidedOnBehalf: true });
    expect(done.events[0]!.data).toMatchObject({ onTime: false });
  });

  it('availableActions reflects the role and state', () => {
    const app = accepted();
    expect(availableActions(app, health, T0)).toEqual(['review']);
    expect(availableActions(app, enterpriseActor, T0)).toEqual(['withdraw']);
    expect(availableActions(app, lead, T0)).toEqual([]);
  });
});
