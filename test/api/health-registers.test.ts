import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/server/auth/passwords.ts';
import { manualClock } from '../../src/server/clock.ts';
import type { TestApp, TestSession } from '../support/app-fixture.ts';
import { createTestApp, PLACES, TEST_PASSWORD } from '../support/app-fixture.ts';
import { testDialects } from '../support/databases.ts';
import { addHealthUsers, residentIds } from '../support/health-fixture.ts';

/**
 * The risk-area register and its effect on statuses, the roster filters, the person page's DTOs, the override list's
 * names, and an appeal against a confirmed override decided by a third CDC user.
 */
describe.each(testDialects())('health registers and gaps on %s', (dialect) => {
  let t: TestApp;
  let entA: TestSession;
  let cdc: TestSession;
  let cdc2: TestSession;
  let cdc3: TestSession;
  let cdcCity: TestSession;
  let leader: TestSession;
  let admin: TestSession;
  let emp: TestSession;
  const clock = manualClock('2020-02-20T09:00:00+08:00');
  const ids = residentIds('health-registers', 10);

  async function addUser(username: string, region: string) {
    const hash = await hashPassword(TEST_PASSWORD, t.config.argon2);
    const at = '2020-02-10T01:00:00.000Z';
    await t.db.kysely
      .insertInto('users')
      .values({
        username,
        display_name: `疾控 ${username}`,
        role: 'cdc',
        phone: null,
        region_code: region,
        department_id: null,
        enterprise_id: null,
        bank_id: null,
        password_hash: hash,
        must_change_password: 0,
        failed_logins: 0,
        locked_until: null,
        disabled: 0,
        last_login_at: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
  }
  async function createPerson(residentId: string, extra: Record<string, unknown> = {}) {
    const res = await entA.post('/api/health/people', { residentId, name: '测试员工', ...extra });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number; version: number; status: string };
  }
  async function row(id: number) {
    return t.db.kysely.selectFrom('health_people').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  }
  /** A person with complete facts (travel recorded, arrival, a normal declaration) so only the register decides. */
  async function travelled(residentId: string, regionCode: string, place: string) {
    const p = await createPerson(residentId, {
      returnDate: '2020-02-16',
      returnMode: 'self_drive',
      contactHistory: '无',
    });
    const f = await entA.put(`/api/health/people/${p.id}/facts`, {
      version: p.version,
      facts: { travel: [{ regionCode, place, from: '2020-02-05', to: '2020-02-15' }] },
    });
    expect(f.statusCode, f.body).toBe(200);
    const d = await entA.post('/api/health/declarations', {
      personId: p.id,
      temperatureC: 36.5,
      symptoms: [],
      location: { place: 'home' },
    });
    expect(d.statusCode, d.body).toBe(201);
    return p.id;
  }

  beforeAll(async () => {
    t = await createTestApp(dialect, { clock });
    await addHealthUsers(t);
    await addUser('cdc.qsh3', PLACES.county);
    await addUser('cdc.city', '3601');
    entA = await t.login('ent.a');
    cdc = await t.login('cdc.qsh');
    cdc2 = await t.login('cdc.qsh2');
    cdc3 = await t.login('cdc.qsh3');
    cdcCity = await t.login('cdc.city');
    leader = await t.login('leader');
    admin = await t.login('admin');
    emp = await t.login('emp.a');
  });
  afterAll(async () => t.close());

  it('filters the roster by post and by category (exact match)', async () => {
    const welder = await createPerson(ids[0]!, { post: '焊工', category: 'close_contact' });
    const welder2 = await createPerson(ids[1]!, { post: '焊工班长', category: 'other' });
    const clerk = await createPerson(ids[2]!, { post: '文员', category: 'other' });
    const byPost = await entA.get(`/api/health/people?post=${encodeURIComponent('焊工')}`);
    expect(byPost.statusCode, byPost.body).toBe(200);
    expect(byPost.json().items.map((p: { id: number }) => p.id)).toEqual([welder.id]);
    const byCategory = await entA.get('/api/health/people?category=other');
    expect(byCategory.json().items.map((p: { id: number }) => p.id)).toEqual([welder2.id, clerk.id]);
    const both = await entA.get(`/api/health/people?category=other&post=${encodeURIComponent('文员')}`);
    expect(both.json().items.map((p: { id: number }) => p.id)).toEqual([clerk.id]);
    expect((await entA.get('/api/health/people?category=boss')).statusCode).toBe(400);
  });

  it('keeps the risk-area register: city CDC adds and ends, audited; county CDC and leaders read', async () => {
    const body = {
      regionCode: '4403',
      name: '广东省深圳市',
      level: 'medium',
      validFrom: '2020-02-01',
      source: '市指挥部通告〔2020〕1号',
    };
    expect((await cdc.post('/api/health/risk-areas', body)).statusCode).toBe(403); // county CDC
    expect((await admin.post('/api/health/risk-areas', body)).statusCode).toBe(403);
    expect((await leader.post('/api/health/risk-areas', body)).statusCode).toBe(403);
    expect((await entA.get('/api/health/risk-areas')).statusCode).toBe(403);
    const bad = await cdcCity.post('/api/health/risk-areas', { ...body, level: null });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('风险等级');
    const backwards = await cdcCity.post('/api/health/risk-areas', { ...body, validTo: '2020-01-01' });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toContain('截止日期');

    const added = await cdcCity.post('/api/health/risk-areas', body);
    expect(added.statusCode, added.body).toBe(201);
    const area = added.json().riskArea;
    expect(area).toMatchObject({ regionCode: '4403', level: 'medium', validTo: null, source: body.source });
    const listed = await leader.get('/api/health/risk-areas?activeOn=2020-02-20');
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json().items.map((a: { id: number }) => a.id)).toContain(area.id);
    expect(listed.json().items[0].createdByName).toBe('疾控 cdc.city');

    expect(
      (await cdc.post(`/api/health/risk-areas/${area.id}/end`, { on: '2020-02-19', reason: '降级' })).statusCode,
    ).toBe(403);
    const early = await cdcCity.post(`/api/health/risk-areas/${area.id}/end`, { on: '2020-01-01', reason: '降级' });
    expect(early.statusCode).toBe(422);
    const ended = await cdcCity.post(`/api/health/risk-areas/${area.id}/end`, {
      on: '2020-02-19',
      reason: '降为低风险',
    });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json().riskArea.validTo).toBe('2020-02-19');
    const again = await cdcCity.post(`/api/health/risk-areas/${area.id}/end`, { on: '2020-02-19', reason: '重复' });
    expect(again.statusCode).toBe(409);
    const active = (await cdc.get('/api/health/risk-areas?activeOn=2020-02-20')).json().items as { id: number }[];
    expect(active.map((a) => a.id)).not.toContain(area.id);
    const log = await t.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('object_type', '=', 'health_risk_area')
      .where('object_id', '=', String(area.id))
      .execute();
    expect(log.map((a) => a.action).sort()).toEqual(['health.risk_area_added', 'health.risk_area_ended']);
    expect(log.find((a) => a.action === 'health.risk_area_ended')!.detail).toContain('降为低风险');
  });

  it('a newly registered key area re-evaluates the people whose travel touches it (seed 003 L482, L739)', async () => {
    const wz = await travelled(ids[3]!, '330302', '浙江省温州市鹿城区');
    const gz = await travelled(ids[4]!, '440100', '广东省广州市');
    const before = await row(wz);
    const beforeOther = await row(gz);
    expect(before.status).toBe('cleared');
    expect(JSON.parse(before.reason_codes)).toEqual(['CLEARED']);

    const added = await cdcCity.post('/api/health/risk-areas', {
      regionCode: '3303',
      name: '浙江省温州市',
      keyArea: true,
      validFrom: '2020-01-25',
      source: '江西省应对新冠肺炎疫情应急指挥部 重点地区名单',
    });
    expect(added.statusCode, added.body).toBe(201);
    const out = added.json();
    expect(out.changed.map((c: { personId: number }) => c.personId)).toEqual([wz]);

    const after = await row(wz);
    // 14-day observation from the arrival on 2020-02-16 (day 0) to 2020-03-01, back on 2020-03-02; Nanchang bars
    // those who were in a severe area and have not finished the observation (seed 003 L482, L739).
    expect(after.status).toBe('central_quarantine');
    expect(JSON.parse(after.reason_codes)).toEqual(['KEY_AREA_QUARANTINE_14D', 'NC_SEVERE_AREA_BAN']);
    expect(after.earliest_return_date).toBe('2020-03-02');
    // Someone whose travel does not touch the area is not changed.
    const other = await row(gz);
    expect(other.status).toBe(beforeOther.status);
    expect(other.reason_codes).toBe(beforeOther.reason_codes);
    const changed = await t.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'health.status_changed')
      .where('object_id', '=', String(wz))
      .execute();
    expect(changed.length).toBeGreaterThan(0);

    // Ending the entry does not erase what the place was while the person stayed there.
    const ended = await cdcCity.post(`/api/health/risk-areas/${out.riskArea.id}/end`, {
      on: '2020-02-20',
      reason: '解除重点地区',
    });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json().reevaluated).toBe(1);
    expect((await row(wz)).status).toBe(after.status);
  });

  it('the person page returns DTOs; the override list names proposer, confirmer and enterprise', async () => {
    const p = await createPerson(ids[5]!, { name: '档案员工', travelHistory: '无', contactHistory: '无' });
    const d = await entA.post('/api/health/declarations', {
      personId: p.id,
      temperatureC: 37.8,
      symptoms: ['cough'],
      location: { place: 'home' },
    });
    expect(d.statusCode, d.body).toBe(201);
    const expiresAt = new Date(clock.now().getTime() + 10 * 86_400_000).toISOString();
    const o = await cdc.post('/api/health/overrides', {
      personId: p.id,
      status: 'central_quarantine',
      reasonCode: 'OV_EPI_CLOSE_CONTACT',
      evidenceRef: 'LD-2020-0220',
      expiresAt,
    });
    expect(o.statusCode, o.body).toBe(201);
    expect((await cdc2.post(`/api/health/overrides/${o.json().id}/confirm`, { version: 1 })).statusCode).toBe(200);

    const page = await cdc.get(`/api/health/people/${p.id}`);
    expect(page.statusCode, page.body).toBe(200);
    const v = page.json();
    expect(v.declarations[0]).toMatchObject({ personId: p.id, temperatureC: 37.8, symptoms: ['cough'], anomaly: true });
    expect(v.declarations[0]).not.toHaveProperty('temperature_dc');
    expect(v.anomalies[0]).toMatchObject({ personId: p.id, temperatureC: 37.8, open: true });
    expect(Array.isArray(v.anomalies[0].history)).toBe(true);
    expect(v.overrides[0]).toMatchObject({ id: o.json().id, state: 'active', reasonCode: 'OV_EPI_CLOSE_CONTACT' });
    expect(Array.isArray(v.overrides[0].history)).toBe(true);
    expect(page.body).not.toMatch(/"(person_id|temperature_dc|reason_code|proposed_by)"/);

    const list = await cdc.get(`/api/health/overrides?personId=${p.id}`);
    expect(list.statusCode, list.body).toBe(200);
    const e = await t.db.kysely
      .selectFrom('enterprises')
      .select('name')
      .where('id', '=', t.fixture.enterprises.a)
      .executeTakeFirstOrThrow();
    expect(list.json().items[0]).toMatchObject({
      proposedByName: 'cdc.qsh',
      confirmedByName: 'cdc.qsh2',
      enterpriseName: e.name,
    });
  });

  it('an appeal against a confirmed override is decided by a third CDC user; accepting it revokes the override', async () => {
    const p = await createPerson(ids[6]!, { name: '申诉员工', travelHistory: '无', contactHistory: '无' });
    const link = await entA.post(`/api/health/people/${p.id}/account`, { userId: t.fixture.users['emp.a'] });
    expect(link.statusCode, link.body).toBe(201);
    const expiresAt = new Date(clock.now().getTime() + 10 * 86_400_000).toISOString();
    const o = await cdc.post('/api/health/overrides', {
      personId: p.id,
      status: 'central_quarantine',
      reasonCode: 'OV_EPI_CLOSE_CONTACT',
      evidenceRef: 'LD-2020-0221',
      expiresAt,
    });
    expect(o.statusCode, o.body).toBe(201);
    const confirmed = await cdc2.post(`/api/health/overrides/${o.json().id}/confirm`, { version: 1 });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect((await row(p.id)).status).toBe('central_quarantine');

    const appeal = await emp.post('/api/health/me/appeals', {
      text: '我没有接触过确诊病例，请核实流调结果',
      overrideId: o.json().id,
    });
    expect(appeal.statusCode, appeal.body).toBe(201);
    const a = appeal.json();
    expect(a.subject).toEqual({ kind: 'override', overrideId: String(o.json().id) });
    // The proposer and the confirmer do not judge an appeal against their own override.
    const decision = { version: a.version, decision: 'accepted', reason: '复查流调：未与确诊病例接触' };
    for (const s of [cdc, cdc2]) {
      const res = await s.post(`/api/health/appeals/${a.id}/decide`, decision);
      expect(res.statusCode, res.body).toBe(422);
    }
    const decided = await cdc3.post(`/api/health/appeals/${a.id}/decide`, decision);
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json().state).toBe('accepted');
    const ov = (await cdc3.get(`/api/health/overrides?personId=${p.id}`)).json().items[0];
    expect(ov.state).toBe('revoked');
    const after = await row(p.id);
    expect(after.status_cause).toBe('rules');
    expect(after.status).not.toBe('central_quarantine');
  });
});
