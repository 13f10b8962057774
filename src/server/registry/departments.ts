import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import type { SessionUser } from '../access/session-user.ts';
import type { AuditActor } from '../audit/audit.ts';
import { writeAudit } from '../audit/audit.ts';
import type { DepartmentRow } from '../db/schema.ts';
import { conflict, fieldProblem, notFound } from '../http/problem.ts';
import { idParams } from '../http/schemas.ts';

export function toDepartmentDto(app: AppContext, d: DepartmentRow) {
  return {
    id: d.id,
    kind: d.kind,
    name: d.name,
    shortName: d.short_name,
    level: d.level,
    regionCode: d.region_code,
    regionName: app.regions.name(d.region_code),
    active: d.active === 1,
    sort: d.sort,
  };
}

const departmentBody = z.object({
  kind: z
    .string()
    .trim()
    .regex(/^[a-z]{2,12}$/, '应为 2–12 位小写字母')
    .describe('部门类别'),
  name: z.string().trim().min(2).max(60).describe('部门名称'),
  shortName: z.string().trim().min(1).max(20).describe('简称'),
  regionCode: z
    .string()
    .regex(/^\d{4}(\d{2})?$|^Z\d{6}$/, '应为市、县（区）或功能区代码')
    .describe('所属区域'),
  sort: z.number().int().min(0).max(9999).default(0).describe('排序'),
});

async function saveDepartment(
  app: AppContext,
  actor: AuditActor,
  id: number | null,
  body: z.output<typeof departmentBody> & { active?: boolean },
) {
  const region = app.regions.get(body.regionCode);
  if (!region || !['city', 'county', 'zone'].includes(region.level))
    throw fieldProblem('regionCode', '所属区域：应为市、县（区）或功能区');
  const { db, clock } = app;
  const now = clock.now().toISOString();
  const level = region.level === 'city' ? 'city' : 'county';
  return db.kysely.transaction().execute(async (trx) => {
    const clash = await trx
      .selectFrom('departments')
      .select('id')
      .where('kind', '=', body.kind)
      .where('region_code', '=', body.regionCode)
      .executeTakeFirst();
    if (clash && clash.id !== id) throw conflict('部门类别：该区域已有同类部门', 'kind');
    if (id === null) {
      const row = await trx
        .insertInto('departments')
        .values({
          kind: body.kind,
          name: body.name,
          short_name: body.shortName,
          level,
          region_code: body.regionCode,
          active: 1,
          sort: body.sort,
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeAudit(
        trx,
        db.dialect,
        actor,
        {
          action: 'department.create',
          objectType: 'department',
          objectId: row.id,
          after: row,
          summary: `新建部门“${row.name}”`,
        },
        clock.now(),
      );
      return row;
    }
    const before = await trx.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw notFound('部门不存在');
    const row = await trx
      .updateTable('departments')
      .set({
        kind: body.kind,
        name: body.name,
        short_name: body.shortName,
        level,
        region_code: body.regionCode,
        sort: body.sort,
        ...(body.active === undefined ? {} : { active: body.active ? 1 : 0 }),
        updated_at: now,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(
      trx,
      db.dialect,
      actor,
      {
        action: 'department.update',
        objectType: 'department',
        objectId: id,
        before,
        after: row,
        summary: `修改部门“${row.name}”`,
      },
      clock.now(),
    );
    return row;
  });
}

export async function listDepartments(
  app: AppContext,
  user: SessionUser,
  filter: { regionCode?: string; kind?: string; activeOnly?: boolean },
) {
  let q = app.db.kysely.selectFrom('departments').selectAll();
  if (filter.regionCode) q = q.where('region_code', '=', filter.regionCode);
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  if (filter.activeOnly) q = q.where('active', '=', 1);
  const rows = await q.orderBy('level').orderBy('region_code').orderBy('sort').orderBy('id').execute();
  void user;
  return rows.map((d) => toDepartmentDto(app, d));
}

export function registerDepartmentRoutes(fastify: FastifyInstance, app: AppContext): void {
  const r = fastify.withTypeProvider<ZodTypeProvider>();
  r.get('/api/departments', {
    schema: {
      tags: ['部门'],
      summary: '部门列表（市级和县级）',
      querystring: z.object({
        regionCode: z.string().max(18).optional().describe('所属区域'),
        kind: z.string().max(12).optional().describe('部门类别'),
        activeOnly: z
          .enum(['true', 'false'])
          .optional()
          .transform((v) => v === 'true')
          .describe('只看在用'),
      }),
    },
    config: { access: { permission: 'department.read' } },
    handler: async (request) => ({ items: await listDepartments(app, request.user, request.query) }),
  });
  r.post('/api/departments', {
    schema: { tags: ['部门'], summary: '新建部门', body: departmentBody },
    config: { access: { permission: 'department.manage', idempotent: true } },
    handler: async (request, reply) =>
      reply.code(201).send(toDepartmentDto(app, await saveDepartment(app, request.actor, null, request.body))),
  });
  r.put('/api/departments/:id', {
    schema: {
      tags: ['部门'],
      summary: '修改部门（可停用）',
      params: idParams,
      body: departmentBody.extend({ active: z.boolean().describe('在用') }),
    },
    config: { access: { permission: 'department.manage', objectKind: 'department' } },
    handler: async (request) =>
      toDepartmentDto(app, await saveDepartment(app, request.actor, request.params.id, request.body)),
  });
}
