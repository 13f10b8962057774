import { rm } from 'node:fs/promises';
import type { CellValue } from '../../domain/spreadsheet/cells.ts';
import { findHeaderRow } from '../../domain/spreadsheet/cells.ts';
import type { EnterpriseSheetRow } from '../../domain/registry/enterprise-sheet.ts';
import { ENTERPRISE_HEADER_ALIASES, isBlankRow, readEnterpriseRow } from '../../domain/registry/enterprise-sheet.ts';
import type { SessionUser } from '../access/session-user.ts';
import type { AuditActor } from '../audit/audit.ts';
import { writeAudit } from '../audit/audit.ts';
import { digestOf } from '../audit/canonical.ts';
import type { AppContext } from '../context.ts';
import type { NewEnterprise } from '../db/schema.ts';
import { readFirstSheetRows } from '../files/spreadsheet-reader.ts';
import type { JobProgress } from '../jobs/jobs.ts';
import { startJob } from '../jobs/jobs.ts';
import { conflict, notFound } from '../http/problem.ts';
import { zodIssuesToFieldErrors } from '../http/validation.ts';
import type { EnterpriseInput } from './enterprise.schema.ts';
import { enterpriseInputSchema } from './enterprise.schema.ts';
import { newEnterpriseRow, placeColumns } from './enterprise.service.ts';
import { industrySectionOf } from './industries.ts';
import { canManageRegion } from './regions.service.ts';

const CHUNK = 1000;

interface StagedRow {
  rowNumber: number;
  ok: boolean;
  input: EnterpriseInput | null;
  raw: Record<string, string>;
  errors: { field: string; message: string }[];
}

/**
 * Step 1 of an import: read and check every row, keep the results beside the batch, write no enterprise.
 * The user sees a row-level report and confirms (step 2) the valid rows.
 */
export async function stageEnterpriseImport(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  file: string,
  fileName: string,
): Promise<{ batchId: number; jobId: number }> {
  const { db, clock } = app;
  const batch = await db.kysely.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('import_batches')
      .values({
        kind: 'enterprise',
        status: 'validating',
        file_name: fileName.slice(0, 200),
        total_rows: 0,
        valid_rows: 0,
        error_rows: 0,
        created_by: user.id,
        created_at: clock.now().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(
      trx,
      db.dialect,
      actor,
      {
        action: 'enterprise.import_uploaded',
        objectType: 'import',
        objectId: inserted.id,
        summary: `上传导入文件“${fileName.slice(0, 100)}”（尚未写入企业）`,
      },
      clock.now(),
    );
    return inserted;
  });
  const jobId = await startJob(app, 'enterprise.import.validate', user.id, async (progress) => {
    try {
      return await validateFile(app, user, batch.id, file, progress);
    } catch (error) {
      await db.kysely.updateTable('import_batches').set({ status: 'failed' }).where('id', '=', batch.id).execute();
      throw error;
    } finally {
      await rm(file, { force: true });
    }
  });
  await db.kysely.updateTable('import_batches').set({ job_id: jobId }).where('id', '=', batch.id).execute();
  return { batchId: batch.id, jobId };
}

function resolvePlace(app: AppContext, user: SessionUser, row: EnterpriseSheetRow): void {
  const { candidate, place, errors } = row;
  if (!candidate.regionCode) {
    if (!place.countyName) {
      errors.push({ field: 'regionCode', message: '所在区域：请填写“县（区）”和“乡镇（街道）”，或填写“区域代码”' });
      return;
    }
    const region = app.regions.findByNames(place.countyName, place.townshipName || undefined);
    if (!region) {
      errors.push({
        field: 'regionCode',
        message: `所在区域：找不到“${place.countyName}${place.townshipName ? ` ${place.townshipName}` : ''}”`,
      });
      return;
    }
    candidate.regionCode = region.code;
  }
  if (place.zoneName) {
    const zone = [...app.regions.all()].find((r) => r.level === 'zone' && r.name === place.zoneName);
    if (!zone) errors.push({ field: 'zoneCode', message: `功能区：找不到“${place.zoneName}”` });
    else candidate.zoneCode = zone.code;
  }
  const code = String(candidate.regionCode);
  if (app.regions.get(code) && !canManageRegion(app, user, code)) {
    errors.push({ field: 'regionCode', message: '所在区域：不在您的管辖范围内' });
  }
}

