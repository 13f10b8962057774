import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { REFUSAL_REASONS } from '../../domain/resumption/index.ts';
import { isIsoDate } from '../../domain/resumption/time.ts';
import type { AppContext } from '../context.ts';
import { sendDownload, XLSX_TYPE } from '../files/storage.ts';
import { badRequest } from '../http/problem.ts';
import { idParams, pageQuery, queryBoolean } from '../http/schemas.ts';
import type { ActionInput } from './applications.service.ts';
import {
  actOnApplication,
  createDraft,
  escalateOverdue,
  getApplication,
  listApplications,
  myResumption,
  onTimeRates,
  overdueReviewList,
  signLetter,
} from './applications.service.ts';
import { mergeClosureRules, riskOverview, setAreaLevel, settingsOverview, updateSetting } from './config.service.ts';
import { loadSettings } from './config.store.ts';
import { FILE_PURPOSES, readStoredFile, uploadFile } from './files.ts';
import {
  actOnCheckTask,
  actOnOrder,
  createRoutineCheck,
  getCheckTask,
  getOrder,
  listCheckTasks,
  listOrders,
  liftStop,
} from './inspection.service.ts';
import {
  approvalListsDto,
  getConditionList,
  leadDepartmentsDto,
  listConditionLists,
  publishApprovalList,
  publishDraft,
  publishVersion,
  removeLeadDepartment,
  saveDraft,
  setLeadDepartment,
  templatesDto,
} from './lists.service.ts';
import { DOCX_TYPE, generateForUser, listReports, reportFile } from './reports.service.ts';
import { dashboard, drillEnterprises, enterpriseRecord, reportWorkers, trend } from './stats.service.ts';

const TAGS = ['复工复产'];
const isoDate = (label: string) =>
  z
    .string()
    .refine((v) => isIsoDate(v), '应为日期 YYYY-MM-DD')
    .describe(label);
const level = z.enum(['low', 'medium', 'high']).describe('风险等级');
const provinceMode = z.enum(['filing', 'commitment', 'approval']).describe('复工方式');
const version = z.number().int().min(0).describe('版本号');
const optVersion = z.number().int().min(0).optional().describe('版本号');
const fileRef = z.object({ fileId: z.string().uuid('应为文件编号').describe('文件编号') }).describe('附件');
const files = z.array(fileRef).max(20).optional().describe('附件');
const missing = z
  .array(
    z.object({
      itemId: z.string().trim().min(1).max(80).describe('补正事项'),
      note: z.string().trim().max(500).default('').describe('补正说明'),
    }),
  )
  .max(100)
  .describe('需补正事项');
const dimensions = ['regionCode', 'zoneCode', 'industry', 'size', 'aboveScale'] as const;
const statsFilters = {
  date: isoDate('统计日期').optional(),
  countyCode: z
    .string()
    .regex(/^\d{6}$/, '应为6位县级代码')
    .optional()
    .describe('县（区）'),
  zoneCode: z.string().max(20).optional().describe('功能区'),
  industry: z.string().max(10).optional().describe('行业'),
  size: z.string().max(10).optional().describe('企业规模'),
  aboveScale: queryBoolean.optional().describe('规上企业'),
};
const listIdParams = z.object({
  listId: z
    .string()
    .regex(/^[a-z0-9-]{2,60}$/, '格式不正确')
    .describe('清单编号'),
});
const conditionItem = z
  .object({
    id: z.string().trim().min(1).max(80).describe('事项编号'),
    text: z.string().trim().min(2).max(500).describe('事项内容'),
    kind: z.enum(['yes_no', 'material', 'number']).describe('事项类型'),
    required: z.boolean().describe('是否必需'),
    source: z
      .object({ ref: z.string().min(3).max(80).describe('出处'), quote: z.string().min(1).max(300).describe('原文') })
      .describe('依据'),
    hint: z.string().max(500).optional().describe('填写提示'),
    number: z
      .object({
        unit: z.string().max(10).describe('单位'),
        min: z.number().optional().describe('最小值'),
        max: z.number().optional().describe('最大值'),
        decimals: z.number().int().min(0).max(4).describe('小数位数'),
      })
      .optional()
      .describe('数值要求'),
  })
  .describe('清单事项');
