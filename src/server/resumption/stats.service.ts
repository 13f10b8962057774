import type { CountRow, Dimension, RateCounts, RateFigures, RateGroup } from '../../domain/resumption/index.ts';
import {
  DIMENSION_LABELS,
  ENTERPRISE_STATUS_LABELS,
  SIZE_LABELS,
  aggregateCounts,
  dateRange,
  figuresOf,
  formatFigures,
} from '../../domain/resumption/index.ts';
import { regionLevelOfCode } from '../../domain/registry/region-code.ts';
import { enterpriseScopeFilter, enterpriseScopeOf } from '../access/scope.ts';
import type { SessionUser } from '../access/session-user.ts';
import type { AuditActor } from '../audit/audit.ts';
import { writeAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { badRequest, notFound } from '../http/problem.ts';
import { actorOf, shanghaiDay } from './actors.ts';
import type { Q } from './config.store.ts';
import { eventDto } from './events.ts';
import { countsFromColumns, snapshotOn } from './rollups.ts';
import { canSeeEnterprise } from './scope.ts';
import { applyWorkersReport, reasonLabel, statusLabel, withRollup } from './status.service.ts';

/**
 * 复工率 / 复岗率 from the snapshot rollups: the figures of a day are the rows of the latest snapshot on or before it.
 * The user's region limits the rows: the whole city/province, a county or a functional zone (rollups are kept per
 * county and zone); a user whose region is finer (township, grid) reads the current figures of its enterprises.
 */
type RollupFilter =
  | { kind: 'all' }
  | { kind: 'none' }
  | { kind: 'county'; code: string }
  | { kind: 'prefix'; code: string }
  | { kind: 'zone'; code: string }
  | { kind: 'live' };

function rollupFilterOf(user: SessionUser): RollupFilter {
  if (user.role === 'admin') return { kind: 'all' };
  if (!['leader', 'dept', 'cdc'].includes(user.role) || !user.regionCode) return { kind: 'none' };
  switch (regionLevelOfCode(user.regionCode)) {
    case 'province':
    case 'city':
      return { kind: 'prefix', code: user.regionCode };
    case 'county':
      return { kind: 'county', code: user.regionCode };
    case 'zone':
      return { kind: 'zone', code: user.regionCode };
    default:
      return { kind: 'live' };
  }
}

export interface StatsQuery {
  date?: string;
  groupBy: Dimension[];
  countyCode?: string;
  zoneCode?: string;
  industry?: string;
  size?: string;
  aboveScale?: boolean;
}

async function rollupRows(app: AppContext, user: SessionUser, q: StatsQuery, date: string): Promise<CountRow[]> {
  const k = app.db.kysely;
  const f = rollupFilterOf(user);
  if (f.kind === 'none') return [];
  if (f.kind === 'live') return liveRows(app, user, q);
  const snap = await snapshotOn(k, date);
  if (!snap) return [];
  let query = k.selectFrom('resumption_rollup').selectAll().where('date', '=', snap);
  if (f.kind === 'prefix') query = query.where('county_code', 'like', `${f.code}%`);
  if (f.kind === 'county') query = query.where('county_code', '=', f.code);
  if (f.kind === 'zone') query = query.where('zone_code', '=', f.code);
  query = filters(query, q);
  const rows = await query.execute();
  return rows.map((r) => ({
    ...countsFromColumns(r),
    regionCode: r.county_code,
    zoneCode: r.zone_code || null,
    industry: r.industry_section,
    size: r.size_class || null,
    aboveScale: r.above_scale === 1,
  }));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function filters<T extends { where: (...args: any[]) => T }>(query: T, q: StatsQuery): T {
  let out = query;
  if (q.countyCode) out = out.where('county_code', '=', q.countyCode);
  if (q.zoneCode) out = out.where('zone_code', '=', q.zoneCode);
  if (q.industry) out = out.where('industry_section', '=', q.industry);
  if (q.size) out = out.where('size_class', '=', q.size);
  if (q.aboveScale !== undefined) out = out.where('above_scale', '=', q.aboveScale ? 1 : 0);
  return out;
}

/** Current figures straight from the status table, for users whose region is finer than a county. */
async function liveRows(app: AppContext, user: SessionUser, q: StatsQuery): Promise<CountRow[]> {
  let query = app.db.kysely
    .selectFrom('resumption_enterprise_status')
    .innerJoin('enterprises', 'enterprises.id', 'resumption_enterprise_status.enterprise_id')
    .where(enterpriseScopeFilter(enterpriseScopeOf(user)))
    .selectAll('resumption_enterprise_status');
  if (q.countyCode) query = query.where('resumption_enterprise_status.county_code', '=', q.countyCode);
  if (q.zoneCode) query = query.where('resumption_enterprise_status.zone_code', '=', q.zoneCode);
  if (q.industry) query = query.where('resumption_enterprise_status.industry_section', '=', q.industry);
  if (q.size) query = query.where('resumption_enterprise_status.size_class', '=', q.size);
  if (q.aboveScale !== undefined)
    query = query.where('resumption_enterprise_status.above_scale', '=', q.aboveScale ? 1 : 0);
  const rows = await query.execute();
  return rows.map((s) => {
    const c: RateCounts = {
      enterprises: 1,
      resumed: s.status === 'resumed' ? 1 : 0,
      partiallyResumed: s.status === 'partially_resumed' ? 1 : 0,
      notResumed: s.status === 'not_resumed' ? 1 : 0,
      stopped: s.status === 'stopped' ? 1 : 0,
      filed: s.granted,
      plannedWorkers: s.planned_headcount,
      workersBack: s.workers_back,
      normalHeadcount: s.normal_headcount,
    };
    return {
      ...c,
      regionCode: s.county_code,
      zoneCode: s.zone_code || null,
      industry: s.industry_section,
      size: s.size_class || null,
      aboveScale: s.above_scale === 1,
    };
  });
}

function keyLabel(app: AppContext, dim: Dimension, v: unknown): string {
  if (v === null || v === undefined || v === '') return dim === 'zoneCode' ? '不在功能区' : '未分类';
  switch (dim) {
    case 'regionCode':
    case 'zoneCode':
      return app.regions.name(String(v)) ?? String(v);
    case 'size':
      return SIZE_LABELS[v as keyof typeof SIZE_LABELS] ?? String(v);
    case 'aboveScale':
      return v ? '规上' : '规下';
    case 'industry':
      return String(v);
  }
}

function groupDto(app: AppContext, g: RateGroup | RateFigures, groupBy: readonly Dimension[]) {
  const key = 'key' in g ? g.key : {};
  return {
    key,
    label: groupBy.map((d) => keyLabel(app, d, key[d])).join(' / ') || '合计',
    enterprises: g.enterprises,
    operating: g.operating,
    resumed: g.resumed,
    partiallyResumed: g.partiallyResumed,
    notResumed: g.notResumed,
    stopped: g.stopped,
    filed: g.filed,
    plannedWorkers: g.plannedWorkers,
    workersBack: g.workersBack,
    normalHeadcount: g.normalHeadcount,
    resumptionRatio: g.resumptionRate,
    reinstatementRatio: g.reinstatementRate,
    ...formatFigures(g),
  };
}

function sum(rows: readonly CountRow[]): RateFigures {
  const groups = aggregateCounts(rows, []);
  return (
    groups[0] ??
    figuresOf({
      enterprises: 0,
      resumed: 0,
      partiallyResumed: 0,
      notResumed: 0,
      stopped: 0,
      filed: 0,
      plannedWorkers: 0,
      workersBack: 0,
      normalHeadcount: 0,
    })
  );
}

export async function dashboard(app: AppContext, user: SessionUser, q: StatsQuery) {
  const date = q.date ?? shanghaiDay(app.clock.now());
  const rows = await rollupRows(app, user, q, date);
  const groupBy = q.groupBy.length ? q.groupBy : (['regionCode'] as Dimension[]);
  return {
    date,
    groupBy,
    dimensions: Object.entries(DIMENSION_LABELS).map(([value, label]) => ({ value, label })),
    total: groupDto(app, sum(rows), []),
    groups: aggregateCounts(rows, groupBy).map((g) => groupDto(app, g, groupBy)),
    source: '复工率=复工企业/企业总数，复岗率=返岗人数/正常用工人数（001 L27 口径）',
  };
}

/** The daily trend from the per-area snapshots (resumption_rollup_area). */
export async function trend(
  app: AppContext,
  user: SessionUser,
  q: { from: string; to: string; countyCode?: string; zoneCode?: string },
) {
  if (q.from > q.to) throw badRequest('开始日期：不得晚于结束日期', 'from');
  const dates = dateRange(q.from, q.to);
  if (dates.length > 366) throw badRequest('日期范围：不得超过一年', 'from');
  const f = rollupFilterOf(user);
  if (f.kind === 'none') return { points: [] };
  if (f.kind === 'live') {
    const today = sum(await liveRows(app, user, { ...q, groupBy: [] }));
    return { points: [{ date: shanghaiDay(app.clock.now()), ...groupDto(app, today, []) }] };
  }
  const k = app.db.kysely;
  const first = (await snapshotOn(k, q.from)) ?? q.from;
  let query = k.selectFrom('resumption_rollup_area').selectAll().where('date', '>=', first).where('date', '<=', q.to);
  if (f.kind === 'prefix') query = query.where('county_code', 'like', `${f.code}%`);
  if (f.kind === 'county') query = query.where('county_code', '=', f.code);
  if (f.kind === 'zone') query = query.where('zone_code', '=', f.code);
  if (q.countyCode) query = query.where('county_code', '=', q.countyCode);
  if (q.zoneCode) query = query.where('zone_code', '=', q.zoneCode);
  const rows = await query.execute();
  const bySnap = new Map<string, CountRow[]>();
  for (const r of rows) {
    const list = bySnap.get(r.date) ?? [];
    list.push(countsFromColumns(r));
    bySnap.set(r.date, list);
  }
  const snaps = [...bySnap.keys()].sort();
  let i = -1;
  const points = dates.map((d) => {
    while (i + 1 < snaps.length && snaps[i + 1]! <= d) i++;
    const figs = sum(i >= 0 ? bySnap.get(snaps[i]!)! : []);
    return { date: d, ...groupDto(app, figs, []) };
  });
  return { points };
}

/** Drill-down: the enterprises behind a group, with their current status and figures. */
export async function drillEnterprises(
  app: AppContext,
  user: SessionUser,
  q: StatsQuery & { status?: string; page: number; pageSize: number },
) {
  // Region-level scopes filter the status rows' own county / zone (kept in step with the registry); finer scopes
  // (township, grid, liaison) go through the registry's scope filter.
  const f = rollupFilterOf(user);
  let base = app.db.kysely
    .selectFrom('resumption_enterprise_status as s')
    .innerJoin('enterprises', 'enterprises.id', 's.enterprise_id');
  if (f.kind === 'none') base = base.where((eb) => eb.or([]));
  else if (f.kind === 'prefix') base = base.where('s.county_code', 'like', `${f.code}%`);
  else if (f.kind === 'county') base = base.where('s.county_code', '=', f.code);
  else if (f.kind === 'zone') base = base.where('s.zone_code', '=', f.code);
  else if (f.kind === 'live') base = base.where(enterpriseScopeFilter(enterpriseScopeOf(user)));
  if (q.countyCode) base = base.where('s.county_code', '=', q.countyCode);
  if (q.zoneCode !== undefined) base = base.where('s.zone_code', '=', q.zoneCode);
  if (q.industry) base = base.where('s.industry_section', '=', q.industry);
  if (q.size !== undefined) base = base.where('s.size_class', '=', q.size);
  if (q.aboveScale !== undefined) base = base.where('s.above_scale', '=', q.aboveScale ? 1 : 0);
  if (q.status) base = base.where('s.status', '=', q.status);
  const [rows, count] = await Promise.all([
    base
      .select([
        's.enterprise_id',
        'enterprises.name',
        's.status',
        's.status_date',
        's.county_code',
        's.zone_code',
        's.industry_section',
        's.size_class',
        's.above_scale',
        's.normal_headcount',
        's.planned_headcount',
        's.workers_back',
        's.workers_back_date',
        's.granted',
      ])
      .orderBy('s.enterprise_id')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      enterpriseId: r.enterprise_id,
      name: r.name,
      status: r.status,
      statusLabel: statusLabel(r.status),
      statusDate: r.status_date,
      countyName: app.regions.name(r.county_code) ?? r.county_code,
      zoneName: r.zone_code ? (app.regions.name(r.zone_code) ?? r.zone_code) : null,
      industry: r.industry_section,
      size: r.size_class || null,
      aboveScale: r.above_scale === 1,
      normalHeadcount: r.normal_headcount,
      plannedHeadcount: r.planned_headcount,
      workersBack: r.workers_back,
      workersBackDate: r.workers_back_date,
      filed: r.granted === 1,
    })),
    total: Number(count.n),
  };
}

