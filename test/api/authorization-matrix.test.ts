/// <reference types="vite/client" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPermission } from '../../src/server/access/roles.ts';
import type { RouteTableEntry } from '../../src/server/http/access-hooks.ts';
import type { TestApp, TestSession } from '../support/app-fixture.ts';
import { createTestApp } from '../support/app-fixture.ts';
import { testDialects } from '../support/databases.ts';
import type { MatrixModule, Targets } from './matrix/types.ts';
import { ROLE_USERS } from './matrix/types.ts';

/**
 * Generated from the route table: every role × every route × an object inside and outside the role's scope.
 * A role without the permission gets 403; an object outside the scope gets 403 or 404 and never its data;
 * an object inside the scope is served. Each capability adds its objects and sample bodies in ./matrix/*.ts;
 * a new mutation without a sample body, or a new object kind without targets, fails this test.
 */
const modules = Object.values(
  import.meta.glob<Record<string, unknown>>(['./matrix/*.ts', '!./matrix/types.ts'], { eager: true }),
)
  .flatMap((m) => Object.values(m))
  .filter(
    (v): v is MatrixModule => typeof v === 'object' && v !== null && ('bodies' in v || 'targets' in v || 'skip' in v),
  );

describe.each(testDialects())('authorization matrix on %s', (dialect) => {
  let t: TestApp;
  const sessions: Record<string, TestSession> = {};
  const targets: Record<string, Targets> = {};
  const bodies: NonNullable<MatrixModule['bodies']> = {};
  const skip = new Set<string>();

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const ctx = { t, admin: await t.login('admin') };
    for (const m of modules) {
      Object.assign(bodies, m.bodies ?? {});
      for (const s of m.skip ?? []) skip.add(s);
      const found = (await m.targets?.(ctx)) ?? {};
      for (const [username, kinds] of Object.entries(found)) targets[username] = { ...targets[username], ...kinds };
    }
    for (const username of Object.keys(ROLE_USERS)) sessions[username] = await t.login(username);
  });
  afterAll(async () => t.close());

  async function sampleBody(route: RouteTableEntry, id: string | null): Promise<unknown> {
    const key = `${route.method} ${route.url}`;
    const make = bodies[key];
    if (make) return make({ t, admin: sessions.admin! }, id, route);
    if (route.method === 'GET') return undefined;
    throw new Error(`授权矩阵测试缺少示例请求体：${key}（在 test/api/matrix/ 中补充）`);
  }

  it('loads every capability’s matrix module and covers every route', () => {
    expect(modules.length).toBeGreaterThan(0);
    expect(t.built.routeTable.length).toBeGreaterThan(20);
    for (const route of t.built.routeTable) expect(route.access.permission).toBeTruthy();
  });

  it('refuses what a role may not do, and what lies outside its scope', async () => {
    const failures: string[] = [];
    for (const route of t.built.routeTable) {
      const key = `${route.method} ${route.url}`;
      if (route.access.permission === 'public' || skip.has(key)) continue;
      for (const [username, role] of Object.entries(ROLE_USERS)) {
        const session = sessions[username]!;
        const allowed = route.access.permission === 'authenticated' || hasPermission(role, route.access.permission);
        const kind = route.access.objectKind;
        const param = /:[a-zA-Z]+/.exec(route.url)?.[0] ?? ':id';
        const objects = kind ? targets[username]?.[kind] : undefined;
        const call = async (id: string | null) => {
          const url = id === null ? route.url : route.url.replace(param, encodeURIComponent(id));
          return session.request(route.method, url, await sampleBody(route, id));
        };
        if (!allowed) {
          const res = await call(kind ? (objects?.inside?.id ?? objects?.outside?.id ?? '1') : null);
          if (res.statusCode !== 403) failures.push(`${username} ${key}: 无权限应为 403，实际 ${res.statusCode}`);
          continue;
        }
        if (!kind) continue;
        if (objects?.outside) {
          const res = await call(objects.outside.id);
          if (res.statusCode !== 403 && res.statusCode !== 404)
            failures.push(`${username} ${key} 范围外对象：应为 403/404，实际 ${res.statusCode}`);
          if (objects.outside.secret && res.body.includes(objects.outside.secret))
            failures.push(`${username} ${key} 范围外对象：响应泄露了数据`);
        }
        if (objects?.inside) {
          const res = await call(objects.inside.id);
          if ([401, 403, 404].includes(res.statusCode))
            failures.push(
              `${username} ${key} 范围内对象：不应被拒绝，实际 ${res.statusCode} ${res.body.slice(0, 160)}`,
            );
        } else if (!objects?.outside) {
          failures.push(`${username} ${key}：授权矩阵缺少 ${kind} 类对象（在 test/api/matrix/ 中补充）`);
        }
      }
    }
    expect(failures.join('\n')).toBe('');
  });
});
