/**
 * The pass token (电子通行证 / 员工证): a compact binary record signed with Ed25519, written into a QR code as
 * `SS1:` + Base45 (RFC 9285) so the whole text fits QR alphanumeric mode.
 *
 * Layout, version 1 (big-endian, 37 bytes signed + 64 bytes signature = 101 bytes → 152 Base45 characters):
 *
 * | offset | size | field                                                                  |
 * | ------ | ---- | ---------------------------------------------------------------------- |
 * | 0      | 1    | version = 1                                                            |
 * | 1      | 2    | key id                                                                 |
 * | 3      | 4    | pass id (revocation lists name passes by it)                           |
 * | 7      | 16   | pseudonymous person id (keyed hash of the person id; no name, no ID)   |
 * | 23     | 4    | enterprise number (the platform's numeric id for the enterprise)       |
 * | 27     | 1    | status (`STATUS_INFO[s].passCode`)                                     |
 * | 28     | 1    | flags: bit 0 = printed card (员工证, seed 004 L23)                      |
 * | 29     | 4    | issued at, seconds since 1970-01-01T00:00:00Z                          |
 * | 33     | 4    | valid until, seconds since the epoch                                   |
 * | 37     | 64   | Ed25519 signature of `PASS_SIGNING_CONTEXT ‖ bytes 0–36`               |
 *
 * The signing context separates pass signatures from anything else the same key signs (revocation updates use
 * another context). Seconds in 32 bits last until 2106.
 */
import { base45Decode, base45Encode } from './base45.ts';
import { concatBytes, toHex, utf8 } from './bytes.ts';
import type { HealthStatus } from '../health/status.ts';
import { STATUS_INFO, statusFromPassCode } from '../health/status.ts';

export const PASS_PREFIX = 'SS1:';
export const PASS_VERSION = 1;
export const PASS_BODY_LENGTH = 37;
export const SIGNATURE_LENGTH = 64;
export const PASS_LENGTH = PASS_BODY_LENGTH + SIGNATURE_LENGTH;
export const PERSON_REF_LENGTH = 16;
export const PASS_SIGNING_CONTEXT = utf8('shuangsheng/pass/v1\u0000');

export const FLAG_CARD = 1;

export interface PassClaims {
  kid: number;
  passId: number;
  /** 16 bytes. */
  personRef: Uint8Array;
  enterpriseId: number;
  status: HealthStatus;
  /** Printed card (员工证) rather than a phone pass. */
  card: boolean;
  /** Seconds since the epoch. */
  issuedAt: number;
  validUntil: number;
}

/** Something that signs with the private key of `kid`: WebCrypto (`webcrypto.ts`) or node:crypto (`node-crypto.ts`). */
export interface PassSigner {
  kid: number;
  sign(message: Uint8Array): Promise<Uint8Array> | Uint8Array;
}

function u32(name: string, n: number): number {
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new RangeError(`${name}：应为0–4294967295的整数`);
  return n;
}

export function encodePassBody(c: PassClaims): Uint8Array {
  if (!Number.isInteger(c.kid) || c.kid < 0 || c.kid > 0xffff) throw new RangeError('密钥编号：应为0–65535的整数');
  if (c.personRef.length !== PERSON_REF_LENGTH) throw new RangeError('人员标识：应为16字节');
  if (!(c.status in STATUS_INFO)) throw new RangeError('状态：不是有效的返岗状态');
  u32('通行证编号', c.passId);
  u32('企业编号', c.enterpriseId);
  u32('签发时间', c.issuedAt);
  u32('有效期至', c.validUntil);
  if (c.validUntil <= c.issuedAt) throw new RangeError('有效期至：必须晚于签发时间');
  const b = new Uint8Array(PASS_BODY_LENGTH);
  const v = new DataView(b.buffer);
  v.setUint8(0, PASS_VERSION);
  v.setUint16(1, c.kid);
  v.setUint32(3, c.passId);
  b.set(c.personRef, 7);
  v.setUint32(23, c.enterpriseId);
  v.setUint8(27, STATUS_INFO[c.status].passCode);
  v.setUint8(28, c.card ? FLAG_CARD : 0);
  v.setUint32(29, c.issuedAt);
  v.setUint32(33, c.validUntil);
  return b;
}

