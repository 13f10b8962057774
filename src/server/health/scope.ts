import type { ExpressionBuilder, ExpressionWrapper, SqlBool } from 'kysely';
import type { EnterpriseScope } from '../access/scope.ts';
import { enterpriseInScope, enterpriseScopeFilter, enterpriseScopeOf } from '../access/scope.ts';
import type { SessionUser } from '../access/session-user.ts';
import type { AppContext } from '../context.ts';
import type { Database, EnterpriseRow } from '../db/schema.ts';
import { fieldProblem, notFound } from '../http/problem.ts';

/**
 * Whose health data a user may see: the enterprises of its scope (src/server/access/scope.ts), never more. An
 * employee reaches only the person record linked to the account, through the `/me` routes; through any other
 * route an employee sees nobody. Grid officers hold no health permission (they operate checkpoints only).
 */
export function healthScopeOf(user: SessionUser): EnterpriseScope {
  if (user.role === 'employee' || user.role === 'bank' || user.role === 'grid') return { kind: 'none' };
  return enterpriseScopeOf(user);
}

type TableWithEnterprise =
  | 'health_people'
  | 'health_declarations'
  | 'health_anomaly_cases'
  | 'health_overrides'
  | 'health_appeals'
  | 'health_daily_summaries'
  | 'passes'
  | 'pass_scans';

/** `WHERE <table>.enterprise_id IN (enterprises in scope)`, as equality when the scope is one enterprise. */
export function inHealthScope<T extends TableWithEnterprise>(table: T, scope: EnterpriseScope) {
  return (eb: ExpressionBuilder<Database, T>): ExpressionWrapper<Database, T, SqlBool> => {
    const col = `${table}.enterprise_id` as const;
    const ref = eb.ref(col as never) as never;
    switch (scope.kind) {
      case 'all':
        return eb.and([]);
      case 'none':
        return eb.or([]);
      case 'enterprise':
        return eb(ref, '=', scope.enterpriseId as never);
      case 'region':
        return eb(
          ref,
          'in',
          (eb as unknown as ExpressionBuilder<Database, never>)
            .selectFrom('enterprises')
            .select('enterprises.id')
            .where(enterpriseScopeFilter(scope) as never) as never,
        );
    }
  };
}

/** The enterprise, if the user may see its health data; 404 otherwise (never a hint that it exists). */
export async function enterpriseForHealth(app: AppContext, user: SessionUser, enterpriseId: number) {
  const e = await app.db.kysely.selectFrom('enterprises').selectAll().where('id', '=', enterpriseId).executeTakeFirst();
  if (!e || !enterpriseInScope(healthScopeOf(user), e)) throw notFound('企业不存在');
  return e;
}

export function enterpriseVisible(user: SessionUser, e: EnterpriseRow): boolean {
  return enterpriseInScope(healthScopeOf(user), e);
}

/** The enterprise an enterprise user acts for, or the one named (for CDC and administrators). */
export async function targetEnterprise(app: AppContext, user: SessionUser, enterpriseId: number | undefined) {
  if (user.role === 'ent_admin') {
    if (!user.enterpriseId) throw notFound('企业不存在');
    if (enterpriseId !== undefined && enterpriseId !== user.enterpriseId) throw notFound('企业不存在');
    return enterpriseForHealth(app, user, user.enterpriseId);
  }
  if (enterpriseId === undefined) throw fieldProblem('enterpriseId', '企业：请选择企业');
  return enterpriseForHealth(app, user, enterpriseId);
}
