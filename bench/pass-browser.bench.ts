/**
 * The checkpoint verifier in a real browser: bundles src/domain/pass (WebCrypto path) with Vite, loads it into
 * Debian's Chromium on a localhost page (WebCrypto needs a secure context) and prints verifications per second,
 * one scan at a time as the checkpoint page does. Skips with a message when Chromium is not installed.
 * Run: `npx tsx bench/pass-browser.bench.ts` (or `npm run bench pass-browser`). Figures only.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { emptyKeySet, rotateSigningKey } from '../src/domain/pass/keys.ts';
import { generatePassKeyPair, nodeSigner } from '../src/domain/pass/node-crypto.ts';
import { epochSeconds, issuePassSync } from '../src/domain/pass/token.ts';

const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  console.log(`skipped: ${CHROMIUM} not found`);
  process.exit(0);
}

const entry = fileURLToPath(new URL('../src/domain/pass/checkpoint-entry.ts', import.meta.url));
const out = await build({
  configFile: false,
  logLevel: 'silent',
  build: { write: false, minify: true, lib: { entry, formats: ['es'], fileName: 'checkpoint' } },
});
const outputs = (Array.isArray(out) ? out : [out]) as { output: { type: string; code?: string }[] }[];
const bundle = outputs[0]!.output.find((o) => o.type === 'chunk')!.code!;
console.log(
  `checkpoint bundle (verify, WebCrypto, revocation, scan log): ${(bundle.length / 1024).toFixed(1)} KiB minified`,
);

const k = generatePassKeyPair();
const set = rotateSigningKey(emptyKeySet(), { kid: 1, publicKey: k.publicKey }, '2020-02-01T00:00:00+08:00');
if (!set.ok) throw new Error(set.message);
const signer = nodeSigner(1, k.privateKeyPkcs8);
const issuedAt = epochSeconds('2020-03-10T07:00:00+08:00');
const tokens = Array.from({ length: 200 }, (_, i) =>
  issuePassSync(
    {
      passId: i + 1,
      personRef: new Uint8Array(16).fill(i),
      enterpriseId: 3,
      status: 'cleared',
      card: false,
      issuedAt,
      validUntil: issuedAt + 86_400,
    },
    signer,
  ),
);

const server = createServer((req, res) => {
  if (req.url === '/checkpoint.js') {
    res.setHeader('content-type', 'text/javascript');
    res.end(bundle);
  } else {
    res.setHeader('content-type', 'text/html');
    res.end('<!doctype html><meta charset="utf-8"><title>核验</title>');
  }
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const port = (server.address() as AddressInfo).port;

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
try {
  const page = await browser.newPage();
  await page.goto(`http://localhost:${port}/`);
  const r = await page.evaluate(
    async ({ tokens, keys, url }) => {
      const m = await import(url);
      const cp = m.createCheckpoint({ keys, revoked: new Set([999_999]) }, await m.webCryptoVerifier(keys));
      const now = Date.parse('2020-03-10T08:00:00+08:00');
      for (let i = 0; i < 200; i++)
        if (!(await cp.verify(tokens[i % tokens.length], now)).ok) throw new Error('verification failed');
      let n = 0;
      const t0 = performance.now();
      while (performance.now() - t0 < 2000) {
        if (!(await cp.verify(tokens[n % tokens.length], now)).ok) throw new Error('verification failed');
        n++;
      }
      return { perSecond: (n / (performance.now() - t0)) * 1000, ua: navigator.userAgent };
    },
    { tokens, keys: set.value, url: `http://localhost:${port}/checkpoint.js` },
  );
  console.log(`browser: ${/Chrome\/[\d.]+/.exec(r.ua)?.[0] ?? r.ua}`);
  console.log(
    `verify in the browser, WebCrypto (one scan at a time): ${Math.round(r.perSecond).toLocaleString('en-US')} /s`,
  );
} finally {
  await browser.close();
  server.close();
}
