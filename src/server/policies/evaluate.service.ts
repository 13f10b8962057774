import {
  ALL_RULES,
  FACT_BY_NAME,
  FACT_SOURCE_LABEL,
  FACTS,
  FULFILMENT_LABEL,
  completeSizeClass,
  evaluate,
  evaluateCatalogue,
  parseEvaluateRequest,
  policyById,
  ruleById,
} from '../../domain/policy/index.ts';
import type { FactValue, Facts, RuleResult } from '../../domain/policy/index.ts';
import type { SessionUser } from '../access/session-user.ts';
import { enterpriseScopeOf } from '../access/scope.ts';
import type { AppContext } from '../context.ts';
import type { EnterpriseRow } from '../db/schema.ts';
import { badRequest, notFound } from '../http/problem.ts';
import { findEnterprise } from '../registry/enterprise.store.ts';
import { APPLICATION_STATUS_LABEL, ORDER_STATUS_LABEL, isApplicable, publishedPolicyIds, today } from './common.ts';
import type { CombinedFacts } from './facts.store.ts';
import { FACT_ORIGIN_LABEL, combineFacts, heldFactsOf, officialFactsAsOf } from './facts.store.ts';
import { departmentKindLabel, ownerKindOf } from './ownership.ts';
import { registryFacts } from './registry-facts.ts';

/** `GET /api/policies/facts`: the facts vocabulary. */
export function factVocabulary() {
  return {
    items: FACTS.map((f) => ({ ...f, sourceLabel: FACT_SOURCE_LABEL[f.source] })),
  };
}

export async function enterpriseInScope(app: AppContext, user: SessionUser, id: number): Promise<EnterpriseRow> {
  const row = await findEnterprise(app.db, enterpriseScopeOf(user), id);
  if (!row) throw notFound('企业不存在或不在您的管辖范围内');
  return row;
}

/** An enterprise's situation as of a date: 一企一档, official figures, held facts and (optionally) an application. */
export async function enterpriseSituation(
  app: AppContext,
  enterprise: EnterpriseRow,
  asOf: string,
  application: Facts = {},
): Promise<CombinedFacts> {
  const [official, held] = await Promise.all([
    officialFactsAsOf(app.db.kysely, asOf),
    heldFactsOf(app.db.kysely, enterprise.id),
  ]);
  return combineFacts({ registry: registryFacts(enterprise), official, held: held?.facts ?? {}, application });
}

function apiResult(r: RuleResult) {
  return {
    policyId: r.policyId,
    ruleId: r.ruleId,
    title: r.title,
    source: r.source,
    eligible: r.eligible,
    amountFen: r.amountFen,
    capped: r.capped,
    missingFacts: r.missingFacts,
    trace: r.trace,
    payableFen: r.payableFen,
    value: r.value,
    stacking: r.stacking,
    fulfilment: r.fulfilment,
  };
}

/**
 * `POST /api/policies/evaluate`: `{facts, asOf}` evaluates a situation; `{enterpriseId, facts?, asOf?}` evaluates
 * an enterprise the caller may see, its 一企一档 and official facts taking precedence over the facts given.
 */
export async function evaluateRequest(app: AppContext, user: SessionUser, body: Record<string, unknown>) {
  const raw = typeof body.enterpriseId === 'number' ? { ...body, enterpriseId: String(body.enterpriseId) } : body;
  const parsed = parseEvaluateRequest(raw);
  if (!parsed.ok) {
    const errors = parsed.errors.map((message) => ({ field: fieldOf(message), message }));
    throw badRequest(parsed.errors.join('；'), errors[0]?.field, errors);
  }
  const request = parsed.request;
  const asOf = request.asOf ?? today(app);
  if (request.kind === 'facts') {
    return { results: evaluateCatalogue(completeSizeClass(request.facts).facts, { asOf }).results.map(apiResult) };
  }
  const id = Number(request.enterpriseId);
  if (!Number.isInteger(id) || id <= 0) throw badRequest('enterpriseId（企业标识）：应为企业编号', 'enterpriseId');
  const enterprise = await enterpriseInScope(app, user, id);
  const situation = await enterpriseSituation(app, enterprise, asOf, request.facts);
  return { results: evaluateCatalogue(situation.facts, { asOf }).results.map(apiResult) };
}

function fieldOf(message: string): string {
  const m = /^([A-Za-z.]+)/.exec(message);
  return m?.[1] ?? 'body';
}

