/**
 * Checkpoint pass verification and revocation-list sizes.
 * Run: `npx tsx bench/pass-verify.bench.ts` (or `npm run bench pass-verify`).
 *
 * Prints:
 * - verifications per second on one core for the node:crypto path (synchronous) and the WebCrypto path (one scan
 *   at a time, as the checkpoint page does; and 64 in flight, as a server batch would) — wall-clock rate and rate
 *   per CPU-second of the whole process (WebCrypto hands work to libuv's thread pool, so the per-CPU figure is the
 *   per-core cost); target ≥ 5,000/s per core;
 * - the encoded size of the revocation list for 1,000,000 passes with 1 % revoked (full snapshot) and of a typical
 *   daily delta, in both id-list encodings, and the time a device takes to apply them.
 * Figures only: nothing here passes or fails on time.
 */
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { createRng } from '../src/domain/demo/random.ts';
import { renderCardPages } from '../src/domain/pass/card.ts';
import { passValidUntil } from '../src/domain/pass/issue.ts';
import { emptyKeySet, rotateSigningKey } from '../src/domain/pass/keys.ts';
import { derivePersonRef, generatePassKeyPair, nodeSigner, nodeVerifier } from '../src/domain/pass/node-crypto.ts';
import {
  applyRevocationUpdate,
  decodeRevocationUpdate,
  emptyRevocationCache,
  encodeIdList,
  encodeRevocationUpdate,
} from '../src/domain/pass/revocation.ts';
import type { RevocationUpdate } from '../src/domain/pass/revocation.ts';
import { epochSeconds, issuePassSync, parsePass } from '../src/domain/pass/token.ts';
import { createCheckpoint, createSyncCheckpoint } from '../src/domain/pass/verify.ts';
import { webCryptoVerifier } from '../src/domain/pass/webcrypto.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
const PASSES = 1_000_000;
const REVOKED_SHARE = 0.01;
const DISTINCT_TOKENS = 2_000;

const rng = createRng('bench/pass-verify');
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const kb = (n: number) => `${fmt(n)} B (${(n / 1024).toFixed(1)} KiB)`;

// Keys, passes, revocation cache ---------------------------------------------------------------------------------
const key = generatePassKeyPair();
const set = rotateSigningKey(emptyKeySet(), { kid: 1, publicKey: key.publicKey }, '2020-02-01T00:00:00+08:00');
if (!set.ok) throw new Error(set.message);
const keys = set.value;
const signer = nodeSigner(1, key.privateKeyPkcs8);
const secret = new Uint8Array(32).map(() => rng.int(0, 255));

const issuedAt = epochSeconds('2020-03-10T07:00:00+08:00');
const now = epochSeconds('2020-03-10T08:00:00+08:00') * 1000;

const revokedIds: number[] = [];
const revokedSet = new Set<number>();
while (revokedSet.size < PASSES * REVOKED_SHARE) {
  const id = rng.int(1, PASSES);
  if (!revokedSet.has(id)) {
    revokedSet.add(id);
    revokedIds.push(id);
  }
}
revokedIds.sort((a, b) => a - b);

const tokens: string[] = [];
for (let i = 0; i < DISTINCT_TOKENS; i++) {
  let passId = rng.int(1, PASSES);
  while (revokedSet.has(passId)) passId = rng.int(1, PASSES);
  tokens.push(
    issuePassSync(
      {
        passId,
        personRef: derivePersonRef(secret, `person-${i}`),
        enterpriseId: rng.int(1, 50_000),
        status: 'cleared',
        card: i % 10 === 0,
        issuedAt,
        validUntil: passValidUntil(issuedAt, i % 10 === 0),
      },
      signer,
    ),
  );
}

function cpuMs(start: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(start);
  return (u.user + u.system) / 1000;
}

function report(label: string, count: number, wallMs: number, cpu: number) {
  console.log(
    `${label.padEnd(46)} ${fmt((count / wallMs) * 1000).padStart(9)} /s wall   ${fmt((count / cpu) * 1000).padStart(9)} /s per CPU-second`,
  );
}

// 1. Parse only (no signature), for reference --------------------------------------------------------------------
{
  let n = 0;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  while (performance.now() - t0 < SECONDS * 500) {
    for (let i = 0; i < 1000; i++) parsePass(tokens[(n + i) % DISTINCT_TOKENS]!);
    n += 1000;
  }
  report('parse only (Base45 + layout)', n, performance.now() - t0, cpuMs(c0));
}

// 2. node:crypto, synchronous --------------------------------------------------------------------------------------
{
  const cp = createSyncCheckpoint({ keys, revoked: revokedSet }, nodeVerifier(keys));
  for (let i = 0; i < 500; i++)
    if (!cp.verify(tokens[i % DISTINCT_TOKENS]!, now).ok) throw new Error('verification failed');
  let n = 0;
  let ok = 0;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  while (performance.now() - t0 < SECONDS * 1000) {
    for (let i = 0; i < 200; i++) if (cp.verify(tokens[(n + i) % DISTINCT_TOKENS]!, now).ok) ok++;
    n += 200;
  }
  if (ok !== n) throw new Error('verification failed');
  report('verify, node:crypto (sync)', n, performance.now() - t0, cpuMs(c0));
}

