/**
 * Pass revocation: the server keeps a versioned log; checkpoints keep a cache and apply updates by delta.
 *
 * - A status change revokes the person's pass (by pass id); the device learns it at its next sync.
 * - Revocations of passes that have expired are pruned: an expired pass is refused anyway, so the list only holds
 *   passes that are still within their validity.
 * - An update is either a delta (ids added and removed between two versions) or a full snapshot (for a new device,
 *   or one whose version is older than the retained history).
 *
 * Encoding of an update (all integers unsigned LEB128 varints):
 *   byte 0 format = 1 · byte 1 kind (0 delta, 1 full) · from-version · to-version · added id list · removed id list
 * An id list is a scheme byte followed by either
 *   0 delta-varint: count · first id · gaps to each next id (sorted, distinct), or
 *   1 bitmap:       count · base id · byte length · bits (bit i of byte i>>3, LSB first, ↔ id base + i).
 * The encoder picks whichever is smaller. For 1,000,000 passes with 1 % revoked at random the gaps average 100, so
 * delta-varint needs about 1.3 bytes per id against 125 kB for the bitmap (see bench/pass-verify.bench.ts).
 *
 * An encoded update can be signed with a pass key (`signRevocationUpdate`), under its own signing context, so a
 * device accepts only updates from the platform.
 */
import { concatBytes, utf8 } from './bytes.ts';
import type { PassSigner } from './token.ts';

// ---------------------------------------------------------------------------------------------------------------
// Varints and id lists

export function writeVarint(out: number[], n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`变长整数：${n}不是非负安全整数`);
  while (n >= 0x80) {
    out.push((n % 0x80) | 0x80);
    n = Math.floor(n / 0x80);
  }
  out.push(n);
}

export class RevocationFormatError extends Error {
  override name = 'RevocationFormatError';
}

export function readVarint(bytes: Uint8Array, pos: number): [number, number] {
  let n = 0;
  let mul = 1;
  for (let i = 0; i < 8; i++) {
    if (pos >= bytes.length) throw new RevocationFormatError('吊销列表：数据截断');
    const b = bytes[pos++]!;
    n += (b & 0x7f) * mul;
    if (b < 0x80) return [n, pos];
    mul *= 0x80;
  }
  throw new RevocationFormatError('吊销列表：变长整数过长');
}

export type IdListScheme = 'delta-varint' | 'bitmap';

function sortedUnique(ids: readonly number[]): number[] {
  const s = [...new Set(ids)].sort((a, b) => a - b);
  for (const id of s)
    if (!Number.isInteger(id) || id < 0 || id > 0xffffffff) throw new RangeError(`通行证编号：${id}无效`);
  return s;
}

function encodeDeltaVarint(ids: readonly number[]): number[] {
  const out: number[] = [0];
  writeVarint(out, ids.length);
  let prev = 0;
  ids.forEach((id, i) => {
    writeVarint(out, i === 0 ? id : id - prev);
    prev = id;
  });
  return out;
}

function encodeBitmap(ids: readonly number[]): number[] {
  const out: number[] = [1];
  writeVarint(out, ids.length);
  if (ids.length === 0) {
    writeVarint(out, 0);
    writeVarint(out, 0);
    return out;
  }
  const base = ids[0]!;
  const len = ((ids[ids.length - 1]! - base) >> 3) + 1;
  writeVarint(out, base);
  writeVarint(out, len);
  const bits = new Uint8Array(len);
  for (const id of ids) bits[(id - base) >> 3]! |= 1 << ((id - base) & 7);
  for (const b of bits) out.push(b);
  return out;
}

/** Encode a set of pass ids with the given scheme, or the smaller of the two. */
export function encodeIdList(ids: readonly number[], scheme?: IdListScheme): Uint8Array {
  const s = sortedUnique(ids);
  if (scheme === 'delta-varint') return Uint8Array.from(encodeDeltaVarint(s));
  if (scheme === 'bitmap') return Uint8Array.from(encodeBitmap(s));
  const a = encodeDeltaVarint(s);
  // The bitmap is at least (range / 8) bytes; only build it when it could win.
  const range = s.length ? s[s.length - 1]! - s[0]! : 0;
  if (range / 8 >= a.length) return Uint8Array.from(a);
  const b = encodeBitmap(s);
  return Uint8Array.from(b.length < a.length ? b : a);
}

