import type { ExpressionBuilder, ExpressionWrapper, SqlBool } from 'kysely';
import type { SessionUser } from '../access/session-user.ts';
import { enterpriseScopeFilter, enterpriseScopeOf } from '../access/scope.ts';
import type { Database } from '../db/schema.ts';

/**
 * Whose policy cases a user sees. Every list and object query of this capability joins `enterprises` and adds this
 * condition: an enterprise sees its own cases; a department the cases of the rules its kind owns, for enterprises
 * in its region; a leader every case in its region (read only); an administrator everything. Other roles see none.
 */
export interface CaseScope {
  /** Enterprises the user may see (registry scope), or none. */
  enterprises: ReturnType<typeof enterpriseScopeOf>;
  /** For department users: only cases of this department kind. */
  departmentKind: string | null;
}

const CASE_ROLES = new Set(['admin', 'leader', 'dept', 'ent_admin']);

export function caseScopeOf(user: SessionUser, departmentKind: string | null): CaseScope {
  if (!CASE_ROLES.has(user.role)) return { enterprises: { kind: 'none' }, departmentKind: null };
  if (user.role === 'dept') {
    return departmentKind
      ? { enterprises: enterpriseScopeOf(user), departmentKind }
      : { enterprises: { kind: 'none' }, departmentKind: null };
  }
  return { enterprises: enterpriseScopeOf(user), departmentKind: null };
}

/** The enterprise half of the condition, for a query that has joined `enterprises`. */
export function enterprisesVisible(scope: CaseScope) {
  const filter = enterpriseScopeFilter(scope.enterprises);
  return <DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>): ExpressionWrapper<DB, TB, SqlBool> =>
    filter(eb as unknown as ExpressionBuilder<Database, 'enterprises'>) as unknown as ExpressionWrapper<
      DB,
      TB,
      SqlBool
    >;
}
