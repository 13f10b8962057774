/**
 * Node-only Ed25519 and HMAC helpers (node:crypto): key generation for the server, a synchronous signer, a fast
 * synchronous verifier for benchmarks and server-side checks, and the pseudonymous person id. Never import this
 * file from browser code; the checkpoint page uses `webcrypto.ts`.
 */
import { createHmac, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { concatBytes, fromBase64Url, toBase64Url } from './bytes.ts';
import type { PassKeySet } from './keys.ts';
import { PERSON_REF_LENGTH } from './token.ts';
import type { SyncPassSigner } from './token.ts';

/** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410); the 32 raw key bytes follow. */
const SPKI_ED25519_PREFIX = Uint8Array.of(0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00);

export interface GeneratedPassKey {
  /** Raw 32-byte public key, base64url: what goes into the key set. */
  publicKey: string;
  /** PKCS#8 DER private key: store it encrypted on the server. */
  privateKeyPkcs8: Uint8Array;
}

export function generatePassKeyPair(): GeneratedPassKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const spki = new Uint8Array(publicKey.export({ type: 'spki', format: 'der' }));
  return {
    publicKey: toBase64Url(spki.slice(SPKI_ED25519_PREFIX.length)),
    privateKeyPkcs8: new Uint8Array(privateKey.export({ type: 'pkcs8', format: 'der' })),
  };
}

export function publicKeyObject(raw: Uint8Array): KeyObject {
  if (raw.length !== 32) throw new RangeError('公钥：Ed25519 公钥应为32字节');
  return createPublicKey({ key: Buffer.from(concatBytes(SPKI_ED25519_PREFIX, raw)), format: 'der', type: 'spki' });
}

export function nodeSigner(kid: number, privateKeyPkcs8: Uint8Array): SyncPassSigner {
  const key = createPrivateKey({ key: Buffer.from(privateKeyPkcs8), format: 'der', type: 'pkcs8' });
  return {
    kid,
    sign(message) {
      return new Uint8Array(sign(null, message, key));
    },
  };
}

export interface SyncSignatureVerifier {
  verify(kid: number, message: Uint8Array, signature: Uint8Array): boolean;
}

export function nodeVerifier(keys: PassKeySet): SyncSignatureVerifier {
  const objects = new Map<number, KeyObject>(
    keys.keys.map((k) => [k.kid, publicKeyObject(fromBase64Url(k.publicKey))]),
  );
  return {
    verify(kid, message, signature) {
      const key = objects.get(kid);
      return key ? verify(null, message, key, signature) : false;
    },
  };
}

/**
 * The pseudonymous person id written into passes: HMAC-SHA256(secret, personId) cut to 16 bytes. Without the
 * server's secret a scan log cannot be tied to a person; with it the server maps scans back.
 */
export function derivePersonRef(secret: Uint8Array, personId: string): Uint8Array {
  if (secret.length < 32) throw new RangeError('人员标识密钥：至少32字节');
  return new Uint8Array(createHmac('sha256', secret).update(personId, 'utf8').digest()).slice(0, PERSON_REF_LENGTH);
}
