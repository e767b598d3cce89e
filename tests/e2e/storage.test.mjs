// Storage failures: the user sees a clear Chinese message, the input stays in memory, and a
// retry saves it once storage works again. Also the data page's storage report.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { addInstitution, open, releaseBuild, serveDist, settled, withBrowser } from './harness.mjs';

describe('storage', () => {
  let server;
  before(async () => (server = await serveDist(releaseBuild().dist)));
  after(async () => server.dispose());

  test('a full quota shows 保存失败 with a message, keeps the input, and a retry saves it', () =>
    withBrowser(
      server,
      async ({ page }) => {
        await open(page, server, 'institutions');
        await addInstitution(page, { name: '配额测试诊所', code: '91350100M000100Y43' });
        // Chromium ignores DevTools' quota override for IndexedDB here, so the fault is injected
        // where the browser would raise it: every put fails as on a full disk.
        await page.evaluate(() => {
          window.__realPut = IDBObjectStore.prototype.put;
          IDBObjectStore.prototype.put = function () {
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          };
        });
        const longText = '地址'.repeat(2000);
        await page.getByTestId('address').fill(longText);
        await page.getByTestId('save-status').filter({ hasText: '保存失败' }).waitFor({ timeout: 10000 });
        assert.match(await page.getByTestId('storage-alert').innerText(), /存储空间已满/);
        assert.equal(await page.getByTestId('address').inputValue(), longText);
        await page.evaluate(() => (IDBObjectStore.prototype.put = window.__realPut));
        await page.getByRole('button', { name: '重试' }).click();
        await settled(page);
        assert.equal(await page.getByTestId('storage-alert').count(), 0);
        await page.reload();
        await settled(page);
        assert.equal(await page.getByTestId('address').inputValue(), longText);
      },
    ));

  test('a database upgraded by another tab: not blocked; this tab says to reload at once, edits stay on screen', () =>
    withBrowser(
      server,
      async ({ page, context }) => {
        await open(page, server, 'institutions');
        await addInstitution(page, { name: '多标签诊所', code: '91350100M000100Y43' });
        const other = await context.newPage();
        await other.goto(server.outsideUrl);
        const upgrade = await other.evaluate(
          () =>
            new Promise((resolve, reject) => {
              const request = indexedDB.open('jiandu', 99);
              request.onblocked = () => resolve('blocked');
              request.onsuccess = () => {
                request.result.close();
                resolve('upgraded');
              };
              request.onerror = () => reject(request.error);
            }),
        );
        assert.equal(upgrade, 'upgraded', 'the old tab steps aside instead of blocking');
        assert.match(await page.getByTestId('storage-alert').innerText(), /已在其他标签页更新，请刷新本页/, 'said before any edit');
        await page.getByTestId('contact-person').fill('王医生');
        await page.getByTestId('save-status').filter({ hasText: '保存失败' }).waitFor({ timeout: 10000 });
        assert.match(await page.getByTestId('storage-alert').innerText(), /其他标签页更新/);
        assert.equal(await page.getByTestId('contact-person').inputValue(), '王医生');
        await other.close();
      }, { clean: false }
    ));

  test('without IndexedDB (some private modes) the app says so and still keeps input in memory', () =>
    withBrowser(server, async ({ page, context }) => {
      await context.addInitScript(() => Object.defineProperty(window, 'indexedDB', { get: () => undefined }));
      await page.goto(server.url + '#/institutions');
      await page.locator('main[data-ready="true"]').waitFor();
      assert.match(await page.getByTestId('storage-alert').innerText(), /无痕|隐私模式/);
      await page.getByTestId('add-institution').click();
      await page.getByTestId('name').fill('内存中的诊所');
      await page.getByTestId('save-status').filter({ hasText: '保存失败' }).waitFor();
      await page.getByRole('link', { name: '‹ 返回监督对象列表' }).click();
      await page.getByTestId('institution-row').filter({ hasText: '内存中的诊所' }).waitFor();
    }));

  test('a database newer than this copy of the app: a clear message instead of a broken page', () =>
    withBrowser(server, async ({ page }) => {
      await page.goto(server.outsideUrl);
      await page.evaluate(
        () =>
          new Promise((resolve, reject) => {
            const request = indexedDB.open('jiandu', 5);
            request.onsuccess = () => {
              request.result.close();
              resolve();
            };
            request.onerror = () => reject(request.error);
          }),
      );
      await page.goto(server.url + '#/data');
      await page.locator('main[data-ready="true"]').waitFor();
      assert.match(await page.getByTestId('storage-alert').innerText(), /其他标签页更新，请刷新/);
      await page.getByTestId('database-state').filter({ hasText: '不可用' }).waitFor();
    }));

  test('a version-1 database (before 驻点监督) is upgraded to version 2 with every record kept', () =>
    withBrowser(server, async ({ page }) => {
      const here = dirname(fileURLToPath(import.meta.url));
      const { records } = JSON.parse(readFileSync(join(here, '..', 'fixtures', 'exchange-v1.json'), 'utf8'));
      // The version-1 layout exactly as the app created it, filled with the v1 fixture's records.
      await page.goto(server.outsideUrl);
      await page.evaluate(
        (records) =>
          new Promise((resolve, reject) => {
            const request = indexedDB.open('jiandu', 1);
            request.onupgradeneeded = () => {
              const db = request.result;
              for (const store of ['institutions', 'inspectors', 'plans', 'inspections', 'findings', 'media']) {
                db.createObjectStore(store, { keyPath: 'id' });
              }
              db.createObjectStore('meta', { keyPath: 'key' });
              const inspections = request.transaction.objectStore('inspections');
              inspections.createIndex('plan_id', 'plan_id');
              inspections.createIndex('institution_id', 'institution_id');
              request.transaction.objectStore('findings').createIndex('inspection_id', 'inspection_id');
              request.transaction.objectStore('media').createIndex('finding_id', 'finding_id');
            };
            request.onsuccess = () => {
              const db = request.result;
              const tx = db.transaction(['institutions', 'inspectors', 'plans', 'inspections', 'meta'], 'readwrite');
              for (const store of ['institutions', 'inspectors', 'plans', 'inspections']) {
                for (const record of records[store]) tx.objectStore(store).put(record);
              }
              tx.objectStore('meta').put({ key: 'schema', version: 1 });
              tx.oncomplete = () => {
                db.close();
                resolve();
              };
              tx.onerror = () => reject(tx.error);
            };
            request.onerror = () => reject(request.error);
          }),
        records,
      );
      await open(page, server, 'data');
      await page.getByTestId('database-state').filter({ hasText: '结构版本 2' }).waitFor();
      await open(page, server);
      assert.equal(await page.getByTestId('home-institution-count').innerText(), String(records.institutions.length));
      assert.equal(await page.getByTestId('home-inspection-count').innerText(), String(records.inspections.length));
      // The new stores work: a 驻点监督 plan takes a stay.
      await open(page, server, 'plans');
      await page.getByTestId('new-plan-kind').selectOption('stationed');
      await page.getByTestId('create-plan').click();
      await page.getByTestId('candidate-search').fill('示例县人民医院');
      await page.getByTestId('add-to-plan').click();
      await page.getByTestId('start-stay').click();
      await page.getByTestId('stay-start').fill('2026-11-16');
      await page.getByTestId('stay-start').blur();
      await settled(page);
      await page.reload();
      await settled(page);
      assert.equal(await page.getByTestId('stay-start').inputValue(), '2026-11-16');
    }));

  test('the data page shows the database, the persistence answer and the storage used', () =>
    withBrowser(
      server,
      async ({ page }) => {
        await open(page, server, 'data');
        await page.getByTestId('database-state').filter({ hasText: '结构版本 2' }).waitFor();
        await page.getByTestId('persisted').filter({ hasText: /持久保存/ }).waitFor();
        await page.getByTestId('usage').filter({ hasText: /已用 / }).waitFor();
      },
    ));
});

