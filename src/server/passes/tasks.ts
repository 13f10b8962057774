import { systemActor } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { pruneRevocations } from './revocations.ts';

/**
 * Passes' scheduled work (src/server/scheduler.ts): every hour, revocations of passes that have expired leave the
 * list (as one `remove` version, so devices drop them by delta) and change records older than 30 days are forgotten
 * (a device that old gets a full snapshot). Idempotent: a run with nothing to do records nothing.
 */
export const PASS_TASKS = [
  {
    name: 'passes.prune-revocations',
    everyMs: 3_600_000,
    run: (app: AppContext) => pruneRevocations(app, systemActor('通行证定时任务')),
  },
];
