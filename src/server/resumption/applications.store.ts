import type { ResumptionApplication } from '../../domain/resumption/index.ts';
import type { Db } from '../db/database.ts';
import type { ApplicationRow } from '../db/schema-resumption.ts';
import type { Q } from './config.store.ts';
import { publishedListVersion } from './config.store.ts';

/**
 * Applications are stored as their domain state (JSON) beside the columns queues filter on. The condition list the
 * enterprise assessed against is kept by list id and version, not copied into every application.
 */
export type StoredState = Omit<ResumptionApplication, 'conditionList'>;

export async function hydrate(db: Db, row: ApplicationRow, q: Q = db.kysely): Promise<ResumptionApplication> {
  const state = JSON.parse(row.state) as StoredState;
  const conditionList =
    row.list_id !== null && row.list_version !== null
      ? await publishedListVersion(db, row.list_id, row.list_version, q)
      : null;
  return { ...state, conditionList };
}

export function dehydrate(app: ResumptionApplication): string {
  const { conditionList: _list, ...state } = app;
  return JSON.stringify(state);
}

/** UTC instant text, so deadlines compare as text on both databases. */
export function utc(instant: string | null): string | null {
  return instant === null ? null : new Date(instant).toISOString();
}

export function columnsOf(app: ResumptionApplication, at: string) {
  return {
    status: app.status,
    mode: app.mode,
    green_channel: app.greenChannel ? 1 : 0,
    priority: app.priority ? 1 : 0,
    version: app.version,
    round: app.round,
    list_id: app.conditionList?.listId ?? null,
    list_version: app.conditionList?.version ?? null,
    submitted_at: utc(app.submittedAt),
    accepted_at: utc(app.acceptedAt),
    due_at: utc(app.dueAt),
    updated_at: at,
    state: dehydrate(app),
  };
}

export async function findApplicationRow(db: Q, id: number): Promise<ApplicationRow | undefined> {
  return db.selectFrom('resumption_applications').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Saves a transition if nobody saved first: `WHERE version = previous`. Returns false on a lost race (the caller
 * re-reads and re-applies its action to the fresh state).
 */
export async function saveIfUnchanged(
  trx: Q,
  id: number,
  previousVersion: number,
  next: ResumptionApplication,
  at: string,
): Promise<boolean> {
  const r = await trx
    .updateTable('resumption_applications')
    .set(columnsOf(next, at))
    .where('id', '=', id)
    .where('version', '=', previousVersion)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Mirrors the reviews of the state into the review table (department queues and on-time rates read it). */
export async function syncReviews(trx: Q, id: number, app: ResumptionApplication): Promise<void> {
  await trx.deleteFrom('resumption_reviews').where('application_id', '=', id).execute();
  if (app.reviews.length === 0) return;
  await trx
    .insertInto('resumption_reviews')
    .values(
      app.reviews.map((r) => ({
        application_id: id,
        round: r.round,
        department_id: Number(r.departmentCode),
        department_name: r.departmentName,
        dispatched_at: utc(r.dispatchedAt)!,
        due_at: utc(r.dueAt)!,
        decision: r.decision?.kind ?? null,
        decided_at: utc(r.decidedAt),
        escalated_at: utc(r.escalatedAt),
        cancelled_at: utc(r.cancelledAt),
      })),
    )
    .execute();
}
