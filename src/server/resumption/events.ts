import type { ActorRef } from '../../domain/resumption/index.ts';
import { ROLE_LABELS } from '../../domain/resumption/index.ts';
import type { ResumptionEventRow } from '../db/schema-resumption.ts';
import { userIdOf } from './actors.ts';
import type { Q } from './config.store.ts';

/** A domain event of any of the resumption state machines, as the timeline stores it. */
export interface TimelineEvent {
  type: string;
  at: string;
  actor: ActorRef;
  version: number;
  message: string;
  data?: Readonly<Record<string, unknown>>;
}

export interface EventLinks {
  enterpriseId: number;
  applicationId?: number | null;
  taskId?: number | null;
  orderId?: number | null;
}

/** Appends events (全程记录) in the caller's transaction. */
export async function recordEvents(trx: Q, links: EventLinks, events: readonly TimelineEvent[]): Promise<void> {
  if (events.length === 0) return;
  await trx
    .insertInto('resumption_events')
    .values(
      events.map((e) => ({
        enterprise_id: links.enterpriseId,
        application_id: links.applicationId ?? null,
        task_id: links.taskId ?? null,
        order_id: links.orderId ?? null,
        type: e.type,
        at: new Date(e.at).toISOString(),
        actor_id: userIdOf(e.actor),
        actor_name: e.actor.name ?? ROLE_LABELS[e.actor.role],
        actor_role: e.actor.role,
        version: e.version,
        message: e.message,
        data: e.data ? JSON.stringify(e.data) : null,
      })),
    )
    .execute();
}

export function eventDto(e: ResumptionEventRow) {
  return {
    id: e.id,
    type: e.type,
    at: e.at,
    actorName: e.actor_name,
    actorRole: e.actor_role,
    actorRoleLabel: ROLE_LABELS[e.actor_role as keyof typeof ROLE_LABELS] ?? e.actor_role,
    applicationId: e.application_id,
    taskId: e.task_id,
    orderId: e.order_id,
    version: e.version,
    message: e.message,
    data: e.data ? (JSON.parse(e.data) as unknown) : null,
  };
}
