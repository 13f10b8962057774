import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { expect } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import type { BuiltApp } from '../../src/server/app.ts';
import { buildApp } from '../../src/server/app.ts';
import type { AppConfig } from '../../src/server/config.ts';
import { loadConfig } from '../../src/server/config.ts';
import type { Db } from '../../src/server/db/database.ts';
import { openDatabase } from '../../src/server/db/database.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { drainJobs } from '../../src/server/jobs/jobs.ts';
import { DEMO_PASSWORD } from '../../src/server/seed/demo-accounts.ts';
import { seedDemoData } from '../../src/server/seed/demo-seed.ts';
import { seedReferenceData } from '../../src/server/seed/reference-seed.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WEB_DIR = path.join(root, 'dist/web');
export const RESULTS_DIR = path.join(root, 'test-results');

/** Chromium flags for a headless, quiet browser in a container (design.md §8). */
const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A phone: 375 × 812 CSS pixels, touch, mobile viewport rules. */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 375, height: 812 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

const DESKTOP: BrowserContextOptions = { viewport: { width: 1440, height: 900 } };

export interface BrowserHarness {
  baseUrl: string;
  app: BuiltApp;
  db: Db;
  config: AppConfig;
  browser: Browser;
  /** A fresh browser context (its own cookies), desktop-sized unless told otherwise. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /** A fresh phone-sized context. */
  newPhonePage(): Promise<Page>;
  /** JavaScript errors thrown in any page of this harness so far. */
  pageErrors: string[];
  close(): Promise<void>;
}

/** Build dist/web when it is missing or older than its sources (the same check `npm test` makes). */
function ensureWebBuild(): void {
  // Vitest runs with NODE_ENV=test, which Vite would honour and build React in development mode.
  const result = spawnSync(process.execPath, [path.join(root, 'scripts/web-build.mjs')], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0 || !existsSync(path.join(WEB_DIR, 'index.html'))) {
    throw new Error('前端构建失败：请运行 npm run build:web 查看原因');
  }
}

/**
 * The server in this process on a random port, on a fresh temporary SQLite database prepared as
 * src/server/bootstrap.ts prepares it (smaller demo data set), serving the built web app; and a Chromium.
 */
export async function startBrowserHarness(): Promise<BrowserHarness> {
  ensureWebBuild();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'shuangsheng-e2e-'));
  const config = loadConfig({
    dataDir,
    databaseUrl: null,
    seedDemo: false,
    logLevel: 'silent',
    argon2: { memoryCost: 1024, timeCost: 1 },
    secrets: {
      sessionKey: 'e2e-session-key-0123456789abcdef0123',
      piiHashKey: 'e2e-pii-hash-key',
      piiEncryptionKey: '1'.repeat(64),
    },
  });
  const db = openDatabase({ dialect: 'sqlite', file: config.sqliteFile });
  await migrateToLatest(db);
  await seedReferenceData(db, new Date('2020-02-01T00:00:00+08:00'));
  await seedDemoData(db, config, { hightechEnterprises: 300, cityEnterprises: 600 });

  const app = await buildApp({ db, config, webDir: WEB_DIR, logger: false });
  await app.fastify.listen({ port: 0, host: '127.0.0.1' });
  const address = app.fastify.server.address();
  if (!address || typeof address === 'string') throw new Error('服务器没有监听 TCP 端口');
  const baseUrl = `http://127.0.0.1:${address.port}`;

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  const newPage = async (options: BrowserContextOptions = DESKTOP) => {
    const context = await browser.newContext({
      baseURL: baseUrl,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      acceptDownloads: true,
      ...options,
    });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
    return page;
  };

  return {
    baseUrl,
    app,
    db,
    config,
    browser,
    newPage,
    newPhonePage: () => newPage(PHONE),
    pageErrors,
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      // A job that never ends (a server deadlock) should fail the run with a reason, not hang it.
      let timer: NodeJS.Timeout | undefined;
      const drained = await Promise.race([
        drainJobs().then(() => true),
        new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), 60_000))),
      ]);
      clearTimeout(timer);
      if (!drained) throw new Error('后台任务 60 秒内没有结束：服务器可能卡死（见 /api/jobs）');
      await app.fastify.close();
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Sign in through the login page and wait until the app has left it. */
export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page
    .getByRole('button', { name: '登 录' })
    .or(page.getByRole('button', { name: '登录' }))
    .click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Save a full-page screenshot under test-results/ (gitignored) for a person to look at. */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: options.fullPage ?? true, animations: 'disabled' });
  return file;
}

/** The page's own width as laid out: more than the viewport means the page scrolls sideways. */
export async function pageScrollWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

/** `expect.poll` with a timeout that suits a browser (vitest's default second is short for a page load). */
export function eventually<T>(read: () => T | Promise<T>) {
  return expect.poll(read, { timeout: 15_000, interval: 100 });
}
