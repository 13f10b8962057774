import type { Transaction } from 'kysely';
import { addDays, shanghaiDate } from '../../domain/health/dates.ts';
import { effectiveStatus, statusForPerson } from '../../domain/health/override.ts';
import { RuleSetNotFoundError, evaluateReturnToWork } from '../../domain/health/return-to-work.ts';
import type { ReturnToWorkResult } from '../../domain/health/return-to-work.ts';
import { statusChange } from '../../domain/health/status.ts';
import type { AuditActor } from '../audit/audit.ts';
import { writeAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import type { Database } from '../db/schema.ts';
import type { HealthPersonRow } from '../db/schema-health.ts';
import { reissueAfterStatusChange } from '../passes/passes.service.ts';
import { DECLARATION_LOOKBACK_DAYS, assembleFacts } from './facts.ts';
import { anomalyCaseOf, overrideOf } from './records.ts';

/**
 * The only way a status changes: run the versioned rules on the person's facts, apply a confirmed CDC override if
 * one is in force (src/domain/health/override.ts), and store the result. A change is audited with its cause (the
 * rule set, or the override) and revokes the person's passes, which are issued again with the new status.
 *
 * Called after every change of facts (roster, facts, declaration, anomaly step, override, appeal) in the same
 * transaction, and by the daily task as time passes (a quarantine ends on its day without anyone doing anything).
 */
export interface Evaluation {
  personId: number;
  changed: boolean;
  from: string | null;
  to: string | null;
  passes?: { revoked: number[]; issued: number[] };
}

/** What the person, the enterprise and the CDC are shown: reasons with sources, earliest date, missing facts. */
export function evaluationView(result: ReturnToWorkResult, shown: ReturnType<typeof effectiveStatus>) {
  return {
    asOf: result.asOf,
    ...statusForPerson(shown),
    reasons: shown.reasons.map((r) => {
      const rule = shown.ruleReasons.find((x) => x.code === r.code);
      return {
        code: r.code,
        label: r.label,
        detail: r.detail,
        source: r.source,
        quote: r.quote,
        ...(rule ? { kind: rule.kind, until: rule.until, ...(rule.liftedBy ? { liftedBy: rule.liftedBy } : {}) } : {}),
      };
    }),
    ruleStatus: shown.ruleStatus,
    ruleStatusLabel: result.statusLabel,
    ruleSetId: result.ruleSetId,
    ruleSets: result.ruleSets,
    missingFacts: result.missingFacts,
    ...(shown.override ? { override: shown.override } : {}),
  };
}

export type EvaluationView = ReturnType<typeof evaluationView>;

/** Everything the rules need for these people, in a few queries. */
async function loadSources(trx: Transaction<Database>, people: readonly HealthPersonRow[], asOf: string) {
  const ids = people.map((p) => p.id);
  const enterpriseIds = [...new Set(people.map((p) => p.enterprise_id))];
  const since = addDays(asOf, -DECLARATION_LOOKBACK_DAYS);
  const [enterprises, declarations, cases, overrides, register] = await Promise.all([
    trx.selectFrom('enterprises').select(['id', 'county_code']).where('id', 'in', enterpriseIds).execute(),
    trx
      .selectFrom('health_declarations')
      .select(['person_id', 'at', 'date', 'temperature_dc', 'symptoms'])
      .where('person_id', 'in', ids)
      .where('date', '>=', since)
      .execute(),
    trx.selectFrom('health_anomaly_cases').selectAll().where('person_id', 'in', ids).execute(),
    trx
      .selectFrom('health_overrides')
      .selectAll()
      .where('person_id', 'in', ids)
      .where('state', '=', 'active')
      .execute(),
    trx.selectFrom('health_risk_areas').selectAll().execute(),
  ]);
  const group = <T extends { person_id: number }>(rows: readonly T[]) => {
    const m = new Map<number, T[]>();
    for (const r of rows) m.set(r.person_id, [...(m.get(r.person_id) ?? []), r]);
    return m;
  };
  return {
    county: new Map(enterprises.map((e) => [e.id, e.county_code])),
    declarations: group(declarations),
    cases: group(cases),
    overrides: group(overrides),
    register,
  };
}

/** Evaluate one person as of `now` without storing anything (the detail page shows the trace). */
export function evaluateWith(
  person: HealthPersonRow,
  countyCode: string,
  sources: Awaited<ReturnType<typeof loadSources>>,
  now: Date,
) {
  const at = now.toISOString();
  const asOf = shanghaiDate(at);
  const facts = assembleFacts({
    person,
    declarations: sources.declarations.get(person.id) ?? [],
    anomalyCases: (sources.cases.get(person.id) ?? []).map(anomalyCaseOf),
    register: sources.register,
    asOf,
  });
  const result = evaluateReturnToWork(facts, { asOf, regionCode: countyCode });
  const shown = effectiveStatus(
    String(person.id),
    result,
    (sources.overrides.get(person.id) ?? []).map(overrideOf),
    at,
  );
  return { facts, result, shown };
}

/** Re-evaluate people inside the caller's transaction; store, audit and re-issue passes on a change. */
export async function reevaluate(
  app: AppContext,
  trx: Transaction<Database>,
  personIds: readonly number[],
  actor: AuditActor,
  now: Date,
): Promise<Evaluation[]> {
  if (personIds.length === 0) return [];
  const people = await trx.selectFrom('health_people').selectAll().where('id', 'in', personIds).execute();
  const asOf = shanghaiDate(now.toISOString());
  const sources = await loadSources(trx, people, asOf);
  const out: Evaluation[] = [];
  for (const person of people) {
    const county = sources.county.get(person.enterprise_id)!;
    let evaluated: ReturnType<typeof evaluateWith>;
    try {
      evaluated = evaluateWith(person, county, sources, now);
    } catch (error) {
      if (!(error instanceof RuleSetNotFoundError)) throw error;
      // No rule set covers the workplace on this date: the status stays as it is (never guessed).
      await trx
        .updateTable('health_people')
        .set({ evaluated_on: asOf, evaluation: JSON.stringify({ asOf, error: error.message }) })
        .where('id', '=', person.id)
        .execute();
      out.push({ personId: person.id, changed: false, from: person.status, to: person.status });
      continue;
    }
    const { result, shown } = evaluated;
    const reasonCodes = shown.reasons.map((r) => r.code);
    const change = statusChange({
      personId: String(person.id),
      from: (person.status as never) ?? null,
      fromReasonCodes: JSON.parse(person.reason_codes) as string[],
      to: shown.status,
      reasonCodes,
      cause: shown.cause,
      at: now.toISOString(),
    });
    const view = evaluationView(result, shown);
    await trx
      .updateTable('health_people')
      .set({
        status: shown.status,
        evaluation: JSON.stringify(view),
        reason_codes: JSON.stringify(reasonCodes),
        earliest_return_date: shown.earliestReturnDate,
        status_cause: shown.cause.kind,
        rule_set_id: result.ruleSetId,
        override_id: shown.cause.kind === 'override' ? Number(shown.cause.overrideId) : null,
        evaluated_on: asOf,
        ...(change ? { status_changed_at: now.toISOString(), version: person.version + 1 } : {}),
      })
      .where('id', '=', person.id)
      .execute();
    if (!change) {
      out.push({ personId: person.id, changed: false, from: person.status, to: shown.status });
      continue;
    }
    const statusMoved = change.from !== change.to;
    const passes = statusMoved
      ? await reissueAfterStatusChange(app, trx, { ...person, status: shown.status }, now)
      : { revoked: [], issued: [] };
    await writeAudit(
      trx,
      app.db.dialect,
      actor,
      {
        action: 'health.status_changed',
        objectType: 'health_person',
        objectId: person.id,
        before: { status: change.from, reasonCodes: change.fromReasonCodes },
        after: { status: change.to, reasonCodes: change.reasonCodes },
        summary: `返岗状态：${change.fromLabel ?? '未评估'} → ${change.toLabel}（${
          change.cause.kind === 'rules' ? `规则 ${change.cause.ruleSetId}` : `疾控人工研判 #${change.cause.overrideId}`
        }）`,
        extra: {
          cause: change.cause,
          enterpriseId: person.enterprise_id,
          ...(passes.revoked.length ? { passesRevoked: passes.revoked, passesIssued: passes.issued } : {}),
        },
      },
      now,
    );
    out.push({ personId: person.id, changed: true, from: change.from, to: change.to, passes });
  }
  return out;
}

/** For the detail page: run the rules now, with the trace, storing nothing. */
export async function explain(app: AppContext, person: HealthPersonRow) {
  return app.db.kysely.transaction().execute(async (trx) => {
    const now = app.clock.now();
    const sources = await loadSources(trx, [person], shanghaiDate(now.toISOString()));
    try {
      const { facts, result, shown } = evaluateWith(person, sources.county.get(person.enterprise_id)!, sources, now);
      return { facts, trace: result.trace, view: evaluationView(result, shown) };
    } catch (error) {
      if (error instanceof RuleSetNotFoundError) return { facts: null, trace: [], view: null, error: error.message };
      throw error;
    }
  });
}
