/**
 * The checkpoint verifier: works offline with the cached key set and revocation list.
 *
 * Order of checks: format → key id known → key not retired → signature → key's signing period covers the issue
 * time → not yet valid / expired (against the given `now`, with a clock-skew allowance) → revoked → the status
 * admits entry. Nothing from the pass is reported before its signature has been checked.
 */
import type { HealthStatus } from '../health/status.ts';
import { STATUS_INFO } from '../health/status.ts';
import type { KeyCheck, PassKeySet } from './keys.ts';
import { prepareKeys } from './keys.ts';
import type { PassClaims } from './token.ts';
import { instantOfSeconds, parsePass, passSigningMessage, personRefHex } from './token.ts';

export const VERIFY_CODES = [
  'ok',
  'malformed',
  'unknown_key',
  'retired_key',
  'bad_signature',
  'key_period',
  'not_yet_valid',
  'expired',
  'revoked',
  'status_denied',
] as const;
export type VerifyCode = (typeof VERIFY_CODES)[number];

export const VERIFY_REASON: Readonly<Record<VerifyCode, string>> = {
  ok: '核验通过',
  malformed: '二维码无法识别',
  unknown_key: '签发密钥未知，请联网更新核验数据',
  retired_key: '签发密钥已停用，通行证无效',
  bad_signature: '签名无效，通行证可能被伪造或篡改',
  key_period: '签发时间不在该密钥的签发期内，通行证无效',
  not_yet_valid: '通行证尚未生效，请检查本机时间',
  expired: '通行证已过期，请刷新或重新领取',
  revoked: '通行证已作废（状态已变更），请本人查看最新状态',
  status_denied: '当前状态不得进入',
};

export interface VerifyResult {
  ok: boolean;
  code: VerifyCode;
  /** Chinese text for the checkpoint screen. */
  reason: string;
  /** Present once the signature is valid. */
  passId?: number;
  kid?: number;
  /** Pseudonymous person id, hex. */
  personRef?: string;
  enterpriseId?: number;
  status?: HealthStatus;
  statusLabel?: string;
  card?: boolean;
  validUntil?: string;
}

export interface RevocationLookup {
  has(passId: number): boolean;
}

export interface CheckpointOptions {
  keys: PassKeySet;
  revoked: RevocationLookup;
  /** Tolerance for device clocks, seconds (default 300). */
  clockSkewSeconds?: number;
  /** Which statuses are let in (default: STATUS_INFO[s].admitsToWorkplace). */
  admits?: (status: HealthStatus) => boolean;
}

type Verify<R> = (kid: number, message: Uint8Array, signature: Uint8Array) => R;

interface Prepared {
  keys: Map<number, KeyCheck>;
  revoked: RevocationLookup;
  skew: number;
  admits: (s: HealthStatus) => boolean;
}

function prepare(o: CheckpointOptions): Prepared {
  return {
    keys: prepareKeys(o.keys),
    revoked: o.revoked,
    skew: o.clockSkewSeconds ?? 300,
    admits: o.admits ?? ((s) => STATUS_INFO[s].admitsToWorkplace),
  };
}

function fail(code: VerifyCode, extra: Partial<VerifyResult> = {}): VerifyResult {
  return { ok: false, code, reason: VERIFY_REASON[code], ...extra };
}

type Stage1 =
  { done: VerifyResult } | { claims: PassClaims; message: Uint8Array; signature: Uint8Array; key: KeyCheck };

function beforeSignature(p: Prepared, text: string, nowS: number): Stage1 {
  const parsed = parsePass(text);
  if (!parsed.ok) return { done: { ...fail('malformed'), reason: `${VERIFY_REASON.malformed}：${parsed.reason}` } };
  const key = p.keys.get(parsed.claims.kid);
  if (!key) return { done: fail('unknown_key', { kid: parsed.claims.kid }) };
  if (key.retiredAtS !== null && key.retiredAtS <= nowS) return { done: fail('retired_key', { kid: key.kid }) };
  return { claims: parsed.claims, message: passSigningMessage(parsed.body), signature: parsed.signature, key };
}

function afterSignature(p: Prepared, claims: PassClaims, key: KeyCheck, nowS: number): VerifyResult {
  const info: Partial<VerifyResult> = {
    passId: claims.passId,
    kid: claims.kid,
    personRef: personRefHex(claims.personRef),
    enterpriseId: claims.enterpriseId,
    status: claims.status,
    statusLabel: STATUS_INFO[claims.status].label,
    card: claims.card,
    validUntil: instantOfSeconds(claims.validUntil),
  };
  if (
    claims.issuedAt < key.activeFromS - p.skew ||
    (key.signUntilS !== null && claims.issuedAt >= key.signUntilS + p.skew)
  ) {
    return fail('key_period', info);
  }
  if (claims.issuedAt > nowS + p.skew) return fail('not_yet_valid', info);
  if (nowS >= claims.validUntil) return fail('expired', info);
  if (p.revoked.has(claims.passId)) return fail('revoked', info);
  if (!p.admits(claims.status))
    return { ...fail('status_denied', info), reason: `当前状态为${info.statusLabel}，不得进入` };
  return { ok: true, code: 'ok', reason: VERIFY_REASON.ok, ...info };
}

export interface Checkpoint {
  /** Verify with an async signature check (WebCrypto). `now` in milliseconds since the epoch. */
  verify(text: string, nowMs: number): Promise<VerifyResult>;
}

export interface SyncCheckpoint {
  verify(text: string, nowMs: number): VerifyResult;
}

export function createCheckpoint(
  options: CheckpointOptions,
  verifier: { verify: Verify<Promise<boolean> | boolean> },
): Checkpoint {
  const p = prepare(options);
  return {
    async verify(text, nowMs) {
      const nowS = Math.floor(nowMs / 1000);
      const s = beforeSignature(p, text, nowS);
      if ('done' in s) return s.done;
      if (!(await verifier.verify(s.claims.kid, s.message, s.signature)))
        return fail('bad_signature', { kid: s.claims.kid });
      return afterSignature(p, s.claims, s.key, nowS);
    },
  };
}

/** The same checks with a synchronous signature check (node:crypto), for servers and benchmarks. */
export function createSyncCheckpoint(
  options: CheckpointOptions,
  verifier: { verify: Verify<boolean> },
): SyncCheckpoint {
  const p = prepare(options);
  return {
    verify(text, nowMs) {
      const nowS = Math.floor(nowMs / 1000);
      const s = beforeSignature(p, text, nowS);
      if ('done' in s) return s.done;
      if (!verifier.verify(s.claims.kid, s.message, s.signature)) return fail('bad_signature', { kid: s.claims.kid });
      return afterSignature(p, s.claims, s.key, nowS);
    },
  };
}
