// Build the web app when dist/web is missing or older than its sources, so `npm start` and `npm test`
// work on a fresh clone without a separate build step.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

export function ensureWebBuild() {
  const index = path.join(root, 'dist/web/index.html');
  const sources = [path.join(root, 'src/web'), path.join(root, 'src/domain')];
  const newestSource = Math.max(...sources.filter(existsSync).map(newestMtime));
  if (existsSync(index) && statSync(index).mtimeMs >= newestSource) return;
  console.log('正在构建前端（首次启动或前端有改动）…');
  const result = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'src/web/vite.config.ts',
      '--logLevel',
      'warn',
    ],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
  precompress(path.join(root, 'dist/web'));
}

/** Write .br and .gz beside every text asset; the server sends them to browsers that accept them. */
function precompress(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) precompress(full);
    else if (/\.(js|css|html|svg|json)$/.test(entry.name)) {
      const content = readFileSync(full);
      if (content.length < 1024) continue;
      writeFileSync(`${full}.br`, brotliCompressSync(content));
      writeFileSync(`${full}.gz`, gzipSync(content, { level: 9 }));
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) ensureWebBuild();
