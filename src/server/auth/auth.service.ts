import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AppContext } from '../context.ts';
import type { AuditActor } from '../audit/audit.ts';
import { writeAudit } from '../audit/audit.ts';
import type { SessionUser } from '../access/session-user.ts';
import type { UserRow } from '../db/schema.ts';
import { fieldProblem, locked, tooManyRequests, unauthorized } from '../http/problem.ts';
import { assertPasswordPolicy, hashPassword, verifyPassword } from './passwords.ts';

export const SESSION_COOKIE = 'ss_session';

/** Failed attempts from one address within the window before it must wait. */
const IP_MAX_FAILURES = 30;
const IP_WINDOW_MS = 15 * 60_000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function toSessionUser(u: UserRow): SessionUser {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role,
    regionCode: u.region_code,
    departmentId: u.department_id,
    enterpriseId: u.enterprise_id,
    bankId: u.bank_id,
    mustChangePassword: u.must_change_password === 1,
  };
}

export interface LoginResult {
  token: string;
  csrfToken: string;
  user: SessionUser;
  expiresAt: string;
}

// A hash to verify against when the username is unknown, so timing does not reveal which usernames exist.
let dummyHash: Promise<string> | null = null;

export async function login(
  app: AppContext,
  input: { username: string; password: string; ip: string | null; userAgent: string | null; requestId: string },
): Promise<LoginResult> {
  const { db, clock, config } = app;
  const now = clock.now();
  const ipKey = `ip:${input.ip ?? 'unknown'}`;
  const throttle = await db.kysely.selectFrom('login_throttle').selectAll().where('key', '=', ipKey).executeTakeFirst();
  if (
    throttle &&
    now.getTime() - new Date(throttle.window_start).getTime() < IP_WINDOW_MS &&
    throttle.failures >= IP_MAX_FAILURES
  ) {
    throw tooManyRequests('登录失败次数过多，请 15 分钟后再试');
  }

  const user = await db.kysely
    .selectFrom('users')
    .selectAll()
    .where('username', '=', input.username.trim())
    .executeTakeFirst();
  if (user?.locked_until && new Date(user.locked_until) > now) {
    const minutes = Math.ceil((new Date(user.locked_until).getTime() - now.getTime()) / 60_000);
    throw locked(`连续登录失败次数过多，账号已临时锁定，请 ${minutes} 分钟后再试或联系管理员解锁`);
  }
  dummyHash ??= hashPassword('not-a-real-password-0', config.argon2);
  let ok = false;
  if (user) ok = await verifyPassword(user.password_hash, input.password);
  else await verifyPassword(await dummyHash, input.password);

  const actor: AuditActor = {
    actorId: user?.id ?? null,
    actorName: user?.display_name ?? input.username.slice(0, 64),
    actorRole: user?.role ?? null,
    requestId: input.requestId,
    ip: input.ip,
  };

  if (!user || !ok || user.disabled) {
    await db.kysely.transaction().execute(async (trx) => {
      const windowFresh = throttle && now.getTime() - new Date(throttle.window_start).getTime() < IP_WINDOW_MS;
      if (throttle) {
        await trx
          .updateTable('login_throttle')
          .set(windowFresh ? { failures: throttle.failures + 1 } : { failures: 1, window_start: now.toISOString() })
          .where('key', '=', ipKey)
          .execute();
      } else {
        await trx
          .insertInto('login_throttle')
          .values({ key: ipKey, failures: 1, window_start: now.toISOString() })
          .execute();
      }
      let lockedNow = false;
      if (user && !user.disabled) {
        const failures = user.failed_logins + 1;
        lockedNow = failures >= config.lockout.maxFailures;
        await trx
          .updateTable('users')
          .set({
            failed_logins: lockedNow ? 0 : failures,
            locked_until: lockedNow ? new Date(now.getTime() + config.lockout.minutes * 60_000).toISOString() : null,
          })
          .where('id', '=', user.id)
          .execute();
      }
      await writeAudit(
        trx,
        db.dialect,
        actor,
        {
          action: lockedNow ? 'auth.lockout' : 'auth.login_failed',
          objectType: 'user',
          objectId: user?.id ?? null,
          summary: lockedNow ? '连续登录失败，账号临时锁定' : '登录失败',
        },
        now,
      );
    });
    if (user?.disabled) throw unauthorized('账号已停用，请联系管理员');
    throw unauthorized('用户名或密码错误');
  }

  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + config.sessionMaxHours * 3_600_000).toISOString();
  await db.kysely.transaction().execute(async (trx) => {
    await trx
      .insertInto('sessions')
      .values({
        token_hash: hashToken(token),
        user_id: user.id,
        csrf_token: csrfToken,
        created_at: now.toISOString(),
        last_seen_at: now.toISOString(),
        expires_at: expiresAt,
        ip: input.ip,
        user_agent: input.userAgent?.slice(0, 256) ?? null,
      })
      .execute();
    await trx
      .updateTable('users')
      .set({ failed_logins: 0, locked_until: null, last_login_at: now.toISOString() })
      .where('id', '=', user.id)
      .execute();
    await trx.deleteFrom('login_throttle').where('key', '=', ipKey).execute();
    await writeAudit(
      trx,
      db.dialect,
      actor,
      { action: 'auth.login', objectType: 'user', objectId: user.id, summary: '登录' },
      now,
    );
  });
  return { token, csrfToken, user: toSessionUser(user), expiresAt };
}

