import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import path from 'node:path';
import { manualClock } from '../../src/server/clock.ts';
import { storageDir } from '../../src/server/files/storage.ts';
import { waitForJob } from '../../src/server/jobs/jobs.ts';
import { runHealthDaily } from '../../src/server/health/tasks.ts';
import type { TestApp, TestSession } from '../support/app-fixture.ts';
import { createTestApp } from '../support/app-fixture.ts';
import { testDialects } from '../support/databases.ts';
import { addHealthUsers, breakCheckDigit, messyRosterXlsx, residentIds } from '../support/health-fixture.ts';
import { multipartFile } from '../support/multipart.ts';

const loc = { place: 'home' };

describe.each(testDialects())('workforce health on %s', (dialect) => {
  let t: TestApp;
  let admin: TestSession;
  let entA: TestSession;
  let entB: TestSession;
  let emp: TestSession;
  let cdc: TestSession;
  let cdc2: TestSession;
  let cdcOther: TestSession;
  const clock = manualClock('2020-02-20T09:00:00+08:00');
  const ids = residentIds('health-api', 20);
  let users: { cdc2: number; cdcOther: number; emp2: number };

  async function audits(action: string) {
    return t.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', action).execute();
  }
  async function createPerson(session: TestSession, residentId: string, extra: Record<string, unknown> = {}) {
    const res = await session.post('/api/health/people', { residentId, name: '测试员工', ...extra });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number; version: number; residentIdMasked: string; status: string };
  }

  /** Move time; sessions idle out, so everyone signs in again. */
  async function advance(ms: number) {
    clock.advance(ms);
    await loginAll();
  }
  async function loginAll() {
    admin = await t.login('admin');
    entA = await t.login('ent.a');
    entB = await t.login('ent.b');
    emp = await t.login('emp.a');
    cdc = await t.login('cdc.qsh');
    cdc2 = await t.login('cdc.qsh2');
    cdcOther = await t.login('cdc.dh');
  }

  beforeAll(async () => {
    t = await createTestApp(dialect, { clock });
    users = await addHealthUsers(t);
    await loginAll();
  });
  afterAll(async () => t.close());

  it('imports a messy roster: row-level report, nothing written until confirmed, IDs never in clear', async () => {
    const { buffer, expectValid, expectErrors } = await messyRosterXlsx(ids);
    const { payload, headers } = multipartFile('file', '花名册.xlsx', buffer);
    const up = await entA.request('POST', '/api/health/roster-imports', payload, headers);
    expect(up.statusCode, up.body).toBe(201);
    const staged = up.json();
    expect(staged.headerRow).toBe(3);
    expect(staged).toMatchObject({ totalRows: 7, validRows: 3, errorRows: 4 });
    expect(staged.summary.numericIdRows).toBe(1);
    expect(staged.summary.duplicateIdRows).toBe(2);
    // Nothing on the roster yet.
    const before = await t.db.kysely.selectFrom('health_people').select('id').execute();
    expect(before).toHaveLength(0);

    const report = await entA.get(`/api/health/roster-imports/${staged.batchId}?only=errors`);
    expect(report.statusCode).toBe(200);
    const rows = report.json().rows.items as { rowNumber: number; errors: { field: string; message: string }[] }[];
    expect(rows.map((r) => r.rowNumber)).toEqual(expectErrors);
    const msg = (n: number) =>
      rows
        .find((r) => r.rowNumber === n)!
        .errors.map((e) => e.message)
        .join('|');
    expect(msg(5)).toMatch(/身份证号/);
    expect(msg(7)).toMatch(/重复/);
    expect(msg(8)).toMatch(/重复/);
    expect(msg(9)).toMatch(/身份证号/);
    // The report, the staged rows and the whole response never carry a full ID number.
    for (const id of ids.slice(0, 6)) expect(report.body).not.toContain(id);
    const stagedRows = await t.db.kysely
      .selectFrom('import_rows')
      .select('data')
      .where('batch_id', '=', staged.batchId)
      .execute();
    for (const r of stagedRows) for (const id of ids.slice(0, 6)) expect(r.data).not.toContain(id);
    // Another enterprise cannot see or confirm the batch.
    expect((await entB.get(`/api/health/roster-imports/${staged.batchId}`)).statusCode).toBe(404);
    expect((await entB.post(`/api/health/roster-imports/${staged.batchId}/confirm`)).statusCode).toBe(404);

    const confirmed = await entA.post(`/api/health/roster-imports/${staged.batchId}/confirm`);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ written: 3, skipped: 0 });
    const people = await t.db.kysely.selectFrom('health_people').selectAll().orderBy('id').execute();
    expect(people.map((p) => p.name)).toEqual(expectValid);
    expect(people[0]!.phone).toBe('13800138000');
    expect(people.find((p) => p.name === '王五')!.team).toBe('一车间'); // from the merged cell
    expect(people.find((p) => p.name === '王五')!.return_date).toBe('2020-02-10'); // from the serial
    expect(people[0]!.dormitory).toBe(1);
    for (const p of people) {
      expect(p.resident_id_masked).toMatch(/^\d{4}\*+\d{3}[\dX]$/);
      expect(p.status).not.toBeNull(); // evaluated on import
      for (const id of ids) expect(p.resident_id_enc).not.toContain(id);
    }
    expect(await audits('health.roster_imported')).toHaveLength(1);
    // Confirming twice writes nothing more.
    expect((await entA.post(`/api/health/roster-imports/${staged.batchId}/confirm`)).statusCode).toBe(409);
    // The same file again: every valid row is now a duplicate of the roster.
    const again = await entA.request('POST', '/api/health/roster-imports', payload, headers);
    expect(again.json().validRows).toBe(0);
  });

  it('validates, encrypts, de-duplicates and masks IDs; scope keeps other enterprises and counties out', async () => {
    const bad = await entA.post('/api/health/people', { residentId: breakCheckDigit(ids[10]!), name: '错号' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('身份证号');
    const p = await createPerson(entA, ids[10]!, { name: '郑十', dormitory: true });
    expect(p.residentIdMasked).not.toContain(ids[10]!.slice(6, 14));
    const dup = await entA.post('/api/health/people', { residentId: ids[10], name: '郑十' });
    expect(dup.statusCode).toBe(409);
    // The same number may be on another enterprise's roster (people change jobs).
    await createPerson(entB, ids[10]!, { name: '郑十' });

    const list = await entA.get('/api/health/people');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(ids[10]);
    expect(list.json().items.every((i: { enterpriseId: number }) => i.enterpriseId === t.fixture.enterprises.a)).toBe(
      true,
    );
    const found = await entA.post('/api/health/people/lookup', { residentId: ids[10] });
    expect(found.json().items.map((i: { id: number }) => i.id)).toEqual([p.id]);

    expect((await entB.get(`/api/health/people/${p.id}`)).statusCode).toBe(404);
    expect((await cdcOther.get(`/api/health/people/${p.id}`)).statusCode).toBe(404);
    const otherCounty = (await cdcOther.get('/api/health/people')).json().items as { enterpriseId: number }[];
    expect(otherCounty.map((i) => i.enterpriseId)).toEqual([t.fixture.enterprises.b]);
    const seen = await cdc.get(`/api/health/people/${p.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.body).not.toContain(ids[10]);
    expect(seen.json().evaluation.reasons.length).toBeGreaterThan(0);
    expect(seen.json().evaluation.reasons[0].source).toMatch(/\.txt:L\d+$/);
    // Every view is audited.
    const views = await audits('health.person_viewed');
    expect(views.some((a) => a.object_id === String(p.id) && a.actor_id === t.fixture.users['cdc.qsh'])).toBe(true);
    expect((await audits('health.roster_viewed')).length).toBeGreaterThan(0);
    // Only the CDC sees a full number, and that is audited too.
    expect((await entA.post(`/api/health/people/${p.id}/reveal-id`)).statusCode).toBe(403);
    const reveal = await cdc.post(`/api/health/people/${p.id}/reveal-id`);
    expect(reveal.json().residentId).toBe(ids[10]);
    expect((await audits('health.resident_id_revealed')).length).toBe(1);
    expect((await cdcOther.post(`/api/health/people/${p.id}/reveal-id`)).statusCode).toBe(404);
  });

  let empPerson: number;

  it('takes declarations once a day, a retried one once, and lists who has not declared', async () => {
    empPerson = (await createPerson(entA, ids[11]!, { name: '员工甲' })).id;
    const link = await entA.post(`/api/health/people/${empPerson}/account`, { userId: t.fixture.users['emp.a'] });
    expect(link.statusCode, link.body).toBe(201);

    const undeclared = await entA.get('/api/health/undeclared');
    expect(undeclared.statusCode).toBe(200);
    expect(undeclared.json().items.map((i: { personId: number }) => i.personId)).toContain(empPerson);

    const body = { temperatureC: 36.5, symptoms: [], location: loc };
    const first = await emp.post('/api/health/me/declarations', body, { 'idempotency-key': 'k-1' });
    expect(first.statusCode, first.body).toBe(201);
    const replay = await emp.post('/api/health/me/declarations', body, { 'idempotency-key': 'k-1' });
    expect(replay.json().id).toBe(first.json().id);
    // The same key in the body (a client without the header) is also accepted once.
    const byBody = await emp.post('/api/health/me/declarations', { ...body, clientKey: 'k-1' });
    expect(byBody.statusCode).toBe(200);
    expect(byBody.json()).toMatchObject({ id: first.json().id, duplicate: true });
    const second = await emp.post('/api/health/me/declarations', body, { 'idempotency-key': 'k-2' });
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain('今日已申报');
    const count = await t.db.kysely
      .selectFrom('health_declarations')
      .select('id')
      .where('person_id', '=', empPerson)
      .execute();
    expect(count).toHaveLength(1);
    const after = await entA.get('/api/health/undeclared');
    expect(after.json().items.map((i: { personId: number }) => i.personId)).not.toContain(empPerson);
    // A dormitory resident declares twice a day: morning and afternoon.
    const dorm = await createPerson(entA, ids[12]!, { name: '住宿员工', dormitory: true });
    const rec = (key: string) =>
      entA.post('/api/health/declarations', {
        personId: dorm.id,
        clientKey: key,
        temperatureC: 36.4,
        symptoms: [],
        location: loc,
      });
    expect((await rec('d-1')).statusCode).toBe(201);
    expect((await rec('d-2')).statusCode).toBe(409);
    await advance(5 * 3600_000); // 14:00
    expect((await rec('d-3')).statusCode).toBe(201);
    expect((await rec('d-4')).statusCode).toBe(409);
    // A batch upload (an offline gate): one result per item, duplicates answered with the stored declaration.
    const other = await createPerson(entA, ids[16]!, { name: '批量员工' });
    const foreignPerson = await createPerson(entB, ids[17]!, { name: '乙企员工' });
    const item = (personId: number, clientKey: string, at?: string) => ({
      personId,
      clientKey,
      ...(at ? { at } : {}),
      temperatureC: 36.6,
      symptoms: [],
      location: loc,
    });
    const batch = await entA.post('/api/health/declarations/batch', {
      items: [
        item(other.id, 'b-1'),
        item(dorm.id, 'd-1'),
        item(foreignPerson.id, 'b-2'),
        item(other.id, 'b-3', '2020-02-10T08:00:00+08:00'),
      ],
    });
    expect(batch.statusCode, batch.body).toBe(200);
    expect(batch.json()).toMatchObject({ accepted: 1, duplicates: 1, rejected: 2 });
    const results = batch.json().results as { ok: boolean; message?: string }[];
    expect(results[2]!.message).toContain('员工');
    expect(results[3]!.message).toContain('测温时间');
    // Out of scope: ent.b cannot record for enterprise a's people.
    const foreign = await entB.post('/api/health/declarations', {
      personId: dorm.id,
      temperatureC: 36.4,
      symptoms: [],
      location: loc,
    });
    expect(foreign.statusCode).toBe(404);
  });

  let caseId: number;

  it('a fever opens an anomaly, alerts the enterprise and the CDC at once, and moves isolation → referral → result', async () => {
    const p = await createPerson(entA, ids[13]!, { name: '发热员工' });
    const res = await entA.post('/api/health/declarations', {
      personId: p.id,
      temperatureC: 37.3,
      symptoms: [],
      location: { place: 'workplace' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().anomaly).toBe(true);
    caseId = res.json().caseId;
    const notes = await t.db.kysely
      .selectFrom('notifications')
      .selectAll()
      .where('kind', '=', 'health.anomaly')
      .execute();
    expect(notes.some((n) => n.enterprise_id === t.fixture.enterprises.a)).toBe(true);
    expect(notes.some((n) => n.user_id === t.fixture.users['cdc.qsh'])).toBe(true);
    expect(notes.some((n) => n.user_id === users.cdc2)).toBe(true);
    expect(notes.some((n) => n.user_id === users.cdcOther)).toBe(false);
    expect(notes.some((n) => n.enterprise_id === t.fixture.enterprises.b)).toBe(false);
    // The rules see the open case at once.
    const person = await t.db.kysely
      .selectFrom('health_people')
      .selectAll()
      .where('id', '=', p.id)
      .executeTakeFirstOrThrow();
    expect(person.status).not.toBe('cleared');

    expect((await cdcOther.get(`/api/health/anomalies/${caseId}`)).statusCode).toBe(404);
    expect((await entB.get('/api/health/anomalies')).json().items).toHaveLength(0);
    const list = await cdc.get('/api/health/anomalies?open=true');
    expect(list.json().items.map((i: { id: number }) => i.id)).toContain(caseId);

    let c = (await entA.get(`/api/health/anomalies/${caseId}`)).json();
    await advance(10 * 60_000);
    let step = await entA.post(`/api/health/anomalies/${caseId}/transition`, {
      version: c.version,
      to: 'isolated',
      isolationArea: '厂区东侧临时隔离室',
    });
    expect(step.statusCode, step.body).toBe(200);
    c = step.json();
    await advance(20 * 60_000);
    step = await entA.post(`/api/health/anomalies/${caseId}/transition`, {
      version: c.version,
      to: 'referred',
      facility: '南昌大学第一附属医院发热门诊',
    });
    expect(step.statusCode, step.body).toBe(200);
    c = step.json();
    // Results are the CDC's.
    const refused = await entA.post(`/api/health/anomalies/${caseId}/transition`, {
      version: c.version,
      to: 'excluded',
    });
    expect(refused.statusCode).toBe(422);
    await advance(3 * 3600_000);
    step = await cdc.post(`/api/health/anomalies/${caseId}/transition`, {
      version: c.version,
      to: 'excluded',
      note: '核酸阴性',
    });
    expect(step.statusCode, step.body).toBe(200);
    c = step.json();
    expect(c.open).toBe(false);
    expect(c.timeline.map((s: { state: string }) => s.state)).toEqual(['reported', 'isolated', 'referred', 'excluded']);
    expect(c.timeline.map((s: { minutesSinceDetected: number }) => s.minutesSinceDetected)).toEqual([0, 10, 30, 210]);
  });

  let overrideId: number;

  it('an override needs a closed-list reason, evidence and a second CDC user; the proposer cannot confirm', async () => {
    const target = await createPerson(entA, ids[14]!, { name: '研判对象' });
    const expiresAt = new Date(clock.now().getTime() + 10 * 86_400_000).toISOString();
    const base = { personId: target.id, status: 'central_quarantine', evidenceRef: 'LD-2020-0218', expiresAt };
    expect((await cdc.post('/api/health/overrides', { ...base, reasonCode: 'BOSS_SAID_SO' })).statusCode).toBe(400);
    expect((await entA.post('/api/health/overrides', { ...base, reasonCode: 'OV_EPI_CLOSE_CONTACT' })).statusCode).toBe(
      403,
    );
    expect(
      (await admin.post('/api/health/overrides', { ...base, reasonCode: 'OV_EPI_CLOSE_CONTACT' })).statusCode,
    ).toBe(403);
    expect(
      (await cdcOther.post('/api/health/overrides', { ...base, reasonCode: 'OV_EPI_CLOSE_CONTACT' })).statusCode,
    ).toBe(404);
    const wrongStatus = await cdc.post('/api/health/overrides', {
      ...base,
      status: 'cleared',
      reasonCode: 'OV_EPI_CLOSE_CONTACT',
    });
    expect(wrongStatus.statusCode).toBe(422);
    const proposed = await cdc.post('/api/health/overrides', { ...base, reasonCode: 'OV_EPI_CLOSE_CONTACT' });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const o = proposed.json();
    overrideId = o.id;
    expect(o.state).toBe('proposed');
    // Not in force without the second approver.
    let row = await t.db.kysely
      .selectFrom('health_people')
      .selectAll()
      .where('id', '=', target.id)
      .executeTakeFirstOrThrow();
    expect(row.status).not.toBe('central_quarantine');
    const self = await cdc.post(`/api/health/overrides/${o.id}/confirm`, { version: o.version });
    expect(self.statusCode).toBe(422);
    expect(self.body).toContain('复核人不能是发起人');
    const ok = await cdc2.post(`/api/health/overrides/${o.id}/confirm`, { version: o.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().state).toBe('active');
    row = await t.db.kysely
      .selectFrom('health_people')
      .selectAll()
      .where('id', '=', target.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('central_quarantine');
    expect(row.status_cause).toBe('override');
    const changed = await audits('health.status_changed');
    expect(changed.some((a) => a.object_id === String(target.id) && a.detail.includes('人工研判'))).toBe(true);

    // Expiry: the rules decide again.
    await advance(11 * 86_400_000);
    const daily = await runHealthDaily(t.built.context);
    expect(daily.expired).toBe(1);
    row = await t.db.kysely
      .selectFrom('health_people')
      .selectAll()
      .where('id', '=', target.id)
      .executeTakeFirstOrThrow();
    expect(row.status_cause).toBe('rules');
    const listed = await cdc.get(`/api/health/overrides?personId=${target.id}`);
    expect(listed.json().items[0].state).toBe('expired');
  });

  it('a status change revokes the person’s pass (the passes module re-issues only if the status admits entry)', async () => {
    const p = await createPerson(entA, ids[15]!, {
      name: '持证员工',
      travelHistory: '无',
      returnDate: '2020-02-10',
      returnMode: 'self_drive',
      contactHistory: '无',
    });
    // Symptoms come from the declarations: the first one completes the facts.
    expect(p.status).toBe('deferred');
    const d = await entA.post('/api/health/declarations', {
      personId: p.id,
      temperatureC: 36.4,
      symptoms: [],
      location: loc,
    });
    expect(d.statusCode, d.body).toBe(201);
    const ev = (await entA.get(`/api/health/people/${p.id}`)).json();
    expect(ev.person.status, JSON.stringify(ev.evaluation.reasons)).toBe('cleared');
    const link = await entA.post(`/api/health/people/${p.id}/account`, { userId: users.emp2 });
    expect(link.statusCode, link.body).toBe(201);
    const emp2 = await t.login('emp.a2');
    const pass = await emp2.get('/api/passes/me');
    expect(pass.statusCode, pass.body).toBe(200);
    const passId = pass.json().pass.id as number;
    const expiresAt = new Date(clock.now().getTime() + 5 * 86_400_000).toISOString();
    const o = await cdc.post('/api/health/overrides', {
      personId: p.id,
      status: 'central_quarantine',
      reasonCode: 'OV_EPI_CLOSE_CONTACT',
      evidenceRef: 'LD-2020-0301',
      expiresAt,
    });
    expect(o.statusCode, o.body).toBe(201);
    const live = await t.db.kysely.selectFrom('passes').selectAll().where('id', '=', passId).executeTakeFirstOrThrow();
    expect(live.revoked_at).toBeNull(); // a proposal alone changes nothing
    expect((await cdc2.post(`/api/health/overrides/${o.json().id}/confirm`, { version: 1 })).statusCode).toBe(200);
    const revoked = await t.db.kysely
      .selectFrom('passes')
      .selectAll()
      .where('id', '=', passId)
      .executeTakeFirstOrThrow();
    expect(revoked.revoked_at).not.toBeNull();
    const after = await emp2.get('/api/passes/me');
    expect(after.json().pass).toBeNull();
    expect(after.json().statusLabel).toBe('集中隔离');
  });

  it('the person sees status, reasons and sources, and can appeal; a CDC user decides', async () => {
    const me = await emp.get('/api/health/me');
    expect(me.statusCode, me.body).toBe(200);
    const view = me.json();
    expect(view.person.id).toBe(empPerson);
    expect(view.evaluation.statusLabel).toBeTruthy();
    expect(view.evaluation.reasons.every((r: { source: string }) => /\.txt:L\d+$/.test(r.source))).toBe(true);
    expect(me.body).not.toContain(ids[11]);
    expect((await audits('health.self_viewed')).length).toBeGreaterThan(0);

    expect((await emp.post('/api/health/me/appeals', { text: '太短' })).statusCode).toBe(422);
    const appeal = await emp.post('/api/health/me/appeals', { text: '我14天内没有离开南昌，旅居史登记有误' });
    expect(appeal.statusCode, appeal.body).toBe(201);
    const a = appeal.json();
    // Someone else's override cannot be appealed.
    expect((await emp.post('/api/health/me/appeals', { text: '对该研判有异议请核实', overrideId })).statusCode).toBe(
      422,
    );
    expect((await entA.get('/api/health/appeals')).statusCode).toBe(403);
    expect((await cdcOther.get('/api/health/appeals')).json().items).toHaveLength(0);
    expect(
      (await cdcOther.post(`/api/health/appeals/${a.id}/decide`, { version: 1, decision: 'rejected', reason: '无' }))
        .statusCode,
    ).toBe(404);
    const decided = await cdc.post(`/api/health/appeals/${a.id}/decide`, {
      version: a.version,
      decision: 'accepted',
      reason: '经核实旅居史登记有误，请企业更正',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ state: 'accepted', followUp: 'correct_facts' });
    expect((await emp.get('/api/health/me/appeals')).json().items[0].state).toBe('accepted');
  });

  it('sends each enterprise’s daily summary to the CDC of its county only', async () => {
    const date = '2020-02-20';
    expect((await cdc.post('/api/health/summaries/run', { date })).statusCode).toBe(403);
    const run = await admin.post('/api/health/summaries/run', { date });
    expect(run.statusCode, run.body).toBe(200);
    const mine = await cdc.get(`/api/health/summaries?date=${date}`);
    const a = mine.json().items.find((i: { enterpriseId: number }) => i.enterpriseId === t.fixture.enterprises.a);
    expect(a.summary.headcount).toBeGreaterThan(0);
    expect(a.summary.anomalies.newToday).toBe(1);
    expect(mine.body).not.toContain('发热员工'); // counts only
    const other = await cdcOther.get(`/api/health/summaries?date=${date}`);
    expect(other.json().items.map((i: { enterpriseId: number }) => i.enterpriseId)).not.toContain(
      t.fixture.enterprises.a,
    );
    const notes = await t.db.kysely
      .selectFrom('notifications')
      .selectAll()
      .where('kind', '=', 'health.daily_summary')
      .execute();
    expect(notes.some((n) => n.user_id === t.fixture.users['cdc.qsh'])).toBe(true);
  });

  it('exports carry who and when with IDs masked; the retention purge leaves an audit record', async () => {
    const res = await entA.post('/api/health/exports', {});
    expect(res.statusCode).toBe(202);
    const jobId = res.json().jobId as number;
    await waitForJob(jobId);
    const job = await t.db.kysely.selectFrom('jobs').selectAll().where('id', '=', jobId).executeTakeFirstOrThrow();
    expect(job.status).toBe('succeeded');
    const file = JSON.parse(job.result!).file as string;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(storageDir(t.built.context, 'exports'), file));
    const ws = wb.worksheets[0]!;
    expect(String(ws.getRow(2).getCell(1).value)).toMatch(/导出人：ent\.a.*导出时间/);
    const text = JSON.stringify(ws.getSheetValues());
    for (const id of ids) expect(text).not.toContain(id);
    expect(text).toContain('郑十');
    expect((await audits('health.roster_exported')).length).toBe(1);

    const purgesBefore = (await audits('health.retention_purged')).length; // the daily task purges too
    const before = await t.db.kysely.selectFrom('health_declarations').select('id').execute();
    expect(before.length).toBeGreaterThan(0);
    expect((await entA.post('/api/health/retention/purge', {})).statusCode).toBe(403);
    await advance(200 * 86_400_000);
    const purge = await admin.post('/api/health/retention/purge', { retentionDays: 180 });
    expect(purge.statusCode, purge.body).toBe(200);
    expect(purge.json().declarations).toBe(before.length);
    expect(await t.db.kysely.selectFrom('health_declarations').select('id').execute()).toHaveLength(0);
    const audit = await audits('health.retention_purged');
    expect(audit).toHaveLength(purgesBefore + 1);
    expect(audit[audit.length - 1]!.detail).toContain(`申报 ${before.length} 条`);
  });
});
