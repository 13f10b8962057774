import { describe, expect, it } from 'vitest';
import { generatePassKeyPair, nodeSigner, nodeVerifier } from './node-crypto.ts';
import { emptyKeySet, rotateSigningKey } from './keys.ts';
import {
  applyRevocationUpdate,
  compactRevocationLog,
  decodeIdList,
  decodeRevocationUpdate,
  emptyRevocationCache,
  emptyRevocationLog,
  encodeIdList,
  encodeRevocationUpdate,
  openSignedRevocationUpdate,
  pruneExpiredRevocations,
  readVarint,
  restoreRevocationCache,
  revocationUpdateSince,
  revokePasses,
  serialiseRevocationCache,
  signRevocationUpdate,
  unrevokePasses,
  writeVarint,
} from './revocation.ts';
import type { RevocationCache, RevocationLog } from './revocation.ts';

describe('varints', () => {
  it.each([0, 1, 127, 128, 300, 16383, 16384, 2 ** 32 - 1, 2 ** 40])('%s round-trips', (n) => {
    const out: number[] = [];
    writeVarint(out, n);
    expect(readVarint(Uint8Array.from(out), 0)).toEqual([n, out.length]);
  });
  it('sizes: 1 byte below 128, 2 below 16384', () => {
    const size = (n: number) => {
      const o: number[] = [];
      writeVarint(o, n);
      return o.length;
    };
    expect([size(127), size(128), size(16383), size(16384)]).toEqual([1, 2, 2, 3]);
  });
  it('rejects truncated input', () => {
    expect(() => readVarint(Uint8Array.of(0x80), 0)).toThrow('数据截断');
  });
});

describe('id lists: delta-varint or bitmap, whichever is smaller', () => {
  const sparse = [5, 1000, 70_000, 4_000_000_000];
  const dense = Array.from({ length: 500 }, (_, i) => 10_000 + i * 2);
  it.each([
    ['sparse', sparse],
    ['dense', dense],
    ['empty', []],
  ])('%s round-trips in both schemes', (_n, ids) => {
    for (const scheme of ['delta-varint', 'bitmap'] as const) {
      if (scheme === 'bitmap' && ids === sparse) continue; // a 500 MB bitmap is the point of choosing
      const enc = encodeIdList(ids, scheme);
      const dec = decodeIdList(enc, 0);
      expect(dec.ids).toEqual(ids);
      expect(dec.scheme).toBe(scheme);
      expect(dec.next).toBe(enc.length);
    }
  });
  it('chooses delta-varint for sparse ids and the bitmap for dense ones', () => {
    expect(decodeIdList(encodeIdList(sparse), 0).scheme).toBe('delta-varint');
    expect(decodeIdList(encodeIdList(dense), 0).scheme).toBe('bitmap');
    expect(encodeIdList(dense).length).toBeLessThan(encodeIdList(dense, 'delta-varint').length);
  });
  it('sorts and de-duplicates', () => {
    expect(decodeIdList(encodeIdList([9, 3, 3, 7]), 0).ids).toEqual([3, 7, 9]);
  });
});

