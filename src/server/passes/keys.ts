import type { Kysely, Transaction } from 'kysely';
import { retireKey, rotateSigningKey, signingKeyAt } from '../../domain/pass/keys.ts';
import type { PassKey, PassKeySet } from '../../domain/pass/keys.ts';
import { generatePassKeyPair, nodeSigner } from '../../domain/pass/node-crypto.ts';
import type { SyncPassSigner } from '../../domain/pass/token.ts';
import type { AuditActor } from '../audit/audit.ts';
import { systemActor, writeAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import type { PassKeyRow } from '../db/schema-health.ts';
import { conflict, fieldProblem, notFound } from '../http/problem.ts';
import { decryptPassPrivateKey, encryptPassPrivateKey } from '../health/pii.ts';

/**
 * Pass signing keys (Ed25519). Private keys are stored encrypted (src/server/health/pii.ts) and decrypted only in
 * this process's memory when a pass or a revocation update is signed. The key set that checkpoints cache is the
 * public half; its `version` counts key events (each rotation and each retirement), as the domain does.
 */
type Q = Kysely<Database> | Transaction<Database>;

function toPassKey(r: PassKeyRow): PassKey {
  return {
    kid: r.kid,
    publicKey: r.public_key,
    activeFrom: r.active_from,
    ...(r.sign_until ? { signUntil: r.sign_until } : {}),
    ...(r.retired_at ? { retiredAt: r.retired_at } : {}),
    ...(r.retired_reason ? { retiredReason: r.retired_reason } : {}),
  };
}

export async function loadKeySet(db: Q): Promise<PassKeySet> {
  const rows = await db.selectFrom('pass_keys').selectAll().orderBy('kid').execute();
  return { version: rows.length + rows.filter((r) => r.retired_at !== null).length, keys: rows.map(toPassKey) };
}

const signers = new WeakMap<Db, Map<number, SyncPassSigner>>();

function signerFor(app: AppContext, row: PassKeyRow): SyncPassSigner {
  let byKid = signers.get(app.db);
  if (!byKid) {
    byKid = new Map();
    signers.set(app.db, byKid);
  }
  let s = byKid.get(row.kid);
  if (!s) {
    s = nodeSigner(row.kid, decryptPassPrivateKey(app.config.secrets, row.kid, row.private_key_enc));
    byKid.set(row.kid, s);
  }
  return s;
}

async function insertKey(
  db: Q,
  app: AppContext,
  kid: number,
  at: string,
): Promise<{ publicKey: string; inserted: boolean }> {
  const pair = generatePassKeyPair();
  const result = await db
    .insertInto('pass_keys')
    .values({
      kid,
      public_key: pair.publicKey,
      private_key_enc: encryptPassPrivateKey(app.config.secrets, kid, pair.privateKeyPkcs8),
      active_from: at,
      sign_until: null,
      retired_at: null,
      retired_reason: null,
      created_at: at,
    })
    .onConflict((oc) => oc.column('kid').doNothing())
    .executeTakeFirst();
  return { publicKey: pair.publicKey, inserted: Number(result.numInsertedOrUpdatedRows ?? 0n) > 0 };
}

/**
 * The first key of an installation, made on first use and audited. Two processes may race: the loser's insert does
 * nothing and it writes no audit record.
 */
export async function ensureSigningKey(app: AppContext): Promise<void> {
  const any = await app.db.kysely.selectFrom('pass_keys').select('kid').limit(1).executeTakeFirst();
  if (any) return;
  const now = app.clock.now();
  await app.db.kysely.transaction().execute(async (trx) => {
    const { inserted } = await insertKey(trx, app, 1, now.toISOString());
    if (!inserted) return;
    await writeAudit(
      trx,
      app.db.dialect,
      systemActor('通行证'),
      {
        action: 'pass.key_created',
        objectType: 'pass_key',
        objectId: 1,
        summary: '生成首个通行证签名密钥（密钥 1）',
      },
      now,
    );
  });
}

/** The key that signs now, with its signer. */
export async function currentSigner(app: AppContext, db: Q, at: Date): Promise<SyncPassSigner> {
  const set = await loadKeySet(db);
  const key = signingKeyAt(set, at.toISOString());
  if (!key) throw conflict('通行证签名密钥：没有可用于签发的密钥，请系统管理员轮换密钥');
  const row = await db.selectFrom('pass_keys').selectAll().where('kid', '=', key.kid).executeTakeFirstOrThrow();
  return signerFor(app, row);
}

/** A new signing key; the previous one stops signing but keeps verifying the passes it signed until they expire. */
export async function rotateKey(app: AppContext, actor: AuditActor) {
  await ensureSigningKey(app);
  const now = app.clock.now();
  return app.db.kysely.transaction().execute(async (trx) => {
    const set = await loadKeySet(trx);
    const kid = Math.max(0, ...set.keys.map((k) => k.kid)) + 1;
    const at = now.toISOString();
    // Check the rotation with the domain before writing it (kid reuse, key format).
    const { publicKey } = await insertKey(trx, app, kid, at);
    const next = rotateSigningKey(set, { kid, publicKey }, at);
    if (!next.ok) throw conflict(next.message);
    await trx
      .updateTable('pass_keys')
      .set({ sign_until: at })
      .where('sign_until', 'is', null)
      .where('retired_at', 'is', null)
      .where('kid', '!=', kid)
      .execute();
    await writeAudit(
      trx,
      app.db.dialect,
      actor,
      {
        action: 'pass.key_rotated',
        objectType: 'pass_key',
        objectId: kid,
        summary: `通行证签名密钥轮换：启用密钥 ${kid}，原密钥停止签发、继续核验其已签发的通行证`,
      },
      now,
    );
    return { kid, keySetVersion: next.value.version };
  });
}

/** Stop trusting a key (leaked, or all its passes have expired): every pass it signed is refused from now on. */
export async function retirePassKey(app: AppContext, actor: AuditActor, kid: number, reason: string) {
  const now = app.clock.now();
  return app.db.kysely.transaction().execute(async (trx) => {
    const set = await loadKeySet(trx);
    if (!set.keys.some((k) => k.kid === kid)) throw notFound('密钥不存在');
    const next = retireKey(set, kid, now.toISOString(), reason);
    if (!next.ok) throw fieldProblem('reason', next.message);
    const at = now.toISOString();
    const row = await trx.selectFrom('pass_keys').selectAll().where('kid', '=', kid).executeTakeFirstOrThrow();
    await trx
      .updateTable('pass_keys')
      .set({ retired_at: at, retired_reason: reason.trim(), sign_until: row.sign_until ?? at })
      .where('kid', '=', kid)
      .execute();
    await writeAudit(
      trx,
      app.db.dialect,
      actor,
      {
        action: 'pass.key_retired',
        objectType: 'pass_key',
        objectId: kid,
        summary: `停用通行证签名密钥 ${kid}：${reason.trim().slice(0, 100)}`,
      },
      now,
    );
    const remaining = signingKeyAt(next.value, at);
    return { kid, keySetVersion: next.value.version, signingKid: remaining?.kid ?? null };
  });
}
