/* global self, caches, fetch */
/*
 * Service worker of the checkpoint page (通行证卡口核验), registered with scope /pages/checkpoint/ so it controls that
 * page only. It keeps the page working without a network:
 * - app shell: the page and every asset it references, cached at install; assets cache-first (their names carry a
 *   content hash), the page network-first so a new version arrives when online;
 * - data: the public key set and the revocation list, network-first with the last answer as fallback. The page also
 *   keeps both in IndexedDB (what it verifies with); this cache lets a reload offline start from the same data.
 * Scan-log uploads (POST) are never intercepted: the page queues them in IndexedDB and retries.
 */
const VERSION = 'v1';
const SHELL = `checkpoint-shell-${VERSION}`;
const DATA = `checkpoint-data-${VERSION}`;
const PAGE = '/pages/checkpoint/';

async function precache() {
  const cache = await caches.open(SHELL);
  const res = await fetch(PAGE, { cache: 'no-cache', credentials: 'same-origin' });
  if (!res.ok) throw new Error(`checkpoint page: HTTP ${res.status}`);
  const html = await res.clone().text();
  await cache.put(PAGE, res);
  const urls = new Set(['/checkpoint.webmanifest', '/checkpoint-icon.svg', '/checkpoint-icon-192.png']);
  for (const m of html.matchAll(/(?:src|href)="(\/[^"]+)"/g)) if (!m[1].startsWith('/api/')) urls.add(m[1]);
  await cache.addAll([...urls]);
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys())
        if (name.startsWith('checkpoint-') && name !== SHELL && name !== DATA) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

async function networkFirst(request, cacheName, fallbackKey) {
  const cache = await caches.open(cacheName);
  try {
    const res = await fetch(request);
    if (res.ok) await cache.put(fallbackKey ?? request, res.clone());
    return res;
  } catch (error) {
    const hit = await cache.match(fallbackKey ?? request);
    if (hit) return hit;
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(SHELL);
  const hit = await cache.match(request);
  if (hit) return hit;
  const res = await fetch(request);
  if (res.ok) await cache.put(request, res.clone());
  return res;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && url.pathname.startsWith(PAGE)) {
    event.respondWith(networkFirst(request, SHELL, PAGE));
    return;
  }
  if (url.pathname === '/api/passes/keys') {
    event.respondWith(networkFirst(request, DATA, '/api/passes/keys'));
    return;
  }
  if (url.pathname === '/api/passes/revocations') {
    // Only full snapshots are worth keeping: a delta is useless to a device at another version.
    const full = url.searchParams.get('since') === '0' || !url.searchParams.has('since');
    event.respondWith(
      full
        ? networkFirst(request, DATA, '/api/passes/revocations?since=0')
        : fetch(request).catch(() => caches.open(DATA).then((c) => c.match('/api/passes/revocations?since=0'))),
    );
    return;
  }
  if (
    url.pathname.startsWith('/assets/') ||
    url.pathname === '/checkpoint.webmanifest' ||
    url.pathname.startsWith('/checkpoint-icon')
  ) {
    event.respondWith(cacheFirst(request));
  }
});