// 3. WebCrypto, one at a time and 64 in flight -------------------------------------------------------------------
{
  const cp = createCheckpoint({ keys, revoked: revokedSet }, await webCryptoVerifier(keys));
  for (let i = 0; i < 500; i++)
    if (!(await cp.verify(tokens[i % DISTINCT_TOKENS]!, now)).ok) throw new Error('verification failed');

  let n = 0;
  let t0 = performance.now();
  let c0 = process.cpuUsage();
  while (performance.now() - t0 < SECONDS * 1000) {
    if (!(await cp.verify(tokens[n % DISTINCT_TOKENS]!, now)).ok) throw new Error('verification failed');
    n++;
  }
  report('verify, WebCrypto (one scan at a time)', n, performance.now() - t0, cpuMs(c0));

  n = 0;
  t0 = performance.now();
  c0 = process.cpuUsage();
  while (performance.now() - t0 < SECONDS * 1000) {
    const batch = await Promise.all(
      Array.from({ length: 64 }, (_, i) => cp.verify(tokens[(n + i) % DISTINCT_TOKENS]!, now)),
    );
    if (batch.some((r) => !r.ok)) throw new Error('verification failed');
    n += 64;
  }
  report('verify, WebCrypto (64 in flight)', n, performance.now() - t0, cpuMs(c0));
}

// 4. Revocation list sizes ----------------------------------------------------------------------------------------
console.log(
  `\nrevocation list: ${fmt(PASSES)} passes, ${fmt(revokedIds.length)} revoked (${REVOKED_SHARE * 100} %) at random`,
);
const full: RevocationUpdate = { kind: 'full', fromVersion: 0, toVersion: 1000, added: revokedIds, removed: [] };
const fullAuto = encodeRevocationUpdate(full);
console.log(`  full snapshot, delta-varint:   ${kb(encodeIdList(revokedIds, 'delta-varint').length)}`);
console.log(`  full snapshot, bitmap:         ${kb(encodeIdList(revokedIds, 'bitmap').length)}`);
console.log(
  `  full snapshot as sent (auto):  ${kb(fullAuto.length)}  = ${(fullAuto.length / revokedIds.length).toFixed(2)} B per revoked pass; gzip → ${kb(gzipSync(fullAuto).length)}`,
);

// A typical day in steady state: 1 % revoked, 10 % of the revoked set turns over daily
// (1,000 new revocations from status changes, 1,000 expired ones pruned).
const dailyAdded: number[] = [];
while (dailyAdded.length < 1000) {
  const id = rng.int(1, PASSES);
  if (!revokedSet.has(id) && !dailyAdded.includes(id)) dailyAdded.push(id);
}
const dailyRemoved = rng.shuffle(revokedIds).slice(0, 1000);
const daily: RevocationUpdate = {
  kind: 'delta',
  fromVersion: 1000,
  toVersion: 1024,
  added: dailyAdded,
  removed: dailyRemoved,
};
const dailyBytes = encodeRevocationUpdate(daily);
console.log(
  `  daily delta (+1,000 / −1,000): ${kb(dailyBytes.length)}  (bitmap encoding would be ${kb(encodeRevocationUpdate(daily, 'bitmap').length)})`,
);
const hourly: RevocationUpdate = {
  kind: 'delta',
  fromVersion: 1000,
  toVersion: 1001,
  added: dailyAdded.slice(0, 42),
  removed: dailyRemoved.slice(0, 42),
};
console.log(`  hourly delta (+42 / −42):      ${kb(encodeRevocationUpdate(hourly).length)}`);
console.log(`  signed update adds 66 B (key id + Ed25519 signature)`);

// 5. Device: apply the full snapshot, then the daily delta ---------------------------------------------------------
{
  const t0 = performance.now();
  const r1 = applyRevocationUpdate(emptyRevocationCache(), decodeRevocationUpdate(fullAuto));
  const t1 = performance.now();
  if (!r1.ok) throw new Error(r1.message);
  const r2 = applyRevocationUpdate(r1.cache, decodeRevocationUpdate(dailyBytes));
  const t2 = performance.now();
  if (!r2.ok) throw new Error(r2.message);
  console.log(
    `  device: decode + apply full snapshot ${(t1 - t0).toFixed(1)} ms, daily delta ${(t2 - t1).toFixed(1)} ms`,
  );
}

// 6. Printable cards ------------------------------------------------------------------------------------------------
{
  const cards = tokens.slice(0, 800).map((t, i) => ({
    passText: t,
    enterpriseName: '南昌某某电子有限公司',
    personName: `员工${i}`,
    team: '一车间',
    validUntilDate: '2020-04-09',
  }));
  const t0 = performance.now();
  const pages = renderCardPages(cards);
  const ms = performance.now() - t0;
  console.log(
    `\nprintable cards: ${fmt(cards.length)} cards (${pages.length} A4 pages) in ${fmt(ms)} ms → 15,000 cards ≈ ${(((ms / cards.length) * 15_000) / 1000).toFixed(1)} s`,
  );
}
