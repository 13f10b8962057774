import type { Kysely, Transaction } from 'kysely';
import { toShanghaiDate } from '../../domain/calendar/working-days.ts';
import { POLICIES, policyById, ruleById } from '../../domain/policy/index.ts';
import type { Policy, Rule } from '../../domain/policy/index.ts';
import type { SessionUser } from '../access/session-user.ts';
import type { AppContext } from '../context.ts';
import type { Database, DepartmentRow } from '../db/schema.ts';
import type { PolicySettingsRow } from '../db/schema-policies.ts';
import { fieldProblem, forbidden, notFound } from '../http/problem.ts';
import { departmentKindLabel, ownerKindOf } from './ownership.ts';

type Q = Kysely<Database> | Transaction<Database>;

/** Default review time limit for applications: 60 working days. */
export const DEFAULT_REVIEW_WORKING_DAYS = 60;
/** Default length of the public notice (公示). */
export const DEFAULT_NOTICE_WORKING_DAYS = 5;

/** Today's calendar date in Asia/Shanghai by the server's clock. */
export function today(app: AppContext): string {
  return toShanghaiDate(app.clock.now().toISOString());
}

export function nowIso(app: AppContext): string {
  return app.clock.now().toISOString();
}

/**
 * Money rules an enterprise can apply for on the platform (快申快享 / apply → review → 公示 → pay): paid, exempted
 * or reduced amounts. Deferrals, caps and non-money benefits are handled by the owning department's own procedure,
 * and 免申即享 rules are paid from data without an application. `POST /api/policies/applications` refuses the rest,
 * and the matches list offers 申请 (`canApply`) only for these.
 */
export function isApplicable(rule: Rule): boolean {
  return rule.fulfilment !== 'auto' && rule.benefit.kind === 'money' && rule.kind !== 'cap' && rule.kind !== 'defer';
}

export function requireRule(ruleId: string, field = 'ruleId'): Rule {
  const rule = ruleById(ruleId);
  if (!rule) throw fieldProblem(field, '政策条款：不存在');
  return rule;
}

export function requirePolicy(policyId: string): Policy {
  const policy = policyById(policyId);
  if (!policy) throw notFound('政策不存在');
  return policy;
}

export interface PolicySettings {
  policyId: string;
  status: PolicySettingsRow['status'];
  reviewWorkingDays: number;
  noticeWorkingDays: number;
  publishedAt: string | null;
  notified: number;
  version: number;
}

function toSettings(policyId: string, row: PolicySettingsRow | undefined): PolicySettings {
  return {
    policyId,
    status: row?.status ?? 'draft',
    reviewWorkingDays: row?.review_working_days ?? DEFAULT_REVIEW_WORKING_DAYS,
    noticeWorkingDays: row?.notice_working_days ?? DEFAULT_NOTICE_WORKING_DAYS,
    publishedAt: row?.published_at ?? null,
    notified: row?.notified ?? 0,
    version: row?.version ?? 0,
  };
}

export async function settingsOf(db: Q, policyId: string): Promise<PolicySettings> {
  const row = await db.selectFrom('policy_settings').selectAll().where('policy_id', '=', policyId).executeTakeFirst();
  return toSettings(policyId, row);
}

/** Settings of every catalogue policy (a policy without a row is an unpublished draft). */
export async function allSettings(db: Q): Promise<Map<string, PolicySettings>> {
  const rows = await db.selectFrom('policy_settings').selectAll().execute();
  const byId = new Map(rows.map((r) => [r.policy_id, r]));
  return new Map(POLICIES.map((p) => [p.id, toSettings(p.id, byId.get(p.id))]));
}

export async function publishedPolicyIds(db: Q): Promise<Set<string>> {
  const rows = await db.selectFrom('policy_settings').select('policy_id').where('status', '=', 'published').execute();
  return new Set(rows.map((r) => r.policy_id));
}

export async function requirePublished(db: Q, rule: Rule): Promise<PolicySettings> {
  const settings = await settingsOf(db, rule.policyId);
  if (settings.status !== 'published') throw fieldProblem('ruleId', '政策条款：该政策尚未发布或已停止受理');
  return settings;
}

/** The department a government user works for, with its kind. */
export async function departmentOf(app: AppContext, user: SessionUser): Promise<DepartmentRow | null> {
  if (!user.departmentId) return null;
  const row = await app.db.kysely
    .selectFrom('departments')
    .selectAll()
    .where('id', '=', user.departmentId)
    .executeTakeFirst();
  return row ?? null;
}

/**
 * Who may act on a rule's cases: administrators, and department users whose department kind owns the rule.
 * Returns the department (null for an administrator).
 */
export async function requireOwner(app: AppContext, user: SessionUser, rule: Rule): Promise<DepartmentRow | null> {
  if (user.role === 'admin') return null;
  const dept = await departmentOf(app, user);
  const owner = ownerKindOf(rule.id);
  if (user.role !== 'dept' || !dept || dept.kind !== owner) {
    throw forbidden(`该政策条款由${departmentKindLabel(owner)}部门办理，您无权办理`);
  }
  return dept;
}

/** The kind whose cases a user handles: a department user's department kind; null for everyone else. */
export async function handledKind(app: AppContext, user: SessionUser): Promise<string | null> {
  if (user.role !== 'dept') return null;
  return (await departmentOf(app, user))?.kind ?? null;
}

/** Is every enterprise of region `inner` also in region `outer`? (Zone codes carry their city: Z3601xx.) */
export function regionWithin(inner: string, outer: string): boolean {
  if (outer.startsWith('Z')) return inner === outer;
  if (inner.startsWith('Z')) return inner.startsWith(`Z${outer}`) && outer.length <= 4;
  return inner.startsWith(outer);
}

export const APPLICATION_STATUS_LABEL: Record<string, string> = {
  submitted: '待审核',
  rejected: '不予通过',
  withdrawn: '已撤回',
  publicity: '公示中',
  revoked: '公示异议成立',
  ordered: '待拨付',
  paid: '已兑付',
};

export const BATCH_STATUS_LABEL: Record<string, string> = {
  running: '正在计算',
  review: '待审核',
  approving: '正在生成支付指令',
  approved: '已批准',
  failed: '计算失败',
  cancelled: '已作废',
};

export const ORDER_STATUS_LABEL: Record<string, string> = {
  pending: '待导出',
  exported: '已导出待支付',
  paid: '已支付',
  cancelled: '已作废',
};

export const OBJECTION_STATUS_LABEL: Record<string, string> = {
  open: '待处理',
  upheld: '异议成立',
  dismissed: '异议不成立',
};

export const POLICY_STATUS_LABEL: Record<string, string> = {
  draft: '未发布',
  published: '已发布',
  withdrawn: '已停止受理',
};

/** `ZF0000000123`: a payment order's number, from its id. */
export function orderNo(id: number): string {
  return `ZF${String(id).padStart(10, '0')}`;
}

/** The clause a payment is made under: title, document and line. */
export function clauseText(rule: Rule): string {
  const policy = policyById(rule.policyId);
  return `${rule.title}（${policy?.title ?? rule.policyId}，${rule.source}）`;
}
