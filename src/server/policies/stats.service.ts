import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { FUNDING_LEVEL_LABEL, policyById } from '../../domain/policy/index.ts';
import type { FundingLevel } from '../../domain/policy/index.ts';
import { addDaysIso, isoToDays } from '../../domain/policy/dates.ts';
import { regionLevelOfCode } from '../../domain/registry/region-code.ts';
import type { SessionUser } from '../access/session-user.ts';
import { enterpriseScopeOf } from '../access/scope.ts';
import type { AppContext } from '../context.ts';
import type { Database } from '../db/schema.ts';
import { writeSheet } from '../files/spreadsheet-writer.ts';
import { today } from './common.ts';
import { departmentKindLabel } from './ownership.ts';
import { fenToYuanText } from './payments.service.ts';
import type { CaseScope } from './scope.ts';
import { enterprisesVisible } from './scope.ts';

/**
 * 惠企政策兑现统计 (seed 002 L43–L57): 兑现金额 (paid), 兑现企业数 (distinct enterprises paid) and coverage =
 * enterprises paid ÷ enterprises found eligible (by a batch or an approved application), by department, region and
 * policy, for the region the user oversees; and the weekly dispatch table (一周一调度, seed 002 L463).
 */
const LIVE_BATCH = ['review', 'approving', 'approved'] as const;
const ELIGIBLE_APPLICATION = ['publicity', 'ordered', 'paid'] as const;

type Dim = 'department_kind' | 'policy_id' | 'county_code' | 'township_code';

function statsScope(user: SessionUser): CaseScope {
  return { enterprises: enterpriseScopeOf(user), departmentKind: null };
}

/** Regions are counties for city-wide (or wider) users, townships for county and zone users. */
function regionDim(user: SessionUser): 'county_code' | 'township_code' {
  const level = user.regionCode ? regionLevelOfCode(user.regionCode) : null;
  return level === 'county' || level === 'zone' || level === 'township' ? 'township_code' : 'county_code';
}

interface Agg {
  key: string | null;
  amountFen: number;
  enterprisesPaid: number;
  orders: number;
}

function paidBase(db: Kysely<Database>, scope: CaseScope, range: { from?: string; to?: string }) {
  let q = db
    .selectFrom('policy_payment_orders as o')
    .innerJoin('enterprises', 'enterprises.id', 'o.enterprise_id')
    .where('o.status', '=', 'paid')
    .where(enterprisesVisible(scope));
  if (range.from) q = q.where('o.paid_on', '>=', range.from);
  if (range.to) q = q.where('o.paid_on', '<=', range.to);
  return q;
}

const DIM_COLUMN: Record<Dim, { order: string; eligible: string }> = {
  department_kind: { order: 'o.department_kind', eligible: 'department_kind' },
  policy_id: { order: 'o.policy_id', eligible: 'policy_id' },
  county_code: { order: 'enterprises.county_code', eligible: 'county_code' },
  township_code: { order: 'enterprises.township_code', eligible: 'township_code' },
};

async function paidBy(
  db: Kysely<Database>,
  scope: CaseScope,
  dim: Dim | null,
  range: { from?: string; to?: string } = {},
): Promise<Agg[]> {
  const q = paidBase(db, scope, range).select((eb) => [
    eb.fn.sum<number>('o.amount_fen').as('fen'),
    sql<number>`count(distinct o.enterprise_id)`.as('ents'),
    eb.fn.countAll<number>().as('n'),
  ]);
  if (!dim) {
    const r = await q.executeTakeFirstOrThrow();
    return [{ key: null, amountFen: Number(r.fen ?? 0), enterprisesPaid: Number(r.ents), orders: Number(r.n) }];
  }
  const col = sql.ref(DIM_COLUMN[dim].order);
  const rows = await q
    .select(sql<string | null>`${col}`.as('k'))
    .groupBy(col)
    .execute();
  return rows.map((r) => ({
    key: r.k,
    amountFen: Number(r.fen ?? 0),
    enterprisesPaid: Number(r.ents),
    orders: Number(r.n),
  }));
}

