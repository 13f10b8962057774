import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from './context.ts';
import { registerAuthRoutes } from './auth/auth.routes.ts';
import { registerAuditRoutes } from './audit/audit.routes.ts';
import { registerRegistryRoutes } from './registry/routes.ts';
import { registerJobRoutes } from './jobs/job.routes.ts';
import { registerPolicyRoutes } from './policies/routes.ts';
import { registerResumptionRoutes } from './resumption/routes.ts';
import { registerPassRoutes } from './passes/routes.ts';
import { registerHealthRoutes } from './health/routes.ts';

/** Every capability's routes, in one list so the route table is easy to read. */
export async function registerRoutes(fastify: FastifyInstance, app: AppContext): Promise<void> {
  const r = fastify.withTypeProvider<ZodTypeProvider>();
  r.get('/api/health', {
    schema: { tags: ['系统'], summary: '健康检查', response: { 200: z.object({ status: z.literal('ok') }) } },
    config: { access: { permission: 'public' } },
    handler: async () => ({ status: 'ok' as const }),
  });
  r.get('/api/openapi.json', {
    schema: { tags: ['系统'], summary: 'OpenAPI 文档', hide: true },
    config: { access: { permission: 'public' } },
    handler: async () => fastify.swagger(),
  });

  registerAuthRoutes(fastify, app);
  registerAuditRoutes(fastify, app);
  registerJobRoutes(fastify, app);
  registerRegistryRoutes(fastify, app);
  registerPolicyRoutes(fastify, app);
  registerResumptionRoutes(fastify, app);
  registerPassRoutes(fastify, app);
  registerHealthRoutes(fastify, app);
}
