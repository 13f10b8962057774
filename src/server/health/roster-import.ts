import ExcelJS from 'exceljs';
import { shanghaiDate } from '../../domain/health/dates.ts';
import { importRoster } from '../../domain/health/roster-import.ts';
import type { CellValue, RosterRowValue, RowError } from '../../domain/health/roster-import.ts';
import type { SessionUser } from '../access/session-user.ts';
import type { AuditActor } from '../audit/audit.ts';
import { writeAudit } from '../audit/audit.ts';
import { digestOf } from '../audit/canonical.ts';
import type { AppContext } from '../context.ts';
import type { NewHealthPerson } from '../db/schema-health.ts';
import { badRequest, conflict, notFound } from '../http/problem.ts';
import { reevaluate } from './evaluate.ts';
import { encryptResidentId, residentIdHash } from './pii.ts';
import { targetEnterprise } from './scope.ts';

/**
 * Roster import (一人一档 Excel): step 1 reads the sheet and checks every row with the pure rules
 * (src/domain/health/roster-import.ts: title rows, merged cells, IDs turned into numbers, full-width characters,
 * text or serial dates, duplicates) plus the people already on the enterprise's roster, and stores the row-level
 * report beside the batch — writing no person. Step 2, on confirmation, writes the valid rows in one transaction.
 *
 * A staged row never holds a clear ID number: it keeps the ciphertext, the keyed hash and the masked form.
 */

type StagedValue = Omit<RosterRowValue, 'residentId'> & { residentIdEnc: string; residentIdHash: string };
const MAX_ROWS = 20_000;

