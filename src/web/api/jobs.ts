import { api } from './client.ts';
import type { Job } from './types.ts';

export interface PollOptions {
  /** Called with every state read, the last one included. */
  onProgress?: (job: Job) => void;
  signal?: AbortSignal;
  /** Pause between reads; grows slowly so long jobs do not flood the server. */
  intervalMs?: number;
  maxIntervalMs?: number;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new DOMException('已取消', 'AbortError'));
      return;
    }
    const timer = window.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      window.clearTimeout(timer);
      reject(new DOMException('已取消', 'AbortError'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Read `GET /api/jobs/:id` until the job has succeeded or failed; returns its final state. */
export async function pollJob<R = unknown>(jobId: number, options: PollOptions = {}): Promise<Job<R>> {
  let interval = options.intervalMs ?? 300;
  const maxInterval = options.maxIntervalMs ?? 2000;
  for (;;) {
    const job = await api.get<Job<R>>(`/api/jobs/${jobId}`, undefined, { signal: options.signal });
    options.onProgress?.(job as Job);
    if (job.status === 'succeeded' || job.status === 'failed') return job;
    await sleep(interval, options.signal);
    interval = Math.min(maxInterval, Math.round(interval * 1.3));
  }
}

/** Percent done for a progress bar, or null while the total is not known yet. */
export function jobPercent(job: Pick<Job, 'status' | 'progress' | 'total'> | null): number | null {
  if (!job) return null;
  if (job.status === 'succeeded') return 100;
  if (!job.total) return null;
  return Math.max(0, Math.min(99, Math.floor((job.progress / job.total) * 100)));
}
