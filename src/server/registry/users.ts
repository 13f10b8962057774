import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { ROLES, ROLE_LABEL } from '../access/roles.ts';
import type { AuditActor } from '../audit/audit.ts';
import { writeAudit } from '../audit/audit.ts';
import { assertPasswordPolicy, hashPassword } from '../auth/passwords.ts';
import type { Role, UserRow } from '../db/schema.ts';
import { containsInsensitive } from '../db/database.ts';
import { conflict, fieldProblem, notFound } from '../http/problem.ts';
import { idParams, pageQuery } from '../http/schemas.ts';
import { isInside } from './regions.service.ts';

export function toUserDto(app: AppContext, u: UserRow) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role,
    roleLabel: ROLE_LABEL[u.role],
    phone: u.phone,
    regionCode: u.region_code,
    regionName: u.region_code ? app.regions.path(u.region_code) : null,
    departmentId: u.department_id,
    enterpriseId: u.enterprise_id,
    bankId: u.bank_id,
    disabled: u.disabled === 1,
    locked: u.locked_until !== null && new Date(u.locked_until) > app.clock.now(),
    mustChangePassword: u.must_change_password === 1,
    lastLoginAt: u.last_login_at,
    createdAt: u.created_at,
  };
}

const roleEnum = z.enum(ROLES as [Role, ...Role[]]).describe('角色');
const userScopeFields = {
  displayName: z.string().trim().min(1).max(50).describe('姓名'),
  role: roleEnum,
  phone: z
    .string()
    .trim()
    .regex(/^1[3-9]\d{9}$/, '应为 11 位手机号')
    .nullable()
    .optional()
    .describe('手机号'),
  regionCode: z
    .string()
    .regex(/^(Z\d{6}|\d{2,15})$/)
    .nullable()
    .optional()
    .describe('管辖区域'),
  departmentId: z.number().int().positive().nullable().optional().describe('所属部门'),
  enterpriseId: z.number().int().positive().nullable().optional().describe('所属企业'),
  bankId: z.number().int().positive().nullable().optional().describe('所属金融机构'),
};
const createBody = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-zA-Z0-9_.-]{3,32}$/, '应为 3–32 位字母、数字或 _ . -')
    .describe('用户名'),
  password: z.string().min(1).max(64).describe('初始密码'),
  ...userScopeFields,
});
const updateBody = z.object({ ...userScopeFields, disabled: z.boolean().describe('停用') });

type ScopeInput = {
  role: Role;
  regionCode?: string | null;
  departmentId?: number | null;
  enterpriseId?: number | null;
  bankId?: number | null;
};

/** Each role needs exactly the scope it works in: a region, a department, an enterprise or a bank. */
async function normaliseScope(app: AppContext, input: ScopeInput) {
  const out = {
    region_code: null as string | null,
    department_id: null as number | null,
    enterprise_id: null as number | null,
    bank_id: null as number | null,
  };
  const needRegion = ['leader', 'cdc', 'grid'].includes(input.role);
  if (input.role === 'dept') {
    if (!input.departmentId) throw fieldProblem('departmentId', '所属部门：部门审核人员必须指定部门');
    const dept = await app.db.kysely
      .selectFrom('departments')
      .selectAll()
      .where('id', '=', input.departmentId)
      .executeTakeFirst();
    if (!dept) throw fieldProblem('departmentId', '所属部门：不存在');
    out.department_id = dept.id;
    out.region_code = dept.region_code;
  }
  if (needRegion) {
    if (!input.regionCode || !app.regions.get(input.regionCode))
      throw fieldProblem('regionCode', '管辖区域：该角色必须指定已登记的区域');
    out.region_code = input.regionCode;
  }
  if (input.role === 'ent_admin' || input.role === 'employee') {
    if (!input.enterpriseId) throw fieldProblem('enterpriseId', '所属企业：企业用户必须指定企业');
    const e = await app.db.kysely
      .selectFrom('enterprises')
      .select('id')
      .where('id', '=', input.enterpriseId)
      .executeTakeFirst();
    if (!e) throw fieldProblem('enterpriseId', '所属企业：不存在');
    out.enterprise_id = e.id;
  }
  if (input.role === 'bank') {
    if (!input.bankId) throw fieldProblem('bankId', '所属金融机构：银行用户必须指定机构');
    const b = await app.db.kysely.selectFrom('banks').select('id').where('id', '=', input.bankId).executeTakeFirst();
    if (!b) throw fieldProblem('bankId', '所属金融机构：不存在');
    out.bank_id = b.id;
  }
  return out;
}