/** The bytes that are signed: context ‖ body. */
export function passSigningMessage(body: Uint8Array): Uint8Array {
  return concatBytes(PASS_SIGNING_CONTEXT, body);
}

export function passText(body: Uint8Array, signature: Uint8Array): string {
  if (signature.length !== SIGNATURE_LENGTH) throw new RangeError('签名：应为64字节');
  return PASS_PREFIX + base45Encode(concatBytes(body, signature));
}

/** Sign the claims with `signer` (its kid is written into the pass) and return the QR text. */
export async function issuePass(claims: Omit<PassClaims, 'kid'>, signer: PassSigner): Promise<string> {
  const body = encodePassBody({ ...claims, kid: signer.kid });
  return passText(body, await signer.sign(passSigningMessage(body)));
}

/** A signer that answers at once (node:crypto); it is also a PassSigner. */
export interface SyncPassSigner {
  kid: number;
  sign(message: Uint8Array): Uint8Array;
}

/** Same with a synchronous signer (node:crypto). */
export function issuePassSync(claims: Omit<PassClaims, 'kid'>, signer: SyncPassSigner): string {
  const body = encodePassBody({ ...claims, kid: signer.kid });
  return passText(body, signer.sign(passSigningMessage(body)));
}

export type ParsedPass =
  { ok: true; claims: PassClaims; body: Uint8Array; signature: Uint8Array } | { ok: false; reason: string };

/** Parse QR text. Checks only the format; the signature is checked by `verify.ts`. */
export function parsePass(text: string): ParsedPass {
  const t = text.replace(/[\r\n]+$/, '');
  if (!t.startsWith(PASS_PREFIX)) return { ok: false, reason: '不是本平台的通行证二维码' };
  let bytes: Uint8Array;
  try {
    bytes = base45Decode(t.slice(PASS_PREFIX.length));
  } catch {
    return { ok: false, reason: '二维码内容已损坏' };
  }
  if (bytes.length !== PASS_LENGTH) return { ok: false, reason: '二维码内容长度不正确' };
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (v.getUint8(0) !== PASS_VERSION) return { ok: false, reason: '通行证版本不受支持，请更新核验页面' };
  const status = statusFromPassCode(v.getUint8(27));
  if (status === null) return { ok: false, reason: '通行证状态码无效' };
  const flags = v.getUint8(28);
  if ((flags & ~FLAG_CARD) !== 0) return { ok: false, reason: '通行证标志位无效' };
  const claims: PassClaims = {
    kid: v.getUint16(1),
    passId: v.getUint32(3),
    personRef: bytes.slice(7, 23),
    enterpriseId: v.getUint32(23),
    status,
    card: (flags & FLAG_CARD) !== 0,
    issuedAt: v.getUint32(29),
    validUntil: v.getUint32(33),
  };
  if (claims.validUntil <= claims.issuedAt) return { ok: false, reason: '通行证有效期无效' };
  return { ok: true, claims, body: bytes.slice(0, PASS_BODY_LENGTH), signature: bytes.slice(PASS_BODY_LENGTH) };
}

export function personRefHex(ref: Uint8Array): string {
  return toHex(ref);
}

/** Seconds since the epoch of an ISO instant with offset. */
export function epochSeconds(instant: string): number {
  const ms = new Date(instant).getTime();
  if (!/[zZ]|[+-]\d{2}:\d{2}$/.test(instant) || Number.isNaN(ms))
    throw new Error(`时间格式错误（须带时区）：${instant}`);
  return Math.floor(ms / 1000);
}

export function instantOfSeconds(s: number): string {
  return new Date(s * 1000).toISOString().replace('.000Z', 'Z');
}
