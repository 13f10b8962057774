import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/server/clock.ts';
import type { TestApp } from '../support/app-fixture.ts';
import { TEST_PASSWORD, createTestApp } from '../support/app-fixture.ts';
import { testDialects } from '../support/databases.ts';

describe.each(testDialects())('identity and sessions on %s', (dialect) => {
  const clock = manualClock('2020-02-10T01:00:00.000Z');
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { clock, config: { lockout: { maxFailures: 3, minutes: 15 } } });
  });
  afterAll(async () => t.close());
  const inject = (opts: InjectOptions) => t.built.fastify.inject(opts);

  it('answers the health check', async () => {
    const res = await inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('logs in with a session cookie that scripts cannot read, and a CSRF token', async () => {
    const res = await inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'dept.qsh', password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'ss_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    expect(cookie.secure).toBeFalsy();
    const body = res.json();
    expect(body.user).toMatchObject({
      username: 'dept.qsh',
      role: 'dept',
      roleLabel: '部门审核人员',
      regionCode: '360111',
      departmentKind: 'gxj',
    });
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
  });

  it('tells the web the kind of the user’s department (null without one)', async () => {
    const dept = await t.login('dept.city');
    expect((await dept.get('/api/auth/me')).json().user).toMatchObject({ role: 'dept', departmentKind: 'gxj' });
    const leader = await t.login('leader');
    const me = (await leader.get('/api/auth/me')).json().user;
    expect(me.departmentId).toBeNull();
    expect(me.departmentKind).toBeNull();
  });

  it('marks the cookie Secure when the request came over TLS through a trusted proxy', async () => {
    const secure = await createTestApp(dialect, { config: { trustProxy: true } });
    try {
      const res = await secure.built.fastify.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { username: 'admin', password: TEST_PASSWORD },
      });
      expect(res.cookies.find((c) => c.name === 'ss_session')!.secure).toBe(true);
    } finally {
      await secure.close();
    }
  });

  it('refuses bad credentials with a Chinese problem document', async () => {
    const res = await inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'dept.qsh', password: 'wrong' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 401, detail: '用户名或密码错误' });
    const unknown = await inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nobody', password: 'wrong' },
    });
    expect(unknown.json().detail).toBe('用户名或密码错误');
  });

  it('names the missing field in Chinese', async () => {
    const res = await inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'password', detail: '密码：必填' });
  });

  it('locks an account after repeated failures, and an administrator can unlock it', async () => {
    for (let i = 0; i < 3; i++) {
      await inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'cdc.qsh', password: 'bad-password' },
      });
    }
    const lockedOut = await inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'cdc.qsh', password: TEST_PASSWORD },
    });
    expect(lockedOut.statusCode).toBe(423);
    expect(lockedOut.json().detail).toMatch(/账号已临时锁定，请 15 分钟后再试/);
    const admin = await t.login('admin');
    expect((await admin.post(`/api/users/${t.fixture.users['cdc.qsh']}/unlock`)).statusCode).toBe(200);
    expect((await t.login('cdc.qsh')).username).toBe('cdc.qsh');
  });

  it('lets the lock expire on its own', async () => {
    for (let i = 0; i < 3; i++) {
      await inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'leader.zone', password: 'bad-password' },
      });
    }
    clock.advance(16 * 60_000);
    expect((await t.login('leader.zone')).username).toBe('leader.zone');
  });

  it('requires a session for protected routes', async () => {
    const res = await inject({ method: 'GET', url: '/api/auth/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().detail).toBe('请先登录');
  });

  it('rejects a mutation without the CSRF token', async () => {
    const s = await t.login('admin');
    const res = await inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toContain('CSRF');
  });

  it('ends the session at logout', async () => {
    const s = await t.login('leader');
    expect((await s.get('/api/auth/me')).statusCode).toBe(200);
    expect((await s.post('/api/auth/logout')).statusCode).toBe(200);
    const after = await s.get('/api/auth/me');
    expect(after.statusCode).toBe(401);
    expect(after.json().detail).toBe('登录已过期，请重新登录');
  });

  it('ends an idle session', async () => {
    const s = await t.login('grid');
    clock.advance(20 * 60_000);
    expect((await s.get('/api/auth/me')).statusCode).toBe(200);
    clock.advance(31 * 60_000);
    expect((await s.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('changes a password, ending the other sessions', async () => {
    const first = await t.login('emp.a');
    const second = await t.login('emp.a');
    const wrong = await first.post('/api/auth/password', { currentPassword: 'nope', newPassword: 'NewPassw0rd' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ field: 'currentPassword', detail: '当前密码：不正确' });
    const weak = await first.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'short' });
    expect(weak.json()).toMatchObject({ field: 'newPassword', detail: '新密码：至少 8 位' });
    const ok = await first.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'NewPassw0rd' });
    expect(ok.statusCode).toBe(200);
    expect((await first.get('/api/auth/me')).statusCode).toBe(200);
    expect((await second.get('/api/auth/me')).statusCode).toBe(401);
    await expect(t.login('emp.a')).rejects.toThrow();
    expect((await t.login('emp.a', 'NewPassw0rd')).username).toBe('emp.a');
  });

  it('publishes OpenAPI and a docs page', async () => {
    const spec = await inject({ method: 'GET', url: '/api/openapi.json' });
    expect(spec.statusCode).toBe(200);
    const paths = Object.keys(spec.json().paths);
    expect(paths).toEqual(
      expect.arrayContaining(['/api/health', '/api/auth/login', '/api/enterprises', '/api/enterprises/{id}']),
    );
    const docs = await inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
  });

  it('answers unknown API paths with a problem document', async () => {
    const res = await inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().detail).toBe('接口不存在');
  });
});
