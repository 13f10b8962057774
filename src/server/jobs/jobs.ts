import path from 'node:path';
import type { AppContext } from '../context.ts';
import type { SessionUser } from '../access/session-user.ts';
import { notFound } from '../http/problem.ts';
import { storageDir } from '../files/storage.ts';

export interface JobProgress {
  /** Report progress; cheap to call often, written at most every 250 ms. */
  update(done: number, total?: number, message?: string): Promise<void>;
}

/**
 * Long work (imports, exports, batch runs) runs as a job in this process; the browser polls its progress.
 * A job row records who started it, how far it got and its result.
 */
export async function startJob(
  app: AppContext,
  kind: string,
  createdBy: number,
  work: (progress: JobProgress) => Promise<unknown>,
): Promise<number> {
  const { db, clock } = app;
  const inserted = await db.kysely
    .insertInto('jobs')
    .values({
      kind,
      status: 'running',
      progress: 0,
      total: 0,
      created_by: createdBy,
      created_at: clock.now().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = inserted.id;
  let lastWrite = 0;
  const live = { progress: 0, total: 0, message: null as string | null };
  liveProgress.set(id, live);
  const progress: JobProgress = {
    async update(done, total, message) {
      live.progress = done;
      if (total !== undefined) live.total = total;
      if (message) live.message = message;
      const t = Date.now();
      if (t - lastWrite < 250) return;
      lastWrite = t;
      // Not awaited: the job may hold a transaction, and on SQLite this write waits for it to commit.
      // Readers in this process see `live` at once; other processes see the row when it lands.
      void db.kysely
        .updateTable('jobs')
        .set({ progress: live.progress, total: live.total, ...(live.message ? { message: live.message } : {}) })
        .where('id', '=', id)
        .execute()
        .catch(() => undefined);
    },
  };
  const finished = (async () => {
    try {
      const result = await work(progress);
      await db.kysely
        .updateTable('jobs')
        .set({ status: 'succeeded', result: JSON.stringify(result ?? null), finished_at: clock.now().toISOString() })
        .where('id', '=', id)
        .execute();
    } catch (error) {
      app.log.error({ err: error, jobId: id }, 'job failed');
      const message = error instanceof Error ? error.message : String(error);
      await db.kysely
        .updateTable('jobs')
        .set({ status: 'failed', message: message.slice(0, 500), finished_at: clock.now().toISOString() })
        .where('id', '=', id)
        .execute();
    }
  })();
  runningJobs.set(id, finished);
  void finished.finally(() => {
    runningJobs.delete(id);
    liveProgress.delete(id);
  });
  return id;
}

const runningJobs = new Map<number, Promise<void>>();
const liveProgress = new Map<number, { progress: number; total: number; message: string | null }>();

/** Wait for a job started in this process (tests and the CLI use it). */
export async function waitForJob(id: number): Promise<void> {
  await runningJobs.get(id);
}

/** Wait for every job of this process; used before closing the database. */
export async function drainJobs(): Promise<void> {
  await Promise.allSettled([...runningJobs.values()]);
}

export async function getJob(app: AppContext, user: SessionUser, id: number) {
  const job = await app.db.kysely.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  // Only the user who started a job (or an administrator) may see it.
  if (!job || (job.created_by !== user.id && user.role !== 'admin')) throw notFound('任务不存在');
  const live = job.status === 'running' ? liveProgress.get(id) : undefined;
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    progress: live?.progress ?? job.progress,
    total: live?.total ?? job.total,
    message: live?.message ?? job.message,
    result: job.result ? (JSON.parse(job.result) as unknown) : null,
    createdAt: job.created_at,
    finishedAt: job.finished_at,
  };
}

/** The file a finished export or report job produced, for its owner only. */
export async function jobFile(
  app: AppContext,
  user: SessionUser,
  jobId: number,
): Promise<{ path: string; fileName: string }> {
  const job = await app.db.kysely.selectFrom('jobs').selectAll().where('id', '=', jobId).executeTakeFirst();
  if (!job || (job.created_by !== user.id && user.role !== 'admin') || job.status !== 'succeeded' || !job.result) {
    throw notFound('文件不存在');
  }
  const result = JSON.parse(job.result) as { file?: string; fileName?: string };
  if (!result.file || !result.fileName) throw notFound('该任务没有文件');
  return { path: path.join(storageDir(app, 'exports'), path.basename(result.file)), fileName: result.fileName };
}