async function validateFile(app: AppContext, user: SessionUser, batchId: number, file: string, progress: JobProgress) {
  const { db } = app;
  let columns: Map<string, number> | null = null;
  const headerWindow: { rowNumber: number; cells: CellValue[] }[] = [];
  const seen = new Map<string, number>();
  let pending: StagedRow[] = [];
  let total = 0;
  let valid = 0;

  const flush = async () => {
    if (pending.length === 0) return;
    // Already registered? One query per chunk, not per row.
    const codes = pending.filter((r) => r.ok && r.input).map((r) => r.input!.creditCode);
    if (codes.length > 0) {
      const existing = new Set(
        (
          await db.kysely.selectFrom('enterprises').select('credit_code').where('credit_code', 'in', codes).execute()
        ).map((e) => e.credit_code),
      );
      for (const r of pending) {
        if (r.ok && r.input && existing.has(r.input.creditCode)) {
          r.ok = false;
          r.errors.push({ field: 'creditCode', message: '统一社会信用代码：该企业已登记' });
        }
      }
    }
    valid += pending.filter((r) => r.ok).length;
    await db.kysely
      .insertInto('import_rows')
      .values(
        pending.map((r) => ({
          batch_id: batchId,
          row_number: r.rowNumber,
          ok: r.ok ? 1 : 0,
          data: JSON.stringify({ input: r.input, raw: r.raw }),
          errors: JSON.stringify(r.errors),
        })),
      )
      .execute();
    pending = [];
    await progress.update(total, undefined, `已检查 ${total} 行`);
  };

  const handle = (rowNumber: number, cells: CellValue[]) => {
    if (!columns || isBlankRow(cells)) return;
    total++;
    const row = readEnterpriseRow(cells, columns);
    resolvePlace(app, user, row);
    const parsed = enterpriseInputSchema.safeParse(row.candidate);
    const errors = [...row.errors];
    let input: EnterpriseInput | null = null;
    if (parsed.success) input = parsed.data;
    else
      errors.push(
        ...zodIssuesToFieldErrors(enterpriseInputSchema, parsed.error.issues).filter(
          (e) => !errors.some((x) => x.field === e.field),
        ),
      );
    if (input) {
      const place = placeColumns(app, input.regionCode, input.zoneCode);
      if ('error' in place) errors.push(place.error);
      if (!industrySectionOf(input.industryCode))
        errors.push({ field: 'industryCode', message: '行业代码：不是 GB/T 4754-2017 中的行业' });
      const earlier = seen.get(input.creditCode);
      if (earlier !== undefined)
        errors.push({ field: 'creditCode', message: `统一社会信用代码：与第 ${earlier} 行重复` });
      else seen.set(input.creditCode, rowNumber);
    }
    pending.push({ rowNumber, ok: errors.length === 0, input, raw: row.raw, errors });
  };

  for await (const { rowNumber, cells } of readFirstSheetRows(file)) {
    if (!columns) {
      headerWindow.push({ rowNumber, cells });
      const found = findHeaderRow(
        headerWindow.map((h) => h.cells),
        ENTERPRISE_HEADER_ALIASES,
        4,
      );
      if (found && found.columns.has('creditCode') && found.columns.has('name')) {
        columns = found.columns;
        continue;
      }
      if (headerWindow.length >= 10) break;
      continue;
    }
    handle(rowNumber, cells);
    if (pending.length >= CHUNK) await flush();
  }
  if (!columns) {
    await db.kysely.updateTable('import_batches').set({ status: 'failed' }).where('id', '=', batchId).execute();
    throw new Error(`没有找到表头：前 10 行中应有“统一社会信用代码”“企业名称”等列（可下载导入模板）`);
  }
  await flush();
  await db.kysely
    .updateTable('import_batches')
    .set({ status: 'ready', total_rows: total, valid_rows: valid, error_rows: total - valid })
    .where('id', '=', batchId)
    .execute();
  return { batchId, total, valid, errors: total - valid };
}

async function batchOf(app: AppContext, user: SessionUser, batchId: number) {
  const batch = await app.db.kysely
    .selectFrom('import_batches')
    .selectAll()
    .where('id', '=', batchId)
    .where('kind', '=', 'enterprise')
    .executeTakeFirst();
  // A batch belongs to whoever uploaded it; nobody else sees its rows.
  if (!batch || (batch.created_by !== user.id && user.role !== 'admin')) throw notFound('导入批次不存在');
  return batch;
}

