// First open: the app offers the built-in sample or an empty start; the sample fills every
// page, survives a reload, and can be removed again from 数据 without touching user records.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addInstitution, mediaCount, open, releaseBuild, serveDist, settled, withBrowser } from './harness.mjs';

describe('sample data', () => {
  let server;
  before(async () => (server = await serveDist(releaseBuild().dist)));
  after(async () => server.dispose());

  test('载入示例数据 on first open, then removal from 数据', () =>
    withBrowser(server, async ({ page }) => {
      await open(page, server);
      await page.getByTestId('welcome').waitFor();
      await page.getByTestId('load-sample').click();
      await settled(page);
      assert.equal(await page.getByTestId('welcome').count(), 0);
      assert.equal(await page.getByTestId('home-institution-count').innerText(), '15');
      assert.equal(await page.getByTestId('home-plan-count').innerText(), '4', 'two sampling plans, 回头看, 驻点监督');
      assert.equal(await page.getByTestId('home-inspection-count').innerText(), '11');
      assert.equal(await mediaCount(page), 5, 'the sample\'s photos are drawn and stored');
      await open(page, server, 'data');
      assert.match(await page.getByTestId('media-usage').innerText(), /^5张照片，共 \d+\.\d MB$/);
      assert.match(await page.getByTestId('records-usage').innerText(), /^\d+ 条，约 \d+\.\d MB$/);
      await open(page, server);

      await page.reload();
      await settled(page);
      assert.equal(await page.getByTestId('home-inspection-count').innerText(), '11');
      await open(page, server, 'summary');
      await page.getByTestId('summary-plan').selectOption({ label: '2022年医疗机构国家随机监督抽查（示例）' });
      const total = page.getByTestId('result-table').locator('tbody tr', { hasText: '合计' });
      const cells = await total.locator('th, td').allInnerTexts();
      assert.equal(cells[2], '3', 'three sample inspections of the medical plan are completed or reviewed');

      // The finished stay's register shows the photos drawn for its first problems.
      await open(page, server, 'stays/sample-stay-renhe/register');
      const photo = page.getByTestId('media-thumb').first().locator('img');
      await photo.waitFor();
      assert.ok(await photo.evaluate((img) => img.complete && img.naturalWidth === 1200));
      assert.notEqual(cells.at(-1), '0', 'the sample has fines');
      await open(page, server, 'inspections');
      assert.equal(await page.getByTestId('inspection-row').count(), 11);

      // A record of the user's own survives the removal of the sample.
      await open(page, server, 'institutions');
      await addInstitution(page, { name: '我自己的诊所', code: '91350100M000100Y43' });
      await open(page, server, 'data');
      assert.match(await page.getByTestId('sample-count').innerText(), /示例数据 \d+ 条/);
      await page.getByTestId('delete').click();
      await page.getByTestId('confirm-delete').click();
      await settled(page);
      await page.reload();
      await settled(page);
      await open(page, server);
      assert.equal(await page.getByTestId('home-institution-count').innerText(), '1');
      assert.equal(await page.getByTestId('home-inspection-count').innerText(), '0');
      assert.equal(await mediaCount(page), 0, 'the sample\'s photos went with it');
      assert.equal(await page.getByTestId('welcome').count(), 0, 'the offer is answered once');
    }));

  test('从空白开始 leaves the device empty and does not ask again', () =>
    withBrowser(server, async ({ page }) => {
      await open(page, server);
      await page.getByTestId('start-empty').click();
      await page.reload();
      await settled(page);
      assert.equal(await page.getByTestId('welcome').count(), 0);
      assert.equal(await page.getByTestId('home-institution-count').innerText(), '0');
    }));
});
