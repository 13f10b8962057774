import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { verifyAuditChain } from './audit.ts';

const listQuery = z.object({
  action: z.string().max(64).optional().describe('操作'),
  objectType: z.string().max(64).optional().describe('对象类型'),
  objectId: z.string().max(64).optional().describe('对象编号'),
  actor: z.string().max(64).optional().describe('操作人'),
  from: z.iso.date().optional().describe('开始日期'),
  to: z.iso.date().optional().describe('结束日期'),
  page: z.coerce.number().int().min(1).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(200).default(20).describe('每页条数'),
});

/** Shanghai calendar day boundaries as UTC instants, to filter on the stored ISO timestamps. */
const dayStartUtc = (date: string) => new Date(`${date}T00:00:00+08:00`).toISOString();
const nextDayStartUtc = (date: string) =>
  new Date(new Date(`${date}T00:00:00+08:00`).getTime() + 86_400_000).toISOString();

export function registerAuditRoutes(fastify: FastifyInstance, app: AppContext): void {
  const r = fastify.withTypeProvider<ZodTypeProvider>();

  r.get('/api/audit', {
    schema: { tags: ['审计'], summary: '审计日志（可按操作、对象、操作人、日期筛选）', querystring: listQuery },
    config: { access: { permission: 'audit.read' } },
    handler: async (request) => {
      const q = request.query;
      let query = app.db.kysely.selectFrom('audit_log');
      if (q.action) query = query.where('action', '=', q.action);
      if (q.objectType) query = query.where('object_type', '=', q.objectType);
      if (q.objectId) query = query.where('object_id', '=', q.objectId);
      if (q.actor) query = query.where('actor_name', '=', q.actor);
      if (q.from) query = query.where('at', '>=', dayStartUtc(q.from));
      if (q.to) query = query.where('at', '<', nextDayStartUtc(q.to));
      const [items, total] = await Promise.all([
        query
          .selectAll()
          .orderBy('id', 'desc')
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize)
          .execute(),
        query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return {
        items: items.map((row) => ({
          id: row.id,
          at: row.at,
          actorId: row.actor_id,
          actorName: row.actor_name,
          actorRole: row.actor_role,
          action: row.action,
          objectType: row.object_type,
          objectId: row.object_id,
          requestId: row.request_id,
          ip: row.ip,
          beforeDigest: row.before_digest,
          afterDigest: row.after_digest,
          detail: JSON.parse(row.detail) as unknown,
          hash: row.hash,
        })),
        total: Number(total.n),
      };
    },
  });

  r.post('/api/audit/verify', {
    schema: { tags: ['审计'], summary: '校验审计日志哈希链，报告第一处断链' },
    config: { access: { permission: 'audit.read' } },
    handler: async () => verifyAuditChain(app.db.kysely),
  });
}