async function createUser(app: AppContext, actor: AuditActor, body: z.output<typeof createBody>) {
  assertPasswordPolicy(body.password, 'password');
  const scope = await normaliseScope(app, body);
  const hash = await hashPassword(body.password, app.config.argon2);
  const { db, clock } = app;
  const now = clock.now().toISOString();
  return db.kysely.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('users').select('id').where('username', '=', body.username).executeTakeFirst();
    if (taken) throw conflict('用户名：已被使用', 'username');
    const row = await trx
      .insertInto('users')
      .values({
        username: body.username,
        display_name: body.displayName,
        role: body.role,
        phone: body.phone ?? null,
        ...scope,
        password_hash: hash,
        must_change_password: 1,
        failed_logins: 0,
        locked_until: null,
        disabled: 0,
        last_login_at: null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const { password_hash: _h, ...safe } = row;
    await writeAudit(
      trx,
      db.dialect,
      actor,
      {
        action: 'user.create',
        objectType: 'user',
        objectId: row.id,
        after: safe,
        summary: `新建用户“${row.username}”（${ROLE_LABEL[row.role]}）`,
      },
      clock.now(),
    );
    return row;
  });
}

async function updateUser(app: AppContext, actor: AuditActor, id: number, body: z.output<typeof updateBody>) {
  const scope = await normaliseScope(app, body);
  const { db, clock } = app;
  return db.kysely.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw notFound('用户不存在');
    const row = await trx
      .updateTable('users')
      .set({
        display_name: body.displayName,
        role: body.role,
        phone: body.phone ?? null,
        ...scope,
        disabled: body.disabled ? 1 : 0,
        updated_at: clock.now().toISOString(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    // A changed role or scope takes effect at once: end the user's sessions.
    await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
    const { password_hash: _a, ...safeBefore } = before;
    const { password_hash: _b, ...safeAfter } = row;
    await writeAudit(
      trx,
      db.dialect,
      actor,
      {
        action: 'user.update',
        objectType: 'user',
        objectId: id,
        before: safeBefore,
        after: safeAfter,
        summary: `修改用户“${row.username}”`,
      },
      clock.now(),
    );
    return row;
  });
}

async function resetPassword(app: AppContext, actor: AuditActor, id: number, password: string) {
  assertPasswordPolicy(password, 'password');
  const hash = await hashPassword(password, app.config.argon2);
  const { db, clock } = app;
  await db.kysely.transaction().execute(async (trx) => {
    const found = await trx
      .updateTable('users')
      .set({
        password_hash: hash,
        must_change_password: 1,
        failed_logins: 0,
        locked_until: null,
        updated_at: clock.now().toISOString(),
      })
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(found.numUpdatedRows) !== 1) throw notFound('用户不存在');
    await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
    await writeAudit(
      trx,
      db.dialect,
      actor,
      { action: 'user.password_reset', objectType: 'user', objectId: id, summary: '管理员重置密码（下次登录须修改）' },
      clock.now(),
    );
  });
}

async function unlockUser(app: AppContext, actor: AuditActor, id: number) {
  const { db, clock } = app;
  await db.kysely.transaction().execute(async (trx) => {
    const found = await trx
      .updateTable('users')
      .set({ failed_logins: 0, locked_until: null })
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(found.numUpdatedRows) !== 1) throw notFound('用户不存在');
    await writeAudit(
      trx,
      db.dialect,
      actor,
      { action: 'user.unlock', objectType: 'user', objectId: id, summary: '解除登录锁定' },
      clock.now(),
    );
  });
}

