import { compileRules, requiredFacts, rulesInForce } from '../../domain/policy/index.ts';
import type { Policy } from '../../domain/policy/index.ts';
import type { SessionUser } from '../access/session-user.ts';
import type { AuditActor } from '../audit/audit.ts';
import { writeAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { conflict, forbidden } from '../http/problem.ts';
import type { JobProgress } from '../jobs/jobs.ts';
import { startJob } from '../jobs/jobs.ts';
import type { NewNotification } from '../notifications/notifications.ts';
import { notify } from '../notifications/notifications.ts';
import { applicationFactsOf } from './catalogue.service.ts';
import {
  DEFAULT_NOTICE_WORKING_DAYS,
  DEFAULT_REVIEW_WORKING_DAYS,
  POLICY_STATUS_LABEL,
  departmentOf,
  requirePolicy,
  settingsOf,
  today,
} from './common.ts';
import type { PolicySettings } from './common.ts';
import { ownerKindsOfPolicy } from './ownership.ts';
import { fenToYuanText } from './payments.service.ts';
import { readRegionFacts } from './batches.service.ts';

/** Who may publish a policy: administrators, and departments owning one of its clauses. */
async function requirePublisher(app: AppContext, user: SessionUser, policy: Policy) {
  if (user.role === 'admin') return null;
  const dept = await departmentOf(app, user);
  if (user.role !== 'dept' || !dept || !ownerKindsOfPolicy(policy).includes(dept.kind as never)) {
    throw forbidden('该政策不由您所在部门主管，您无权发布或设置');
  }
  return dept;
}

async function writeSettings(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  policy: Policy,
  current: PolicySettings,
  next: Partial<Pick<PolicySettings, 'status' | 'reviewWorkingDays' | 'noticeWorkingDays'>>,
  version: number | undefined,
  action: string,
  summary: string,
) {
  if (version !== undefined && version !== current.version) {
    throw conflict('该政策的设置已被他人修改，请刷新后重试', 'version');
  }
  const now = app.clock.now();
  const at = now.toISOString();
  const status = next.status ?? current.status;
  const values = {
    status,
    review_working_days: next.reviewWorkingDays ?? current.reviewWorkingDays,
    notice_working_days: next.noticeWorkingDays ?? current.noticeWorkingDays,
    published_at: status === 'published' && current.status !== 'published' ? at : current.publishedAt,
    published_by: status === 'published' && current.status !== 'published' ? user.id : undefined,
    updated_at: at,
    updated_by: user.id,
  };
  await app.db.kysely.transaction().execute(async (trx) => {
    if (current.version === 0) {
      await trx
        .insertInto('policy_settings')
        .values({
          policy_id: policy.id,
          ...values,
          published_by: values.published_by ?? null,
          notified: 0,
          version: 1,
        })
        .execute();
    } else {
      const { published_by, ...rest } = values;
      const result = await trx
        .updateTable('policy_settings')
        .set({ ...rest, ...(published_by !== undefined ? { published_by } : {}), version: current.version + 1 })
        .where('policy_id', '=', policy.id)
        .where('version', '=', current.version)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw conflict('该政策的设置已被他人修改，请刷新后重试', 'version');
    }
    await writeAudit(
      trx,
      app.db.dialect,
      actor,
      {
        action,
        objectType: 'policy',
        objectId: policy.id,
        before: {
          status: current.status,
          reviewWorkingDays: current.reviewWorkingDays,
          noticeWorkingDays: current.noticeWorkingDays,
        },
        after: { status, reviewWorkingDays: values.review_working_days, noticeWorkingDays: values.notice_working_days },
        summary,
      },
      now,
    );
  });
  return settingsOf(app.db.kysely, policy.id);
}

export async function updatePolicySettings(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  policyId: string,
  input: { reviewWorkingDays: number; noticeWorkingDays: number; version?: number | undefined },
) {
  const policy = requirePolicy(policyId);
  await requirePublisher(app, user, policy);
  const current = await settingsOf(app.db.kysely, policyId);
  return writeSettings(
    app,
    user,
    actor,
    policy,
    current,
    { reviewWorkingDays: input.reviewWorkingDays, noticeWorkingDays: input.noticeWorkingDays },
    input.version,
    'policy.settings',
    `“${policy.title}”审核时限 ${input.reviewWorkingDays} 个工作日，公示 ${input.noticeWorkingDays} 个工作日`,
  );
}

/**
 * Publish a policy: it becomes claimable, and (as a job) every enterprise in the publisher's region for which one
 * of its clauses is not ruled out gets a notification: "符合" with the amount when the data decide it, else
 * "可能符合" with what it would have to provide.
 */
export async function publishPolicy(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  policyId: string,
  input: { version?: number | undefined },
): Promise<{ policyId: string; status: string; jobId: number }> {
  const policy = requirePolicy(policyId);
  const dept = await requirePublisher(app, user, policy);
  const current = await settingsOf(app.db.kysely, policyId);
  if (current.status === 'published') throw conflict('该政策已发布', 'status');
  await writeSettings(
    app,
    user,
    actor,
    policy,
    current,
    {
      status: 'published',
      reviewWorkingDays: current.reviewWorkingDays || DEFAULT_REVIEW_WORKING_DAYS,
      noticeWorkingDays: current.noticeWorkingDays || DEFAULT_NOTICE_WORKING_DAYS,
    },
    input.version,
    'policy.publish',
    `发布政策“${policy.title}”`,
  );
  const region = dept?.region_code ?? user.regionCode ?? '36';
  const asOf = today(app);
  const jobId = await startJob(app, 'policy.publish', user.id, async (progress) =>
    notifyMatches(app, actor, policy, region, asOf, progress),
  );
  return { policyId, status: 'published', jobId };
}

export async function notifyMatches(
  app: AppContext,
  actor: AuditActor,
  policy: Policy,
  regionCode: string,
  asOf: string,
  progress?: JobProgress,
) {
  const rules = rulesInForce(policy.rules, asOf).filter((r) => r.target === 'enterprise');
  if (rules.length === 0) return { notified: 0, eligible: 0 };
  const names = [...new Set(['regionCode', 'zoneCode', ...rules.flatMap(requiredFacts)])];
  const { table, ids, rows } = await readRegionFacts(app, regionCode, names, asOf, progress);
  const compiled = compileRules(rules, table, { asOf });
  const row = compiled.newRowResult();
  const items: NewNotification[] = [];
  let eligibleCount = 0;
  for (let i = 0; i < rows; i++) {
    compiled.evaluateRow(i, row);
    const sure: string[] = [];
    const maybe: string[] = [];
    compiled.rules.forEach((r, k) => {
      const s = row.status[k]!;
      if (s === 1) {
        const v = row.payable[k]!;
        if (r.benefit.kind !== 'money') sure.push(r.title);
        else if (v === v) sure.push(`${r.title}（${fenToYuanText(v)} 元）`);
        else {
          // eligible, but the amount needs figures the enterprise (or the department) has not provided yet
          const need = applicationFactsOf(r).map((f) => f.label);
          sure.push(need.length ? `${r.title}（核定金额需补充：${need.join('、')}）` : r.title);
        }
      } else if (s < 0) {
        const need = applicationFactsOf(r).map((f) => f.label);
        maybe.push(need.length ? `${r.title}（需补充：${need.join('、')}）` : r.title);
      }
    });
    if (sure.length === 0 && maybe.length === 0) continue;
    if (sure.length) eligibleCount++;
    items.push({
      enterpriseId: ids[i]!,
      kind: 'policy.published',
      title: `新政策：${policy.title}`,
      body: [
        sure.length ? `贵企业符合：${sure.join('；')}。` : '',
        maybe.length ? `贵企业可能符合：${maybe.join('；')}。` : '',
        '请在“政策匹配”中查看详情和办理方式。',
      ].join(''),
      link: '/my-policies',
    });
  }
  const at = app.clock.now();
  for (let i = 0; i < items.length; i += 5000) {
    await app.db.kysely.transaction().execute(async (trx) => notify(trx, items.slice(i, i + 5000), at.toISOString()));
    await progress?.update(Math.min(i + 5000, items.length), items.length, '正在推送');
  }
  await app.db.kysely.transaction().execute(async (trx) => {
    await trx
      .updateTable('policy_settings')
      .set({ notified: items.length })
      .where('policy_id', '=', policy.id)
      .execute();
    await writeAudit(
      trx,
      app.db.dialect,
      actor,
      {
        action: 'policy.push',
        objectType: 'policy',
        objectId: policy.id,
        summary: `“${policy.title}”精准推送 ${items.length} 家企业（其中 ${eligibleCount} 家已确定符合）`,
        extra: { notified: items.length, eligible: eligibleCount, region: regionCode },
      },
      at,
    );
  });
  return { notified: items.length, eligible: eligibleCount };
}

export async function withdrawPolicy(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  policyId: string,
  input: { version?: number | undefined },
) {
  const policy = requirePolicy(policyId);
  await requirePublisher(app, user, policy);
  const current = await settingsOf(app.db.kysely, policyId);
  if (current.status !== 'published') {
    throw conflict(`该政策${POLICY_STATUS_LABEL[current.status]}，不能停止受理`, 'status');
  }
  return writeSettings(
    app,
    user,
    actor,
    policy,
    current,
    { status: 'withdrawn' },
    input.version,
    'policy.withdraw',
    `政策“${policy.title}”停止受理新的申请`,
  );
}
