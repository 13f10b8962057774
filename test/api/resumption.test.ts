import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/server/clock.ts';
import type { TestApp, TestSession } from '../support/app-fixture.ts';
import { createTestApp } from '../support/app-fixture.ts';
import { testDialects } from '../support/databases.ts';
import { JPEG, fileApplication, multipart, setUpResumption, upload } from '../support/resumption-fixture.ts';

/**
 * 复工复产 end to end through the API on both databases: a medium-risk enterprise files (审批, because its sector is on
 * the published approval list), the lead department accepts and dispatches (一口受理), two departments approve in
 * parallel (并行办理) and the enterprise is 已复工; a low-risk enterprise declares and is resumed at once with no
 * approval step (seed 003 L26); the post-check goes to the grid officer, a serious finding orders a stop, the
 * enterprise rectifies, the officer closes it (销号) and the stop is lifted; rates, the weekly report and
 * notifications follow.
 */
describe.each(testDialects())('复工复产 journey on %s', (dialect) => {
  let t: TestApp;
  // Thursday 20 February 2020, 10:00 in Nanchang.
  const clock = manualClock('2020-02-20T02:00:00Z');
  const s: Record<string, TestSession> = {};

  beforeAll(async () => {
    t = await createTestApp(dialect, { clock });
    for (const u of [
      'admin',
      'leader',
      'dept.qsh',
      'dept.dh',
      'dept.city',
      'cdc.qsh',
      'grid',
      'ent.a',
      'ent.b',
      'emp.a',
      'bank',
    ])
      s[u] = await t.login(u);
    await setUpResumption(t, s.admin!, '2020-02-20');
  });
  afterAll(async () => t.close());

  it('shows the enterprise its level, its mode and the list before it files', async () => {
    const my = (await s['ent.a']!.get('/api/resumption/my')).json();
    expect(my.level.level).toBe('medium');
    expect(my.mode).toBe('approval');
    expect(my.leadDepartment.id).toBe(t.fixture.departments.qsh);
    expect(my.conditionList.items.length).toBeGreaterThan(3);
    for (const item of my.conditionList.items) expect(item.source.ref).toMatch(/^\d{3}_[0-9a-f]+\.txt:L\d+$/);
    const low = (await s['ent.b']!.get('/api/resumption/my')).json();
    expect(low.level.level).toBe('low');
    expect(low.mode).toBe('declare');
  });

  it('medium risk: file → accept and dispatch → two departments approve in parallel → 已复工', async () => {
    const { qsh, city } = t.fixture.departments;
    const { id, submit } = await fileApplication(s['ent.a']!, '2020-02-20');
    expect(submit.statusCode, submit.body).toBe(200);
    expect(submit.json().status).toBe('submitted');
    // The enterprise cannot accept its own application; a department not leading it does not see it.
    expect(
      (await s['ent.a']!.post(`/api/resumption/applications/${id}/accept`, { departmentIds: [qsh] })).statusCode,
    ).toBe(403);
    expect((await s['dept.dh']!.get(`/api/resumption/applications/${id}`)).statusCode).toBe(404);
    const queue = (await s['dept.qsh']!.get('/api/resumption/applications?queue=lead')).json();
    expect(queue.items.map((i: { id: number }) => i.id)).toContain(id);
    const intake = (await s['dept.qsh']!.get('/api/notifications')).json();
    expect(intake.items.some((n: { kind: string }) => n.kind === 'resumption.intake')).toBe(true);

    // The signed commitment letter is a PDF the reviewers can open, with the signer in the application.
    const filed = (await s['dept.qsh']!.get(`/api/resumption/applications/${id}`)).json();
    expect(filed.application.package.commitment).toMatchObject({ signerName: '张测试', signerTitle: '总经理' });
    const pdf = await s['dept.qsh']!.get(`/api/resumption/files/${filed.application.package.commitment.pdfFileId}`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdfOut = await s['ent.b']!.get(`/api/resumption/files/${filed.application.package.commitment.pdfFileId}`);
    expect(pdfOut.statusCode).toBe(404);
    // A material item of the self-assessment reaches the reviewer with its uploaded file, which the reviewer can open.
    const material = filed.application.package.answers['six-musts:plans'];
    expect(material.kind).toBe('material');
    expect(material.attachments).toHaveLength(1);
    expect((await s['dept.qsh']!.get(`/api/resumption/files/${material.attachments[0].fileId}`)).statusCode).toBe(200);
    const accepted = await s['dept.qsh']!.post(`/api/resumption/applications/${id}/accept`, {
      departmentIds: [qsh, city],
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().status).toBe('accepted');
    const detail = (await s['dept.city']!.get(`/api/resumption/applications/${id}`)).json();
    // Accepted Thursday 20 February: due in 2 working days = Monday 24 February (the weekend does not count).
    expect(detail.application.dueDate).toBe('2020-02-24');
    expect(detail.application.reviews).toHaveLength(2);

    // Both departments approve at the same moment: neither overwrites the other.
    const [r1, r2] = await Promise.all([
      s['dept.qsh']!.post(`/api/resumption/applications/${id}/review`, { decision: 'approve', comment: '同意' }),
      s['dept.city']!.post(`/api/resumption/applications/${id}/review`, { decision: 'approve', comment: '同意' }),
    ]);
    expect(r1.statusCode, r1.body).toBe(200);
    expect(r2.statusCode, r2.body).toBe(200);
    const done = (await s['ent.a']!.get(`/api/resumption/applications/${id}`)).json();
    expect(done.application.status).toBe('resumed');
    expect(done.application.reviews.every((r: { decision: { kind: string } }) => r.decision.kind === 'approve')).toBe(
      true,
    );
    const types = done.timeline.map((e: { type: string }) => e.type);
    expect(types).toEqual(expect.arrayContaining(['created', 'submitted', 'accepted', 'reviewed', 'resumed']));
    // A finished application accepts no further review.
    const again = await s['dept.qsh']!.post(`/api/resumption/applications/${id}/review`, { decision: 'approve' });
    expect(again.statusCode).toBe(400);
    let record = (await s['ent.a']!.get(`/api/resumption/enterprises/${t.fixture.enterprises.a}`)).json();
    expect(record.status.granted).toBe(true);
    expect(record.status.status).toBe('not_resumed'); // granted, nobody back yet
    // 60 of the planned 60 back today: 已复工.
    const workers = await s['ent.a']!.post('/api/resumption/workers', { date: '2020-02-20', workersBack: 60 });
    expect(workers.statusCode, workers.body).toBe(200);
    record = (await s['ent.a']!.get(`/api/resumption/enterprises/${t.fixture.enterprises.a}`)).json();
    expect(record.status.status).toBe('resumed');
    expect(record.workers).toEqual([expect.objectContaining({ date: '2020-02-20', workersBack: 60 })]);
    const notes = (await s['ent.a']!.get('/api/notifications')).json();
    expect(notes.items.some((n: { kind: string }) => n.kind === 'resumption.resumed')).toBe(true);
  });

  it('low risk: the enterprise declares and is resumed at once, with no approval step', async () => {
    const { id, submit } = await fileApplication(s['ent.b']!, '2020-02-21');
    expect(submit.statusCode, submit.body).toBe(200);
    expect(submit.json().status).toBe('resumed');
    const detail = (await s['ent.b']!.get(`/api/resumption/applications/${id}`)).json();
    expect(detail.application.mode).toBe('declare');
    expect(detail.application.reviews).toHaveLength(0);
    expect(detail.timeline.map((e: { type: string }) => e.type)).not.toContain('accepted');
  });

  it('the post-check goes to the grid officer; a serious finding stops the enterprise until rectified and closed', async () => {
    const grid = s.grid!;
    // Approval mode has no post-check; the department sends a routine check to the enterprise's grid officer.
    expect((await grid.post('/api/resumption/checks', { enterpriseId: t.fixture.enterprises.a })).statusCode).toBe(403);
    const made = await s['dept.qsh']!.post('/api/resumption/checks', { enterpriseId: t.fixture.enterprises.a });
    expect(made.statusCode, made.body).toBe(201);
    const tasks = (await grid.get('/api/resumption/checks')).json();
    const task = tasks.items.find((x: { id: number }) => x.id === made.json().id);
    expect(task).toBeDefined();
    expect(
      (await grid.get('/api/notifications')).json().items.some((n: { kind: string }) => n.kind === 'resumption.check'),
    ).toBe(true);
    // Another grid officer's view of the task is refused; the enterprise sees its own.
    expect((await s['ent.b']!.get(`/api/resumption/checks/${task.id}`)).statusCode).toBe(404);
    let detail = (await grid.get(`/api/resumption/checks/${task.id}`)).json();
    let version = detail.version as number;
    const act = async (body: Record<string, unknown>) => {
      const res = await grid.post(`/api/resumption/checks/${task.id}/actions`, { ...body, version });
      expect(res.statusCode, res.body).toBe(200);
      version = res.json().version;
      return res.json();
    };
    await act({ type: 'start' });
    const photo = await upload(grid, 'photo', { enterpriseId: String(t.fixture.enterprises.a) });
    for (const item of detail.task.checklist.items) {
      await act({ type: 'answer', itemId: item.id, result: 'pass', photos: [{ fileId: photo.id }] });
    }
    await act({
      type: 'add_finding',
      itemId: null,
      severity: 'serious',
      description: '员工宿舍未落实通风消毒，体温检测记录缺失',
      photos: [{ fileId: photo.id }],
      orderStop: true,
    });
    // A stale version is refused.
    const stale = await grid.post(`/api/resumption/checks/${task.id}/actions`, {
      type: 'complete',
      version: version - 1,
    });
    expect(stale.statusCode).toBe(409);
    const completed = await act({ type: 'complete', summary: '发现严重问题，责令停工整改' });
    expect(completed.orders).toHaveLength(1);
    const orderId = completed.orders[0] as number;
    let record = (await s['ent.a']!.get(`/api/resumption/enterprises/${t.fixture.enterprises.a}`)).json();
    expect(record.status.status).toBe('stopped');

    detail = (await s['ent.a']!.get(`/api/resumption/rectifications/${orderId}`)).json();
    expect(detail.stopOrdered).toBe(true);
    // The officer cannot close before the enterprise responds.
    const early = await grid.post(`/api/resumption/rectifications/${orderId}/recheck`, {
      version: detail.version,
      result: 'pass',
    });
    expect(early.statusCode).toBe(400);
    const evidence = await upload(s['ent.a']!, 'rectification');
    const responded = await s['ent.a']!.post(`/api/resumption/rectifications/${orderId}/respond`, {
      version: detail.version,
      text: '已对宿舍每日通风消毒两次，补建体温检测台账',
      photos: [{ fileId: evidence.id }],
    });
    expect(responded.statusCode, responded.body).toBe(200);
    const closed = await grid.post(`/api/resumption/rectifications/${orderId}/recheck`, {
      version: responded.json().version,
      result: 'pass',
      note: '复查合格，销号',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().status).toBe('closed');
    const lifted = await s.leader!.post(`/api/resumption/enterprises/${t.fixture.enterprises.a}/lift-stop`, {
      resumeTo: 'partially_resumed',
    });
    expect(lifted.statusCode, lifted.body).toBe(200);
    record = (await s['ent.a']!.get(`/api/resumption/enterprises/${t.fixture.enterprises.a}`)).json();
    expect(record.status.status).toBe('partially_resumed');
    expect(record.history.map((h: { status: string }) => h.status)).toEqual(
      expect.arrayContaining(['stopped', 'partially_resumed']),
    );
  });

  it('rates by region, drill-down and trend come from the rollups, within the user region', async () => {
    const future = await s['ent.a']!.post('/api/resumption/workers', { date: '2020-03-20', workersBack: 60 });
    expect(future.statusCode).toBe(400);
    const stats = (await s.leader!.get('/api/resumption/stats?groupBy=regionCode')).json();
    expect(stats.total.enterprises).toBeGreaterThanOrEqual(2);
    const qsh = stats.groups.find((g: { key: { regionCode: string } }) => g.key.regionCode === '360111');
    expect(qsh.workersBack).toBe(60);
    expect(qsh.operating).toBeGreaterThanOrEqual(1);
    // A county user sees its own county only.
    const county = (await s['cdc.qsh']!.get('/api/resumption/stats?groupBy=regionCode')).json();
    expect(county.groups.map((g: { key: { regionCode: string } }) => g.key.regionCode)).toEqual(['360111']);
    const drill = (await s.leader!.get('/api/resumption/stats/enterprises?countyCode=360111')).json();
    expect(drill.items.map((i: { enterpriseId: number }) => i.enterpriseId)).toContain(t.fixture.enterprises.a);
    const trend = (await s.leader!.get('/api/resumption/stats/trend?from=2020-02-18&to=2020-02-20')).json();
    expect(trend.points).toHaveLength(3);
    expect(trend.points[2].workersBack).toBe(60);
    // Employees and banks get nothing.
    expect((await s['emp.a']!.get('/api/resumption/stats')).statusCode).toBe(403);
    expect((await s.bank!.get('/api/resumption/applications')).statusCode).toBe(403);
  });

  it('uploads are checked: a photo upload by the enterprise is refused', async () => {
    const body = multipart('x.jpg', JPEG, 'image/jpeg', { purpose: 'photo' });
    const res = await s['ent.a']!.post('/api/resumption/files', body.payload, body.headers);
    expect(res.statusCode).toBe(400);
  });
  it('generates the weekly report as Excel and Word, on demand and on the Monday schedule', async () => {
    const made = await s.leader!.post('/api/resumption/reports', {});
    expect(made.statusCode, made.body).toBe(201);
    const report = made.json();
    expect(report.title).toContain('南昌市复工复产情况周报');
    const xlsx = await s.leader!.get(report.xlsxUrl);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    const docx = await s.leader!.get(report.docxUrl);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    // Out of the leader's area: an enterprise user gets 403, a county user cannot download the city report.
    expect((await s['ent.a']!.get(report.xlsxUrl)).statusCode).toBe(403);
    expect((await s['cdc.qsh']!.get(report.xlsxUrl)).statusCode).toBe(404);
    const { runWeeklyReports } = await import('../../src/server/resumption/reports.service.ts');
    expect(await runWeeklyReports(t.built.context)).toBeNull(); // Thursday: nothing due
    clock.set('2020-02-24T01:00:00Z'); // Monday 24 February, 09:00
    const monday = await t.login('leader');
    const first = await runWeeklyReports(t.built.context);
    expect(first?.generated).toBeGreaterThan(1);
    expect(await runWeeklyReports(t.built.context)).toEqual({ generated: 0 });
    const list = (await monday.get('/api/resumption/reports')).json();
    expect(
      list.items.some(
        (r: { trigger: string; periodStart: string }) => r.trigger === 'schedule' && r.periodStart === '2020-02-17',
      ),
    ).toBe(true);
  });
});
