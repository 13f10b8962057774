import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/server/clock.ts';
import { remindDeadlines } from '../../src/server/resumption/applications.service.ts';
import type { TestApp, TestSession } from '../support/app-fixture.ts';
import { createTestApp } from '../support/app-fixture.ts';
import { testDialects } from '../support/databases.ts';
import { fileApplication, setUpResumption } from '../support/resumption-fixture.ts';

/**
 * The review side of 复工复产 on both databases: the 2-working-day deadline across the Qingming holiday (seed 003 L27),
 * overdue flagging and escalation to the command centre, per-department on-time rates, 一次性告知 and resubmission,
 * refusal with reasons from the list, illegal transitions, lost races, filing mode with its post-check, scope of
 * departments and enterprises, and notifications.
 */
describe.each(testDialects())('复工复产 reviews on %s', (dialect) => {
  let t: TestApp;
  // Friday 3 April 2020, 10:00 in Nanchang; Qingming is Saturday 4 – Monday 6 April.
  const clock = manualClock('2020-04-03T02:00:00Z');
  let s: Record<string, TestSession> = {};
  const users = ['admin', 'leader', 'dept.qsh', 'dept.dh', 'dept.city', 'grid', 'ent.a', 'ent.b'];
  const relogin = async () => {
    s = {};
    for (const u of users) s[u] = await t.login(u);
  };

  beforeAll(async () => {
    t = await createTestApp(dialect, { clock });
    await relogin();
    await setUpResumption(t, s.admin!, '2020-04-03');
  });
  beforeEach(async () => relogin());
  afterAll(async () => t.close());

  it('due in 2 working days across Qingming; overdue flagged after the deadline, escalated once; on-time rates', async () => {
    const { qsh, city } = t.fixture.departments;
    const { id, submit } = await fileApplication(s['ent.a']!, '2020-04-03');
    expect(submit.json().status).toBe('submitted');
    const accepted = await s['dept.qsh']!.post(`/api/resumption/applications/${id}/accept`, {
      departmentIds: [qsh, city],
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const app = (await s['dept.qsh']!.get(`/api/resumption/applications/${id}`)).json();
    expect(app.application.dueDate).toBe('2020-04-08'); // Tue 7 = 1, Wed 8 = 2
    expect(
      (await s['dept.qsh']!.post(`/api/resumption/applications/${id}/review`, { decision: 'approve' })).statusCode,
    ).toBe(200);

    clock.set('2020-04-08T01:00:00Z'); // Wednesday 09:00: the last day; the pending department is reminded once
    await relogin();
    expect(await remindDeadlines(t.built.context)).toEqual({ reminded: 1 });
    expect(await remindDeadlines(t.built.context)).toEqual({ reminded: 0 });
    const cityNotes = (await s['dept.city']!.get('/api/notifications')).json().items;
    expect(cityNotes.some((n: { kind: string }) => n.kind === 'resumption.deadline')).toBe(true);
    const qshNotes = (await s['dept.qsh']!.get('/api/notifications')).json().items;
    expect(qshNotes.some((n: { kind: string }) => n.kind === 'resumption.deadline')).toBe(false);

    clock.set('2020-04-08T15:59:00Z'); // Wednesday 23:59 in Nanchang: still in time
    await relogin();
    expect((await s.leader!.get('/api/resumption/reviews/overdue')).json().items).toEqual([]);
    expect((await s.leader!.post('/api/resumption/reviews/escalate', {})).json()).toEqual({ escalated: 0 });

    clock.set('2020-04-08T16:30:00Z'); // Thursday 00:30: overdue
    await relogin();
    const overdue = (await s.leader!.get('/api/resumption/reviews/overdue')).json().items;
    expect(overdue).toHaveLength(1);
    expect(overdue[0]).toMatchObject({ applicationId: id, departmentId: city, escalatedAt: null });
    expect(
      (await s.leader!.get(`/api/resumption/applications?queue=overdue`)).json().items.map((x: { id: number }) => x.id),
    ).toEqual([id]);
    expect((await s.leader!.post('/api/resumption/reviews/escalate', {})).json()).toEqual({ escalated: 1 });
    expect((await s.leader!.post('/api/resumption/reviews/escalate', {})).json()).toEqual({ escalated: 0 });
    expect((await s.leader!.get('/api/resumption/reviews/overdue')).json().items[0].escalatedAt).not.toBeNull();
    const notes = (await s.leader!.get('/api/notifications')).json();
    expect(notes.items.some((n: { kind: string }) => n.kind === 'resumption.overdue')).toBe(true);
    // Only the command centre sees the overdue list.
    expect((await s['dept.qsh']!.get('/api/resumption/reviews/overdue')).statusCode).toBe(403);

    let rates = (await s.leader!.get('/api/resumption/reviews/on-time')).json().items;
    expect(rates.find((r: { departmentId: number }) => r.departmentId === qsh)).toMatchObject({
      total: 1,
      onTime: 1,
      rateText: '100.0%',
    });
    expect(rates.find((r: { departmentId: number }) => r.departmentId === city)).toMatchObject({
      total: 1,
      overduePending: 1,
      rateText: '0.0%',
    });

    // The command centre decides for the escalated department (督办); not for one that answered, and only it may.
    const decide = (who: string, departmentId: number) =>
      s[who]!.post(`/api/resumption/applications/${id}/decide-overdue`, {
        departmentId,
        decision: 'approve',
        comment: '指挥部督办：同意复工',
      });
    expect((await decide('dept.qsh', city)).statusCode).toBe(403);
    expect((await decide('leader', qsh)).statusCode).toBe(400);
    const late = await decide('leader', city);
    expect(late.statusCode, late.body).toBe(200);
    expect(late.json().status).toBe('resumed');
    const decided = (await s['ent.a']!.get(`/api/resumption/applications/${id}`)).json();
    expect(
      decided.application.reviews.find((r: { departmentCode: string }) => r.departmentCode === String(city)),
    ).toMatchObject({
      decidedOnBehalf: true,
    });
    rates = (await s.leader!.get('/api/resumption/reviews/on-time')).json().items;
    expect(rates.find((r: { departmentId: number }) => r.departmentId === city)).toMatchObject({
      total: 1,
      late: 1,
      onTime: 0,
    });
  });

  it('一次性告知, resubmission, refusal with reasons from the list; illegal transitions and stale versions are refused', async () => {
    const { qsh, city } = t.fixture.departments;
    const { id, submit, my } = await fileApplication(s['ent.a']!, '2020-04-09');
    expect(submit.json().status).toBe('submitted');
    // Submitting twice, reviewing before acceptance, accepting as another county's department: refused.
    expect((await s['ent.a']!.post(`/api/resumption/applications/${id}/submit`, {})).statusCode).toBe(400);
    expect(
      (await s['dept.qsh']!.post(`/api/resumption/applications/${id}/review`, { decision: 'approve' })).statusCode,
    ).toBe(400);
    expect(
      (await s['dept.dh']!.post(`/api/resumption/applications/${id}/accept`, { departmentIds: [qsh] })).statusCode,
    ).toBe(404);
    // Nothing outside the published list may be asked for (seed 003 L26).
    const offList = await s['dept.qsh']!.post(`/api/resumption/applications/${id}/request-correction`, {
      missing: [{ itemId: 'business-licence-copy', note: '请提供营业执照复印件' }],
    });
    expect(offList.statusCode).toBe(400);
    const itemId = my.conditionList.items[0].id as string;
    const returned = await s['dept.qsh']!.post(`/api/resumption/applications/${id}/request-correction`, {
      missing: [{ itemId, note: '请说明防控物资储备数量' }],
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json().status).toBe('returned_for_correction');
    const detail = (await s['ent.a']!.get(`/api/resumption/applications/${id}`)).json();
    expect(detail.currentNotice.items.map((i: { itemId: string }) => i.itemId)).toEqual([itemId]);
    expect(
      (await s['ent.a']!.get('/api/notifications'))
        .json()
        .items.some((n: { kind: string }) => n.kind === 'resumption.correction'),
    ).toBe(true);

    // A stale version is a conflict, not an overwrite.
    const stale = await s['ent.a']!.post(`/api/resumption/applications/${id}/resubmit`, { version: 1 });
    expect(stale.statusCode).toBe(409);
    const fixed = await s['ent.a']!.post(`/api/resumption/applications/${id}/package`, {
      answers: {
        ...detail.application.package.answers,
        [itemId]: { kind: 'yes_no', value: true, note: '口罩2000只、消毒液50升' },
      },
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    const resubmitted = await s['ent.a']!.post(`/api/resumption/applications/${id}/resubmit`, {
      response: '已补充说明',
    });
    expect(resubmitted.json().status).toBe('resubmitted');

    // Two clerks accept at the same moment with the same version: exactly one wins.
    const version = resubmitted.json().version as number;
    const [x, y] = await Promise.all([
      s['dept.qsh']!.post(`/api/resumption/applications/${id}/accept`, { version, departmentIds: [qsh, city] }),
      s['dept.qsh']!.post(`/api/resumption/applications/${id}/accept`, { version, departmentIds: [qsh, city] }),
    ]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([200, 409]);

    // A reason outside the list is refused; a listed one refuses the application.
    const bad = await s['dept.city']!.post(`/api/resumption/applications/${id}/review`, {
      decision: 'reject',
      reasons: [{ code: 'not-a-reason', note: '无' }],
    });
    expect(bad.statusCode).toBe(400);
    const rejected = await s['dept.city']!.post(`/api/resumption/applications/${id}/review`, {
      decision: 'reject',
      reasons: [{ code: 'prevention_conditions_not_met', note: '员工宿舍人均面积不足' }],
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    const approved = await s['dept.qsh']!.post(`/api/resumption/applications/${id}/review`, { decision: 'approve' });
    expect(approved.statusCode, approved.body).toBe(200);
    const final = (await s['ent.a']!.get(`/api/resumption/applications/${id}`)).json();
    expect(final.application.status).toBe('refused');
    expect(final.application.outcome.reasons.map((r: { code: string }) => r.code)).toContain(
      'prevention_conditions_not_met',
    );
    // A finished application cannot be withdrawn or reviewed again.
    expect((await s['ent.a']!.post(`/api/resumption/applications/${id}/withdraw`, { reason: '撤回' })).statusCode).toBe(
      400,
    );
    expect(
      (await s['dept.qsh']!.post(`/api/resumption/applications/${id}/review`, { decision: 'approve' })).statusCode,
    ).toBe(400);
  });

  it('a department sees only what it leads or reviews; an enterprise only its own applications', async () => {
    const b = await fileApplication(s['ent.b']!, '2020-04-09');
    expect(b.submit.json().status).toBe('resumed'); // 东湖区 is low risk
    const mine = (await s['ent.a']!.get('/api/resumption/applications')).json().items;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((x: { enterpriseId: number }) => x.enterpriseId === t.fixture.enterprises.a)).toBe(true);
    expect((await s['ent.a']!.get(`/api/resumption/applications/${b.id}`)).statusCode).toBe(404);
    const dh = (await s['dept.dh']!.get('/api/resumption/applications')).json().items;
    expect(dh.map((x: { id: number }) => x.id)).toEqual([b.id]);
    const qsh = (await s['dept.qsh']!.get('/api/resumption/applications')).json().items;
    expect(qsh.map((x: { id: number }) => x.id)).not.toContain(b.id);
    expect((await s['dept.qsh']!.get(`/api/resumption/enterprises/${t.fixture.enterprises.b}`)).statusCode).toBe(404);
    // Notifications are per user: another enterprise cannot mark them read.
    const note = (await s['ent.a']!.get('/api/notifications?unread=true')).json();
    expect(note.unread).toBeGreaterThan(0);
    expect((await s['ent.b']!.post(`/api/notifications/${note.items[0].id}/read`, {})).statusCode).toBe(404);
    expect((await s['ent.a']!.post(`/api/notifications/${note.items[0].id}/read`, {})).statusCode).toBe(200);
    expect((await s['ent.a']!.get('/api/notifications?unread=true')).json().unread).toBe(note.unread - 1);
  });

  it('filing mode resumes on submission and sends the post-check to the grid officer with a deadline', async () => {
    const settings = (await s.admin!.get('/api/resumption/settings')).json();
    const put = await s.admin!.put('/api/resumption/settings/modes', {
      medium: 'filing',
      high: 'approval',
      version: settings.versions.provinceModes,
    });
    expect(put.statusCode, put.body).toBe(200);
    // The command centre only: a department cannot change the modes.
    expect(
      (await s['dept.qsh']!.put('/api/resumption/settings/modes', { medium: 'approval', high: 'approval', version: 1 }))
        .statusCode,
    ).toBe(403);
    const { id, submit } = await fileApplication(s['ent.a']!, '2020-04-09');
    expect(submit.statusCode, submit.body).toBe(200);
    expect(submit.json().status).toBe('resumed');
    const tasks = (await s.grid!.get('/api/resumption/checks')).json().items;
    const task = tasks.find((x: { applicationId: number | null }) => x.applicationId === id);
    expect(task).toMatchObject({ kind: 'post_resumption', status: 'assigned' });
    expect(task.dueAt > '2020-04-09').toBe(true);
  });
});
