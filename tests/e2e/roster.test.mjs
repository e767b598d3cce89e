// The 监督对象 and 执法人员 rosters: what is typed is kept (reloads, fast reloads), invalid
// input is refused with a message next to the field, deletes ask first, and the list
// searches and filters.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addInstitution, open, releaseBuild, serveDist, settled, withBrowser } from './harness.mjs';

const VALID_CODE = '91350100M000100Y43';

describe('institution roster', () => {
  let server;
  before(async () => (server = await serveDist(releaseBuild().dist)));
  after(async () => server.dispose());

  test('an institution added survives a reload', () =>
    withBrowser(
      server,
      async ({ page }) => {
        await open(page, server, 'institutions');
        await addInstitution(page, { name: '新华口腔诊所', code: VALID_CODE, kind: 'clinic', township: '新华街道' });
        await page.getByTestId('service-dental').check();
        await settled(page);
        await page.reload();
        await open(page, server, 'institutions');
        const row = page.getByTestId('institution-row').filter({ hasText: '新华口腔诊所' });
        await row.waitFor();
        assert.match(await row.innerText(), /诊所 · 新华街道 · 91350100M000100Y43/);
        assert.match(await row.innerText(), /重点/);
        assert.doesNotMatch(await row.innerText(), /信息待完善/);
        await row.click();
        assert.equal(await page.getByTestId('name').inputValue(), '新华口腔诊所');
        assert.equal(await page.getByTestId('kind').inputValue(), 'clinic');
        assert.ok(await page.getByTestId('service-dental').isChecked());
      },
    ));

  test('text that looks like HTML is shown as typed, never run or rendered', () =>
    withBrowser(server, async ({ page }) => {
      const name = '<img src=x onerror="window.__xss=1"><b>粗体</b>诊所';
      await open(page, server, 'institutions');
      await addInstitution(page, { name, code: VALID_CODE });
      await open(page, server, 'institutions');
      const row = page.getByTestId('institution-row').first();
      assert.equal((await row.innerText()).split('\n')[0], name);
      assert.equal(await page.locator('main img, main b').count(), 0);
      assert.equal(await page.evaluate(() => window.__xss), undefined);
    }));

  test('a field typed and reloaded within 100 ms still holds the text', () =>
    withBrowser(
      server,
      async ({ page }) => {
        await open(page, server, 'institutions');
        await addInstitution(page, { name: '城关镇卫生院', code: VALID_CODE, kind: 'township_health_center' });
        const address = page.getByTestId('address');
        await address.fill('城关镇解放路12号');
        // Well inside the 300 ms debounce: only the flush on pagehide can have saved it.
        await page.waitForTimeout(50);
        await page.reload();
        await settled(page);
        assert.equal(await page.getByTestId('address').inputValue(), '城关镇解放路12号');
      },
    ));

  test('an invalid credit code is refused with a message next to the field', () =>
    withBrowser(
      server,
      async ({ page }) => {
        await open(page, server, 'institutions');
        await addInstitution(page, { name: '某某医疗美容诊所', code: '91350100M000100Y44', kind: 'clinic' });
        const message = page.locator('#field-registration-number-error');
        assert.match(await message.innerText(), /校验位不正确/);
        assert.equal(await page.getByTestId('registration-number').getAttribute('aria-invalid'), 'true');
        // The typed text is kept so it can be corrected, and the record is marked incomplete.
        await page.reload();
        await settled(page);
        assert.equal(await page.getByTestId('registration-number').inputValue(), '91350100M000100Y44');
        assert.match(await page.locator('#field-registration-number-error').innerText(), /校验位不正确/);
        await open(page, server, 'institutions');
        const row = page.getByTestId('institution-row').filter({ hasText: '某某医疗美容诊所' });
        assert.match(await row.innerText(), /信息待完善/);
        // Corrected, the message goes away.
        await row.click();
        await page.getByTestId('registration-number').fill(VALID_CODE);
        assert.doesNotMatch(await page.locator('#field-registration-number-error').innerText(), /不正确/);
      },
    ));

  test('a hospital asks for level and ownership', () =>
    withBrowser(
      server,
      async ({ page }) => {
        await open(page, server, 'institutions');
        await addInstitution(page, { name: '县人民医院', code: VALID_CODE, kind: 'hospital' });
        await page.getByTestId('level').selectOption('second');
        assert.match(await page.locator('#field-ownership-error').innerText(), /^$|所有制/);
        await page.getByTestId('ownership').selectOption('public');
        await settled(page);
        await open(page, server, 'institutions');
        const row = page.getByTestId('institution-row').filter({ hasText: '县人民医院' });
        assert.doesNotMatch(await row.innerText(), /信息待完善/);
      }, { clean: false }
    ));

  test('delete asks for confirmation, and a deleted institution stays deleted', () =>
    withBrowser(
      server,
      async ({ page }) => {
        await open(page, server, 'institutions');
        await addInstitution(page, { name: '待删除诊所', code: VALID_CODE });
        await page.getByTestId('delete').click();
        await page.getByRole('button', { name: '取消' }).click();
        assert.equal(await page.getByTestId('name').inputValue(), '待删除诊所');
        await page.getByTestId('delete').click();
        await page.getByTestId('confirm-delete').click();
        await page.getByRole('heading', { level: 1, name: '监督对象' }).waitFor();
        await settled(page);
        await page.reload();
        await settled(page);
        assert.equal(await page.getByTestId('institution-row').filter({ hasText: '待删除诊所' }).count(), 0);
      },
    ));

  test('the list searches by name or code and filters by type and township', () =>
    withBrowser(
      server,
      async ({ page }) => {
        await open(page, server, 'institutions');
        await addInstitution(page, { name: '东村卫生室', code: 'PDY-001', kind: 'village_clinic', township: '城关镇' });
        await page.getByTestId('registration-kind').selectOption('other');
        await open(page, server, 'institutions');
        await addInstitution(page, { name: '西村卫生室', code: VALID_CODE, kind: 'village_clinic', township: '河西镇' });
        await open(page, server, 'institutions');
        await addInstitution(page, { name: '城关诊所', code: VALID_CODE, kind: 'clinic', township: '城关镇' });
        await open(page, server, 'institutions');
        const rows = page.getByTestId('institution-row');
        assert.equal(await rows.count(), 3);
        await page.getByTestId('institution-search').fill('pdy');
        assert.deepEqual(await rows.allInnerTexts().then((t) => t.map((x) => x.split('\n')[0])), ['东村卫生室']);
        await page.getByTestId('institution-search').fill('');
        await page.getByTestId('institution-type-filter').selectOption('village_clinic');
        assert.equal(await rows.count(), 2);
        await page.getByTestId('institution-township-filter').selectOption('城关镇');
        assert.equal(await rows.count(), 1);
        assert.match(await page.getByTestId('institution-count').innerText(), /共 3 家，符合条件 1 家/);
      },
    ));

  test('5,000 institutions: the list shows the count, renders a page of rows and searches', () =>
    withBrowser(
      server,
      async ({ page }) => {
        await open(page, server);
        // Seed the roster straight into IndexedDB, as an import would.
        await page.evaluate(async () => {
          const db = await new Promise((resolve, reject) => {
            const request = indexedDB.open('jiandu');
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          });
          const tx = db.transaction('institutions', 'readwrite');
          const store = tx.objectStore('institutions');
          const now = new Date().toISOString();
          for (let n = 0; n < 5000; n++) {
            store.put({
              id: `seed-${n}`, name: `第${n}号诊所`, registration_kind: 'other', registration_number: `REG${n}`,
              kind: n % 2 ? 'clinic' : 'village_clinic', level: null, ownership: null, address: '',
              township: n % 3 ? '城关镇' : '河西镇', contact_person: '', contact_phone: '', services: [],
              created_at: now, updated_at: now,
            });
          }
          await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
          db.close();
        });
        await page.reload();
        await open(page, server, 'institutions');
        assert.match(await page.getByTestId('institution-count').innerText(), /共 5000 家/);
        assert.equal(await page.getByTestId('institution-row').count(), 100);
        await page.getByTestId('institution-search').fill('第4999号');
        assert.equal(await page.getByTestId('institution-row').count(), 1);
      },
    ));
});

