import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { idParams, pageQuery } from '../http/schemas.ts';
import { FLAG_COLUMNS } from './enterprise.dto.ts';
import { KEY_LISTS, enterpriseInputSchema, enterprisePatchSchema } from './enterprise.schema.ts';
import { createEnterprise, getEnterprise, searchEnterprises, updateEnterprise } from './enterprise.service.ts';

export const enterpriseListQuery = z.object({
  q: z.string().trim().max(100).optional().describe('名称或统一社会信用代码'),
  regionCode: z
    .string()
    .regex(/^(Z\d{6}|\d{2,18})$/)
    .optional()
    .describe('区域'),
  industrySection: z
    .string()
    .regex(/^[A-T]$/)
    .optional()
    .describe('行业门类'),
  industryCode: z
    .string()
    .regex(/^\d{2,4}$/)
    .optional()
    .describe('行业代码'),
  sizeClass: z.enum(['large', 'medium', 'small', 'micro']).optional().describe('企业规模'),
  flag: z
    .enum(Object.keys(FLAG_COLUMNS) as [keyof typeof FLAG_COLUMNS])
    .optional()
    .describe('标记'),
  keyList: z.enum(KEY_LISTS).optional().describe('重点企业名单'),
  liaisonUserId: z.coerce.number().int().positive().optional().describe('驻企联络员'),
  ...pageQuery,
});

export function registerEnterpriseRoutes(fastify: FastifyInstance, app: AppContext): void {
  const r = fastify.withTypeProvider<ZodTypeProvider>();

  r.get('/api/enterprises', {
    schema: { tags: ['一企一档'], summary: '企业列表（仅本人管辖范围）', querystring: enterpriseListQuery },
    config: { access: { permission: 'enterprise.read' } },
    handler: async (request) => {
      const { page, pageSize, ...filter } = request.query;
      return searchEnterprises(app, request.user, filter, { page, pageSize });
    },
  });

  r.post('/api/enterprises', {
    schema: { tags: ['一企一档'], summary: '登记企业（支持 Idempotency-Key）', body: enterpriseInputSchema },
    config: { access: { permission: 'enterprise.create', idempotent: true } },
    handler: async (request, reply) =>
      reply.code(201).send(await createEnterprise(app, request.user, request.actor, request.body)),
  });

  r.get('/api/enterprises/:id', {
    schema: { tags: ['一企一档'], summary: '企业详情', params: idParams },
    config: { access: { permission: 'enterprise.read', objectKind: 'enterprise' } },
    handler: async (request) => getEnterprise(app, request.user, request.params.id),
  });

  r.patch('/api/enterprises/:id', {
    schema: {
      tags: ['一企一档'],
      summary: '修改企业信息（需带 version，防止覆盖他人修改）',
      params: idParams,
      body: enterprisePatchSchema,
    },
    config: { access: { permission: 'enterprise.update', objectKind: 'enterprise' } },
    handler: async (request) => updateEnterprise(app, request.user, request.actor, request.params.id, request.body),
  });
}
