import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isIsoDate } from '../../domain/policy/dates.ts';
import type { AppContext } from '../context.ts';
import { sendDownload, storageDir, XLSX_TYPE } from '../files/storage.ts';
import { badRequest } from '../http/problem.ts';
import { idParams, pageQuery } from '../http/schemas.ts';
import { registerNotificationRoutes } from '../notifications/notifications.ts';
import {
  addAttachment,
  attachmentFile,
  completeApplication,
  fileObjection,
  findApplication,
  getApplication,
  listApplications,
  listNotices,
  putPayeeAccount,
  resolveObjection,
  reviewApplication,
  submitApplication,
  withdrawApplication,
} from './applications.service.ts';
import {
  approveBatch,
  batchableRulesOf,
  cancelBatch,
  getBatch,
  getBatchItem,
  listBatchItems,
  listBatches,
  setItemStatus,
  startBatch,
} from './batches.service.ts';
import { listCatalogue, policyDetail, policyListQr, policyLists } from './catalogue.service.ts';
import { handledKind, today } from './common.ts';
import { enterpriseMatches, evaluateRequest, factVocabulary } from './evaluate.service.ts';
import { addOfficialFact, enterpriseFacts, listOfficialFacts, putHeldFacts } from './facts.service.ts';
import { getOrder, listOrders, markOrdersPaid, startOrderExport } from './payments.service.ts';
import { registerPublicPolicyRoutes } from './public.routes.ts';
import { publishPolicy, updatePolicySettings, withdrawPolicy } from './publish.service.ts';
import { getSimulation, listSimulations, startSimulation } from './simulation.service.ts';
import { policyStats, weeklyDispatch, writeDispatchWorkbook, writeStatsWorkbook } from './stats.service.ts';

const isoDate = (label: string) =>
  z
    .string()
    .refine((v) => isIsoDate(v), '应为日期 YYYY-MM-DD')
    .describe(label);
const version = z.number().int().positive().describe('版本号');
const policyParams = z.object({
  policyId: z
    .string()
    .regex(/^[a-z0-9-]{2,60}$/, '格式不正确')
    .describe('政策编号'),
});
const factValue = z.union([z.number(), z.boolean(), z.string(), z.null()]).describe('事实值');
const factsRecord = (label: string) => z.record(z.string().describe('事实名称'), factValue).describe(label);
const payee = z
  .object({
    accountName: z.string().trim().min(2).max(100).describe('收款账户名'),
    bankName: z.string().trim().min(2).max(100).describe('开户银行'),
    accountNo: z
      .string()
      .trim()
      .regex(/^\d{8,32}$/, '应为 8–32 位数字')
      .describe('收款账号'),
  })
  .describe('收款账户');
const TAGS = ['惠企政策'];

