// Backups and merging between tablets: a device's data exported and imported on a second, empty
// browser profile gives the same records and the same 附表3; importing it again changes nothing;
// two devices' files merge with the one conflict listed and picked; a bad file is refused with
// its reason and writes nothing.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { exchangeJson, launch, mediaCount, open, releaseBuild, serveDist, settled } from './harness.mjs';

const HUITOUKAN = '2022年医疗卫生“回头看”监督检查（示例）';

async function counts(page, server) {
  await open(page, server);
  const read = (id) => page.getByTestId(id).innerText();
  return [await read('home-institution-count'), await read('home-plan-count'), await read('home-inspection-count'), await read('home-inspector-count')];
}

async function exportAll(page, server) {
  await open(page, server, 'data');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-all').click()]);
  assert.match(download.suggestedFilename(), /^卫生监督数据-全部-\d+\.(json|zip)$/);
  return download.path();
}

async function importFile(page, server, path) {
  await open(page, server, 'data');
  await page.getByTestId('import-file').setInputFiles(path);
  await page.getByTestId('import-preview').waitFor();
  return page.getByTestId('import-tally').innerText();
}

async function fubiao3(page, server) {
  await open(page, server, 'summary');
  await page.getByTestId('summary-plan').selectOption({ label: HUITOUKAN });
  return page.getByTestId('fubiao3-table').locator('tbody').innerText();
}

async function renameInstitution(page, server, from, to) {
  await open(page, server, 'institutions');
  await page.getByTestId('institution-row').filter({ hasText: from }).click();
  await page.getByTestId('name').fill(to);
  await settled(page);
}

async function withTwoDevices(server, body) {
  const a = await launch(server);
  const b = await launch(server);
  try {
    await body(a.page, b.page);
    assert.deepEqual([...a.problems, ...b.problems], [], 'no console errors on either device');
  } finally {
    await a.close();
    await b.close();
  }
}

