// Updates: a new build is announced only once fully cached, pending edits are saved before the
// switch, and a build that cannot be cached completely never replaces the working one.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { addInstitution, controlledByServiceWorker, open, releaseBuild, serveDist, settled, withBrowser } from './harness.mjs';

/** Turns the served build into "another version" by rewriting sw.js as postbuild.py would. */
function publishVersion(server, version, extraFiles = []) {
  const path = join(server.site, 'sw.js');
  let text = readFileSync(path, 'utf8');
  text = text.replace(/const VERSION = "[^"]*";/, `const VERSION = "${version}";`);
  if (extraFiles.length) {
    text = text.replace(/const PRECACHE = \[/, `const PRECACHE = [${extraFiles.map((f) => JSON.stringify(f)).join(',')},`);
  }
  writeFileSync(path, text);
}

async function workerVersion(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = (e) => resolve(e.data.version);
        navigator.serviceWorker.controller.postMessage({ type: 'GET_VERSION' }, [channel.port2]);
      }),
  );
}

async function checkForUpdate(page) {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration.update().catch(() => {});
  });
}

describe('updates', () => {
  let server;
  before(async () => (server = await serveDist(releaseBuild().dist)));
  after(async () => server.dispose());

  test('a new version is announced, edits are saved, and the switch reloads into it', () =>
    withBrowser(
      server,
      async ({ page, context }) => {
        await open(page, server, 'institutions');
        await controlledByServiceWorker(page);
        assert.notEqual(await workerVersion(page), 'e2e-next');
        await addInstitution(page, { name: '更新测试诊所', code: '91350100M000100Y43' });
        const otherTab = await context.newPage();
        await open(otherTab, server, 'inspectors');

        publishVersion(server, 'e2e-next');
        await checkForUpdate(page);
        await page.getByTestId('update-banner').waitFor({ timeout: 20000 });
        await page.getByTestId('contact-person').fill('更新前输入');
        await page.getByRole('button', { name: '保存并更新' }).click();
        await page.waitForFunction(() => performance.getEntriesByType('navigation')[0].type === 'reload');
        await settled(page);
        assert.equal(await workerVersion(page), 'e2e-next');
        assert.equal(await page.getByTestId('contact-person').inputValue(), '更新前输入');
        const caches = await page.evaluate(() => caches.keys());
        assert.deepEqual(caches, ['jiandu-e2e-next'], 'the old version cache is removed after the switch');
        // The other tab still runs the old version, whose files are gone: it is told too.
        await otherTab.getByTestId('update-banner').waitFor({ timeout: 10000 });
      },
    ));

  test('a version whose files cannot all be downloaded never replaces the working one', () =>
    withBrowser(
      server,
      async ({ page }) => {
        await open(page, server, 'institutions');
        await controlledByServiceWorker(page);
        const working = await workerVersion(page);
        publishVersion(server, 'e2e-broken', ['./missing-file-of-a-partial-upload.js']);
        await checkForUpdate(page);
        await page.waitForTimeout(1500);
        assert.equal(await page.getByTestId('update-banner').count(), 0, 'no update is announced');
        assert.equal(await workerVersion(page), working);
        assert.deepEqual(await page.evaluate(() => caches.keys()), [`jiandu-${working}`]);
        // The working version still opens offline.
        await server.stop();
        await page.reload();
        await settled(page);
        await page.getByRole('heading', { level: 1, name: '监督对象' }).waitFor();
        await server.start();
      }, { clean: false }
    ));
});
