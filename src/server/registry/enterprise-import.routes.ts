import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { badRequest } from '../http/problem.ts';
import { idParams, pageQuery } from '../http/schemas.ts';
import { enterpriseListQuery } from './enterprise.routes.ts';
import { startEnterpriseExport, writeImportErrorReport, writeImportTemplate } from './enterprise-export.ts';
import { XLSX_TYPE, sendDownload, storageDir } from '../files/storage.ts';
import {
  cancelEnterpriseImport,
  confirmEnterpriseImport,
  getImportBatch,
  stageEnterpriseImport,
} from './enterprise-import.ts';

export function registerEnterpriseImportRoutes(fastify: FastifyInstance, app: AppContext): void {
  const r = fastify.withTypeProvider<ZodTypeProvider>();

  r.get('/api/enterprises/import-template.xlsx', {
    schema: { tags: ['一企一档'], summary: '企业导入模板' },
    config: { access: { permission: 'enterprise.import' } },
    handler: async (_request, reply) => {
      const file = path.join(storageDir(app, 'exports'), `template-${randomUUID()}.xlsx`);
      await writeImportTemplate(file, app.clock.now());
      return sendDownload(reply, file, '企业信息导入模板.xlsx', XLSX_TYPE, true);
    },
  });

  r.post('/api/enterprises/imports', {
    schema: {
      tags: ['一企一档'],
      summary: '上传 Excel（.xlsx）：逐行校验，确认前不写入任何企业',
      consumes: ['multipart/form-data'],
    },
    config: { access: { permission: 'enterprise.import' } },
    handler: async (request, reply) => {
      const upload = await request.file();
      if (!upload) throw badRequest('文件：请选择要导入的 Excel 文件', 'file');
      if (!/\.xlsx$/i.test(upload.filename)) {
        upload.file.resume();
        throw badRequest('文件：只支持 .xlsx 格式（旧版 .xls 请在 Excel 中另存为 .xlsx）', 'file');
      }
      const file = path.join(storageDir(app, 'imports'), `upload-${randomUUID()}.xlsx`);
      await pipeline(upload.file, createWriteStream(file));
      if (upload.file.truncated) {
        await rm(file, { force: true });
        throw badRequest('文件：超过 60 MB 上限', 'file');
      }
      const result = await stageEnterpriseImport(app, request.user, request.actor, file, upload.filename);
      return reply.code(202).send(result);
    },
  });

  r.get('/api/enterprises/imports/:id', {
    schema: {
      tags: ['一企一档'],
      summary: '导入批次的逐行校验结果',
      params: idParams,
      querystring: z.object({ only: z.enum(['all', 'errors', 'valid']).default('all').describe('筛选'), ...pageQuery }),
    },
    config: { access: { permission: 'enterprise.import', objectKind: 'import' } },
    handler: async (request) => getImportBatch(app, request.user, request.params.id, request.query),
  });

  r.get('/api/enterprises/imports/:id/errors.xlsx', {
    schema: { tags: ['一企一档'], summary: '下载导入错误报告', params: idParams },
    config: { access: { permission: 'enterprise.import', objectKind: 'import' } },
    handler: async (request, reply) => {
      await getImportBatch(app, request.user, request.params.id, { page: 1, pageSize: 1, only: 'errors' });
      const file = path.join(storageDir(app, 'exports'), `import-errors-${randomUUID()}.xlsx`);
      await writeImportErrorReport(app, request.user, request.params.id, file);
      return sendDownload(reply, file, `导入错误报告-${request.params.id}.xlsx`, XLSX_TYPE, true);
    },
  });

  r.post('/api/enterprises/imports/:id/confirm', {
    schema: { tags: ['一企一档'], summary: '确认导入校验通过的行', params: idParams },
    config: { access: { permission: 'enterprise.import', objectKind: 'import' } },
    handler: async (request, reply) =>
      reply.code(202).send(await confirmEnterpriseImport(app, request.user, request.actor, request.params.id)),
  });

  r.post('/api/enterprises/imports/:id/cancel', {
    schema: { tags: ['一企一档'], summary: '放弃该导入批次', params: idParams },
    config: { access: { permission: 'enterprise.import', objectKind: 'import' } },
    handler: async (request) => cancelEnterpriseImport(app, request.user, request.actor, request.params.id),
  });

  r.post('/api/enterprises/exports', {
    schema: {
      tags: ['一企一档'],
      summary: '按筛选条件导出企业名录（后台任务，完成后下载）',
      body: enterpriseListQuery.omit({ page: true, pageSize: true }),
    },
    config: { access: { permission: 'enterprise.export' } },
    handler: async (request, reply) =>
      reply.code(202).send({ jobId: await startEnterpriseExport(app, request.user, request.actor, request.body) }),
  });
}
