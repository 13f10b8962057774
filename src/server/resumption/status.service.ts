import type { Actor, StatusChange, StatusRecord } from '../../domain/resumption/index.ts';
import {
  ENTERPRISE_STATUS_LABELS,
  STATUS_REASON_LABELS,
  changeStatus,
  deriveOperatingStatus,
  recordWorkersBack,
} from '../../domain/resumption/index.ts';
import type { Db } from '../db/database.ts';
import type { EnterpriseRow } from '../db/schema.ts';
import type { NewEnterpriseStatus } from '../db/schema-resumption.ts';
import { shanghaiDay, userIdOf } from './actors.ts';
import type { Q } from './config.store.ts';
import { recordEvents } from './events.ts';
import type { FactsChange } from './rollups.ts';
import { applyChanges, loadFacts } from './rollups.ts';

/** The dimensions and starting figures of an enterprise's status row, from the registry. */
export function statusRowFor(e: EnterpriseRow, trackedFrom: string, at: string): NewEnterpriseStatus {
  return {
    enterprise_id: e.id,
    status: 'not_resumed',
    status_date: trackedFrom,
    granted: 0,
    granted_on: null,
    normal_headcount: e.employees,
    planned_headcount: 0,
    workers_back: 0,
    workers_back_date: null,
    tracked_from: trackedFrom,
    county_code: e.county_code,
    zone_code: e.zone_code ?? '',
    industry_section: e.industry_section,
    size_class: e.size_class ?? '',
    above_scale: e.is_above_scale_industry,
    version: 1,
    updated_at: at,
  };
}

/**
 * Starts tracking enterprises that have no status row yet (from `today`, as 未复工 with the registry's headcount),
 * and adds them to the rollups. Returns how many were added.
 */
export async function ensureStatusRows(trx: Q, db: Db, enterpriseIds: readonly number[], now: Date): Promise<number> {
  if (enterpriseIds.length === 0) return 0;
  const today = shanghaiDay(now);
  const have = new Set(
    (
      await trx
        .selectFrom('resumption_enterprise_status')
        .select('enterprise_id')
        .where('enterprise_id', 'in', [...enterpriseIds])
        .execute()
    ).map((r) => r.enterprise_id),
  );
  const missing = enterpriseIds.filter((id) => !have.has(id));
  if (missing.length === 0) return 0;
  const rows = await trx.selectFrom('enterprises').selectAll().where('id', 'in', missing).execute();
  const at = now.toISOString();
  const statusRows = rows.map((e) => statusRowFor(e, today, at));
  for (let i = 0; i < statusRows.length; i += 400) {
    await trx
      .insertInto('resumption_enterprise_status')
      .values(statusRows.slice(i, i + 400))
      .execute();
  }
  await applyChanges(
    trx,
    db,
    statusRows.map((s) => ({
      before: null,
      after: { enterpriseId: s.enterprise_id, status: s as never, history: [], reports: [] },
      from: today,
    })),
  );
  return statusRows.length;
}

/**
 * Runs `work` for one enterprise and applies the difference of its facts before and after to the rollups, from
 * `from` (the earliest date the work changed).
 */
export async function withRollup<T>(
  trx: Q,
  db: Db,
  enterpriseId: number,
  now: Date,
  work: () => Promise<{ result: T; from: string }>,
): Promise<T> {
  await ensureStatusRows(trx, db, [enterpriseId], now);
  const before = await loadFacts(trx, enterpriseId);
  const { result, from } = await work();
  const after = await loadFacts(trx, enterpriseId);
  const change: FactsChange = { before, after: after!, from };
  await applyChanges(trx, db, [change]);
  return result;
}

async function historyOf(trx: Q, enterpriseId: number): Promise<StatusRecord[]> {
  const facts = await loadFacts(trx, enterpriseId);
  return facts?.history ?? [];
}

/**
 * Records a status change (append-only history, current status, timeline). The caller wraps it in `withRollup`.
 * Returns the new record, or an error message from the domain.
 */