describe('export, import and merge', () => {
  let server;
  before(async () => (server = await serveDist(releaseBuild().dist)));
  after(async () => server.dispose());

  test('export → import on a second, empty profile restores everything; twice changes nothing', () =>
    withTwoDevices(server, async (a, b) => {
      await open(a, server);
      await a.getByTestId('load-sample').click();
      await settled(a);
      const file = await exportAll(a, server);
      assert.match(await a.getByTestId('last-export').innerText(), /^上次导出全部数据：/);
      const [text, isZip] = exchangeJson(file);
      assert.ok(isZip, 'the sample carries photos: the file is a ZIP');
      const parsed = JSON.parse(text);
      assert.equal(parsed.format, 'jiandu-exchange');
      assert.match(parsed.records_sha256, /^[0-9a-f]{64}$/);
      const total = Object.values(parsed.records).reduce((n, list) => n + list.length, 0);

      await open(b, server);
      await b.getByTestId('start-empty').click();
      await open(b, server, 'data');
      assert.match(await b.getByTestId('last-export').innerText(), /尚未导出/);
      assert.equal(await importFile(b, server, file), `新增 ${total} 条，更新 0 条，相同 0 条，本机较新保留 0 条，冲突 0 条`);
      await b.getByTestId('import-confirm').click();
      assert.match(await b.getByTestId('exchange-done').innerText(), new RegExp(`写入 ${total} 条记录`));
      await settled(b);
      await b.reload();
      await settled(b);
      assert.deepEqual(await counts(b, server), await counts(a, server));
      assert.equal(await fubiao3(b, server), await fubiao3(a, server), '附表3 is the same on both devices');
      assert.equal(await mediaCount(b), 5, 'the photos came with their records');
      await open(b, server, 'stays/sample-stay-renhe/register');
      const photo = b.getByTestId('media-thumb').first();
      await photo.locator('img').waitFor();
      assert.ok(await photo.locator('img').evaluate((img) => img.complete && img.naturalWidth > 0));

      assert.equal(await importFile(b, server, file), `新增 0 条，更新 0 条，相同 ${total} 条，本机较新保留 0 条，冲突 0 条`);
      await b.getByTestId('import-cancel').click();
      assert.equal(await b.getByTestId('import-preview').count(), 0);
    }));

  test('two members answer the same 驻点 scene on their own tablets: the files combine answer by answer', () =>
    withTwoDevices(server, async (a, b) => {
      await open(a, server);
      await a.getByTestId('load-sample').click();
      await settled(a);
      const first = await exportAll(a, server);
      await open(b, server);
      await b.getByTestId('start-empty').click();
      await importFile(b, server, first);
      await b.getByTestId('import-confirm').click();
      await settled(b);

      // The stay in progress: 病理科 is not started. A answers its first point, B its second.
      const scene = 'stays/sample-stay-hospital/scenes/pathology';
      await open(a, server, scene);
      const pointsA = a.locator('[data-testid^="point-"]');
      await pointsA.nth(0).getByRole('radio', { name: '符合', exact: true }).click();
      await settled(a);
      await open(b, server, scene);
      const pointsB = b.locator('[data-testid^="point-"]');
      await pointsB.nth(1).getByRole('radio', { name: '不符合' }).click();
      await pointsB.nth(1).locator('.chip').first().click();
      await settled(b);

      const fromA = await exportAll(a, server);
      assert.match(await importFile(b, server, fromA), /冲突 0 条，现场监督表逐项合并 1 份/);
      await b.getByTestId('import-confirm').click();
      await settled(b);
      await b.reload();
      await settled(b);
      await open(b, server, scene);
      assert.equal(await pointsB.nth(0).getAttribute('data-verdict'), 'compliant', "A's answer arrived");
      assert.equal(await pointsB.nth(1).getAttribute('data-verdict'), 'non_compliant', "B's answer stayed");

      // And back: A takes B's file, and both tablets hold the same sheet.
      const fromB = await exportAll(b, server);
      assert.match(await importFile(a, server, fromB), /冲突 0 条/);
      await a.getByTestId('import-confirm').click();
      await settled(a);
      await open(a, server, scene);
      assert.equal(await pointsA.nth(1).getAttribute('data-verdict'), 'non_compliant', "B's answer arrived");
      assert.equal(await pointsA.nth(0).getAttribute('data-verdict'), 'compliant');
    }));

  test("two devices' files merge: one update, one conflict picked by the user", () =>
    withTwoDevices(server, async (a, b) => {
      await open(a, server);
      await a.getByTestId('load-sample').click();
      await settled(a);
      const first = await exportAll(a, server);
      await open(b, server);
      await b.getByTestId('start-empty').click();
      await importFile(b, server, first);
      await b.getByTestId('import-confirm').click();
      await settled(b);

      // Both devices change 示例康宁诊所, B first; A also changes 示例仁和医院.
      await renameInstitution(b, server, '示例康宁诊所', '康宁诊所（B机核对）');
      await renameInstitution(a, server, '示例康宁诊所', '康宁诊所（A机核对）');
      await renameInstitution(a, server, '示例仁和医院', '仁和医院（A机更名）');
      const second = await exportAll(a, server);

      const tally = await importFile(b, server, second);
      assert.match(tally, /更新 1 条/);
      assert.match(tally, /冲突 1 条/);
      const conflict = b.getByTestId('import-conflict');
      assert.equal(await conflict.count(), 1);
      assert.match(await conflict.innerText(), /监督对象：康宁诊所（A机核对）/);
      // Last change wins by default (A changed it later); the user keeps this device's edit.
      assert.equal(await conflict.getByTestId('take-incoming').getAttribute('aria-checked'), 'true');
      await conflict.getByTestId('keep-local').click();
      assert.equal(await conflict.getByTestId('keep-local').getAttribute('aria-checked'), 'true');
      await b.getByTestId('import-confirm').click();
      await settled(b);
      await b.reload();
      await settled(b);
      await open(b, server, 'institutions');
      const names = await b.getByTestId('institution-row').allInnerTexts();
      assert.ok(names.some((n) => n.includes('康宁诊所（B机核对）')), 'the edit made here is kept');
      assert.ok(names.some((n) => n.includes('仁和医院（A机更名）')), 'the other device’s edit arrives');
      assert.ok(!names.some((n) => n.includes('A机核对')));
    }));

  test('a file sealed with a passphrase opens only with it', () =>
    withTwoDevices(server, async (a, b) => {
      await open(a, server);
      await a.getByTestId('load-sample').click();
      await settled(a);
      await open(a, server, 'data');
      await a.getByTestId('export-seal').check();
      await a.getByTestId('export-passphrase').fill('短');
      await a.getByTestId('export-passphrase-repeat').fill('短');
      await a.getByTestId('export-all').click();
      assert.match(await a.getByTestId('exchange-error').innerText(), /至少8个字符/);
      await a.getByTestId('export-passphrase').fill('渝卫执法2022！');
      await a.getByTestId('export-passphrase-repeat').fill('渝卫执法2022！');
      const [download] = await Promise.all([a.waitForEvent('download'), a.getByTestId('export-all').click()]);
      assert.match(download.suggestedFilename(), /-加密\.json$/);
      const text = readFileSync(await download.path(), 'utf8');
      const envelope = JSON.parse(text);
      assert.equal(envelope.format, 'jiandu-exchange-sealed');
      assert.equal(envelope.kdf.iterations >= 600000, true);
      assert.ok(!text.includes('示例'), 'nothing readable leaks');

      await open(b, server);
      await b.getByTestId('start-empty').click();
      await open(b, server, 'data');
      await b.getByTestId('import-file').setInputFiles(await download.path());
      await b.getByTestId('import-passphrase').fill('错误的密码123');
      await b.getByTestId('import-unseal').click();
      assert.match(await b.getByTestId('exchange-error').innerText(), /密码错误，或文件已损坏/);
      assert.equal(await b.getByTestId('import-preview').count(), 0);
      await b.getByTestId('import-passphrase').fill('渝卫执法2022！');
      await b.getByTestId('import-unseal').click();
      await b.getByTestId('import-preview').waitFor();
      await b.getByTestId('import-confirm').click();
      await settled(b);
      assert.deepEqual(await counts(b, server), await counts(a, server));
    }));

  test('a bad file is refused with its reason and writes nothing', () =>
    withTwoDevices(server, async (a) => {
      await open(a, server);
      await a.getByTestId('start-empty').click();
      await open(a, server, 'data');
      const input = a.getByTestId('import-file');
      const cases = [
        ['newer.json', '{"format":"jiandu-exchange","format_version":99}', /较新版本/],
        ['cut.json', '{"format":"jiandu-exchange","format_version":1,"records":{"institu', /不完整/],
        ['other.json', '{"hello":"world"}', /不是本应用导出的数据交换文件/],
        ['gbk.csv', Buffer.from([0xce, 0xd2, 0xb6, 0xbd, 0x2c, 0x31]), /不是 UTF-8/],
      ];
      for (const [name, content, message] of cases) {
        await input.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
        const error = a.getByTestId('exchange-error');
        await error.waitFor();
        assert.match(await error.innerText(), message, name);
        assert.match(await error.innerText(), new RegExp(`未导入“${name.replace('.', '\\.')}”`));
        assert.equal(await a.getByTestId('import-preview').count(), 0);
      }
      assert.deepEqual(await counts(a, server), ['0', '0', '0', '0']);
    }));
});
