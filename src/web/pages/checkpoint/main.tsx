import { StrictMode, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import type { VerifyResult } from '../../../domain/pass/checkpoint-entry.ts';
import { CheckpointDevice } from './device.ts';
import './checkpoint.css';

/**
 * 通行证卡口核验: a standalone page for a phone at a gate or a road checkpoint. Works offline once opened online:
 * the service worker keeps the page, the device keeps keys, revocations and the scan queue in IndexedDB.
 */
const device = new CheckpointDevice();

interface BarcodeDetectorLike {
  detect(source: CanvasImageSource): Promise<{ rawValue: string }[]>;
}
type BarcodeDetectorCtor = new (o: { formats: string[] }) => BarcodeDetectorLike;

function CameraScanner({ onText, onClose }: { onText: (t: string) => void; onClose: () => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let stream: MediaStream | null = null;
    let stop = false;
    const Detector = (window as unknown as { BarcodeDetector?: BarcodeDetectorCtor }).BarcodeDetector!;
    const detector = new Detector({ formats: ['qr_code'] });
    void (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
        if (!video.current) return;
        video.current.srcObject = stream;
        await video.current.play();
        while (!stop) {
          const codes = await detector.detect(video.current);
          const hit = codes.find((c) => c.rawValue.startsWith('SS1:'));
          if (hit) {
            onText(hit.rawValue);
            return;
          }
          await new Promise((r) => setTimeout(r, 200));
        }
      } catch (e) {
        setError(`无法使用摄像头：${(e as Error).message}`);
      }
    })();
    return () => {
      stop = true;
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, [onText]);
  return (
    <div className="cp-camera">
      {error ? <p className="cp-warn">{error}</p> : <video ref={video} playsInline muted />}
      <button type="button" onClick={onClose}>
        关闭摄像头
      </button>
    </div>
  );
}

function ResultPanel({ result }: { result: VerifyResult }) {
  return (
    <div className={`cp-result ${result.ok ? 'cp-ok' : 'cp-refused'}`} data-testid="checkpoint-result" role="status">
      <div className="cp-result-title">{result.ok ? '✔ 准予通行' : '✘ 不予通行'}</div>
      <div className="cp-result-reason">{result.reason}</div>
      {result.passId !== undefined && (
        <dl>
          <dt>通行证编号</dt>
          <dd>{result.passId}</dd>
          <dt>返岗状态</dt>
          <dd>{result.statusLabel}</dd>
          <dt>类型</dt>
          <dd>{result.card ? '员工证（纸质）' : '手机通行证'}</dd>
          <dt>企业编号</dt>
          <dd>{result.enterpriseId}</dd>
          <dt>有效期至</dt>
          <dd>{result.validUntil ? new Date(result.validUntil).toLocaleString('zh-CN', { hour12: false }) : ''}</dd>
        </dl>
      )}
    </div>
  );
}

function App() {
  const state = useSyncExternalStore(
    (fn) => device.subscribe(fn),
    () => device.state,
  );
  const [text, setText] = useState('');
  const [result, setResult] = useState<VerifyResult | null>(null);
  const [camera, setCamera] = useState(false);
  const [busy, setBusy] = useState(false);
  const hasCamera = typeof window !== 'undefined' && 'BarcodeDetector' in window && !!navigator.mediaDevices;

  const check = async (value: string) => {
    if (!value.trim()) return;
    setBusy(true);
    try {
      setResult(await device.verify(value));
      setText('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="cp-page">
      <header className="cp-header">
        <h1>通行证卡口核验</h1>
        <span className={state.online ? 'cp-online' : 'cp-offline'} data-testid="checkpoint-network">
          {state.online ? '在线' : '离线'}
        </span>
      </header>

      <section className="cp-status" data-testid="checkpoint-status">
        <div>
          核验公钥：{state.keySet ? `${state.keySet.keys.length} 个（版本 ${state.keySet.version}）` : '未下载'}
        </div>
        <div data-testid="checkpoint-revocation-version">
          吊销列表：版本 {state.revocationVersion}，{state.revokedCount} 张已作废
        </div>
        <div data-testid="checkpoint-queued">待上传扫码记录：{state.queued} 条</div>
        <div>已上传：{state.uploaded} 条</div>
        <div>
          上次同步：{state.lastSync ? new Date(state.lastSync).toLocaleString('zh-CN', { hour12: false }) : '从未'}
        </div>
        <div>
          操作人员：
          {state.signedIn ?? (state.online ? <a href="/login">未登录（点此登录）</a> : '离线，联网后确认登录')}
        </div>
        {state.message && <div className="cp-warn">{state.message}</div>}
        <label className="cp-field">
          卡口名称
          <input
            defaultValue={state.checkpointId}
            key={state.checkpointId}
            onBlur={(e) => void device.setCheckpointId(e.target.value)}
            maxLength={60}
          />
        </label>
        <button type="button" onClick={() => void device.sync()} disabled={state.syncing || !state.online}>
          {state.syncing ? '正在同步…' : '立即同步'}
        </button>
      </section>

      <form
        className="cp-form"
        onSubmit={(e) => {
          e.preventDefault();
          void check(text);
        }}
      >
        <label className="cp-field" htmlFor="cp-token">
          通行证内容（扫码或粘贴）
        </label>
        <textarea
          id="cp-token"
          data-testid="checkpoint-token"
          rows={3}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="SS1:…"
        />
        <div className="cp-actions">
          <button type="submit" className="cp-primary" disabled={!state.ready || busy || !text.trim()}>
            核验
          </button>
          {hasCamera && (
            <button type="button" onClick={() => setCamera(true)}>
              摄像头扫码
            </button>
          )}
        </div>
      </form>
      {camera && (
        <CameraScanner
          onText={(t) => {
            setCamera(false);
            void check(t);
          }}
          onClose={() => setCamera(false)}
        />
      )}
      {result && <ResultPanel result={result} />}
    </main>
  );
}

async function start() {
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/checkpoint-sw.js', { scope: '/pages/checkpoint/' }).catch(() => undefined);
  }
  window.addEventListener('online', () => device.setOnline(true));
  window.addEventListener('offline', () => device.setOnline(false));
  await device.load();
  if (navigator.onLine) void device.sync();
  // Revocations reach the device without waiting for a scan: a quiet sync every five minutes while online.
  window.setInterval(() => {
    if (navigator.onLine) void device.sync();
  }, 5 * 60_000);
}

const root = document.getElementById('checkpoint-root');
if (!root) throw new Error('页面缺少 #checkpoint-root 元素');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
void start();
