import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isIsoDate } from '../../domain/health/dates.ts';
import { PERSON_CATEGORIES } from '../../domain/health/facts.ts';
import type { AppContext } from '../context.ts';
import { storageDir } from '../files/storage.ts';
import { badRequest } from '../http/problem.ts';
import { idParams, pageQuery, queryBoolean } from '../http/schemas.ts';
import {
  anomalyListQuery,
  anomalyTransitionSchema,
  getAnomaly,
  listAnomalies,
  transitionAnomaly,
} from './anomalies.ts';
import {
  appealDecisionSchema,
  appealListQuery,
  appealSubmitSchema,
  decideAppealById,
  listAppeals,
  listMyAppeals,
  submitMyAppeal,
} from './appeals.ts';
import {
  declarationBatchSchema,
  declarationListQuery,
  declareSelf,
  listDeclarations,
  listUndeclared,
  recordDeclaration,
  recordDeclarationBatch,
  recordDeclarationSchema,
  selfDeclarationSchema,
  undeclaredQuery,
} from './declarations.ts';
import { healthReference, myHealth } from './me.ts';
import {
  listOverrides,
  overrideListQuery,
  overrideProposeSchema,
  overrideReasonSchema,
  overrideVersionSchema,
  proposeStatusOverride,
  stepOverride,
} from './overrides.ts';
import {
  accountSchema,
  createPerson,
  evaluateNow,
  factsUpdateSchema,
  getPerson,
  linkAccount,
  listPeople,
  lookupByResidentId,
  markLeft,
  personCreateSchema,
  personPatchSchema,
  revealResidentId,
  updateFacts,
  updatePerson,
} from './people.service.ts';
import {
  addRiskArea,
  endRiskArea,
  listRiskAreas,
  riskAreaCreateSchema,
  riskAreaEndSchema,
  riskAreaListQuery,
} from './risk-areas.ts';
import { exportSchema, purgeHealthData, purgeSchema, startRosterExport } from './privacy.ts';
import { cancelRosterImport, confirmRosterImport, getRosterImport, stageRosterImport } from './roster-import.ts';
import { generateDailySummaries, listSummaries, summaryQuery } from './summaries.ts';

const TAGS = ['员工健康'];

function idemKey(headers: Record<string, unknown>): string | undefined {
  const v = headers['idempotency-key'];
  return typeof v === 'string' && v ? v : undefined;
}

/**
 * 员工健康 (issue 5): roster (一人一档) with import, return-to-work evaluation, daily declarations, anomalies,
 * status overrides, appeals, daily summaries, retention and exports. See docs/api-health.md.
 */
