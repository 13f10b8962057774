import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuiltApp } from '../../src/server/app.ts';
import { buildApp } from '../../src/server/app.ts';
import { drainJobs } from '../../src/server/jobs/jobs.ts';
import { decryptResidentId } from '../../src/server/health/pii.ts';
import { validateResidentId } from '../../src/domain/registry/resident-id.ts';
import { usesDemoResidentSequence } from '../../src/domain/demo/identifiers.ts';
import { DEMO_PASSWORD } from '../../src/server/seed/demo-accounts.ts';
import { seedDemoData } from '../../src/server/seed/demo-seed.ts';
import { seedReferenceData } from '../../src/server/seed/reference-seed.ts';
import { testConfig } from '../support/app-fixture.ts';
import type { TestDatabase } from '../support/databases.ts';
import { createTestDatabase, testDialects } from '../support/databases.ts';

/** The workforce-health demo data (src/server/seed/demo-health.ts), seeded through the demo seed. */
describe.each(testDialects())('员工健康 demo data on %s', (dialect) => {
  let database: TestDatabase;
  let built: BuiltApp;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    const config = testConfig(database.dataDir);
    await seedReferenceData(database.db, new Date('2020-02-01T00:00:00+08:00'));
    await seedDemoData(database.db, config, { hightechEnterprises: 60, cityEnterprises: 120 });
    built = await buildApp({ db: database.db, config, logger: false });
  });
  afterAll(async () => {
    await drainJobs();
    await built.fastify.close();
    await database.drop();
  });

  const login = async (username: string) => {
    const res = await built.fastify.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: DEMO_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'ss_session')!;
    return (url: string) =>
      built.fastify.inject({ method: 'GET', url, headers: { cookie: `ss_session=${cookie.value}` } });
  };

  it('gives the demo enterprises rosters with fictitious valid IDs, statuses, declarations and one anomaly', async () => {
    const people = await database.db.kysely.selectFrom('health_people').selectAll().execute();
    expect(people.length).toBeGreaterThanOrEqual(40);
    for (const p of people) {
      const id = decryptResidentId(built.context.config.secrets, p.resident_id_enc);
      expect(validateResidentId(id).ok).toBe(true);
      expect(usesDemoResidentSequence(id)).toBe(true);
      expect(p.status).not.toBeNull();
    }
    const statuses = new Set(people.map((p) => p.status));
    expect(statuses.size).toBeGreaterThan(1);
    const cases = await database.db.kysely.selectFrom('health_anomaly_cases').selectAll().execute();
    expect(cases).toHaveLength(1);
    const alerts = await database.db.kysely
      .selectFrom('notifications')
      .selectAll()
      .where('kind', '=', 'health.anomaly')
      .execute();
    expect(alerts.some((n) => n.enterprise_id === cases[0]!.enterprise_id)).toBe(true);
    expect(alerts.some((n) => n.user_id !== null)).toBe(true);

    const emp = await login('emp');
    const me = await emp('/api/health/me');
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json().person.name).toBe('郑小明');
    expect(me.json().today.declarations).toHaveLength(0);
    const ent = await login('ent');
    const undeclared = await ent('/api/health/undeclared');
    expect(undeclared.json().items.map((i: { name: string }) => i.name)).toContain('郑小明');
    const cdc = await login('cdc');
    const anomalies = await cdc('/api/health/anomalies?open=true');
    expect(anomalies.json().items).toHaveLength(1);
  });

  it('has a second CDC demo account (cdc2) with the scope of cdc, for the two-person override rule', async () => {
    const rows = await database.db.kysely
      .selectFrom('users')
      .select(['username', 'role', 'region_code'])
      .where('username', 'in', ['cdc', 'cdc2'])
      .orderBy('username')
      .execute();
    expect(rows.map((r) => r.username)).toEqual(['cdc', 'cdc2']);
    expect(rows[1]).toMatchObject({ role: 'cdc', region_code: rows[0]!.region_code });
    const [cdc, cdc2] = [await login('cdc'), await login('cdc2')];
    const a = (await cdc('/api/health/anomalies?open=true')).json();
    const b = (await cdc2('/api/health/anomalies?open=true')).json();
    expect(b.items).toHaveLength(1);
    expect(b.items[0].id).toBe(a.items[0].id);
  });
});
