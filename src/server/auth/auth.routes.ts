import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { ROLE_LABEL, permissionsOf } from '../access/roles.ts';
import type { SessionUser } from '../access/session-user.ts';
import { SESSION_COOKIE, changePassword, login, logout } from './auth.service.ts';

const loginBody = z.object({
  username: z.string().trim().min(1).max(64).describe('用户名'),
  password: z.string().min(1).max(128).describe('密码'),
});

/** The kind (`gxj`, `rsj`, …) of the user's department, so the web can offer only what that department owns. */
async function departmentKindOf(app: AppContext, user: SessionUser): Promise<string | null> {
  if (user.departmentId === null) return null;
  const row = await app.db.kysely
    .selectFrom('departments')
    .select('kind')
    .where('id', '=', user.departmentId)
    .executeTakeFirst();
  return row?.kind ?? null;
}

function publicUser(user: SessionUser, departmentKind: string | null) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    roleLabel: ROLE_LABEL[user.role],
    regionCode: user.regionCode,
    departmentId: user.departmentId,
    departmentKind,
    enterpriseId: user.enterpriseId,
    bankId: user.bankId,
    mustChangePassword: user.mustChangePassword,
    permissions: permissionsOf(user.role),
  };
}

export function registerAuthRoutes(fastify: FastifyInstance, app: AppContext): void {
  const r = fastify.withTypeProvider<ZodTypeProvider>();

  r.post('/api/auth/login', {
    schema: { tags: ['认证'], summary: '用户名密码登录，返回会话 Cookie 和 CSRF 令牌', body: loginBody },
    config: { access: { permission: 'public' } },
    handler: async (request, reply) => {
      const result = await login(app, {
        username: request.body.username,
        password: request.body.password,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        requestId: request.id,
      });
      reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: request.protocol === 'https',
        maxAge: app.config.sessionMaxHours * 3600,
      });
      return {
        user: publicUser(result.user, await departmentKindOf(app, result.user)),
        csrfToken: result.csrfToken,
        expiresAt: result.expiresAt,
      };
    },
  });

  r.post('/api/auth/logout', {
    schema: { tags: ['认证'], summary: '退出登录' },
    config: { access: { permission: 'authenticated' } },
    handler: async (request, reply) => {
      if (request.session) await logout(app, request.session, request.actor);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  });

  r.get('/api/auth/me', {
    schema: { tags: ['认证'], summary: '当前用户、权限和 CSRF 令牌' },
    config: { access: { permission: 'authenticated' } },
    handler: async (request) => ({
      user: publicUser(request.user, await departmentKindOf(app, request.user)),
      csrfToken: request.session?.csrfToken,
    }),
  });

  r.post('/api/auth/password', {
    schema: {
      tags: ['认证'],
      summary: '修改密码（其他会话随之失效）',
      body: z.object({
        currentPassword: z.string().min(1).max(128).describe('当前密码'),
        newPassword: z.string().min(1).max(128).describe('新密码'),
      }),
    },
    config: { access: { permission: 'authenticated' } },
    handler: async (request) => {
      await changePassword(app, request.session!, request.body, request.actor);
      return { ok: true };
    },
  });
}