function eligibleUnion(db: Kysely<Database>, scope: CaseScope) {
  const items = db
    .selectFrom('policy_batch_items as i')
    .innerJoin('policy_batches as b', 'b.id', 'i.batch_id')
    .innerJoin('enterprises', 'enterprises.id', 'i.enterprise_id')
    .select([
      'i.enterprise_id as enterprise_id',
      'b.department_kind as department_kind',
      'b.policy_id as policy_id',
      'enterprises.county_code as county_code',
      'enterprises.township_code as township_code',
    ])
    .where('b.status', 'in', [...LIVE_BATCH])
    .where('i.status', '=', 'included')
    .where(enterprisesVisible(scope));
  const apps = db
    .selectFrom('policy_applications as a')
    .innerJoin('enterprises', 'enterprises.id', 'a.enterprise_id')
    .select([
      'a.enterprise_id as enterprise_id',
      'a.department_kind as department_kind',
      'a.policy_id as policy_id',
      'enterprises.county_code as county_code',
      'enterprises.township_code as township_code',
    ])
    .where('a.status', 'in', [...ELIGIBLE_APPLICATION])
    .where(enterprisesVisible(scope));
  return items.union(apps);
}

async function eligibleBy(
  db: Kysely<Database>,
  scope: CaseScope,
  dim: Dim | null,
): Promise<Map<string | null, number>> {
  const base = db.selectFrom(eligibleUnion(db, scope).as('x'));
  if (!dim) {
    const r = await base.select(sql<number>`count(distinct x.enterprise_id)`.as('n')).executeTakeFirstOrThrow();
    return new Map([[null, Number(r.n)]]);
  }
  const col = sql.ref(`x.${DIM_COLUMN[dim].eligible}`);
  const rows = await base
    .select([sql<string | null>`${col}`.as('k'), sql<number>`count(distinct x.enterprise_id)`.as('n')])
    .groupBy(col)
    .execute();
  return new Map(rows.map((r) => [r.k, Number(r.n)]));
}

export interface StatRow {
  key: string;
  name: string;
  amountFen: number;
  enterprisesPaid: number;
  orders: number;
  eligible: number;
  /** enterprisesPaid ÷ eligible; 0 when nobody is eligible yet. */
  coverage: number;
}

function combine(paid: Agg[], eligible: Map<string | null, number>, name: (k: string | null) => string): StatRow[] {
  const keys = new Set<string | null>([...paid.map((p) => p.key), ...eligible.keys()]);
  return [...keys]
    .map((key) => {
      const p = paid.find((x) => x.key === key);
      const e = eligible.get(key) ?? 0;
      const enterprisesPaid = p?.enterprisesPaid ?? 0;
      return {
        key: key ?? '',
        name: name(key),
        amountFen: p?.amountFen ?? 0,
        enterprisesPaid,
        orders: p?.orders ?? 0,
        eligible: e,
        coverage: e === 0 ? 0 : enterprisesPaid / e,
      };
    })
    .sort((a, b) => b.amountFen - a.amountFen || b.eligible - a.eligible || a.key.localeCompare(b.key));
}

export async function policyStats(app: AppContext, user: SessionUser) {
  const db = app.db.kysely;
  const scope = statsScope(user);
  const regionKey = regionDim(user);
  const regionName = (k: string | null) => (k ? (app.regions.name(k) ?? k) : '未划分乡镇（街道）');
  const [paidTotal, eligibleTotal, byDept, eDept, byRegion, eRegion, byPolicy, ePolicy, levels, pending] =
    await Promise.all([
      paidBy(db, scope, null),
      eligibleBy(db, scope, null),
      paidBy(db, scope, 'department_kind'),
      eligibleBy(db, scope, 'department_kind'),
      paidBy(db, scope, regionKey),
      eligibleBy(db, scope, regionKey),
      paidBy(db, scope, 'policy_id'),
      eligibleBy(db, scope, 'policy_id'),
      db
        .selectFrom('policy_funding_entries as f')
        .innerJoin('policy_payment_orders as o', 'o.id', 'f.order_id')
        .innerJoin('enterprises', 'enterprises.id', 'o.enterprise_id')
        .where('o.status', '=', 'paid')
        .where(enterprisesVisible(scope))
        .select((eb) => ['f.level', eb.fn.sum<number>('f.amount_fen').as('fen')])
        .groupBy('f.level')
        .execute(),
      db
        .selectFrom('policy_payment_orders as o')
        .innerJoin('enterprises', 'enterprises.id', 'o.enterprise_id')
        .where('o.status', 'in', ['pending', 'exported'])
        .where(enterprisesVisible(scope))
        .select((eb) => [eb.fn.sum<number>('o.amount_fen').as('fen'), eb.fn.countAll<number>().as('n')])
        .executeTakeFirstOrThrow(),
    ]);
  const total = combine(paidTotal, eligibleTotal, () => '合计')[0]!;
  return {
    scope: user.regionCode ? app.regions.path(user.regionCode) || user.regionCode : '全部',
    regionLevel: regionKey === 'county_code' ? '县（区）' : '乡镇（街道）',
    total,
    awaitingPayment: { orders: Number(pending.n), amountFen: Number(pending.fen ?? 0) },
    byDepartment: combine(byDept, eDept, (k) => `${departmentKindLabel(k ?? '')}部门`),
    byRegion: combine(byRegion, eRegion, regionName),
    byPolicy: combine(byPolicy, ePolicy, (k) => policyById(k ?? '')?.title ?? k ?? ''),
    byLevel: levels
      .map((l) => ({
        level: l.level,
        label: FUNDING_LEVEL_LABEL[l.level as FundingLevel] ?? l.level,
        amountFen: Number(l.fen ?? 0),
      }))
      .sort((a, b) => b.amountFen - a.amountFen),
  };
}

