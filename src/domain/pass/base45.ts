/**
 * Base45 (RFC 9285): bytes → the 45-character alphabet of QR alphanumeric mode (0-9, A-Z, space, $ % * + - . / :),
 * which a QR code stores in 5.5 bits per character — about 6 % denser than bytes mode for binary data, and the
 * encoding of the EU Digital COVID Certificate.
 *
 * Two bytes [a, b] → n = a·256 + b → three characters c, d, e with n = c + d·45 + e·45²; a trailing single byte → two
 * characters. Decoding rejects characters outside the alphabet, a dangling single character and triples above 65535.
 */

export const BASE45_CHARSET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

const INDEX = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE45_CHARSET.length; i++) INDEX[BASE45_CHARSET.charCodeAt(i)] = i;

export function base45Encode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    let n = bytes[i]! * 256 + bytes[i + 1]!;
    const c = n % 45;
    n = (n - c) / 45;
    const d = n % 45;
    const e = (n - d) / 45;
    out += BASE45_CHARSET[c]! + BASE45_CHARSET[d]! + BASE45_CHARSET[e]!;
  }
  if (bytes.length % 2 === 1) {
    const n = bytes[bytes.length - 1]!;
    out += BASE45_CHARSET[n % 45]! + BASE45_CHARSET[Math.floor(n / 45)]!;
  }
  return out;
}

export class Base45Error extends Error {
  override name = 'Base45Error';
}

function value(text: string, i: number): number {
  const code = text.charCodeAt(i);
  const v = code < 128 ? INDEX[code]! : -1;
  if (v < 0) throw new Base45Error(`Base45：第${i + 1}个字符“${text[i]}”不在字符集中`);
  return v;
}

export function base45Decode(text: string): Uint8Array {
  if (text.length % 3 === 1) throw new Base45Error('Base45：长度不正确');
  const out = new Uint8Array(Math.floor(text.length / 3) * 2 + (text.length % 3 === 2 ? 1 : 0));
  let o = 0;
  let i = 0;
  for (; i + 2 < text.length; i += 3) {
    const n = value(text, i) + value(text, i + 1) * 45 + value(text, i + 2) * 2025;
    if (n > 0xffff) throw new Base45Error('Base45：数值超出范围');
    out[o++] = n >> 8;
    out[o++] = n & 0xff;
  }
  if (i < text.length) {
    const n = value(text, i) + value(text, i + 1) * 45;
    if (n > 0xff) throw new Base45Error('Base45：数值超出范围');
    out[o++] = n;
  }
  return out;
}
