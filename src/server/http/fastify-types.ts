import type { Permission } from '../access/roles.ts';
import type { ActiveSession } from '../auth/auth.service.ts';
import type { AuditActor } from '../audit/audit.ts';
import type { SessionUser } from '../access/session-user.ts';

/** Kinds of objects a route's `:id` can name; the authorization-matrix test makes one inside and one outside each scope. */
export type ObjectKind = string;

export interface RouteAccess {
  /** `public`: no session needed; `authenticated`: any signed-in user; otherwise the permission the role must hold. */
  permission: Permission | 'public' | 'authenticated';
  /** What the `:id` (or `:code`) parameter names, for the authorization-matrix test. */
  objectKind?: ObjectKind;
  /** Create routes that honour an `Idempotency-Key` header. */
  idempotent?: boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    session: ActiveSession | null;
    /** The signed-in user; routes that are not public can rely on it (the access hook guarantees it). */
    user: SessionUser;
    actor: AuditActor;
  }
}
