import { systemActor } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import type { ScheduledTask } from '../scheduler.ts';
import { escalateOverdue, remindDeadlines } from './applications.service.ts';
import { runWeeklyReports } from './reports.service.ts';

/**
 * Scheduled work of 复工复产: overdue reviews are flagged and escalated to the command centre every 15 minutes
 * (seed 003 L27: 2 working days), deadline reminders go out on the last day of reviews, checks and rectification
 * orders, and the Monday weekly report (seed 003 L497) is generated once per area and week.
 * Both decide from `app.clock` and are idempotent.
 */
export const RESUMPTION_TASKS: ScheduledTask[] = [
  {
    name: 'resumption.escalate-overdue',
    everyMs: 15 * 60_000,
    run: async (app: AppContext) => {
      const r = await escalateOverdue(app, systemActor('系统（超时上报）'));
      return r.escalated > 0 ? r : null;
    },
  },
  {
    name: 'resumption.deadline-reminders',
    everyMs: 30 * 60_000,
    run: async (app: AppContext) => {
      const r = await remindDeadlines(app);
      return r.reminded > 0 ? r : null;
    },
  },
  { name: 'resumption.weekly-report', everyMs: 60 * 60_000, run: runWeeklyReports },
];