export function decodeIdList(bytes: Uint8Array, pos: number): { ids: number[]; next: number; scheme: IdListScheme } {
  if (pos >= bytes.length) throw new RevocationFormatError('吊销列表：数据截断');
  const scheme = bytes[pos++]!;
  let count: number;
  [count, pos] = readVarint(bytes, pos);
  const ids: number[] = [];
  if (scheme === 0) {
    let prev = 0;
    for (let i = 0; i < count; i++) {
      let v: number;
      [v, pos] = readVarint(bytes, pos);
      if (i > 0 && v === 0) throw new RevocationFormatError('吊销列表：编号重复');
      prev = i === 0 ? v : prev + v;
      if (prev > 0xffffffff) throw new RevocationFormatError('吊销列表：编号超出范围');
      ids.push(prev);
    }
    return { ids, next: pos, scheme: 'delta-varint' };
  }
  if (scheme === 1) {
    let base: number;
    let len: number;
    [base, pos] = readVarint(bytes, pos);
    [len, pos] = readVarint(bytes, pos);
    if (pos + len > bytes.length) throw new RevocationFormatError('吊销列表：数据截断');
    for (let i = 0; i < len; i++) {
      const b = bytes[pos + i]!;
      if (b === 0) continue;
      for (let k = 0; k < 8; k++) if (b & (1 << k)) ids.push(base + i * 8 + k);
    }
    if (ids.length !== count) throw new RevocationFormatError('吊销列表：数量不符');
    return { ids, next: pos + len, scheme: 'bitmap' };
  }
  throw new RevocationFormatError('吊销列表：未知编码');
}

// ---------------------------------------------------------------------------------------------------------------
// Updates

export interface RevocationUpdate {
  kind: 'delta' | 'full';
  /** For a full snapshot, 0. */
  fromVersion: number;
  toVersion: number;
  added: number[];
  removed: number[];
}

const FORMAT = 1;

export function encodeRevocationUpdate(u: RevocationUpdate, scheme?: IdListScheme): Uint8Array {
  const head: number[] = [FORMAT, u.kind === 'full' ? 1 : 0];
  writeVarint(head, u.kind === 'full' ? 0 : u.fromVersion);
  writeVarint(head, u.toVersion);
  return concatBytes(
    Uint8Array.from(head),
    encodeIdList(u.added, scheme),
    encodeIdList(u.kind === 'full' ? [] : u.removed, scheme),
  );
}

export function decodeRevocationUpdate(bytes: Uint8Array): RevocationUpdate {
  if (bytes.length < 2 || bytes[0] !== FORMAT) throw new RevocationFormatError('吊销列表：格式版本不受支持');
  const kindByte = bytes[1];
  if (kindByte !== 0 && kindByte !== 1) throw new RevocationFormatError('吊销列表：未知类型');
  const [from, p1] = readVarint(bytes, 2);
  const [to, p2] = readVarint(bytes, p1);
  const a = decodeIdList(bytes, p2);
  const r = decodeIdList(bytes, a.next);
  if (r.next !== bytes.length) throw new RevocationFormatError('吊销列表：多余数据');
  if (kindByte === 0 && to < from) throw new RevocationFormatError('吊销列表：版本号倒退');
  return { kind: kindByte === 1 ? 'full' : 'delta', fromVersion: from, toVersion: to, added: a.ids, removed: r.ids };
}

export const REVOCATION_SIGNING_CONTEXT = utf8('shuangsheng/revocation/v1\u0000');

/** `payload ‖ kid (2 bytes) ‖ Ed25519 signature of (context ‖ payload ‖ kid)`. */
export async function signRevocationUpdate(payload: Uint8Array, signer: PassSigner): Promise<Uint8Array> {
  const kid = Uint8Array.of(signer.kid >> 8, signer.kid & 0xff);
  const sig = await signer.sign(concatBytes(REVOCATION_SIGNING_CONTEXT, payload, kid));
  return concatBytes(payload, kid, sig);
}

