/**
 * 复工率 and 复岗率 by any dimension, the trend over days, and the Monday weekly report (seed 003 L497).
 *
 * - 复工率 (resumption rate) = enterprises operating (已复工 + 部分复工) ÷ enterprises. 停工整改 is not operating.
 * - 全面复工率 = 已复工 ÷ enterprises.
 * - 复岗率 (reinstatement rate) = workers back ÷ normal headcount.
 * - 报备 figures (seed 001 L27: 2,928 enterprises filed, 85,492 workers filed) count enterprises granted resumption
 *   and the planned headcount of their plans.
 * All figures are integer counts; rates are exact ratios formatted with one decimal (`59.2%`).
 */
import type { Citation } from './citations.ts';
import { c001, c003, c004 } from './citations.ts';
import type { Ratio } from './ratio.ts';
import { formatPercent, formatPointChange, permilleChange, ratio } from './ratio.ts';
import type { EnterpriseStatus, StatusHistory, WorkerDailyReport } from './status.ts';
import { ENTERPRISE_STATUS_LABELS } from './status.ts';
import { addDays, compareInstants, formatChineseDate, isIsoDate, isoWeekday } from './time.ts';

export const RATE_SOURCES = Object.freeze({
  filedFigures: c001(27, '目前,南昌高新区已报备复工复产企业2928家,报备复工人数85492人,其中规上工业181家,复工率100%'),
  resumptionRateExample: c004(21, '已有90家企业复工复产，复产率达59.2%'),
  smeRate: c003(382, '提高中小企业复工率'),
  weeklyReport: c003(497, '每周一向省发展改革委、省工业和信息化厅报送本地区上周复工复产情况'),
  notifiedOn: c003(499, '2020年2月10日'),
});

// ───────────────────────────── rows ─────────────────────────────

export type EnterpriseSize = 'large' | 'medium' | 'small' | 'micro';

/** Sizes by 工信部联企业〔2011〕300号 (classified in the registry). */
export const SIZE_LABELS: Readonly<Record<EnterpriseSize, string>> = {
  large: '大型',
  medium: '中型',
  small: '小型',
  micro: '微型',
};

/** One enterprise on one day (dashboards read these rollups, not raw rows). */
export interface RollupRow {
  readonly enterpriseId: string;
  /** County code (GB/T 2260). */
  readonly regionCode: string;
  /** Functional zone (高新区, 经开区 …) or null. */
  readonly zoneCode: string | null;
  /** Industry (GB/T 4754 section or division code). */
  readonly industry: string;
  readonly size: EnterpriseSize;
  /** 规上 (规模以上工业 / 限额以上). */
  readonly aboveScale: boolean;
  readonly status: EnterpriseStatus;
  readonly workersBack: number;
  readonly normalHeadcount: number;
  /** Resumption granted (报备/承诺/审批/申报) on or before the day. */
  readonly filed?: boolean;
  /** Planned headcount of the resumption plan (报备复工人数). */
  readonly plannedWorkers?: number;
}

export type Dimension = 'regionCode' | 'zoneCode' | 'industry' | 'size' | 'aboveScale';

export const DIMENSION_LABELS: Readonly<Record<Dimension, string>> = {
  regionCode: '地区',
  zoneCode: '功能区',
  industry: '行业',
  size: '企业规模',
  aboveScale: '规上企业',
};

export type DimensionValue = string | boolean | null;

export interface RateFigures {
  readonly enterprises: number;
  /** 已复工 */
  readonly resumed: number;
  /** 部分复工 */
  readonly partiallyResumed: number;
  /** 未复工 */
  readonly notResumed: number;
  /** 停工整改 */
  readonly stopped: number;
  /** 已复工 + 部分复工 */
  readonly operating: number;
  readonly filed: number;
  readonly plannedWorkers: number;
  readonly workersBack: number;
  readonly normalHeadcount: number;
  /** operating ÷ enterprises */
  readonly resumptionRate: Ratio;
  /** resumed ÷ enterprises */
  readonly fullResumptionRate: Ratio;
  /** workersBack ÷ normalHeadcount */
  readonly reinstatementRate: Ratio;
}

export interface RateGroup extends RateFigures {
  readonly key: Readonly<Partial<Record<Dimension, DimensionValue>>>;
}

