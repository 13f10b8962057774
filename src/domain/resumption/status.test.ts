import { describe, expect, it } from 'vitest';
import type { RectificationOrder } from './inspection.ts';
import type { StatusHistory } from './status.ts';
import {
  changeStatus,
  currentStatus,
  deriveOperatingStatus,
  enterpriseHistory,
  grantedAsOf,
  recordWorkersBack,
  statusAsOf,
  statusChangeOnResumption,
  workersBackAsOf,
} from './status.ts';
import type { ResumptionApplication } from './application.ts';
import { command, enterpriseActor, officer, plan, system } from './test-fixtures.ts';

function apply(
  h: StatusHistory,
  ...args: Parameters<typeof changeStatus> extends [StatusHistory, ...infer R] ? R : never
): StatusHistory {
  const r = changeStatus(h, ...args);
  if (!r.ok) throw new Error(r.error);
  return r.history;
}

const stopOrder = (status: RectificationOrder['status']) =>
  ({ id: 'o1', enterpriseId: 'ent-1', stopOrdered: true, status, description: '隐瞒员工发热' }) as RectificationOrder;

describe('deriveOperatingStatus', () => {
  it('未复工 / 部分复工 / 已复工 from the workers back', () => {
    expect(deriveOperatingStatus({ granted: false, workersBack: 50, normalHeadcount: 100 })).toBe('not_resumed');
    expect(deriveOperatingStatus({ granted: true, workersBack: 0, normalHeadcount: 100 })).toBe('not_resumed');
    expect(deriveOperatingStatus({ granted: true, workersBack: 1, normalHeadcount: 100 })).toBe('partially_resumed');
    expect(deriveOperatingStatus({ granted: true, workersBack: 99, normalHeadcount: 100 })).toBe('partially_resumed');
    expect(deriveOperatingStatus({ granted: true, workersBack: 100, normalHeadcount: 100 })).toBe('resumed'); // boundary
    expect(
      deriveOperatingStatus({ granted: true, workersBack: 110, normalHeadcount: 120, plannedHeadcount: 110 }),
    ).toBe('resumed');
  });
});

describe('status history', () => {
  it('records changes with dates and answers as of a day', () => {
    let h: StatusHistory = [];
    h = apply(
      h,
      {
        kind: 'operating',
        enterpriseId: 'ent-1',
        status: 'partially_resumed',
        reason: 'resumption_granted',
        ref: 'app-1',
      },
      system,
      '2020-02-17T09:00:00+08:00',
    );
    h = apply(
      h,
      { kind: 'operating', enterpriseId: 'ent-1', status: 'resumed', reason: 'workers_reported' },
      system,
      '2020-03-02T18:00:00+08:00',
    );
    expect(statusAsOf(h, 'ent-1', '2020-02-16')).toBe('not_resumed');
    expect(statusAsOf(h, 'ent-1', '2020-02-17')).toBe('partially_resumed');
    expect(statusAsOf(h, 'ent-1', '2020-03-02')).toBe('resumed');
    expect(grantedAsOf(h, 'ent-1', '2020-02-16')).toBe(false);
    expect(grantedAsOf(h, 'ent-1', '2020-02-17')).toBe(true);
    expect(enterpriseHistory(h, 'ent-1').map((r) => r.status)).toEqual(['partially_resumed', 'resumed']);
    const same = changeStatus(
      h,
      { kind: 'operating', enterpriseId: 'ent-1', status: 'resumed', reason: 'workers_reported' },
      system,
      '2020-03-03T18:00:00+08:00',
    );
    expect(same).toEqual({ ok: false, error: '企业状态：已是已复工' });
  });

  it('停工整改 is ordered, blocks other changes, and is lifted only when stop orders are closed (003:L747)', () => {
    let h: StatusHistory = apply(
      [],
      { kind: 'operating', enterpriseId: 'ent-1', status: 'resumed', reason: 'resumption_granted' },
      system,
      '2020-02-17T09:00:00+08:00',
    );
    const stop = changeStatus(
      h,
      { kind: 'stop', enterpriseId: 'ent-1', orderId: 'o1' },
      officer,
      '2020-02-20T10:00:00+08:00',
    );
    if (!stop.ok) throw new Error(stop.error);
    expect(stop.event.message).toBe('企业状态由已复工变为停工整改（责令停工整改）');
    h = stop.history;
    expect(currentStatus(h, 'ent-1')).toBe('stopped');
    expect(
      changeStatus(
        h,
        { kind: 'operating', enterpriseId: 'ent-1', status: 'resumed', reason: 'workers_reported' },
        system,
        '2020-02-21T10:00:00+08:00',
      ),
    ).toEqual({
      ok: false,
      error: '企业状态：停工整改期间，须整改销号并解除停工后才能变更',
    });
    expect(
      changeStatus(h, { kind: 'stop', enterpriseId: 'ent-1', orderId: 'o2' }, officer, '2020-02-21T10:00:00+08:00'),
    ).toEqual({ ok: false, error: '企业状态：已处于停工整改' });
    expect(
      changeStatus(
        h,
        { kind: 'lift_stop', enterpriseId: 'ent-1', orders: [stopOrder('responded')], resumeTo: 'resumed' },
        officer,
        '2020-02-21T10:00:00+08:00',
      ),
    ).toEqual({
      ok: false,
      error: '解除停工：尚有1项停工整改问题未销号（隐瞒员工发热）',
    });
    expect(
      changeStatus(
        h,
        { kind: 'lift_stop', enterpriseId: 'ent-1', orders: [stopOrder('closed')], resumeTo: 'resumed' },
        enterpriseActor,
        '2020-02-21T10:00:00+08:00',
      ).ok,
    ).toBe(false);
    h = apply(
      h,
      { kind: 'lift_stop', enterpriseId: 'ent-1', orders: [stopOrder('closed')], resumeTo: 'resumed' },
      command,
      '2020-02-21T16:00:00+08:00',
    );
    expect(currentStatus(h, 'ent-1')).toBe('resumed');
    expect(statusAsOf(h, 'ent-1', '2020-02-20')).toBe('stopped');
  });

  it('self-suspension needs a reason', () => {
    const h = apply(
      [],
      { kind: 'operating', enterpriseId: 'ent-1', status: 'resumed', reason: 'resumption_granted' },
      system,
      '2020-02-17T09:00:00+08:00',
    );
    expect(
      changeStatus(
        h,
        { kind: 'operating', enterpriseId: 'ent-1', status: 'not_resumed', reason: 'suspended' },
        system,
        '2020-02-18T09:00:00+08:00',
      ),
    ).toEqual({
      ok: false,
      error: '停工原因：不能为空',
    });
    expect(
      changeStatus(
        h,
        { kind: 'operating', enterpriseId: 'ent-1', status: 'not_resumed', reason: 'suspended', note: '原料断供' },
        system,
        '2020-02-18T09:00:00+08:00',
      ).ok,
    ).toBe(true);
  });
});

