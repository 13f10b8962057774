import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { AppConfig } from '../config.ts';

/**
 * Personal data at rest (design.md §6). The installation's two secrets (`piiEncryptionKey`, `piiHashKey`, generated
 * per installation by src/server/config.ts) are never used directly: each purpose gets its own key, derived with
 * HMAC-SHA256(secret, purpose), so a key for one purpose says nothing about another.
 *
 * - Resident ID numbers: AES-256-GCM with a random 96-bit IV, the purpose as associated data; stored as
 *   `v1:` + base64url(iv ‖ ciphertext ‖ tag). Looked up and de-duplicated by HMAC-SHA256 of the normalised number.
 * - Pass signing keys: the same cipher under their own derived key, bound to the key id.
 * - The pseudonymous person id in passes: HMAC under a third derived key (src/domain/pass/node-crypto.ts).
 */
type Secrets = Pick<AppConfig['secrets'], 'piiEncryptionKey' | 'piiHashKey'>;

function secretBytes(secret: string): Buffer {
  return /^[0-9a-f]{64,}$/i.test(secret) ? Buffer.from(secret, 'hex') : Buffer.from(secret, 'utf8');
}

const derived = new Map<string, Buffer>();

/** A 32-byte key for one purpose. */
export function deriveKey(secret: string, purpose: string): Buffer {
  const cacheKey = `${purpose}\u0000${secret}`;
  let key = derived.get(cacheKey);
  if (!key) {
    key = createHmac('sha256', secretBytes(secret)).update(`shuangsheng/${purpose}`).digest();
    derived.set(cacheKey, key);
  }
  return key;
}

export function encryptText(key: Buffer, plain: string, aad: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `v1:${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url')}`;
}

export function decryptText(key: Buffer, stored: string, aad: string): string {
  if (!stored.startsWith('v1:')) throw new Error('密文格式不受支持');
  const raw = Buffer.from(stored.slice(3), 'base64url');
  if (raw.length < 12 + 16) throw new Error('密文已损坏');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(raw.subarray(raw.length - 16));
  return Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString('utf8');
}

export function encryptResidentId(secrets: Secrets, id: string): string {
  return encryptText(deriveKey(secrets.piiEncryptionKey, 'resident-id/aes-256-gcm'), id, 'resident-id');
}

export function decryptResidentId(secrets: Secrets, stored: string): string {
  return decryptText(deriveKey(secrets.piiEncryptionKey, 'resident-id/aes-256-gcm'), stored, 'resident-id');
}

/** Keyed hash of a normalised resident ID number: equal numbers give equal hashes, nothing else can be learnt. */
export function residentIdHash(secrets: Secrets, normalizedId: string): string {
  return createHmac('sha256', deriveKey(secrets.piiHashKey, 'resident-id/lookup')).update(normalizedId).digest('hex');
}

export function encryptPassPrivateKey(secrets: Secrets, kid: number, pkcs8: Uint8Array): string {
  return encryptText(
    deriveKey(secrets.piiEncryptionKey, 'pass-signing-key/aes-256-gcm'),
    Buffer.from(pkcs8).toString('base64'),
    `pass-key:${kid}`,
  );
}

export function decryptPassPrivateKey(secrets: Secrets, kid: number, stored: string): Uint8Array {
  const b64 = decryptText(
    deriveKey(secrets.piiEncryptionKey, 'pass-signing-key/aes-256-gcm'),
    stored,
    `pass-key:${kid}`,
  );
  return new Uint8Array(Buffer.from(b64, 'base64'));
}

/** Secret for the pseudonymous person id written into passes. */
export function personRefSecret(secrets: Secrets): Uint8Array {
  return new Uint8Array(deriveKey(secrets.piiHashKey, 'pass/person-ref'));
}
