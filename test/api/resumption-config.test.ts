import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/server/clock.ts';
import type { TestApp, TestSession } from '../support/app-fixture.ts';
import { PLACES, createTestApp } from '../support/app-fixture.ts';
import { testDialects } from '../support/databases.ts';
import { LIST_ID, setUpResumption } from '../support/resumption-fixture.ts';

/**
 * Configuration of 复工复产 on both databases: risk levels with effective dates and history (set by the command
 * centre only), modes per level, green channel and closed sectors, versioned condition lists from built-in templates
 * citing their sources, lead departments, and how an enterprise's mode follows from them.
 */
describe.each(testDialects())('复工复产 configuration on %s', (dialect) => {
  let t: TestApp;
  const clock = manualClock('2020-02-20T02:00:00Z');
  const s: Record<string, TestSession> = {};

  beforeAll(async () => {
    t = await createTestApp(dialect, { clock });
    for (const u of ['admin', 'leader', 'leader.zone', 'dept.qsh', 'ent.a', 'ent.b', 'grid']) s[u] = await t.login(u);
    await setUpResumption(t, s.admin!, '2020-02-20');
  });
  afterAll(async () => t.close());

  it('keeps a dated history per area; only the command centre sets levels, a zone leader only its own zone', async () => {
    const future = await s.leader!.post('/api/resumption/risk-levels', {
      areaCode: PLACES.county,
      level: 'low',
      effectiveFrom: '2020-02-24',
      basis: '连续14天无新增病例',
    });
    expect(future.statusCode, future.body).toBe(201);
    const today = (await s['ent.a']!.get('/api/resumption/risk-levels')).json();
    const qsh = today.areas.find((a: { code: string }) => a.code === PLACES.county);
    expect(qsh).toMatchObject({ level: 'medium', effectiveFrom: '2020-02-20' });
    expect(qsh.next).toMatchObject({ level: 'low', effectiveFrom: '2020-02-24' });
    expect(qsh.history.map((h: { level: string }) => h.level)).toEqual(['low', 'medium']);
    const later = (await s['ent.a']!.get('/api/resumption/risk-levels?date=2020-02-24')).json();
    expect(later.areas.find((a: { code: string }) => a.code === PLACES.county).level).toBe('low');
    expect(today.levels.map((l: { label: string }) => l.label)).toEqual(['低风险', '中风险', '高风险']);

    expect(
      (
        await s['dept.qsh']!.post('/api/resumption/risk-levels', {
          areaCode: PLACES.county,
          level: 'high',
          effectiveFrom: '2020-02-21',
          basis: '部门',
        })
      ).statusCode,
    ).toBe(403);
    const zoneOther = await s['leader.zone']!.post('/api/resumption/risk-levels', {
      areaCode: PLACES.otherCounty,
      level: 'high',
      effectiveFrom: '2020-02-21',
      basis: '越权',
    });
    expect(zoneOther.statusCode).toBe(403);
    const zoneOwn = await s['leader.zone']!.post('/api/resumption/risk-levels', {
      areaCode: PLACES.zone,
      level: 'low',
      effectiveFrom: '2020-02-20',
      basis: '高新区评估为低风险',
    });
    expect(zoneOwn.statusCode, zoneOwn.body).toBe(201);
    // Enterprise a lies in the zone: the zone's level decides (低 → 申报即复工).
    const my = (await s['ent.a']!.get('/api/resumption/my')).json();
    expect(my.level).toMatchObject({ level: 'low', areaCode: PLACES.zone });
    expect(my.mode).toBe('declare');
    // A back-dated level is refused.
    const past = await s.leader!.post('/api/resumption/risk-levels', {
      areaCode: PLACES.county,
      level: 'high',
      effectiveFrom: '2020-02-01',
      basis: '追溯',
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().errors[0].field).toBe('effectiveFrom');
  });

  it('modes per level, green channel and closed sectors are province-wide settings with versions', async () => {
    const settings = (await s.admin!.get('/api/resumption/settings')).json();
    expect(settings.provinceModes).toEqual({ medium: 'approval', high: 'approval' });
    expect(settings.greenChannel.length).toBeGreaterThan(3);
    for (const g of settings.greenChannel) expect(g.sources.length).toBeGreaterThan(0);
    const closure = settings.closureRules[0];
    expect(closure.source.ref).toMatch(/^\d{3}_/);
    const changed = await s.leader!.put('/api/resumption/settings/modes', {
      medium: 'commitment',
      high: 'approval',
      version: settings.versions.provinceModes,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    // The same stale version again: someone saved first.
    const stale = await s.leader!.put('/api/resumption/settings/modes', {
      medium: 'filing',
      high: 'approval',
      version: settings.versions.provinceModes,
    });
    expect(stale.statusCode).toBe(409);
    const bad = await s.leader!.put('/api/resumption/settings/modes', {
      medium: 'declare',
      high: 'approval',
      version: 1,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].message).toContain('复工方式');
    const lifted = await s.leader!.put('/api/resumption/settings/closures', {
      changes: [{ id: closure.id, liftedOn: '2020-05-01' }],
      version: settings.versions.closureRules,
    });
    expect(lifted.statusCode, lifted.body).toBe(200);
    expect(lifted.json().closureRules.find((r: { id: string }) => r.id === closure.id).liftedOn).toBe('2020-05-01');
    // 东湖区 is low: b declares whatever the medium mode is.
    expect((await s['ent.b']!.get('/api/resumption/my')).json().mode).toBe('declare');
  });

  it('condition lists are versioned; published versions never change; templates cite their sources', async () => {
    const templates = (await s.grid!.get('/api/resumption/templates')).json().templates;
    expect(templates.map((x: { templateId: string }) => x.templateId)).toEqual(
      expect.arrayContaining(['six-musts', 'five-in-place', 'five-no-start', 'workplace-guide', 'jx-gate']),
    );
    for (const tpl of templates)
      for (const item of tpl.items) expect(item.source.ref).toMatch(/^\d{3}_[0-9a-f]+\.txt:L\d+$/);
    // A published list cannot be replaced by a draft; a new version is published instead.
    const redraft = await s.admin!.post('/api/resumption/lists', {
      listId: LIST_ID,
      title: '改写',
      riskLevels: ['low'],
      jurisdiction: '江西省',
      templateIds: ['jx-gate'],
    });
    expect(redraft.statusCode).toBe(409);
    const v1 = (await s.admin!.get(`/api/resumption/lists/${LIST_ID}`)).json();
    const removed = v1.items[v1.items.length - 1].id as string;
    const v2 = await s.admin!.post(`/api/resumption/lists/${LIST_ID}/versions`, {
      publishedOn: '2020-02-21',
      remove: [removed],
    });
    expect(v2.statusCode, v2.body).toBe(200);
    expect(v2.json().version).toBe(2);
    const old = (await s.admin!.get(`/api/resumption/lists/${LIST_ID}?version=1`)).json();
    expect(old.items.map((i: { id: string }) => i.id)).toContain(removed);
    const summary = (await s.admin!.get('/api/resumption/lists'))
      .json()
      .items.find((l: { listId: string }) => l.listId === LIST_ID);
    expect(summary.versionInForce).toBe(1); // version 2 is in force from tomorrow
    expect(
      (
        await s['dept.qsh']!.post('/api/resumption/lists', {
          listId: 'x-y',
          title: '部门清单',
          riskLevels: ['low'],
          jurisdiction: '县',
          templateIds: [],
        })
      ).statusCode,
    ).toBe(403);
    const leads = (await s['dept.qsh']!.get('/api/resumption/lead-departments')).json();
    expect(JSON.stringify(leads)).toContain(String(t.fixture.departments.qsh));
    const reasons = (await s['dept.qsh']!.get('/api/resumption/refusal-reasons')).json().items;
    for (const r of reasons) expect(r.source.ref).toMatch(/^\d{3}_/);
  });
  it('sectors that stay closed cannot apply, even in a low-risk area (影剧院, seed 003 L382, L487)', async () => {
    const { b } = t.fixture.enterprises;
    await t.db.kysely.updateTable('enterprises').set({ industry_code: '8760' }).where('id', '=', b).execute();
    const my = (await s['ent.b']!.get('/api/resumption/my')).json();
    expect(my.level.level).toBe('low');
    expect(my.mode).toBe('closed');
    const refused = await s['ent.b']!.post('/api/resumption/applications', {});
    expect(refused.statusCode).toBe(400);
    expect(refused.json().detail).toContain('复工申请');
    expect(
      await t.db.kysely.selectFrom('resumption_applications').select('id').where('enterprise_id', '=', b).execute(),
    ).toEqual([]);
    await t.db.kysely.updateTable('enterprises').set({ industry_code: '51' }).where('id', '=', b).execute();
  });
});