describe('inspector roster', () => {
  let server;
  before(async () => (server = await serveDist(releaseBuild().dist)));
  after(async () => server.dispose());

  test('an inspector added survives a reload; a duplicate certificate number is refused', () =>
    withBrowser(
      server,
      async ({ page }) => {
        await open(page, server, 'inspectors');
        await page.getByTestId('add-inspector').click();
        await page.getByTestId('inspector-name').fill('张三');
        await page.getByTestId('certificate-number').fill('渝卫执 2019001');
        await page.getByTestId('unit').fill('区卫生健康执法支队');
        await settled(page);
        await open(page, server, 'inspectors');
        await page.getByTestId('add-inspector').click();
        await page.getByTestId('inspector-name').fill('李四');
        await page.getByTestId('certificate-number').fill('渝卫执2019001');
        assert.match(await page.locator('#field-certificate-number-error').innerText(), /已登记给“张三”/);
        await settled(page);
        await page.reload();
        await open(page, server, 'inspectors');
        const rows = await page.getByTestId('inspector-row').allInnerTexts();
        assert.equal(rows.length, 2);
        assert.ok(rows.some((r) => r.includes('张三') && r.includes('区卫生健康执法支队')));
        assert.ok(rows.some((r) => r.includes('李四') && r.includes('信息待完善')));
      },
    ));
});
