import { FACT_BY_NAME, validateFacts } from '../../domain/policy/index.ts';
import type { FactValue } from '../../domain/policy/index.ts';
import type { SessionUser } from '../access/session-user.ts';
import type { AuditActor } from '../audit/audit.ts';
import { writeAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { badRequest, conflict, fieldProblem, forbidden } from '../http/problem.ts';
import { departmentOf, today } from './common.ts';
import { enterpriseInScope, enterpriseSituation } from './evaluate.service.ts';
import { FACT_ORIGIN_LABEL, OFFICIAL_FACTS, heldFactsOf, mergeHeldFacts, officialFactsAsOf } from './facts.store.ts';

/** Official figures: for each, the value in force today and the full history. */
export async function listOfficialFacts(app: AppContext) {
  const rows = await app.db.kysely
    .selectFrom('policy_official_facts as f')
    .leftJoin('users as u', 'u.id', 'f.created_by')
    .select(['f.id', 'f.fact', 'f.value', 'f.effective_from', 'f.note', 'f.created_at', 'u.display_name'])
    .orderBy('f.fact')
    .orderBy('f.effective_from', 'desc')
    .orderBy('f.id', 'desc')
    .execute();
  const current = await officialFactsAsOf(app.db.kysely, today(app));
  return {
    items: OFFICIAL_FACTS.map((def) => ({
      name: def.name,
      label: def.label,
      type: def.type,
      unit: def.unit,
      description: def.description,
      current: current[def.name] ?? null,
      history: rows
        .filter((r) => r.fact === def.name)
        .map((r) => ({
          id: r.id,
          value: JSON.parse(r.value) as FactValue,
          effectiveFrom: r.effective_from,
          note: r.note,
          createdAt: r.created_at,
          createdBy: r.display_name,
        })),
    })),
  };
}

/** Record a new dated value of an official figure (the old values stay: history). */
export async function addOfficialFact(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  input: { fact: string; value: FactValue; effectiveFrom: string; note: string },
) {
  const def = FACT_BY_NAME.get(input.fact);
  if (!def || def.source !== 'official') throw fieldProblem('fact', '数据项：不是官方公布数据');
  const check = validateFacts({ [input.fact]: input.value }, 'value');
  if (!check.ok) throw fieldProblem('value', `${def.label}：${check.errors[0]!.split('：').slice(1).join('：')}`);
  const now = app.clock.now();
  await app.db.kysely.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('policy_official_facts')
      .values({
        fact: input.fact,
        value: JSON.stringify(input.value),
        effective_from: input.effectiveFrom,
        note: input.note,
        created_by: user.id,
        created_at: now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(
      trx,
      app.db.dialect,
      actor,
      {
        action: 'policy.official.set',
        objectType: 'policy_official_fact',
        objectId: row.id,
        after: { fact: input.fact, value: input.value, effectiveFrom: input.effectiveFrom },
        summary: `${def.label}自 ${input.effectiveFrom} 起为 ${String(input.value)}（${input.note}）`,
      },
      now,
    );
  });
  return listOfficialFacts(app);
}

/** What the platform knows about an enterprise for policies: every fact with where it came from. */
export async function enterpriseFacts(app: AppContext, user: SessionUser, enterpriseId: number, asOf?: string) {
  const e = await enterpriseInScope(app, user, enterpriseId);
  const date = asOf ?? today(app);
  const situation = await enterpriseSituation(app, e, date);
  const held = await heldFactsOf(app.db.kysely, e.id);
  return {
    enterpriseId: e.id,
    asOf: date,
    version: held?.version ?? 0,
    items: Object.entries(situation.facts).map(([name, value]) => {
      const def = FACT_BY_NAME.get(name);
      const origin = situation.origin[name]!;
      return {
        name,
        label: def?.label ?? name,
        unit: def?.unit ?? null,
        value,
        origin,
        originLabel: origin === 'held' ? (held?.origin[name] ?? FACT_ORIGIN_LABEL.held) : FACT_ORIGIN_LABEL[origin],
      };
    }),
  };
}

/**
 * A department records facts it holds about an enterprise (数据共享: unemployment-insurance premiums, new hires,
 * guarantee business …): only application facts, never the registry's or official figures. `null` removes one.
 */
export async function putHeldFacts(
  app: AppContext,
  user: SessionUser,
  actor: AuditActor,
  enterpriseId: number,
  input: { facts: Record<string, unknown>; version?: number | undefined },
) {
  const e = await enterpriseInScope(app, user, enterpriseId);
  const dept = await departmentOf(app, user);
  if (user.role !== 'admin' && !dept) throw forbidden('只有部门可以登记共享数据');
  const check = validateFacts(input.facts, 'facts');
  const errors = check.errors.map((message) => ({ field: 'facts', message }));
  for (const name of Object.keys(check.facts)) {
    const def = FACT_BY_NAME.get(name)!;
    if (def.source !== 'application') {
      errors.push({
        field: `facts.${name}`,
        message: `facts.${name}（${def.label}）：由${def.source === 'registry' ? '一企一档' : '官方公布数据'}提供，不能作为部门共享数据登记`,
      });
    }
  }
  if (errors.length) throw badRequest(errors.map((x) => x.message).join('；'), errors[0]!.field, errors);
  const current = await heldFactsOf(app.db.kysely, e.id);
  if (input.version !== undefined && (current?.version ?? 0) !== input.version) {
    throw conflict('该企业的共享数据已被他人修改，请刷新后重试', 'version');
  }
  const now = app.clock.now();
  await app.db.kysely.transaction().execute(async (trx) => {
    const { before, after } = await mergeHeldFacts(
      trx,
      e.id,
      check.facts,
      `${dept?.name ?? '系统管理员'}数据共享`,
      user.id,
      now.toISOString(),
    );
    await writeAudit(
      trx,
      app.db.dialect,
      actor,
      {
        action: 'policy.facts.update',
        objectType: 'enterprise',
        objectId: e.id,
        before,
        after,
        summary: `登记“${e.name}”的政策共享数据：${Object.keys(check.facts)
          .map((n) => FACT_BY_NAME.get(n)?.label ?? n)
          .join('、')}`,
      },
      now,
    );
  });
  return enterpriseFacts(app, user, e.id);
}
