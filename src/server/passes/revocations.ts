import { sql } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import { encodeRevocationUpdate, revocationUpdateSince, signRevocationUpdate } from '../../domain/pass/revocation.ts';
import type { RevocationLog, RevocationUpdate } from '../../domain/pass/revocation.ts';
import type { AuditActor } from '../audit/audit.ts';
import { writeAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { currentSigner, ensureSigningKey } from './keys.ts';

/**
 * The revocation log in the database: each version is one change (pass ids added or removed); a checkpoint at
 * version v asks for everything after v and gets a delta, or a full snapshot when it is new or its version is older
 * than the history kept. Writers serialise on an advisory lock (PostgreSQL; SQLite has one writer), so versions are
 * consecutive and a reader never sees version n+1 without n.
 */
type Q = Kysely<Database> | Transaction<Database>;

const LOCK = 2020030307;

async function lock(trx: Q, dialect: Db['dialect'], shared = false) {
  if (dialect !== 'postgres') return;
  if (shared) await sql`SELECT pg_advisory_xact_lock_shared(${LOCK})`.execute(trx);
  else await sql`SELECT pg_advisory_xact_lock(${LOCK})`.execute(trx);
}

async function currentVersion(db: Q): Promise<number> {
  const r = await db
    .selectFrom('pass_revocations')
    .select((eb) => eb.fn.max('version').as('v'))
    .executeTakeFirst();
  return Number(r?.v ?? 0);
}

/** Append one version. Returns it, or the current version when there is nothing to record. */
export async function appendRevocationChange(
  trx: Transaction<Database>,
  dialect: Db['dialect'],
  entries: readonly { passId: number; validUntilS: number }[],
  op: 'add' | 'remove',
  at: string,
): Promise<number> {
  await lock(trx, dialect);
  const version = (await currentVersion(trx)) + (entries.length ? 1 : 0);
  for (let i = 0; i < entries.length; i += 1000) {
    await trx
      .insertInto('pass_revocations')
      .values(
        entries.slice(i, i + 1000).map((e) => ({
          version,
          pass_id: e.passId,
          op,
          valid_until_s: e.validUntilS,
          at,
        })),
      )
      .execute();
  }
  return version;
}

/** The update a device at `since` needs, computed with the domain's delta rules. */
export async function revocationUpdateFor(app: AppContext, since: number): Promise<RevocationUpdate> {
  const nowS = Math.floor(app.clock.now().getTime() / 1000);
  return app.db.kysely.transaction().execute(async (trx) => {
    await lock(trx, app.db.dialect, true);
    const version = await currentVersion(trx);
    const oldest = await trx
      .selectFrom('pass_revocations')
      .select((eb) => eb.fn.min('version').as('v'))
      .executeTakeFirst();
    const base = oldest?.v === null || oldest?.v === undefined ? version : Number(oldest.v) - 1;
    if (since === 0 || since > version || since < base) {
      const rows = await trx
        .selectFrom('passes')
        .select(['id', 'valid_until_s'])
        .where('revoked_at', 'is not', null)
        .where('valid_until_s', '>', nowS)
        .execute();
      const log: RevocationLog = {
        version,
        revoked: new Map(rows.map((r) => [r.id, Number(r.valid_until_s)])),
        changes: [],
      };
      return revocationUpdateSince(log, 0);
    }
    const rows = await trx
      .selectFrom('pass_revocations')
      .select(['version', 'pass_id', 'op'])
      .where('version', '>', since)
      .orderBy('version')
      .execute();
    const changes = new Map<number, { version: number; added: number[]; removed: number[] }>();
    for (let v = since + 1; v <= version; v++) changes.set(v, { version: v, added: [], removed: [] });
    for (const r of rows)
      (r.op === 'add' ? changes.get(r.version)!.added : changes.get(r.version)!.removed).push(r.pass_id);
    const log: RevocationLog = { version, revoked: new Map(), changes: [...changes.values()] };
    return revocationUpdateSince(log, since);
  });
}

/** The update, encoded and signed with the current pass key: what `GET /api/passes/revocations` sends. */
export async function signedRevocationUpdate(app: AppContext, since: number) {
  await ensureSigningKey(app);
  const update = await revocationUpdateFor(app, since);
  const signer = await currentSigner(app, app.db.kysely, app.clock.now());
  const bytes = await signRevocationUpdate(encodeRevocationUpdate(update), signer);
  return { update, bytes };
}

/**
 * Drop revocations of passes that have expired (they are refused as expired anyway), as one `remove` version, and
 * forget change records older than `keepDays`; a device older than that gets a full snapshot.
 */
export async function pruneRevocations(app: AppContext, actor: AuditActor, keepDays = 30) {
  const now = app.clock.now();
  const nowS = Math.floor(now.getTime() / 1000);
  return app.db.kysely.transaction().execute(async (trx) => {
    await lock(trx, app.db.dialect);
    const expired = await trx
      .selectFrom('passes')
      .select(['id', 'valid_until_s'])
      .where('revoked_at', 'is not', null)
      .where('valid_until_s', '<=', nowS)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('pass_revocations as r')
            .select('r.id')
            .whereRef('r.pass_id', '=', 'passes.id')
            .where('r.op', '=', 'add'),
        ),
      )
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('pass_revocations as r')
              .select('r.id')
              .whereRef('r.pass_id', '=', 'passes.id')
              .where('r.op', '=', 'remove'),
          ),
        ),
      )
      .execute();
    const version = await appendRevocationChange(
      trx,
      app.db.dialect,
      expired.map((e) => ({ passId: e.id, validUntilS: Number(e.valid_until_s) })),
      'remove',
      now.toISOString(),
    );
    const cutoff = new Date(now.getTime() - keepDays * 86_400_000).toISOString();
    const forgotten = await trx
      .deleteFrom('pass_revocations')
      .where('at', '<', cutoff)
      .where('version', '<', version)
      .executeTakeFirst();
    const result = { pruned: expired.length, version, forgotten: Number(forgotten.numDeletedRows) };
    if (result.pruned || result.forgotten) {
      await writeAudit(
        trx,
        app.db.dialect,
        actor,
        {
          action: 'pass.revocations_pruned',
          objectType: 'pass_revocations',
          objectId: version,
          summary: `吊销列表整理：移除已过期通行证 ${result.pruned} 张，清理 ${keepDays} 天前的变更记录 ${result.forgotten} 条`,
        },
        now,
      );
    }
    return result;
  });
}
