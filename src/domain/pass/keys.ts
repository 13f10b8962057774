/**
 * Pass signing keys and their rotation. A key set lists the public keys a checkpoint trusts; devices cache it and
 * replace it whenever the server's `version` is newer (it is a few hundred bytes).
 *
 * Life of a key: it signs passes from `activeFrom`; on rotation its signing period ends (`signUntil`) but it keeps
 * verifying the passes it signed until they expire; once it must no longer be trusted (all its passes have expired,
 * or it leaked) it is retired (`retiredAt`) and every pass it signed is refused. Key ids are never reused.
 */
import { fromBase64Url } from './bytes.ts';

export type Instant = string;

export interface PassKey {
  /** 0–65535, written into every pass. */
  kid: number;
  /** Raw 32-byte Ed25519 public key, base64url. */
  publicKey: string;
  activeFrom: Instant;
  signUntil?: Instant;
  retiredAt?: Instant;
  retiredReason?: string;
}

export interface PassKeySet {
  version: number;
  keys: PassKey[];
}

export type KeyResult = { ok: true; value: PassKeySet } | { ok: false; message: string };

function toMs(instant: Instant): number {
  const ms = new Date(instant).getTime();
  if (!/[zZ]|[+-]\d{2}:\d{2}$/.test(instant) || Number.isNaN(ms))
    throw new Error(`时间格式错误（须带时区）：${instant}`);
  return ms;
}

export function emptyKeySet(): PassKeySet {
  return { version: 0, keys: [] };
}

/**
 * Add a new signing key at `now`: the current signing key stops signing (it still verifies). This is both the first
 * key and every rotation.
 */
export function rotateSigningKey(set: PassKeySet, key: { kid: number; publicKey: string }, now: Instant): KeyResult {
  if (!Number.isInteger(key.kid) || key.kid < 0 || key.kid > 0xffff)
    return { ok: false, message: '密钥编号：应为0–65535的整数' };
  if (set.keys.some((k) => k.kid === key.kid))
    return { ok: false, message: `密钥编号：${key.kid}已使用过，不能重复使用` };
  let raw: Uint8Array;
  try {
    raw = fromBase64Url(key.publicKey);
  } catch {
    return { ok: false, message: '公钥：Base64URL 格式错误' };
  }
  if (raw.length !== 32) return { ok: false, message: '公钥：Ed25519 公钥应为32字节' };
  toMs(now);
  const keys = set.keys.map((k) =>
    k.signUntil === undefined && k.retiredAt === undefined ? { ...k, signUntil: now } : k,
  );
  keys.push({ kid: key.kid, publicKey: key.publicKey, activeFrom: now });
  return { ok: true, value: { version: set.version + 1, keys } };
}

/** Stop trusting a key at `now`: passes it signed are refused from then on. */
export function retireKey(set: PassKeySet, kid: number, now: Instant, reason: string): KeyResult {
  const key = set.keys.find((k) => k.kid === kid);
  if (!key) return { ok: false, message: `密钥编号：${kid}不存在` };
  if (key.retiredAt !== undefined) return { ok: false, message: `密钥编号：${kid}已停用` };
  if (!reason.trim()) return { ok: false, message: '停用原因：请填写' };
  toMs(now);
  return {
    ok: true,
    value: {
      version: set.version + 1,
      keys: set.keys.map((k) =>
        k.kid === kid
          ? { ...k, retiredAt: now, retiredReason: reason.trim(), ...(k.signUntil ? {} : { signUntil: now }) }
          : k,
      ),
    },
  };
}

/** The key that signs new passes at `now`, or null. */
export function signingKeyAt(set: PassKeySet, now: Instant): PassKey | null {
  const t = toMs(now);
  let best: PassKey | null = null;
  for (const k of set.keys) {
    if (k.retiredAt !== undefined && toMs(k.retiredAt) <= t) continue;
    if (toMs(k.activeFrom) > t) continue;
    if (k.signUntil !== undefined && toMs(k.signUntil) <= t) continue;
    if (!best || toMs(k.activeFrom) > toMs(best.activeFrom)) best = k;
  }
  return best;
}

/** Key data prepared for fast checks at a checkpoint (times in seconds since the epoch). */
export interface KeyCheck {
  kid: number;
  raw: Uint8Array;
  activeFromS: number;
  signUntilS: number | null;
  retiredAtS: number | null;
}

export function prepareKeys(set: PassKeySet): Map<number, KeyCheck> {
  const out = new Map<number, KeyCheck>();
  for (const k of set.keys) {
    out.set(k.kid, {
      kid: k.kid,
      raw: fromBase64Url(k.publicKey),
      activeFromS: Math.floor(toMs(k.activeFrom) / 1000),
      signUntilS: k.signUntil === undefined ? null : Math.floor(toMs(k.signUntil) / 1000),
      retiredAtS: k.retiredAt === undefined ? null : Math.floor(toMs(k.retiredAt) / 1000),
    });
  }
  return out;
}