interface Acc {
  enterprises: number;
  resumed: number;
  partiallyResumed: number;
  notResumed: number;
  stopped: number;
  filed: number;
  plannedWorkers: number;
  workersBack: number;
  normalHeadcount: number;
}

function newAcc(): Acc {
  return {
    enterprises: 0,
    resumed: 0,
    partiallyResumed: 0,
    notResumed: 0,
    stopped: 0,
    filed: 0,
    plannedWorkers: 0,
    workersBack: 0,
    normalHeadcount: 0,
  };
}

function add(a: Acc, r: RollupRow): void {
  a.enterprises++;
  switch (r.status) {
    case 'resumed':
      a.resumed++;
      break;
    case 'partially_resumed':
      a.partiallyResumed++;
      break;
    case 'stopped':
      a.stopped++;
      break;
    default:
      a.notResumed++;
  }
  if (r.filed) {
    a.filed++;
    a.plannedWorkers += r.plannedWorkers ?? 0;
  }
  a.workersBack += r.workersBack;
  a.normalHeadcount += r.normalHeadcount;
}

function figures(a: Acc): RateFigures {
  const operating = a.resumed + a.partiallyResumed;
  return {
    ...a,
    operating,
    resumptionRate: ratio(operating, a.enterprises),
    fullResumptionRate: ratio(a.resumed, a.enterprises),
    reinstatementRate: ratio(a.workersBack, a.normalHeadcount),
  };
}

/** Totals over rows. */
export function totals(rows: readonly RollupRow[]): RateFigures {
  const a = newAcc();
  for (const r of rows) add(a, r);
  return figures(a);
}

/** 复工率 over rows. */
export function resumptionRate(rows: readonly RollupRow[]): Ratio {
  return totals(rows).resumptionRate;
}

/** 复岗率 = workers back ÷ normal headcount over rows. */
export function reinstatementRate(rows: readonly RollupRow[]): Ratio {
  let back = 0;
  let normal = 0;
  for (const r of rows) {
    back += r.workersBack;
    normal += r.normalHeadcount;
  }
  return ratio(back, normal);
}

function compareValues(a: DimensionValue | undefined, b: DimensionValue | undefined): number {
  const rank = (v: DimensionValue | undefined) => (v === null || v === undefined ? 2 : typeof v === 'boolean' ? 0 : 1);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 0 : a ? -1 : 1; // 规上 first
  const x = String(a ?? '');
  const y = String(b ?? '');
  return x < y ? -1 : x > y ? 1 : 0;
}

type GroupKey = Partial<Record<Dimension, DimensionValue>>;

function groupInto<R extends Readonly<Partial<Record<Dimension, DimensionValue>>>>(
  rows: readonly R[],
  groupBy: readonly Dimension[],
  accumulate: (acc: Acc, row: R) => void,
): RateGroup[] {
  const groups = new Map<string, { key: GroupKey; acc: Acc }>();
  const dims = groupBy.length;
  for (const r of rows) {
    // A collision-free key without allocating: null, true and false get control-character codes.
    let id = '';
    for (let i = 0; i < dims; i++) {
      const v = r[groupBy[i]!] ?? null;
      id += (i ? '\u001f' : '') + (v === null ? '\u0000' : v === true ? '\u0001' : v === false ? '\u0002' : v);
    }
    let g = groups.get(id);
    if (!g) {
      const key: GroupKey = {};
      for (const d of groupBy) key[d] = r[d] ?? null;
      g = { key, acc: newAcc() };
      groups.set(id, g);
    }
    accumulate(g.acc, r);
  }
  const out = [...groups.values()].map((g) => ({ key: g.key, ...figures(g.acc) }));
  out.sort((x, y) => {
    for (const d of groupBy) {
      const c = compareValues(x.key[d], y.key[d]);
      if (c !== 0) return c;
    }
    return 0;
  });
  return out;
}

/**
 * Groups rows by any dimensions (none = one group with the totals). Groups are sorted by their key values
 * (规上 before 非规上, nulls last).
 */
export function aggregateRates(rows: readonly RollupRow[], groupBy: readonly Dimension[]): RateGroup[] {
  if (groupBy.length === 0) return rows.length === 0 ? [] : [{ key: {}, ...totals(rows) }];
  return groupInto(rows, groupBy, add);
}

// ───────────────────────────── counts (rollup tables) ─────────────────────────────