export async function applyStatusChange(
  trx: Q,
  enterpriseId: number,
  change: StatusChange,
  actor: Actor,
  now: Date,
  links: { applicationId?: number | null; taskId?: number | null; orderId?: number | null } = {},
): Promise<{ ok: true; record: StatusRecord } | { ok: false; error: string }> {
  const history = await historyOf(trx, enterpriseId);
  const r = changeStatus(history, change, actor, now.toISOString());
  if (!r.ok) return r;
  const rec = r.record;
  await trx
    .insertInto('resumption_status_history')
    .values({
      enterprise_id: enterpriseId,
      status: rec.status,
      at: now.toISOString(),
      date: rec.date,
      reason: rec.reason,
      ref: rec.ref,
      actor_id: userIdOf(rec.actor),
      actor_name: rec.actor.name ?? '系统',
      actor_role: rec.actor.role,
      note: rec.note,
    })
    .execute();
  const current = await trx
    .selectFrom('resumption_enterprise_status')
    .selectAll()
    .where('enterprise_id', '=', enterpriseId)
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('resumption_enterprise_status')
    .set({
      status: rec.status,
      status_date: rec.date,
      ...(rec.reason === 'resumption_granted' && !current.granted ? { granted: 1, granted_on: rec.date } : {}),
      version: current.version + 1,
      updated_at: now.toISOString(),
    })
    .where('enterprise_id', '=', enterpriseId)
    .execute();
  await recordEvents(trx, { enterpriseId, ...links }, [
    {
      type: r.event.type,
      at: r.event.at,
      actor: r.event.actor,
      version: current.version + 1,
      message: r.event.message,
      data: { from: r.event.from, to: r.event.to, reason: r.event.reason, date: rec.date, note: rec.note },
    },
  ]);
  return { ok: true, record: rec };
}

export interface WorkersInput {
  date: string;
  workersBack: number;
}

/**
 * Daily workers back (returns an error message from the domain when refused). Derives 部分复工 / 已复工 from the
 * figure once resumption was granted; a stopped enterprise keeps its status until the stop is lifted.
 */
export async function applyWorkersReport(
  trx: Q,
  enterpriseId: number,
  input: WorkersInput,
  actor: Actor,
  now: Date,
): Promise<{ ok: true; statusChanged: StatusRecord | null } | { ok: false; error: string }> {
  const facts = await loadFacts(trx, enterpriseId);
  if (!facts) return { ok: false, error: '企业：尚未纳入复工复产管理' };
  const status = await trx
    .selectFrom('resumption_enterprise_status')
    .selectAll()
    .where('enterprise_id', '=', enterpriseId)
    .executeTakeFirstOrThrow();
  const r = recordWorkersBack(
    facts.reports,
    {
      enterpriseId: String(enterpriseId),
      date: input.date,
      workersBack: input.workersBack,
      normalHeadcount: status.normal_headcount,
    },
    actor,
    now.toISOString(),
  );
  if (!r.ok) return r;
  const row = {
    enterprise_id: enterpriseId,
    date: input.date,
    workers_back: input.workersBack,
    reported_at: now.toISOString(),
    reported_by: userIdOf(r.report.reportedBy),
    reporter_role: actor.role,
  };
  await trx
    .insertInto('resumption_worker_reports')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['enterprise_id', 'date']).doUpdateSet({
        workers_back: input.workersBack,
        reported_at: row.reported_at,
        reported_by: row.reported_by,
        reporter_role: row.reporter_role,
      }),
    )
    .execute();
  const latest = r.reports
    .filter((x) => x.enterpriseId === String(enterpriseId))
    .reduce((a, b) => (a.date >= b.date ? a : b));
  await trx
    .updateTable('resumption_enterprise_status')
    .set({
      workers_back: latest.workersBack,
      workers_back_date: latest.date,
      version: status.version + 1,
      updated_at: now.toISOString(),
    })
    .where('enterprise_id', '=', enterpriseId)
    .execute();
  await recordEvents(trx, { enterpriseId }, [
    {
      type: 'workers_reported',
      at: now.toISOString(),
      actor: r.report.reportedBy,
      version: status.version + 1,
      message: `填报${input.date}返岗人数${input.workersBack}人（正常用工${status.normal_headcount}人）`,
      data: { date: input.date, workersBack: input.workersBack },
    },
  ]);
  if (status.status === 'stopped' || !status.granted) return { ok: true, statusChanged: null };
  const derived = deriveOperatingStatus({
    granted: true,
    workersBack: latest.workersBack,
    normalHeadcount: status.normal_headcount,
    ...(status.planned_headcount > 0 ? { plannedHeadcount: status.planned_headcount } : {}),
  });
  if (derived === status.status) return { ok: true, statusChanged: null };
  const changed = await applyStatusChange(
    trx,
    enterpriseId,
    {
      kind: 'operating',
      enterpriseId: String(enterpriseId),
      status: derived,
      reason: 'workers_reported',
      date: shanghaiDay(now) > latest.date ? shanghaiDay(now) : latest.date,
    },
    actor,
    now,
  );
  return { ok: true, statusChanged: changed.ok ? changed.record : null };
}

