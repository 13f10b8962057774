import type { Role } from '../../../src/server/db/schema.ts';
import type { RouteTableEntry } from '../../../src/server/http/access-hooks.ts';
import type { TestApp, TestSession } from '../../support/app-fixture.ts';

/** An object a route's `:id`/`:code` can name, and text that must never appear when it is refused. */
export interface Target {
  id: string;
  secret: string;
}

export type Targets = Partial<Record<string, { inside?: Target; outside?: Target }>>;

/** The fixture's users the matrix signs in as, one or more per role. */
export const ROLE_USERS: Record<string, Role> = {
  admin: 'admin',
  leader: 'leader',
  'leader.zone': 'leader',
  'dept.qsh': 'dept',
  'dept.city': 'dept',
  'cdc.qsh': 'cdc',
  grid: 'grid',
  'ent.a': 'ent_admin',
  'emp.a': 'employee',
  bank: 'bank',
};

export interface MatrixContext {
  t: TestApp;
  /** An admin session for setting things up. */
  admin: TestSession;
}

/**
 * What a capability adds to the authorization matrix: objects in and out of each user's scope for the object
 * kinds its routes declare, and a valid body for each of its mutations (so a refusal is about access, not input).
 * Each capability keeps its own file in this folder; the matrix test loads them all.
 */
export interface MatrixModule {
  /** Creates objects and returns, per username, the targets for this module's object kinds. */
  targets?(ctx: MatrixContext): Promise<Record<string, Targets>>;
  /** Keyed `METHOD /url/:param`; `id` is the object the call names (null when the route has none). */
  bodies?: Record<
    string,
    (ctx: MatrixContext, id: string | null, route: RouteTableEntry) => unknown | Promise<unknown>
  >;
  /** Routes the matrix cannot drive generically (tested in their own files), keyed like `bodies`. */
  skip?: string[];
}