/** Monday of the week of `date` (ISO weeks start on Monday). */
export function weekStartOf(date: string): string {
  const days = isoToDays(date);
  // 1970-01-01 was a Thursday: day 0 → weekday 4 (Mon = 1 … Sun = 7).
  const weekday = ((((days + 3) % 7) + 7) % 7) + 1;
  return addDaysIso(date, 1 - weekday);
}

export interface DispatchRow {
  unit: string;
  kind: 'region' | 'department';
  weekFen: number;
  weekEnterprises: number;
  totalFen: number;
  totalEnterprises: number;
  eligible: number;
  coverage: number;
  pendingApplications: number;
  overdueApplications: number;
}

/**
 * 一周一调度: one row per township/street (or county) and per department, with this week's and the cumulative
 * 兑现金额 and 兑现企业数, the coverage, and the applications still waiting (and overdue) for review.
 */
export async function weeklyDispatch(app: AppContext, user: SessionUser, week?: string) {
  const db = app.db.kysely;
  const scope = statsScope(user);
  const t = today(app);
  const start = weekStartOf(week ?? t);
  const end = addDaysIso(start, 6);
  const regionKey = regionDim(user);
  const [weekRegion, totalRegion, eRegion, weekDept, totalDept, eDept, waiting] = await Promise.all([
    paidBy(db, scope, regionKey, { from: start, to: end }),
    paidBy(db, scope, regionKey, { to: end }),
    eligibleBy(db, scope, regionKey),
    paidBy(db, scope, 'department_kind', { from: start, to: end }),
    paidBy(db, scope, 'department_kind', { to: end }),
    eligibleBy(db, scope, 'department_kind'),
    db
      .selectFrom('policy_applications as a')
      .innerJoin('enterprises', 'enterprises.id', 'a.enterprise_id')
      .where('a.status', '=', 'submitted')
      .where(enterprisesVisible(scope))
      .select([
        'a.department_kind',
        sql.ref<string | null>(`enterprises.${regionKey}`).as('region'),
        sql<number>`count(*)`.as('n'),
        sql<number>`sum(case when a.due_date < ${t} then 1 else 0 end)`.as('overdue'),
      ])
      .groupBy(['a.department_kind', sql.ref(`enterprises.${regionKey}`)])
      .execute(),
  ]);
  const units = (
    kind: 'region' | 'department',
    weekly: Agg[],
    total: Agg[],
    eligible: Map<string | null, number>,
    name: (k: string | null) => string,
    waitingOf: (k: string | null) => { n: number; overdue: number },
  ): DispatchRow[] => {
    const keys = new Set<string | null>([...total.map((x) => x.key), ...eligible.keys()]);
    for (const w of waiting) keys.add(kind === 'region' ? w.region : w.department_kind);
    return [...keys]
      .map((k) => {
        const wk = weekly.find((x) => x.key === k);
        const tot = total.find((x) => x.key === k);
        const e = eligible.get(k) ?? 0;
        const wait = waitingOf(k);
        return {
          unit: name(k),
          kind,
          weekFen: wk?.amountFen ?? 0,
          weekEnterprises: wk?.enterprisesPaid ?? 0,
          totalFen: tot?.amountFen ?? 0,
          totalEnterprises: tot?.enterprisesPaid ?? 0,
          eligible: e,
          coverage: e === 0 ? 0 : (tot?.enterprisesPaid ?? 0) / e,
          pendingApplications: wait.n,
          overdueApplications: wait.overdue,
        };
      })
      .sort((a, b) => b.totalFen - a.totalFen || a.unit.localeCompare(b.unit));
  };
  const sumWaiting = (pick: (w: (typeof waiting)[number]) => boolean) =>
    waiting.filter(pick).reduce((s, w) => ({ n: s.n + Number(w.n), overdue: s.overdue + Number(w.overdue) }), {
      n: 0,
      overdue: 0,
    });
  const regions = units(
    'region',
    weekRegion,
    totalRegion,
    eRegion,
    (k) => (k ? (app.regions.name(k) ?? k) : '未划分乡镇（街道）'),
    (k) => sumWaiting((w) => w.region === k),
  );
  const departments = units(
    'department',
    weekDept,
    totalDept,
    eDept,
    (k) => `${departmentKindLabel(k ?? '')}部门`,
    (k) => sumWaiting((w) => w.department_kind === k),
  );
  const sum = (rows: DispatchRow[]): DispatchRow => {
    const totalEnterprises = rows.reduce((s, r) => s + r.totalEnterprises, 0);
    const eligible = rows.reduce((s, r) => s + r.eligible, 0);
    return {
      unit: '合计',
      kind: 'region',
      weekFen: rows.reduce((s, r) => s + r.weekFen, 0),
      weekEnterprises: rows.reduce((s, r) => s + r.weekEnterprises, 0),
      totalFen: rows.reduce((s, r) => s + r.totalFen, 0),
      totalEnterprises,
      eligible,
      coverage: eligible === 0 ? 0 : totalEnterprises / eligible,
      pendingApplications: rows.reduce((s, r) => s + r.pendingApplications, 0),
      overdueApplications: rows.reduce((s, r) => s + r.overdueApplications, 0),
    };
  };
  return {
    weekStart: start,
    weekEnd: end,
    scope: user.regionCode ? app.regions.path(user.regionCode) || user.regionCode : '全部',
    regionLevel: regionKey === 'county_code' ? '县（区）' : '乡镇（街道）',
    regions,
    departments,
    total: sum(regions),
  };
}

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

