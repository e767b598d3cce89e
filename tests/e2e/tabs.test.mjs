// Two tabs on the same data: what one writes appears in the other without a reload, both
// edits survive, and a write that another tab made stale is detected and not applied.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addInstitution, open, releaseBuild, serveDist, settled, withBrowser } from './harness.mjs';

describe('several tabs', () => {
  let server;
  before(async () => (server = await serveDist(releaseBuild().dist)));
  after(async () => server.dispose());

  test('edits in one tab appear in the other, and neither is lost', () =>
    withBrowser(server, async ({ page, context }) => {
      const other = await context.newPage();
      await open(other, server, 'institutions');
      await open(page, server, 'institutions');
      await addInstitution(page, { name: '甲诊所', code: '91350100M000100Y43' });
      await other.getByTestId('institution-row').filter({ hasText: '甲诊所' }).waitFor();

      // The second tab renames it; the first tab's open form follows.
      await other.getByTestId('institution-row').filter({ hasText: '甲诊所' }).click();
      await other.getByTestId('name').fill('甲诊所（第二个标签页改）');
      await settled(other);
      await page.waitForFunction(
        () => document.querySelector('[data-testid="name"]')?.value === '甲诊所（第二个标签页改）',
      );
      // The first tab then edits another field; the second tab's rename is kept.
      await page.getByTestId('contact-person').fill('王医生');
      await settled(page);
      await other.waitForFunction(() => document.querySelector('[data-testid="contact-person"]')?.value === '王医生');
      for (const tab of [page, other]) {
        await tab.reload();
        await settled(tab);
        assert.equal(await tab.getByTestId('name').inputValue(), '甲诊所（第二个标签页改）');
        assert.equal(await tab.getByTestId('contact-person').inputValue(), '王医生');
      }
    }));

  test('a write made stale by another tab is not applied, and the user is told', () =>
    withBrowser(server, async ({ page }) => {
      await open(page, server, 'institutions');
      await addInstitution(page, { name: '乙诊所', code: '91350100M000100Y43' });
      const id = page.url().split('/').pop();
      // Another tab writes the record, then this tab's user types before the news arrives:
      // the typed edit waits for the autosave's pause when the other tab's message comes.
      await page.evaluate(async (key) => {
        const db = await new Promise((resolve, reject) => {
          const request = indexedDB.open('jiandu');
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        await new Promise((resolve, reject) => {
          const tx = db.transaction('institutions', 'readwrite');
          const store = tx.objectStore('institutions');
          store.get(key).onsuccess = (event) => {
            const record = event.target.result;
            record.name = '乙诊所（另一标签页）';
            record.updated_at = new Date().toISOString();
            store.put(record);
          };
          tx.oncomplete = resolve;
          tx.onerror = () => reject(tx.error);
        });
        db.close();
        const input = document.querySelector('[data-testid="name"]');
        input.value = '乙诊所（本页未保存）';
        input.dispatchEvent(new Event('input', { bubbles: true }));
        new BroadcastChannel('jiandu-records').postMessage(JSON.stringify([['institutions', key]]));
      }, id);
      assert.match(await page.getByTestId('stale-write').innerText(), /另一个标签页刚修改了同一条监督对象/);
      await page.waitForFunction(() => document.querySelector('[data-testid="name"]')?.value === '乙诊所（另一标签页）');
      await settled(page);
      await page.reload();
      await settled(page);
      assert.equal(await page.getByTestId('name').inputValue(), '乙诊所（另一标签页）', 'the stale write was not applied');
    }));
});