/** Cells of the first worksheet as plain values (rows and columns 0-based), and its merged ranges. */
async function readWorkbook(file: string): Promise<{ rows: CellValue[][]; merges: string[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch {
    throw badRequest('文件：无法读取，请确认是 .xlsx 格式的 Excel 文件', 'file');
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw badRequest('文件：没有工作表', 'file');
  if (sheet.rowCount > MAX_ROWS + 30) throw badRequest(`文件：每次最多导入 ${MAX_ROWS} 行`, 'file');
  const values = sheet.getSheetValues() as unknown[];
  const rows: CellValue[][] = [];
  for (let r = 1; r < values.length; r++) {
    const row = values[r];
    rows.push(Array.isArray(row) ? (row.slice(1) as CellValue[]).map((v) => (v === undefined ? null : v)) : []);
  }
  const merges = ((sheet.model as { merges?: string[] }).merges ?? []).slice();
  return { rows, merges };
}

export async function stageRosterImport(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  enterpriseId: number | undefined,
  file: string,
  fileName: string,
) {
  const e = await targetEnterprise(app, user, enterpriseId);
  const now = app.clock.now();
  const { rows, merges } = await readWorkbook(file);
  const result = importRoster({ rows, merges, asOf: shanghaiDate(now.toISOString()) });
  if (result.fileErrors.length) {
    throw badRequest(`文件：${result.fileErrors.join('；')}`, 'file');
  }
  // Already on this enterprise's roster? One query for the file.
  const hashes = new Map<number, string>();
  for (const r of result.rows)
    if (r.ok && r.value) hashes.set(r.rowNumber, residentIdHash(app.config.secrets, r.value.residentId));
  const existing = new Set<string>();
  const all = [...hashes.values()];
  for (let i = 0; i < all.length; i += 1000) {
    const found = await app.db.kysely
      .selectFrom('health_people')
      .select('resident_id_hash')
      .where('enterprise_id', '=', e.id)
      .where('resident_id_hash', 'in', all.slice(i, i + 1000))
      .execute();
    for (const f of found) existing.add(f.resident_id_hash);
  }
  const staged = result.rows.map((r) => {
    const errors: RowError[] = [...r.errors];
    let value: StagedValue | null = null;
    if (r.ok && r.value) {
      const hash = hashes.get(r.rowNumber)!;
      if (existing.has(hash)) errors.push({ field: 'residentId', message: '身份证号：该员工已在本企业花名册中' });
      else {
        const { residentId, ...rest } = r.value;
        value = { ...rest, residentIdEnc: encryptResidentId(app.config.secrets, residentId), residentIdHash: hash };
      }
    }
    return { rowNumber: r.rowNumber, ok: errors.length === 0, value, display: r.display, errors };
  });
  const valid = staged.filter((s) => s.ok).length;
  const at = now.toISOString();
  return app.db.kysely.transaction().execute(async (trx) => {
    const batch = await trx
      .insertInto('import_batches')
      .values({
        kind: 'health_roster',
        status: 'ready',
        file_name: fileName.slice(0, 200),
        total_rows: staged.length,
        valid_rows: valid,
        error_rows: staged.length - valid,
        job_id: null,
        created_by: user.id,
        created_at: at,
        confirmed_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('health_roster_imports').values({ batch_id: batch.id, enterprise_id: e.id }).execute();
    for (let i = 0; i < staged.length; i += 500) {
      await trx
        .insertInto('import_rows')
        .values(
          staged.slice(i, i + 500).map((s) => ({
            batch_id: batch.id,
            row_number: s.rowNumber,
            ok: s.ok ? 1 : 0,
            data: JSON.stringify({ value: s.value, raw: s.display }),
            errors: JSON.stringify(s.errors),
          })),
        )
        .execute();
    }
    await writeAudit(
      trx,
      app.db.dialect,
      actor,
      {
        action: 'health.roster_import_uploaded',
        objectType: 'import',
        objectId: batch.id,
        summary: `上传员工花名册“${fileName.slice(0, 100)}”（${e.name}）：${staged.length} 行，可导入 ${valid} 行（尚未写入）`,
        extra: { enterpriseId: e.id, summary: result.summary },
      },
      now,
    );
    return {
      batchId: batch.id,
      enterpriseId: e.id,
      headerRow: result.headerRow,
      columns: result.columns,
      totalRows: staged.length,
      validRows: valid,
      errorRows: staged.length - valid,
      summary: result.summary,
    };
  });
}

async function batchOf(app: AppContext, user: SessionUser, batchId: number) {
  const batch = await app.db.kysely
    .selectFrom('import_batches')
    .innerJoin('health_roster_imports', 'health_roster_imports.batch_id', 'import_batches.id')
    .selectAll('import_batches')
    .select('health_roster_imports.enterprise_id')
    .where('import_batches.id', '=', batchId)
    .where('import_batches.kind', '=', 'health_roster')
    .executeTakeFirst();
  // A batch belongs to whoever uploaded it; nobody else sees its rows.
  if (!batch || batch.created_by !== user.id) throw notFound('导入批次不存在');
  return batch;
}

export async function getRosterImport(
  app: AppContext,
  user: SessionUser,
  batchId: number,
  q: { page: number; pageSize: number; only: 'all' | 'errors' | 'valid' },
) {
  const batch = await batchOf(app, user, batchId);
  let rows = app.db.kysely.selectFrom('import_rows').where('batch_id', '=', batchId);
  if (q.only === 'errors') rows = rows.where('ok', '=', 0);
  if (q.only === 'valid') rows = rows.where('ok', '=', 1);
  const [items, count] = await Promise.all([
    rows
      .selectAll()
      .orderBy('row_number')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    rows.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    id: batch.id,
    enterpriseId: batch.enterprise_id,
    status: batch.status,
    fileName: batch.file_name,
    totalRows: batch.total_rows,
    validRows: batch.valid_rows,
    errorRows: batch.error_rows,
    createdAt: batch.created_at,
    confirmedAt: batch.confirmed_at,
    rows: {
      total: Number(count.n),
      items: items.map((r) => ({
        rowNumber: r.row_number,
        ok: r.ok === 1,
        values: (JSON.parse(r.data) as { raw: Record<string, string> }).raw,
        errors: JSON.parse(r.errors) as RowError[],
      })),
    },
  };
}

/** Write the valid rows (skipping any that reached the roster meanwhile), evaluate them, one audit record. */
export async function confirmRosterImport(app: AppContext, user: SessionUser, actor: AuditActor, batchId: number) {
  const batch = await batchOf(app, user, batchId);
  if (batch.status !== 'ready') throw conflict(batch.status === 'confirmed' ? '该批次已导入' : '该批次当前不能导入');
  const now = app.clock.now();
  const at = now.toISOString();
  return app.db.kysely.transaction().execute(async (trx) => {
    const claimed = await trx
      .updateTable('import_batches')
      .set({ status: 'confirmed', confirmed_at: at })
      .where('id', '=', batchId)
      .where('status', '=', 'ready')
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw conflict('该批次正在导入');
    const staged = await trx
      .selectFrom('import_rows')
      .select(['row_number', 'data'])
      .where('batch_id', '=', batchId)
      .where('ok', '=', 1)
      .orderBy('row_number')
      .execute();
    const values = staged.map((r) => (JSON.parse(r.data) as { value: StagedValue }).value);
    const taken = new Set<string>();
    for (let i = 0; i < values.length; i += 1000) {
      const found = await trx
        .selectFrom('health_people')
        .select('resident_id_hash')
        .where('enterprise_id', '=', batch.enterprise_id)
        .where(
          'resident_id_hash',
          'in',
          values.slice(i, i + 1000).map((v) => v.residentIdHash),
        )
        .execute();
      for (const f of found) taken.add(f.resident_id_hash);
    }
    const rows: NewHealthPerson[] = values
      .filter((v) => !taken.has(v.residentIdHash))
      .map((v) => ({
        enterprise_id: batch.enterprise_id,
        name: v.name,
        resident_id_enc: v.residentIdEnc,
        resident_id_hash: v.residentIdHash,
        resident_id_masked: v.residentIdMasked,
        sex: v.sex,
        phone: v.phone,
        team: v.team,
        post: v.post,
        key_post: v.keyPost === null ? null : v.keyPost ? 1 : 0,
        home_region: v.homeRegion,
        dormitory: v.dormitory ? 1 : 0,
        return_batch: v.returnBatch,
        return_date: v.returnDate,
        return_mode: v.returnMode,
        travel_history: v.travelHistory,
        contact_history: v.contactHistory,
        category: v.category,
        facts: '{}',
        user_id: null,
        needs_card: 0,
        active: 1,
        left_on: null,
        status: null,
        evaluation: null,
        reason_codes: '[]',
        earliest_return_date: null,
        status_cause: null,
        rule_set_id: null,
        override_id: null,
        evaluated_on: null,
        status_changed_at: null,
        import_batch_id: batchId,
        version: 1,
        created_by: user.id,
        created_at: at,
        updated_at: at,
      }));
    const ids: number[] = [];
    for (let i = 0; i < rows.length; i += 500) {
      const inserted = await trx
        .insertInto('health_people')
        .values(rows.slice(i, i + 500))
        .returning('id')
        .execute();
      ids.push(...inserted.map((r) => r.id));
    }
    await writeAudit(
      trx,
      app.db.dialect,
      actor,
      {
        action: 'health.roster_imported',
        objectType: 'import',
        objectId: batchId,
        after: { personIds: ids },
        summary: `Excel 导入员工档案 ${ids.length} 人${taken.size ? `，跳过已在花名册 ${taken.size} 人` : ''}`,
        extra: { enterpriseId: batch.enterprise_id, written: ids.length, skipped: taken.size, digest: digestOf(ids) },
      },
      now,
    );
    for (let i = 0; i < ids.length; i += 500) await reevaluate(app, trx, ids.slice(i, i + 500), actor, now);
    return { batchId, written: ids.length, skipped: taken.size };
  });
}

export async function cancelRosterImport(app: AppContext, user: SessionUser, actor: AuditActor, batchId: number) {
  const batch = await batchOf(app, user, batchId);
  if (batch.status === 'confirmed') throw conflict('该批次已导入，不能取消');
  await app.db.kysely.transaction().execute(async (trx) => {
    await trx.deleteFrom('import_rows').where('batch_id', '=', batchId).execute();
    await trx.updateTable('import_batches').set({ status: 'cancelled' }).where('id', '=', batchId).execute();
    await writeAudit(
      trx,
      app.db.dialect,
      actor,
      {
        action: 'health.roster_import_cancelled',
        objectType: 'import',
        objectId: batchId,
        summary: '取消员工花名册导入',
      },
      app.clock.now(),
    );
  });
  return { ok: true };
}
