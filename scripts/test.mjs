// `npm test`: type-check, lint, then every test (unit, SQLite + PostgreSQL, browser in Debian's chromium).
// Extra arguments go to vitest (e.g. `npm test -- --project unit`).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureWebBuild } from './web-build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const ci = process.env.CI === 'true';
const bin = (name) => path.join(root, 'node_modules/.bin', name);

function run(label, command, commandArgs) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`✖ ${label} 失败`);
    process.exit(result.status ?? 1);
  }
}

if (args.length === 0) {
  run('类型检查 (tsc)', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
  run('代码检查 (eslint)', bin('eslint'), ['.', '--max-warnings=0']);
  run('格式检查 (prettier)', bin('prettier'), ['--check', '.', '--log-level=warn']);
}

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const vitestArgs = ['run', ...args];
if (!existsSync(chromium)) {
  if (ci) {
    console.error(`✖ 浏览器测试需要 Debian 的 chromium（${chromium}），CI 中必须安装：见 .ci/run`);
    process.exit(1);
  }
  console.warn(`\n⚠ 未找到 ${chromium}：跳过浏览器测试（apt-get install chromium 后再运行）`);
  if (!args.some((a) => a.startsWith('--project'))) vitestArgs.push('--project', 'unit', '--project', 'db');
} else {
  ensureWebBuild();
}
run('测试 (vitest)', bin('vitest'), vitestArgs);
