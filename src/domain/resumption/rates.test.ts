import { describe, expect, it } from 'vitest';
import type { EnterpriseProfile, RollupRow } from './rates.ts';
import {
  RollupIndex,
  addCounts,
  aggregateCounts,
  aggregateRates,
  buildRollupRows,
  buildWeeklyReportFromFigures,
  countsOfRow,
  figuresOf,
  isZeroCounts,
  ZERO_COUNTS,
  buildWeeklyReport,
  buildWeeklyReportFromHistory,
  dateRange,
  drillDown,
  formatFigures,
  isWeeklyReportDay,
  reinstatementRate,
  resumptionRate,
  resumptionTrend,
  totals,
  weeklyReportPeriod,
} from './rates.ts';
import { compareRatios, formatPercent, formatPointChange, permille, ratio } from './ratio.ts';
import type { StatusRecord, WorkerDailyReport } from './status.ts';

const row = (i: number, over: Partial<RollupRow> = {}): RollupRow => ({
  enterpriseId: `e${i}`,
  regionCode: '360111',
  zoneCode: null,
  industry: 'C39',
  size: 'small',
  aboveScale: false,
  status: 'not_resumed',
  workersBack: 0,
  normalHeadcount: 10,
  ...over,
});

describe('ratio formatting', () => {
  it('one decimal, rounded half up, exact', () => {
    // 嘉禾县: 90 enterprises resumed, 复产率59.2% (004:L21) — of about 150 firms screened (L17): 90/152.
    expect(formatPercent(ratio(90, 152))).toBe('59.2%');
    expect(formatPercent(ratio(89, 152))).toBe('58.6%');
    expect(formatPercent(ratio(1, 8))).toBe('12.5%');
    expect(formatPercent(ratio(1, 16))).toBe('6.3%'); // 6.25 → half up
    expect(formatPercent(ratio(181, 181))).toBe('100.0%');
    expect(formatPercent(ratio(0, 0))).toBe('—');
    expect(permille(ratio(2, 3))).toBe(667);
    expect(permille(ratio(4_000_000_000_000, 9_000_000_000_000))).toBe(444);
    expect(compareRatios(ratio(1, 3), ratio(2, 6))).toBe(0);
    expect(compareRatios(ratio(1, 3), ratio(1, 2))).toBe(-1);
    expect(formatPointChange(35)).toBe('+3.5个百分点');
    expect(formatPointChange(-10)).toBe('-1.0个百分点');
    expect(formatPointChange(0)).toBe('持平');
    expect(() => ratio(1.5, 2)).toThrow();
  });
});

