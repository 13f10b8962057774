import { describe, expect, it } from 'vitest';
import { BASE45_CHARSET } from './base45.ts';
import { generatePassKeyPair, nodeSigner } from './node-crypto.ts';
import {
  PASS_LENGTH,
  PASS_PREFIX,
  encodePassBody,
  epochSeconds,
  instantOfSeconds,
  issuePass,
  issuePassSync,
  parsePass,
  passText,
} from './token.ts';
import type { PassClaims } from './token.ts';

const personRef = Uint8Array.from({ length: 16 }, (_, i) => i * 11);
const claims: Omit<PassClaims, 'kid'> = {
  passId: 123_456,
  personRef,
  enterpriseId: 4_000_001,
  status: 'cleared',
  card: false,
  issuedAt: epochSeconds('2020-03-10T09:00:00+08:00'),
  validUntil: epochSeconds('2020-03-12T00:00:00+08:00'),
};
const key = generatePassKeyPair();
const signer = nodeSigner(7, key.privateKeyPkcs8);

describe('pass token layout', () => {
  it('is 101 bytes → SS1: + 152 Base45 characters, all QR alphanumeric', () => {
    const text = issuePassSync(claims, signer);
    expect(text.startsWith(PASS_PREFIX)).toBe(true);
    expect(text).toHaveLength(4 + 152);
    expect([...text].every((c) => BASE45_CHARSET.includes(c))).toBe(true);
    expect(PASS_LENGTH).toBe(101);
  });

  it('round-trips every field', () => {
    const parsed = parsePass(issuePassSync({ ...claims, status: 'central_quarantine', card: true }, signer));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.claims).toEqual({ ...claims, kid: 7, status: 'central_quarantine', card: true });
      expect(parsed.signature).toHaveLength(64);
    }
  });

  it('async signing gives the same layout', async () => {
    const text = await issuePass(claims, signer);
    expect(parsePass(text).ok).toBe(true);
  });

  it('writes big-endian fields at fixed offsets', () => {
    const b = encodePassBody({ ...claims, kid: 0x0102, passId: 0x03040506, enterpriseId: 0x0a0b0c0d });
    expect([...b.slice(0, 7)]).toEqual([1, 1, 2, 3, 4, 5, 6]);
    expect([...b.slice(23, 29)]).toEqual([0x0a, 0x0b, 0x0c, 0x0d, 1, 0]);
  });

  it.each([
    [{ kid: 70_000 }, '密钥编号'],
    [{ passId: -1 }, '通行证编号'],
    [{ enterpriseId: 2 ** 32 }, '企业编号'],
    [{ personRef: new Uint8Array(15) }, '人员标识'],
    [{ validUntil: claims.issuedAt }, '有效期至'],
  ])('rejects bad claims %j', (bad, message) => {
    expect(() => encodePassBody({ ...claims, kid: 1, ...bad })).toThrow(message);
  });
});

describe('parsing untrusted QR text', () => {
  const good = issuePassSync(claims, signer);
  it.each([
    ['https://example.com/', '不是本平台的通行证二维码'],
    ['SS2:' + good.slice(4), '不是本平台的通行证二维码'],
    ['SS1:abc', '二维码内容已损坏'],
    [good.slice(0, -2), '二维码内容长度不正确'],
  ])('%s → %s', (text, reason) => {
    expect(parsePass(text)).toEqual({ ok: false, reason });
  });
  it('tolerates a trailing newline from keyboard-wedge scanners', () => {
    expect(parsePass(`${good}\r\n`).ok).toBe(true);
  });
  it('rejects an unknown version or status code', () => {
    const body = encodePassBody({ ...claims, kid: 7 });
    const sig = new Uint8Array(64);
    const v2 = body.slice();
    v2[0] = 2;
    expect(parsePass(passText(v2, sig))).toEqual({ ok: false, reason: '通行证版本不受支持，请更新核验页面' });
    const st = body.slice();
    st[27] = 99;
    expect(parsePass(passText(st, sig))).toEqual({ ok: false, reason: '通行证状态码无效' });
  });
  it('converts times', () => {
    expect(instantOfSeconds(epochSeconds('2020-03-10T09:00:00+08:00'))).toBe('2020-03-10T01:00:00Z');
    expect(() => epochSeconds('2020-03-10 09:00')).toThrow('须带时区');
  });
});
