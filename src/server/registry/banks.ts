import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';
import type { SessionUser } from '../access/session-user.ts';
import type { BankTable } from '../db/schema.ts';
import type { Selectable } from 'kysely';
import { notFound } from '../http/problem.ts';
import { idParams } from '../http/schemas.ts';

const toBankDto = (b: Selectable<BankTable>) => ({
  id: b.id,
  code: b.code,
  name: b.name,
  kind: b.kind,
  active: b.active === 1,
});

/** A bank officer sees its own institution; government users see them all. */
function bankScope(user: SessionUser): number | 'all' {
  return user.role === 'bank' ? (user.bankId ?? -1) : 'all';
}

export function registerBankRoutes(fastify: FastifyInstance, app: AppContext): void {
  const r = fastify.withTypeProvider<ZodTypeProvider>();
  r.get('/api/banks', {
    schema: { tags: ['金融机构'], summary: '银行和担保机构' },
    config: { access: { permission: 'bank.read' } },
    handler: async (request) => {
      const scope = bankScope(request.user);
      let q = app.db.kysely.selectFrom('banks').selectAll().orderBy('id');
      if (scope !== 'all') q = q.where('id', '=', scope);
      return { items: (await q.execute()).map(toBankDto) };
    },
  });
  r.get('/api/banks/:id', {
    schema: { tags: ['金融机构'], summary: '金融机构详情', params: idParams },
    config: { access: { permission: 'bank.read', objectKind: 'bank' } },
    handler: async (request) => {
      const scope = bankScope(request.user);
      if (scope !== 'all' && scope !== request.params.id) throw notFound('金融机构不存在');
      const bank = await app.db.kysely
        .selectFrom('banks')
        .selectAll()
        .where('id', '=', request.params.id)
        .executeTakeFirst();
      if (!bank) throw notFound('金融机构不存在');
      return toBankDto(bank);
    },
  });
}
