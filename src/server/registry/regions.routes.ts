import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { createGridOrBuilding, getRegion, listChildren, listZones, renameGridOrBuilding } from './regions.service.ts';

const codeParams = z.object({
  code: z
    .string()
    .regex(/^(Z\d{6}|\d{2,18})$/)
    .describe('区域代码'),
});
const regionName = z.string().trim().min(1).max(50).describe('名称');

export function registerRegionRoutes(fastify: FastifyInstance, app: AppContext): void {
  const r = fastify.withTypeProvider<ZodTypeProvider>();

  r.get('/api/regions', {
    schema: {
      tags: ['区域'],
      summary: '下级区域（默认从本人管辖区域开始）',
      querystring: z.object({
        parent: z
          .string()
          .regex(/^(Z\d{6}|\d{2,18})$/)
          .optional()
          .describe('上级区域代码'),
      }),
    },
    config: { access: { permission: 'region.read' } },
    handler: async (request) => ({ items: listChildren(app, request.user, request.query.parent ?? null) }),
  });

  r.get('/api/regions/zones', {
    schema: { tags: ['区域'], summary: '功能区（高新区、经开区等）' },
    config: { access: { permission: 'region.read' } },
    handler: async (request) => ({ items: listZones(app, request.user) }),
  });

  r.get('/api/regions/:code', {
    schema: { tags: ['区域'], summary: '区域详情及上级路径', params: codeParams },
    config: { access: { permission: 'region.read', objectKind: 'region' } },
    handler: async (request) => getRegion(app, request.user, request.params.code),
  });

  r.post('/api/regions', {
    schema: {
      tags: ['区域'],
      summary: '新建网格（乡镇/社区下）或楼栋（网格下）',
      body: z.object({
        parentCode: z
          .string()
          .regex(/^\d{9,15}$/)
          .describe('上级区域'),
        level: z.enum(['grid', 'building']).describe('层级'),
        name: regionName,
      }),
    },
    config: { access: { permission: 'region.manage', idempotent: true } },
    handler: async (request, reply) => {
      const created = await createGridOrBuilding(app, request.user, request.actor, request.body);
      return reply.code(201).send(created);
    },
  });

  r.patch('/api/regions/:code', {
    schema: { tags: ['区域'], summary: '网格或楼栋更名', params: codeParams, body: z.object({ name: regionName }) },
    config: { access: { permission: 'region.manage', objectKind: 'region' } },
    handler: async (request) =>
      renameGridOrBuilding(app, request.user, request.actor, request.params.code, request.body.name),
  });
}