/**
 * The counts of a group of enterprises on a day, as a rollup table keeps them (one row per date and group, summed
 * instead of one row per enterprise). Every figure of a group follows from its counts.
 */
export interface RateCounts {
  readonly enterprises: number;
  readonly resumed: number;
  readonly partiallyResumed: number;
  readonly notResumed: number;
  readonly stopped: number;
  readonly filed: number;
  readonly plannedWorkers: number;
  readonly workersBack: number;
  readonly normalHeadcount: number;
}

export const COUNT_FIELDS = [
  'enterprises',
  'resumed',
  'partiallyResumed',
  'notResumed',
  'stopped',
  'filed',
  'plannedWorkers',
  'workersBack',
  'normalHeadcount',
] as const satisfies readonly (keyof RateCounts)[];

export const ZERO_COUNTS: RateCounts = Object.freeze(newAcc());

/** One enterprise's contribution to the counts of its group. */
export function countsOfRow(row: RollupRow): RateCounts {
  const a = newAcc();
  add(a, row);
  return a;
}

/** `a + b` (or `a − b` with sign −1), field by field. */
export function addCounts(a: RateCounts, b: RateCounts, sign: 1 | -1 = 1): RateCounts {
  const out = newAcc();
  for (const f of COUNT_FIELDS) out[f] = a[f] + sign * b[f];
  return out;
}

export function isZeroCounts(c: RateCounts): boolean {
  return COUNT_FIELDS.every((f) => c[f] === 0);
}

/** The figures (rates included) of summed counts. */
export function figuresOf(c: RateCounts): RateFigures {
  return figures({ ...c });
}

/** A rollup row: a group's dimension values and its counts. */
export type CountRow = RateCounts & Readonly<Partial<Record<Dimension, DimensionValue>>>;

/** `aggregateRates` over rollup rows that already hold counts (each row stands for a group of enterprises). */
export function aggregateCounts(rows: readonly CountRow[], groupBy: readonly Dimension[]): RateGroup[] {
  return groupInto(rows, groupBy, (acc, r) => {
    for (const f of COUNT_FIELDS) acc[f] += r[f];
  });
}

/** Drill-down: the rows of one group (e.g. `{ regionCode: '360111', aboveScale: true }`). */
export function drillDown(
  rows: readonly RollupRow[],
  filter: Readonly<Partial<Record<Dimension, DimensionValue>>>,
): RollupRow[] {
  const entries = Object.entries(filter) as [Dimension, DimensionValue][];
  return rows.filter((r) => entries.every(([d, v]) => r[d] === v));
}

/** Chinese display strings of a group's figures. */
export function formatFigures(f: RateFigures) {
  return {
    resumptionRate: formatPercent(f.resumptionRate),
    fullResumptionRate: formatPercent(f.fullResumptionRate),
    reinstatementRate: formatPercent(f.reinstatementRate),
    summary: `企业${f.enterprises}家，复工${f.operating}家（其中部分复工${f.partiallyResumed}家），复工率${formatPercent(
      f.resumptionRate,
    )}；返岗${f.workersBack}人，复岗率${formatPercent(f.reinstatementRate)}${f.stopped ? `；停工整改${f.stopped}家` : ''}`,
  };
}

export function statusLabel(status: EnterpriseStatus): string {
  return ENTERPRISE_STATUS_LABELS[status];
}

// ───────────────────────────── rows from histories ─────────────────────────────

/** Registry facts of an enterprise needed for the rollup. */
export interface EnterpriseProfile {
  readonly enterpriseId: string;
  readonly regionCode: string;
  readonly zoneCode: string | null;
  readonly industry: string;
  readonly size: EnterpriseSize;
  readonly aboveScale: boolean;
  readonly normalHeadcount: number;
  /** Planned headcount of its latest resumption plan (0 without one). */
  readonly plannedHeadcount: number;
}

/** Indexes histories once, so rows for many dates (the trend) are cheap. */
export class RollupIndex {
  private readonly statuses = new Map<
    string,
    { date: string; at: string; status: EnterpriseStatus; granted: boolean }[]
  >();
  private readonly reports = new Map<string, { date: string; workersBack: number }[]>();

