/**
 * Scan logs at a checkpoint: queued on the device while offline, uploaded later in idempotent batches.
 *
 * - Every scan gets the next sequence number of the device; its id is `deviceId:seq`.
 * - A batch is the oldest pending scans, frozen once formed. Its id is `deviceId:firstSeq-lastSeq`, so it is
 *   determined by the device and the sequence numbers: re-sending it after a timeout sends the same id and the
 *   same records, and the server accepts each record once (`acceptScanBatch`).
 * - Only one batch is in flight; it leaves the queue when the server acknowledges it. Nothing is dropped.
 * - `deviceId` is an installation id created with the queue. If the device's storage is wiped, the queue and the
 *   id go together and the new installation gets a new id, so sequence numbers never collide.
 */
import type { HealthStatus } from '../health/status.ts';
import type { VerifyCode, VerifyResult } from './verify.ts';

export interface ScanRecord {
  /** `deviceId:seq` */
  id: string;
  seq: number;
  at: string;
  checkpointId: string;
  code: VerifyCode;
  ok: boolean;
  passId?: number;
  kid?: number;
  personRef?: string;
  enterpriseId?: number;
  status?: HealthStatus;
}

export interface ScanBatch {
  /** `deviceId:firstSeq-lastSeq` */
  batchId: string;
  deviceId: string;
  firstSeq: number;
  lastSeq: number;
  records: ScanRecord[];
}

export interface ScanQueue {
  deviceId: string;
  nextSeq: number;
  pending: ScanRecord[];
  inFlight: ScanBatch | null;
}

export function createScanQueue(deviceId: string): ScanQueue {
  if (!/^[A-Za-z0-9_-]{8,64}$/.test(deviceId)) throw new Error('设备标识：应为8–64位字母、数字、下划线或连字符');
  return { deviceId, nextSeq: 1, pending: [], inFlight: null };
}

export function batchIdOf(deviceId: string, firstSeq: number, lastSeq: number): string {
  return `${deviceId}:${firstSeq}-${lastSeq}`;
}

/** Append a scan result. */
export function recordScan(q: ScanQueue, scan: { at: string; checkpointId: string; result: VerifyResult }): ScanQueue {
  const seq = q.nextSeq;
  const r = scan.result;
  const record: ScanRecord = {
    id: `${q.deviceId}:${seq}`,
    seq,
    at: scan.at,
    checkpointId: scan.checkpointId,
    code: r.code,
    ok: r.ok,
    ...(r.passId !== undefined ? { passId: r.passId } : {}),
    ...(r.kid !== undefined ? { kid: r.kid } : {}),
    ...(r.personRef !== undefined ? { personRef: r.personRef } : {}),
    ...(r.enterpriseId !== undefined ? { enterpriseId: r.enterpriseId } : {}),
    ...(r.status !== undefined ? { status: r.status } : {}),
  };
  return { ...q, nextSeq: seq + 1, pending: [...q.pending, record] };
}

/**
 * The batch to upload now: the one in flight if any (same id, same records), otherwise a new batch of the oldest
 * pending scans (at most `maxSize`). `batch` is null when there is nothing to send.
 */
export function nextScanBatch(q: ScanQueue, maxSize = 500): { queue: ScanQueue; batch: ScanBatch | null } {
  if (q.inFlight) return { queue: q, batch: q.inFlight };
  if (q.pending.length === 0) return { queue: q, batch: null };
  const records = q.pending.slice(0, Math.max(1, maxSize));
  const first = records[0]!.seq;
  const last = records[records.length - 1]!.seq;
  const batch: ScanBatch = {
    batchId: batchIdOf(q.deviceId, first, last),
    deviceId: q.deviceId,
    firstSeq: first,
    lastSeq: last,
    records,
  };
  return { queue: { ...q, pending: q.pending.slice(records.length), inFlight: batch }, batch };
}

/** The server acknowledged `batchId`: drop it. Acknowledging anything else changes nothing. */
export function acknowledgeScanBatch(q: ScanQueue, batchId: string): ScanQueue {
  if (!q.inFlight || q.inFlight.batchId !== batchId) return q;
  return { ...q, inFlight: null };
}

export function queuedScanCount(q: ScanQueue): number {
  return q.pending.length + (q.inFlight?.records.length ?? 0);
}

// ---------------------------------------------------------------------------------------------------------------
// Server side

export type BatchCheck = { ok: true } | { ok: false; message: string };

/** A batch must be what its id says: contiguous sequence numbers of one device. */
export function checkScanBatch(b: ScanBatch): BatchCheck {
  if (b.records.length === 0) return { ok: false, message: '扫码批次：没有记录' };
  if (b.batchId !== batchIdOf(b.deviceId, b.firstSeq, b.lastSeq))
    return { ok: false, message: '扫码批次：批次号与内容不符' };
  if (b.lastSeq - b.firstSeq + 1 !== b.records.length) return { ok: false, message: '扫码批次：序号不连续' };
  for (let i = 0; i < b.records.length; i++) {
    const r = b.records[i]!;
    if (r.seq !== b.firstSeq + i || r.id !== `${b.deviceId}:${r.seq}`)
      return { ok: false, message: `扫码批次：第${i + 1}条记录序号不符` };
  }
  return { ok: true };
}

/**
 * Accept a batch given the record ids already stored: returns the records to insert. Re-uploads, overlapping
 * batches and retries insert nothing twice.
 */
export function acceptScanBatch(
  known: { has(id: string): boolean },
  b: ScanBatch,
): { ok: true; insert: ScanRecord[]; duplicates: number } | { ok: false; message: string } {
  const check = checkScanBatch(b);
  if (!check.ok) return check;
  const insert = b.records.filter((r) => !known.has(r.id));
  return { ok: true, insert, duplicates: b.records.length - insert.length };
}