export async function getImportBatch(
  app: AppContext,
  user: SessionUser,
  batchId: number,
  page: { page: number; pageSize: number; only: 'all' | 'errors' | 'valid' },
) {
  const batch = await batchOf(app, user, batchId);
  let rows = app.db.kysely.selectFrom('import_rows').where('batch_id', '=', batchId);
  if (page.only === 'errors') rows = rows.where('ok', '=', 0);
  if (page.only === 'valid') rows = rows.where('ok', '=', 1);
  const [items, count] = await Promise.all([
    rows
      .selectAll()
      .orderBy('row_number')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    rows.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    id: batch.id,
    status: batch.status,
    fileName: batch.file_name,
    totalRows: batch.total_rows,
    validRows: batch.valid_rows,
    errorRows: batch.error_rows,
    jobId: batch.job_id,
    createdAt: batch.created_at,
    confirmedAt: batch.confirmed_at,
    rows: {
      total: Number(count.n),
      items: items.map((r) => {
        const data = JSON.parse(r.data) as { raw: Record<string, string> };
        return {
          rowNumber: r.row_number,
          ok: r.ok === 1,
          values: data.raw,
          errors: JSON.parse(r.errors) as { field: string; message: string }[],
        };
      }),
    },
  };
}

/** Step 2: write the valid rows, all in one transaction, with one audit record for the batch. */
export async function confirmEnterpriseImport(app: AppContext, user: SessionUser, actor: AuditActor, batchId: number) {
  const batch = await batchOf(app, user, batchId);
  if (batch.status !== 'ready') throw conflict(batch.status === 'confirmed' ? '该批次已导入' : '该批次当前不能导入');
  const { db } = app;
  const claimed = await db.kysely
    .updateTable('import_batches')
    .set({ status: 'importing' })
    .where('id', '=', batchId)
    .where('status', '=', 'ready')
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) throw conflict('该批次正在导入');
  const jobId = await startJob(app, 'enterprise.import.confirm', user.id, async (progress) => {
    try {
      return await writeBatch(app, actor, batchId, batch.valid_rows, progress);
    } catch (error) {
      await db.kysely.updateTable('import_batches').set({ status: 'ready' }).where('id', '=', batchId).execute();
      throw error;
    }
  });
  return { batchId, jobId };
}

async function writeBatch(
  app: AppContext,
  actor: AuditActor,
  batchId: number,
  expected: number,
  progress: JobProgress,
) {
  const { db, clock } = app;
  const now = clock.now().toISOString();
  let written = 0;
  let skipped = 0;
  const codes: string[] = [];
  await db.kysely.transaction().execute(async (trx) => {
    let after = 0;
    for (;;) {
      const rows = await trx
        .selectFrom('import_rows')
        .select(['row_number', 'data'])
        .where('batch_id', '=', batchId)
        .where('ok', '=', 1)
        .where('row_number', '>', after)
        .orderBy('row_number')
        .limit(CHUNK)
        .execute();
      if (rows.length === 0) break;
      after = rows[rows.length - 1]!.row_number;
      const inputs = rows.map((r) => (JSON.parse(r.data) as { input: EnterpriseInput }).input);
      // Someone may have registered one of these firms since the check: skip it rather than fail the batch.
      const taken = new Set(
        (
          await trx
            .selectFrom('enterprises')
            .select('credit_code')
            .where(
              'credit_code',
              'in',
              inputs.map((i) => i.creditCode),
            )
            .execute()
        ).map((e) => e.credit_code),
      );
      const values: NewEnterprise[] = [];
      for (const input of inputs) {
        if (taken.has(input.creditCode)) {
          skipped++;
          continue;
        }
        const place = placeColumns(app, input.regionCode, input.zoneCode);
        if ('error' in place) {
          skipped++;
          continue;
        }
        values.push(newEnterpriseRow(input, place.columns, industrySectionOf(input.industryCode)!, now, batchId));
        codes.push(input.creditCode);
      }
      // PostgreSQL allows 65,535 parameters per statement: 25 columns × 500 rows stays below it.
      for (let i = 0; i < values.length; i += 500) {
        await trx
          .insertInto('enterprises')
          .values(values.slice(i, i + 500))
          .execute();
      }
      written += values.length;
      await progress.update(written + skipped, expected, `已导入 ${written} 行`);
    }
    await trx
      .updateTable('import_batches')
      .set({ status: 'confirmed', confirmed_at: now })
      .where('id', '=', batchId)
      .execute();
    await writeAudit(
      trx,
      db.dialect,
      actor,
      {
        action: 'enterprise.import',
        objectType: 'import',
        objectId: batchId,
        after: { creditCodes: codes },
        summary: `Excel 导入企业 ${written} 家${skipped ? `，跳过已登记 ${skipped} 家` : ''}`,
        extra: { written, skipped, digest: digestOf(codes) },
      },
      clock.now(),
    );
  });
  return { batchId, written, skipped };
}

export async function cancelEnterpriseImport(app: AppContext, user: SessionUser, actor: AuditActor, batchId: number) {
  const batch = await batchOf(app, user, batchId);
  if (batch.status === 'confirmed' || batch.status === 'importing') throw conflict('该批次已导入，不能取消');
  const { db, clock } = app;
  await db.kysely.transaction().execute(async (trx) => {
    await trx.deleteFrom('import_rows').where('batch_id', '=', batchId).execute();
    await trx.updateTable('import_batches').set({ status: 'cancelled' }).where('id', '=', batchId).execute();
    await writeAudit(
      trx,
      db.dialect,
      actor,
      { action: 'enterprise.import_cancelled', objectType: 'import', objectId: batchId, summary: '取消导入' },
      clock.now(),
    );
  });
  return { ok: true };
}