export function statusLabel(status: string): string {
  return ENTERPRISE_STATUS_LABELS[status as keyof typeof ENTERPRISE_STATUS_LABELS] ?? status;
}

export function reasonLabel(reason: string): string {
  return STATUS_REASON_LABELS[reason as keyof typeof STATUS_REASON_LABELS] ?? reason;
}

/**
 * Keeps the status rows in step with the registry: enterprises registered since the last run start being tracked,
 * and an enterprise whose county, zone, industry, size or 规上 flag changed moves to its new group from today.
 * Idempotent; the scheduler runs it every minute and the command centre can run it at once.
 */
export async function syncWithRegistry(db: Db, now: Date): Promise<{ added: number; moved: number }> {
  const k = db.kysely;
  const missing = await k
    .selectFrom('enterprises as e')
    .leftJoin('resumption_enterprise_status as s', 's.enterprise_id', 'e.id')
    .select('e.id')
    .where('s.enterprise_id', 'is', null)
    .orderBy('e.id')
    .execute();
  let added = 0;
  for (let i = 0; i < missing.length; i += 2000) {
    const ids = missing.slice(i, i + 2000).map((r) => r.id);
    added += await k.transaction().execute((trx) => ensureStatusRows(trx, db, ids, now));
  }
  const changed = await k
    .selectFrom('enterprises as e')
    .innerJoin('resumption_enterprise_status as s', 's.enterprise_id', 'e.id')
    .select(['e.id'])
    .where((eb) =>
      eb.or([
        eb('s.county_code', '<>', eb.ref('e.county_code')),
        eb('s.zone_code', '<>', eb.fn.coalesce('e.zone_code', eb.val(''))),
        eb('s.industry_section', '<>', eb.ref('e.industry_section')),
        eb('s.size_class', '<>', eb.fn.coalesce('e.size_class', eb.val(''))),
        eb('s.above_scale', '<>', eb.ref('e.is_above_scale_industry')),
        eb.and([eb('s.granted', '=', 0), eb('s.normal_headcount', '<>', eb.ref('e.employees'))]),
      ]),
    )
    .execute();
  const today = shanghaiDay(now);
  for (const { id } of changed) {
    await k.transaction().execute(async (trx) => {
      const e = await trx.selectFrom('enterprises').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      await withRollup(trx, db, id, now, async () => {
        const s = await trx
          .selectFrom('resumption_enterprise_status')
          .selectAll()
          .where('enterprise_id', '=', id)
          .executeTakeFirstOrThrow();
        await trx
          .updateTable('resumption_enterprise_status')
          .set({
            county_code: e.county_code,
            zone_code: e.zone_code ?? '',
            industry_section: e.industry_section,
            size_class: e.size_class ?? '',
            above_scale: e.is_above_scale_industry,
            ...(s.granted ? {} : { normal_headcount: e.employees }),
            version: s.version + 1,
            updated_at: now.toISOString(),
          })
          .where('enterprise_id', '=', id)
          .execute();
        return { result: undefined, from: today };
      });
    });
  }
  return { added, moved: changed.length };
}