  constructor(history: StatusHistory, workerReports: readonly WorkerDailyReport[]) {
    for (const r of history) {
      const list = this.statuses.get(r.enterpriseId) ?? [];
      list.push({ date: r.date, at: r.at, status: r.status, granted: r.reason === 'resumption_granted' });
      this.statuses.set(r.enterpriseId, list);
    }
    for (const list of this.statuses.values()) {
      list.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : compareInstants(a.at, b.at)));
    }
    for (const r of workerReports) {
      const list = this.reports.get(r.enterpriseId) ?? [];
      list.push({ date: r.date, workersBack: r.workersBack });
      this.reports.set(r.enterpriseId, list);
    }
    for (const list of this.reports.values()) list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }

  /** Status, grant and workers back at the end of a day. */
  factsOn(enterpriseId: string, date: string): { status: EnterpriseStatus; filed: boolean; workersBack: number } {
    let status: EnterpriseStatus = 'not_resumed';
    let filed = false;
    for (const s of this.statuses.get(enterpriseId) ?? []) {
      if (s.date > date) break;
      status = s.status;
      if (s.granted) filed = true;
    }
    let workersBack = 0;
    for (const r of this.reports.get(enterpriseId) ?? []) {
      if (r.date > date) break;
      workersBack = r.workersBack;
    }
    return { status, filed, workersBack };
  }

  /**
   * Rollup rows for a day. A stopped enterprise counts no workers back (停工 means nobody is at work).
   */
  rowsOn(profiles: readonly EnterpriseProfile[], date: string): RollupRow[] {
    return profiles.map((p) => rollupRowOf(p, this.factsOn(p.enterpriseId, date)));
  }

  /**
   * One enterprise's rows for many days (ascending), walking its history once: what the rollup tables are built
   * and maintained from. Equal to `rowsOn([profile], date)` for each date.
   */
  rowsForDates(profile: EnterpriseProfile, dates: readonly string[]): RollupRow[] {
    const statuses = this.statuses.get(profile.enterpriseId) ?? [];
    const reports = this.reports.get(profile.enterpriseId) ?? [];
    let si = 0;
    let ri = 0;
    let status: EnterpriseStatus = 'not_resumed';
    let filed = false;
    let workersBack = 0;
    const out: RollupRow[] = [];
    let previous = '';
    for (const date of dates) {
      if (date < previous) throw new RangeError('日期：应按升序排列');
      previous = date;
      while (si < statuses.length && statuses[si]!.date <= date) {
        status = statuses[si]!.status;
        if (statuses[si]!.granted) filed = true;
        si++;
      }
      while (ri < reports.length && reports[ri]!.date <= date) {
        workersBack = reports[ri]!.workersBack;
        ri++;
      }
      out.push(rollupRowOf(profile, { status, filed, workersBack }));
    }
    return out;
  }
}

/** An enterprise's rollup row from its profile and its facts at the end of a day. */
export function rollupRowOf(
  p: EnterpriseProfile,
  f: { readonly status: EnterpriseStatus; readonly filed: boolean; readonly workersBack: number },
): RollupRow {
  return {
    enterpriseId: p.enterpriseId,
    regionCode: p.regionCode,
    zoneCode: p.zoneCode,
    industry: p.industry,
    size: p.size,
    aboveScale: p.aboveScale,
    status: f.status,
    workersBack: f.status === 'stopped' ? 0 : Math.min(f.workersBack, p.normalHeadcount),
    normalHeadcount: p.normalHeadcount,
    filed: f.filed,
    plannedWorkers: f.filed ? p.plannedHeadcount : 0,
  };
}

export function buildRollupRows(
  profiles: readonly EnterpriseProfile[],
  history: StatusHistory,
  workerReports: readonly WorkerDailyReport[],
  date: string,
): RollupRow[] {
  return new RollupIndex(history, workerReports).rowsOn(profiles, date);
}

export interface TrendPoint {
  readonly date: string;
  readonly groups: readonly RateGroup[];
}