/** 惠企政策兑现: catalogue, evaluation, matching, applications, 免申即享 batches, payment, statistics, simulation. */
export function registerPolicyRoutes(fastify: FastifyInstance, app: AppContext): void {
  const r = fastify.withTypeProvider<ZodTypeProvider>();
  registerNotificationRoutes(fastify, app);
  registerPublicPolicyRoutes(fastify, app);

  // ---------------------------------------------------------------------------------------------------------------
  // Catalogue and engine
  // ---------------------------------------------------------------------------------------------------------------
  r.get('/api/policies', {
    schema: {
      tags: TAGS,
      summary: '政策目录：政策、条款、出处和参数（可检索）',
      querystring: z.object({
        q: z.string().trim().max(50).optional().describe('关键词'),
        ownerKind: z
          .string()
          .regex(/^[a-z]{2,12}$/)
          .optional()
          .describe('主管部门'),
        fulfilment: z.enum(['auto', 'quick', 'apply']).optional().describe('兑现方式'),
        status: z.enum(['draft', 'published', 'withdrawn']).optional().describe('发布状态'),
      }),
    },
    config: { access: { permission: 'policy.read' } },
    handler: async (request) => listCatalogue(app, request.query),
  });

  r.get('/api/policies/facts', {
    schema: { tags: TAGS, summary: '事实词表：名称、类型、单位、中文名、说明、来源' },
    config: { access: { permission: 'policy.read' } },
    handler: async () => factVocabulary(),
  });

  r.post('/api/policies/evaluate', {
    schema: {
      tags: TAGS,
      summary: '按事实或按企业评估全部政策条款（含就高不重复、缺少的事实和判断过程）',
      body: z
        .object({
          facts: z.record(z.string(), z.unknown()).optional().describe('事实'),
          asOf: z.string().nullable().optional().describe('评估日期'),
          enterpriseId: z.union([z.number(), z.string()]).nullable().optional().describe('企业编号'),
        })
        .describe('评估请求'),
    },
    config: { access: { permission: 'policy.read' } },
    handler: async (request) => evaluateRequest(app, request.user, request.body as Record<string, unknown>),
  });

  r.get('/api/policies/lists', {
    schema: { tags: TAGS, summary: '惠企政策清单（可生成二维码推送企业）' },
    config: { access: { permission: 'policy.read' } },
    handler: async () => ({ items: policyLists() }),
  });

  r.get('/api/policies/lists/:code/qr.svg', {
    schema: {
      tags: TAGS,
      summary: '政策清单二维码（指向公开页面）',
      params: z.object({
        code: z
          .string()
          .regex(/^[a-z]{2,12}$/)
          .describe('清单代码'),
      }),
    },
    config: { access: { permission: 'policy.read' } },
    handler: async (request, reply) => {
      const origin = `${request.protocol}://${request.host}`;
      const { svg } = await policyListQr(request.params.code, origin);
      return reply.type('image/svg+xml').header('cache-control', 'no-cache').send(svg);
    },
  });

  r.get('/api/policies/rules/batchable', {
    schema: { tags: TAGS, summary: '本部门可发起免申即享批次的条款' },
    config: { access: { permission: 'policy.review' } },
    handler: async (request) => ({ items: batchableRulesOf(await handledKind(app, request.user)) }),
  });

  // ---------------------------------------------------------------------------------------------------------------
  // Enterprises: matches, facts, payee account
  // ---------------------------------------------------------------------------------------------------------------
  r.get('/api/policies/enterprises/:id/matches', {
    schema: {
      tags: TAGS,
      summary: '企业可享受的政策（精准匹配）：金额、还需补充的信息、申请和兑付进度',
      params: idParams,
      querystring: z.object({
        asOf: isoDate('评估日期').optional(),
        all: z.enum(['true', 'false']).optional().describe('含不符合的条款'),
      }),
    },
    config: { access: { permission: 'policy.read', objectKind: 'enterprise' } },
    handler: async (request) =>
      enterpriseMatches(app, request.user, request.params.id, {
        ...(request.query.asOf ? { asOf: request.query.asOf } : {}),
        all: request.query.all === 'true',
      }),
  });

  r.get('/api/policies/enterprises/:id/facts', {
    schema: {
      tags: TAGS,
      summary: '企业的政策事实及来源（一企一档、部门共享、官方数据）',
      params: idParams,
      querystring: z.object({ asOf: isoDate('评估日期').optional() }),
    },
    config: { access: { permission: 'policy.read', objectKind: 'enterprise' } },
    handler: async (request) => enterpriseFacts(app, request.user, request.params.id, request.query.asOf),
  });

  r.put('/api/policies/enterprises/:id/facts', {
    schema: {
      tags: TAGS,
      summary: '部门登记掌握的企业数据（数据共享，供免申即享）',
      params: idParams,
      body: z.object({
        facts: factsRecord('共享数据'),
        version: z.number().int().min(0).optional().describe('版本号'),
      }),
    },
    config: { access: { permission: 'policy.review', objectKind: 'enterprise' } },
    handler: async (request) => putHeldFacts(app, request.user, request.actor, request.params.id, request.body),
  });

  r.put('/api/policies/enterprises/:id/payee-account', {
    schema: { tags: TAGS, summary: '企业维护惠企资金收款账户', params: idParams, body: payee },
    config: { access: { permission: 'policy.apply', objectKind: 'enterprise' } },
    handler: async (request) => putPayeeAccount(app, request.user, request.actor, request.params.id, request.body),
  });

  // ---------------------------------------------------------------------------------------------------------------
  // Applications (快申快享 / 申请 → 审核 → 公示 → 兑付)
  // ---------------------------------------------------------------------------------------------------------------
  r.get('/api/policies/applications', {
    schema: {
      tags: TAGS,
      summary: '申请列表（企业看本企业，部门看本部门主管的条款，领导看辖区）',
      querystring: z.object({
        status: z
          .enum(['submitted', 'rejected', 'withdrawn', 'publicity', 'revoked', 'ordered', 'paid'])
          .optional()
          .describe('状态'),
        ruleId: z.string().max(120).optional().describe('政策条款'),
        policyId: z.string().max(60).optional().describe('政策'),
        enterpriseId: z.coerce.number().int().positive().optional().describe('企业'),
        overdue: z.enum(['true', 'false']).optional().describe('只看超期'),
        q: z.string().trim().max(50).optional().describe('企业名称'),
        ...pageQuery,
      }),
    },
    config: { access: { permission: 'policy.read' } },
    handler: async (request) => {
      const { page, pageSize, overdue, ...filter } = request.query;
      return listApplications(app, request.user, { ...filter, overdue: overdue === 'true' }, { page, pageSize });
    },
  });

  r.post('/api/policies/applications', {
    schema: {
      tags: TAGS,
      summary: '企业申请（表单由一企一档预填；支持 Idempotency-Key）',
      body: z.object({
        ruleId: z.string().min(3).max(120).describe('政策条款'),
        facts: z.record(z.string(), z.unknown()).describe('申请信息'),
        payee,
      }),
    },
    config: { access: { permission: 'policy.apply', idempotent: true } },
    handler: async (request, reply) =>
      reply.code(201).send(await submitApplication(app, request.user, request.actor, request.body)),
  });

  r.get('/api/policies/applications/:id', {
    schema: { tags: TAGS, summary: '申请详情：判断过程、材料、公示和异议', params: idParams },
    config: { access: { permission: 'policy.read', objectKind: 'policy-application' } },
    handler: async (request) => getApplication(app, request.user, request.params.id),
  });

  r.post('/api/policies/applications/:id/withdraw', {
    schema: {
      tags: TAGS,
      summary: '企业撤回待审核的申请',
      params: idParams,
      body: z.object({ version: version.optional() }),
    },
    config: { access: { permission: 'policy.apply', objectKind: 'policy-application' } },
    handler: async (request) => withdrawApplication(app, request.user, request.actor, request.params.id, request.body),
  });

  r.post('/api/policies/applications/:id/attachments', {
    schema: {
      tags: TAGS,
      summary: '上传证明材料（PDF、图片、Word、Excel，单个不超过 20 MB）',
      params: idParams,
      consumes: ['multipart/form-data'],
    },
    config: { access: { permission: 'policy.apply', objectKind: 'policy-application' } },
    handler: async (request, reply) => {
      // scope first: outside it the answer is 404 whatever was sent
      await findApplication(app, request.user, request.params.id);
      const upload = request.isMultipart() ? await request.file() : undefined;
      if (!upload) throw badRequest('证明材料：请选择要上传的文件', 'file');
      return reply.code(201).send(await addAttachment(app, request.user, request.actor, request.params.id, upload));
    },
  });

  r.get('/api/policies/attachments/:id', {
    schema: { tags: TAGS, summary: '下载证明材料', params: idParams },
    config: { access: { permission: 'policy.read', objectKind: 'policy-attachment' } },
    handler: async (request, reply) => {
      const found = await attachmentFile(app, request.user, request.params.id);
      return sendDownload(reply, found.path, found.fileName, found.contentType);
    },
  });

  r.post('/api/policies/applications/:id/review', {
    schema: {
      tags: TAGS,
      summary: '主管部门审核：通过（可核正申请信息，进入公示）或不予通过',
      params: idParams,
      body: z.object({
        decision: z.enum(['approve', 'reject']).describe('审核结论'),
        note: z.string().trim().max(500).optional().describe('审核意见'),
        verifiedFacts: z.record(z.string(), z.unknown()).optional().describe('核定信息'),
        version: version.optional(),
      }),
    },
    config: { access: { permission: 'policy.review', objectKind: 'policy-application' } },
    handler: async (request) => reviewApplication(app, request.user, request.actor, request.params.id, request.body),
  });

  r.post('/api/policies/applications/:id/complete', {
    schema: {
      tags: TAGS,
      summary: '公示期满无异议：生成支付指令',
      params: idParams,
      body: z.object({ version: version.optional() }),
    },
    config: { access: { permission: 'policy.review', objectKind: 'policy-application' } },
    handler: async (request) => completeApplication(app, request.user, request.actor, request.params.id, request.body),
  });

  r.get('/api/policies/notices', {
    schema: { tags: TAGS, summary: '公示中的兑现名单', querystring: z.object({ ...pageQuery }) },
    config: { access: { permission: 'policy.read' } },
    handler: async (request) => listNotices(app, request.query),
  });

  r.post('/api/policies/notices/:id/objections', {
    schema: {
      tags: TAGS,
      summary: '对公示中的兑现提出异议',
      params: idParams,
      body: z.object({
        reason: z.string().trim().min(5).max(1000).describe('异议理由'),
        contact: z.string().trim().min(2).max(100).describe('联系方式'),
      }),
    },
    config: { access: { permission: 'policy.read', objectKind: 'policy-notice' } },
    handler: async (request, reply) =>
      reply.code(201).send(await fileObjection(app, request.user, request.actor, request.params.id, request.body)),
  });

  r.post('/api/policies/objections/:id/resolve', {
    schema: {
      tags: TAGS,
      summary: '主管部门处理异议：成立（不予兑现）或不成立',
      params: idParams,
      body: z.object({
        decision: z.enum(['upheld', 'dismissed']).describe('处理结论'),
        resolution: z.string().trim().min(2).max(1000).describe('核查情况'),
      }),
    },
    config: { access: { permission: 'policy.review', objectKind: 'policy-objection' } },
    handler: async (request) => resolveObjection(app, request.user, request.actor, request.params.id, request.body),
  });

  // ---------------------------------------------------------------------------------------------------------------
  // 免申即享 batches
  // ---------------------------------------------------------------------------------------------------------------
  r.get('/api/policies/batches', {
    schema: {
      tags: TAGS,
      summary: '免申即享批次',
      querystring: z.object({
        status: z
          .enum(['running', 'review', 'approving', 'approved', 'failed', 'cancelled'])
          .optional()
          .describe('状态'),
        ruleId: z.string().max(120).optional().describe('政策条款'),
        ...pageQuery,
      }),
    },
    config: { access: { permission: 'policy.read' } },
    handler: async (request) => {
      const { page, pageSize, ...filter } = request.query;
      return listBatches(app, request.user, filter, { page, pageSize });
    },
  });

  r.post('/api/policies/batches', {
    schema: {
      tags: TAGS,
      summary: '发起免申即享批次：对本部门辖区内数据齐全的全部企业批量核定（后台任务）',
      body: z.object({ ruleId: z.string().min(3).max(120).describe('政策条款'), asOf: isoDate('数据日期') }),
    },
    config: { access: { permission: 'policy.review' } },
    handler: async (request, reply) =>
      reply.code(202).send(await startBatch(app, request.user, request.actor, request.body)),
  });

  r.get('/api/policies/batches/:id', {
    schema: { tags: TAGS, summary: '批次详情', params: idParams },
    config: { access: { permission: 'policy.read', objectKind: 'policy-batch' } },
    handler: async (request) => getBatch(app, request.user, request.params.id),
  });

  r.get('/api/policies/batches/:id/items', {
    schema: {
      tags: TAGS,
      summary: '批次兑现名单',
      params: idParams,
      querystring: z.object({
        status: z.enum(['included', 'excluded']).optional().describe('状态'),
        q: z.string().trim().max(50).optional().describe('企业名称'),
        ...pageQuery,
      }),
    },
    config: { access: { permission: 'policy.read', objectKind: 'policy-batch' } },
    handler: async (request) => {
      const { page, pageSize, ...filter } = request.query;
      return listBatchItems(app, request.user, request.params.id, filter, { page, pageSize });
    },
  });

  r.post('/api/policies/batches/:id/approve', {
    schema: {
      tags: TAGS,
      summary: '审核批准批次并生成支付指令（后台任务）',
      params: idParams,
      body: z.object({ version }),
    },
    config: { access: { permission: 'policy.review', objectKind: 'policy-batch' } },
    handler: async (request, reply) =>
      reply.code(202).send(await approveBatch(app, request.user, request.actor, request.params.id, request.body)),
  });

  r.post('/api/policies/batches/:id/cancel', {
    schema: {
      tags: TAGS,
      summary: '作废待审核的批次',
      params: idParams,
      body: z.object({ version, reason: z.string().trim().min(2).max(500).describe('作废理由') }),
    },
    config: { access: { permission: 'policy.review', objectKind: 'policy-batch' } },
    handler: async (request) => cancelBatch(app, request.user, request.actor, request.params.id, request.body),
  });

  r.get('/api/policies/batch-items/:id', {
    schema: { tags: TAGS, summary: '批次中一家企业：所用数据和判断过程', params: idParams },
    config: { access: { permission: 'policy.read', objectKind: 'policy-batch-item' } },
    handler: async (request) => getBatchItem(app, request.user, request.params.id),
  });

  r.post('/api/policies/batch-items/:id/status', {
    schema: {
      tags: TAGS,
      summary: '审核时剔除或恢复名单中的企业',
      params: idParams,
      body: z.object({
        status: z.enum(['included', 'excluded']).describe('状态'),
        reason: z.string().trim().max(500).optional().describe('剔除理由'),
      }),
    },
    config: { access: { permission: 'policy.review', objectKind: 'policy-batch-item' } },
    handler: async (request) => setItemStatus(app, request.user, request.actor, request.params.id, request.body),
  });

  // ---------------------------------------------------------------------------------------------------------------
  // Payment orders
  // ---------------------------------------------------------------------------------------------------------------
  const orderFilter = {
    status: z.enum(['pending', 'exported', 'paid', 'cancelled']).optional().describe('状态'),
    batchId: z.coerce.number().int().positive().optional().describe('批次'),
    applicationId: z.coerce.number().int().positive().optional().describe('申请'),
    ruleId: z.string().max(120).optional().describe('政策条款'),
    policyId: z.string().max(60).optional().describe('政策'),
    enterpriseId: z.coerce.number().int().positive().optional().describe('企业'),
    q: z.string().trim().max(50).optional().describe('收款人'),
  };
  r.get('/api/policies/payment-orders', {
    schema: { tags: TAGS, summary: '支付指令', querystring: z.object({ ...orderFilter, ...pageQuery }) },
    config: { access: { permission: 'policy.read' } },
    handler: async (request) => {
      const { page, pageSize, ...filter } = request.query;
      return listOrders(app, request.user, filter, { page, pageSize });
    },
  });

  r.get('/api/policies/payment-orders/:id', {
    schema: { tags: TAGS, summary: '支付指令详情（含资金分担）', params: idParams },
    config: { access: { permission: 'policy.read', objectKind: 'policy-order' } },
    handler: async (request) => getOrder(app, request.user, request.params.id),
  });

  r.post('/api/policies/payment-orders/exports', {
    schema: {
      tags: TAGS,
      summary: '导出支付指令（Excel 或 CSV，供预算系统和代发银行；后台任务）',
      body: z.object({ format: z.enum(['xlsx', 'csv']).describe('格式'), ...orderFilter }),
    },
    config: { access: { permission: 'policy.pay' } },
    handler: async (request, reply) =>
      reply.code(202).send({ jobId: await startOrderExport(app, request.user, request.actor, request.body) }),
  });

  const paidBody = {
    paidOn: isoDate('支付日期'),
    bankRef: z.string().trim().max(64).optional().describe('银行流水号'),
  };
  r.post('/api/policies/payment-orders/:id/paid', {
    schema: {
      tags: TAGS,
      summary: '标记支付指令已支付',
      params: idParams,
      body: z.object({ ...paidBody, version: version.optional() }),
    },
    config: { access: { permission: 'policy.pay', objectKind: 'policy-order' } },
    handler: async (request) =>
      markOrdersPaid(app, request.user, request.actor, { ids: [request.params.id], ...request.body }),
  });

  r.post('/api/policies/payment-orders/paid', {
    schema: {
      tags: TAGS,
      summary: '批量标记已支付',
      body: z.object({
        ids: z.array(z.number().int().positive().describe('支付指令')).min(1).max(1000).describe('支付指令'),
        ...paidBody,
      }),
    },
    config: { access: { permission: 'policy.pay' } },
    handler: async (request) => markOrdersPaid(app, request.user, request.actor, request.body),
  });

  // ---------------------------------------------------------------------------------------------------------------
  // Publishing
  // ---------------------------------------------------------------------------------------------------------------
  r.get('/api/policies/:policyId', {
    schema: { tags: TAGS, summary: '政策详情：解读、条款、原文、主管部门、办理方式', params: policyParams },
    config: { access: { permission: 'policy.read', objectKind: 'policy' } },
    handler: async (request) => policyDetail(app, request.params.policyId, today(app)),
  });

  r.post('/api/policies/:policyId/publish', {
    schema: {
      tags: TAGS,
      summary: '发布政策并向符合条件的企业精准推送（后台任务）',
      params: policyParams,
      body: z.object({ version: z.number().int().min(0).optional().describe('版本号') }),
    },
    config: { access: { permission: 'policy.publish', objectKind: 'policy-owned' } },
    handler: async (request, reply) =>
      reply
        .code(202)
        .send(await publishPolicy(app, request.user, request.actor, request.params.policyId, request.body)),
  });

  r.post('/api/policies/:policyId/withdraw', {
    schema: {
      tags: TAGS,
      summary: '政策停止受理新的申请',
      params: policyParams,
      body: z.object({ version: z.number().int().min(0).optional().describe('版本号') }),
    },
    config: { access: { permission: 'policy.publish', objectKind: 'policy-owned' } },
    handler: async (request) => withdrawPolicy(app, request.user, request.actor, request.params.policyId, request.body),
  });

  r.put('/api/policies/:policyId/settings', {
    schema: {
      tags: TAGS,
      summary: '设置审核时限和公示期（工作日）',
      params: policyParams,
      body: z.object({
        reviewWorkingDays: z.number().int().min(1).max(120).describe('审核时限（工作日）'),
        noticeWorkingDays: z.number().int().min(1).max(30).describe('公示期（工作日）'),
        version: z.number().int().min(0).optional().describe('版本号'),
      }),
    },
    config: { access: { permission: 'policy.publish', objectKind: 'policy-owned' } },
    handler: async (request) =>
      updatePolicySettings(app, request.user, request.actor, request.params.policyId, request.body),
  });

  // ---------------------------------------------------------------------------------------------------------------
  // Official figures, statistics, simulation
  // ---------------------------------------------------------------------------------------------------------------
  r.get('/api/policy-official-facts', {
    schema: { tags: TAGS, summary: '官方公布数据（LPR、疫情解除日期等）及历史' },
    config: { access: { permission: 'policy.read' } },
    handler: async () => listOfficialFacts(app),
  });

  r.post('/api/policy-official-facts', {
    schema: {
      tags: TAGS,
      summary: '登记官方公布数据的新值（保留历史）',
      body: z.object({
        fact: z.string().min(2).max(60).describe('数据项'),
        value: z.union([z.number(), z.boolean(), z.string()]).describe('数值'),
        effectiveFrom: isoDate('起始日期'),
        note: z.string().trim().min(2).max(200).describe('公布来源'),
      }),
    },
    config: { access: { permission: 'policy.config' } },
    handler: async (request, reply) =>
      reply.code(201).send(await addOfficialFact(app, request.user, request.actor, request.body)),
  });

  r.get('/api/policy-stats', {
    schema: { tags: TAGS, summary: '兑现统计：兑现金额、兑现企业数、覆盖面，按部门、区域、政策' },
    config: { access: { permission: 'policy.stats' } },
    handler: async (request) => policyStats(app, request.user),
  });

  r.get('/api/policy-stats/weekly', {
    schema: {
      tags: TAGS,
      summary: '一周一调度表',
      querystring: z.object({ week: isoDate('所在周任一日期').optional() }),
    },
    config: { access: { permission: 'policy.stats' } },
    handler: async (request) => weeklyDispatch(app, request.user, request.query.week),
  });

  r.get('/api/policy-stats/export.xlsx', {
    schema: {
      tags: TAGS,
      summary: '下载兑现统计或一周一调度表（Excel）',
      querystring: z.object({
        kind: z.enum(['summary', 'weekly']).default('summary').describe('报表'),
        week: isoDate('所在周任一日期').optional(),
      }),
    },
    config: { access: { permission: 'policy.stats' } },
    handler: async (request, reply) => {
      const file = path.join(storageDir(app, 'exports'), `policy-stats-${randomUUID()}.xlsx`);
      if (request.query.kind === 'weekly') {
        await writeDispatchWorkbook(app, request.user, file, request.query.week);
        return sendDownload(reply, file, `惠企政策兑现一周一调度表.xlsx`, XLSX_TYPE, true);
      }
      await writeStatsWorkbook(app, request.user, file);
      return sendDownload(reply, file, '惠企政策兑现统计.xlsx', XLSX_TYPE, true);
    },
  });

  r.get('/api/policy-simulations', {
    schema: { tags: TAGS, summary: '我的政策模拟测算' },
    config: { access: { permission: 'policy.simulate' } },
    handler: async (request) => listSimulations(app, request.user),
  });

  r.post('/api/policy-simulations', {
    schema: {
      tags: TAGS,
      summary: '模拟测算：修改条款参数，按辖区真实企业测算受益企业数和成本（后台任务）',
      body: z.object({
        ruleId: z.string().min(3).max(120).describe('政策条款'),
        label: z.string().trim().min(2).max(100).describe('方案名称'),
        asOf: isoDate('测算日期'),
        parameters: z
          .array(
            z.object({
              name: z.string().min(1).max(60).describe('参数'),
              value: z.union([z.number(), z.string()]).describe('参数值'),
            }),
          )
          .max(20)
          .describe('参数调整'),
      }),
    },
    config: { access: { permission: 'policy.simulate' } },
    handler: async (request, reply) =>
      reply.code(202).send(await startSimulation(app, request.user, request.actor, request.body)),
  });

  r.get('/api/policy-simulations/:id', {
    schema: { tags: TAGS, summary: '测算结果：按区域、行业、规模对比现行与草案', params: idParams },
    config: { access: { permission: 'policy.simulate', objectKind: 'policy-simulation' } },
    handler: async (request) => getSimulation(app, request.user, request.params.id),
  });
}
