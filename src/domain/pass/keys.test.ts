import { describe, expect, it } from 'vitest';
import { toBase64Url } from './bytes.ts';
import { emptyKeySet, prepareKeys, retireKey, rotateSigningKey, signingKeyAt } from './keys.ts';
import type { KeyResult, PassKeySet } from './keys.ts';

const pk = (n: number) => toBase64Url(new Uint8Array(32).fill(n));
function ok(r: KeyResult): PassKeySet {
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

describe('pass key rotation', () => {
  const one = ok(rotateSigningKey(emptyKeySet(), { kid: 1, publicKey: pk(1) }, '2020-02-01T00:00:00+08:00'));
  const two = ok(rotateSigningKey(one, { kid: 2, publicKey: pk(2) }, '2020-03-01T00:00:00+08:00'));

  it('the newest key signs; the old one stops signing at the rotation but stays trusted', () => {
    expect(two.version).toBe(2);
    expect(signingKeyAt(one, '2020-02-15T00:00:00+08:00')?.kid).toBe(1);
    expect(signingKeyAt(two, '2020-02-29T23:59:59+08:00')?.kid).toBe(1);
    expect(signingKeyAt(two, '2020-03-01T00:00:00+08:00')?.kid).toBe(2);
    expect(two.keys[0]).toMatchObject({ kid: 1, signUntil: '2020-03-01T00:00:00+08:00' });
    expect(two.keys[0]!.retiredAt).toBeUndefined();
    expect(signingKeyAt(two, '2020-01-01T00:00:00+08:00')).toBeNull();
  });

  it('key ids are never reused and keys must be 32-byte Ed25519 keys', () => {
    expect(rotateSigningKey(two, { kid: 1, publicKey: pk(3) }, '2020-04-01T00:00:00+08:00')).toEqual({
      ok: false,
      message: '密钥编号：1已使用过，不能重复使用',
    });
    expect(rotateSigningKey(two, { kid: 70000, publicKey: pk(3) }, '2020-04-01T00:00:00+08:00').ok).toBe(false);
    expect(
      rotateSigningKey(two, { kid: 3, publicKey: toBase64Url(new Uint8Array(31)) }, '2020-04-01T00:00:00+08:00'),
    ).toEqual({
      ok: false,
      message: '公钥：Ed25519 公钥应为32字节',
    });
  });

  it('retiring needs a reason, and a retired signing key no longer signs', () => {
    expect(retireKey(two, 2, '2020-03-05T00:00:00+08:00', ' ')).toEqual({ ok: false, message: '停用原因：请填写' });
    expect(retireKey(two, 9, '2020-03-05T00:00:00+08:00', 'x')).toEqual({ ok: false, message: '密钥编号：9不存在' });
    const r = ok(retireKey(two, 2, '2020-03-05T00:00:00+08:00', '私钥泄露'));
    expect(signingKeyAt(r, '2020-03-06T00:00:00+08:00')).toBeNull();
    expect(retireKey(r, 2, '2020-03-06T00:00:00+08:00', '再次').ok).toBe(false);
    expect(prepareKeys(r).get(2)).toMatchObject({ retiredAtS: 1583337600, signUntilS: 1583337600 });
  });
});