describe('a connection the browser closes', () => {
  let server;
  before(async () => (server = await serveDist(releaseBuild().dist)));
  after(async () => server.dispose());

  test('is reopened, the pending edit retried, and an emptied database rewritten from memory', () =>
    withBrowser(server, async ({ page, context }) => {
      await open(page, server, 'institutions');
      await addInstitution(page, { name: '丙诊所', code: '91350100M000100Y43' });
      await open(page, server, 'inspectors');
      await page.getByTestId('add-inspector').click();
      await page.getByTestId('inspector-name').fill('赵六');
      await settled(page);
      // The browser clears the site's IndexedDB: the open connection is closed by force.
      const cdp = await context.newCDPSession(page);
      await cdp.send('Storage.clearDataForOrigin', { origin: server.origin, storageTypes: 'indexeddb' });
      await page.getByTestId('inspector-name').fill('赵六（改）');
      await page.getByTestId('restored-from-memory').waitFor();
      assert.match(await page.getByTestId('restored-from-memory').innerText(), /本页仍保留着全部 2 条记录/);
      await settled(page);
      await page.reload();
      await settled(page);
      assert.equal(await page.getByTestId('inspector-name').inputValue(), '赵六（改）', 'the pending edit was retried');
      await open(page, server, 'institutions');
      await page.getByTestId('institution-row').filter({ hasText: '丙诊所' }).waitFor();
    }));
});

