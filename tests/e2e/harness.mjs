// Shared set-up for the whole-app tests: serves a built dist/ from a sub-folder with a plain
// static server (no rewrite rules), starts Debian's Chromium through playwright-core, and
// watches every page for console errors, CSP violations and requests to other origins.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const SUB_FOLDER = 'jiandu';

/** The builds under test: the release build always, the debug build when it was built. */
export function builds() {
  const found = [];
  if (process.env.E2E_DIST_RELEASE) found.push({ name: 'release', dist: process.env.E2E_DIST_RELEASE });
  if (process.env.E2E_DIST_DEBUG) found.push({ name: 'debug', dist: process.env.E2E_DIST_DEBUG });
  if (found.length === 0) throw new Error('set E2E_DIST_RELEASE (and E2E_DIST_DEBUG) to built dist folders');
  return found;
}

export function releaseBuild() {
  return builds()[0];
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Copies `dist` to <tmp>/jiandu/ and serves <tmp> with `python3 -m http.server`, so the app
 * lives at http://127.0.0.1:PORT/jiandu/. `stop()` kills the server; `start()` brings it
 * back on the same port; `root` is the folder served (to swap in another build).
 */
export async function serveDist(dist, port) {
  const root = mkdtempSync(join(tmpdir(), 'jiandu-e2e-'));
  const site = join(root, SUB_FOLDER);
  cpSync(dist, site, { recursive: true });
  // A page of the same origin outside the app (and its service worker scope), for tests that
  // act as "another tab" on the app's storage.
  writeFileSync(join(root, 'blank.html'), '<!doctype html><link rel="icon" href="data:,"><title>blank</title>');
  port = port ?? (await freePort());
  const server = {
    root,
    site,
    port,
    origin: `http://127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}/${SUB_FOLDER}/`,
    outsideUrl: `http://127.0.0.1:${port}/blank.html`,
    process: null,
    async start() {
      this.process = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', root], {
        stdio: 'ignore',
      });
      await waitForServer(this.origin);
    },
    async stop() {
      if (!this.process) return;
      const exited = new Promise((resolve) => this.process.once('exit', resolve));
      this.process.kill('SIGTERM');
      await exited;
      this.process = null;
    },
    async dispose() {
      await this.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}

async function waitForServer(origin) {
  for (let i = 0; i < 100; i++) {
    try {
      const response = await fetch(origin + '/');
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server at ${origin} did not start`);
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** A fresh Chromium with its own empty profile (so IndexedDB and the service worker start clean). */
export async function launch(server, { width = 1280, height = 900 } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'jiandu-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width, height },
    serviceWorkers: 'allow',
    acceptDownloads: true,
  });
  const problems = [];
  const watch = (page) => {
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error on ${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error on ${page.url()}: ${error.message}`));
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  // Requests from pages and from the service worker alike.
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(server.origin + '/') && !url.startsWith('data:') && !url.startsWith('blob:')) {
      problems.push(`request to another origin: ${url}`);
    }
  });
  // Chromium reports CSP violations as console errors too; this also catches the ones a
  // report-only path would miss, and names the directive.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`);
    });
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    problems,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Runs `body({ page, context, problems })` in a fresh browser, then fails the test if any
 * console error, CSP violation or request to another origin happened (unless `clean` is
 * false, for tests that provoke errors on purpose), and closes the browser.
 */
export async function withBrowser(server, body, { clean = true, ...size } = {}) {
  const browser = await launch(server, size);
  try {
    await body(browser);
    if (clean) assert.deepEqual(browser.problems, [], 'no console errors, CSP violations or foreign requests');
  } finally {
    await browser.close();
  }
}

/** Opens a page of the app by its hash route and waits for the app to have started. */
export async function open(page, server, route = '') {
  await page.goto(server.url + (route ? `#/${route}` : ''));
  await settled(page);
}

/** Opens the app on a clean device and loads the built-in sample (示例数据). */
export async function loadSample(page, server) {
  await open(page, server);
  await page.getByTestId('load-sample').click();
  await settled(page);
}

/** Waits until the app has read its data and every edit is written (the header says 已保存). */
export async function settled(page) {
  await page.locator('main[data-ready="true"]').waitFor({ timeout: 15000 });
  await page.getByTestId('save-status').filter({ hasText: '已保存' }).waitFor({ timeout: 15000 });
}

/** Waits until the service worker controls the page (the app shell is cached). */
export async function controlledByServiceWorker(page) {
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, {
    timeout: 20000,
  });
}

/** A tablet's viewport in portrait. */
export const TABLET = { width: 768, height: 1024 };

/** Adds an officer (执法人员) through the UI. */
export async function addInspector(page, server, name, number) {
  await open(page, server, 'inspectors');
  await page.getByTestId('add-inspector').click();
  await page.getByTestId('inspector-name').fill(name);
  await page.getByTestId('certificate-number').fill(number);
  await settled(page);
}

/** Adds an institution through the UI and returns to its form. */
export async function addInstitution(page, { name, code, kind = 'clinic', township = '' }) {
  await page.getByTestId('add-institution').click();
  await page.getByTestId('name').fill(name);
  if (code !== undefined) await page.getByTestId('registration-number').fill(code);
  await page.getByTestId('kind').selectOption(kind);
  if (township) await page.getByTestId('township').fill(township);
  await settled(page);
}

/** The exchange JSON of an exported file: the file itself, or `records.json` inside the ZIP a
 * file with photos is (read with Python's standard zipfile). Returns [text, isZip]. */
export function exchangeJson(path) {
  const head = readFileSync(path).subarray(0, 2).toString('latin1');
  if (head !== 'PK') return [readFileSync(path, 'utf8'), false];
  const text = execFileSync(
    'python3',
    ['-c', "import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read('records.json').decode('utf-8'))", path],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  return [text, true];
}

/** How many files the app's media store holds. */
export function mediaCount(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('jiandu');
        open.onsuccess = () => {
          const request = open.result.transaction('media').objectStore('media').count();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result);
          };
          request.onerror = () => reject(request.error);
        };
        open.onerror = () => reject(open.error);
      }),
  );
}
