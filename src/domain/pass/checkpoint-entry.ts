/**
 * Everything the offline checkpoint page needs, in one browser-safe entry (no node:crypto): the verifier, the
 * WebCrypto signature check, the key set, the revocation cache and the scan-log queue.
 */
export { createCheckpoint, VERIFY_CODES, VERIFY_REASON } from './verify.ts';
export type { Checkpoint, CheckpointOptions, VerifyCode, VerifyResult } from './verify.ts';
export { webCryptoVerifier, importPassPublicKey } from './webcrypto.ts';
export type { PassKey, PassKeySet } from './keys.ts';
export {
  applyRevocationUpdate,
  decodeRevocationUpdate,
  emptyRevocationCache,
  openSignedRevocationUpdate,
  restoreRevocationCache,
  serialiseRevocationCache,
} from './revocation.ts';
export type { RevocationCache, RevocationUpdate } from './revocation.ts';
export { acknowledgeScanBatch, createScanQueue, nextScanBatch, queuedScanCount, recordScan } from './scan-log.ts';
export type { ScanBatch, ScanQueue, ScanRecord } from './scan-log.ts';
