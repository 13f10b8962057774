import { acceptScanBatch } from '../../domain/pass/scan-log.ts';
import type { ScanBatch } from '../../domain/pass/scan-log.ts';
import { VERIFY_REASON } from '../../domain/pass/verify.ts';
import type { SessionUser } from '../access/session-user.ts';
import type { AuditActor } from '../audit/audit.ts';
import { writeAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { fieldProblem } from '../http/problem.ts';
import { healthScopeOf, inHealthScope } from '../health/scope.ts';

/**
 * Scan logs uploaded by checkpoint devices. A batch is idempotent twice over: its id is fixed by the device and the
 * sequence numbers (`deviceId:first-last`), and each record's id (`deviceId:seq`) is the primary key, so a retried,
 * overlapping or replayed batch inserts nothing twice and answers the same. A new batch is audited once.
 */
export async function uploadScanBatch(app: AppContext, user: SessionUser, actor: AuditActor, batch: ScanBatch) {
  const now = app.clock.now();
  return app.db.kysely.transaction().execute(async (trx) => {
    const ids = batch.records.map((r) => r.id);
    const known = new Set(
      ids.length
        ? (await trx.selectFrom('pass_scans').select('id').where('id', 'in', ids).execute()).map((r) => r.id)
        : [],
    );
    const accepted = acceptScanBatch(known, batch);
    if (!accepted.ok) throw fieldProblem('records', accepted.message);
    if (accepted.insert.length) {
      await trx
        .insertInto('pass_scans')
        .values(
          accepted.insert.map((r) => ({
            id: r.id,
            device_id: batch.deviceId,
            seq: r.seq,
            batch_id: batch.batchId,
            at: new Date(r.at).toISOString(),
            checkpoint_id: r.checkpointId,
            code: r.code,
            ok: r.ok ? 1 : 0,
            pass_id: r.passId ?? null,
            kid: r.kid ?? null,
            person_ref: r.personRef ?? null,
            enterprise_id: r.enterpriseId ?? null,
            status: r.status ?? null,
            uploaded_by: user.id,
            uploaded_at: now.toISOString(),
          })),
        )
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      await writeAudit(
        trx,
        app.db.dialect,
        actor,
        {
          action: 'pass.scans_uploaded',
          objectType: 'pass_scan_batch',
          objectId: batch.batchId,
          summary: `上传卡口扫码记录 ${accepted.insert.length} 条（批次 ${batch.batchId}，重复 ${accepted.duplicates} 条）`,
          extra: { deviceId: batch.deviceId, refused: accepted.insert.filter((r) => !r.ok).length },
        },
        now,
      );
    }
    return { batchId: batch.batchId, accepted: accepted.insert.length, duplicates: accepted.duplicates };
  });
}

/**
 * Scans the user may see: those of passes of enterprises in the user's health scope, and those the user uploaded
 * (a checkpoint operator sees its own device's log).
 */
export async function listScans(
  app: AppContext,
  user: SessionUser,
  query: { enterpriseId?: number | undefined; passId?: number | undefined; page: number; pageSize: number },
) {
  const scope = healthScopeOf(user);
  let q = app.db.kysely
    .selectFrom('pass_scans')
    .where((eb) => eb.or([inHealthScope('pass_scans', scope)(eb), eb('pass_scans.uploaded_by', '=', user.id)]));
  if (query.enterpriseId) q = q.where('pass_scans.enterprise_id', '=', query.enterpriseId);
  if (query.passId) q = q.where('pass_scans.pass_id', '=', query.passId);
  const [rows, count] = await Promise.all([
    q
      .selectAll()
      .orderBy('pass_scans.at', 'desc')
      .orderBy('pass_scans.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      deviceId: r.device_id,
      batchId: r.batch_id,
      at: r.at,
      checkpointId: r.checkpoint_id,
      code: r.code,
      reason: VERIFY_REASON[r.code as keyof typeof VERIFY_REASON] ?? r.code,
      ok: r.ok === 1,
      passId: r.pass_id,
      enterpriseId: r.enterprise_id,
      status: r.status,
      uploadedAt: r.uploaded_at,
    })),
    total: Number(count.n),
  };
}