/** Every day from `from` to `to` inclusive. */
export function dateRange(from: string, to: string): string[] {
  if (!isIsoDate(from) || !isIsoDate(to)) throw new RangeError('日期：格式应为YYYY-MM-DD');
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** The trend of the figures over days, grouped by any dimensions. */
export function resumptionTrend(
  profiles: readonly EnterpriseProfile[],
  history: StatusHistory,
  workerReports: readonly WorkerDailyReport[],
  dates: readonly string[],
  groupBy: readonly Dimension[] = [],
): TrendPoint[] {
  const index = new RollupIndex(history, workerReports);
  return dates.map((date) => ({ date, groups: aggregateRates(index.rowsOn(profiles, date), groupBy) }));
}

// ───────────────────────────── the Monday weekly report ─────────────────────────────

export interface ReportPeriod {
  /** Monday of last week. */
  readonly start: string;
  /** Sunday of last week. */
  readonly end: string;
  /** Monday of this week: the day the report is due. */
  readonly reportDate: string;
  /** `2020年2月10日—2020年2月16日` */
  readonly label: string;
}

/** Last week's Monday-to-Sunday, for the report due on this week's Monday (seed 003 L497). */
export function weeklyReportPeriod(today: string): ReportPeriod {
  if (!isIsoDate(today)) throw new RangeError(`日期格式应为YYYY-MM-DD：“${today}”`);
  const thisMonday = addDays(today, 1 - isoWeekday(today));
  const start = addDays(thisMonday, -7);
  const end = addDays(thisMonday, -1);
  return { start, end, reportDate: thisMonday, label: `${formatChineseDate(start)}—${formatChineseDate(end)}` };
}

/** Whether the weekly report is due on a date (every Monday). */
export function isWeeklyReportDay(date: string): boolean {
  return isoWeekday(date) === 1;
}

export interface RegionRef {
  readonly code: string;
  readonly name: string;
}

export interface WeeklyReportRow {
  readonly regionCode: string;
  readonly regionName: string;
  readonly enterprises: number;
  readonly operatingAtStart: number;
  readonly operatingAtEnd: number;
  /** Net change in operating enterprises over the week. */
  readonly newlyOperating: number;
  readonly resumedAtEnd: number;
  readonly stoppedAtEnd: number;
  readonly filedAtEnd: number;
  readonly newlyFiled: number;
  readonly normalHeadcount: number;
  readonly workersBackAtStart: number;
  readonly workersBackAtEnd: number;
  readonly resumptionRateAtStart: Ratio;
  readonly resumptionRateAtEnd: Ratio;
  readonly reinstatementRateAtStart: Ratio;
  readonly reinstatementRateAtEnd: Ratio;
  /** Display cells keyed by column key. */
  readonly cells: Readonly<Record<WeeklyColumnKey, string>>;
}

export const WEEKLY_REPORT_COLUMNS = [
  { key: 'region', header: '地区' },
  { key: 'enterprises', header: '企业总数（家）' },
  { key: 'operatingAtEnd', header: '复工企业（家）' },
  { key: 'newlyOperating', header: '本周新增复工（家）' },
  { key: 'resumptionRate', header: '复工率' },
  { key: 'resumptionRateChange', header: '复工率较上周' },
  { key: 'filedAtEnd', header: '已报备企业（家）' },
  { key: 'normalHeadcount', header: '正常用工（人）' },
  { key: 'workersBackAtEnd', header: '返岗人数（人）' },
  { key: 'reinstatementRate', header: '复岗率' },
  { key: 'reinstatementRateChange', header: '复岗率较上周' },
  { key: 'stoppedAtEnd', header: '停工整改（家）' },
] as const;

export type WeeklyColumnKey = (typeof WEEKLY_REPORT_COLUMNS)[number]['key'];

export interface WeeklyReport {
  readonly title: string;
  readonly period: ReportPeriod;
  readonly columns: typeof WEEKLY_REPORT_COLUMNS;
  readonly rows: readonly WeeklyReportRow[];
  readonly total: WeeklyReportRow;
  readonly source: Citation;
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

function reportRow(code: string, name: string, start: RateFigures, end: RateFigures): WeeklyReportRow {
  const row = {
    regionCode: code,
    regionName: name,
    enterprises: end.enterprises,
    operatingAtStart: start.operating,
    operatingAtEnd: end.operating,
    newlyOperating: end.operating - start.operating,
    resumedAtEnd: end.resumed,
    stoppedAtEnd: end.stopped,
    filedAtEnd: end.filed,
    newlyFiled: end.filed - start.filed,
    normalHeadcount: end.normalHeadcount,
    workersBackAtStart: start.workersBack,
    workersBackAtEnd: end.workersBack,
    resumptionRateAtStart: start.resumptionRate,
    resumptionRateAtEnd: end.resumptionRate,
    reinstatementRateAtStart: start.reinstatementRate,
    reinstatementRateAtEnd: end.reinstatementRate,
  };
  const cells: Record<WeeklyColumnKey, string> = {
    region: name,
    enterprises: String(row.enterprises),
    operatingAtEnd: String(row.operatingAtEnd),
    newlyOperating: signed(row.newlyOperating),
    resumptionRate: formatPercent(row.resumptionRateAtEnd),
    resumptionRateChange: formatPointChange(permilleChange(row.resumptionRateAtStart, row.resumptionRateAtEnd)),
    filedAtEnd: String(row.filedAtEnd),
    normalHeadcount: String(row.normalHeadcount),
    workersBackAtEnd: String(row.workersBackAtEnd),
    reinstatementRate: formatPercent(row.reinstatementRateAtEnd),
    reinstatementRateChange: formatPointChange(
      permilleChange(row.reinstatementRateAtStart, row.reinstatementRateAtEnd),
    ),
    stoppedAtEnd: String(row.stoppedAtEnd),
  };
  return { ...row, cells };
}

export interface WeeklyReportInput {
  readonly period: ReportPeriod;
  /** Title prefix, e.g. 南昌市. */
  readonly areaName: string;
  /** Regions in report order; rows of other regions are listed after them by code. */
  readonly regions: readonly RegionRef[];
  /** Rollup rows at the end of the day before the week (the Sunday before `period.start`). */
  readonly rowsBefore: readonly RollupRow[];
  /** Rollup rows at the end of `period.end`. */
  readonly rowsAtEnd: readonly RollupRow[];
}

/** The weekly report's table: one row per region plus the total (合计), ready for Excel and Word. */
export function buildWeeklyReport(input: WeeklyReportInput): WeeklyReport {
  const byRegion = (rows: readonly RollupRow[]) =>
    new Map(aggregateRates(rows, ['regionCode']).map((g) => [g.key.regionCode as string, g as RateFigures]));
  return buildWeeklyReportFromFigures({
    period: input.period,
    areaName: input.areaName,
    regions: input.regions,
    before: byRegion(input.rowsBefore),
    after: byRegion(input.rowsAtEnd),
    totalBefore: totals(input.rowsBefore),
    totalAfter: totals(input.rowsAtEnd),
  });
}

export interface WeeklyFiguresInput {
  readonly period: ReportPeriod;
  readonly areaName: string;
  readonly regions: readonly RegionRef[];
  /** Figures per region code at the end of the day before the week, e.g. from rollup tables. */
  readonly before: ReadonlyMap<string, RateFigures>;
  /** Figures per region code at the end of `period.end`. */
  readonly after: ReadonlyMap<string, RateFigures>;
  readonly totalBefore: RateFigures;
  readonly totalAfter: RateFigures;
}

/** The weekly report from figures already summed per region (what a server reads from its rollup tables). */
export function buildWeeklyReportFromFigures(input: WeeklyFiguresInput): WeeklyReport {
  const empty = figures(newAcc());
  const listed = new Set(input.regions.map((r) => r.code));
  const extra = [...new Set([...input.before.keys(), ...input.after.keys()])].filter((c) => !listed.has(c)).sort();
  const regions: RegionRef[] = [...input.regions, ...extra.map((code) => ({ code, name: code }))];
  const rows = regions.map((r) =>
    reportRow(r.code, r.name, input.before.get(r.code) ?? empty, input.after.get(r.code) ?? empty),
  );
  const total = reportRow('', '合计', input.totalBefore, input.totalAfter);
  return {
    title: `${input.areaName}复工复产情况周报（${input.period.label}）`,
    period: input.period,
    columns: WEEKLY_REPORT_COLUMNS,
    rows,
    total,
    source: RATE_SOURCES.weeklyReport,
  };
}

/** Convenience: the weekly report straight from histories. */
export function buildWeeklyReportFromHistory(
  input: Omit<WeeklyReportInput, 'rowsBefore' | 'rowsAtEnd'> & {
    readonly profiles: readonly EnterpriseProfile[];
    readonly history: StatusHistory;
    readonly workerReports: readonly WorkerDailyReport[];
  },
): WeeklyReport {
  const index = new RollupIndex(input.history, input.workerReports);
  return buildWeeklyReport({
    period: input.period,
    areaName: input.areaName,
    regions: input.regions,
    rowsBefore: index.rowsOn(input.profiles, addDays(input.period.start, -1)),
    rowsAtEnd: index.rowsOn(input.profiles, input.period.end),
  });
}
