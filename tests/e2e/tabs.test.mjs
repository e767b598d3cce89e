// Two tabs on the same data: what one writes appears in the other without a reload; edits of
// different fields of one record are all kept; a field both tabs changed keeps this tab's value
// (never replaced under the cursor) and the notice shows both values, either of which can win.
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

  test('two tabs typing into different fields of one record in turn lose nothing', () =>
    withBrowser(server, async ({ page, context }) => {
      await open(page, server, 'institutions');
      await addInstitution(page, { name: '丙诊所', code: '91350100M000100Y43' });
      const other = await context.newPage();
      await other.goto(page.url());
      await settled(other);
      // Each tab types into its own field, a few hundred ms apart: each write lands while the
      // other tab's edit may still wait for its pause.
      for (let round = 1; round <= 6; round += 1) {
        await page.getByTestId('address').fill(`一路${round}号`);
        await page.waitForTimeout(120);
        await other.getByTestId('contact-person').fill(`联系人${round}`);
        await other.waitForTimeout(120);
      }
      await settled(page);
      await settled(other);
      for (const tab of [page, other]) {
        await tab.reload();
        await settled(tab);
        assert.equal(await tab.getByTestId('address').inputValue(), '一路6号');
        assert.equal(await tab.getByTestId('contact-person').inputValue(), '联系人6');
      }
      assert.equal(await page.getByTestId('tab-conflict').count(), 0, 'different fields are no conflict');
    }));

  test("an unsaved edit is merged onto another tab's write of other fields", () =>
    withBrowser(server, async ({ page }) => {
      await open(page, server, 'institutions');
      await addInstitution(page, { name: '乙诊所', code: '91350100M000100Y43' });
      const id = page.url().split('/').pop();
      await otherTabWrites(page, id, { contact_person: '另一页的联系人' }, { name: '乙诊所（本页）' });
      await page.waitForFunction(
        () => document.querySelector('[data-testid="contact-person"]')?.value === '另一页的联系人',
      );
      await settled(page);
      await page.reload();
      await settled(page);
      assert.equal(await page.getByTestId('name').inputValue(), '乙诊所（本页）', 'the edit here was kept');
      assert.equal(await page.getByTestId('contact-person').inputValue(), '另一页的联系人', "the other tab's too");
      assert.equal(await page.getByTestId('tab-conflict').count(), 0);
    }));

  test("the same field changed in both tabs keeps this tab's value and shows both", () =>
    withBrowser(server, async ({ page }) => {
      await open(page, server, 'institutions');
      await addInstitution(page, { name: '丁诊所', code: '91350100M000100Y43' });
      const id = page.url().split('/').pop();
      await otherTabWrites(page, id, { name: '丁诊所（另一页）', address: '二路2号' }, { name: '丁诊所（本页）' });
      const notice = page.getByTestId('tab-conflict');
      assert.match(await notice.innerText(), /另一个标签页同时修改了这条监督对象的「名称」。本页保留的是：丁诊所（本页）；另一个标签页的是：丁诊所（另一页）/);
      assert.equal(await page.getByTestId('name').inputValue(), '丁诊所（本页）', 'not replaced under the cursor');
      await settled(page);
      await page.reload();
      await settled(page);
      assert.equal(await page.getByTestId('name').inputValue(), '丁诊所（本页）');
      assert.equal(await page.getByTestId('address').inputValue(), '二路2号');

      // The user may take the other value instead.
      await otherTabWrites(page, id, { name: '丁诊所（再改）' }, { name: '丁诊所（本页再改）' });
      await page.getByTestId('tab-conflict').getByRole('button', { name: '改用另一个标签页的值' }).click();
      await settled(page);
      assert.equal(await page.getByTestId('name').inputValue(), '丁诊所（再改）');
      await page.reload();
      await settled(page);
      assert.equal(await page.getByTestId('name').inputValue(), '丁诊所（再改）');
    }));

  test('a field being typed in is not replaced after its text was saved', () =>
    withBrowser(server, async ({ page }) => {
      await open(page, server, 'institutions');
      await addInstitution(page, { name: '戊诊所', code: '91350100M000100Y43' });
      const id = page.url().split('/').pop();
      await page.getByTestId('name').fill('戊诊所（已保存）');
      await settled(page);
      // The cursor is still in 名称 when the other tab's version arrives.
      await otherTabWrites(page, id, { name: '戊诊所（另一页）', address: '三路3号' });
      await page.getByTestId('tab-conflict').waitFor();
      await page.waitForFunction(() => document.querySelector('[data-testid="address"]')?.value === '三路3号');
      assert.equal(await page.getByTestId('name').inputValue(), '戊诊所（已保存）');
      assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'name');
      // Leaving the field writes what it shows, on top of the other version.
      await page.getByTestId('contact-person').focus();
      await settled(page);
      await page.reload();
      await settled(page);
      assert.equal(await page.getByTestId('name').inputValue(), '戊诊所（已保存）');
      assert.equal(await page.getByTestId('address').inputValue(), '三路3号');
    }));
});

/**
 * Another tab's write, made straight to IndexedDB and announced on the app's channel; before
 * the announcement, `typedHere` is typed into this page's fields (not yet saved: the autosave
 * waits for its pause).
 */
async function otherTabWrites(page, id, changes, typedHere = {}) {
  await page.evaluate(
    async ({ key, changes, typedHere }) => {
      const db = await new Promise((resolve, reject) => {
        const request = indexedDB.open('jiandu');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      await new Promise((resolve, reject) => {
        const tx = db.transaction('institutions', 'readwrite');
        const store = tx.objectStore('institutions');
        store.get(key).onsuccess = (event) => {
          const record = { ...event.target.result, ...changes, updated_at: new Date().toISOString() };
          store.put(record);
        };
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
      const testids = { name: 'name', address: 'address', contact_person: 'contact-person' };
      for (const [field, value] of Object.entries(typedHere)) {
        const input = document.querySelector(`[data-testid="${testids[field]}"]`);
        input.focus();
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }
      new BroadcastChannel('jiandu-records').postMessage(JSON.stringify([['institutions', key]]));
    },
    { key: id, changes, typedHere },
  );
}