/** One enterprise's resumption record: status with history, workers back per day, the whole timeline (全程记录). */
export async function enterpriseRecord(app: AppContext, user: SessionUser, enterpriseId: number) {
  if (!(await canSeeEnterprise(app, user, enterpriseId))) throw notFound('企业不存在');
  const k = app.db.kysely;
  const e = await k
    .selectFrom('enterprises')
    .select(['id', 'name', 'county_code'])
    .where('id', '=', enterpriseId)
    .executeTakeFirst();
  if (!e) throw notFound('企业不存在');
  const [status, history, workers, events] = await Promise.all([
    k
      .selectFrom('resumption_enterprise_status')
      .selectAll()
      .where('enterprise_id', '=', enterpriseId)
      .executeTakeFirst(),
    k
      .selectFrom('resumption_status_history')
      .selectAll()
      .where('enterprise_id', '=', enterpriseId)
      .orderBy('id')
      .execute(),
    k
      .selectFrom('resumption_worker_reports')
      .selectAll()
      .where('enterprise_id', '=', enterpriseId)
      .orderBy('date')
      .execute(),
    k.selectFrom('resumption_events').selectAll().where('enterprise_id', '=', enterpriseId).orderBy('id').execute(),
  ]);
  return {
    enterprise: { id: e.id, name: e.name, countyName: app.regions.name(e.county_code) ?? e.county_code },
    status: status
      ? {
          status: status.status,
          statusLabel: statusLabel(status.status),
          statusDate: status.status_date,
          granted: status.granted === 1,
          normalHeadcount: status.normal_headcount,
          plannedHeadcount: status.planned_headcount,
          workersBack: status.workers_back,
          workersBackDate: status.workers_back_date,
        }
      : {
          status: 'not_resumed',
          statusLabel: ENTERPRISE_STATUS_LABELS.not_resumed,
          statusDate: null,
          granted: false,
          normalHeadcount: 0,
          plannedHeadcount: 0,
          workersBack: 0,
          workersBackDate: null,
        },
    history: history.map((h) => ({
      status: h.status,
      statusLabel: statusLabel(h.status),
      date: h.date,
      at: h.at,
      reason: h.reason,
      reasonLabel: reasonLabel(h.reason),
      actorName: h.actor_name,
      note: h.note,
    })),
    workers: workers.map((w) => ({ date: w.date, workersBack: w.workers_back, reportedAt: w.reported_at })),
    timeline: events.map(eventDto),
  };
}

/** The enterprise reports its workers back for a day (复岗). */
export async function reportWorkers(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  input: { date: string; workersBack: number },
) {
  const enterpriseId = user.enterpriseId;
  if (user.role !== 'ent_admin' || !enterpriseId) throw notFound('企业不存在');
  const now = app.clock.now();
  if (input.date > shanghaiDay(now)) throw badRequest('日期：不得晚于今天', 'date');
  return app.db.kysely.transaction().execute(async (trx: Q) => {
    const r = await withRollup(trx, app.db, enterpriseId, now, async () => {
      const res = await applyWorkersReport(trx, enterpriseId, input, actorOf(user), now);
      if (!res.ok) throw badRequest(res.error, 'workersBack');
      return { result: res, from: input.date };
    });
    await writeAudit(
      trx,
      app.db.dialect,
      actor,
      {
        action: 'resumption.workers.report',
        objectType: 'enterprise',
        objectId: enterpriseId,
        after: input,
        summary: `填报${input.date}返岗${input.workersBack}人`,
      },
      now,
    );
    return {
      date: input.date,
      workersBack: input.workersBack,
      statusChanged: r.statusChanged ? r.statusChanged.status : null,
    };
  });
}

export { figuresOf };
