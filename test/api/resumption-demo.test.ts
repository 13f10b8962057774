import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReferenceData } from '../../src/server/seed/reference-seed.ts';
import { seedDemoData } from '../../src/server/seed/demo-seed.ts';
import { decideFor } from '../../src/server/resumption/enterprise-context.ts';
import type { TestDatabase } from '../support/databases.ts';
import { createTestDatabase, testDialects } from '../support/databases.ts';
import { testConfig } from '../support/app-fixture.ts';

/**
 * The 复工复产 demo data (what the browser tests and the demo start from): deterministic, with applications in every
 * state, rectification orders, a stop order, escalated overdue reviews and the weekly reports.
 */
describe.each(testDialects())('复工复产 demo data on %s', (dialect) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    const config = testConfig(database.dataDir);
    await seedReferenceData(database.db, new Date('2020-02-01T00:00:00+08:00'));
    await seedDemoData(database.db, config, { hightechEnterprises: 300, cityEnterprises: 600 });
  }, 240_000);
  afterAll(async () => database.drop());

  it('has applications in every state, checks, orders, escalations and reports', async () => {
    const k = database.db.kysely;
    const statuses = new Set(
      (await k.selectFrom('resumption_applications').select('status').execute()).map((r) => r.status),
    );
    for (const s of [
      'draft',
      'submitted',
      'returned_for_correction',
      'resubmitted',
      'under_review',
      'resumed',
      'refused',
      'withdrawn',
    ])
      expect(statuses, s).toContain(s);
    const orders = await k.selectFrom('resumption_rectifications').select(['status', 'stop_ordered']).execute();
    expect(new Set(orders.map((o) => o.status))).toEqual(new Set(['open', 'responded', 'closed']));
    expect(orders.some((o) => o.stop_ordered === 1)).toBe(true);
    const stopped = await k
      .selectFrom('resumption_enterprise_status')
      .select('enterprise_id')
      .where('status', '=', 'stopped')
      .execute();
    expect(stopped).toHaveLength(1);
    const escalated = await k
      .selectFrom('resumption_reviews')
      .select('application_id')
      .where('escalated_at', 'is not', null)
      .execute();
    expect(escalated.length).toBeGreaterThan(0);
    const reports = await k.selectFrom('resumption_weekly_reports').select('area_code').execute();
    expect(reports.map((r) => r.area_code)).toContain('3601');
    const levels = await k
      .selectFrom('resumption_risk_levels')
      .select(['area_code', 'level'])
      .where('effective_from', '=', '2020-02-17')
      .execute();
    expect(levels).toContainEqual({ area_code: '360102', level: 'low' });
    // ent.gxq files in a medium-risk area with its sector on the approval list: 审批.
    const gxq = await k
      .selectFrom('users')
      .select('enterprise_id')
      .where('username', '=', 'ent.gxq')
      .executeTakeFirstOrThrow();
    const e = await k
      .selectFrom('enterprises')
      .selectAll()
      .where('id', '=', gxq.enterprise_id!)
      .executeTakeFirstOrThrow();
    expect((await decideFor(k, e, '2026-01-05')).decision?.mode).toBe('approval');
    // The demo accounts' own enterprises have no application, so the browser journeys can file.
    const ent = await k
      .selectFrom('users')
      .select('enterprise_id')
      .where('username', 'in', ['ent', 'ent.dh', 'ent.gxq'])
      .execute();
    const theirs = await k
      .selectFrom('resumption_applications')
      .select('id')
      .where(
        'enterprise_id',
        'in',
        ent.map((u) => u.enterprise_id!),
      )
      .execute();
    expect(theirs).toEqual([]);
  });
});