describe('复工率 and 复岗率', () => {
  it('reproduces the High-tech Zone figures of 001:L27 (2,928 filed, 85,492 workers, 181 规上 at 100%)', () => {
    const rows: RollupRow[] = [];
    for (let i = 0; i < 3100; i++) {
      const filed = i < 2928;
      const aboveScale = i < 181;
      rows.push(
        row(i, {
          zoneCode: 'NCGX',
          aboveScale,
          size: aboveScale ? 'medium' : 'small',
          filed,
          plannedWorkers: filed ? 29 + (i < 580 ? 1 : 0) : 0,
          status: filed ? (aboveScale || i % 2 === 0 ? 'resumed' : 'partially_resumed') : 'not_resumed',
          normalHeadcount: 40,
          workersBack: filed ? 25 : 0,
        }),
      );
    }
    const t = totals(rows);
    expect(t.filed).toBe(2928);
    expect(t.plannedWorkers).toBe(85492);
    const byScale = aggregateRates(rows, ['aboveScale']);
    expect(byScale.map((g) => [g.key.aboveScale, g.enterprises, formatPercent(g.resumptionRate)])).toEqual([
      [true, 181, '100.0%'],
      [false, 2919, '94.1%'], // (2928 − 181) / 2919 = 2747 / 2919
    ]);
    expect(formatPercent(resumptionRate(rows))).toBe('94.5%'); // 2928 / 3100
    expect(reinstatementRate(rows)).toEqual({ numerator: 2928 * 25, denominator: 3100 * 40 });
  });

  it('counts 部分复工 as resumed, 停工整改 as not; groups by several dimensions with drill-down', () => {
    const rows = [
      row(1, { status: 'resumed', workersBack: 10 }),
      row(2, { status: 'partially_resumed', workersBack: 4 }),
      row(3, { status: 'stopped', workersBack: 0 }),
      row(4, {
        regionCode: '360102',
        aboveScale: true,
        status: 'resumed',
        workersBack: 90,
        normalHeadcount: 100,
        size: 'large',
      }),
      row(5, { regionCode: '360102', zoneCode: 'NCJK' }),
    ];
    const g = aggregateRates(rows, ['regionCode', 'aboveScale']);
    expect(
      g.map((x) => [
        x.key.regionCode,
        x.key.aboveScale,
        x.operating,
        x.stopped,
        formatPercent(x.resumptionRate),
        formatPercent(x.reinstatementRate),
      ]),
    ).toEqual([
      ['360102', true, 1, 0, '100.0%', '90.0%'],
      ['360102', false, 0, 0, '0.0%', '0.0%'],
      ['360111', false, 2, 1, '66.7%', '46.7%'],
    ]);
    expect(aggregateRates(rows, ['zoneCode']).map((x) => x.key.zoneCode)).toEqual(['NCJK', null]);
    expect(aggregateRates(rows, []).length).toBe(1);
    expect(drillDown(rows, { regionCode: '360111', aboveScale: false }).map((r) => r.enterpriseId)).toEqual([
      'e1',
      'e2',
      'e3',
    ]);
    expect(formatFigures(totals(rows)).summary).toBe(
      '企业5家，复工3家（其中部分复工1家），复工率60.0%；返岗104人，复岗率74.3%；停工整改1家',
    );
    expect(aggregateRates([], ['regionCode'])).toEqual([]);
  });
});

