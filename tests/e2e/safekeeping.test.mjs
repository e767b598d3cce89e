// Data that can vanish: an emptied database on a device that held records says so (and keeps
// saying so across a reload) until a backup is imported or the user starts afresh; a backup is
// asked for after the set days with unexported changes, and the export answers it; on an
// iPhone in a browser tab the app advises adding it to the Home Screen.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { open, releaseBuild, serveDist, settled, withBrowser } from './harness.mjs';

/** Deletes the app's database from a page of the same origin outside the app. */
async function clearDatabase(page, server) {
  await page.goto(server.outsideUrl);
  await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const request = indexedDB.deleteDatabase('jiandu');
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
        request.onblocked = () => reject(new Error('blocked'));
      }),
  );
}

describe('keeping the data safe', () => {
  let server;
  before(async () => (server = await serveDist(releaseBuild().dist)));
  after(async () => server.dispose());

  test('an emptied database is reported and a backup restores it', () =>
    withBrowser(server, async ({ page }) => {
      await open(page, server);
      await page.getByTestId('load-sample').click();
      await settled(page);
      await open(page, server, 'data');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-all').click()]);
      const backup = await download.path();
      const before = await page.getByTestId('sample-count').innerText();
      assert.equal(await page.getByTestId('data-cleared').count(), 0);

      await clearDatabase(page, server);
      await open(page, server);
      assert.match(await page.getByTestId('data-cleared').innerText(), /数据库是空的，但这台设备上次使用时有 \d+ 条记录/);
      await page.reload();
      await settled(page);
      assert.equal(await page.getByTestId('data-cleared').count(), 1, 'still said after a reload');

      await open(page, server, 'data');
      await page.getByTestId('import-file').setInputFiles(backup);
      await page.getByTestId('import-confirm').click();
      await settled(page);
      assert.equal(await page.getByTestId('data-cleared').count(), 0);
      assert.equal(await page.getByTestId('sample-count').innerText(), before);

      // Starting afresh on purpose silences it for good.
      await clearDatabase(page, server);
      await open(page, server);
      await page.getByTestId('data-cleared-ok').click();
      await page.reload();
      await settled(page);
      assert.equal(await page.getByTestId('data-cleared').count(), 0);
    }));

  test('a backup is asked for after the set days with changes, and the export answers it', () =>
    withBrowser(server, async ({ page }) => {
      await open(page, server);
      await page.getByTestId('load-sample').click();
      await settled(page);
      assert.equal(await page.getByTestId('backup-reminder').count(), 0, 'the records are new');
      // The last export was ten days ago; the sample was changed since.
      const tenDaysAgo = new Date(Date.now() - 10 * 86400000).toISOString().replace(/\.\d+Z$/, 'Z');
      await page.evaluate((at) => localStorage.setItem('jiandu.last_export', JSON.stringify(at)), tenDaysAgo);
      await page.reload();
      await settled(page);
      assert.match(await page.getByTestId('backup-reminder').innerText(), /已有 10 天没有导出备份/);
      await open(page, server, 'data');
      await page.getByTestId('reminder-days').fill('30');
      await page.getByTestId('reminder-days').blur();
      assert.equal(await page.getByTestId('backup-reminder').count(), 0, 'a longer interval');
      await page.getByTestId('reminder-days').fill('7');
      await page.getByTestId('reminder-days').blur();
      await page.getByTestId('backup-reminder').waitFor();
      await Promise.all([page.waitForEvent('download'), page.getByTestId('export-all').click()]);
      assert.equal(await page.getByTestId('backup-reminder').count(), 0);
      await page.reload();
      await settled(page);
      assert.equal(await page.getByTestId('backup-reminder').count(), 0);
      assert.equal(await page.getByTestId('reminder-days').inputValue(), '7');
    }));

  test('on an iPhone in a browser tab, adding to the Home Screen is advised', () =>
    withBrowser(server, async ({ page, context }) => {
      await context.addInitScript(() => {
        Object.defineProperty(navigator, 'userAgent', {
          get: () => 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1',
        });
      });
      await open(page, server);
      const advice = page.getByTestId('home-screen-advice');
      assert.match(await advice.innerText(), /添加到主屏幕/);
      await advice.getByRole('button', { name: '知道了' }).click();
      await page.reload();
      await settled(page);
      assert.equal(await advice.count(), 0, 'closed for good');
    }));
});
