import { sql } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import type { Db } from '../db/database.ts';
import type { AuditRow, Database } from '../db/schema.ts';
import { canonicalJson, digestOf, sha256Hex } from './canonical.ts';

/** Who did it and through which request: every service call carries one. */
export interface AuditActor {
  actorId: number | null;
  actorName: string;
  actorRole: string | null;
  requestId: string | null;
  ip: string | null;
}

export const systemActor = (name = '系统'): AuditActor => ({
  actorId: null,
  actorName: name,
  actorRole: null,
  requestId: null,
  ip: null,
});

export interface AuditEntry {
  action: string;
  objectType: string;
  objectId?: string | number | null;
  before?: unknown;
  after?: unknown;
  /** Short, non-personal description; changed field names are added automatically. */
  summary?: string;
  extra?: Record<string, unknown>;
}

export const GENESIS_HASH = '0'.repeat(64);

type HashedFields = Omit<AuditRow, 'id' | 'hash' | 'prev_hash'>;

function linkHash(prevHash: string, fields: HashedFields): string {
  return sha256Hex(prevHash + '|' + canonicalJson(fields));
}

function changedFields(before: unknown, after: unknown): string[] {
  if (!before || !after || typeof before !== 'object' || typeof after !== 'object') return [];
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const keys = new Set([...Object.keys(b), ...Object.keys(a)]);
  return [...keys].filter((k) => canonicalJson(b[k]) !== canonicalJson(a[k])).sort();
}

/**
 * Append one record to the hash-chained audit log. Must be called inside the transaction that makes the change,
 * so the change and its record commit or fail together.
 */
export async function writeAudit(
  trx: Transaction<Database> | Kysely<Database>,
  dialect: Db['dialect'],
  actor: AuditActor,
  entry: AuditEntry,
  at: Date,
): Promise<void> {
  // Serialise writers so the chain never forks. SQLite already has a single writer.
  if (dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(2020030306)`.execute(trx);
  const last = await trx.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  const prevHash = last?.hash ?? GENESIS_HASH;
  const detail = {
    ...(entry.summary ? { summary: entry.summary } : {}),
    ...(entry.before !== undefined && entry.after !== undefined
      ? { changed: changedFields(entry.before, entry.after) }
      : {}),
    ...(entry.extra ?? {}),
  };
  const fields: HashedFields = {
    at: at.toISOString(),
    actor_id: actor.actorId,
    actor_name: actor.actorName,
    actor_role: actor.actorRole,
    action: entry.action,
    object_type: entry.objectType,
    object_id: entry.objectId === undefined || entry.objectId === null ? null : String(entry.objectId),
    request_id: actor.requestId,
    ip: actor.ip,
    before_digest: digestOf(entry.before),
    after_digest: digestOf(entry.after),
    detail: canonicalJson(detail),
  };
  await trx
    .insertInto('audit_log')
    .values({ ...fields, prev_hash: prevHash, hash: linkHash(prevHash, fields) })
    .execute();
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  /** The first record whose link does not hold, and why. */
  brokenAt?: { id: number; reason: string };
}

/** Walk the chain from the first record; report the first link that does not hold. */
export async function verifyAuditChain(db: Kysely<Database>, batchSize = 5000): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '>', lastId)
      .orderBy('id')
      .limit(batchSize)
      .execute();
    if (rows.length === 0) return { ok: true, checked };
    for (const row of rows) {
      if (row.prev_hash !== prevHash) {
        return { ok: false, checked, brokenAt: { id: row.id, reason: '前一条记录的哈希不匹配（记录被删除或插入）' } };
      }
      const { id: _id, hash, prev_hash: _p, ...fields } = row;
      if (linkHash(prevHash, fields) !== hash) {
        return { ok: false, checked, brokenAt: { id: row.id, reason: '记录内容与哈希不符（记录被篡改）' } };
      }
      prevHash = hash;
      lastId = row.id;
      checked++;
    }
  }
}
