import { createWriteStream, mkdirSync } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { addWorkingDays, dueDateAfterAcceptance } from '../../domain/calendar/working-days.ts';
import {
  ALL_RULES,
  FACT_BY_NAME,
  evaluate,
  policyById,
  renderTrace,
  ruleById,
  validateFacts,
} from '../../domain/policy/index.ts';
import type { FactValue, Rule, RuleResult, TraceStep } from '../../domain/policy/index.ts';
import type { SessionUser } from '../access/session-user.ts';
import type { AuditActor } from '../audit/audit.ts';
import { writeAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import type { Transaction } from 'kysely';
import type { Database, EnterpriseRow } from '../db/schema.ts';
import type { ApplicationStatus, PolicyApplicationRow } from '../db/schema-policies.ts';
import type { FieldError } from '../http/problem.ts';
import { Problem, badRequest, conflict, fieldProblem, forbidden, notFound, unprocessable } from '../http/problem.ts';
import { notify } from '../notifications/notifications.ts';
import { applicationFactsOf } from './catalogue.service.ts';
import {
  APPLICATION_STATUS_LABEL,
  OBJECTION_STATUS_LABEL,
  handledKind,
  isApplicable,
  orderNo,
  requireOwner,
  requirePublished,
  requireRule,
  today,
} from './common.ts';
import { describeFacts, enterpriseInScope, enterpriseSituation } from './evaluate.service.ts';
import { heldFactsOf, mergeHeldFacts } from './facts.store.ts';
import { departmentKindLabel, ownerKindOf } from './ownership.ts';
import { fenToYuanText, insertOrders, maskAccount } from './payments.service.ts';
import { caseScopeOf, enterprisesVisible } from './scope.ts';
import type { CaseScope } from './scope.ts';

/** Statuses in which an application still counts (not refused, withdrawn or revoked). */
export const LIVE_APPLICATION_STATUSES: ApplicationStatus[] = ['submitted', 'publicity', 'ordered', 'paid'];

export interface PayeeInput {
  accountName: string;
  bankName: string;
  accountNo: string;
}

export { isApplicable } from './common.ts';

/** The first condition that decided "not eligible", as words. */
function failedCondition(trace: readonly TraceStep[]): string {
  const walk = (steps: readonly TraceStep[]): string | null => {
    for (const s of steps) {
      if (s.result !== false) continue;
      if (s.children?.length) {
        const inner = walk(s.children);
        if (inner) return inner;
      }
      return `${s.label}（${s.detail}）`;
    }
    return null;
  };
  return walk(trace) ?? '条件不满足';
}

/**
 * Check the applicant's facts for a rule: known names, right types, and only facts the applicant supplies (the
 * registry and official figures are not the applicant's to state). Throws a 400 naming each field.
 */
function checkApplicationFacts(rule: Rule, raw: Record<string, unknown>, field = 'facts'): Record<string, FactValue> {
  const validation = validateFacts(raw, field);
  const errors: FieldError[] = validation.errors.map((message) => ({
    field: `${field}.${/^[^.]+\.([A-Za-z0-9]+)/.exec(message)?.[1] ?? ''}`,
    message,
  }));
  const wanted = new Set(applicationFactsOf(rule).map((f) => f.name));
  for (const name of Object.keys(validation.facts)) {
    if (!wanted.has(name)) {
      errors.push({
        field: `${field}.${name}`,
        message: `${field}.${name}（${FACT_BY_NAME.get(name)?.label ?? name}）：不是本政策条款需要填报的信息`,
      });
    }
  }
  if (errors.length) throw badRequest(errors.map((e) => e.message).join('；'), errors[0]?.field, errors);
  const out: Record<string, FactValue> = {};
  for (const [k, v] of Object.entries(validation.facts)) if (v !== null && v !== undefined) out[k] = v;
  return out;
}

/** Evaluate a rule for an enterprise with application facts; the decision, or a 4xx saying why not. */
async function decide(
  app: AppContext,
  enterprise: EnterpriseRow,
  rule: Rule,
  facts: Record<string, FactValue>,
  asOf: string,
  field = 'facts',
): Promise<{ result: RuleResult; payableFen: number }> {
  const situation = await enterpriseSituation(app, enterprise, asOf, facts);
  const result = evaluate(ALL_RULES, situation.facts, { asOf }).find((r) => r.ruleId === rule.id);
  if (!result) throw unprocessable('政策条款：不适用于本企业（不在适用地区或不在有效期内）', 'ruleId');
  if (result.eligible === null) {
    const missing = describeFacts(result.missingFacts);
    const errors = missing.map((m) => ({ field: `${field}.${m.name}`, message: `${m.label}：需补充` }));
    throw badRequest(`需补充：${missing.map((m) => m.label).join('、')}`, errors[0]?.field, errors);
  }
  if (result.eligible === false) {
    throw unprocessable(`不符合条件：${failedCondition(result.trace)}`, 'ruleId');
  }
  const payable = result.payableFen ?? 0;
  if (payable <= 0) {
    throw unprocessable(
      result.stacking && !result.stacking.kept
        ? `就高、不重复：同组政策中“${ruleById(result.stacking.keptRuleId ?? '')?.title ?? '另一项'}”金额不低于本项，请申请该项，本项不重复享受`
        : '按所填信息计算的兑现金额为 0',
      'ruleId',
    );
  }
  return { result, payableFen: payable };
}

/** Already enjoyed: this rule or a member of its stacking group, live in an application, a batch or an order. */
async function alreadyEnjoyed(app: AppContext, enterpriseId: number, rule: Rule): Promise<string | null> {
  const group = rule.stackingGroup
    ? ALL_RULES.filter((r) => r.stackingGroup === rule.stackingGroup).map((r) => r.id)
    : [rule.id];
  const db = app.db.kysely;
  const appRow = await db
    .selectFrom('policy_applications')
    .select(['id', 'rule_id', 'status'])
    .where('enterprise_id', '=', enterpriseId)
    .where('rule_id', 'in', group)
    .where('status', 'in', LIVE_APPLICATION_STATUSES)
    .executeTakeFirst();
  if (appRow) {
    return appRow.rule_id === rule.id
      ? `本企业已有该政策条款的申请（#${appRow.id}，${APPLICATION_STATUS_LABEL[appRow.status]}）`
      : `就高、不重复：本企业已申请同组政策（#${appRow.id}）`;
  }
  const order = await db
    .selectFrom('policy_payment_orders')
    .select(['id', 'rule_id'])
    .where('enterprise_id', '=', enterpriseId)
    .where('rule_id', 'in', group)
    .where('status', '!=', 'cancelled')
    .executeTakeFirst();
  if (order) return `就高、不重复：本企业已通过支付指令 ${orderNo(order.id)} 享受该项（或同组）政策`;
  const item = await db
    .selectFrom('policy_batch_items as i')
    .innerJoin('policy_batches as b', 'b.id', 'i.batch_id')
    .select(['b.id'])
    .where('i.enterprise_id', '=', enterpriseId)
    .where('i.status', '=', 'included')
    .where('b.rule_id', 'in', group)
    .where('b.status', 'in', ['review', 'approving', 'approved'])
    .executeTakeFirst();
  if (item) return `就高、不重复：本企业已纳入免申即享批次 #${item.id}，无需申请`;
  return null;
}

async function savePayee(
  trx: Transaction<Database>,
  enterpriseId: number,
  payee: PayeeInput,
  userId: number,
  at: string,
) {
  const current = await trx
    .selectFrom('policy_payee_accounts')
    .selectAll()
    .where('enterprise_id', '=', enterpriseId)
    .executeTakeFirst();
  const values = { account_name: payee.accountName, bank_name: payee.bankName, account_no: payee.accountNo };
  if (!current) {
    await trx
      .insertInto('policy_payee_accounts')
      .values({ enterprise_id: enterpriseId, ...values, updated_at: at, updated_by: userId, version: 1 })
      .execute();
  } else if (
    current.account_name !== payee.accountName ||
    current.bank_name !== payee.bankName ||
    current.account_no !== payee.accountNo
  ) {
    await trx
      .updateTable('policy_payee_accounts')
      .set({ ...values, updated_at: at, updated_by: userId, version: current.version + 1 })
      .where('enterprise_id', '=', enterpriseId)
      .execute();
  }
  return current ?? null;
}

/** Keep the enterprise's payee account (only the enterprise itself, or an administrator). */
export async function putPayeeAccount(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  enterpriseId: number,
  payee: PayeeInput,
) {
  const enterprise = await enterpriseInScope(app, user, enterpriseId);
  if (user.role !== 'admin' && user.enterpriseId !== enterprise.id) throw notFound('企业不存在或不在您的管辖范围内');
  const now = app.clock.now();
  await app.db.kysely.transaction().execute(async (trx) => {
    const before = await savePayee(trx, enterprise.id, payee, user.id, now.toISOString());
    await writeAudit(
      trx,
      app.db.dialect,
      actor,
      {
        action: 'policy.payee.update',
        objectType: 'enterprise',
        objectId: enterprise.id,
        before: before ? { accountNo: maskAccount(before.account_no), bankName: before.bank_name } : null,
        after: { accountNo: maskAccount(payee.accountNo), bankName: payee.bankName },
        summary: `更新惠企资金收款账户（${payee.bankName} ${maskAccount(payee.accountNo)}）`,
      },
      now,
    );
  });
  return { ...payee };
}

// -----------------------------------------------------------------------------------------------------------------
// Applying
// -----------------------------------------------------------------------------------------------------------------

export async function submitApplication(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  input: { ruleId: string; facts: Record<string, unknown>; payee: PayeeInput },
) {
  if (user.role !== 'ent_admin' || !user.enterpriseId) throw forbidden('只有企业管理员可以为本企业申请');
  const rule = requireRule(input.ruleId);
  if (!isApplicable(rule)) {
    throw fieldProblem(
      'ruleId',
      rule.fulfilment === 'auto'
        ? '政策条款：该项为免申即享，由主管部门依据数据直接兑现，无需申请'
        : '政策条款：本平台受理资金类政策的申请，该事项请按办理指南向主管部门申请',
    );
  }
  const settings = await requirePublished(app.db.kysely, rule);
  const enterprise = await enterpriseInScope(app, user, user.enterpriseId);
  const facts = checkApplicationFacts(rule, input.facts);
  const asOf = today(app);
  const { result, payableFen } = await decide(app, enterprise, rule, facts, asOf);
  const enjoyed = await alreadyEnjoyed(app, enterprise.id, rule);
  if (enjoyed) throw conflict(enjoyed, 'ruleId');
  const now = app.clock.now();
  const at = now.toISOString();
  const due = dueDateAfterAcceptance(at, settings.reviewWorkingDays);
  const created = await app.db.kysely.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('policy_applications')
      .values({
        enterprise_id: enterprise.id,
        rule_id: rule.id,
        policy_id: rule.policyId,
        department_kind: ownerKindOf(rule.id),
        status: 'submitted',
        facts: JSON.stringify(facts),
        verified_facts: null,
        as_of: asOf,
        amount_fen: payableFen,
        approved_fen: null,
        capped: result.capped ? 1 : 0,
        payee_account_name: input.payee.accountName,
        payee_bank_name: input.payee.bankName,
        payee_account_no: input.payee.accountNo,
        submitted_at: at,
        due_date: due.dueDate,
        review_working_days: settings.reviewWorkingDays,
        reviewed_at: null,
        reviewed_by: null,
        review_note: null,
        notice_working_days: settings.noticeWorkingDays,
        notice_start: null,
        notice_end: null,
        completed_at: null,
        payment_order_id: null,
        created_by: user.id,
        version: 1,
        updated_at: at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await savePayee(trx, enterprise.id, input.payee, user.id, at);
    await writeAudit(
      trx,
      app.db.dialect,
      actor,
      {
        action: 'policy.application.submit',
        objectType: 'policy_application',
        objectId: row.id,
        after: { ruleId: rule.id, facts, amountFen: payableFen },
        summary: `申请“${rule.title}”，测算 ${fenToYuanText(payableFen)} 元，${due.dueDate} 前审核`,
      },
      now,
    );
    return row;
  });
  return getApplication(app, user, created.id);
}

// -----------------------------------------------------------------------------------------------------------------
// Reading
// -----------------------------------------------------------------------------------------------------------------

export interface ApplicationFilter {
  status?: ApplicationStatus;
  ruleId?: string;
  policyId?: string;
  enterpriseId?: number;
  overdue?: boolean;
  q?: string;
}

async function applicationScope(app: AppContext, user: SessionUser): Promise<CaseScope> {
  return caseScopeOf(user, await handledKind(app, user));
}

function applicationsQuery(app: AppContext, scope: CaseScope, f: ApplicationFilter, todayIso: string) {
  let q = app.db.kysely
    .selectFrom('policy_applications as a')
    .innerJoin('enterprises', 'enterprises.id', 'a.enterprise_id')
    .where(enterprisesVisible(scope));
  if (scope.departmentKind) q = q.where('a.department_kind', '=', scope.departmentKind);
  if (f.status) q = q.where('a.status', '=', f.status);
  if (f.ruleId) q = q.where('a.rule_id', '=', f.ruleId);
  if (f.policyId) q = q.where('a.policy_id', '=', f.policyId);
  if (f.enterpriseId) q = q.where('a.enterprise_id', '=', f.enterpriseId);
  if (f.overdue) q = q.where('a.status', '=', 'submitted').where('a.due_date', '<', todayIso);
  if (f.q) q = q.where('enterprises.name', 'like', `%${f.q.replace(/[%_\\]/g, '')}%`);
  return q;
}

type ApplicationWithEnterprise = PolicyApplicationRow & { enterprise_name: string; credit_code: string };

function toApplicationDto(app: AppContext, a: ApplicationWithEnterprise, todayIso: string) {
  const rule = requireRule(a.rule_id);
  return {
    id: a.id,
    enterpriseId: a.enterprise_id,
    enterpriseName: a.enterprise_name,
    creditCode: a.credit_code,
    ruleId: a.rule_id,
    ruleTitle: rule.title,
    ruleSource: rule.source,
    policyId: a.policy_id,
    policyTitle: policyById(a.policy_id)?.title ?? a.policy_id,
    departmentKind: a.department_kind,
    departmentLabel: departmentKindLabel(a.department_kind),
    status: a.status,
    statusLabel: APPLICATION_STATUS_LABEL[a.status] ?? a.status,
    asOf: a.as_of,
    amountFen: a.amount_fen === null ? null : Number(a.amount_fen),
    approvedFen: a.approved_fen === null ? null : Number(a.approved_fen),
    capped: a.capped === 1,
    submittedAt: a.submitted_at,
    dueDate: a.due_date,
    reviewWorkingDays: a.review_working_days,
    overdue: a.status === 'submitted' && a.due_date < todayIso,
    reviewedAt: a.reviewed_at,
    reviewNote: a.review_note,
    noticeWorkingDays: a.notice_working_days,
    noticeStart: a.notice_start,
    noticeEnd: a.notice_end,
    noticeOver: a.status === 'publicity' && a.notice_end !== null && a.notice_end < todayIso,
    completedAt: a.completed_at,
    paymentOrderId: a.payment_order_id,
    paymentOrderNo: a.payment_order_id ? orderNo(a.payment_order_id) : null,
    payee: {
      accountName: a.payee_account_name,
      bankName: a.payee_bank_name,
      accountNo: a.payee_account_no,
    },
    version: a.version,
  };
}

export async function listApplications(
  app: AppContext,
  user: SessionUser,
  filter: ApplicationFilter,
  page: { page: number; pageSize: number },
) {
  const scope = await applicationScope(app, user);
  const t = today(app);
  const base = applicationsQuery(app, scope, filter, t);
  const [rows, count] = await Promise.all([
    base
      .selectAll('a')
      .select(['enterprises.name as enterprise_name', 'enterprises.credit_code'])
      .orderBy('a.id', 'desc')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map((r) => toApplicationDto(app, r, t)), total: Number(count.n) };
}

export async function findApplication(
  app: AppContext,
  user: SessionUser,
  id: number,
): Promise<ApplicationWithEnterprise> {
  const scope = await applicationScope(app, user);
  const row = await applicationsQuery(app, scope, {}, today(app))
    .selectAll('a')
    .select(['enterprises.name as enterprise_name', 'enterprises.credit_code'])
    .where('a.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('申请不存在或不在您的管辖范围内');
  return row;
}

export async function getApplication(app: AppContext, user: SessionUser, id: number) {
  const a = await findApplication(app, user, id);
  const t = today(app);
  const rule = requireRule(a.rule_id);
  const enterprise = await app.db.kysely
    .selectFrom('enterprises')
    .selectAll()
    .where('id', '=', a.enterprise_id)
    .executeTakeFirstOrThrow();
  const facts = JSON.parse(a.verified_facts ?? a.facts) as Record<string, FactValue>;
  const situation = await enterpriseSituation(app, enterprise, a.as_of, facts);
  const result = evaluate(ALL_RULES, situation.facts, { asOf: a.as_of }).find((r) => r.ruleId === a.rule_id) ?? null;
  const held = await heldFactsOf(app.db.kysely, a.enterprise_id);
  const [attachments, objections] = await Promise.all([
    app.db.kysely.selectFrom('policy_attachments').selectAll().where('application_id', '=', id).orderBy('id').execute(),
    app.db.kysely.selectFrom('policy_objections').selectAll().where('application_id', '=', id).orderBy('id').execute(),
  ]);
  const submitted = JSON.parse(a.facts) as Record<string, FactValue>;
  const verified = a.verified_facts ? (JSON.parse(a.verified_facts) as Record<string, FactValue>) : null;
  return {
    ...toApplicationDto(app, a, t),
    applicationFacts: applicationFactsOf(rule).map((f) => ({
      ...describeFacts([f.name])[0]!,
      submitted: submitted[f.name] ?? null,
      verified: verified ? (verified[f.name] ?? null) : null,
      held: held?.facts[f.name] ?? null,
      heldOrigin: held?.origin[f.name] ?? null,
    })),
    evaluation: result
      ? {
          eligible: result.eligible,
          amountFen: result.amountFen,
          payableFen: result.payableFen,
          capped: result.capped,
          missingFacts: result.missingFacts,
          trace: result.trace,
          lines: renderTrace(result.trace),
        }
      : null,
    attachments: attachments.map((f) => ({
      id: f.id,
      fileName: f.file_name,
      contentType: f.content_type,
      sizeBytes: f.size_bytes,
      uploadedAt: f.uploaded_at,
    })),
    objections: objections.map((o) => ({
      id: o.id,
      status: o.status,
      statusLabel: OBJECTION_STATUS_LABEL[o.status] ?? o.status,
      reason: o.reason,
      // The objector's contact is for the reviewing department only.
      contact: user.role === 'dept' || user.role === 'admin' ? o.contact : null,
      submittedAt: o.submitted_at,
      resolvedAt: o.resolved_at,
      resolution: o.resolution,
    })),
  };
}

// -----------------------------------------------------------------------------------------------------------------
// Changing
// -----------------------------------------------------------------------------------------------------------------

function checkVersion(a: PolicyApplicationRow, version: number | undefined) {
  if (version !== undefined && a.version !== version) throw conflict('该申请已被他人处理，请刷新后重试', 'version');
}

async function updateApplication(
  trx: Transaction<Database>,
  a: PolicyApplicationRow,
  changes: Partial<Omit<PolicyApplicationRow, 'id'>>,
  at: string,
) {
  const result = await trx
    .updateTable('policy_applications')
    .set({ ...changes, version: a.version + 1, updated_at: at })
    .where('id', '=', a.id)
    .where('version', '=', a.version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw conflict('该申请已被他人处理，请刷新后重试', 'version');
}

export async function withdrawApplication(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  id: number,
  input: { version?: number | undefined },
) {
  const a = await findApplication(app, user, id);
  if (user.role !== 'admin' && user.enterpriseId !== a.enterprise_id) throw forbidden('只有申请企业可以撤回申请');
  if (a.status !== 'submitted') throw conflict(`申请${APPLICATION_STATUS_LABEL[a.status]}，不能撤回`, 'status');
  checkVersion(a, input.version);
  const now = app.clock.now();
  await app.db.kysely.transaction().execute(async (trx) => {
    await updateApplication(trx, a, { status: 'withdrawn' }, now.toISOString());
    await writeAudit(
      trx,
      app.db.dialect,
      actor,
      {
        action: 'policy.application.withdraw',
        objectType: 'policy_application',
        objectId: id,
        before: { status: a.status },
        after: { status: 'withdrawn' },
        summary: `撤回申请 #${id}`,
      },
      now,
    );
  });
  return getApplication(app, user, id);
}

const ATTACHMENT_TYPES = /\.(pdf|jpe?g|png|xlsx?|docx?|ofd)$/i;
const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;
const ATTACHMENTS_PER_APPLICATION = 20;

export function attachmentDir(app: AppContext): string {
  const dir = path.join(app.config.dataDir, 'policy-attachments');
  mkdirSync(dir, { recursive: true });
  return dir;
}

export async function addAttachment(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  id: number,
  upload: { filename: string; mimetype: string; file: Readable & { truncated?: boolean } },
) {
  const a = await findApplication(app, user, id);
  if (user.role !== 'admin' && user.enterpriseId !== a.enterprise_id) {
    upload.file.resume();
    throw forbidden('只有申请企业可以上传材料');
  }
  if (a.status !== 'submitted') {
    upload.file.resume();
    throw conflict(`申请${APPLICATION_STATUS_LABEL[a.status]}，不能再上传材料`, 'file');
  }
  if (!ATTACHMENT_TYPES.test(upload.filename)) {
    upload.file.resume();
    throw fieldProblem('file', '证明材料：只支持 PDF、OFD、图片（JPG/PNG）、Word 和 Excel 文件');
  }
  const count = await app.db.kysely
    .selectFrom('policy_attachments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('application_id', '=', id)
    .executeTakeFirstOrThrow();
  if (Number(count.n) >= ATTACHMENTS_PER_APPLICATION) {
    upload.file.resume();
    throw conflict(`证明材料：每件申请最多 ${ATTACHMENTS_PER_APPLICATION} 个文件`, 'file');
  }
  const stored = `${randomUUID()}${path.extname(upload.filename).toLowerCase()}`;
  const file = path.join(attachmentDir(app), stored);
  await pipeline(upload.file, createWriteStream(file));
  const size = (await stat(file)).size;
  if (upload.file.truncated || size > ATTACHMENT_MAX_BYTES) {
    await rm(file, { force: true });
    throw fieldProblem('file', '证明材料：单个文件不能超过 20 MB');
  }
  if (size === 0) {
    await rm(file, { force: true });
    throw fieldProblem('file', '证明材料：文件是空的');
  }
  const now = app.clock.now();
  const row = await app.db.kysely.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('policy_attachments')
      .values({
        application_id: id,
        file_name: path.basename(upload.filename).slice(0, 200),
        stored_name: stored,
        content_type: upload.mimetype.slice(0, 100),
        size_bytes: size,
        uploaded_by: user.id,
        uploaded_at: now.toISOString(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(
      trx,
      app.db.dialect,
      actor,
      {
        action: 'policy.application.attach',
        objectType: 'policy_application',
        objectId: id,
        summary: `上传证明材料“${inserted.file_name}”（${size} 字节）`,
      },
      now,
    );
    return inserted;
  });
  return { id: row.id, fileName: row.file_name, contentType: row.content_type, sizeBytes: row.size_bytes };
}

export async function attachmentFile(app: AppContext, user: SessionUser, attachmentId: number) {
  const row = await app.db.kysely
    .selectFrom('policy_attachments')
    .selectAll()
    .where('id', '=', attachmentId)
    .executeTakeFirst();
  if (!row) throw notFound('材料不存在');
  await findApplication(app, user, row.application_id).catch(() => {
    throw notFound('材料不存在');
  });
  return {
    path: path.join(attachmentDir(app), path.basename(row.stored_name)),
    fileName: row.file_name,
    contentType: row.content_type || 'application/octet-stream',
  };
}

export async function reviewApplication(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  id: number,
  input: {
    decision: 'approve' | 'reject';
    note?: string | undefined;
    verifiedFacts?: Record<string, unknown> | undefined;
    version?: number | undefined;
  },
) {
  const a = await findApplication(app, user, id);
  const rule = requireRule(a.rule_id);
  const dept = await requireOwner(app, user, rule);
  if (a.status !== 'submitted') throw conflict(`申请${APPLICATION_STATUS_LABEL[a.status]}，不能再审核`, 'status');
  checkVersion(a, input.version);
  const now = app.clock.now();
  const at = now.toISOString();
  const t = today(app);
  const reviewer = dept ? `${dept.short_name} ${user.displayName}` : user.displayName;
  if (input.decision === 'reject') {
    const note = input.note?.trim() ?? '';
    if (note.length < 2) throw fieldProblem('note', '审核意见：不予通过时请写明理由');
    await app.db.kysely.transaction().execute(async (trx) => {
      await updateApplication(
        trx,
        a,
        { status: 'rejected', reviewed_at: at, reviewed_by: user.id, review_note: note },
        at,
      );
      await notify(
        trx,
        [
          {
            enterpriseId: a.enterprise_id,
            kind: 'policy.application.rejected',
            title: `申请未通过：${rule.title}`,
            body: `申请 #${id} 经${reviewer}审核不予通过。理由：${note}`,
            link: `/my-policies/applications/${id}`,
          },
        ],
        at,
      );
      await writeAudit(
        trx,
        app.db.dialect,
        actor,
        {
          action: 'policy.application.reject',
          objectType: 'policy_application',
          objectId: id,
          before: { status: a.status },
          after: { status: 'rejected', note },
          summary: `申请 #${id}“${rule.title}”不予通过`,
        },
        now,
      );
    });
    return getApplication(app, user, id);
  }
  const submitted = JSON.parse(a.facts) as Record<string, FactValue>;
  const corrections = input.verifiedFacts ? checkApplicationFacts(rule, input.verifiedFacts, 'verifiedFacts') : {};
  const verified = { ...submitted, ...corrections };
  const enterprise = await app.db.kysely
    .selectFrom('enterprises')
    .selectAll()
    .where('id', '=', a.enterprise_id)
    .executeTakeFirstOrThrow();
  const { payableFen, result } = await decide(app, enterprise, rule, verified, a.as_of, 'verifiedFacts');
  const noticeStart = addWorkingDays(t, 1);
  const noticeEnd = addWorkingDays(t, a.notice_working_days);
  await app.db.kysely.transaction().execute(async (trx) => {
    await updateApplication(
      trx,
      a,
      {
        status: 'publicity',
        verified_facts: JSON.stringify(verified),
        approved_fen: payableFen,
        capped: result.capped ? 1 : 0,
        reviewed_at: at,
        reviewed_by: user.id,
        review_note: input.note?.trim() || null,
        notice_start: noticeStart,
        notice_end: noticeEnd,
      },
      at,
    );
    await mergeHeldFacts(
      trx,
      a.enterprise_id,
      verified,
      `申请 #${id} 审核确认（${dept?.name ?? '系统管理员'}）`,
      user.id,
      at,
    );
    await notify(
      trx,
      [
        {
          enterpriseId: a.enterprise_id,
          kind: 'policy.application.approved',
          title: `审核通过，进入公示：${rule.title}`,
          body: `申请 #${id} 核定金额 ${fenToYuanText(payableFen)} 元，于 ${noticeStart} 至 ${noticeEnd} 公示 ${a.notice_working_days} 个工作日，公示无异议后拨付。`,
          link: `/my-policies/applications/${id}`,
        },
      ],
      at,
    );
    await writeAudit(
      trx,
      app.db.dialect,
      actor,
      {
        action: 'policy.application.approve',
        objectType: 'policy_application',
        objectId: id,
        before: { status: a.status, facts: submitted },
        after: { status: 'publicity', facts: verified, approvedFen: payableFen, noticeStart, noticeEnd },
        summary: `申请 #${id}“${rule.title}”审核通过，核定 ${fenToYuanText(payableFen)} 元，公示至 ${noticeEnd}`,
      },
      now,
    );
  });
  return getApplication(app, user, id);
}

/** 公示期满且无未处理或成立的异议：生成支付指令. */
export async function completeApplication(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  id: number,
  input: { version?: number | undefined },
) {
  const a = await findApplication(app, user, id);
  const rule = requireRule(a.rule_id);
  const dept = await requireOwner(app, user, rule);
  if (a.status !== 'publicity') throw conflict(`申请${APPLICATION_STATUS_LABEL[a.status]}，不能生成支付指令`, 'status');
  checkVersion(a, input.version);
  const t = today(app);
  if (!a.notice_end || t <= a.notice_end) {
    throw conflict(`公示期至 ${a.notice_end} 止，公示期满后才能生成支付指令`, 'status');
  }
  const objections = await app.db.kysely
    .selectFrom('policy_objections')
    .select(['id', 'status'])
    .where('application_id', '=', id)
    .execute();
  if (objections.some((o) => o.status === 'open')) throw conflict('公示期间收到的异议尚未处理完毕', 'status');
  const now = app.clock.now();
  const at = now.toISOString();
  const dismissed = objections.filter((o) => o.status === 'dismissed').length;
  const amount = Number(a.approved_fen);
  // read before the transaction: SQLite has one connection, a query outside `trx` inside it would wait forever
  const countyCode = await countyOf(app, a.enterprise_id);
  await app.db.kysely.transaction().execute(async (trx) => {
    const [orderId] = await insertOrders(
      trx,
      [
        {
          source: 'application',
          applicationId: a.id,
          enterprise: {
            id: a.enterprise_id,
            name: a.enterprise_name,
            countyCode,
          },
          rule,
          departmentId: dept?.id ?? null,
          departmentKind: a.department_kind,
          amountFen: amount,
          basis: `申请 #${a.id}（${a.submitted_at.slice(0, 10)} 提交）经审核通过，${a.notice_start} 至 ${a.notice_end} 公示 ${a.notice_working_days} 个工作日${dismissed ? `，${dismissed} 件异议经核查不成立` : '无异议'}`,
          account: {
            accountName: a.payee_account_name,
            bankName: a.payee_bank_name,
            accountNo: a.payee_account_no,
          },
        },
      ],
      user.id,
      at,
    );
    await updateApplication(trx, a, { status: 'ordered', completed_at: at, payment_order_id: orderId! }, at);
    await notify(
      trx,
      [
        {
          enterpriseId: a.enterprise_id,
          kind: 'policy.application.ordered',
          title: `公示期满，已生成支付指令：${rule.title}`,
          body: `申请 #${id} 公示无异议，已生成支付指令 ${orderNo(orderId!)}，金额 ${fenToYuanText(amount)} 元，待财政和银行拨付。`,
          link: `/my-policies/applications/${id}`,
        },
      ],
      at,
    );
    await writeAudit(
      trx,
      app.db.dialect,
      actor,
      {
        action: 'policy.application.complete',
        objectType: 'policy_application',
        objectId: id,
        before: { status: a.status },
        after: { status: 'ordered', paymentOrderId: orderId },
        summary: `申请 #${id} 公示期满，生成支付指令 ${orderNo(orderId!)}（${fenToYuanText(amount)} 元）`,
      },
      now,
    );
  });
  return getApplication(app, user, id);
}

async function countyOf(app: AppContext, enterpriseId: number): Promise<string> {
  const e = await app.db.kysely
    .selectFrom('enterprises')
    .select('county_code')
    .where('id', '=', enterpriseId)
    .executeTakeFirstOrThrow();
  return e.county_code;
}

// -----------------------------------------------------------------------------------------------------------------
// 公示 and objections
// -----------------------------------------------------------------------------------------------------------------

/** Applications in public notice (公示): public information, every one of them. */
export async function listNotices(app: AppContext, page: { page: number; pageSize: number }) {
  const base = app.db.kysely
    .selectFrom('policy_applications as a')
    .innerJoin('enterprises', 'enterprises.id', 'a.enterprise_id')
    .where('a.status', '=', 'publicity');
  const [rows, count] = await Promise.all([
    base
      .select([
        'a.id',
        'a.rule_id',
        'a.policy_id',
        'a.department_kind',
        'a.approved_fen',
        'a.notice_start',
        'a.notice_end',
        'enterprises.name',
        'enterprises.credit_code',
        'enterprises.county_code',
      ])
      .orderBy('a.notice_end')
      .orderBy('a.id')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      enterpriseName: r.name,
      creditCode: r.credit_code,
      countyName: app.regions.name(r.county_code),
      ruleId: r.rule_id,
      ruleTitle: requireRule(r.rule_id).title,
      ruleSource: requireRule(r.rule_id).source,
      policyTitle: policyById(r.policy_id)?.title ?? r.policy_id,
      departmentLabel: departmentKindLabel(r.department_kind),
      amountFen: Number(r.approved_fen),
      noticeStart: r.notice_start,
      noticeEnd: r.notice_end,
    })),
    total: Number(count.n),
  };
}

export async function fileObjection(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  applicationId: number,
  input: { reason: string; contact: string },
) {
  const a = await app.db.kysely
    .selectFrom('policy_applications')
    .selectAll()
    .where('id', '=', applicationId)
    .where('status', '=', 'publicity')
    .executeTakeFirst();
  if (!a) throw notFound('该申请不在公示中');
  if (a.notice_end && today(app) > a.notice_end)
    throw conflict(`公示已于 ${a.notice_end} 结束，不再受理异议`, 'status');
  const now = app.clock.now();
  const row = await app.db.kysely.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('policy_objections')
      .values({
        application_id: applicationId,
        status: 'open',
        reason: input.reason,
        contact: input.contact,
        submitted_by: user.id,
        submitted_at: now.toISOString(),
        resolved_by: null,
        resolved_at: null,
        resolution: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(
      trx,
      app.db.dialect,
      actor,
      {
        action: 'policy.objection.file',
        objectType: 'policy_application',
        objectId: applicationId,
        summary: `对公示中的申请 #${applicationId} 提出异议`,
        extra: { objectionId: inserted.id },
      },
      now,
    );
    return inserted;
  });
  return {
    id: row.id,
    status: row.status,
    statusLabel: OBJECTION_STATUS_LABEL[row.status],
    submittedAt: row.submitted_at,
  };
}

export async function resolveObjection(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  objectionId: number,
  input: { decision: 'upheld' | 'dismissed'; resolution: string },
) {
  const o = await app.db.kysely
    .selectFrom('policy_objections')
    .selectAll()
    .where('id', '=', objectionId)
    .executeTakeFirst();
  if (!o) throw notFound('异议不存在');
  const a = await findApplication(app, user, o.application_id).catch((error: unknown) => {
    if (error instanceof Problem && error.status === 404) throw notFound('异议不存在');
    throw error;
  });
  const rule = requireRule(a.rule_id);
  const dept = await requireOwner(app, user, rule);
  if (o.status !== 'open') throw conflict('该异议已处理', 'status');
  const now = app.clock.now();
  const at = now.toISOString();
  await app.db.kysely.transaction().execute(async (trx) => {
    await trx
      .updateTable('policy_objections')
      .set({ status: input.decision, resolved_by: user.id, resolved_at: at, resolution: input.resolution })
      .where('id', '=', objectionId)
      .where('status', '=', 'open')
      .execute();
    if (input.decision === 'upheld' && a.status === 'publicity') {
      await updateApplication(trx, a, { status: 'revoked' }, at);
      await notify(
        trx,
        [
          {
            enterpriseId: a.enterprise_id,
            kind: 'policy.application.revoked',
            title: `公示异议成立，不予兑现：${rule.title}`,
            body: `申请 #${a.id} 公示期间收到的异议经${dept?.short_name ?? '主管部门'}核查成立：${input.resolution}`,
            link: `/my-policies/applications/${a.id}`,
          },
        ],
        at,
      );
    }
    await writeAudit(
      trx,
      app.db.dialect,
      actor,
      {
        action: input.decision === 'upheld' ? 'policy.objection.uphold' : 'policy.objection.dismiss',
        objectType: 'policy_objection',
        objectId: objectionId,
        before: { status: 'open' },
        after: { status: input.decision, resolution: input.resolution },
        summary: `申请 #${a.id} 的异议${input.decision === 'upheld' ? '成立，申请不予兑现' : '不成立'}`,
      },
      now,
    );
  });
  return getApplication(app, user, a.id);
}