export function registerUserRoutes(fastify: FastifyInstance, app: AppContext): void {
  const r = fastify.withTypeProvider<ZodTypeProvider>();
  r.get('/api/liaisons', {
    schema: { tags: ['用户'], summary: '可指派的网格员/驻企联络员（本人管辖范围内）' },
    config: { access: { permission: 'liaison.read' } },
    handler: async (request) => {
      const grid = await app.db.kysely
        .selectFrom('users')
        .select(['id', 'display_name', 'region_code'])
        .where('role', '=', 'grid')
        .where('disabled', '=', 0)
        .orderBy('id')
        .execute();
      // Officers are few (hundreds per city): filter by scope in memory, where zones are understood.
      const scope = request.user.role === 'admin' ? null : request.user.regionCode;
      const rows = grid.filter((u) => !scope || (u.region_code !== null && isInside(app, u.region_code, scope)));
      return {
        items: rows.map((u) => ({
          id: u.id,
          displayName: u.display_name,
          regionCode: u.region_code,
          regionName: u.region_code ? app.regions.path(u.region_code) : null,
        })),
      };
    },
  });
  r.get('/api/users', {
    schema: {
      tags: ['用户'],
      summary: '用户列表',
      querystring: z.object({
        q: z.string().trim().max(50).optional().describe('用户名或姓名'),
        role: roleEnum.optional(),
        enterpriseId: z.coerce.number().int().positive().optional().describe('所属企业'),
        ...pageQuery,
      }),
    },
    config: { access: { permission: 'user.read' } },
    handler: async (request) => {
      const { q, role, enterpriseId, page, pageSize } = request.query;
      let query = app.db.kysely.selectFrom('users');
      if (q)
        query = query.where((eb) =>
          eb.or([
            containsInsensitive(app.db, 'users.username', q),
            containsInsensitive(app.db, 'users.display_name', q),
          ]),
        );
      if (role) query = query.where('role', '=', role);
      if (enterpriseId) query = query.where('enterprise_id', '=', enterpriseId);
      const [rows, count] = await Promise.all([
        query
          .selectAll()
          .orderBy('id')
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items: rows.map((u) => toUserDto(app, u)), total: Number(count.n) };
    },
  });
  r.get('/api/users/:id', {
    schema: { tags: ['用户'], summary: '用户详情', params: idParams },
    config: { access: { permission: 'user.read', objectKind: 'user' } },
    handler: async (request) => {
      const u = await app.db.kysely
        .selectFrom('users')
        .selectAll()
        .where('id', '=', request.params.id)
        .executeTakeFirst();
      if (!u) throw notFound('用户不存在');
      return toUserDto(app, u);
    },
  });
  r.post('/api/users', {
    schema: { tags: ['用户'], summary: '新建用户（首次登录须修改密码）', body: createBody },
    config: { access: { permission: 'user.manage', idempotent: true } },
    handler: async (request, reply) =>
      reply.code(201).send(toUserDto(app, await createUser(app, request.actor, request.body))),
  });
  r.put('/api/users/:id', {
    schema: { tags: ['用户'], summary: '修改用户角色、范围或停用', params: idParams, body: updateBody },
    config: { access: { permission: 'user.manage', objectKind: 'user' } },
    handler: async (request) => toUserDto(app, await updateUser(app, request.actor, request.params.id, request.body)),
  });
  r.post('/api/users/:id/reset-password', {
    schema: {
      tags: ['用户'],
      summary: '重置密码',
      params: idParams,
      body: z.object({ password: z.string().min(1).max(64).describe('新密码') }),
    },
    config: { access: { permission: 'user.manage', objectKind: 'user' } },
    handler: async (request) => {
      await resetPassword(app, request.actor, request.params.id, request.body.password);
      return { ok: true };
    },
  });
  r.post('/api/users/:id/unlock', {
    schema: { tags: ['用户'], summary: '解除登录锁定', params: idParams },
    config: { access: { permission: 'user.manage', objectKind: 'user' } },
    handler: async (request) => {
      await unlockUser(app, request.actor, request.params.id);
      return { ok: true };
    },
  });
}
