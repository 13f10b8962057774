import { describe, expect, it } from 'vitest';
import { retireKey, rotateSigningKey, emptyKeySet } from './keys.ts';
import type { PassKeySet } from './keys.ts';
import { generatePassKeyPair, nodeSigner, nodeVerifier } from './node-crypto.ts';
import { emptyRevocationCache } from './revocation.ts';
import { epochSeconds, issuePass, issuePassSync } from './token.ts';
import type { PassClaims } from './token.ts';
import { createCheckpoint, createSyncCheckpoint } from './verify.ts';
import { importPassPrivateKey, webCryptoSigner, webCryptoVerifier } from './webcrypto.ts';

const k1 = generatePassKeyPair();
const k2 = generatePassKeyPair();
const ROT = '2020-03-01T00:00:00+08:00';
const keys: PassKeySet = (() => {
  const a = rotateSigningKey(emptyKeySet(), { kid: 1, publicKey: k1.publicKey }, '2020-02-01T00:00:00+08:00');
  if (!a.ok) throw new Error(a.message);
  const b = rotateSigningKey(a.value, { kid: 2, publicKey: k2.publicKey }, ROT);
  if (!b.ok) throw new Error(b.message);
  return b.value;
})();
const s1 = nodeSigner(1, k1.privateKeyPkcs8);
const s2 = nodeSigner(2, k2.privateKeyPkcs8);

const ISSUED = epochSeconds('2020-03-10T09:00:00+08:00');
const claims: Omit<PassClaims, 'kid'> = {
  passId: 42,
  personRef: new Uint8Array(16).fill(9),
  enterpriseId: 77,
  status: 'cleared',
  card: false,
  issuedAt: ISSUED,
  validUntil: epochSeconds('2020-03-12T00:00:00+08:00'),
};
const NOW = epochSeconds('2020-03-10T10:00:00+08:00') * 1000;

const revoked = new Set<number>([1000]);
const sync = createSyncCheckpoint({ keys, revoked }, nodeVerifier(keys));

describe('checkpoint verification (node:crypto path)', () => {
  it('a good pass passes, with what the guard needs', () => {
    const r = sync.verify(issuePassSync(claims, s2), NOW);
    expect(r).toMatchObject({
      ok: true,
      code: 'ok',
      reason: '核验通过',
      passId: 42,
      kid: 2,
      personRef: '09'.repeat(16),
      enterpriseId: 77,
      status: 'cleared',
      statusLabel: '可返岗',
      validUntil: '2020-03-11T16:00:00Z',
    });
  });

  it('a tampered pass fails the signature, and nothing from it is shown', () => {
    const text = issuePassSync(claims, s2);
    const tampered = issuePassSync({ ...claims, status: 'cleared', enterpriseId: 78 }, s2);
    // Take the body of one and the signature of the other.
    const mixed = tampered.slice(0, 4 + 56) + text.slice(4 + 56);
    const r = sync.verify(mixed, NOW);
    expect(r).toEqual({ ok: false, code: 'bad_signature', reason: '签名无效，通行证可能被伪造或篡改', kid: 2 });
  });

  it('a pass signed by a key the checkpoint does not know', () => {
    const rogue = nodeSigner(9, generatePassKeyPair().privateKeyPkcs8);
    expect(sync.verify(issuePassSync(claims, rogue), NOW).code).toBe('unknown_key');
  });

  it('a known kid with a foreign private key → bad signature', () => {
    const forged = nodeSigner(2, generatePassKeyPair().privateKeyPkcs8);
    expect(sync.verify(issuePassSync(claims, forged), NOW).code).toBe('bad_signature');
  });

  it('validity window: expired at valid-until, not yet valid beyond the clock skew', () => {
    const text = issuePassSync(claims, s2);
    expect(sync.verify(text, (claims.validUntil - 1) * 1000).ok).toBe(true);
    expect(sync.verify(text, claims.validUntil * 1000)).toMatchObject({
      ok: false,
      code: 'expired',
      reason: '通行证已过期，请刷新或重新领取',
    });
    expect(sync.verify(text, (ISSUED - 300) * 1000).ok).toBe(true);
    expect(sync.verify(text, (ISSUED - 301) * 1000).code).toBe('not_yet_valid');
  });

  it('revoked pass', () => {
    expect(sync.verify(issuePassSync({ ...claims, passId: 1000 }, s2), NOW)).toMatchObject({
      ok: false,
      code: 'revoked',
      reason: '通行证已作废（状态已变更），请本人查看最新状态',
    });
  });

  it('authentic pass whose status does not admit entry', () => {
    const r = sync.verify(issuePassSync({ ...claims, status: 'home_monitoring' }, s2), NOW);
    expect(r).toMatchObject({
      ok: false,
      code: 'status_denied',
      reason: '当前状态为居家健康监测，不得进入',
      statusLabel: '居家健康监测',
    });
  });

  it('malformed text', () => {
    expect(sync.verify('hello', NOW)).toEqual({
      ok: false,
      code: 'malformed',
      reason: '二维码无法识别：不是本平台的通行证二维码',
    });
  });
});

describe('key rotation', () => {
  it('the rotated-out key still verifies passes it signed in its period', () => {
    const old = issuePassSync(
      {
        ...claims,
        issuedAt: epochSeconds('2020-02-28T09:00:00+08:00'),
        validUntil: epochSeconds('2020-03-31T00:00:00+08:00'),
        card: true,
      },
      s1,
    );
    expect(sync.verify(old, NOW).ok).toBe(true);
  });

  it('but passes it "signed" after its signing period are refused', () => {
    const late = issuePassSync(claims, s1); // issued 2020-03-10, key 1 stopped signing on 03-01
    expect(sync.verify(late, NOW).code).toBe('key_period');
  });

  it('a retired key verifies nothing from its retirement on', () => {
    const r = retireKey(keys, 1, '2020-03-10T09:30:00+08:00', '私钥疑似泄露');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const cp = createSyncCheckpoint({ keys: r.value, revoked }, nodeVerifier(r.value));
    const old = issuePassSync(
      {
        ...claims,
        issuedAt: epochSeconds('2020-02-28T09:00:00+08:00'),
        validUntil: epochSeconds('2020-03-31T00:00:00+08:00'),
      },
      s1,
    );
    expect(cp.verify(old, epochSeconds('2020-03-10T09:29:00+08:00') * 1000).ok).toBe(true);
    expect(cp.verify(old, NOW)).toMatchObject({ ok: false, code: 'retired_key', reason: '签发密钥已停用，通行证无效' });
  });
});

describe('WebCrypto path (browser checkpoint) agrees with node:crypto', () => {
  it('verifies node-signed passes and signs passes node verifies', async () => {
    const verifier = await webCryptoVerifier(keys);
    const cp = createCheckpoint({ keys, revoked: emptyRevocationCache().ids }, verifier);
    const byNode = issuePassSync(claims, s2);
    expect((await cp.verify(byNode, NOW)).ok).toBe(true);

    const webSigner = webCryptoSigner(2, await importPassPrivateKey(k2.privateKeyPkcs8));
    const byWeb = await issuePass(claims, webSigner);
    expect(sync.verify(byWeb, NOW).ok).toBe(true);
    expect(byWeb).toBe(byNode); // Ed25519 is deterministic

    const bad = byNode.slice(0, -2) + (byNode.endsWith('00') ? '11' : '00');
    expect((await cp.verify(bad, NOW)).ok).toBe(false);
  });
});