describe('server log → deltas → device cache', () => {
  let log: RevocationLog = emptyRevocationLog();
  log = revokePasses(log, [
    { passId: 10, validUntil: 1000 },
    { passId: 20, validUntil: 5000 },
  ]); // v1
  log = revokePasses(log, [{ passId: 30, validUntil: 5000 }]); // v2
  log = unrevokePasses(log, [10]); // v3
  log = revokePasses(log, [{ passId: 40, validUntil: 900 }]); // v4
  log = pruneExpiredRevocations(log, 1000); // v5: 40 expired (10 already gone)

  it('keeps versions and the live set', () => {
    expect(log.version).toBe(5);
    expect([...log.revoked.keys()].sort()).toEqual([20, 30]);
    expect(log.changes.map((c) => [c.version, c.added, c.removed])).toEqual([
      [1, [10, 20], []],
      [2, [30], []],
      [3, [], [10]],
      [4, [40], []],
      [5, [], [40]],
    ]);
  });

  it('re-revoking changes nothing visible', () => {
    const again = revokePasses(log, [{ passId: 20, validUntil: 9000 }]);
    expect(again.version).toBe(5);
    expect(again.revoked.get(20)).toBe(9000);
  });

  it('a delta gives the net change: added-then-removed ids are not sent', () => {
    expect(revocationUpdateSince(log, 2)).toEqual({
      kind: 'delta',
      fromVersion: 2,
      toVersion: 5,
      added: [],
      removed: [10],
    });
    expect(revocationUpdateSince(log, 1)).toEqual({
      kind: 'delta',
      fromVersion: 1,
      toVersion: 5,
      added: [30],
      removed: [10],
    });
    expect(revocationUpdateSince(log, 5)).toEqual({
      kind: 'delta',
      fromVersion: 5,
      toVersion: 5,
      added: [],
      removed: [],
    });
  });

  it('a new device gets a full snapshot', () => {
    expect(revocationUpdateSince(log, 0)).toEqual({
      kind: 'full',
      fromVersion: 0,
      toVersion: 5,
      added: [20, 30],
      removed: [],
    });
  });

  it('after compaction an old device gets a full snapshot', () => {
    const c = compactRevocationLog(log, 2);
    expect(revocationUpdateSince(c, 3).kind).toBe('delta');
    expect(revocationUpdateSince(c, 2).kind).toBe('full');
  });

  it('a device synced at any earlier version reaches the server’s set, through the binary encoding', () => {
    let l = emptyRevocationLog();
    const history: RevocationLog[] = [l];
    const steps: ((x: RevocationLog) => RevocationLog)[] = [
      (x) =>
        revokePasses(x, [
          { passId: 10, validUntil: 1000 },
          { passId: 20, validUntil: 5000 },
        ]),
      (x) => revokePasses(x, [{ passId: 30, validUntil: 5000 }]),
      (x) => unrevokePasses(x, [10]),
      (x) => revokePasses(x, [{ passId: 40, validUntil: 900 }]),
      (x) => pruneExpiredRevocations(x, 1000),
    ];
    for (const step of steps) history.push((l = step(l)));
    // A device follows the server step by step, then one device per intermediate version jumps to the end.
    let cache = emptyRevocationCache();
    for (const h of history.slice(1)) {
      const r = applyRevocationUpdate(
        cache,
        decodeRevocationUpdate(encodeRevocationUpdate(revocationUpdateSince(h, cache.version))),
      );
      if (!r.ok) throw new Error(r.message);
      cache = r.cache;
      expect([...cache.ids].sort()).toEqual([...h.revoked.keys()].sort());
      expect(cache.version).toBe(h.version);
    }
    for (const h of history) {
      const device: RevocationCache = { version: h.version, ids: new Set(h.revoked.keys()) };
      const r = applyRevocationUpdate(
        device,
        decodeRevocationUpdate(encodeRevocationUpdate(revocationUpdateSince(l, device.version))),
      );
      expect(r.ok && [...r.cache.ids].sort()).toEqual([20, 30]);
      expect(r.ok && r.cache.version).toBe(5);
    }
  });

  it('a delta that does not start at the device version asks for a full sync', () => {
    const r = applyRevocationUpdate({ version: 3, ids: new Set([20, 30]) }, revocationUpdateSince(log, 1));
    expect(r).toEqual({ ok: false, needFullSync: true, message: '吊销列表：本机版本3与增量起点1不符，需完整同步' });
  });

  it('the device stores and restores its cache', () => {
    const cache: RevocationCache = { version: 5, ids: new Set([20, 30]) };
    const back = restoreRevocationCache(serialiseRevocationCache(cache));
    expect(back.version).toBe(5);
    expect([...back.ids]).toEqual([20, 30]);
  });

  it('rejects malformed updates', () => {
    expect(() => decodeRevocationUpdate(Uint8Array.of(2, 0))).toThrow('格式版本不受支持');
    const good = encodeRevocationUpdate(revocationUpdateSince(log, 1));
    expect(() => decodeRevocationUpdate(good.slice(0, good.length - 1))).toThrow();
    expect(() => decodeRevocationUpdate(Uint8Array.from([...good, 0]))).toThrow('多余数据');
  });
});

describe('signed updates', () => {
  const k = generatePassKeyPair();
  const set = rotateSigningKey(emptyKeySet(), { kid: 3, publicKey: k.publicKey }, '2020-02-01T00:00:00+08:00');
  if (!set.ok) throw new Error(set.message);
  const verifier = nodeVerifier(set.value);
  const payload = encodeRevocationUpdate({ kind: 'delta', fromVersion: 4, toVersion: 5, added: [7, 8], removed: [1] });

  it('a device accepts an update signed by a platform key', async () => {
    const signed = await signRevocationUpdate(payload, nodeSigner(3, k.privateKeyPkcs8));
    const r = await openSignedRevocationUpdate(signed, verifier);
    expect(r).toEqual({
      ok: true,
      kid: 3,
      update: { kind: 'delta', fromVersion: 4, toVersion: 5, added: [7, 8], removed: [1] },
    });
  });

  it('and refuses a modified one', async () => {
    const signed = await signRevocationUpdate(payload, nodeSigner(3, k.privateKeyPkcs8));
    signed[4] = signed[4]! ^ 1;
    expect(await openSignedRevocationUpdate(signed, verifier)).toEqual({
      ok: false,
      message: '吊销列表：签名无效，已拒绝',
    });
  });
});