export function registerHealthRoutes(fastify: FastifyInstance, app: AppContext): void {
  const r = fastify.withTypeProvider<ZodTypeProvider>();

  r.get('/api/health/reference', {
    schema: { tags: TAGS, summary: '员工健康的固定清单（状态、理由及出处、研判理由、症状、所在地…）' },
    config: { access: { permission: 'authenticated' } },
    handler: async () => healthReference(),
  });

  // ------------------------------------------------------------------------------------------------ roster
  r.get('/api/health/people', {
    schema: {
      tags: TAGS,
      summary: '员工花名册（身份证号脱敏；查看留痕）',
      querystring: z.object({
        enterpriseId: z.coerce.number().int().positive().optional().describe('企业'),
        q: z.string().trim().max(50).optional().describe('姓名、手机号或身份证号'),
        status: z.string().max(40).optional().describe('返岗状态'),
        team: z.string().max(50).optional().describe('班组'),
        post: z.string().max(50).optional().describe('岗位（精确匹配）'),
        category: z.enum(PERSON_CATEGORIES).optional().describe('人员类别'),
        includeLeft: queryBoolean.optional().describe('包含离职人员'),
        ...pageQuery,
      }),
    },
    config: { access: { permission: 'health.roster.read' } },
    handler: async (request) =>
      listPeople(app, request.user, request.actor, {
        ...request.query,
        includeLeft: request.query.includeLeft ?? false,
      }),
  });

  r.post('/api/health/people', {
    schema: { tags: TAGS, summary: '新增员工档案（身份证号校验、加密保存）', body: personCreateSchema },
    config: { access: { permission: 'health.roster.manage' } },
    handler: async (request, reply) =>
      reply.code(201).send(await createPerson(app, request.user, request.actor, request.body)),
  });

  r.post('/api/health/people/lookup', {
    schema: {
      tags: TAGS,
      summary: '按身份证号查找员工档案（按密钥哈希匹配）',
      body: z.object({ residentId: z.string().trim().min(1).max(30).describe('身份证号') }),
    },
    config: { access: { permission: 'health.roster.read' } },
    handler: async (request) => lookupByResidentId(app, request.user, request.actor, request.body.residentId),
  });

  r.get('/api/health/people/:id', {
    schema: {
      tags: TAGS,
      summary: '员工健康档案：状态、理由及出处、申报、异常、研判、申诉（查看留痕）',
      params: idParams,
    },
    config: { access: { permission: 'health.roster.read', objectKind: 'person' } },
    handler: async (request) => getPerson(app, request.user, request.actor, request.params.id),
  });

  r.patch('/api/health/people/:id', {
    schema: { tags: TAGS, summary: '修改员工档案', params: idParams, body: personPatchSchema },
    config: { access: { permission: 'health.roster.manage', objectKind: 'person' } },
    handler: async (request) => updatePerson(app, request.user, request.actor, request.params.id, request.body),
  });

  r.post('/api/health/people/:id/left', {
    schema: {
      tags: TAGS,
      summary: '标记离职（作废通行证）',
      params: idParams,
      body: z.object({
        on: z.string().refine(isIsoDate, { message: '离职日期：应为 YYYY-MM-DD' }).describe('离职日期'),
      }),
    },
    config: { access: { permission: 'health.roster.manage', objectKind: 'person' } },
    handler: async (request) => markLeft(app, request.user, request.actor, request.params.id, request.body.on),
  });

  r.post('/api/health/people/:id/reveal-id', {
    schema: { tags: TAGS, summary: '查看完整身份证号（留痕）', params: idParams },
    config: { access: { permission: 'health.pii.reveal', objectKind: 'person' } },
    handler: async (request) => revealResidentId(app, request.user, request.actor, request.params.id),
  });

  r.put('/api/health/people/:id/facts', {
    schema: {
      tags: TAGS,
      summary: '录入返岗判定事实（旅居、接触、检测…），立即重新判定',
      params: idParams,
      body: factsUpdateSchema,
    },
    config: { access: { permission: 'health.facts.manage', objectKind: 'person' } },
    handler: async (request) => updateFacts(app, request.user, request.actor, request.params.id, request.body),
  });

  r.post('/api/health/people/:id/evaluate', {
    schema: { tags: TAGS, summary: '按规则重新判定返岗状态', params: idParams },
    config: { access: { permission: 'health.facts.manage', objectKind: 'person' } },
    handler: async (request) => evaluateNow(app, request.user, request.actor, request.params.id),
  });

  r.post('/api/health/people/:id/account', {
    schema: { tags: TAGS, summary: '关联员工账号（已有账号或新开账号）', params: idParams, body: accountSchema },
    config: { access: { permission: 'health.roster.manage', objectKind: 'person' } },
    handler: async (request, reply) =>
      reply.code(201).send(await linkAccount(app, request.user, request.actor, request.params.id, request.body)),
  });

  // ------------------------------------------------------------------------------------------------ import
  r.post('/api/health/roster-imports', {
    schema: {
      tags: TAGS,
      summary: '上传员工花名册 Excel（.xlsx）：逐行校验，确认前不写入',
      consumes: ['multipart/form-data'],
      querystring: z.object({ enterpriseId: z.coerce.number().int().positive().optional().describe('企业') }),
    },
    config: { access: { permission: 'health.roster.manage' } },
    handler: async (request, reply) => {
      const upload = await request.file();
      if (!upload) throw badRequest('文件：请选择要导入的 Excel 文件', 'file');
      if (!/\.xlsx$/i.test(upload.filename)) {
        upload.file.resume();
        throw badRequest('文件：只支持 .xlsx 格式（旧版 .xls 请在 Excel 中另存为 .xlsx）', 'file');
      }
      const file = path.join(storageDir(app, 'imports'), `roster-${randomUUID()}.xlsx`);
      try {
        await pipeline(upload.file, createWriteStream(file));
        if (upload.file.truncated) throw badRequest('文件：超过大小上限', 'file');
        const result = await stageRosterImport(
          app,
          request.user,
          request.actor,
          request.query.enterpriseId,
          file,
          upload.filename,
        );
        return reply.code(201).send(result);
      } finally {
        await rm(file, { force: true });
      }
    },
  });

  r.get('/api/health/roster-imports/:id', {
    schema: {
      tags: TAGS,
      summary: '花名册导入批次的逐行校验结果（身份证号脱敏）',
      params: idParams,
      querystring: z.object({ only: z.enum(['all', 'errors', 'valid']).default('all').describe('筛选'), ...pageQuery }),
    },
    config: { access: { permission: 'health.roster.manage', objectKind: 'health_import' } },
    handler: async (request) => getRosterImport(app, request.user, request.params.id, request.query),
  });

  r.post('/api/health/roster-imports/:id/confirm', {
    schema: { tags: TAGS, summary: '确认导入校验通过的行', params: idParams },
    config: { access: { permission: 'health.roster.manage', objectKind: 'health_import' } },
    handler: async (request) => confirmRosterImport(app, request.user, request.actor, request.params.id),
  });

  r.post('/api/health/roster-imports/:id/cancel', {
    schema: { tags: TAGS, summary: '放弃该导入批次', params: idParams },
    config: { access: { permission: 'health.roster.manage', objectKind: 'health_import' } },
    handler: async (request) => cancelRosterImport(app, request.user, request.actor, request.params.id),
  });

  // ------------------------------------------------------------------------------------------------ declarations
  r.get('/api/health/me', {
    schema: { tags: TAGS, summary: '本人返岗状态、理由及出处、最早返岗日期、今日申报、申诉' },
    config: { access: { permission: 'health.self' } },
    handler: async (request) => myHealth(app, request.user, request.actor),
  });

  r.post('/api/health/me/declarations', {
    schema: {
      tags: TAGS,
      summary: '本人每日健康申报（Idempotency-Key 或 clientKey 防重复）',
      body: selfDeclarationSchema,
    },
    config: { access: { permission: 'health.self', idempotent: true } },
    handler: async (request, reply) => {
      const out = await declareSelf(app, request.user, request.actor, request.body, idemKey(request.headers));
      return reply.code(out.duplicate ? 200 : 201).send(out);
    },
  });

  r.get('/api/health/me/appeals', {
    schema: { tags: TAGS, summary: '本人的申诉' },
    config: { access: { permission: 'health.self' } },
    handler: async (request) => listMyAppeals(app, request.user),
  });

  r.post('/api/health/me/appeals', {
    schema: { tags: TAGS, summary: '对本人返岗状态或人工研判提出申诉', body: appealSubmitSchema },
    config: { access: { permission: 'health.self', idempotent: true } },
    handler: async (request, reply) =>
      reply.code(201).send(await submitMyAppeal(app, request.user, request.actor, request.body)),
  });

  r.post('/api/health/declarations', {
    schema: { tags: TAGS, summary: '代员工申报（门岗测温）', body: recordDeclarationSchema },
    config: { access: { permission: 'health.declaration.record', idempotent: true } },
    handler: async (request, reply) => {
      const out = await recordDeclaration(app, request.user, request.actor, request.body, idemKey(request.headers));
      return reply.code(out.duplicate ? 200 : 201).send(out);
    },
  });

  r.post('/api/health/declarations/batch', {
    schema: { tags: TAGS, summary: '批量申报（每条带幂等键，逐条返回结果）', body: declarationBatchSchema },
    config: { access: { permission: 'health.declaration.record', idempotent: true } },
    handler: async (request) => recordDeclarationBatch(app, request.user, request.actor, request.body),
  });

  r.get('/api/health/declarations', {
    schema: { tags: TAGS, summary: '健康申报记录（查看留痕）', querystring: declarationListQuery },
    config: { access: { permission: 'health.declaration.read' } },
    handler: async (request) => listDeclarations(app, request.user, request.actor, request.query),
  });

  r.get('/api/health/undeclared', {
    schema: { tags: TAGS, summary: '未申报名单（今日只计已开始的时段）', querystring: undeclaredQuery },
    config: { access: { permission: 'health.declaration.read' } },
    handler: async (request) => listUndeclared(app, request.user, request.actor, request.query),
  });

  // ------------------------------------------------------------------------------------------------ anomalies
  r.get('/api/health/anomalies', {
    schema: { tags: TAGS, summary: '健康异常（查看留痕）', querystring: anomalyListQuery },
    config: { access: { permission: 'health.anomaly.read' } },
    handler: async (request) => listAnomalies(app, request.user, request.actor, request.query),
  });

  r.get('/api/health/anomalies/:id', {
    schema: { tags: TAGS, summary: '健康异常处置记录：隔离观察区 → 转诊 → 结果，各环节时间', params: idParams },
    config: { access: { permission: 'health.anomaly.read', objectKind: 'anomaly' } },
    handler: async (request) => getAnomaly(app, request.user, request.actor, request.params.id),
  });

  r.post('/api/health/anomalies/:id/transition', {
    schema: { tags: TAGS, summary: '异常处置下一环节', params: idParams, body: anomalyTransitionSchema },
    config: { access: { permission: 'health.anomaly.manage', objectKind: 'anomaly' } },
    handler: async (request) => transitionAnomaly(app, request.user, request.actor, request.params.id, request.body),
  });

  // ------------------------------------------------------------------------------------------------ overrides
  r.get('/api/health/overrides', {
    schema: { tags: TAGS, summary: '疾控人工研判', querystring: overrideListQuery },
    config: { access: { permission: 'health.override' } },
    handler: async (request) => listOverrides(app, request.user, request.actor, request.query),
  });

  r.post('/api/health/overrides', {
    schema: {
      tags: TAGS,
      summary: '发起人工研判（清单理由、证据、有效期；须另一名疾控人员复核后生效）',
      body: overrideProposeSchema,
    },
    config: { access: { permission: 'health.override' } },
    handler: async (request, reply) =>
      reply.code(201).send(await proposeStatusOverride(app, request.user, request.actor, request.body)),
  });

  r.post('/api/health/overrides/:id/confirm', {
    schema: { tags: TAGS, summary: '复核通过（发起人本人不能复核）', params: idParams, body: overrideVersionSchema },
    config: { access: { permission: 'health.override', objectKind: 'override' } },
    handler: async (request) =>
      stepOverride(app, request.user, request.actor, request.params.id, 'confirm', request.body),
  });

  r.post('/api/health/overrides/:id/reject', {
    schema: { tags: TAGS, summary: '复核不通过', params: idParams, body: overrideReasonSchema },
    config: { access: { permission: 'health.override', objectKind: 'override' } },
    handler: async (request) =>
      stepOverride(app, request.user, request.actor, request.params.id, 'reject', request.body),
  });

  r.post('/api/health/overrides/:id/withdraw', {
    schema: { tags: TAGS, summary: '发起人撤回待复核的研判', params: idParams, body: overrideVersionSchema },
    config: { access: { permission: 'health.override', objectKind: 'override' } },
    handler: async (request) =>
      stepOverride(app, request.user, request.actor, request.params.id, 'withdraw', request.body),
  });

  r.post('/api/health/overrides/:id/revoke', {
    schema: { tags: TAGS, summary: '撤销生效中的研判（恢复按规则判定）', params: idParams, body: overrideReasonSchema },
    config: { access: { permission: 'health.override', objectKind: 'override' } },
    handler: async (request) =>
      stepOverride(app, request.user, request.actor, request.params.id, 'revoke', request.body),
  });

  // ------------------------------------------------------------------------------------------------ appeals
  r.get('/api/health/appeals', {
    schema: { tags: TAGS, summary: '员工申诉（疾控处理）', querystring: appealListQuery },
    config: { access: { permission: 'health.appeal.decide' } },
    handler: async (request) => listAppeals(app, request.user, request.actor, request.query),
  });

  r.post('/api/health/appeals/:id/decide', {
    schema: { tags: TAGS, summary: '处理申诉（受理或驳回，须填写理由）', params: idParams, body: appealDecisionSchema },
    config: { access: { permission: 'health.appeal.decide', objectKind: 'appeal' } },
    handler: async (request) => decideAppealById(app, request.user, request.actor, request.params.id, request.body),
  });

  // ------------------------------------------------------------------------------------------------ risk areas
  r.get('/api/health/risk-areas', {
    schema: {
      tags: TAGS,
      summary: '风险地区名录（返岗规则读取的重点地区、中高风险地区及起止日期）',
      querystring: riskAreaListQuery,
    },
    config: { access: { permission: 'health.risk_area.read' } },
    handler: async (request) => listRiskAreas(app, request.query),
  });

  r.post('/api/health/risk-areas', {
    schema: {
      tags: TAGS,
      summary: '登记风险地区（市级疾控；留痕；旅居史涉及该地区的员工立即重新判定）',
      body: riskAreaCreateSchema,
    },
    config: { access: { permission: 'health.risk_area.manage' } },
    handler: async (request, reply) =>
      reply.code(201).send(await addRiskArea(app, request.user, request.actor, request.body)),
  });

  r.post('/api/health/risk-areas/:id/end', {
    schema: {
      tags: TAGS,
      summary: '风险地区截止（市级疾控；须填写理由；涉及的员工立即重新判定）',
      params: idParams,
      body: riskAreaEndSchema,
    },
    config: { access: { permission: 'health.risk_area.manage', objectKind: 'risk_area' } },
    handler: async (request) => endRiskArea(app, request.user, request.actor, request.params.id, request.body),
  });

  // ------------------------------------------------------------------------------------------------ summaries, privacy
  r.get('/api/health/summaries', {
    schema: { tags: TAGS, summary: '企业员工健康日报（仅数字）', querystring: summaryQuery },
    config: { access: { permission: 'health.summary.read' } },
    handler: async (request) => listSummaries(app, request.user, request.query),
  });

  r.post('/api/health/summaries/run', {
    schema: {
      tags: TAGS,
      summary: '立即生成某日健康日报并推送疾控',
      body: z.object({
        date: z.string().refine(isIsoDate, { message: '日期：应为 YYYY-MM-DD' }).describe('日期'),
      }),
    },
    config: { access: { permission: 'health.admin' } },
    handler: async (request) => generateDailySummaries(app, request.actor, request.body.date),
  });

  r.post('/api/health/retention/purge', {
    schema: { tags: TAGS, summary: '清除超过保留期的健康数据（留审计记录）', body: purgeSchema },
    config: { access: { permission: 'health.admin' } },
    handler: async (request) => purgeHealthData(app, request.actor, request.body.retentionDays),
  });

  r.post('/api/health/exports', {
    schema: { tags: TAGS, summary: '导出员工健康花名册（脱敏，标注导出人与时间；后台任务）', body: exportSchema },
    config: { access: { permission: 'health.export' } },
    handler: async (request, reply) =>
      reply.code(202).send({ jobId: await startRosterExport(app, request.user, request.actor, request.body) }),
  });
}
