import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { getJob, jobFile } from './jobs.ts';
import { sendDownload } from '../files/storage.ts';
import { idParams } from '../http/schemas.ts';

export function registerJobRoutes(fastify: FastifyInstance, app: AppContext): void {
  const r = fastify.withTypeProvider<ZodTypeProvider>();
  r.get('/api/jobs/:id', {
    schema: {
      tags: ['任务'],
      summary: '后台任务的进度和结果（仅发起人）',
      params: z.object({ id: z.coerce.number().int().positive().describe('任务编号') }),
    },
    config: { access: { permission: 'authenticated', objectKind: 'job' } },
    handler: async (request) => getJob(app, request.user, request.params.id),
  });

  r.get('/api/jobs/:id/download', {
    schema: { tags: ['任务'], summary: '下载任务生成的文件（仅发起人）', params: idParams },
    config: { access: { permission: 'authenticated', objectKind: 'job' } },
    handler: async (request, reply) => {
      const found = await jobFile(app, request.user, request.params.id);
      return sendDownload(reply, found.path, found.fileName);
    },
  });
}