describe('rows from histories and the trend', () => {
  const actor = { userId: 'system', role: 'system' as const };
  const profiles: EnterpriseProfile[] = [
    {
      enterpriseId: 'a',
      regionCode: '360111',
      zoneCode: null,
      industry: 'C39',
      size: 'small',
      aboveScale: true,
      normalHeadcount: 100,
      plannedHeadcount: 80,
    },
    {
      enterpriseId: 'b',
      regionCode: '360102',
      zoneCode: null,
      industry: 'F52',
      size: 'micro',
      aboveScale: false,
      normalHeadcount: 10,
      plannedHeadcount: 10,
    },
  ];
  const rec = (
    enterpriseId: string,
    status: StatusRecord['status'],
    date: string,
    reason: StatusRecord['reason'],
  ): StatusRecord => ({
    enterpriseId,
    status,
    at: `${date}T18:00:00+08:00`,
    date,
    reason,
    ref: null,
    actor,
    note: null,
  });
  const history = [
    rec('a', 'partially_resumed', '2020-02-11', 'resumption_granted'),
    rec('a', 'resumed', '2020-02-14', 'workers_reported'),
    rec('a', 'stopped', '2020-02-20', 'stop_ordered'),
    rec('b', 'partially_resumed', '2020-02-13', 'resumption_granted'),
  ];
  const reports: WorkerDailyReport[] = [
    {
      enterpriseId: 'a',
      date: '2020-02-11',
      workersBack: 30,
      reportedAt: '2020-02-11T18:00:00+08:00',
      reportedBy: actor,
    },
    {
      enterpriseId: 'a',
      date: '2020-02-14',
      workersBack: 80,
      reportedAt: '2020-02-14T18:00:00+08:00',
      reportedBy: actor,
    },
    {
      enterpriseId: 'b',
      date: '2020-02-13',
      workersBack: 4,
      reportedAt: '2020-02-13T18:00:00+08:00',
      reportedBy: actor,
    },
  ];

  it('builds rollup rows as of a day (a stopped enterprise counts no workers)', () => {
    expect(
      buildRollupRows(profiles, history, reports, '2020-02-10').map((r) => [r.status, r.workersBack, r.filed]),
    ).toEqual([
      ['not_resumed', 0, false],
      ['not_resumed', 0, false],
    ]);
    expect(
      buildRollupRows(profiles, history, reports, '2020-02-14').map((r) => [
        r.status,
        r.workersBack,
        r.filed,
        r.plannedWorkers,
      ]),
    ).toEqual([
      ['resumed', 80, true, 80],
      ['partially_resumed', 4, true, 10],
    ]);
    expect(buildRollupRows(profiles, history, reports, '2020-02-21')[0]).toMatchObject({
      status: 'stopped',
      workersBack: 0,
    });
  });

  it('gives a trend over days', () => {
    const trend = resumptionTrend(profiles, history, reports, dateRange('2020-02-10', '2020-02-14'));
    expect(
      trend.map((p) => [
        p.date,
        formatPercent(p.groups[0]!.resumptionRate),
        formatPercent(p.groups[0]!.reinstatementRate),
      ]),
    ).toEqual([
      ['2020-02-10', '0.0%', '0.0%'],
      ['2020-02-11', '50.0%', '27.3%'],
      ['2020-02-12', '50.0%', '27.3%'],
      ['2020-02-13', '100.0%', '30.9%'],
      ['2020-02-14', '100.0%', '76.4%'],
    ]);
    const byRegion = resumptionTrend(profiles, history, reports, ['2020-02-12'], ['regionCode']);
    expect(byRegion[0]!.groups.map((g) => [g.key.regionCode, g.operating])).toEqual([
      ['360102', 0],
      ['360111', 1],
    ]);
  });

  it('the Monday report covers last week Monday–Sunday (003:L497)', () => {
    expect(weeklyReportPeriod('2020-02-17')).toEqual({
      start: '2020-02-10',
      end: '2020-02-16',
      reportDate: '2020-02-17',
      label: '2020年2月10日—2020年2月16日',
    });
    expect(weeklyReportPeriod('2020-02-23').start).toBe('2020-02-10'); // Sunday: still this week's report
    expect(weeklyReportPeriod('2020-02-24').start).toBe('2020-02-17');
    expect(weeklyReportPeriod('2021-01-04')).toMatchObject({ start: '2020-12-28', end: '2021-01-03' });
    expect(isWeeklyReportDay('2020-02-17')).toBe(true);
    expect(isWeeklyReportDay('2020-02-18')).toBe(false);
    expect(() => weeklyReportPeriod('2020-02-30')).toThrow();
  });

  it('builds the weekly report rows by region with the change over the week', () => {
    const period = weeklyReportPeriod('2020-02-17');
    const report = buildWeeklyReportFromHistory({
      period,
      areaName: '南昌市',
      regions: [
        { code: '360111', name: '青山湖区' },
        { code: '360102', name: '东湖区' },
        { code: '360104', name: '青云谱区' },
      ],
      profiles,
      history,
      workerReports: reports,
    });
    expect(report.title).toBe('南昌市复工复产情况周报（2020年2月10日—2020年2月16日）');
    expect(report.source.ref).toBe('003_18fd0961877c4a42.txt:L497');
    expect(report.columns.map((c) => c.header)[4]).toBe('复工率');
    expect(report.rows.map((r) => r.cells)).toEqual([
      {
        region: '青山湖区',
        enterprises: '1',
        operatingAtEnd: '1',
        newlyOperating: '+1',
        resumptionRate: '100.0%',
        resumptionRateChange: '+100.0个百分点',
        filedAtEnd: '1',
        normalHeadcount: '100',
        workersBackAtEnd: '80',
        reinstatementRate: '80.0%',
        reinstatementRateChange: '+80.0个百分点',
        stoppedAtEnd: '0',
      },
      expect.objectContaining({ region: '东湖区', resumptionRate: '100.0%', reinstatementRate: '40.0%' }),
      expect.objectContaining({ region: '青云谱区', enterprises: '0', resumptionRate: '—', resumptionRateChange: '—' }),
    ]);
    expect(report.total.cells).toMatchObject({
      region: '合计',
      enterprises: '2',
      operatingAtEnd: '2',
      workersBackAtEnd: '84',
      reinstatementRate: '76.4%',
    });
  });

  it('lists regions missing from the region list after the listed ones', () => {
    const period = weeklyReportPeriod('2020-02-17');
    const r = buildWeeklyReport({
      period,
      areaName: '南昌市',
      regions: [],
      rowsBefore: [],
      rowsAtEnd: [row(1), row(2, { regionCode: '360102' })],
    });
    expect(r.rows.map((x) => x.regionName)).toEqual(['360102', '360111']);
  });
  it('walks one enterprise over many days exactly as rowsOn does, day by day', () => {
    const index = new RollupIndex(history, reports);
    const dates = dateRange('2020-02-09', '2020-02-22');
    for (const p of profiles) {
      const walked = index.rowsForDates(p, dates);
      expect(walked).toEqual(dates.map((d) => index.rowsOn([p], d)[0]));
    }
    // the stop on 2020-02-20 (the boundary day) already counts no workers
    const a = index.rowsForDates(profiles[0]!, ['2020-02-19', '2020-02-20']);
    expect(a.map((r) => [r.status, r.workersBack])).toEqual([
      ['resumed', 80],
      ['stopped', 0],
    ]);
    expect(() => index.rowsForDates(profiles[0]!, ['2020-02-20', '2020-02-19'])).toThrow();
  });

  it('sums counts of rollup rows to the same figures as the enterprise rows (001:L27 kind of figures)', () => {
    // 181 规上 firms all resumed, 2,747 others of which 2,000 partly: counts per group, as a rollup table keeps them
    const rows: RollupRow[] = [];
    for (let i = 0; i < 2928; i++) {
      const aboveScale = i < 181;
      rows.push(
        row(i, {
          aboveScale,
          status: aboveScale ? 'resumed' : i < 2181 ? 'partially_resumed' : 'not_resumed',
          workersBack: aboveScale ? 100 : 20,
          normalHeadcount: 100,
          filed: true,
          plannedWorkers: 29,
        }),
      );
    }
    const byGroup = new Map<boolean, ReturnType<typeof countsOfRow>>();
    for (const r of rows)
      byGroup.set(r.aboveScale, addCounts(byGroup.get(r.aboveScale) ?? ZERO_COUNTS, countsOfRow(r)));
    const countRows = [...byGroup.entries()].map(([aboveScale, c]) => ({ ...c, aboveScale, regionCode: '360111' }));
    const viaCounts = aggregateCounts(countRows, ['aboveScale']);
    expect(viaCounts).toEqual(aggregateRates(rows, ['aboveScale']));
    expect(formatFigures(viaCounts[0]!).resumptionRate).toBe('100.0%');
    expect(viaCounts[0]!.enterprises).toBe(181);
    expect(aggregateCounts(countRows, [])[0]!.filed).toBe(2928);
    // a negative delta undoes a contribution; zero counts are recognised
    const one = countsOfRow(rows[0]!);
    expect(isZeroCounts(addCounts(one, one, -1))).toBe(true);
    expect(isZeroCounts(one)).toBe(false);
    expect(figuresOf(ZERO_COUNTS).resumptionRate).toEqual({ numerator: 0, denominator: 0 });
  });

  it('builds the same weekly report from figures per region as from enterprise rows', () => {
    const period = weeklyReportPeriod('2020-02-17');
    const regions = [
      { code: '360111', name: '青山湖区' },
      { code: '360102', name: '东湖区' },
    ];
    const index = new RollupIndex(history, reports);
    const rowsBefore = index.rowsOn(profiles, '2020-02-09');
    const rowsAtEnd = index.rowsOn(profiles, '2020-02-16');
    const byRegion = (rs: RollupRow[]) =>
      new Map(aggregateRates(rs, ['regionCode']).map((g) => [g.key.regionCode as string, g]));
    const fromFigures = buildWeeklyReportFromFigures({
      period,
      areaName: '南昌市',
      regions,
      before: byRegion(rowsBefore),
      after: byRegion(rowsAtEnd),
      totalBefore: totals(rowsBefore),
      totalAfter: totals(rowsAtEnd),
    });
    expect(fromFigures).toEqual(buildWeeklyReport({ period, areaName: '南昌市', regions, rowsBefore, rowsAtEnd }));
  });
});
