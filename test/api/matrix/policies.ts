import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ruleById } from '../../../src/domain/policy/index.ts';
import { attachmentDir } from '../../../src/server/policies/applications.service.ts';
import { ownerKindOf } from '../../../src/server/policies/ownership.ts';
import type { MatrixContext, MatrixModule, Target, Targets } from './types.ts';
import { ROLE_USERS } from './types.ts';

/**
 * 惠企政策兑现 in the authorization matrix. The fixture's departments are 工信 (gxj) of 青山湖区, 东湖区 and the city;
 * gxj owns the project grants of seed 003 (技改、新建工业项目), 人社 (rsj) the hiring subsidies. So each case kind has
 * a gxj case of enterprise a (青山湖区, in the High-tech Zone), a gxj case of enterprise b (东湖区) and an rsj case of
 * enterprise c (青山湖区): a gxj department sees its gxj cases in its region and never the rsj one; an enterprise
 * sees its own; a leader its region; cdc, grid, employees and banks no case at all.
 */
const GXJ_RULE = 'nc-projects-37-2020.tech-upgrade-grant';
const RSJ_RULE = 'nc-projects-37-2020.hiring-subsidy';
const AT = '2020-03-16T02:00:00.000Z';

export const policiesMatrix: MatrixModule = {
  async targets({ t }) {
    const k = t.db.kysely;
    const { a, b, c } = t.fixture.enterprises;
    const u = t.fixture.users;
    const deps = t.fixture.departments;
    const rsjCity = (
      await k
        .selectFrom('departments')
        .select('id')
        .where('kind', '=', 'rsj')
        .where('region_code', '=', '3601')
        .executeTakeFirstOrThrow()
    ).id;
    const county = async (id: number) =>
      (await k.selectFrom('enterprises').select('county_code').where('id', '=', id).executeTakeFirstOrThrow())
        .county_code;

    let serial = 0;
    const application = async (enterpriseId: number, ruleId: string, status: 'submitted' | 'publicity') => {
      const rule = ruleById(ruleId)!;
      const accountNo = `62229999${String(++serial).padStart(8, '0')}`;
      const row = await k
        .insertInto('policy_applications')
        .values({
          enterprise_id: enterpriseId,
          rule_id: ruleId,
          policy_id: rule.policyId,
          department_kind: ownerKindOf(ruleId),
          status,
          facts: '{}',
          verified_facts: null,
          as_of: '2020-03-16',
          amount_fen: 100_000,
          approved_fen: status === 'publicity' ? 100_000 : null,
          capped: 0,
          payee_account_name: `矩阵收款人${serial}`,
          payee_bank_name: '江西银行南昌分行',
          payee_account_no: accountNo,
          submitted_at: AT,
          due_date: '2099-06-30',
          review_working_days: 60,
          reviewed_at: null,
          reviewed_by: null,
          review_note: null,
          notice_working_days: 5,
          notice_start: status === 'publicity' ? '2020-03-17' : null,
          notice_end: status === 'publicity' ? '2099-12-31' : null,
          completed_at: null,
          payment_order_id: null,
          created_by: u.admin!,
          version: 1,
          updated_at: AT,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const attachment = await k
        .insertInto('policy_attachments')
        .values({
          application_id: row.id,
          file_name: `矩阵材料${serial}.pdf`,
          stored_name: `matrix-${serial}.pdf`,
          content_type: 'application/pdf',
          size_bytes: 12,
          uploaded_by: u.admin!,
          uploaded_at: AT,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      writeFileSync(path.join(attachmentDir(t.built.context), `matrix-${serial}.pdf`), `secret-file-${serial}`);
      const objection = await k
        .insertInto('policy_objections')
        .values({
          application_id: row.id,
          status: 'open',
          reason: `矩阵异议理由${serial}`,
          contact: '13900000000',
          submitted_by: u.admin!,
          submitted_at: AT,
          resolved_by: null,
          resolved_at: null,
          resolution: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const order = await k
        .insertInto('policy_payment_orders')
        .values({
          source: 'application',
          batch_id: null,
          batch_item_id: null,
          application_id: row.id,
          enterprise_id: enterpriseId,
          county_code: await county(enterpriseId),
          rule_id: ruleId,
          policy_id: rule.policyId,
          department_id: null,
          department_kind: ownerKindOf(ruleId),
          benefit_kind: 'pay',
          payee_name: `矩阵收款人${serial}`,
          payee_account_name: `矩阵收款人${serial}`,
          payee_bank_name: '江西银行南昌分行',
          payee_account_no: accountNo,
          amount_fen: 100_000,
          clause: rule.title,
          basis: '矩阵测试',
          status: 'pending',
          export_count: 0,
          exported_at: null,
          paid_on: null,
          paid_at: null,
          paid_by: null,
          bank_ref: null,
          created_by: u.admin!,
          created_at: AT,
          version: 1,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await k
        .insertInto('policy_funding_entries')
        .values({ order_id: order.id, level: 'county', fund: null, amount_fen: 100_000, created_at: AT })
        .execute();
      const secret = accountNo;
      return {
        app: { id: String(row.id), secret },
        attachment: { id: String(attachment.id), secret: `secret-file-${serial}` },
        objection: { id: String(objection.id), secret: `矩阵异议理由${serial}` },
        order: { id: String(order.id), secret },
      };
    };
    const gxjA = await application(a, GXJ_RULE, 'submitted');
    const gxjB = await application(b, GXJ_RULE, 'submitted');
    const rsjC = await application(c, RSJ_RULE, 'submitted');
    const notice = await application(b, RSJ_RULE, 'publicity');

    const batch = async (ruleId: string, departmentId: number, region: string, enterpriseId: number) => {
      const rule = ruleById(ruleId)!;
      const row = await k
        .insertInto('policy_batches')
        .values({
          rule_id: ruleId,
          policy_id: rule.policyId,
          department_id: departmentId,
          department_kind: ownerKindOf(ruleId),
          region_code: region,
          as_of: '2020-03-16',
          status: 'review',
          job_id: null,
          evaluated: 1,
          eligible: 1,
          not_eligible: 0,
          incomplete: 0,
          already: 0,
          total_fen: 100_000,
          message: `矩阵批次${region}`,
          created_by: u.admin!,
          created_at: AT,
          finished_at: AT,
          approved_by: null,
          approved_at: null,
          version: 1,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const item = await k
        .insertInto('policy_batch_items')
        .values({
          batch_id: row.id,
          enterprise_id: enterpriseId,
          county_code: await county(enterpriseId),
          amount_fen: 100_000,
          capped: 0,
          facts: '{}',
          status: 'included',
          exclude_reason: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return {
        batch: { id: String(row.id), secret: `矩阵批次${region}` },
        item: { id: String(item.id), secret: `矩阵批次${region}` },
      };
    };
    const batchQsh = await batch(GXJ_RULE, deps.qsh, '360111', a);
    const batchCity = await batch(GXJ_RULE, deps.city, '3601', b);
    const batchZone = await batch(GXJ_RULE, deps.qsh, 'Z360101', a);
    const batchRsj = await batch(RSJ_RULE, rsjCity, '3601', c);

    const simulation = async (owner: number, label: string) => {
      const row = await k
        .insertInto('policy_simulations')
        .values({
          rule_id: GXJ_RULE,
          label,
          parameters: '[]',
          as_of: '2020-03-16',
          region_code: '3601',
          created_by: owner,
          created_at: AT,
          job_id: null,
          status: 'failed',
          report: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id: String(row.id), secret: label };
    };
    const simQsh = await simulation(u['dept.qsh']!, '矩阵测算青山湖');
    const simCity = await simulation(u['dept.city']!, '矩阵测算市级');

    const notifications: Record<string, Target> = {};
    for (const username of Object.keys(ROLE_USERS)) {
      const row = await k
        .insertInto('notifications')
        .values({
          enterprise_id: null,
          user_id: u[username]!,
          kind: 'matrix',
          title: `消息-of-${username}`,
          body: `消息正文-of-${username}`,
          link: null,
          created_at: AT,
          read_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      notifications[username] = { id: String(row.id), secret: `消息正文-of-${username}` };
    }

    const policy: Target = { id: 'jx-growth-20-2020', secret: '' };
    const gxjPolicy: Target = { id: 'nc-projects-37-2020', secret: '' };
    const otherPolicy: Target = { id: 'jx-growth-20-2020', secret: '' };
    type Case = Awaited<ReturnType<typeof application>>;
    const cases = (inside: Case | null, outside: Case | null): Targets => ({
      'policy-application': { ...(inside ? { inside: inside.app } : {}), ...(outside ? { outside: outside.app } : {}) },
      'policy-attachment': {
        ...(inside ? { inside: inside.attachment } : {}),
        ...(outside ? { outside: outside.attachment } : {}),
      },
      'policy-objection': {
        ...(inside ? { inside: inside.objection } : {}),
        ...(outside ? { outside: outside.objection } : {}),
      },
      'policy-order': { ...(inside ? { inside: inside.order } : {}), ...(outside ? { outside: outside.order } : {}) },
    });
    type Batch = Awaited<ReturnType<typeof batch>>;
    const batches = (inside: Batch | null, outside: Batch | null): Targets => ({
      'policy-batch': { ...(inside ? { inside: inside.batch } : {}), ...(outside ? { outside: outside.batch } : {}) },
      'policy-batch-item': {
        ...(inside ? { inside: inside.item } : {}),
        ...(outside ? { outside: outside.item } : {}),
      },
    });
    const common = (username: string, other: string): Targets => ({
      policy: { inside: policy },
      'policy-notice': { inside: notice.app, outside: gxjA.app },
      notification: { inside: notifications[username]!, outside: notifications[other]! },
    });
    return {
      admin: {
        ...common('admin', 'leader'),
        ...cases(gxjA, null),
        ...batches(batchQsh, null),
        'policy-owned': { inside: { id: 'samr-ten-2020', secret: '' } },
        'policy-simulation': { inside: simQsh },
      },
      leader: { ...common('leader', 'admin'), ...cases(gxjB, null), ...batches(batchCity, null) },
      'leader.zone': { ...common('leader.zone', 'leader'), ...cases(gxjA, gxjB), ...batches(batchZone, batchQsh) },
      'dept.qsh': {
        ...common('dept.qsh', 'dept.city'),
        ...cases(gxjA, rsjC),
        ...batches(batchQsh, batchRsj),
        'policy-owned': { inside: gxjPolicy, outside: otherPolicy },
        'policy-simulation': { inside: simQsh, outside: simCity },
      },
      'dept.city': {
        ...common('dept.city', 'dept.qsh'),
        ...cases(gxjB, rsjC),
        ...batches(batchCity, batchRsj),
        'policy-owned': { inside: gxjPolicy, outside: otherPolicy },
        'policy-simulation': { inside: simCity, outside: simQsh },
      },
      'cdc.qsh': { ...common('cdc.qsh', 'grid'), ...cases(null, gxjA), ...batches(null, batchQsh) },
      grid: { ...common('grid', 'cdc.qsh'), ...cases(null, gxjA), ...batches(null, batchZone) },
      'ent.a': { ...common('ent.a', 'emp.a'), ...cases(gxjA, gxjB), ...batches(null, batchQsh) },
      'emp.a': { ...common('emp.a', 'ent.a'), ...cases(null, gxjA), ...batches(null, batchQsh) },
      bank: {
        ...common('bank', 'admin'),
        ...cases(null, gxjA),
        ...batches(null, batchCity),
        // a bank sees no enterprise's policy facts or matches (its loans are not enterprises' benefit cases)
        enterprise: { outside: { id: String(a), secret: '南昌甲测试电子有限公司' } },
      },
    };
  },

  bodies: {
    'POST /api/policies/evaluate': () => ({ facts: { hiresInWindow: 3 }, asOf: '2020-03-16' }),
    'PUT /api/policies/enterprises/:id/facts': () => ({ facts: {} }),
    'PUT /api/policies/enterprises/:id/payee-account': () => ({
      accountName: '南昌甲测试电子有限公司',
      bankName: '江西银行南昌分行',
      accountNo: '6222000011112222',
    }),
    'POST /api/policies/applications': () => ({
      ruleId: RSJ_RULE,
      facts: { urgentSuppliesStartDate: '2020-02-03', hiresInWindow: 3 },
      payee: { accountName: '南昌甲测试电子有限公司', bankName: '江西银行南昌分行', accountNo: '6222000011112222' },
    }),
    'POST /api/policies/applications/:id/withdraw': () => ({}),
    'POST /api/policies/applications/:id/attachments': () => ({}),
    'POST /api/policies/applications/:id/review': () => ({ decision: 'reject', note: '矩阵测试不予通过' }),
    'POST /api/policies/applications/:id/complete': () => ({}),
    'POST /api/policies/notices/:id/objections': () => ({ reason: '矩阵测试异议理由', contact: '13900000000' }),
    'POST /api/policies/objections/:id/resolve': () => ({ decision: 'dismissed', resolution: '矩阵测试核查' }),
    'POST /api/policies/batches': () => ({ ruleId: RSJ_RULE, asOf: '2020-03-16' }),
    'POST /api/policies/batches/:id/approve': async ({ t }, id) => ({ version: await batchVersion(t, id) }),
    'POST /api/policies/batches/:id/cancel': async ({ t }, id) => ({
      version: await batchVersion(t, id),
      reason: '矩阵测试作废',
    }),
    'POST /api/policies/batch-items/:id/status': () => ({ status: 'excluded', reason: '矩阵测试剔除' }),
    'POST /api/policies/payment-orders/exports': () => ({ format: 'csv' }),
    'POST /api/policies/payment-orders/:id/paid': () => ({ paidOn: '2020-03-20' }),
    'POST /api/policies/payment-orders/paid': () => ({ ids: [1], paidOn: '2020-03-20' }),
    'POST /api/policies/:policyId/publish': () => ({}),
    'POST /api/policies/:policyId/withdraw': () => ({}),
    'PUT /api/policies/:policyId/settings': () => ({ reviewWorkingDays: 60, noticeWorkingDays: 5 }),
    'POST /api/policy-official-facts': () => ({
      fact: 'lpr1yPercent',
      value: 3.85,
      effectiveFrom: '2020-08-20',
      note: '中国人民银行授权全国银行间同业拆借中心公布',
    }),
    'POST /api/policy-simulations': () => ({
      ruleId: GXJ_RULE,
      label: '矩阵测算',
      asOf: '2020-03-16',
      parameters: [],
    }),
    'POST /api/notifications/:id/read': () => undefined,
    'POST /api/notifications/read-all': () => undefined,
  },
};

async function batchVersion(t: MatrixContext['t'], id: string | null) {
  const row = await t.db.kysely
    .selectFrom('policy_batches')
    .select('version')
    .where('id', '=', Number(id ?? 0))
    .executeTakeFirst();
  return row?.version ?? 1;
}
