import type { Kysely, Transaction } from 'kysely';
import { FACT_BY_NAME, FACTS } from '../../domain/policy/index.ts';
import type { FactValue, Facts } from '../../domain/policy/index.ts';
import type { Database } from '../db/schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

/** Where a fact of an evaluation came from. */
export type FactOrigin = 'registry' | 'official' | 'held' | 'application';

export const FACT_ORIGIN_LABEL: Record<FactOrigin, string> = {
  registry: '一企一档',
  official: '官方公布数据',
  held: '部门共享数据',
  application: '申请填报',
};

export interface CombinedFacts {
  facts: Record<string, FactValue>;
  origin: Record<string, FactOrigin>;
  /** Facts the application gave that belong to the registry or to official data (ignored), in Chinese. */
  ignored: string[];
}

/**
 * One situation from its sources: 一企一档 for registry facts, the published figures for official facts, and for
 * the rest what the applicant states, else what a department holds. Nobody overrides the registry or official data
 * through an application.
 */
export function combineFacts(parts: {
  registry?: Facts;
  official?: Facts;
  held?: Facts;
  application?: Facts;
}): CombinedFacts {
  const facts: Record<string, FactValue> = {};
  const origin: Record<string, FactOrigin> = {};
  const ignored: string[] = [];
  const put = (source: Facts | undefined, from: FactOrigin, allowed: (s: string) => boolean) => {
    for (const [name, value] of Object.entries(source ?? {})) {
      const def = FACT_BY_NAME.get(name);
      if (value === null || value === undefined || !def) continue;
      if (!allowed(def.source)) {
        if (from === 'application')
          ignored.push(
            `${def.label}：由${def.source === 'registry' ? '一企一档' : '官方公布数据'}提供，申请中填报的值不予采用`,
          );
        continue;
      }
      facts[name] = value;
      origin[name] = from;
    }
  };
  put(parts.held, 'held', (s) => s === 'application');
  put(parts.application, 'application', (s) => s === 'application');
  put(parts.official, 'official', (s) => s === 'official');
  put(parts.registry, 'registry', (s) => s === 'registry');
  return { facts, origin, ignored };
}

/** Official figures in force on `asOf`: for each fact the latest value dated on or before it. */
export async function officialFactsAsOf(db: Q, asOf: string): Promise<Record<string, FactValue>> {
  const rows = await db
    .selectFrom('policy_official_facts')
    .select(['fact', 'value', 'effective_from', 'id'])
    .where('effective_from', '<=', asOf)
    .orderBy('fact')
    .orderBy('effective_from')
    .orderBy('id')
    .execute();
  const out: Record<string, FactValue> = {};
  for (const r of rows) out[r.fact] = JSON.parse(r.value) as FactValue;
  return out;
}

/** Facts departments hold about enterprises (JSON per enterprise). */
export async function heldFactsOf(
  db: Q,
  enterpriseId: number,
): Promise<{ facts: Record<string, FactValue>; origin: Record<string, string>; version: number } | null> {
  const row = await db
    .selectFrom('policy_enterprise_facts')
    .select(['facts', 'origin', 'version'])
    .where('enterprise_id', '=', enterpriseId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    facts: JSON.parse(row.facts) as Record<string, FactValue>,
    origin: JSON.parse(row.origin) as Record<string, string>,
    version: row.version,
  };
}

/** Add or replace held facts of an enterprise (inside the caller's transaction); returns the merged record. */
export async function mergeHeldFacts(
  trx: Q,
  enterpriseId: number,
  facts: Readonly<Record<string, FactValue | null | undefined>>,
  originLabel: string,
  userId: number | null,
  at: string,
): Promise<{ before: Record<string, FactValue> | null; after: Record<string, FactValue> }> {
  const current = await heldFactsOf(trx, enterpriseId);
  const next = { ...(current?.facts ?? {}) };
  const origin = { ...(current?.origin ?? {}) };
  for (const [name, value] of Object.entries(facts)) {
    if (value === undefined) continue;
    if (value === null) {
      delete next[name];
      delete origin[name];
    } else {
      next[name] = value;
      origin[name] = originLabel;
    }
  }
  if (current) {
    await trx
      .updateTable('policy_enterprise_facts')
      .set({
        facts: JSON.stringify(next),
        origin: JSON.stringify(origin),
        updated_at: at,
        updated_by: userId,
        version: current.version + 1,
      })
      .where('enterprise_id', '=', enterpriseId)
      .execute();
  } else {
    await trx
      .insertInto('policy_enterprise_facts')
      .values({
        enterprise_id: enterpriseId,
        facts: JSON.stringify(next),
        origin: JSON.stringify(origin),
        updated_at: at,
        updated_by: userId,
        version: 1,
      })
      .execute();
  }
  return { before: current?.facts ?? null, after: next };
}

/** The official facts of the vocabulary, in its order. */
export const OFFICIAL_FACTS = FACTS.filter((f) => f.source === 'official');
