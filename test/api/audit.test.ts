import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/server/audit/audit.ts';
import type { TestApp } from '../support/app-fixture.ts';
import { createTestApp } from '../support/app-fixture.ts';
import { testDialects } from '../support/databases.ts';

describe.each(testDialects())('audit log on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    const s = await t.login('dept.qsh');
    for (const name of ['第一测试网格', '第二测试网格', '第三测试网格']) {
      expect((await s.post('/api/regions', { parentCode: '360111001', level: 'grid', name })).statusCode).toBe(201);
    }
  });
  afterAll(async () => t.close());

  it('records who did what, with request ids, and filters for admins', async () => {
    const admin = await t.login('admin');
    const res = await admin.get('/api/audit?action=region.create&pageSize=10');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(3);
    expect(body.items[0]).toMatchObject({
      action: 'region.create',
      objectType: 'region',
      actorName: 'dept.qsh',
      actorRole: 'dept',
    });
    expect(body.items[0].requestId).toBeTruthy();
    expect(body.items[0].detail.summary).toBe('新建网格“第三测试网格”');
    const logins = (await admin.get('/api/audit?action=auth.login&actor=admin')).json();
    expect(logins.total).toBeGreaterThanOrEqual(1);
  });

  it('keeps the log out of reach of other roles', async () => {
    const leader = await t.login('leader');
    expect((await leader.get('/api/audit')).statusCode).toBe(403);
  });

  it('verifies the chain, through the API and directly', async () => {
    const admin = await t.login('admin');
    const res = await admin.post('/api/audit/verify');
    expect(res.json()).toMatchObject({ ok: true });
    expect(res.json().checked).toBeGreaterThan(5);
  });

  it('refuses to change or delete a record', async () => {
    await expect(sql`UPDATE audit_log SET actor_name = 'someone else'`.execute(t.db.kysely)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`DELETE FROM audit_log`.execute(t.db.kysely)).rejects.toThrow(/append-only/);
  });

  it('reports the first broken link when a record is tampered with behind the triggers', async () => {
    const target = await t.db.kysely
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'region.create')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    if (dialect === 'postgres') {
      await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change`.execute(t.db.kysely);
      await sql`UPDATE audit_log SET actor_name = '篡改者' WHERE id = ${target.id}`.execute(t.db.kysely);
      await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change`.execute(t.db.kysely);
    } else {
      await sql`DROP TRIGGER audit_log_no_update`.execute(t.db.kysely);
      await sql`UPDATE audit_log SET actor_name = '篡改者' WHERE id = ${target.id}`.execute(t.db.kysely);
    }
    const report = await verifyAuditChain(t.db.kysely, 2);
    expect(report.ok).toBe(false);
    expect(report.brokenAt).toEqual({ id: target.id, reason: '记录内容与哈希不符（记录被篡改）' });
  });
});