const planSchema = z
  .object({
    normalHeadcount: z.number().int().min(0).max(1_000_000).describe('正常用工人数'),
    fourCategoryPersonsScheduled: z.number().int().min(0).optional().describe('四类人员人数'),
    batches: z
      .array(
        z.object({
          batchNo: z.number().int().min(1).max(50).describe('批次'),
          startDate: isoDate('复工日期'),
          keyPostStaff: z.number().int().min(0).describe('重要岗位人数'),
          otherLocalStaff: z.number().int().min(0).describe('本地员工人数'),
          otherNonLocalStaff: z.number().int().min(0).describe('外地员工人数'),
          fromKeyAreasStaff: z.number().int().min(0).describe('来自重点地区人数'),
          keyAreaObservationConfirmed: z.boolean().optional().describe('已完成隔离医学观察'),
          note: z.string().max(500).optional().describe('备注'),
        }),
      )
      .min(1, '至少一个批次')
      .max(50)
      .describe('复工批次'),
  })
  .describe('复工方案');
const answer = z
  .union([
    z.object({
      kind: z.literal('yes_no'),
      value: z.boolean().describe('是否具备'),
      note: z.string().max(500).optional().describe('说明'),
    }),
    z.object({
      kind: z.literal('material'),
      files: z.array(fileRef).max(20).optional().describe('材料'),
      // What GET returns for a material answer, so a client may send a stored answer back unchanged.
      attachments: z.array(fileRef).max(20).optional().describe('材料'),
      note: z.string().max(500).optional().describe('说明'),
    }),
    z.object({
      kind: z.literal('number'),
      value: z.number().describe('数值'),
      note: z.string().max(500).optional().describe('说明'),
    }),
  ])
  .describe('自查结果');