describe('grant of an application', () => {
  const app = {
    id: 'app-1',
    enterpriseId: 'ent-1',
    package: { plan },
    outcome: {
      kind: 'resumed',
      decidedAt: '2020-02-14T09:00:00+08:00',
      fromDate: '2020-02-17',
      batchNo: 1,
      postCheckRequired: true,
    },
  } as unknown as ResumptionApplication;

  it('records the grant from the first day, even before anyone is back (报备)', () => {
    const change = statusChangeOnResumption(app, { workersBack: 0, normalHeadcount: 120 });
    expect(change).toEqual({
      kind: 'operating',
      enterpriseId: 'ent-1',
      status: 'not_resumed',
      reason: 'resumption_granted',
      ref: 'app-1',
      date: '2020-02-17',
    });
    let h: StatusHistory = apply(
      [],
      { kind: 'operating', enterpriseId: 'ent-1', status: 'not_resumed', reason: 'initial' },
      system,
      '2020-02-01T09:00:00+08:00',
    );
    h = apply(h, change!, system, '2020-02-14T09:00:00+08:00');
    expect(grantedAsOf(h, 'ent-1', '2020-02-16')).toBe(false);
    expect(grantedAsOf(h, 'ent-1', '2020-02-17')).toBe(true);
    // Planned headcount 110 (not the normal 120) makes it 已复工.
    expect(statusChangeOnResumption(app, { workersBack: 110, normalHeadcount: 120 })).toMatchObject({
      status: 'resumed',
    });
    expect(statusChangeOnResumption({ ...app, outcome: null }, { workersBack: 0, normalHeadcount: 1 })).toBeUndefined();
  });
});

describe('workers back per day', () => {
  it('records one figure per day (latest replaces), never above the normal headcount', () => {
    let reports = recordWorkersBack(
      [],
      { enterpriseId: 'ent-1', date: '2020-02-17', workersBack: 30, normalHeadcount: 120 },
      enterpriseActor,
      '2020-02-17T18:00:00+08:00',
    );
    if (!reports.ok) throw new Error(reports.error);
    const again = recordWorkersBack(
      reports.reports,
      { enterpriseId: 'ent-1', date: '2020-02-17', workersBack: 32, normalHeadcount: 120 },
      enterpriseActor,
      '2020-02-17T19:00:00+08:00',
    );
    if (!again.ok) throw new Error(again.error);
    expect(again.reports).toHaveLength(1);
    expect(workersBackAsOf(again.reports, 'ent-1', '2020-02-16')).toBe(0);
    expect(workersBackAsOf(again.reports, 'ent-1', '2020-02-20')).toBe(32);
    expect(
      recordWorkersBack(
        [],
        { enterpriseId: 'ent-1', date: '2020-02-17', workersBack: 120, normalHeadcount: 120 },
        enterpriseActor,
        '2020-02-17T18:00:00+08:00',
      ).ok,
    ).toBe(true);
    reports = recordWorkersBack(
      [],
      { enterpriseId: 'ent-1', date: '2020-02-17', workersBack: 121, normalHeadcount: 120 },
      enterpriseActor,
      '2020-02-17T18:00:00+08:00',
    );
    expect(reports).toEqual({
      ok: false,
      error: '返岗人数：121人超过正常用工人数120人，如有新招员工请先更新正常用工人数',
    });
    expect(
      recordWorkersBack(
        [],
        { enterpriseId: 'ent-1', date: '2020-02-18', workersBack: 1, normalHeadcount: 120 },
        enterpriseActor,
        '2020-02-17T18:00:00+08:00',
      ),
    ).toEqual({
      ok: false,
      error: '日期：不能填报未来日期',
    });
    expect(
      recordWorkersBack(
        [],
        { enterpriseId: 'ent-2', date: '2020-02-17', workersBack: 1, normalHeadcount: 120 },
        enterpriseActor,
        '2020-02-17T18:00:00+08:00',
      ),
    ).toEqual({
      ok: false,
      error: '返岗人数：只能填报本企业',
    });
  });
});
