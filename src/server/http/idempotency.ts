import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { canonicalJson } from '../audit/canonical.ts';
import { conflict, unprocessable } from './problem.ts';

/**
 * `Idempotency-Key` on create routes: the first request with a key runs; a repeat with the same key and body gets
 * the first response again; the same key with another body is refused. Keys are per user.
 */
export function registerIdempotency(fastify: FastifyInstance, app: AppContext): void {
  fastify.addHook('preHandler', async (request, reply) => {
    if (!request.routeOptions.config.access?.idempotent || !request.session) return;
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string' || key === '') return;
    if (key.length > 128) throw unprocessable('Idempotency-Key：不能超过 128 个字符', 'Idempotency-Key');
    const userId = request.session.user.id;
    const route = `${request.method} ${request.routeOptions.url}`;
    const requestHash = createHash('sha256')
      .update(canonicalJson(request.body ?? null))
      .digest('hex');
    const existing = await app.db.kysely
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('user_id', '=', userId)
      .where('key', '=', key)
      .executeTakeFirst();
    if (existing) {
      if (existing.route !== route || existing.request_hash !== requestHash) {
        throw unprocessable('Idempotency-Key：该键已用于另一个请求', 'Idempotency-Key');
      }
      if (existing.status_code === null) throw conflict('相同的请求正在处理中，请稍候');
      reply.header('idempotent-replayed', 'true');
      reply.code(existing.status_code).type('application/json');
      return reply.send(existing.response_body);
    }
    try {
      await app.db.kysely
        .insertInto('idempotency_keys')
        .values({ key, user_id: userId, route, request_hash: requestHash, created_at: app.clock.now().toISOString() })
        .execute();
    } catch {
      throw conflict('相同的请求正在处理中，请稍候');
    }
    (request as { idempotencyKey?: string }).idempotencyKey = key;
  });

  fastify.addHook('onSend', async (request, reply, payload) => {
    const key = (request as { idempotencyKey?: string }).idempotencyKey;
    if (!key || !request.session) return payload;
    if (reply.statusCode >= 300) {
      // Only successes are remembered: a client may retry a failed request with the same key.
      await app.db.kysely
        .deleteFrom('idempotency_keys')
        .where('user_id', '=', request.session.user.id)
        .where('key', '=', key)
        .execute();
    } else {
      await app.db.kysely
        .updateTable('idempotency_keys')
        .set({ status_code: reply.statusCode, response_body: typeof payload === 'string' ? payload : null })
        .where('user_id', '=', request.session.user.id)
        .where('key', '=', key)
        .execute();
    }
    return payload;
  });
}
