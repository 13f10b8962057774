import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuiltApp } from '../../src/server/app.ts';
import { buildApp } from '../../src/server/app.ts';
import { manualClock } from '../../src/server/clock.ts';
import { drainJobs } from '../../src/server/jobs/jobs.ts';
import { DEMO_PASSWORD } from '../../src/server/seed/demo-accounts.ts';
import { seedDemoData } from '../../src/server/seed/demo-seed.ts';
import { seedReferenceData } from '../../src/server/seed/reference-seed.ts';
import { testConfig } from '../support/app-fixture.ts';
import type { TestDatabase } from '../support/databases.ts';
import { createTestDatabase, testDialects } from '../support/databases.ts';

/**
 * The 惠企政策兑现 demo data (src/server/seed/demo-policies.ts) on a small demo registry: published catalogue,
 * shared 人社 data, an approved 社保减免 batch with paid orders, applications in every state, and the demo accounts
 * can work with it through the API (a live 稳岗返还 batch finds eligible enterprises).
 */
/** What each database's demo seeding produced, compared at the end: the same seed gives the same data. */
const digests: string[] = [];

describe.each(testDialects())('惠企政策 demo data on %s', (dialect) => {
  let database: TestDatabase;
  let built: BuiltApp;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    const config = testConfig(database.dataDir);
    await seedReferenceData(database.db, new Date('2020-02-01T00:00:00+08:00'));
    await seedDemoData(database.db, config, { hightechEnterprises: 150, cityEnterprises: 300 });
    built = await buildApp({ db: database.db, config, logger: false, clock: manualClock('2020-04-20T02:00:00Z') });
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
    const cookie = `ss_session=${res.cookies.find((c) => c.name === 'ss_session')!.value}`;
    const csrf = (res.json() as { csrfToken: string }).csrfToken;
    return (method: 'GET' | 'POST', url: string, payload?: object) =>
      built.fastify.inject({ method, url, headers: { cookie, 'x-csrf-token': csrf }, ...(payload ? { payload } : {}) });
  };

  it('seeds the catalogue, shared data, a batch and applications in every state, deterministically', async () => {
    const k = database.db.kysely;
    const settings = await k.selectFrom('policy_settings').select(['policy_id', 'status']).execute();
    expect(settings.filter((s) => s.status === 'draft').map((s) => s.policy_id)).toEqual([
      'hrss-labour-relations-2020',
    ]);
    const statuses = new Set(
      (await k.selectFrom('policy_applications').select('status').execute()).map((a) => a.status),
    );
    for (const s of ['submitted', 'publicity', 'ordered', 'paid', 'rejected', 'withdrawn', 'revoked'])
      expect(statuses).toContain(s);
    const batch = await k.selectFrom('policy_batches').selectAll().executeTakeFirstOrThrow();
    expect(batch).toMatchObject({ rule_id: 'si-relief-2020.sme-exemption', status: 'approved' });
    const orders = await k
      .selectFrom('policy_payment_orders')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('amount_fen').as('fen')])
      .where('batch_id', '=', batch.id)
      .executeTakeFirstOrThrow();
    expect(Number(orders.n)).toBe(batch.eligible);
    expect(Number(orders.fen)).toBe(Number(batch.total_fen));
    // every order's funding split adds up to the order
    const unbalanced = await k
      .selectFrom('policy_payment_orders as o')
      .leftJoin('policy_funding_entries as f', 'f.order_id', 'o.id')
      .select(['o.id', 'o.amount_fen', (eb) => eb.fn.sum<number>('f.amount_fen').as('split')])
      .groupBy(['o.id', 'o.amount_fen'])
      .execute();
    expect(unbalanced.filter((o) => Number(o.split) !== Number(o.amount_fen))).toEqual([]);
    const cases = await k
      .selectFrom('policy_applications')
      .select(['rule_id', 'status', 'amount_fen', 'submitted_at'])
      .orderBy('id')
      .execute();
    digests.push(JSON.stringify([cases, Number(orders.fen)]));
  });

  it('lets the demo accounts work: matches for the enterprise, a live 稳岗返还 batch, statistics', async () => {
    const ent = await login('ent');
    const me = (await ent('GET', '/api/auth/me')).json() as { user?: { enterpriseId: number }; enterpriseId?: number };
    const enterpriseId = me.user?.enterpriseId ?? me.enterpriseId!;
    const matches = (await ent('GET', `/api/policies/enterprises/${enterpriseId}/matches`)).json() as {
      items: { ruleId: string; eligible: boolean | null; payableFen: number | null }[];
    };
    expect(matches.items.length).toBeGreaterThan(0);
    expect(matches.items.some((i) => i.ruleId === 'nc-htz-2020.recruitment-subsidy')).toBe(true);

    const rsj = await login('rsj.city');
    const start = await rsj('POST', '/api/policies/batches', {
      ruleId: 'jx-growth-20-2020.job-retention-refund',
      asOf: '2020-03-16',
    });
    expect(start.statusCode).toBe(202);
    const { batchId, jobId } = start.json() as { batchId: number; jobId: number };
    for (;;) {
      const job = (await rsj('GET', `/api/jobs/${jobId}`)).json() as { status: string };
      if (job.status === 'succeeded' || job.status === 'failed') {
        expect(job.status).toBe('succeeded');
        break;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    const batch = (await rsj('GET', `/api/policies/batches/${batchId}`)).json() as {
      eligible: number;
      totalFen: number;
    };
    expect(batch.eligible).toBeGreaterThan(0);
    expect(batch.totalFen).toBeGreaterThan(0);
    const stats = (await rsj('GET', '/api/policy-stats')).json() as { total: { amountFen: number } };
    expect(stats.total.amountFen).toBeGreaterThan(0);
  });
});

describe('惠企政策 demo data', () => {
  it('is the same on every database (deterministic from its seed)', () => {
    expect(digests.length).toBe(testDialects().length);
    expect(new Set(digests).size).toBe(1);
  });
});
