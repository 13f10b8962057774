import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HEALTH_STATUSES } from '../../domain/health/status.ts';
import { VERIFY_CODES } from '../../domain/pass/verify.ts';
import type { AppContext } from '../context.ts';
import { sendDownload } from '../files/storage.ts';
import { idParams, pageQuery, queryBoolean } from '../http/schemas.ts';
import { jobFile } from '../jobs/jobs.ts';
import { issueCards } from './cards.ts';
import { ensureSigningKey, loadKeySet, retirePassKey, rotateKey } from './keys.ts';
import { getPass, listPasses, myPass, revokePass } from './passes.service.ts';
import { signedRevocationUpdate } from './revocations.ts';
import { listScans, uploadScanBatch } from './scans.ts';

const TAGS = ['通行证'];

const reasonBody = z.object({
  reason: z.string().trim().min(1, '请填写').max(200).describe('原因'),
});

const scanRecord = z.object({
  id: z.string().max(100).describe('扫码记录编号'),
  seq: z.number().int().positive().describe('序号'),
  at: z.string().datetime({ offset: true }).describe('扫码时间'),
  checkpointId: z.string().trim().min(1).max(60).describe('卡口'),
  code: z.enum(VERIFY_CODES).describe('核验结果'),
  ok: z.boolean().describe('是否通过'),
  passId: z.number().int().nonnegative().optional().describe('通行证编号'),
  kid: z.number().int().nonnegative().optional().describe('密钥编号'),
  personRef: z
    .string()
    .regex(/^[0-9a-f]{32}$/)
    .optional()
    .describe('人员假名标识'),
  enterpriseId: z.number().int().nonnegative().optional().describe('企业编号'),
  status: z.enum(HEALTH_STATUSES).optional().describe('返岗状态'),
});

const scanBatchBody = z.object({
  batchId: z.string().max(160).describe('批次号'),
  deviceId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/, '应为8–64位字母、数字、下划线或连字符')
    .describe('设备标识'),
  firstSeq: z.number().int().positive().describe('起始序号'),
  lastSeq: z.number().int().positive().describe('结束序号'),
  records: z.array(scanRecord).min(1).max(500).describe('扫码记录'),
});

