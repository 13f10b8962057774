import * as cp from '../../../domain/pass/checkpoint-entry.ts';
import type { PassKeySet, RevocationCache, ScanQueue, VerifyResult } from '../../../domain/pass/checkpoint-entry.ts';
import { getValue, setValue } from './store.ts';

/**
 * The checkpoint device: cached key set, revocation cache and scan queue (all in IndexedDB), verification with
 * WebCrypto Ed25519, and synchronisation when online — key set, revocations by delta (signed by the platform,
 * checked before use), scan-log upload in idempotent batches (the same batch id on every retry).
 */
export interface DeviceState {
  ready: boolean;
  online: boolean;
  syncing: boolean;
  keySet: PassKeySet | null;
  revocationVersion: number;
  revokedCount: number;
  queued: number;
  uploaded: number;
  lastSync: string | null;
  message: string | null;
  signedIn: string | null;
  checkpointId: string;
}

const K = {
  keys: 'keys',
  revocations: 'revocations',
  queue: 'queue',
  lastSync: 'lastSync',
  uploaded: 'uploaded',
  checkpointId: 'checkpointId',
};

function newDeviceId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `cp-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export class CheckpointDevice {
  state: DeviceState = {
    ready: false,
    online: typeof navigator === 'undefined' ? true : navigator.onLine,
    syncing: false,
    keySet: null,
    revocationVersion: 0,
    revokedCount: 0,
    queued: 0,
    uploaded: 0,
    lastSync: null,
    message: null,
    signedIn: null,
    checkpointId: '卡口',
  };
  private cache: RevocationCache = cp.emptyRevocationCache();
  private queue: ScanQueue | null = null;
  private checkpoint: cp.Checkpoint | null = null;
  private csrf: string | null = null;
  private listeners = new Set<() => void>();
  private running: Promise<void> | null = null;

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private set(patch: Partial<DeviceState>) {
    this.state = { ...this.state, ...patch };
    for (const fn of this.listeners) fn();
  }

  async load(): Promise<void> {
    const [keys, revocations, queue, lastSync, uploaded, checkpointId] = await Promise.all([
      getValue<PassKeySet>(K.keys),
      getValue<Uint8Array>(K.revocations),
      getValue<ScanQueue>(K.queue),
      getValue<string>(K.lastSync),
      getValue<number>(K.uploaded),
      getValue<string>(K.checkpointId),
    ]);
    if (revocations) this.cache = cp.restoreRevocationCache(revocations);
    this.queue = queue ?? cp.createScanQueue(newDeviceId());
    if (!queue) await setValue(K.queue, this.queue);
    if (keys) await this.useKeys(keys);
    this.set({
      ready: true,
      keySet: keys ?? null,
      revocationVersion: this.cache.version,
      revokedCount: this.cache.ids.size,
      queued: cp.queuedScanCount(this.queue),
      uploaded: uploaded ?? 0,
      lastSync: lastSync ?? null,
      checkpointId: checkpointId ?? '卡口',
    });
  }

  async setCheckpointId(name: string) {
    const v = name.trim().slice(0, 60) || '卡口';
    await setValue(K.checkpointId, v);
    this.set({ checkpointId: v });
  }

  setOnline(online: boolean) {
    this.set({ online });
    if (online) void this.sync();
  }

  private async useKeys(keys: PassKeySet) {
    this.checkpoint = cp.createCheckpoint(
      { keys, revoked: { has: (id) => this.cache.ids.has(id) } },
      await cp.webCryptoVerifier(keys),
    );
  }

  /** Verify a scanned or pasted pass offline and queue the result for upload. */
  async verify(text: string): Promise<VerifyResult> {
    if (!this.queue) throw new Error('设备尚未就绪');
    const result: VerifyResult = this.checkpoint
      ? await this.checkpoint.verify(text.trim(), Date.now())
      : { ok: false, code: 'unknown_key', reason: '本机还没有核验公钥，请联网同步一次' };
    this.queue = cp.recordScan(this.queue, {
      at: new Date().toISOString(),
      checkpointId: this.state.checkpointId,
      result,
    });
    await setValue(K.queue, this.queue);
    this.set({ queued: cp.queuedScanCount(this.queue) });
    if (this.state.online) void this.sync();
    return result;
  }

  /** One sync at a time; a request while one runs waits for it and runs again. */
  sync(): Promise<void> {
    if (this.running) return this.running.then(() => this.sync());
    this.running = this.doSync().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async doSync(): Promise<void> {
    if (!navigator.onLine) {
      this.set({ online: false });
      return;
    }
    this.set({ syncing: true, message: null });
    try {
      await this.syncKeys();
      await this.session();
      if (this.state.signedIn) {
        await this.syncRevocations();
        await this.upload();
        const now = new Date().toISOString();
        await setValue(K.lastSync, now);
        this.set({ lastSync: now });
      } else {
        this.set({ message: '未登录：已更新公钥；登录后才能同步吊销列表和上传扫码记录' });
      }
    } catch (e) {
      this.set({ message: `同步失败：${(e as Error).message}（离线期间照常核验，稍后自动重试）` });
    } finally {
      this.set({ syncing: false });
    }
  }

  private async session() {
    const res = await fetch('/api/auth/me', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (res.status === 401) {
      this.csrf = null;
      this.set({ signedIn: null });
      return;
    }
    if (!res.ok) throw new Error(`登录状态查询失败（HTTP ${res.status}）`);
    const body = (await res.json()) as { user: { displayName: string }; csrfToken: string };
    this.csrf = body.csrfToken;
    this.set({ signedIn: body.user.displayName });
  }

  private async syncKeys() {
    const res = await fetch('/api/passes/keys', { headers: { Accept: 'application/json' } });
    if (!res.ok) throw new Error(`公钥下载失败（HTTP ${res.status}）`);
    const keys = (await res.json()) as PassKeySet;
    if (this.state.keySet && JSON.stringify(this.state.keySet) === JSON.stringify(keys)) return;
    await this.useKeys(keys);
    await setValue(K.keys, keys);
    this.set({ keySet: keys });
  }

  private async fetchUpdate(since: number) {
    const res = await fetch(`/api/passes/revocations?since=${since}`, { credentials: 'same-origin' });
    if (!res.ok) throw new Error(`吊销列表下载失败（HTTP ${res.status}）`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const opened = await cp.openSignedRevocationUpdate(bytes, await cp.webCryptoVerifier(this.state.keySet!));
    if (!opened.ok) throw new Error(opened.message);
    return opened.update;
  }

  private async syncRevocations() {
    let applied = cp.applyRevocationUpdate(this.cache, await this.fetchUpdate(this.cache.version));
    if (!applied.ok) applied = cp.applyRevocationUpdate(cp.emptyRevocationCache(), await this.fetchUpdate(0));
    if (!applied.ok) throw new Error(applied.message);
    this.cache = applied.cache;
    await setValue(K.revocations, cp.serialiseRevocationCache(this.cache));
    this.set({ revocationVersion: this.cache.version, revokedCount: this.cache.ids.size });
  }

  private async upload() {
    for (;;) {
      const { queue, batch } = cp.nextScanBatch(this.queue!, 200);
      this.queue = queue;
      await setValue(K.queue, this.queue);
      if (!batch) return;
      const res = await fetch('/api/passes/scans', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-Token': this.csrf ?? '' },
        body: JSON.stringify(batch),
      });
      if (!res.ok) throw new Error(`扫码记录上传失败（HTTP ${res.status}）`);
      const body = (await res.json()) as { accepted: number };
      this.queue = cp.acknowledgeScanBatch(this.queue, batch.batchId);
      const uploaded = this.state.uploaded + body.accepted;
      await setValue(K.queue, this.queue);
      await setValue(K.uploaded, uploaded);
      this.set({ queued: cp.queuedScanCount(this.queue), uploaded });
    }
  }
}
