import { addDays, shanghaiDate, shanghaiHour } from '../../domain/health/dates.ts';
import type { AuditActor } from '../audit/audit.ts';
import { systemActor } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { reevaluate } from './evaluate.ts';
import { expireOverrides } from './overrides.ts';
import { purgeHealthData } from './privacy.ts';
import { generateDailySummaries } from './summaries.ts';

export const SYSTEM_ACTOR: AuditActor = systemActor('员工健康定时任务');

/**
 * The daily health task (scheduled hourly; each part does nothing when already done):
 * - overrides past their expiry are recorded as expired and the rules decide again;
 * - people not yet evaluated today are evaluated (a quarantine ends on its day without anyone acting);
 * - from 08:00 Asia/Shanghai, yesterday's summary per enterprise goes to the CDC once (seed 003 L62);
 * - data past the retention period is purged once a day.
 */
export async function runHealthDaily(app: AppContext, actor: AuditActor = SYSTEM_ACTOR) {
  const nowIso = app.clock.now().toISOString();
  const today = shanghaiDate(nowIso);
  const expired = await expireOverrides(app, actor);
  let evaluated = 0;
  for (;;) {
    const stale = await app.db.kysely
      .selectFrom('health_people')
      .select('id')
      .where('active', '=', 1)
      .where((eb) => eb.or([eb('evaluated_on', 'is', null), eb('evaluated_on', '<', today)]))
      .orderBy('id')
      .limit(500)
      .execute();
    if (stale.length === 0) break;
    await app.db.kysely.transaction().execute((trx) =>
      reevaluate(
        app,
        trx,
        stale.map((s) => s.id),
        actor,
        app.clock.now(),
      ),
    );
    evaluated += stale.length;
  }
  let summary: { date: string; enterprises: number } | null = null;
  let purge: Awaited<ReturnType<typeof purgeHealthData>> | null = null;
  if (shanghaiHour(nowIso) >= 8) {
    const yesterday = addDays(today, -1);
    const done = await app.db.kysely
      .selectFrom('health_daily_summaries')
      .select('enterprise_id')
      .where('date', '=', yesterday)
      .limit(1)
      .executeTakeFirst();
    if (!done) summary = await generateDailySummaries(app, actor, yesterday);
    const purgedToday = await app.db.kysely
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'health.retention_purged')
      .where('at', '>=', `${addDays(today, -1)}T16:00:00.000Z`)
      .limit(1)
      .executeTakeFirst();
    if (!purgedToday) purge = await purgeHealthData(app, actor);
  }
  return { expired: expired.expired, evaluated, summary, purge };
}

/** Listed in src/server/scheduler.ts. */
export const HEALTH_TASKS = [
  { name: 'health.daily', everyMs: 60 * 60 * 1000, run: (app: AppContext) => runHealthDaily(app) },
];