/** Describe missing facts for the enterprise: label, unit and who provides them. */
export function describeFacts(names: readonly string[]) {
  return names.map((name) => {
    const def = FACT_BY_NAME.get(name);
    return {
      name,
      label: def?.label ?? name,
      unit: def?.unit ?? null,
      type: def?.type ?? 'string',
      source: def?.source ?? 'application',
      sourceLabel: def ? FACT_SOURCE_LABEL[def.source] : '申请材料',
      description: def?.description ?? '',
      values: def?.values ?? null,
    };
  });
}

/**
 * 精准推送: the published policies an enterprise qualifies for or may qualify for, with the amount, what it still
 * has to provide, and where its applications and payments stand.
 */
export async function enterpriseMatches(
  app: AppContext,
  user: SessionUser,
  enterpriseId: number,
  options: { asOf?: string; all?: boolean },
) {
  const enterprise = await enterpriseInScope(app, user, enterpriseId);
  const asOf = options.asOf ?? today(app);
  const situation = await enterpriseSituation(app, enterprise, asOf);
  const published = await publishedPolicyIds(app.db.kysely);
  const rules = ALL_RULES.filter((r) => published.has(r.policyId));
  const results = evaluate(rules, situation.facts, { asOf });
  const db = app.db.kysely;
  const [applications, orders, account] = await Promise.all([
    db
      .selectFrom('policy_applications')
      .select(['id', 'rule_id', 'status', 'approved_fen', 'amount_fen', 'submitted_at'])
      .where('enterprise_id', '=', enterpriseId)
      .orderBy('id', 'desc')
      .execute(),
    db
      .selectFrom('policy_payment_orders')
      .select(['id', 'rule_id', 'status', 'amount_fen', 'source', 'paid_on'])
      .where('enterprise_id', '=', enterpriseId)
      .where('status', '!=', 'cancelled')
      .orderBy('id', 'desc')
      .execute(),
    user.role === 'ent_admin' || user.role === 'admin'
      ? db.selectFrom('policy_payee_accounts').selectAll().where('enterprise_id', '=', enterpriseId).executeTakeFirst()
      : Promise.resolve(undefined),
  ]);
  const items = results
    .filter((r) => options.all || r.eligible !== false)
    .map((r) => {
      const rule = ruleById(r.ruleId)!;
      const owner = ownerKindOf(r.ruleId);
      const app0 = applications.find((a) => a.rule_id === r.ruleId);
      const order = orders.find((o) => o.rule_id === r.ruleId);
      return {
        ...apiResult(r),
        policyTitle: policyById(r.policyId)?.title ?? r.policyId,
        kind: rule.kind,
        target: rule.target,
        benefitLabel: rule.benefit.label,
        fulfilmentLabel: FULFILMENT_LABEL[rule.fulfilment],
        ownerKind: owner,
        ownerLabel: departmentKindLabel(owner),
        missing: describeFacts(r.missingFacts),
        canApply: isApplicable(rule) && r.eligible !== false,
        application: app0
          ? {
              id: app0.id,
              status: app0.status,
              statusLabel: APPLICATION_STATUS_LABEL[app0.status] ?? app0.status,
              amountFen: app0.approved_fen ?? app0.amount_fen,
            }
          : null,
        payment: order
          ? {
              id: order.id,
              status: order.status,
              statusLabel: ORDER_STATUS_LABEL[order.status] ?? order.status,
              amountFen: Number(order.amount_fen),
              source: order.source,
              paidOn: order.paid_on,
            }
          : null,
      };
    })
    .sort((a, b) => rank(a) - rank(b) || (b.payableFen ?? 0) - (a.payableFen ?? 0));
  const eligible = items.filter((i) => i.eligible === true);
  return {
    enterprise: { id: enterprise.id, name: enterprise.name, creditCode: enterprise.credit_code },
    asOf,
    facts: Object.entries(situation.facts).map(([name, value]) => ({
      ...describeFacts([name])[0]!,
      value: value as FactValue,
      origin: situation.origin[name]!,
      originLabel: FACT_ORIGIN_LABEL[situation.origin[name]!],
    })),
    summary: {
      eligible: eligible.length,
      eligibleFen: eligible.reduce((s, i) => s + (i.payableFen ?? 0), 0),
      undecided: items.filter((i) => i.eligible === null).length,
      paidFen: orders.filter((o) => o.status === 'paid').reduce((s, o) => s + Number(o.amount_fen), 0),
    },
    payeeAccount: account
      ? {
          accountName: account.account_name,
          bankName: account.bank_name,
          accountNo: account.account_no,
          version: account.version,
        }
      : null,
    items,
  };
}

function rank(i: { eligible: boolean | null; payableFen: number | null }): number {
  if (i.eligible === true) return i.payableFen && i.payableFen > 0 ? 0 : 1;
  return i.eligible === null ? 2 : 3;
}
