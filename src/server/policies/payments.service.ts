import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import type { Kysely, Transaction } from 'kysely';
import { FUNDING_LEVEL_LABEL, policyById, ruleById, splitFunding } from '../../domain/policy/index.ts';
import type { FundingLevel, Rule } from '../../domain/policy/index.ts';
import type { SessionUser } from '../access/session-user.ts';
import type { AuditActor } from '../audit/audit.ts';
import { writeAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import type { Database } from '../db/schema.ts';
import type { PaymentOrderStatus, PolicyPaymentOrderRow } from '../db/schema-policies.ts';
import { writeSheet } from '../files/spreadsheet-writer.ts';
import { storageDir } from '../files/storage.ts';
import { badRequest, conflict, notFound } from '../http/problem.ts';
import { startJob } from '../jobs/jobs.ts';
import { notify } from '../notifications/notifications.ts';
import { ORDER_STATUS_LABEL, handledKind, nowIso, orderNo } from './common.ts';
import { departmentKindLabel } from './ownership.ts';
import { caseScopeOf, enterprisesVisible } from './scope.ts';
import type { CaseScope } from './scope.ts';

type Q = Kysely<Database> | Transaction<Database>;

/** fen → `1234.56`, exactly. */
export function fenToYuanText(fen: number): string {
  const negative = fen < 0;
  const abs = Math.abs(fen);
  return `${negative ? '-' : ''}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** The funding split of a rule; a rule without one is borne wholly by the level that issued it. */
export function fundingOf(
  rule: Rule,
  amountFen: number,
): { level: FundingLevel; fund: string | null; amountFen: number }[] {
  if (rule.funding) {
    return splitFunding(amountFen, rule.funding).map((s) => ({
      level: s.level,
      fund: rule.funding?.fund ?? null,
      amountFen: s.amountFen,
    }));
  }
  const level: FundingLevel = rule.jurisdiction.level;
  return [{ level, fund: null, amountFen }];
}

export interface OrderDraft {
  source: 'batch' | 'application';
  batchId?: number;
  batchItemId?: number;
  applicationId?: number;
  enterprise: { id: number; name: string; countyCode: string };
  rule: Rule;
  departmentId: number | null;
  departmentKind: string;
  amountFen: number;
  basis: string;
  account: { accountName: string; bankName: string; accountNo: string } | null;
}

/** Insert payment orders and book their funding split, inside the caller's transaction. Returns the order ids. */
export async function insertOrders(trx: Q, drafts: readonly OrderDraft[], createdBy: number, at: string) {
  const ids: number[] = [];
  for (let i = 0; i < drafts.length; i += 200) {
    const chunk = drafts.slice(i, i + 200);
    const rows = await trx
      .insertInto('policy_payment_orders')
      .values(
        chunk.map((d) => {
          const policy = policyById(d.rule.policyId);
          return {
            source: d.source,
            batch_id: d.batchId ?? null,
            batch_item_id: d.batchItemId ?? null,
            application_id: d.applicationId ?? null,
            enterprise_id: d.enterprise.id,
            county_code: d.enterprise.countyCode,
            rule_id: d.rule.id,
            policy_id: d.rule.policyId,
            department_id: d.departmentId,
            department_kind: d.departmentKind,
            benefit_kind: d.rule.kind,
            payee_name: d.enterprise.name,
            payee_account_name: d.account?.accountName ?? '',
            payee_bank_name: d.account?.bankName ?? '',
            payee_account_no: d.account?.accountNo ?? '',
            amount_fen: d.amountFen,
            clause: `${d.rule.title}（${policy?.title ?? d.rule.policyId}，${d.rule.source}）`,
            basis: d.basis,
            status: 'pending' as const,
            export_count: 0,
            exported_at: null,
            paid_on: null,
            paid_at: null,
            paid_by: null,
            bank_ref: null,
            created_by: createdBy,
            created_at: at,
            version: 1,
          };
        }),
      )
      .returning(['id', 'batch_item_id', 'application_id'])
      .execute();
    // RETURNING promises no order: match each row to its draft by the item or application it pays.
    const byKey = new Map(rows.map((r) => [`${r.batch_item_id ?? ''}/${r.application_id ?? ''}`, r.id]));
    const funding: Database['policy_funding_entries'][] = [];
    for (const d of chunk) {
      const id = byKey.get(`${d.batchItemId ?? ''}/${d.applicationId ?? ''}`);
      if (id === undefined) throw new Error('支付指令写入后无法对应');
      ids.push(id);
      for (const f of fundingOf(d.rule, d.amountFen)) {
        funding.push({ order_id: id, level: f.level, fund: f.fund, amount_fen: f.amountFen, created_at: at } as never);
      }
    }
    for (let k = 0; k < funding.length; k += 500) {
      await trx
        .insertInto('policy_funding_entries')
        .values(funding.slice(k, k + 500) as never)
        .execute();
    }
  }
  return ids;
}

// -----------------------------------------------------------------------------------------------------------------
// Lists and objects
// -----------------------------------------------------------------------------------------------------------------

export interface OrderFilter {
  status?: PaymentOrderStatus;
  batchId?: number;
  applicationId?: number;
  ruleId?: string;
  policyId?: string;
  enterpriseId?: number;
  q?: string;
}

function ordersQuery(app: AppContext, scope: CaseScope, f: OrderFilter) {
  let q = app.db.kysely
    .selectFrom('policy_payment_orders as o')
    .innerJoin('enterprises', 'enterprises.id', 'o.enterprise_id')
    .where(enterprisesVisible(scope));
  if (scope.departmentKind) q = q.where('o.department_kind', '=', scope.departmentKind);
  if (f.status) q = q.where('o.status', '=', f.status);
  if (f.batchId) q = q.where('o.batch_id', '=', f.batchId);
  if (f.applicationId) q = q.where('o.application_id', '=', f.applicationId);
  if (f.ruleId) q = q.where('o.rule_id', '=', f.ruleId);
  if (f.policyId) q = q.where('o.policy_id', '=', f.policyId);
  if (f.enterpriseId) q = q.where('o.enterprise_id', '=', f.enterpriseId);
  if (f.q) q = q.where('o.payee_name', 'like', `%${f.q.replace(/[%_\\]/g, '')}%`);
  return q;
}

export async function orderScope(app: AppContext, user: SessionUser): Promise<CaseScope> {
  return caseScopeOf(user, await handledKind(app, user));
}

async function fundingByOrder(app: AppContext, ids: readonly number[]) {
  const out = new Map<number, { level: string; label: string; fund: string | null; amountFen: number }[]>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await app.db.kysely
      .selectFrom('policy_funding_entries')
      .selectAll()
      .where('order_id', 'in', ids.slice(i, i + 500))
      .orderBy('id')
      .execute();
    for (const r of rows) {
      const list = out.get(r.order_id) ?? [];
      list.push({
        level: r.level,
        label: FUNDING_LEVEL_LABEL[r.level as FundingLevel] ?? r.level,
        fund: r.fund,
        amountFen: Number(r.amount_fen),
      });
      out.set(r.order_id, list);
    }
  }
  return out;
}

export function toOrderDto(app: AppContext, o: PolicyPaymentOrderRow, funding: ReturnType<typeof fundingOfRow>) {
  return {
    id: o.id,
    orderNo: orderNo(o.id),
    source: o.source,
    sourceLabel: o.source === 'batch' ? '免申即享' : '申请兑现',
    batchId: o.batch_id,
    applicationId: o.application_id,
    enterpriseId: o.enterprise_id,
    countyCode: o.county_code,
    countyName: app.regions.name(o.county_code),
    ruleId: o.rule_id,
    ruleTitle: ruleById(o.rule_id)?.title ?? o.rule_id,
    policyId: o.policy_id,
    policyTitle: policyById(o.policy_id)?.title ?? o.policy_id,
    departmentKind: o.department_kind,
    departmentLabel: departmentKindLabel(o.department_kind),
    benefitKind: o.benefit_kind,
    benefitKindLabel: o.benefit_kind === 'pay' ? '拨付' : '减免退还',
    payeeName: o.payee_name,
    payeeAccountName: o.payee_account_name,
    payeeBankName: o.payee_bank_name,
    payeeAccountNo: o.payee_account_no,
    amountFen: Number(o.amount_fen),
    clause: o.clause,
    basis: o.basis,
    status: o.status,
    statusLabel: ORDER_STATUS_LABEL[o.status] ?? o.status,
    exportCount: o.export_count,
    exportedAt: o.exported_at,
    paidOn: o.paid_on,
    paidAt: o.paid_at,
    bankRef: o.bank_ref,
    createdAt: o.created_at,
    version: o.version,
    funding,
  };
}

function fundingOfRow(list: { level: string; label: string; fund: string | null; amountFen: number }[] | undefined) {
  return list ?? [];
}

export async function listOrders(
  app: AppContext,
  user: SessionUser,
  filter: OrderFilter,
  page: { page: number; pageSize: number },
) {
  const scope = await orderScope(app, user);
  const base = ordersQuery(app, scope, filter);
  const [rows, count] = await Promise.all([
    base
      .selectAll('o')
      .orderBy('o.id', 'desc')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    base
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('o.amount_fen').as('fen')])
      .executeTakeFirstOrThrow(),
  ]);
  const funding = await fundingByOrder(
    app,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => toOrderDto(app, r, fundingOfRow(funding.get(r.id)))),
    total: Number(count.n),
    totalFen: Number(count.fen ?? 0),
  };
}

export async function findOrder(app: AppContext, user: SessionUser, id: number) {
  const scope = await orderScope(app, user);
  const row = await ordersQuery(app, scope, {}).selectAll('o').where('o.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('支付指令不存在或不在您的管辖范围内');
  return row;
}

export async function getOrder(app: AppContext, user: SessionUser, id: number) {
  const row = await findOrder(app, user, id);
  const funding = await fundingByOrder(app, [id]);
  return toOrderDto(app, row, fundingOfRow(funding.get(id)));
}

// -----------------------------------------------------------------------------------------------------------------
// Paying
// -----------------------------------------------------------------------------------------------------------------

/** Mark orders paid (the bank's confirmation). Only the owning department (or an administrator) may. */
export async function markOrdersPaid(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  input: { ids: number[]; paidOn: string; bankRef?: string | undefined; version?: number | undefined },
) {
  if (user.role !== 'admin' && user.role !== 'dept') throw notFound('支付指令不存在或不在您的管辖范围内');
  const rows: PolicyPaymentOrderRow[] = [];
  for (const id of input.ids) rows.push(await findOrder(app, user, id));
  for (const o of rows) {
    if (o.status === 'paid') throw conflict(`支付指令 ${orderNo(o.id)} 已标记支付`, 'ids');
    if (o.status === 'cancelled') throw conflict(`支付指令 ${orderNo(o.id)} 已作废`, 'ids');
    if (!o.payee_account_no) throw badRequest(`收款账号：支付指令 ${orderNo(o.id)} 缺少收款账号，不能标记支付`, 'ids');
  }
  if (input.version !== undefined && rows.length === 1 && rows[0]!.version !== input.version) {
    throw conflict('该支付指令已被他人修改，请刷新后重试', 'version');
  }
  const now = app.clock.now();
  const at = now.toISOString();
  await app.db.kysely.transaction().execute(async (trx) => {
    for (const o of rows) {
      const result = await trx
        .updateTable('policy_payment_orders')
        .set({
          status: 'paid',
          paid_on: input.paidOn,
          paid_at: at,
          paid_by: user.id,
          bank_ref: input.bankRef ?? null,
          version: o.version + 1,
        })
        .where('id', '=', o.id)
        .where('version', '=', o.version)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw conflict('该支付指令已被他人修改，请刷新后重试', 'version');
      if (o.application_id) {
        await trx
          .updateTable('policy_applications')
          .set({ status: 'paid', updated_at: at })
          .where('id', '=', o.application_id)
          .where('status', '=', 'ordered')
          .execute();
      }
    }
    await notify(
      trx,
      rows.map((o) => ({
        enterpriseId: o.enterprise_id,
        kind: 'policy.paid',
        title: `惠企资金已兑付：${ruleById(o.rule_id)?.title ?? o.rule_id}`,
        body: `${fenToYuanText(Number(o.amount_fen))} 元已于 ${input.paidOn} 支付至 ${o.payee_bank_name} ${maskAccount(o.payee_account_no)}（支付指令 ${orderNo(o.id)}）。`,
        link: '/my-policies',
      })),
      at,
    );
    for (const o of rows) {
      await writeAudit(
        trx,
        app.db.dialect,
        actor,
        {
          action: 'policy.order.paid',
          objectType: 'policy_payment_order',
          objectId: o.id,
          before: { status: o.status },
          after: { status: 'paid', paidOn: input.paidOn, bankRef: input.bankRef ?? null },
          summary: `支付指令 ${orderNo(o.id)} 已支付 ${fenToYuanText(Number(o.amount_fen))} 元`,
        },
        now,
      );
    }
  });
  return { paid: rows.length };
}

export function maskAccount(no: string): string {
  return no.length > 8 ? `${no.slice(0, 4)}****${no.slice(-4)}` : no;
}

// -----------------------------------------------------------------------------------------------------------------
// Export for the budget system and the paying bank
// -----------------------------------------------------------------------------------------------------------------

export const ORDER_COLUMNS = [
  { header: '支付指令号', width: 16 },
  { header: '收款人', width: 30 },
  { header: '统一社会信用代码', width: 22 },
  { header: '收款账户名', width: 30 },
  { header: '开户银行', width: 24 },
  { header: '收款账号', width: 24 },
  { header: '金额（元）', width: 14 },
  { header: '类型', width: 10 },
  { header: '政策', width: 40 },
  { header: '条款（出处）', width: 60 },
  { header: '兑现依据', width: 60 },
  { header: '资金分担', width: 40 },
  { header: '主管部门', width: 10 },
  { header: '县（区）', width: 12 },
  { header: '状态', width: 12 },
] as const;

function csvCell(v: string | number | null): string {
  const s = v === null ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Export the orders the user may see (filtered) as .xlsx or .csv; pending orders become 已导出. A job. */
export async function startOrderExport(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  input: OrderFilter & { format: 'xlsx' | 'csv' },
) {
  const scope = await orderScope(app, user);
  const { format, ...filter } = input;
  return startJob(app, 'policy.orders.export', user.id, async (progress) => {
    const total = Number(
      (
        await ordersQuery(app, scope, filter)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    await progress.update(0, total, '正在导出支付指令');
    const now = app.clock.now();
    const stamp = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(now).replaceAll('-', '');
    const fileName = `惠企政策支付指令-${stamp}.${format}`;
    const file = path.join(storageDir(app, 'exports'), `policy-orders-${user.id}-${now.getTime()}.${format}`);
    const exported: number[] = [];
    let fen = 0;
    async function* rows() {
      let after: number | null = null;
      for (;;) {
        let q = ordersQuery(app, scope, filter).selectAll('o').select('enterprises.credit_code');
        if (after !== null) q = q.where('o.id', '>', after);
        const page = await q.orderBy('o.id').limit(2000).execute();
        if (page.length === 0) return;
        const funding = await fundingByOrder(
          app,
          page.map((p) => p.id),
        );
        for (const o of page) {
          if (o.status === 'pending') exported.push(o.id);
          fen += Number(o.amount_fen);
          yield [
            orderNo(o.id),
            o.payee_name,
            o.credit_code,
            o.payee_account_name,
            o.payee_bank_name,
            o.payee_account_no,
            fenToYuanText(Number(o.amount_fen)),
            o.benefit_kind === 'pay' ? '拨付' : '减免退还',
            policyById(o.policy_id)?.title ?? o.policy_id,
            o.clause,
            o.basis,
            (funding.get(o.id) ?? [])
              .map((f) => `${f.label}${f.fund ? `（${f.fund}）` : ''} ${fenToYuanText(f.amountFen)}`)
              .join('；'),
            departmentKindLabel(o.department_kind),
            app.regions.name(o.county_code) ?? o.county_code,
            ORDER_STATUS_LABEL[o.status] ?? o.status,
          ];
        }
        after = page[page.length - 1]!.id;
      }
    }
    let count = 0;
    if (format === 'xlsx') {
      count = await writeSheet(
        file,
        '惠企政策支付指令',
        ORDER_COLUMNS,
        { exportedBy: `${user.displayName}（${user.username}）`, exportedAt: now },
        rows(),
        (n) => progress.update(n, total),
      );
    } else {
      const out = createWriteStream(file);
      const write = async (line: string) => {
        if (!out.write(line)) await once(out, 'drain');
      };
      // A byte-order mark so spreadsheet programs read the Chinese text as UTF-8.
      await write(`\uFEFF${ORDER_COLUMNS.map((c) => c.header).join(',')}\r\n`);
      for await (const values of rows()) {
        await write(`${values.map(csvCell).join(',')}\r\n`);
        count++;
        if (count % 1000 === 0) await progress.update(count, total);
      }
      out.end();
      await once(out, 'finish');
    }
    await app.db.kysely.transaction().execute(async (trx) => {
      const at = nowIso(app);
      for (let i = 0; i < exported.length; i += 500) {
        await trx
          .updateTable('policy_payment_orders')
          .set((eb) => ({ status: 'exported', exported_at: at, export_count: eb('export_count', '+', 1) }))
          .where('id', 'in', exported.slice(i, i + 500))
          .where('status', '=', 'pending')
          .execute();
      }
      await writeAudit(
        trx,
        app.db.dialect,
        actor,
        {
          action: 'policy.order.export',
          objectType: 'policy_payment_order',
          summary: `导出支付指令 ${count} 条（${format.toUpperCase()}），合计 ${fenToYuanText(fen)} 元`,
          extra: { filter, count, format, totalFen: fen },
        },
        app.clock.now(),
      );
    });
    return { file: path.basename(file), fileName, rows: count, totalFen: fen };
  });
}
