import type { SelectQueryBuilder, SqlBool } from 'kysely';
import { sql } from 'kysely';
import type { EnterpriseScope } from '../access/scope.ts';
import { enterpriseScopeFilter, enterprisesInRegion } from '../access/scope.ts';
import type { Db } from '../db/database.ts';
import { containsInsensitive } from '../db/database.ts';
import type { Database, EnterpriseRow } from '../db/schema.ts';
import type { FlagName } from './enterprise.dto.ts';
import { FLAG_COLUMNS } from './enterprise.dto.ts';

export interface EnterpriseFilter {
  q?: string;
  regionCode?: string;
  industrySection?: string;
  industryCode?: string;
  sizeClass?: EnterpriseRow['size_class'];
  flag?: FlagName;
  keyList?: string;
  liaisonUserId?: number;
}

/**
 * Names containing `text`. Three characters or more use the trigram index (FTS5 on SQLite, pg_trgm on
 * PostgreSQL); shorter text has no trigram and is matched by scanning.
 */
function nameContains(db: Db, text: string) {
  if (db.dialect === 'sqlite' && [...text].length >= 3) {
    const phrase = `"${text.replace(/"/g, '""')}"`;
    return sql<SqlBool>`enterprises.id IN (SELECT rowid FROM enterprises_fts WHERE enterprises_fts MATCH ${phrase})`;
  }
  return containsInsensitive(db, 'enterprises.name', text);
}

/** Is every enterprise of region `inner` also in region `outer`? (Zone codes carry their city: Z3601xx.) */
function regionWithin(inner: string, outer: string): boolean {
  if (outer.startsWith('Z')) return inner === outer;
  if (inner.startsWith('Z')) return inner.startsWith(`Z${outer}`) && outer.length <= 4;
  return inner.startsWith(outer);
}

const CODE_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The smallest string above every string that starts with `prefix` (over digits and capitals). */
export function nextPrefix(prefix: string): string | null {
  for (let i = prefix.length - 1; i >= 0; i--) {
    const next = CODE_ALPHABET.indexOf(prefix[i]!) + 1;
    if (next < CODE_ALPHABET.length) return prefix.slice(0, i) + CODE_ALPHABET[next];
  }
  return null;
}

type EnterpriseQuery = SelectQueryBuilder<Database, 'enterprises', object>;

/** Queries over enterprises, always made for a caller's scope. */
export function filteredEnterprises(db: Db, scope: EnterpriseScope, f: EnterpriseFilter): EnterpriseQuery {
  // A region filter inside the caller's region already implies the scope; leaving the wider condition out lets
  // the planner use the narrower index instead of scanning the whole city.
  const implied =
    scope.kind === 'region' &&
    scope.alsoLiaisonOf === undefined &&
    !!f.regionCode &&
    regionWithin(f.regionCode, scope.regionCode);
  let query = db.kysely.selectFrom('enterprises');
  if (!implied) query = query.where(enterpriseScopeFilter(scope));
  if (f.regionCode) {
    const code = f.regionCode;
    query = query.where((eb) => enterprisesInRegion(eb, code));
  }
  if (f.industrySection) query = query.where('industry_section', '=', f.industrySection);
  if (f.industryCode) query = query.where('industry_code', 'like', `${f.industryCode}%`);
  if (f.sizeClass) query = query.where('size_class', '=', f.sizeClass);
  // A literal, not a parameter: SQLite uses a partial index only when it can see the value.
  if (f.flag) query = query.where(FLAG_COLUMNS[f.flag], '=', sql.lit(1));
  if (f.keyList) query = query.where('key_list', '=', f.keyList);
  if (f.liaisonUserId) query = query.where('liaison_user_id', '=', f.liaisonUserId);
  const q = f.q?.trim();
  if (q) {
    const upper = q.toUpperCase();
    if (/^[0-9A-Z]{18}$/.test(upper)) query = query.where('credit_code', '=', upper);
    else if (/^[0-9A-Z]{4,17}$/.test(upper)) {
      // A range, not LIKE: SQLite's LIKE ignores the index, and the range works the same on both databases.
      const end = nextPrefix(upper);
      query = query.where('credit_code', '>=', upper);
      if (end) query = query.where('credit_code', '<', end);
    } else query = query.where(nameContains(db, q));
  }
  return query;
}

export async function listEnterprises(
  db: Db,
  scope: EnterpriseScope,
  filter: EnterpriseFilter,
  page: { page: number; pageSize: number },
): Promise<{ rows: EnterpriseRow[]; total: number }> {
  const base = filteredEnterprises(db, scope, filter);
  const [rows, count] = await Promise.all([
    base
      .selectAll()
      .orderBy('id', 'desc')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function findEnterprise(db: Db, scope: EnterpriseScope, id: number): Promise<EnterpriseRow | undefined> {
  return db.kysely
    .selectFrom('enterprises')
    .selectAll()
    .where('id', '=', id)
    .where(enterpriseScopeFilter(scope))
    .executeTakeFirst();
}
