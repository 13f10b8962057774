import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeVerifier } from '../../src/domain/pass/node-crypto.ts';
import type { PassKeySet } from '../../src/domain/pass/keys.ts';
import { openSignedRevocationUpdate } from '../../src/domain/pass/revocation.ts';
import { createSyncCheckpoint } from '../../src/domain/pass/verify.ts';
import { parsePass } from '../../src/domain/pass/token.ts';
import { createScanQueue, nextScanBatch, recordScan } from '../../src/domain/pass/scan-log.ts';
import { reissueAfterStatusChange, revokePassesForPerson } from '../../src/server/passes/passes.service.ts';
import { manualClock } from '../../src/server/clock.ts';
import { systemActor } from '../../src/server/audit/audit.ts';
import { pruneRevocations } from '../../src/server/passes/revocations.ts';
import type { TestApp, TestSession } from '../support/app-fixture.ts';
import { createTestApp } from '../support/app-fixture.ts';
import { testDialects } from '../support/databases.ts';
import { insertPassPerson } from './matrix/passes.ts';

describe.each(testDialects())('passes on %s', (dialect) => {
  let t: TestApp;
  let admin: TestSession;
  let entA: TestSession;
  let entB: TestSession;
  let emp: TestSession;
  let grid: TestSession;
  let cdc: TestSession;
  const clock = manualClock('2020-02-20T09:00:00+08:00');
  let empPerson: number;

  async function keys(): Promise<PassKeySet> {
    const res = await grid.get('/api/passes/keys');
    expect(res.statusCode).toBe(200);
    return res.json() as PassKeySet;
  }
  async function revocations(since: number, keySet: PassKeySet) {
    const res = await grid.get(`/api/passes/revocations?since=${since}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/octet-stream');
    const opened = await openSignedRevocationUpdate(new Uint8Array(res.rawPayload), nodeVerifier(keySet));
    if (!opened.ok) throw new Error(opened.message);
    return opened.update;
  }
  function verify(token: string, keySet: PassKeySet, revoked: number[] = []) {
    return createSyncCheckpoint({ keys: keySet, revoked: new Set(revoked) }, nodeVerifier(keySet)).verify(
      token,
      clock.now().getTime(),
    );
  }

  beforeAll(async () => {
    t = await createTestApp(dialect, { clock });
    admin = await t.login('admin');
    entA = await t.login('ent.a');
    entB = await t.login('ent.b');
    emp = await t.login('emp.a');
    grid = await t.login('grid');
    cdc = await t.login('cdc.qsh');
    empPerson = await insertPassPerson(t.db, {
      enterpriseId: t.fixture.enterprises.a,
      name: '王通行',
      status: 'cleared',
      userId: t.fixture.users['emp.a']!,
    });
  });
  afterAll(async () => t.close());

  it('issues the employee’s phone pass, signed with a published key, and audits it', async () => {
    const res = await emp.get('/api/passes/me');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.statusLabel).toBe('可返岗');
    expect(body.pass.token).toMatch(/^SS1:/);
    expect(body.pass.svg).toContain('<svg');
    const keySet = await keys();
    expect(keySet.keys.map((k) => k.kid)).toContain(body.pass.kid);
    const result = verify(body.pass.token, keySet);
    expect(result).toMatchObject({ ok: true, code: 'ok', passId: body.pass.id, enterpriseId: t.fixture.enterprises.a });
    // A tampered pass fails the signature.
    const parsed = parsePass(body.pass.token);
    expect(parsed.ok).toBe(true);
    const other = keySet.keys.map((k) => ({
      ...k,
      publicKey: keySet.keys[0]!.publicKey.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')),
    }));
    expect(verify(body.pass.token, { ...keySet, keys: other }).code).toBe('bad_signature');
    // Asking again gives the same live pass.
    expect((await emp.get('/api/passes/me')).json().pass.id).toBe(body.pass.id);
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'pass.issued')
      .where('object_id', '=', String(body.pass.id))
      .execute();
    expect(audit).toHaveLength(1);
    const created = await t.db.kysely
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'pass.key_created')
      .execute();
    expect(created).toHaveLength(1);
  });

  it('refuses a pass when the status does not admit the person', async () => {
    const held = await insertPassPerson(t.db, {
      enterpriseId: t.fixture.enterprises.a,
      name: '李隔离',
      status: 'central_quarantine',
      needsCard: true,
    });
    const res = await entA.post('/api/passes/cards', { personIds: [held] });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ issued: 0, skipped: [{ personId: held }] });
    const none = await t.db.kysely.selectFrom('passes').select('id').where('person_id', '=', held).execute();
    expect(none).toHaveLength(0);
  });

  it('revokes on a status change: the pass appears in the delta and is refused', async () => {
    const keySet = await keys();
    // A first revocation (a lost card), so the device below is past version 0 and gets a delta.
    const lost = await insertPassPerson(t.db, {
      enterpriseId: t.fixture.enterprises.a,
      name: '周遗失',
      status: 'cleared',
      needsCard: true,
    });
    await entA.post('/api/passes/cards', { personIds: [lost] });
    const lostIds = await t.db.kysely
      .transaction()
      .execute(async (trx) => revokePassesForPerson(t.built.context, trx, lost, '员工证遗失', clock.now()));
    expect(lostIds).toHaveLength(1);
    const full = await revocations(0, keySet);
    expect(full).toMatchObject({ kind: 'full', added: lostIds });
    const before = full.toVersion;
    const { pass } = (await emp.get('/api/passes/me')).json();
    // The health module changes the status and calls the passes module in its transaction.
    const result = await t.db.kysely
      .transaction()
      .execute(async (trx) =>
        reissueAfterStatusChange(
          t.built.context,
          trx,
          { id: empPerson, enterprise_id: t.fixture.enterprises.a, status: 'home_monitoring' },
          clock.now(),
        ),
      );
    await t.db.kysely
      .updateTable('health_people')
      .set({ status: 'home_monitoring' })
      .where('id', '=', empPerson)
      .execute();
    expect(result).toEqual({ revoked: [pass.id], issued: [] });
    const delta = await revocations(before, keySet);
    expect(delta).toMatchObject({
      kind: 'delta',
      fromVersion: before,
      toVersion: before + 1,
      added: [pass.id],
      removed: [],
    });
    expect(verify(pass.token, keySet, delta.added)).toMatchObject({ ok: false, code: 'revoked' });
    // No new pass while home monitoring; the page shows the status instead.
    const me = (await emp.get('/api/passes/me')).json();
    expect(me.pass).toBeNull();
    expect(me.message).toContain('居家健康监测');
    // Cleared again: a new pass, verifiable.
    await t.db.kysely.updateTable('health_people').set({ status: 'cleared' }).where('id', '=', empPerson).execute();
    const again = (await emp.get('/api/passes/me')).json();
    expect(again.pass.id).not.toBe(pass.id);
    expect(verify(again.pass.token, keySet, delta.added).ok).toBe(true);
    // revokePassesForPerson (left the enterprise …) revokes it too, and the JSON form of the delta shows it.
    const ids = await t.db.kysely
      .transaction()
      .execute(async (trx) => revokePassesForPerson(t.built.context, trx, empPerson, '员工离职', clock.now()));
    expect(ids).toEqual([again.pass.id]);
    const json = (await grid.get(`/api/passes/revocations?since=${before}&format=json`)).json();
    expect(json).toMatchObject({
      kind: 'delta',
      toVersion: before + 2,
      added: [pass.id, again.pass.id].sort((x, y) => x - y),
    });
  });

  it('revokes a lost card by hand (audited), within scope only', async () => {
    const person = await insertPassPerson(t.db, {
      enterpriseId: t.fixture.enterprises.a,
      name: '赵无机',
      status: 'cleared',
      needsCard: true,
    });
    const res = await entA.post('/api/passes/cards', { personIds: [person] });
    expect(res.statusCode).toBe(201);
    expect(res.json().issued).toBe(1);
    const card = await t.db.kysely
      .selectFrom('passes')
      .selectAll()
      .where('person_id', '=', person)
      .executeTakeFirstOrThrow();
    expect(card.card).toBe(1);
    // The PDF of the cards, for the user who asked.
    const { jobId } = res.json();
    const { waitForJob } = await import('../../src/server/jobs/jobs.ts');
    await waitForJob(jobId);
    const pdf = await entA.get(`/api/passes/cards/${jobId}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await entB.get(`/api/passes/cards/${jobId}/pdf`)).statusCode).toBe(404);
    // Out of scope: enterprise b's administrator cannot see or revoke a's pass.
    expect((await entB.get(`/api/passes/${card.id}`)).statusCode).toBe(404);
    expect((await entB.post(`/api/passes/${card.id}/revoke`, { reason: '遗失' })).statusCode).toBe(404);
    expect((await cdc.get(`/api/passes/${card.id}`)).statusCode).toBe(200);
    expect((await entA.post(`/api/passes/${card.id}/revoke`, { reason: '' })).statusCode).toBe(400);
    const ok = await entA.post(`/api/passes/${card.id}/revoke`, { reason: '员工证遗失' });
    expect(ok.statusCode).toBe(200);
    expect((await entA.post(`/api/passes/${card.id}/revoke`, { reason: '员工证遗失' })).statusCode).toBe(409);
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'pass.revoked')
      .where('object_id', '=', String(card.id))
      .executeTakeFirstOrThrow();
    expect(audit.detail).toContain('员工证遗失');
    const list = (await entA.get('/api/passes?live=false')).json();
    expect(list.items.some((p: { id: number }) => p.id === card.id)).toBe(true);
    expect((await entB.get('/api/passes')).json().items.some((p: { id: number }) => p.id === card.id)).toBe(false);
  });

  it('rotates keys: old passes stay verifiable until they expire, new ones use the new key', async () => {
    const person = await insertPassPerson(t.db, {
      enterpriseId: t.fixture.enterprises.a,
      name: '钱轮换',
      status: 'cleared',
      needsCard: true,
    });
    await entA.post('/api/passes/cards', { personIds: [person] });
    const old = await t.db.kysely
      .selectFrom('passes')
      .selectAll()
      .where('person_id', '=', person)
      .executeTakeFirstOrThrow();
    expect((await entA.post('/api/passes/keys/rotate', {})).statusCode).toBe(403);
    const rotated = await admin.post('/api/passes/keys/rotate', {});
    expect(rotated.statusCode).toBe(200);
    const { kid } = rotated.json();
    expect(kid).not.toBe(old.kid);
    clock.advance(60_000);
    const keySet = await keys();
    const oldKey = keySet.keys.find((k) => k.kid === old.kid)!;
    expect(oldKey.signUntil).toBeTruthy();
    expect(verify(old.token, keySet).ok).toBe(true);
    await entA.post('/api/passes/cards', { personIds: [person] });
    const fresh = await t.db.kysely
      .selectFrom('passes')
      .selectAll()
      .where('person_id', '=', person)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(fresh.kid).toBe(kid);
    expect(verify(fresh.token, keySet).ok).toBe(true);
    // The revocation list is signed with the new key and still opens with the published set.
    const full = await revocations(0, keySet);
    expect(full.added).toContain(old.id);
    // Retiring the old key refuses every pass it signed.
    expect((await admin.post(`/api/passes/keys/${old.kid}/retire`, { reason: '' })).statusCode).toBe(400);
    expect((await admin.post(`/api/passes/keys/${old.kid}/retire`, { reason: '其通行证已全部到期' })).statusCode).toBe(
      200,
    );
    clock.advance(1000);
    const after = await keys();
    expect(verify(old.token, after).code).toBe('retired_key');
    const actions = await t.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'in', ['pass.key_rotated', 'pass.key_retired'])
      .execute();
    expect(actions.map((a) => a.action).sort()).toEqual(['pass.key_retired', 'pass.key_rotated']);
  });

  it('accepts scan logs once per record, whatever the retries', async () => {
    const keySet = await keys();
    const person = await insertPassPerson(t.db, {
      enterpriseId: t.fixture.enterprises.a,
      name: '孙扫码',
      status: 'cleared',
      needsCard: true,
    });
    await entA.post('/api/passes/cards', { personIds: [person] });
    const card = await t.db.kysely
      .selectFrom('passes')
      .selectAll()
      .where('person_id', '=', person)
      .executeTakeFirstOrThrow();
    let q = createScanQueue('gatedevice-0001');
    const at = clock.now().toISOString();
    q = recordScan(q, { at, checkpointId: '一号门岗', result: verify(card.token, keySet) });
    q = recordScan(q, { at, checkpointId: '一号门岗', result: verify('SS1:garbage', keySet) });
    const { queue, batch } = nextScanBatch(q);
    const first = await grid.post('/api/passes/scans', batch);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ batchId: 'gatedevice-0001:1-2', accepted: 2, duplicates: 0 });
    const retry = await grid.post('/api/passes/scans', batch);
    expect(retry.json()).toEqual({ batchId: 'gatedevice-0001:1-2', accepted: 0, duplicates: 2 });
    // An overlapping batch inserts only the new record.
    const q2 = recordScan(
      { ...queue, inFlight: null },
      { at, checkpointId: '一号门岗', result: verify(card.token, keySet) },
    );
    const overlap = { ...nextScanBatch({ ...q2, pending: [...batch!.records.slice(1), ...q2.pending] }).batch! };
    const third = await grid.post('/api/passes/scans', overlap);
    expect(third.json()).toMatchObject({ accepted: 1, duplicates: 1 });
    const rows = await t.db.kysely
      .selectFrom('pass_scans')
      .selectAll()
      .where('device_id', '=', 'gatedevice-0001')
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => [r.seq, r.code, r.pass_id])).toEqual([
      [1, 'ok', card.id],
      [2, 'malformed', null],
      [3, 'ok', card.id],
    ]);
    const audits = await t.db.kysely
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'pass.scans_uploaded')
      .execute();
    expect(audits).toHaveLength(2);
    // A batch whose id does not match its records is refused.
    const bad = await grid.post('/api/passes/scans', { ...batch, batchId: 'gatedevice-0001:1-9' });
    expect(bad.statusCode).toBe(400);
    // Enterprise a sees scans of its passes; enterprise b does not; an employee cannot upload.
    const seenA = (await entA.get(`/api/passes/scans?passId=${card.id}`)).json();
    expect(seenA.total).toBe(2);
    expect((await entB.get(`/api/passes/scans?passId=${card.id}`)).json().total).toBe(0);
    expect((await emp.post('/api/passes/scans', batch)).statusCode).toBe(403);
  });

  it('prunes revocations of expired passes as a delta the devices apply', async () => {
    const keySet = await keys();
    const before = (await grid.get('/api/passes/revocations?format=json')).json();
    expect(before.added.length).toBeGreaterThan(0);
    // Nothing has expired yet: the task records nothing.
    const idle = await pruneRevocations(t.built.context, systemActor('测试'));
    expect(idle.pruned).toBe(0);
    // 32 days on, every card (30 days) and phone pass has expired: all leave the list in one version.
    clock.advance(32 * 86_400_000);
    grid = await t.login('grid');
    emp = await t.login('emp.a');
    const run = await pruneRevocations(t.built.context, systemActor('测试'));
    expect(run).toMatchObject({ pruned: before.added.length, version: before.toVersion + 1 });
    const delta = await revocations(before.toVersion, keySet);
    expect(delta).toMatchObject({ kind: 'delta', added: [], removed: before.added });
    expect((await revocations(0, keySet)).added).toEqual([]);
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'pass.revocations_pruned')
      .execute();
    expect(audit).toHaveLength(1);
    // Run again: nothing more to do.
    expect((await pruneRevocations(t.built.context, systemActor('测试'))).pruned).toBe(0);
  });

  it('keeps the key set public and the revocation list for checkpoints', async () => {
    const anon = await t.built.fastify.inject({ method: 'GET', url: '/api/passes/keys' });
    expect(anon.statusCode).toBe(200);
    expect(JSON.stringify(anon.json())).not.toContain('private');
    const anonRevocations = await t.built.fastify.inject({ method: 'GET', url: '/api/passes/revocations' });
    expect(anonRevocations.statusCode).toBe(401);
    expect((await emp.get('/api/passes/revocations')).statusCode).toBe(403);
  });
});
