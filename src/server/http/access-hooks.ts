import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { hasPermission } from '../access/roles.ts';
import type { AuditActor } from '../audit/audit.ts';
import { SESSION_COOKIE, csrfMatches, resolveSession } from '../auth/auth.service.ts';
import { forbidden, unauthorized } from './problem.ts';
import type { RouteAccess } from './fastify-types.ts';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface RouteTableEntry {
  method: string;
  url: string;
  access: RouteAccess;
}

function actorOf(request: FastifyRequest): AuditActor {
  const user = request.session?.user;
  return {
    actorId: user?.id ?? null,
    actorName: user?.displayName ?? '匿名',
    actorRole: user?.role ?? null,
    requestId: request.id,
    ip: request.ip,
  };
}

/**
 * Authentication, CSRF and role permission for every route, decided from the route's own `config.access`.
 * A route without `config.access` under /api is refused at start-up: nothing is reachable by accident.
 */
export function registerAccessHooks(fastify: FastifyInstance, app: AppContext, table: RouteTableEntry[]): void {
  fastify.decorateRequest('session', null);
  fastify.decorateRequest('user', null as never);
  fastify.decorateRequest('actor', null as never);

  fastify.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.method === 'HEAD') return;
    const access = route.config?.access;
    if (!access) {
      if (route.url.startsWith('/api/docs')) return;
      throw new Error(`路由 ${String(route.method)} ${route.url} 未声明访问控制 (config.access)`);
    }
    for (const method of [route.method].flat()) table.push({ method, url: route.url, access });
  });

  // Decided in onRequest, before the body and parameters are even validated: a refused caller learns nothing
  // about what a valid request would have been.
  fastify.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    request.session = token ? await resolveSession(app, token) : null;
    if (request.session) request.user = request.session.user;
    request.actor = actorOf(request);
    const access = request.routeOptions.config.access;
    if (!access || access.permission === 'public') return;
    const session = request.session;
    if (!session) throw unauthorized(request.cookies[SESSION_COOKIE] ? '登录已过期，请重新登录' : '请先登录');
    if (MUTATING.has(request.method) && !csrfMatches(session.csrfToken, header(request, 'x-csrf-token'))) {
      throw forbidden('安全校验失败（CSRF），请刷新页面后重试');
    }
    if (access.permission !== 'authenticated' && !hasPermission(session.user.role, access.permission)) {
      throw forbidden();
    }
  });
}

function header(request: FastifyRequest, name: string): string | undefined {
  const v = request.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
