import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { addDays, shanghaiDate } from '../../domain/health/dates.ts';
import { PERSON_CATEGORY_LABEL, RETURN_MODE_LABEL } from '../../domain/health/facts.ts';
import type { SessionUser } from '../access/session-user.ts';
import type { AuditActor } from '../audit/audit.ts';
import { writeAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { writeSheet } from '../files/spreadsheet-writer.ts';
import { storageDir } from '../files/storage.ts';
import { startJob } from '../jobs/jobs.ts';
import { statusLabelOf } from './people.service.ts';
import { utc } from './records.ts';
import { healthScopeOf, inHealthScope } from './scope.ts';

/**
 * Privacy (design.md §6): health data is kept for a configurable period (`HEALTH_RETENTION_DAYS`, default 180
 * days) and purged by a job that leaves an audit record; exports of personal data carry who exported them and when,
 * with ID numbers masked.
 */
export const DEFAULT_RETENTION_DAYS = 180;

export function healthRetentionDays(): number {
  const raw = Number(process.env.HEALTH_RETENTION_DAYS);
  return Number.isInteger(raw) && raw >= 14 ? raw : DEFAULT_RETENTION_DAYS;
}

export const purgeSchema = z.object({
  retentionDays: z.number().int().min(14).max(3650).optional().describe('保留天数'),
});

/**
 * Delete declarations, closed anomaly cases, ended overrides, decided appeals and summaries older than the period,
 * and blank the record of people who left before it (the row stays so passes and audit references resolve).
 */
export async function purgeHealthData(app: AppContext, actor: AuditActor, retentionDays = healthRetentionDays()) {
  const now = app.clock.now();
  const today = shanghaiDate(now.toISOString());
  const cutoffDate = addDays(today, -retentionDays);
  const cutoff = utc(`${cutoffDate}T00:00:00+08:00`);
  return app.db.kysely.transaction().execute(async (trx) => {
    const n = (
      r: { numDeletedRows?: bigint; numUpdatedRows?: bigint }[] | { numDeletedRows?: bigint; numUpdatedRows?: bigint },
    ) => {
      const list = Array.isArray(r) ? r : [r];
      return list.reduce((s, x) => s + Number(x.numDeletedRows ?? x.numUpdatedRows ?? 0n), 0);
    };
    const declarations = n(await trx.deleteFrom('health_declarations').where('date', '<', cutoffDate).execute());
    const anomalies = n(
      await trx.deleteFrom('health_anomaly_cases').where('open', '=', 0).where('updated_at', '<', cutoff).execute(),
    );
    const overrides = n(
      await trx
        .deleteFrom('health_overrides')
        .where('state', 'in', ['rejected', 'withdrawn', 'expired', 'revoked'])
        .where('expires_at', '<', cutoff)
        .execute(),
    );
    const appeals = n(
      await trx
        .deleteFrom('health_appeals')
        .where('state', '<>', 'submitted')
        .where('decided_at', '<', cutoff)
        .execute(),
    );
    const summaries = n(await trx.deleteFrom('health_daily_summaries').where('date', '<', cutoffDate).execute());
    const gone = await trx
      .selectFrom('health_people')
      .select('id')
      .where('active', '=', 0)
      .where('left_on', '<', cutoffDate)
      .where('resident_id_masked', '<>', '已清除')
      .execute();
    for (const p of gone) {
      await trx
        .updateTable('health_people')
        .set({
          name: '已清除',
          resident_id_enc: '',
          resident_id_hash: `purged:${p.id}`,
          resident_id_masked: '已清除',
          phone: null,
          home_region: null,
          travel_history: null,
          contact_history: null,
          facts: '{}',
          evaluation: null,
          updated_at: now.toISOString(),
        })
        .where('id', '=', p.id)
        .execute();
    }
    const counts = { declarations, anomalies, overrides, appeals, summaries, peopleCleared: gone.length };
    await writeAudit(
      trx,
      app.db.dialect,
      actor,
      {
        action: 'health.retention_purged',
        objectType: 'health_retention',
        summary: `清除超过保留期（${retentionDays} 天，${cutoffDate} 之前）的健康数据：申报 ${declarations} 条、异常 ${anomalies} 条、研判 ${overrides} 条、申诉 ${appeals} 条、日报 ${summaries} 条、离职人员档案 ${gone.length} 份`,
        extra: { retentionDays, cutoffDate, ...counts },
      },
      now,
    );
    return { retentionDays, cutoffDate, ...counts };
  });
}

export const exportSchema = z.object({
  enterpriseId: z.number().int().positive().optional().describe('企业'),
  includeLeft: z.boolean().default(false).describe('包含离职人员'),
});

/** The roster as .xlsx (ID numbers masked), stamped with who exported it and when; the export itself is audited. */
export async function startRosterExport(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  input: z.infer<typeof exportSchema>,
) {
  const now = app.clock.now();
  await app.db.kysely.transaction().execute((trx) =>
    writeAudit(
      trx,
      app.db.dialect,
      actor,
      {
        action: 'health.roster_exported',
        objectType: 'health_roster',
        objectId: input.enterpriseId ?? null,
        summary: `导出员工健康花名册（身份证号已脱敏）`,
        extra: { enterpriseId: input.enterpriseId ?? null },
      },
      now,
    ),
  );
  return startJob(app, 'health.roster.export', user.id, async (progress) => {
    let q = app.db.kysely
      .selectFrom('health_people')
      .innerJoin('enterprises', 'enterprises.id', 'health_people.enterprise_id')
      .selectAll('health_people')
      .select('enterprises.name as enterprise_name')
      .where(inHealthScope('health_people', healthScopeOf(user)));
    if (input.enterpriseId) q = q.where('health_people.enterprise_id', '=', input.enterpriseId);
    if (!input.includeLeft) q = q.where('health_people.active', '=', 1);
    const rows = await q.orderBy('health_people.enterprise_id').orderBy('health_people.id').execute();
    const fileName = `员工健康花名册-${shanghaiDate(now.toISOString())}.xlsx`;
    const file = path.join(storageDir(app, 'exports'), `health-roster-${randomUUID()}.xlsx`);
    async function* data() {
      for (const p of rows) {
        yield [
          p.enterprise_name,
          p.name,
          p.resident_id_masked,
          p.phone,
          p.team,
          p.post,
          p.dormitory ? '是' : '否',
          p.return_batch,
          p.return_date,
          p.return_mode ? (RETURN_MODE_LABEL[p.return_mode as keyof typeof RETURN_MODE_LABEL] ?? p.return_mode) : null,
          p.category ? (PERSON_CATEGORY_LABEL[p.category as keyof typeof PERSON_CATEGORY_LABEL] ?? p.category) : null,
          statusLabelOf(p.status),
          p.earliest_return_date,
          p.active ? '在岗' : `离职（${p.left_on ?? ''}）`,
        ] as const;
      }
    }
    const count = await writeSheet(
      file,
      '员工健康花名册',
      [
        { header: '企业', width: 28 },
        { header: '姓名', width: 10 },
        { header: '身份证号（脱敏）', width: 22 },
        { header: '手机号', width: 14 },
        { header: '班组', width: 12 },
        { header: '岗位', width: 12 },
        { header: '是否住宿舍', width: 10 },
        { header: '返岗批次', width: 10 },
        { header: '返岗日期', width: 12 },
        { header: '返岗方式', width: 10 },
        { header: '人员类别', width: 14 },
        { header: '返岗状态', width: 12 },
        { header: '最早可返岗日期', width: 14 },
        { header: '在岗情况', width: 14 },
      ],
      { exportedBy: `${user.displayName}（${user.username}）`, exportedAt: now },
      data(),
      (n) => progress.update(n, rows.length, `已导出 ${n} 人`),
    );
    return { file: path.basename(file), fileName, count };
  });
}
