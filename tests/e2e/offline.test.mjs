// Offline: after one visit the app opens and works with the server gone.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addInstitution, controlledByServiceWorker, open, releaseBuild, serveDist, settled, withBrowser } from './harness.mjs';

describe('offline', () => {
  let server;
  before(async () => (server = await serveDist(releaseBuild().dist)));
  after(async () => server.dispose());

  test('after one visit the app opens and works with the server stopped', () =>
    withBrowser(server, async ({ page }) => {
      await open(page, server, 'institutions');
      await controlledByServiceWorker(page);
      await addInstitution(page, { name: '离线诊所', code: '91350100M000100Y43' });
      await server.stop();

      await page.reload();
      await settled(page);
      assert.equal(await page.getByTestId('name').inputValue(), '离线诊所');
      // A fresh navigation to another page of the app, as from a home-screen icon.
      await page.goto(server.url + '#/institutions');
      await settled(page);
      await page.getByTestId('institution-row').filter({ hasText: '离线诊所' }).waitFor();
      // And it still works: an edit made offline is saved and survives a reload.
      await page.getByTestId('institution-row').first().click();
      await page.getByTestId('township').fill('城关镇');
      await settled(page);
      await page.reload();
      await settled(page);
      assert.equal(await page.getByTestId('township').inputValue(), '城关镇');
      await page.goto(server.url + '#/data');
      await page.getByRole('heading', { level: 1, name: '数据' }).waitFor();
      await server.start();
    }));
});
