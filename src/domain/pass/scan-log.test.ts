import { describe, expect, it } from 'vitest';
import {
  acceptScanBatch,
  acknowledgeScanBatch,
  checkScanBatch,
  createScanQueue,
  nextScanBatch,
  queuedScanCount,
  recordScan,
} from './scan-log.ts';
import type { ScanQueue } from './scan-log.ts';
import type { VerifyResult } from './verify.ts';

const okScan: VerifyResult = {
  ok: true,
  code: 'ok',
  reason: '核验通过',
  passId: 42,
  kid: 2,
  personRef: 'ab'.repeat(16),
  enterpriseId: 7,
  status: 'cleared',
};
const badScan: VerifyResult = { ok: false, code: 'malformed', reason: '二维码无法识别' };

function scans(q: ScanQueue, n: number): ScanQueue {
  for (let i = 0; i < n; i++)
    q = recordScan(q, {
      at: `2020-03-10T08:${String(i).padStart(2, '0')}:00+08:00`,
      checkpointId: 'gate-1',
      result: i % 3 ? okScan : badScan,
    });
  return q;
}

describe('device scan queue', () => {
  it('numbers scans per device and keeps what was verified', () => {
    const q = scans(createScanQueue('dev-0001'), 3);
    expect(q.pending.map((r) => r.id)).toEqual(['dev-0001:1', 'dev-0001:2', 'dev-0001:3']);
    expect(q.pending[1]).toMatchObject({ ok: true, passId: 42, personRef: 'ab'.repeat(16), status: 'cleared' });
    expect(q.pending[0]).toMatchObject({ ok: false, code: 'malformed' });
    expect(q.pending[0]!.passId).toBeUndefined();
  });

  it('forms batches with ids determined by device and sequence', () => {
    const q = scans(createScanQueue('dev-0001'), 5);
    const { queue, batch } = nextScanBatch(q, 2);
    expect(batch!.batchId).toBe('dev-0001:1-2');
    expect(queuedScanCount(queue)).toBe(5);
    // Timeout: asking again re-sends the very same batch, even after new scans.
    const again = nextScanBatch(scans(queue, 1), 2);
    expect(again.batch).toBe(batch);
    // Acknowledged: the next batch starts where the last ended.
    const after = nextScanBatch(acknowledgeScanBatch(again.queue, 'dev-0001:1-2'), 10);
    expect(after.batch!.batchId).toBe('dev-0001:3-6');
    expect(acknowledgeScanBatch(after.queue, 'dev-0001:1-2')).toBe(after.queue);
  });

  it('nothing to send when empty', () => {
    expect(nextScanBatch(createScanQueue('dev-0001')).batch).toBeNull();
  });

  it('rejects a bad device id', () => {
    expect(() => createScanQueue('x')).toThrow('设备标识');
  });
});

describe('server accepts batches idempotently', () => {
  it('re-uploads and retries store each record once', () => {
    const stored = new Set<string>();
    let q = scans(createScanQueue('dev-0002'), 4);
    let { queue, batch } = nextScanBatch(q, 3);
    const first = acceptScanBatch(stored, batch!);
    expect(first.ok && first.insert.length).toBe(3);
    if (first.ok) first.insert.forEach((r) => stored.add(r.id));
    // The acknowledgement was lost: the device sends the same batch again.
    ({ queue, batch } = nextScanBatch(queue, 3));
    const second = acceptScanBatch(stored, batch!);
    expect(second).toEqual({ ok: true, insert: [], duplicates: 3 });
    q = acknowledgeScanBatch(queue, batch!.batchId);
    const third = acceptScanBatch(stored, nextScanBatch(q, 3).batch!);
    expect(third.ok && third.insert.map((r) => r.id)).toEqual(['dev-0002:4']);
  });

  it('refuses a batch whose id does not match its records', () => {
    const { batch } = nextScanBatch(scans(createScanQueue('dev-0003'), 3), 3);
    expect(checkScanBatch({ ...batch!, batchId: 'dev-0003:1-2' })).toEqual({
      ok: false,
      message: '扫码批次：批次号与内容不符',
    });
    expect(checkScanBatch({ ...batch!, records: batch!.records.slice(1) })).toEqual({
      ok: false,
      message: '扫码批次：序号不连续',
    });
    expect(acceptScanBatch(new Set(), { ...batch!, records: [] })).toEqual({
      ok: false,
      message: '扫码批次：没有记录',
    });
  });
});