/** Check the signature of a signed update and decode it. */
export async function openSignedRevocationUpdate(
  signed: Uint8Array,
  verifier: { verify(kid: number, message: Uint8Array, signature: Uint8Array): Promise<boolean> | boolean },
): Promise<{ ok: true; update: RevocationUpdate; kid: number } | { ok: false; message: string }> {
  if (signed.length < 2 + 2 + 64) return { ok: false, message: '吊销列表：数据过短' };
  const payload = signed.slice(0, signed.length - 66);
  const kidBytes = signed.slice(signed.length - 66, signed.length - 64);
  const sig = signed.slice(signed.length - 64);
  const kid = (kidBytes[0]! << 8) | kidBytes[1]!;
  if (!(await verifier.verify(kid, concatBytes(REVOCATION_SIGNING_CONTEXT, payload, kidBytes), sig))) {
    return { ok: false, message: '吊销列表：签名无效，已拒绝' };
  }
  try {
    return { ok: true, update: decodeRevocationUpdate(payload), kid };
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Server-side log

export interface RevocationLog {
  version: number;
  /** passId → valid-until (seconds) of the revoked pass. */
  revoked: ReadonlyMap<number, number>;
  /** Change records, oldest first; versions are consecutive. */
  changes: readonly { version: number; added: readonly number[]; removed: readonly number[] }[];
}

export function emptyRevocationLog(): RevocationLog {
  return { version: 0, revoked: new Map(), changes: [] };
}

function withChange(
  log: RevocationLog,
  revoked: Map<number, number>,
  added: number[],
  removed: number[],
): RevocationLog {
  if (added.length === 0 && removed.length === 0) return { ...log, revoked };
  const version = log.version + 1;
  return {
    version,
    revoked,
    changes: [...log.changes, { version, added: sortedUnique(added), removed: sortedUnique(removed) }],
  };
}

/** Revoke passes (a status change, a lost card). Re-revoking keeps the later validity and records nothing. */
export function revokePasses(
  log: RevocationLog,
  passes: readonly { passId: number; validUntil: number }[],
): RevocationLog {
  const revoked = new Map(log.revoked);
  const added: number[] = [];
  for (const p of passes) {
    const had = revoked.get(p.passId);
    if (had === undefined) added.push(p.passId);
    revoked.set(p.passId, Math.max(had ?? 0, p.validUntil));
  }
  return withChange(log, revoked, added, []);
}

/** Undo revocations made in error. */
export function unrevokePasses(log: RevocationLog, passIds: readonly number[]): RevocationLog {
  const revoked = new Map(log.revoked);
  const removed = passIds.filter((id) => revoked.delete(id));
  return withChange(log, revoked, [], removed);
}

/** Drop revocations of passes that have expired by `nowSeconds` (they are refused as expired anyway). */
export function pruneExpiredRevocations(log: RevocationLog, nowSeconds: number): RevocationLog {
  const revoked = new Map(log.revoked);
  const removed: number[] = [];
  for (const [id, until] of revoked) {
    if (until <= nowSeconds) {
      revoked.delete(id);
      removed.push(id);
    }
  }
  return withChange(log, revoked, [], removed);
}

/** Keep only the last `keep` change records; older devices get a full snapshot. */
export function compactRevocationLog(log: RevocationLog, keep: number): RevocationLog {
  return log.changes.length <= keep ? log : { ...log, changes: log.changes.slice(log.changes.length - keep) };
}

/** What a device at `fromVersion` needs: a delta if the history reaches back, otherwise a full snapshot. */
export function revocationUpdateSince(log: RevocationLog, fromVersion: number): RevocationUpdate {
  const oldestBase = log.changes.length ? log.changes[0]!.version - 1 : log.version;
  if (fromVersion > log.version || fromVersion < oldestBase || fromVersion === 0) {
    return {
      kind: 'full',
      fromVersion: 0,
      toVersion: log.version,
      added: [...log.revoked.keys()].sort((a, b) => a - b),
      removed: [],
    };
  }
  const net = new Map<number, { first: 'add' | 'remove'; last: 'add' | 'remove' }>();
  for (const c of log.changes) {
    if (c.version <= fromVersion) continue;
    for (const [ids, op] of [
      [c.added, 'add'],
      [c.removed, 'remove'],
    ] as const) {
      for (const id of ids) {
        const e = net.get(id);
        if (e) e.last = op;
        else net.set(id, { first: op, last: op });
      }
    }
  }
  const added: number[] = [];
  const removed: number[] = [];
  for (const [id, e] of net) {
    const before = e.first === 'remove';
    const after = e.last === 'add';
    if (before !== after) (after ? added : removed).push(id);
  }
  return {
    kind: 'delta',
    fromVersion,
    toVersion: log.version,
    added: added.sort((a, b) => a - b),
    removed: removed.sort((a, b) => a - b),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Device cache

export interface RevocationCache {
  version: number;
  ids: ReadonlySet<number>;
}

export function emptyRevocationCache(): RevocationCache {
  return { version: 0, ids: new Set() };
}

export type ApplyResult = { ok: true; cache: RevocationCache } | { ok: false; needFullSync: true; message: string };

export function applyRevocationUpdate(cache: RevocationCache, u: RevocationUpdate): ApplyResult {
  if (u.kind === 'full') {
    if (u.toVersion < cache.version) return { ok: false, needFullSync: true, message: '吊销列表：收到的快照比本机旧' };
    return { ok: true, cache: { version: u.toVersion, ids: new Set(u.added) } };
  }
  if (u.fromVersion !== cache.version) {
    return {
      ok: false,
      needFullSync: true,
      message: `吊销列表：本机版本${cache.version}与增量起点${u.fromVersion}不符，需完整同步`,
    };
  }
  const ids = new Set(cache.ids);
  for (const id of u.removed) ids.delete(id);
  for (const id of u.added) ids.add(id);
  return { ok: true, cache: { version: u.toVersion, ids } };
}

/** Serialise the cache for device storage (IndexedDB, localStorage): a full snapshot in the update format. */
export function serialiseRevocationCache(cache: RevocationCache): Uint8Array {
  return encodeRevocationUpdate({
    kind: 'full',
    fromVersion: 0,
    toVersion: cache.version,
    added: [...cache.ids],
    removed: [],
  });
}

export function restoreRevocationCache(bytes: Uint8Array): RevocationCache {
  const u = decodeRevocationUpdate(bytes);
  if (u.kind !== 'full') throw new RevocationFormatError('吊销列表：存储内容不是完整快照');
  return { version: u.toVersion, ids: new Set(u.added) };
}
