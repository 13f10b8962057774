import type { Actor, ActorRef } from '../../domain/resumption/index.ts';
import type { SessionUser } from '../access/session-user.ts';

/**
 * The signed-in user as the resumption domain sees it. Domain ids are strings: enterprises and departments by their
 * row id, users by theirs.
 */
export function actorOf(user: SessionUser, gridRole: 'grid_officer' | 'liaison' = 'grid_officer'): Actor {
  const base = { userId: String(user.id), name: user.displayName };
  switch (user.role) {
    case 'ent_admin':
      return { ...base, role: 'enterprise', enterpriseId: String(user.enterpriseId ?? '') };
    case 'dept':
      return { ...base, role: 'department', departmentCode: String(user.departmentId ?? '') };
    case 'grid':
      return { ...base, role: gridRole };
    case 'leader':
    case 'admin':
      return { ...base, role: 'command_centre' };
    default:
      // cdc, employees and banks read only; the domain refuses any change they attempt.
      return { ...base, role: 'system', userId: `readonly:${user.id}` };
  }
}

export const SYSTEM_ACTOR: Actor = { userId: 'system', role: 'system', name: '系统' };

/** Whether the user acts for the command centre (指挥部): leaders and administrators. */
export function isCommand(user: SessionUser): boolean {
  return user.role === 'leader' || user.role === 'admin';
}

/** The user id behind a domain actor, when it is a person. */
export function userIdOf(ref: ActorRef): number | null {
  const n = Number(ref.userId);
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** Shanghai calendar date of an instant (Date). */
export function shanghaiDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