/** 电子通行证 / 员工证: issue, show, print, revoke; key set and revocations for checkpoints; scan logs. */
export function registerPassRoutes(fastify: FastifyInstance, app: AppContext): void {
  const r = fastify.withTypeProvider<ZodTypeProvider>();

  r.get('/api/passes/keys', {
    schema: { tags: TAGS, summary: '通行证公钥集（密钥编号、签发期、停用时间）：卡口离线核验用' },
    config: { access: { permission: 'public' } },
    handler: async (_request, reply) => {
      await ensureSigningKey(app);
      const set = await loadKeySet(app.db.kysely);
      return reply.header('cache-control', 'no-cache').send(set);
    },
  });

  r.post('/api/passes/keys/rotate', {
    schema: { tags: TAGS, summary: '轮换签名密钥（旧密钥停止签发，继续核验其已签发的通行证至到期）' },
    config: { access: { permission: 'pass.keys.manage' } },
    handler: async (request) => rotateKey(app, request.actor),
  });

  r.post('/api/passes/keys/:kid/retire', {
    schema: {
      tags: TAGS,
      summary: '停用签名密钥（泄露或其通行证均已过期）：其签发的通行证一律拒绝',
      params: z.object({ kid: z.coerce.number().int().min(0).max(65535).describe('密钥编号') }),
      body: reasonBody,
    },
    config: { access: { permission: 'pass.keys.manage' } },
    handler: async (request) => retirePassKey(app, request.actor, request.params.kid, request.body.reason),
  });

  r.get('/api/passes/revocations', {
    schema: {
      tags: TAGS,
      summary: '吊销列表：since=0 完整快照，否则自该版本起的增量；默认为签名的二进制，format=json 为 JSON',
      querystring: z.object({
        since: z.coerce.number().int().min(0).default(0).describe('本机版本'),
        format: z.enum(['bin', 'json']).default('bin').describe('格式'),
      }),
    },
    config: { access: { permission: 'pass.scan' } },
    handler: async (request, reply) => {
      const { update, bytes } = await signedRevocationUpdate(app, request.query.since);
      reply.header('cache-control', 'no-store').header('x-revocation-version', String(update.toVersion));
      if (request.query.format === 'json') return reply.send({ ...update, bytes: bytes.length });
      return reply.type('application/octet-stream').send(Buffer.from(bytes));
    },
  });

  r.post('/api/passes/scans', {
    schema: { tags: TAGS, summary: '上传卡口扫码记录（按批次号和记录编号幂等）', body: scanBatchBody },
    config: { access: { permission: 'pass.scan' } },
    handler: async (request) => uploadScanBatch(app, request.user, request.actor, request.body),
  });

  r.get('/api/passes/scans', {
    schema: {
      tags: TAGS,
      summary: '扫码记录（本范围企业的通行证，及本人上传的）',
      querystring: z.object({
        enterpriseId: z.coerce.number().int().positive().optional().describe('企业'),
        passId: z.coerce.number().int().positive().optional().describe('通行证编号'),
        ...pageQuery,
      }),
    },
    config: { access: { permission: 'pass.scan.read' } },
    handler: async (request) => listScans(app, request.user, request.query),
  });

  r.get('/api/passes/me', {
    schema: { tags: TAGS, summary: '本人的手机通行证（二维码）；状态不允许时只返回状态' },
    config: { access: { permission: 'health.self' } },
    handler: async (request) => myPass(app, request.user, request.actor),
  });

  r.get('/api/passes', {
    schema: {
      tags: TAGS,
      summary: '通行证列表（本范围）',
      querystring: z.object({
        enterpriseId: z.coerce.number().int().positive().optional().describe('企业'),
        personId: z.coerce.number().int().positive().optional().describe('员工'),
        live: queryBoolean.optional().describe('仅有效'),
        ...pageQuery,
      }),
    },
    config: { access: { permission: 'pass.read' } },
    handler: async (request) => listPasses(app, request.user, request.query),
  });

  r.get('/api/passes/:id', {
    schema: { tags: TAGS, summary: '通行证（含二维码）', params: idParams },
    config: { access: { permission: 'pass.read', objectKind: 'pass' } },
    handler: async (request) => getPass(app, request.user, request.params.id),
  });

  r.post('/api/passes/:id/revoke', {
    schema: { tags: TAGS, summary: '作废通行证（遗失）：卡口下次同步后拒绝', params: idParams, body: reasonBody },
    config: { access: { permission: 'pass.issue', objectKind: 'pass' } },
    handler: async (request) => revokePass(app, request.user, request.actor, request.params.id, request.body.reason),
  });

  r.post('/api/passes/cards', {
    schema: {
      tags: TAGS,
      summary: '印制员工证（无手机员工）：签发并作废旧证，生成 A4 PDF 任务',
      body: z.object({
        enterpriseId: z.number().int().positive().optional().describe('企业'),
        personIds: z.array(z.number().int().positive()).max(20000).optional().describe('员工'),
      }),
    },
    config: { access: { permission: 'pass.issue' } },
    handler: async (request, reply) =>
      reply.code(201).send(await issueCards(app, request.user, request.actor, request.body)),
  });

  r.get('/api/passes/cards/:id/pdf', {
    schema: { tags: TAGS, summary: '下载员工证 PDF（仅发起人）', params: idParams },
    config: { access: { permission: 'pass.issue', objectKind: 'job' } },
    handler: async (request, reply) => {
      const found = await jobFile(app, request.user, request.params.id);
      return sendDownload(reply, found.path, found.fileName, 'application/pdf');
    },
  });
}
