import type { ExpressionBuilder, ExpressionWrapper, SqlBool } from 'kysely';
import { enterpriseScopeFilter, enterpriseScopeOf } from '../access/scope.ts';
import type { SessionUser } from '../access/session-user.ts';
import type { AppContext } from '../context.ts';
import type { Database } from '../db/schema.ts';

/**
 * Who sees what of 复工复产 (enforced in every query):
 *  - an enterprise: its own applications, checks, rectification orders and status;
 *  - a department: the applications it leads or reviews (its own queue), and the checks and status of enterprises
 *    in its region;
 *  - a grid officer or liaison: the checks and orders assigned to it;
 *  - the command centre (leaders) and CDC: everything of the enterprises in their region; administrators: all.
 */
type AppEB = ExpressionBuilder<Database, 'resumption_applications'>;

function enterpriseIdsInScope(eb: ExpressionBuilder<Database, never>, user: SessionUser) {
  return eb
    .selectFrom('enterprises')
    .select('enterprises.id')
    .where(enterpriseScopeFilter(enterpriseScopeOf(user)));
}

export function applicationScope(user: SessionUser) {
  return (eb: AppEB): ExpressionWrapper<Database, 'resumption_applications', SqlBool> => {
    switch (user.role) {
      case 'admin':
        return eb.and([]);
      case 'leader':
      case 'cdc':
        return eb('resumption_applications.enterprise_id', 'in', enterpriseIdsInScope(eb as never, user));
      case 'dept': {
        const d = user.departmentId ?? -1;
        return eb.or([
          eb('resumption_applications.lead_department_id', '=', d),
          eb.exists(
            eb
              .selectFrom('resumption_reviews')
              .select('resumption_reviews.application_id')
              .whereRef('resumption_reviews.application_id', '=', 'resumption_applications.id')
              .where('resumption_reviews.department_id', '=', d),
          ),
        ]);
      }
      case 'ent_admin':
        return eb('resumption_applications.enterprise_id', '=', user.enterpriseId ?? -1);
      default:
        return eb.or([]);
    }
  };
}

type TaskEB = ExpressionBuilder<Database, 'resumption_check_tasks'>;

export function taskScope(user: SessionUser) {
  return (eb: TaskEB): ExpressionWrapper<Database, 'resumption_check_tasks', SqlBool> => {
    switch (user.role) {
      case 'admin':
        return eb.and([]);
      case 'leader':
      case 'cdc':
      case 'dept':
        return eb('resumption_check_tasks.enterprise_id', 'in', enterpriseIdsInScope(eb as never, user));
      case 'grid':
        return eb('resumption_check_tasks.assignee_id', '=', user.id);
      case 'ent_admin':
        return eb('resumption_check_tasks.enterprise_id', '=', user.enterpriseId ?? -1);
      default:
        return eb.or([]);
    }
  };
}

type OrderEB = ExpressionBuilder<Database, 'resumption_rectifications'>;

export function orderScope(user: SessionUser) {
  return (eb: OrderEB): ExpressionWrapper<Database, 'resumption_rectifications', SqlBool> => {
    switch (user.role) {
      case 'admin':
        return eb.and([]);
      case 'leader':
      case 'cdc':
      case 'dept':
        return eb('resumption_rectifications.enterprise_id', 'in', enterpriseIdsInScope(eb as never, user));
      case 'grid':
        return eb('resumption_rectifications.officer_id', '=', user.id);
      case 'ent_admin':
        return eb('resumption_rectifications.enterprise_id', '=', user.enterpriseId ?? -1);
      default:
        return eb.or([]);
    }
  };
}

/** Whether the user may see an enterprise's resumption record (status, timeline, files). */
export async function canSeeEnterprise(app: AppContext, user: SessionUser, enterpriseId: number): Promise<boolean> {
  const k = app.db.kysely;
  if (user.role === 'admin') return true;
  if (user.role === 'ent_admin') return user.enterpriseId === enterpriseId;
  if (user.role === 'employee' || user.role === 'bank') return false;
  const inScope = await k
    .selectFrom('enterprises')
    .select('id')
    .where('id', '=', enterpriseId)
    .where(enterpriseScopeFilter(enterpriseScopeOf(user)))
    .executeTakeFirst();
  if (inScope) return true;
  if (user.role === 'dept') {
    const involved = await k
      .selectFrom('resumption_applications')
      .select('id')
      .where('enterprise_id', '=', enterpriseId)
      .where(applicationScope(user))
      .executeTakeFirst();
    return Boolean(involved);
  }
  if (user.role === 'grid') {
    const task = await k
      .selectFrom('resumption_check_tasks')
      .select('id')
      .where('enterprise_id', '=', enterpriseId)
      .where('assignee_id', '=', user.id)
      .executeTakeFirst();
    return Boolean(task);
  }
  return false;
}
