import path from 'node:path';
import { ENTERPRISE_COLUMNS } from '../../domain/registry/enterprise-sheet.ts';
import type { SessionUser } from '../access/session-user.ts';
import { enterpriseScopeOf } from '../access/scope.ts';
import type { AuditActor } from '../audit/audit.ts';
import { writeAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import type { EnterpriseRow } from '../db/schema.ts';
import { writeSheet } from '../files/spreadsheet-writer.ts';
import { startJob } from '../jobs/jobs.ts';
import type { EnterpriseFilter } from './enterprise.store.ts';
import { filteredEnterprises } from './enterprise.store.ts';
import { storageDir } from '../files/storage.ts';

const KEY_LIST_TEXT: Record<string, string> = { national: '国家级', provincial: '省级', municipal: '市级' };
const yesNo = (v: number) => (v ? '是' : '否');
/** Integer fen to 万元 text without floating-point noise (1 万元 = 1,000,000 分). */
export const fenToWanYuan = (fen: number) => {
  const whole = Math.trunc(fen / 1_000_000);
  const rest = String(fen % 1_000_000)
    .padStart(6, '0')
    .replace(/0+$/, '');
  return rest ? `${whole}.${rest}` : String(whole);
};

export function enterpriseSheetValues(app: AppContext, e: EnterpriseRow): (string | number | null)[] {
  const byKey: Record<(typeof ENTERPRISE_COLUMNS)[number]['key'], string | number | null> = {
    creditCode: e.credit_code,
    name: e.name,
    legalRep: e.legal_rep,
    contactName: e.contact_name,
    contactPhone: e.contact_phone,
    countyName: app.regions.name(e.county_code),
    townshipName: app.regions.name(e.township_code),
    regionCode: e.region_code,
    zoneName: app.regions.name(e.zone_code),
    address: e.address,
    industryCode: e.industry_code,
    employees: e.employees,
    revenueWan: fenToWanYuan(e.revenue_fen),
    assetsWan: fenToWanYuan(e.assets_fen),
    aboveScaleIndustry: yesNo(e.is_above_scale_industry),
    aboveQuotaTrade: yesNo(e.is_above_quota_trade),
    epidemicSupplies: yesNo(e.is_epidemic_supplies),
    essentials: yesNo(e.is_essentials),
    chainCore: yesNo(e.is_chain_core),
    keyList: e.key_list ? (KEY_LIST_TEXT[e.key_list] ?? e.key_list) : '',
  };
  return ENTERPRISE_COLUMNS.map((c) => byKey[c.key]);
}

const dateStamp = (d: Date) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(d).replaceAll('-', '');

/** Export the enterprises the user can see (and has filtered) as .xlsx, as a job with progress. */
export async function startEnterpriseExport(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  filter: EnterpriseFilter,
) {
  const { db, clock } = app;
  const scope = enterpriseScopeOf(user);
  return startJob(app, 'enterprise.export', user.id, async (progress) => {
    const total = Number(
      (
        await filteredEnterprises(db, scope, filter)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    await progress.update(0, total, '正在导出');
    const now = clock.now();
    const fileName = `企业名录-${dateStamp(now)}.xlsx`;
    const file = path.join(storageDir(app, 'exports'), `enterprises-${user.id}-${now.getTime()}.xlsx`);
    async function* rows() {
      let after: number | null = null;
      for (;;) {
        let query = filteredEnterprises(db, scope, filter).selectAll();
        if (after !== null) query = query.where('id', '<', after);
        const page = await query.orderBy('id', 'desc').limit(2000).execute();
        if (page.length === 0) return;
        for (const e of page) yield enterpriseSheetValues(app, e);
        after = page[page.length - 1]!.id;
      }
    }
    const count = await writeSheet(
      file,
      '企业名录（一企一档）',
      ENTERPRISE_COLUMNS,
      {
        exportedBy: `${user.displayName}（${user.username}）`,
        exportedAt: now,
        scope: user.regionCode ? app.regions.path(user.regionCode) : '全部',
      },
      rows(),
      (n) => progress.update(n, total),
    );
    await db.kysely.transaction().execute(async (trx) => {
      await writeAudit(
        trx,
        db.dialect,
        actor,
        {
          action: 'enterprise.export',
          objectType: 'enterprise',
          summary: `导出企业名录 ${count} 条`,
          extra: { filter, count },
        },
        clock.now(),
      );
    });
    return { file: path.basename(file), fileName, rows: count };
  });
}

/** The import report: every row with an error, with its row number and what to fix. */
export async function writeImportErrorReport(
  app: AppContext,
  user: SessionUser,
  batchId: number,
  file: string,
): Promise<number> {
  const { db, clock } = app;
  async function* rows() {
    let after = 0;
    for (;;) {
      const page = await db.kysely
        .selectFrom('import_rows')
        .selectAll()
        .where('batch_id', '=', batchId)
        .where('ok', '=', 0)
        .where('row_number', '>', after)
        .orderBy('row_number')
        .limit(2000)
        .execute();
      if (page.length === 0) return;
      for (const r of page) {
        const data = JSON.parse(r.data) as { raw: Record<string, string> };
        const errors = JSON.parse(r.errors) as { message: string }[];
        yield [
          r.row_number,
          errors.map((e) => e.message).join('；'),
          ...ENTERPRISE_COLUMNS.map((c) => data.raw[c.key] ?? ''),
        ];
      }
      after = page[page.length - 1]!.row_number;
    }
  }
  return writeSheet(
    file,
    '导入错误报告',
    [{ header: '原行号', width: 8 }, { header: '错误说明', width: 60 }, ...ENTERPRISE_COLUMNS],
    { exportedBy: `${user.displayName}（${user.username}）`, exportedAt: clock.now() },
    rows(),
  );
}

/** An empty import template with one example row. */
export async function writeImportTemplate(file: string, now: Date): Promise<void> {
  async function* rows() {
    yield [
      '91360100MA00000001',
      '南昌示例科技有限公司',
      '张三',
      '李四',
      '13800000000',
      '青山湖区',
      '湖坊镇',
      '',
      '',
      '南昌市青山湖区示例路 1 号',
      '39',
      120,
      '3500',
      '2800',
      '否',
      '否',
      '否',
      '否',
      '否',
      '',
    ];
  }
  await writeSheet(
    file,
    '企业信息导入模板',
    ENTERPRISE_COLUMNS,
    { exportedBy: '导入模板（示例行请删除后填写）', exportedAt: now },
    rows(),
  );
}
