/**
 * Ed25519 through the WebCrypto API (`crypto.subtle`), for the browser checkpoint page and for Node 20+. The key
 * material is passed in; nothing here generates or stores keys. The subtle implementation defaults to
 * `globalThis.crypto.subtle` and can be injected.
 */
import { fromBase64Url } from './bytes.ts';
import type { PassKeySet } from './keys.ts';
import type { PassSigner } from './token.ts';

const ED25519 = { name: 'Ed25519' } as const;

function subtleOf(subtle?: SubtleCrypto): SubtleCrypto {
  const s = subtle ?? globalThis.crypto?.subtle;
  if (!s) throw new Error('当前环境不支持 WebCrypto（需要 HTTPS 或 localhost）');
  return s;
}

/** A copy backed by a plain ArrayBuffer, as WebCrypto's BufferSource wants. */
function buf(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(new ArrayBuffer(bytes.length));
  out.set(bytes);
  return out;
}

export async function importPassPublicKey(raw: Uint8Array, subtle?: SubtleCrypto): Promise<CryptoKey> {
  return subtleOf(subtle).importKey('raw', buf(raw), ED25519, false, ['verify']);
}

/** Import a PKCS#8 private key (as exported by `node-crypto.ts` or `subtle.exportKey('pkcs8', …)`). */
export async function importPassPrivateKey(pkcs8: Uint8Array, subtle?: SubtleCrypto): Promise<CryptoKey> {
  return subtleOf(subtle).importKey('pkcs8', buf(pkcs8), ED25519, false, ['sign']);
}

export function webCryptoSigner(kid: number, privateKey: CryptoKey, subtle?: SubtleCrypto): PassSigner {
  const s = subtleOf(subtle);
  return {
    kid,
    async sign(message) {
      return new Uint8Array(await s.sign(ED25519, privateKey, buf(message)));
    },
  };
}

export interface AsyncSignatureVerifier {
  verify(kid: number, message: Uint8Array, signature: Uint8Array): Promise<boolean>;
}

/** Import every key of the set once; `verify` answers false for an unknown kid. */
export async function webCryptoVerifier(keys: PassKeySet, subtle?: SubtleCrypto): Promise<AsyncSignatureVerifier> {
  const s = subtleOf(subtle);
  const imported = new Map<number, CryptoKey>();
  for (const k of keys.keys) imported.set(k.kid, await importPassPublicKey(fromBase64Url(k.publicKey), s));
  return {
    async verify(kid, message, signature) {
      const key = imported.get(kid);
      if (!key) return false;
      return s.verify(ED25519, key, buf(signature), buf(message));
    },
  };
}
