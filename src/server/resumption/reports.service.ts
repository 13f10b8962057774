import { mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { RateFigures, RegionRef, WeeklyReport } from '../../domain/resumption/index.ts';
import {
  aggregateCounts,
  buildWeeklyReportFromFigures,
  isWeeklyReportDay,
  weeklyReportPeriod,
} from '../../domain/resumption/index.ts';
import { regionLevelOfCode } from '../../domain/registry/region-code.ts';
import { addDays } from '../../domain/resumption/time.ts';
import type { SessionUser } from '../access/session-user.ts';
import type { AuditActor } from '../audit/audit.ts';
import { systemActor, writeAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { writeSheet } from '../files/spreadsheet-writer.ts';
import { forbidden, notFound } from '../http/problem.ts';
import { shanghaiDay } from './actors.ts';
import { NANCHANG } from './config.service.ts';
import { countsFromColumns, snapshotOn } from './rollups.ts';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function reportsDir(app: AppContext): string {
  const dir = path.join(app.config.dataDir, 'resumption-reports');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The area a user's weekly report covers: the city for city-level users and administrators, else its county or zone. */
function areaOf(user: SessionUser): string {
  if (user.role === 'admin' || !user.regionCode) return NANCHANG;
  const level = regionLevelOfCode(user.regionCode);
  return level === 'province' || level === 'city' ? NANCHANG : user.regionCode;
}

/** A user sees the reports of its own area and of the areas inside it. */
function canSeeArea(user: SessionUser, areaCode: string): boolean {
  if (user.role === 'admin') return true;
  if (!['leader', 'dept', 'cdc'].includes(user.role) || !user.regionCode) return false;
  const level = regionLevelOfCode(user.regionCode);
  if (level === 'province') return areaCode.startsWith(user.regionCode.slice(0, 2));
  return areaCode === user.regionCode || (level === 'city' && areaCode.startsWith(user.regionCode));
}

/** Figures per county (or zone) at the end of a day, from the area snapshots. */
async function figuresOn(app: AppContext, areaCode: string, date: string) {
  const k = app.db.kysely;
  const snap = await snapshotOn(k, date);
  const byKey = new Map<string, RateFigures>();
  let total: RateFigures = aggregateCounts([], [])[0] ?? emptyFigures();
  if (!snap) return { byKey, total };
  const zone = regionLevelOfCode(areaCode) === 'zone';
  let q = k.selectFrom('resumption_rollup_area').selectAll().where('date', '=', snap).where('county_code', '!=', '');
  q = zone ? q.where('zone_code', '=', areaCode) : q.where('county_code', 'like', `${areaCode}%`);
  const rows = (await q.execute()).map((r) => ({
    ...countsFromColumns(r),
    regionCode: zone ? r.zone_code : r.county_code,
  }));
  for (const g of aggregateCounts(rows, ['regionCode'])) byKey.set(String(g.key.regionCode), g);
  total = aggregateCounts(rows, [])[0] ?? emptyFigures();
  return { byKey, total };
}

function emptyFigures(): RateFigures {
  return aggregateCounts(
    [
      {
        enterprises: 0,
        resumed: 0,
        partiallyResumed: 0,
        notResumed: 0,
        stopped: 0,
        filed: 0,
        plannedWorkers: 0,
        workersBack: 0,
        normalHeadcount: 0,
      },
    ],
    [],
  )[0]!;
}

export async function buildReport(app: AppContext, areaCode: string, today: string): Promise<WeeklyReport> {
  const period = weeklyReportPeriod(today);
  const before = await figuresOn(app, areaCode, addDays(period.start, -1));
  const after = await figuresOn(app, areaCode, period.end);
  const regions: RegionRef[] =
    areaCode === NANCHANG
      ? app.regions
          .children(NANCHANG)
          .filter((r) => r.level === 'county')
          .map((r) => ({ code: r.code, name: r.name }))
      : [{ code: areaCode, name: app.regions.name(areaCode) ?? areaCode }];
  return buildWeeklyReportFromFigures({
    period,
    areaName: app.regions.name(areaCode) ?? areaCode,
    regions,
    before: before.byKey,
    after: after.byKey,
    totalBefore: before.total,
    totalAfter: after.total,
  });
}

async function* sheetRows(report: WeeklyReport) {
  for (const r of [...report.rows, report.total]) yield report.columns.map((c) => r.cells[c.key]);
}

async function writeDocx(file: string, report: WeeklyReport, stamp: string) {
  const cell = (text: string, bold = false) =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold, size: 18 })] })] });
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: report.columns.map((c) => cell(c.header, true)) }),
      ...[...report.rows, report.total].map(
        (r) => new TableRow({ children: report.columns.map((c) => cell(r.cells[c.key])) }),
      ),
    ],
  });
  const t = report.total;
  const doc = new Document({
    creator: '双胜平台',
    title: report.title,
    sections: [
      {
        children: [
          new Paragraph({
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.CENTER,
            children: [new TextRun(report.title)],
          }),
          new Paragraph({ children: [new TextRun({ text: stamp, size: 18, color: '666666' })] }),
          new Paragraph({
            children: [
              new TextRun(
                `截至${report.period.end}，共有企业${t.enterprises}家，复工${t.operatingAtEnd}家（本周新增${t.newlyOperating}家），` +
                  `复工率${t.cells.resumptionRate}（较上周${t.cells.resumptionRateChange}）；返岗${t.workersBackAtEnd}人，` +
                  `复岗率${t.cells.reinstatementRate}（较上周${t.cells.reinstatementRateChange}）；停工整改${t.stoppedAtEnd}家。`,
              ),
            ],
          }),
          table,
          new Paragraph({
            children: [new TextRun({ text: `依据：${report.source.ref}“${report.source.quote}”`, size: 16 })],
          }),
        ],
      },
    ],
  });
  await writeFile(file, await Packer.toBuffer(doc));
}

