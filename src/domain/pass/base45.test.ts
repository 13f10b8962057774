import { describe, expect, it } from 'vitest';
import { BASE45_CHARSET, Base45Error, base45Decode, base45Encode } from './base45.ts';
import { fromBase64Url, fromHex, toBase64Url, toHex, utf8 } from './bytes.ts';

describe('base45 (RFC 9285 §4.3 examples)', () => {
  it.each([
    ['AB', 'BB8'],
    ['Hello!!', '%69 VD92EX0'],
    ['base-45', 'UJCLQE7W581'],
    ['ietf!', 'QED8WEX0'],
  ])('%s ↔ %s', (plain, encoded) => {
    expect(base45Encode(utf8(plain))).toBe(encoded);
    expect(new TextDecoder().decode(base45Decode(encoded))).toBe(plain);
  });

  it('round-trips every length 0–64 and all byte values', () => {
    for (let n = 0; n <= 64; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + n * 13) & 255);
      expect(base45Decode(base45Encode(bytes))).toEqual(bytes);
    }
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(base45Decode(base45Encode(all))).toEqual(all);
    expect(base45Decode(base45Encode(Uint8Array.of(255, 255)))).toEqual(Uint8Array.of(255, 255));
  });

  it('uses only the QR alphanumeric alphabet', () => {
    const text = base45Encode(Uint8Array.from({ length: 101 }, (_, i) => (i * 37) & 255));
    expect([...text].every((c) => BASE45_CHARSET.includes(c))).toBe(true);
    expect(text).toHaveLength(152);
  });

  it('rejects bad input (RFC 9285 §6)', () => {
    expect(() => base45Decode('GGW')).toThrow(Base45Error); // 65536 + … > 0xffff
    expect(() => base45Decode('ABCD')).toThrow('长度不正确');
    expect(() => base45Decode('aBC')).toThrow('不在字符集中');
    expect(() => base45Decode('::')).toThrow('超出范围');
  });
});

describe('byte helpers', () => {
  it('hex and base64url round-trip', () => {
    const b = Uint8Array.from({ length: 33 }, (_, i) => i * 7);
    expect(fromHex(toHex(b))).toEqual(b);
    for (let n = 0; n < 10; n++) expect(fromBase64Url(toBase64Url(b.slice(0, n)))).toEqual(b.slice(0, n));
    expect(toBase64Url(utf8('ab?'))).toBe('YWI_');
    expect(() => fromHex('abc')).toThrow();
  });
});
