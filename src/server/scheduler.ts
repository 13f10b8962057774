import type { AppContext } from './context.ts';
import { RESUMPTION_TASKS } from './resumption/schedule.ts';
import { HEALTH_TASKS } from './health/tasks.ts';
import { PASS_TASKS } from './passes/tasks.ts';

/**
 * Scheduled work (the Monday report, daily summaries, expiries): an in-process timer started by `serve` only, never
 * by tests (tests call the tasks' functions directly with a manual clock). Each task decides from `app.clock` whether
 * there is anything to do, so every run is idempotent; a run that is still going when the next tick comes is skipped.
 * Capabilities add their tasks to SCHEDULED_TASKS (one line each).
 */
export interface ScheduledTask {
  /** Short name for logs, e.g. `resumption.weekly-report`. */
  name: string;
  /** Milliseconds between runs. */
  everyMs: number;
  run(app: AppContext): Promise<unknown>;
}

export const SCHEDULED_TASKS: ScheduledTask[] = [...RESUMPTION_TASKS, ...HEALTH_TASKS, ...PASS_TASKS];

export interface RunningScheduler {
  stop(): Promise<void>;
}

/** Start every task: a first run shortly after start-up, then one every `everyMs`. */
export function startScheduler(
  app: AppContext,
  tasks: readonly ScheduledTask[] = SCHEDULED_TASKS,
  firstDelayMs = 5_000,
): RunningScheduler {
  const timers: NodeJS.Timeout[] = [];
  const running = new Map<string, Promise<void>>();
  let stopped = false;
  const tick = (task: ScheduledTask) => {
    if (stopped || running.has(task.name)) return;
    const run = task
      .run(app)
      .then((result) => {
        if (result !== undefined && result !== null) app.log.info({ task: task.name, result }, '定时任务完成');
      })
      .catch((error: unknown) => app.log.error({ err: error, task: task.name }, '定时任务失败'))
      .finally(() => running.delete(task.name));
    running.set(task.name, run);
  };
  for (const task of tasks) {
    const first = setTimeout(() => {
      tick(task);
      const every = setInterval(() => tick(task), task.everyMs);
      every.unref();
      timers.push(every);
    }, firstDelayMs);
    first.unref();
    timers.push(first);
  }
  return {
    async stop() {
      stopped = true;
      for (const t of timers) clearTimeout(t);
      await Promise.allSettled([...running.values()]);
    },
  };
}