export interface ActiveSession {
  user: SessionUser;
  csrfToken: string;
  tokenHash: string;
}

/** The session behind a cookie token, or null when unknown, expired or idle too long. */
export async function resolveSession(app: AppContext, token: string): Promise<ActiveSession | null> {
  const { db, clock, config } = app;
  const now = clock.now();
  const tokenHash = hashToken(token);
  const row = await db.kysely
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select(['sessions.csrf_token', 'sessions.last_seen_at', 'sessions.expires_at'])
    .where('sessions.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return null;
  const idleLimit = new Date(row.last_seen_at).getTime() + config.sessionIdleMinutes * 60_000;
  if (row.disabled || new Date(row.expires_at) <= now || idleLimit <= now.getTime()) {
    await db.kysely.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    return null;
  }
  // Touch at most once a minute: idle expiry needs minute precision, not a write per request.
  if (now.getTime() - new Date(row.last_seen_at).getTime() > 60_000) {
    await db.kysely
      .updateTable('sessions')
      .set({ last_seen_at: now.toISOString() })
      .where('token_hash', '=', tokenHash)
      .execute();
  }
  const { csrf_token, last_seen_at: _l, expires_at: _e, ...user } = row;
  return { user: toSessionUser(user), csrfToken: csrf_token, tokenHash };
}

export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function logout(app: AppContext, session: ActiveSession, actor: AuditActor): Promise<void> {
  const { db, clock } = app;
  await db.kysely.transaction().execute(async (trx) => {
    await trx.deleteFrom('sessions').where('token_hash', '=', session.tokenHash).execute();
    await writeAudit(
      trx,
      db.dialect,
      actor,
      { action: 'auth.logout', objectType: 'user', objectId: session.user.id, summary: '退出登录' },
      clock.now(),
    );
  });
}

export async function changePassword(
  app: AppContext,
  session: ActiveSession,
  input: { currentPassword: string; newPassword: string },
  actor: AuditActor,
): Promise<void> {
  const { db, clock, config } = app;
  const user = await db.kysely
    .selectFrom('users')
    .selectAll()
    .where('id', '=', session.user.id)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw fieldProblem('currentPassword', '当前密码：不正确');
  }
  assertPasswordPolicy(input.newPassword);
  if (input.newPassword === input.currentPassword) throw fieldProblem('newPassword', '新密码：不能与当前密码相同');
  const passwordHash = await hashPassword(input.newPassword, config.argon2);
  const now = clock.now();
  await db.kysely.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, must_change_password: 0, updated_at: now.toISOString() })
      .where('id', '=', user.id)
      .execute();
    // Other sessions of this user end: a changed password must lock out whoever else knew the old one.
    await trx
      .deleteFrom('sessions')
      .where('user_id', '=', user.id)
      .where('token_hash', '!=', session.tokenHash)
      .execute();
    await writeAudit(
      trx,
      db.dialect,
      actor,
      { action: 'auth.password_changed', objectType: 'user', objectId: user.id, summary: '修改密码' },
      now,
    );
  });
}