export async function writeStatsWorkbook(app: AppContext, user: SessionUser, file: string) {
  const stats = await policyStats(app, user);
  async function* rows() {
    yield [
      '合计',
      '合计',
      fenToYuanText(stats.total.amountFen),
      stats.total.enterprisesPaid,
      stats.total.eligible,
      percent(stats.total.coverage),
    ];
    for (const [dim, list] of [
      ['部门', stats.byDepartment],
      [stats.regionLevel, stats.byRegion],
      ['政策', stats.byPolicy],
    ] as const) {
      for (const r of list)
        yield [dim, r.name, fenToYuanText(r.amountFen), r.enterprisesPaid, r.eligible, percent(r.coverage)];
    }
    for (const l of stats.byLevel) yield ['资金分担', l.label, fenToYuanText(l.amountFen), null, null, null];
  }
  return writeSheet(
    file,
    '惠企政策兑现统计',
    [
      { header: '维度', width: 12 },
      { header: '名称', width: 50 },
      { header: '兑现金额（元）', width: 18 },
      { header: '兑现企业数', width: 12 },
      { header: '符合条件企业数', width: 14 },
      { header: '覆盖面（兑现÷符合）', width: 18 },
    ],
    { exportedBy: `${user.displayName}（${user.username}）`, exportedAt: app.clock.now(), scope: stats.scope },
    rows(),
  );
}

export async function writeDispatchWorkbook(app: AppContext, user: SessionUser, file: string, week?: string) {
  const d = await weeklyDispatch(app, user, week);
  async function* rows() {
    for (const r of [...d.regions, d.total, ...d.departments]) {
      yield [
        r.unit,
        r.kind === 'department' ? '部门' : r.unit === '合计' ? '合计' : d.regionLevel,
        fenToYuanText(r.weekFen),
        r.weekEnterprises,
        fenToYuanText(r.totalFen),
        r.totalEnterprises,
        r.eligible,
        percent(r.coverage),
        r.pendingApplications,
        r.overdueApplications,
      ];
    }
  }
  return writeSheet(
    file,
    `惠企政策兑现一周一调度（${d.weekStart}至${d.weekEnd}）`,
    [
      { header: '责任单位', width: 24 },
      { header: '类别', width: 12 },
      { header: '本周兑现金额（元）', width: 18 },
      { header: '本周兑现企业数', width: 14 },
      { header: '累计兑现金额（元）', width: 18 },
      { header: '累计兑现企业数', width: 14 },
      { header: '符合条件企业数', width: 14 },
      { header: '企业受益覆盖面', width: 14 },
      { header: '待审核申请', width: 12 },
      { header: '超期未审', width: 10 },
    ],
    { exportedBy: `${user.displayName}（${user.username}）`, exportedAt: app.clock.now(), scope: d.scope },
    rows(),
  );
}
