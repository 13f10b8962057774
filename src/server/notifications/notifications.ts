import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ExpressionBuilder, Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { SessionUser } from '../access/session-user.ts';
import type { AuditActor } from '../audit/audit.ts';
import { writeAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import type { Database } from '../db/schema.ts';
import type { NotificationRow } from '../db/schema-policies.ts';
import { notFound } from '../http/problem.ts';
import { idParams, pageQuery } from '../http/schemas.ts';

/**
 * In-app notifications (站内消息). A notification goes to an enterprise (every administrator of it reads the same
 * one) or to one user. Capabilities call `notify` inside the transaction that makes the change.
 */
export interface NewNotification {
  enterpriseId?: number | null;
  userId?: number | null;
  kind: string;
  title: string;
  body: string;
  link?: string | null;
}

type Q = Kysely<Database> | Transaction<Database>;

export async function notify(db: Q, items: readonly NewNotification[], at: string): Promise<void> {
  for (let i = 0; i < items.length; i += 500) {
    await db
      .insertInto('notifications')
      .values(
        items.slice(i, i + 500).map((n) => ({
          enterprise_id: n.enterpriseId ?? null,
          user_id: n.userId ?? null,
          kind: n.kind,
          title: n.title,
          body: n.body,
          link: n.link ?? null,
          created_at: at,
          read_at: null,
        })),
      )
      .execute();
  }
}

function mine(user: SessionUser) {
  return (eb: ExpressionBuilder<Database, 'notifications'>) =>
    user.enterpriseId && user.role === 'ent_admin'
      ? eb.or([eb('notifications.user_id', '=', user.id), eb('notifications.enterprise_id', '=', user.enterpriseId)])
      : eb('notifications.user_id', '=', user.id);
}

function toDto(n: NotificationRow) {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    link: n.link,
    createdAt: n.created_at,
    read: n.read_at !== null,
  };
}

export async function listNotifications(
  app: AppContext,
  user: SessionUser,
  query: { unread?: boolean; page: number; pageSize: number },
) {
  let base = app.db.kysely.selectFrom('notifications').where(mine(user));
  if (query.unread) base = base.where('read_at', 'is', null);
  const [rows, count, unread] = await Promise.all([
    base
      .selectAll()
      .orderBy('id', 'desc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    app.db.kysely
      .selectFrom('notifications')
      .where(mine(user))
      .where('read_at', 'is', null)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toDto), total: Number(count.n), unread: Number(unread.n) };
}

export async function markRead(app: AppContext, user: SessionUser, actor: AuditActor, id: number | null) {
  if (id !== null) {
    const found = await app.db.kysely
      .selectFrom('notifications')
      .select('id')
      .where('id', '=', id)
      .where(mine(user))
      .executeTakeFirst();
    if (!found) throw notFound('消息不存在');
  }
  const now = app.clock.now();
  return app.db.kysely.transaction().execute(async (trx) => {
    let q = trx
      .updateTable('notifications')
      .set({ read_at: now.toISOString() })
      .where(mine(user))
      .where('read_at', 'is', null);
    if (id !== null) q = q.where('id', '=', id);
    const result = await q.executeTakeFirst();
    const updated = Number(result.numUpdatedRows);
    await writeAudit(
      trx,
      app.db.dialect,
      actor,
      {
        action: 'notification.read',
        objectType: 'notification',
        objectId: id,
        summary: id === null ? `全部消息标记已读（${updated} 条）` : '消息标记已读',
      },
      now,
    );
    return { updated };
  });
}

export function registerNotificationRoutes(fastify: FastifyInstance, app: AppContext): void {
  const r = fastify.withTypeProvider<ZodTypeProvider>();
  r.get('/api/notifications', {
    schema: {
      tags: ['消息'],
      summary: '我的站内消息（企业管理员含发给本企业的消息）',
      querystring: z.object({
        unread: z.enum(['true', 'false']).optional().describe('只看未读'),
        ...pageQuery,
      }),
    },
    config: { access: { permission: 'authenticated' } },
    handler: async (request) =>
      listNotifications(app, request.user, { ...request.query, unread: request.query.unread === 'true' }),
  });
  r.post('/api/notifications/:id/read', {
    schema: { tags: ['消息'], summary: '标记已读', params: idParams },
    config: { access: { permission: 'authenticated', objectKind: 'notification' } },
    handler: async (request) => markRead(app, request.user, request.actor, request.params.id),
  });
  r.post('/api/notifications/read-all', {
    schema: { tags: ['消息'], summary: '全部标记已读' },
    config: { access: { permission: 'authenticated' } },
    handler: async (request) => markRead(app, request.user, request.actor, null),
  });
}
