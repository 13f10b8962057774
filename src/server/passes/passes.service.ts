import type { Transaction } from 'kysely';
import { isHealthStatus, STATUS_INFO } from '../../domain/health/status.ts';
import type { HealthStatus } from '../../domain/health/status.ts';
import { passQrSvg, passValidUntil } from '../../domain/pass/issue.ts';
import { derivePersonRef } from '../../domain/pass/node-crypto.ts';
import { epochSeconds, instantOfSeconds, issuePassSync } from '../../domain/pass/token.ts';
import type { SessionUser } from '../access/session-user.ts';
import type { AuditActor } from '../audit/audit.ts';
import { writeAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import type { Database } from '../db/schema.ts';
import type { HealthPersonRow, PassRow } from '../db/schema-health.ts';
import { conflict, fieldProblem, notFound } from '../http/problem.ts';
import { personRefSecret } from '../health/pii.ts';
import { healthScopeOf, inHealthScope } from '../health/scope.ts';
import { currentSigner, ensureSigningKey } from './keys.ts';
import { appendRevocationChange } from './revocations.ts';

/**
 * Passes (电子通行证 / 员工证). One person, one live code (一人一码, seed 003 L717): a status change revokes the
 * person's live passes and issues new ones with the new status; a reprinted card revokes the old card. A phone pass
 * is renewed (without revoking the old one, which carries the same status and runs out within hours) once less
 * than a day of it is left.
 */
export function passDto(p: PassRow, withToken: boolean) {
  const status = isHealthStatus(p.status) ? p.status : null;
  return {
    id: p.id,
    personId: p.person_id,
    enterpriseId: p.enterprise_id,
    kid: p.kid,
    card: p.card === 1,
    status: p.status,
    statusLabel: status ? STATUS_INFO[status].label : p.status,
    admits: status ? STATUS_INFO[status].admitsToWorkplace : false,
    issuedAt: p.issued_at,
    validUntil: p.valid_until,
    revokedAt: p.revoked_at,
    revokedReason: p.revoked_reason,
    ...(withToken ? { token: p.token, svg: passQrSvg(p.token, 240) } : {}),
  };
}

/** Only a status that admits the person to the workplace (可返岗) gets a pass (seed 003 L618, L717). */
export function passAllowedFor(status: string | null): boolean {
  return status !== null && isHealthStatus(status) && STATUS_INFO[status].admitsToWorkplace;
}

/** Issue one pass for a person with the person's current status. Call `ensureSigningKey` before the transaction. */
export async function issuePassFor(
  app: AppContext,
  trx: Transaction<Database>,
  person: Pick<HealthPersonRow, 'id' | 'enterprise_id' | 'status'>,
  card: boolean,
  at: Date,
  createdBy: number | null,
): Promise<PassRow> {
  if (!person.status || !isHealthStatus(person.status)) throw conflict('通行证：该员工尚未评估返岗状态，不能签发');
  const status: HealthStatus = person.status;
  if (!passAllowedFor(status)) throw conflict(`通行证：该员工当前状态为${STATUS_INFO[status].label}，不能签发通行证`);
  const signer = await currentSigner(app, trx, at);
  const issuedAt = epochSeconds(at.toISOString());
  const validUntil = passValidUntil(issuedAt, card);
  // The id is the pass number inside the token, so the row is made first and the token written after signing.
  const row = await trx
    .insertInto('passes')
    .values({
      person_id: person.id,
      enterprise_id: person.enterprise_id,
      kid: signer.kid,
      card: card ? 1 : 0,
      status,
      issued_at: at.toISOString(),
      valid_until: instantOfSeconds(validUntil),
      valid_until_s: validUntil,
      token: '',
      revoked_at: null,
      revoked_reason: null,
      created_by: createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const token = issuePassSync(
    {
      passId: row.id,
      personRef: derivePersonRef(personRefSecret(app.config.secrets), String(person.id)),
      enterpriseId: person.enterprise_id,
      status,
      card,
      issuedAt,
      validUntil,
    },
    signer,
  );
  await trx.updateTable('passes').set({ token }).where('id', '=', row.id).execute();
  return trx.selectFrom('passes').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
}

/** Revoke live passes (all of the person's, or only cards/phone passes) as one revocation version. */
export async function revokeLivePasses(
  app: AppContext,
  trx: Transaction<Database>,
  personId: number,
  reason: string,
  at: Date,
  only?: { card: boolean },
): Promise<PassRow[]> {
  const nowS = Math.floor(at.getTime() / 1000);
  let q = trx
    .selectFrom('passes')
    .selectAll()
    .where('person_id', '=', personId)
    .where('revoked_at', 'is', null)
    .where('valid_until_s', '>', nowS);
  if (only) q = q.where('card', '=', only.card ? 1 : 0);
  const live = await q.execute();
  if (live.length === 0) return [];
  await trx
    .updateTable('passes')
    .set({ revoked_at: at.toISOString(), revoked_reason: reason })
    .where(
      'id',
      'in',
      live.map((p) => p.id),
    )
    .execute();
  await appendRevocationChange(
    trx,
    app.db.dialect,
    live.map((p) => ({ passId: p.id, validUntilS: Number(p.valid_until_s) })),
    'add',
    at.toISOString(),
  );
  return live;
}

/**
 * For the health module: revoke every live pass of a person inside the caller's transaction (left the enterprise,
 * record closed …). Checkpoints refuse the passes from their next revocation sync. Returns the revoked pass ids;
 * the caller writes the audit record of its own change and may list them there.
 */
export async function revokePassesForPerson(
  app: AppContext,
  trx: Transaction<Database>,
  personId: number,
  reason: string,
  at: Date,
): Promise<number[]> {
  return (await revokeLivePasses(app, trx, personId, reason, at)).map((p) => p.id);
}

/**
 * After a status change: revoke the person's live passes and, if the new status still admits the person, issue the
 * same kinds again with the new status. Returns what was revoked and issued, for the audit record.
 */
export async function reissueAfterStatusChange(
  app: AppContext,
  trx: Transaction<Database>,
  person: Pick<HealthPersonRow, 'id' | 'enterprise_id' | 'status'>,
  at: Date,
): Promise<{ revoked: number[]; issued: number[] }> {
  const revoked = await revokeLivePasses(app, trx, person.id, '返岗状态变更', at);
  const issued: number[] = [];
  if (!passAllowedFor(person.status)) return { revoked: revoked.map((p) => p.id), issued };
  for (const card of [...new Set(revoked.map((p) => p.card === 1))]) {
    issued.push((await issuePassFor(app, trx, person, card, at, null)).id);
  }
  return { revoked: revoked.map((p) => p.id), issued };
}

/**
 * The employee's phone pass: the live one, renewed when less than a day is left. A person whose status does not
 * admit entry gets no pass, only the status (the reasons are on the health status page).
 */
export async function myPass(app: AppContext, user: SessionUser, actor: AuditActor) {
  await ensureSigningKey(app);
  const now = app.clock.now();
  const nowS = Math.floor(now.getTime() / 1000);
  return app.db.kysely.transaction().execute(async (trx) => {
    const person = await trx
      .selectFrom('health_people')
      .innerJoin('enterprises as e', 'e.id', 'health_people.enterprise_id')
      .selectAll('health_people')
      .select('e.name as enterprise_name')
      .where('health_people.user_id', '=', user.id)
      .where('health_people.active', '=', 1)
      .executeTakeFirst();
    if (!person) throw notFound('您的账号还没有关联员工档案，请联系本企业管理员');
    const status = person.status && isHealthStatus(person.status) ? person.status : null;
    const head = {
      personName: person.name,
      enterpriseName: person.enterprise_name,
      status: person.status,
      statusLabel: status ? STATUS_INFO[status].label : '尚未评估',
    };
    if (!passAllowedFor(person.status)) {
      return {
        ...head,
        pass: null,
        message: status
          ? `当前状态为${STATUS_INFO[status].label}，暂不能领取通行证；状态变为可返岗后自动恢复`
          : '返岗状态尚未评估，暂不能领取通行证',
      };
    }
    const live = await trx
      .selectFrom('passes')
      .selectAll()
      .where('person_id', '=', person.id)
      .where('card', '=', 0)
      .where('revoked_at', 'is', null)
      .where('valid_until_s', '>', nowS + 86_400)
      .orderBy('id', 'desc')
      .executeTakeFirst();
    if (live && live.status === person.status) return { ...head, pass: passDto(live, true), message: null };
    const pass = await issuePassFor(app, trx, person, false, now, user.id);
    await writeAudit(
      trx,
      app.db.dialect,
      actor,
      {
        action: 'pass.issued',
        objectType: 'pass',
        objectId: pass.id,
        summary: `签发手机通行证（${STATUS_INFO[status!].label}），有效期至 ${pass.valid_until}`,
        extra: { personId: person.id, card: false },
      },
      now,
    );
    return { ...head, pass: passDto(pass, true), message: null };
  });
}

/** One pass, in the user's scope. */
export async function getPass(app: AppContext, user: SessionUser, id: number) {
  const p = await app.db.kysely
    .selectFrom('passes')
    .innerJoin('health_people as p', 'p.id', 'passes.person_id')
    .selectAll('passes')
    .select(['p.name as person_name', 'p.team as person_team'])
    .where('passes.id', '=', id)
    .where(inHealthScope('passes', healthScopeOf(user)))
    .executeTakeFirst();
  if (!p) throw notFound('通行证不存在');
  return { ...passDto(p, true), personName: p.person_name, team: p.person_team };
}

export async function listPasses(
  app: AppContext,
  user: SessionUser,
  query: { enterpriseId?: number; personId?: number; live?: boolean; page: number; pageSize: number },
) {
  const nowS = Math.floor(app.clock.now().getTime() / 1000);
  let q = app.db.kysely
    .selectFrom('passes')
    .innerJoin('health_people as p', 'p.id', 'passes.person_id')
    .where(inHealthScope('passes', healthScopeOf(user)));
  if (query.enterpriseId) q = q.where('passes.enterprise_id', '=', query.enterpriseId);
  if (query.personId) q = q.where('passes.person_id', '=', query.personId);
  if (query.live) q = q.where('passes.revoked_at', 'is', null).where('passes.valid_until_s', '>', nowS);
  const [rows, count] = await Promise.all([
    q
      .selectAll('passes')
      .select(['p.name as person_name', 'p.team as person_team'])
      .orderBy('passes.id', 'desc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({ ...passDto(r, false), personName: r.person_name, team: r.person_team })),
    total: Number(count.n),
  };
}

/** A lost card or phone: revoke one pass (the person's status is untouched). */
export async function revokePass(app: AppContext, user: SessionUser, actor: AuditActor, id: number, reason: string) {
  if (!reason.trim()) throw fieldProblem('reason', '作废原因：请填写');
  const now = app.clock.now();
  return app.db.kysely.transaction().execute(async (trx) => {
    const pass = await trx
      .selectFrom('passes')
      .selectAll()
      .where('id', '=', id)
      .where(inHealthScope('passes', healthScopeOf(user)))
      .executeTakeFirst();
    if (!pass) throw notFound('通行证不存在');
    if (pass.revoked_at) throw conflict('该通行证已作废');
    if (Number(pass.valid_until_s) <= Math.floor(now.getTime() / 1000)) throw conflict('该通行证已过期，无需作废');
    await trx
      .updateTable('passes')
      .set({ revoked_at: now.toISOString(), revoked_reason: reason.trim().slice(0, 200) })
      .where('id', '=', id)
      .execute();
    const version = await appendRevocationChange(
      trx,
      app.db.dialect,
      [{ passId: id, validUntilS: Number(pass.valid_until_s) }],
      'add',
      now.toISOString(),
    );
    await writeAudit(
      trx,
      app.db.dialect,
      actor,
      {
        action: 'pass.revoked',
        objectType: 'pass',
        objectId: id,
        summary: `作废通行证：${reason.trim().slice(0, 100)}`,
        extra: { personId: pass.person_id, revocationVersion: version },
      },
      now,
    );
    return { id, revocationVersion: version };
  });
}