/** Generates and archives the weekly report of an area (Excel and Word). */
export async function generateReport(
  app: AppContext,
  areaCode: string,
  trigger: 'schedule' | 'manual',
  by: { id: number | null; name: string },
  actor: AuditActor | null,
) {
  const now = app.clock.now();
  const today = shanghaiDay(now);
  const report = await buildReport(app, areaCode, today);
  const base = `weekly-${areaCode}-${report.period.start}-${now.getTime()}`;
  const dir = reportsDir(app);
  const stamp = { exportedBy: by.name, exportedAt: now, scope: app.regions.name(areaCode) ?? areaCode };
  await writeSheet(
    path.join(dir, `${base}.xlsx`),
    report.title,
    report.columns.map((c) => ({ header: c.header, width: c.key === 'region' ? 18 : 14 })),
    stamp,
    sheetRows(report),
  );
  await writeDocx(path.join(dir, `${base}.docx`), report, `生成人：${by.name}，生成时间：${now.toISOString()}`);
  const t = report.total;
  return app.db.kysely.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('resumption_weekly_reports')
      .values({
        area_code: areaCode,
        period_start: report.period.start,
        period_end: report.period.end,
        title: report.title,
        trigger,
        xlsx_file: `${base}.xlsx`,
        docx_file: `${base}.docx`,
        summary: `复工率${t.cells.resumptionRate}，复岗率${t.cells.reinstatementRate}，复工${t.operatingAtEnd}家，返岗${t.workersBackAtEnd}人`,
        generated_at: now.toISOString(),
        generated_by: by.id,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(
      trx,
      app.db.dialect,
      actor ?? systemActor('系统（定时周报）'),
      {
        action: 'resumption.report.generate',
        objectType: 'resumption_report',
        objectId: row.id,
        summary: report.title,
      },
      now,
    );
    return { ...reportDto(row), report };
  });
}

function reportDto(r: {
  id: number;
  area_code: string;
  period_start: string;
  period_end: string;
  title: string;
  trigger: string;
  summary: string;
  generated_at: string;
}) {
  return {
    id: r.id,
    areaCode: r.area_code,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    title: r.title,
    trigger: r.trigger,
    triggerLabel: r.trigger === 'schedule' ? '定时生成' : '手动生成',
    summary: r.summary,
    generatedAt: r.generated_at,
    xlsxUrl: `/api/resumption/reports/${r.id}/xlsx`,
    docxUrl: `/api/resumption/reports/${r.id}/docx`,
  };
}

export async function generateForUser(app: AppContext, user: SessionUser, actor: AuditActor) {
  if (!['admin', 'leader', 'dept', 'cdc'].includes(user.role)) throw forbidden();
  const { report: _r, ...dto } = await generateReport(
    app,
    areaOf(user),
    'manual',
    { id: user.id, name: user.displayName },
    actor,
  );
  return dto;
}

export async function listReports(app: AppContext, user: SessionUser) {
  const rows = await app.db.kysely
    .selectFrom('resumption_weekly_reports')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(500)
    .execute();
  return { items: rows.filter((r) => canSeeArea(user, r.area_code)).map(reportDto) };
}

export async function reportFile(app: AppContext, user: SessionUser, id: number, kind: 'xlsx' | 'docx') {
  const r = await app.db.kysely
    .selectFrom('resumption_weekly_reports')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!r || !canSeeArea(user, r.area_code)) throw notFound('周报不存在');
  return {
    path: path.join(reportsDir(app), path.basename(kind === 'xlsx' ? r.xlsx_file : r.docx_file)),
    fileName: `${r.title}.${kind}`,
  };
}

/**
 * The scheduled Monday report (seed 003 L497): on a Monday, once per area and week — the city and each county.
 * Idempotent: an area whose report for last week exists is skipped.
 */
export async function runWeeklyReports(app: AppContext): Promise<{ generated: number } | null> {
  const today = shanghaiDay(app.clock.now());
  if (!isWeeklyReportDay(today)) return null;
  const period = weeklyReportPeriod(today);
  const areas = [
    NANCHANG,
    ...app.regions
      .children(NANCHANG)
      .filter((r) => r.level === 'county')
      .map((r) => r.code),
  ];
  const done = await app.db.kysely
    .selectFrom('resumption_weekly_reports')
    .select('area_code')
    .where('period_start', '=', period.start)
    .where('trigger', '=', 'schedule')
    .execute();
  const have = new Set(done.map((d) => d.area_code));
  let generated = 0;
  for (const area of areas) {
    if (have.has(area)) continue;
    await generateReport(app, area, 'schedule', { id: null, name: '系统（定时）' }, null);
    generated++;
  }
  return { generated };
}