/** 复工复产: risk levels, settings, lists, applications, reviews, checks, rectification, status, rates, weekly report. */
export function registerResumptionRoutes(fastify: FastifyInstance, app: AppContext): void {
  const r = fastify.withTypeProvider<ZodTypeProvider>();

  // ───────────────────────── risk levels and settings ─────────────────────────
  r.get('/api/resumption/risk-levels', {
    schema: {
      tags: TAGS,
      summary: '各县（区）、功能区风险等级（含生效日期和历史，地图配色）',
      querystring: z.object({ date: isoDate('日期').optional() }),
    },
    config: { access: { permission: 'resumption.read' } },
    handler: async (request) => riskOverview(app, request.query.date),
  });
  r.post('/api/resumption/risk-levels', {
    schema: {
      tags: TAGS,
      summary: '设定风险等级（指挥部）',
      body: z.object({
        areaCode: z.string().min(4).max(20).describe('区域'),
        level,
        effectiveFrom: isoDate('生效日期'),
        basis: z.string().trim().min(2).max(500).describe('依据'),
      }),
    },
    config: { access: { permission: 'resumption.configure' } },
    handler: async (request, reply) =>
      reply.code(201).send(await setAreaLevel(app, request.user, request.actor, request.body)),
  });
  r.get('/api/resumption/settings', {
    schema: { tags: TAGS, summary: '复工方式、绿色通道、暂缓开业行业、核查时限' },
    config: { access: { permission: 'resumption.read' } },
    handler: async () => settingsOverview(app),
  });
  r.put('/api/resumption/settings/modes', {
    schema: {
      tags: TAGS,
      summary: '设定中、高风险地区复工方式（全省统一）',
      body: z.object({ medium: provinceMode, high: provinceMode, version }),
    },
    config: { access: { permission: 'resumption.configure' } },
    handler: async (request) => {
      const { version: v, ...modes } = request.body;
      return updateSetting(app, request.user, request.actor, 'provinceModes', modes, v);
    },
  });
  r.put('/api/resumption/settings/closures', {
    schema: {
      tags: TAGS,
      summary: '调整暂缓开业行业（适用风险等级、解除日期）',
      body: z.object({
        changes: z
          .array(
            z.object({
              id: z.string().min(1).max(60).describe('规则编号'),
              levels: z.array(level).optional().describe('适用风险等级'),
              liftedOn: isoDate('解除日期').nullable().optional(),
            }),
          )
          .min(1)
          .describe('调整'),
        version,
      }),
    },
    config: { access: { permission: 'resumption.configure' } },
    handler: async (request) => {
      const current = await loadSettings(app.db.kysely);
      const unknown = request.body.changes.find((c) => !current.closureRules.some((x) => x.id === c.id));
      if (unknown) throw badRequest(`规则编号：「${unknown.id}」不存在`, 'changes');
      return updateSetting(
        app,
        request.user,
        request.actor,
        'closureRules',
        mergeClosureRules(current.closureRules, request.body.changes),
        request.body.version,
      );
    },
  });
  r.put('/api/resumption/settings/green-channel', {
    schema: {
      tags: TAGS,
      summary: '设定绿色通道行业（优先复工类别）',
      body: z.object({
        rules: z
          .array(
            z.object({
              category: z.string().min(2).max(40).describe('类别'),
              divisions: z.array(z.string().regex(/^\d{2}$/, '应为两位行业大类代码')).describe('行业大类'),
              flags: z.array(z.enum(['epidemicSupplies', 'essentials', 'keyList'])).describe('企业标识'),
            }),
          )
          .describe('绿色通道规则'),
        version,
      }),
    },
    config: { access: { permission: 'resumption.configure' } },
    handler: async (request) =>
      updateSetting(
        app,
        request.user,
        request.actor,
        'greenChannel',
        request.body.rules as never,
        request.body.version,
      ),
  });

  // ───────────────────────── condition lists, approval list, lead departments ─────────────────────────
  r.get('/api/resumption/templates', {
    schema: {
      tags: TAGS,
      summary: '内置清单模板（六个必须、五个到位、五不开工、工作场所指南、江西门槛），每项注明出处',
    },
    config: { access: { permission: 'resumption.read' } },
    handler: async () => templatesDto(),
  });
  r.get('/api/resumption/lists', {
    schema: { tags: TAGS, summary: '复工条件清单（各版本）' },
    config: { access: { permission: 'resumption.read' } },
    handler: async () => listConditionLists(app),
  });
  r.get('/api/resumption/lists/:listId', {
    schema: {
      tags: TAGS,
      summary: '清单某一版本的事项',
      params: listIdParams,
      querystring: z.object({ version: z.coerce.number().int().positive().optional().describe('版本') }),
    },
    config: { access: { permission: 'resumption.read' } },
    handler: async (request) => getConditionList(app, request.params.listId, request.query.version),
  });
  r.post('/api/resumption/lists', {
    schema: {
      tags: TAGS,
      summary: '由模板组成清单草稿（新清单或替换草稿）',
      body: z.object({
        listId: listIdParams.shape.listId,
        title: z.string().trim().min(2).max(100).describe('清单名称'),
        riskLevels: z.array(level).min(1, '至少选择一个风险等级').describe('适用风险等级'),
        jurisdiction: z.string().trim().min(2).max(50).describe('适用范围'),
        templateIds: z.array(z.string().min(1).max(60)).describe('模板'),
        extraItems: z.array(conditionItem).max(100).default([]).describe('补充事项'),
      }),
    },
    config: { access: { permission: 'resumption.configure' } },
    handler: async (request, reply) =>
      reply.code(201).send(await saveDraft(app, request.user, request.actor, request.body as never)),
  });
  r.post('/api/resumption/lists/:listId/publish', {
    schema: {
      tags: TAGS,
      summary: '公布清单草稿（公布后不再修改）',
      params: listIdParams,
      body: z.object({ publishedOn: isoDate('公布日期') }),
    },
    config: { access: { permission: 'resumption.configure' } },
    handler: async (request) =>
      publishDraft(app, request.user, request.actor, request.params.listId, request.body.publishedOn),
  });
  r.post('/api/resumption/lists/:listId/versions', {
    schema: {
      tags: TAGS,
      summary: '公布清单新版本（增删改事项）',
      params: listIdParams,
      body: z.object({
        publishedOn: isoDate('公布日期'),
        title: z.string().trim().min(2).max(100).optional().describe('清单名称'),
        riskLevels: z.array(level).min(1).optional().describe('适用风险等级'),
        add: z.array(conditionItem).max(100).optional().describe('新增事项'),
        remove: z.array(z.string().min(1).max(80)).max(100).optional().describe('删除事项'),
      }),
    },
    config: { access: { permission: 'resumption.configure' } },
    handler: async (request) => {
      const { publishedOn, ...changes } = request.body;
      return publishVersion(app, request.user, request.actor, request.params.listId, changes as never, publishedOn);
    },
  });
  r.get('/api/resumption/approval-lists', {
    schema: { tags: TAGS, summary: '审批事项清单（清单之外一律不得审批）' },
    config: { access: { permission: 'resumption.read' } },
    handler: async () => approvalListsDto(app),
  });
  r.post('/api/resumption/approval-lists', {
    schema: {
      tags: TAGS,
      summary: '公布审批事项清单新版本',
      body: z.object({
        publishedOn: isoDate('公布日期'),
        items: z
          .array(
            z.object({
              code: z.string().min(1).max(40).describe('事项编码'),
              name: z.string().min(2).max(100).describe('事项名称'),
              sectors: z.array(z.string().min(1).max(40)).min(1).describe('适用行业'),
              procedure: z.string().min(2).max(500).describe('办理程序'),
              materials: z.array(z.string().min(1).max(200)).describe('申请材料'),
              timeLimitWorkingDays: z.number().int().min(1).max(2).describe('办理时限（工作日）'),
              legalBasis: z.string().min(2).max(300).describe('设定依据'),
            }),
          )
          .describe('审批事项'),
      }),
    },
    config: { access: { permission: 'resumption.configure' } },
    handler: async (request) =>
      publishApprovalList(app, request.user, request.actor, request.body.items, request.body.publishedOn),
  });
  r.get('/api/resumption/lead-departments', {
    schema: { tags: TAGS, summary: '牵头受理部门（一口受理）' },
    config: { access: { permission: 'resumption.read' } },
    handler: async () => leadDepartmentsDto(app),
  });
  r.put('/api/resumption/lead-departments', {
    schema: {
      tags: TAGS,
      summary: '设定某区域某类企业的牵头受理部门',
      body: z.object({
        regionCode: z.string().min(4).max(20).describe('区域'),
        enterpriseType: z.string().min(1).max(40).describe('企业类型'),
        departmentId: z.number().int().positive().describe('牵头部门'),
      }),
    },
    config: { access: { permission: 'resumption.configure' } },
    handler: async (request) => setLeadDepartment(app, request.user, request.actor, request.body),
  });
  r.delete('/api/resumption/lead-departments/:id', {
    schema: { tags: TAGS, summary: '删除牵头受理部门设定', params: idParams },
    config: { access: { permission: 'resumption.configure' } },
    handler: async (request) => removeLeadDepartment(app, request.user, request.actor, request.params.id),
  });
  r.get('/api/resumption/refusal-reasons', {
    schema: { tags: TAGS, summary: '不予复工理由清单（每项注明出处）' },
    config: { access: { permission: 'resumption.read' } },
    handler: async () => ({ items: REFUSAL_REASONS }),
  });

  // ───────────────────────── enterprise: filing ─────────────────────────
  r.get('/api/resumption/my', {
    schema: { tags: TAGS, summary: '本企业：风险等级、复工方式、适用清单、牵头部门、申请和状态' },
    config: { access: { permission: 'resumption.apply' } },
    handler: async (request) => myResumption(app, request.user),
  });
  r.post('/api/resumption/files', {
    schema: {
      tags: TAGS,
      summary: '上传材料或现场照片（multipart：file，字段 purpose、enterpriseId）',
      consumes: ['multipart/form-data'],
    },
    config: { access: { permission: 'resumption.read', idempotent: true } },
    handler: async (request, reply) => {
      const upload = request.isMultipart() ? await request.file() : undefined;
      if (!upload) throw badRequest('文件：请选择要上传的文件', 'file');
      const field = (name: string) => {
        const f = upload.fields[name] as { value?: unknown } | undefined;
        return f && typeof f.value === 'string' ? f.value : undefined;
      };
      const purpose = field('purpose') ?? 'material';
      if (!(FILE_PURPOSES as readonly string[]).includes(purpose)) throw badRequest('用途：不正确', 'purpose');
      const ent = field('enterpriseId');
      const content = await upload.toBuffer();
      const stored = await uploadFile(app, request.user, request.actor, {
        enterpriseId: ent ? Number(ent) : null,
        purpose: purpose as (typeof FILE_PURPOSES)[number],
        name: upload.filename,
        content,
      });
      return reply.code(201).send(stored);
    },
  });
  r.get('/api/resumption/files/:id', {
    schema: {
      tags: TAGS,
      summary: '下载材料、照片或承诺书',
      params: z.object({ id: z.string().uuid('应为文件编号').describe('文件编号') }),
    },
    config: { access: { permission: 'resumption.read', objectKind: 'resumption-file' } },
    handler: async (request, reply) => {
      const f = await readStoredFile(app, request.user, request.params.id);
      return reply
        .type(f.row.media_type)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.row.name)}`)
        .send(f.content);
    },
  });
  r.post('/api/resumption/applications', {
    schema: { tags: TAGS, summary: '新建复工申请（草稿；办理方式由风险等级决定）' },
    config: { access: { permission: 'resumption.apply', idempotent: true } },
    handler: async (request, reply) => reply.code(201).send(await createDraft(app, request.user, request.actor)),
  });
  r.get('/api/resumption/applications', {
    schema: {
      tags: TAGS,
      summary: '复工申请（企业：本企业；部门：牵头受理和审查的；指挥部：本区域）',
      querystring: z.object({
        status: z.string().max(40).optional().describe('状态'),
        queue: z.enum(['lead', 'review', 'overdue']).optional().describe('待办'),
        ...pageQuery,
      }),
    },
    config: { access: { permission: 'resumption.read' } },
    handler: async (request) => listApplications(app, request.user, request.query),
  });
  r.get('/api/resumption/applications/:id', {
    schema: { tags: TAGS, summary: '申请详情：材料、自查、各部门审查、可执行操作和全程记录', params: idParams },
    config: { access: { permission: 'resumption.read', objectKind: 'resumption-application' } },
    handler: async (request) => getApplication(app, request.user, request.params.id),
  });
  const act = (
    path: string,
    summary: string,
    permission: 'resumption.apply' | 'resumption.review' | 'resumption.command',
    body: z.ZodType,
    toInput: (b: never) => ActionInput,
  ) =>
    r.post(path, {
      schema: { tags: TAGS, summary, params: idParams, body },
      config: { access: { permission, objectKind: 'resumption-application' } },
      handler: async (request) =>
        actOnApplication(app, request.user, request.actor, request.params.id, toInput(request.body as never)),
    });
  act(
    '/api/resumption/applications/:id/package',
    '填写申请材料：复工方案（分批）、一企一策防控方案、自查结果',
    'resumption.apply',
    z.object({
      version: optVersion,
      plan: planSchema.nullable().optional(),
      preventionPlan: fileRef.nullable().optional(),
      answers: z.record(z.string().describe('事项编号'), answer).optional().describe('自查结果'),
    }),
    (b: {
      version?: number;
      plan?: never;
      preventionPlan?: { fileId: string } | null;
      answers?: Record<string, unknown>;
    }) => ({ type: 'edit', ...b }),
  );
  r.post('/api/resumption/applications/:id/commitment', {
    schema: {
      tags: TAGS,
      summary: '签署复工复产承诺书（生成 PDF）',
      params: idParams,
      body: z.object({
        signerName: z.string().trim().min(2).max(30).describe('签署人'),
        signerTitle: z.string().trim().min(1).max(30).describe('签署人职务'),
        version: optVersion,
      }),
    },
    config: { access: { permission: 'resumption.apply', objectKind: 'resumption-application' } },
    handler: async (request) => signLetter(app, request.user, request.actor, request.params.id, request.body),
  });
  act(
    '/api/resumption/applications/:id/submit',
    '提交申请（低风险：申报即复工）',
    'resumption.apply',
    z.object({ version: optVersion }),
    (b: { version?: number }) => ({
      type: 'submit',
      ...b,
    }),
  );
  act(
    '/api/resumption/applications/:id/resubmit',
    '补正后重新提交',
    'resumption.apply',
    z.object({ version: optVersion, response: z.string().trim().max(1000).optional().describe('补正说明') }),
    (b: { version?: number; response?: string }) => ({ type: 'resubmit', ...b }),
  );
  act(
    '/api/resumption/applications/:id/withdraw',
    '撤回申请',
    'resumption.apply',
    z.object({ version: optVersion, reason: z.string().trim().min(2).max(500).describe('撤回原因') }),
    (b: { version?: number; reason: string }) => ({ type: 'withdraw', ...b }),
  );
  act(
    '/api/resumption/applications/:id/request-correction',
    '牵头部门一次性告知需补正的全部事项',
    'resumption.review',
    z.object({ version: optVersion, missing: missing.min(1, '至少一项') }),
    (b: { version?: number; missing: { itemId: string; note: string }[] }) => ({ type: 'request_correction', ...b }),
  );
  act(
    '/api/resumption/applications/:id/accept',
    '牵头部门受理并分送各部门并联审查（2个工作日内答复）',
    'resumption.review',
    z.object({
      version: optVersion,
      departmentIds: z.array(z.number().int().positive()).min(1, '至少一个部门').max(20).describe('审查部门'),
    }),
    (b: { version?: number; departmentIds: number[] }) => ({ type: 'accept', ...b }),
  );
  act(
    '/api/resumption/applications/:id/review',
    '部门审查意见：同意、退回补正或不予复工（理由取自清单）',
    'resumption.review',
    z.object({
      version: optVersion,
      decision: z.enum(['approve', 'reject', 'return']).describe('审查结论'),
      reasons: z
        .array(
          z.object({
            code: z.string().min(1).max(40).describe('理由'),
            note: z.string().max(500).optional().describe('理由说明'),
          }),
        )
        .max(10)
        .optional()
        .describe('不予复工理由'),
      missing: missing.optional(),
      comment: z.string().trim().max(1000).optional().describe('审查意见'),
    }),
    (b: never) => ({ type: 'review', ...(b as object) }) as ActionInput,
  );

  act(
    '/api/resumption/applications/:id/decide-overdue',
    '指挥部督办：代逾期未答复（已上报）的部门作出审查意见',
    'resumption.command',
    z.object({
      version: optVersion,
      departmentId: z.number().int().positive().describe('逾期部门'),
      decision: z.enum(['approve', 'reject', 'return']).describe('审查结论'),
      reasons: z
        .array(
          z.object({
            code: z.string().min(1).max(40).describe('理由'),
            note: z.string().max(500).optional().describe('理由说明'),
          }),
        )
        .max(10)
        .optional()
        .describe('不予复工理由'),
      missing: missing.optional(),
      comment: z.string().trim().max(1000).optional().describe('督办意见'),
    }),
    (b: never) => {
      const { departmentId, ...rest } = b as { departmentId: number } & Record<string, unknown>;
      return { type: 'review', ...rest, onBehalfOf: departmentId } as ActionInput;
    },
  );

  // ───────────────────────── reviews: overdue and on-time ─────────────────────────
  r.get('/api/resumption/reviews/overdue', {
    schema: { tags: TAGS, summary: '超时未答复的审查（已上报指挥部）' },
    config: { access: { permission: 'resumption.command' } },
    handler: async (request) => overdueReviewList(app, request.user),
  });
  r.post('/api/resumption/reviews/escalate', {
    schema: { tags: TAGS, summary: '立即检查超时审查并上报指挥部（定时任务每小时执行）' },
    config: { access: { permission: 'resumption.command' } },
    handler: async (request) => escalateOverdue(app, request.actor),
  });
  r.get('/api/resumption/reviews/on-time', {
    schema: { tags: TAGS, summary: '各部门按时答复率' },
    config: { access: { permission: 'resumption.stats' } },
    handler: async (request) => onTimeRates(app, request.user),
  });

  // ───────────────────────── on-site checks and rectification ─────────────────────────
  r.get('/api/resumption/checks', {
    schema: {
      tags: TAGS,
      summary: '现场核查任务（网格员：指派给我的）',
      querystring: z.object({ status: z.string().max(20).optional().describe('状态'), ...pageQuery }),
    },
    config: { access: { permission: 'resumption.read' } },
    handler: async (request) => listCheckTasks(app, request.user, request.query),
  });
  r.post('/api/resumption/checks', {
    schema: {
      tags: TAGS,
      summary: '派发现场检查任务',
      body: z.object({
        enterpriseId: z.number().int().positive().describe('企业'),
        assigneeId: z.number().int().positive().optional().describe('核查人员'),
      }),
    },
    config: { access: { permission: 'resumption.review' } },
    handler: async (request, reply) =>
      reply.code(201).send(await createRoutineCheck(app, request.user, request.actor, request.body)),
  });
  r.get('/api/resumption/checks/:id', {
    schema: { tags: TAGS, summary: '核查任务详情：清单、结果、问题、整改单、记录', params: idParams },
    config: { access: { permission: 'resumption.read', objectKind: 'resumption-check' } },
    handler: async (request) => getCheckTask(app, request.user, request.params.id),
  });
  r.post('/api/resumption/checks/:id/actions', {
    schema: {
      tags: TAGS,
      summary: '核查操作：开始、逐项核查（附照片）、记录问题（可责令停工整改）、删除问题、完成（生成整改单）',
      params: idParams,
      body: z.discriminatedUnion('type', [
        z.object({ type: z.literal('start'), version }),
        z.object({
          type: z.literal('answer'),
          version,
          itemId: z.string().min(1).max(80).describe('核查事项'),
          result: z.enum(['pass', 'fail', 'not_applicable']).describe('核查结果'),
          note: z.string().max(500).optional().describe('说明'),
          photos: files,
        }),
        z.object({
          type: z.literal('add_finding'),
          version,
          itemId: z.string().min(1).max(80).nullable().describe('所属事项'),
          severity: z.enum(['minor', 'serious']).describe('严重程度'),
          description: z.string().trim().min(2).max(1000).describe('问题描述'),
          photos: files,
          orderStop: z.boolean().optional().describe('责令停工整改'),
        }),
        z.object({
          type: z.literal('remove_finding'),
          version,
          findingId: z.string().min(1).max(80).describe('问题编号'),
        }),
        z.object({
          type: z.literal('complete'),
          version,
          summary: z.string().max(1000).optional().describe('核查结论'),
        }),
      ]),
    },
    config: { access: { permission: 'resumption.inspect', objectKind: 'resumption-check', idempotent: true } },
    handler: async (request) => actOnCheckTask(app, request.user, request.actor, request.params.id, request.body),
  });
  r.get('/api/resumption/rectifications', {
    schema: {
      tags: TAGS,
      summary: '整改单（企业：本企业；网格员：我开具的）',
      querystring: z.object({ status: z.string().max(20).optional().describe('状态'), ...pageQuery }),
    },
    config: { access: { permission: 'resumption.read' } },
    handler: async (request) => listOrders(app, request.user, request.query),
  });
  r.get('/api/resumption/rectifications/:id', {
    schema: { tags: TAGS, summary: '整改单详情和记录', params: idParams },
    config: { access: { permission: 'resumption.read', objectKind: 'resumption-rectification' } },
    handler: async (request) => getOrder(app, request.user, request.params.id),
  });
  r.post('/api/resumption/rectifications/:id/respond', {
    schema: {
      tags: TAGS,
      summary: '企业报告整改情况',
      params: idParams,
      body: z.object({ version, text: z.string().trim().min(2).max(2000).describe('整改情况'), photos: files }),
    },
    config: { access: { permission: 'resumption.apply', objectKind: 'resumption-rectification' } },
    handler: async (request) =>
      actOnOrder(app, request.user, request.actor, request.params.id, { type: 'respond', ...request.body }),
  });
  r.post('/api/resumption/rectifications/:id/recheck', {
    schema: {
      tags: TAGS,
      summary: '复查：通过即销号，不通过退回继续整改',
      params: idParams,
      body: z.object({
        version,
        result: z.enum(['pass', 'fail']).describe('复查结果'),
        note: z.string().max(1000).optional().describe('复查意见'),
        photos: files,
      }),
    },
    config: { access: { permission: 'resumption.inspect', objectKind: 'resumption-rectification', idempotent: true } },
    handler: async (request) =>
      actOnOrder(app, request.user, request.actor, request.params.id, { type: 'recheck', ...request.body }),
  });
  r.post('/api/resumption/enterprises/:id/lift-stop', {
    schema: {
      tags: TAGS,
      summary: '解除停工整改（停工整改单均已销号）',
      params: idParams,
      body: z.object({
        resumeTo: z.enum(['not_resumed', 'partially_resumed', 'resumed']).describe('恢复状态'),
        note: z.string().max(500).optional().describe('说明'),
      }),
    },
    config: { access: { permission: 'resumption.command', objectKind: 'enterprise' } },
    handler: async (request) => liftStop(app, request.user, request.actor, request.params.id, request.body),
  });

  // ───────────────────────── status, workers, rates, weekly report ─────────────────────────
  r.get('/api/resumption/enterprises/:id', {
    schema: { tags: TAGS, summary: '企业复工状态、状态历史、每日返岗人数和全程记录', params: idParams },
    config: { access: { permission: 'resumption.read', objectKind: 'enterprise' } },
    handler: async (request) => enterpriseRecord(app, request.user, request.params.id),
  });
  r.post('/api/resumption/workers', {
    schema: {
      tags: TAGS,
      summary: '企业填报某日返岗人数',
      body: z.object({
        date: isoDate('日期'),
        workersBack: z.number().int().min(0).max(1_000_000).describe('返岗人数'),
      }),
    },
    config: { access: { permission: 'resumption.apply', idempotent: true } },
    handler: async (request) => reportWorkers(app, request.user, request.actor, request.body),
  });
  r.get('/api/resumption/stats', {
    schema: {
      tags: TAGS,
      summary: '复工率、复岗率（按地区、功能区、行业、规模、规上分组）',
      querystring: z.object({
        ...statsFilters,
        groupBy: z
          .string()
          .optional()
          .transform((v) => (v ? v.split(',').filter(Boolean) : []))
          .pipe(z.array(z.enum(dimensions)))
          .describe('分组'),
      }),
    },
    config: { access: { permission: 'resumption.stats' } },
    handler: async (request) => dashboard(app, request.user, request.query),
  });
  r.get('/api/resumption/stats/trend', {
    schema: {
      tags: TAGS,
      summary: '复工率、复岗率每日趋势',
      querystring: z.object({
        from: isoDate('开始日期'),
        to: isoDate('结束日期'),
        countyCode: statsFilters.countyCode,
        zoneCode: statsFilters.zoneCode,
      }),
    },
    config: { access: { permission: 'resumption.stats' } },
    handler: async (request) => trend(app, request.user, request.query),
  });
  r.get('/api/resumption/stats/enterprises', {
    schema: {
      tags: TAGS,
      summary: '下钻到企业：当前状态、返岗人数',
      querystring: z.object({
        ...statsFilters,
        status: z.string().max(30).optional().describe('复工状态'),
        ...pageQuery,
      }),
    },
    config: { access: { permission: 'resumption.stats' } },
    handler: async (request) => drillEnterprises(app, request.user, { ...request.query, groupBy: [] }),
  });
  r.get('/api/resumption/reports', {
    schema: { tags: TAGS, summary: '复工复产周报存档' },
    config: { access: { permission: 'resumption.stats' } },
    handler: async (request) => listReports(app, request.user),
  });
  r.post('/api/resumption/reports', {
    schema: { tags: TAGS, summary: '立即生成上周周报（Excel 和 Word）' },
    config: { access: { permission: 'resumption.stats' } },
    handler: async (request, reply) => reply.code(201).send(await generateForUser(app, request.user, request.actor)),
  });
  for (const format of ['xlsx', 'docx'] as const) {
    r.get(`/api/resumption/reports/:id/${format}`, {
      schema: { tags: TAGS, summary: `下载周报（${format === 'xlsx' ? 'Excel' : 'Word'}）`, params: idParams },
      config: { access: { permission: 'resumption.stats', objectKind: 'resumption-report' } },
      handler: async (request, reply) => {
        const f = await reportFile(app, request.user, request.params.id, format);
        return sendDownload(reply, f.path, f.fileName, format === 'xlsx' ? XLSX_TYPE : DOCX_TYPE);
      },
    });
  }
}
