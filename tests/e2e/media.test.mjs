// Evidence on a tablet: a photo attached to a 不符合 finding through the file input is
// downscaled to a long edge of 1600 px, keeps its capture time, and is found after a reload with
// the same SHA-256 as the bytes stored; a file that is not a photo or video, and a video over the
// limit, are refused with a message and nothing is stored; the viewer deletes a photo with its
// bytes; the officers and the inspected party sign on the screen.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { TABLET, addInspector, addInstitution, mediaCount, open, releaseBuild, serveDist, settled, withBrowser } from './harness.mjs';

/** A JPEG of `width`×`height` drawn in the page (a licence-like test card). */
async function drawnJpeg(page, width, height) {
  const base64 = await page.evaluate(
    async ([w, h]) => {
      const canvas = document.createElement('canvas');
      canvas.width = w;
      canvas.height = h;
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = '#f4efe2';
      ctx.fillRect(0, 0, w, h);
      ctx.fillStyle = '#b22';
      ctx.font = `${Math.round(h / 10)}px sans-serif`;
      ctx.fillText('医疗机构执业许可证 TEST', w / 20, h / 2);
      const blob = await new Promise((r) => canvas.toBlob(r, 'image/jpeg', 0.9));
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let text = '';
      for (const b of bytes) text += String.fromCharCode(b);
      return btoa(text);
    },
    [width, height],
  );
  return Buffer.from(base64, 'base64');
}

/** `jpeg` with an EXIF APP1 segment carrying DateTimeOriginal `when` ("YYYY:MM:DD HH:MM:SS"). */
function withCaptureTime(jpeg, when) {
  const text = Buffer.from(when + '\0', 'ascii'); // 20 bytes
  const tiff = Buffer.alloc(8 + 2 + 12 + 4 + 2 + 12 + 4 + text.length);
  let at = 0;
  tiff.write('II', at); at += 2;
  tiff.writeUInt16LE(42, at); at += 2;
  tiff.writeUInt32LE(8, at); at += 4;
  // IFD0: one entry, the Exif IFD pointer.
  tiff.writeUInt16LE(1, at); at += 2;
  const exifIfd = 8 + 2 + 12 + 4;
  tiff.writeUInt16LE(0x8769, at); tiff.writeUInt16LE(4, at + 2); tiff.writeUInt32LE(1, at + 4); tiff.writeUInt32LE(exifIfd, at + 8); at += 12;
  tiff.writeUInt32LE(0, at); at += 4;
  // Exif IFD: DateTimeOriginal.
  tiff.writeUInt16LE(1, at); at += 2;
  const textAt = exifIfd + 2 + 12 + 4;
  tiff.writeUInt16LE(0x9003, at); tiff.writeUInt16LE(2, at + 2); tiff.writeUInt32LE(text.length, at + 4); tiff.writeUInt32LE(textAt, at + 8); at += 12;
  tiff.writeUInt32LE(0, at); at += 4;
  text.copy(tiff, at);
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const app1 = Buffer.alloc(4);
  app1.writeUInt16BE(0xffe1, 0);
  app1.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), app1, body, jpeg.subarray(2)]);
}

/** The stored bytes of a media id: their SHA-256 and, for an image, its pixel size. */
async function stored(page, id) {
  return page.evaluate(
    (id) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('jiandu');
        open.onsuccess = () => {
          const request = open.result.transaction('media').objectStore('media').get(id);
          request.onsuccess = async () => {
            const record = request.result;
            open.result.close();
            if (!record) return resolve(null);
            const digest = await crypto.subtle.digest('SHA-256', await record.blob.arrayBuffer());
            const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
            const bitmap = await createImageBitmap(record.blob);
            resolve({ sha256: hex, type: record.blob.type, width: bitmap.width, height: bitmap.height });
          };
          request.onerror = () => reject(request.error);
        };
        open.onerror = () => reject(open.error);
      }),
    id,
  );
}

/** The media ids the inspection record names (from the stored record). */
async function storedInspection(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const open = indexedDB.open('jiandu');
        open.onsuccess = () => {
          const request = open.result.transaction('inspections').objectStore('inspections').getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result[0]);
          };
        };
      }),
  );
}

/** Officers named `officers`, the clinic 新华诊所, the first 2022 plan, and its inspection
 * started (the page is on the inspection). */
async function startInspection(page, server, officers) {
  for (const [n, name] of officers.entries()) await addInspector(page, server, name, `渝卫执00${n + 1}`);
  await open(page, server, 'institutions');
  await addInstitution(page, { name: '新华诊所', code: '91350100M000100Y43', kind: 'clinic' });
  await open(page, server, 'plans');
  await page.getByTestId('create-from-template').first().click();
  await page.getByTestId('add-to-plan').first().click();
  await page.getByTestId('start-inspection').click();
  await page.getByTestId('inspection-date').waitFor();
}

describe('evidence media and signatures', () => {
  let server;
  before(async () => (server = await serveDist(releaseBuild().dist)));
  after(async () => server.dispose());

  test('a photo on a finding: downscaled, capture time kept, same hash after a reload; refusals; delete', () =>
    withBrowser(
      server,
      async ({ page }) => {
        await startInspection(page, server, ['张三', '李四']);
        const point = page.getByTestId('point-M1.1.2');
        await point.getByRole('radio', { name: '不符合' }).click();
        await point.locator('.chip').first().click();

        // A 3000×2000 photo taken 2026-11-20 09:30:12.
        const photo = withCaptureTime(await drawnJpeg(page, 3000, 2000), '2026:11:20 09:30:12');
        await point.getByTestId('media-file').setInputFiles({ name: 'licence.jpg', mimeType: 'image/jpeg', buffer: photo });
        const thumb = point.getByTestId('media-thumb');
        await thumb.waitFor();
        await settled(page);
        const sha256 = await thumb.getAttribute('data-sha256');
        assert.match(sha256, /^[0-9a-f]{64}$/);
        const record = await storedInspection(page);
        const ref = record.answers['M1.1.2'].media[0];
        assert.equal(ref.sha256, sha256);
        assert.equal(ref.captured_at, '2026-11-20T09:30:12');
        const bytes = await stored(page, ref.id);
        assert.deepEqual(bytes, { sha256, type: 'image/jpeg', width: 1600, height: 1067 }, 'downscaled, re-encoded, hash of the stored bytes');

        // After a reload: the same photo, the same hash.
        await page.reload();
        await settled(page);
        await point.getByTestId('media-thumb').waitFor();
        assert.equal(await point.getByTestId('media-thumb').getAttribute('data-sha256'), sha256);
        assert.equal((await stored(page, ref.id)).sha256, sha256);

        // Not a photo or video, and a video over the limit: refused, nothing stored.
        await point.getByTestId('media-file').setInputFiles({ name: '说明.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') });
        assert.match(await point.getByTestId('media-problems').innerText(), /说明\.pdf.*不是照片或录像/);
        const big = join(tmpdir(), 'jiandu-e2e-big.mp4');
        writeFileSync(big, Buffer.alloc(51 * 1024 * 1024));
        await point.getByTestId('media-file').setInputFiles(big);
        assert.match(await point.getByTestId('media-problems').innerText(), /jiandu-e2e-big\.mp4.*超过录像上限/);
        assert.equal(await point.getByTestId('media-thumb').count(), 1);
        assert.equal(await mediaCount(page), 1);

        // Text typed just before a photo is attached (still in the autosave's debounce): both
        // are kept, whichever write the browser finishes first.
        await point.getByTestId('description').fill('未悬挂执业许可证（正本）');
        await point.getByTestId('media-file').setInputFiles({ name: 'small.jpg', mimeType: 'image/jpeg', buffer: await drawnJpeg(page, 320, 240) });
        await point.getByTestId('media-thumb').nth(1).waitFor();
        await settled(page);
        await page.reload();
        await settled(page);
        assert.equal(await point.getByTestId('description').inputValue(), '未悬挂执业许可证（正本）');
        assert.equal(await point.getByTestId('media-thumb').count(), 2);
        await point.getByTestId('media-thumb').nth(1).click();
        assert.equal(await page.getByTestId('viewer-position').innerText(), '2/2');
        await page.getByTestId('media-viewer').getByTestId('delete').click();
        await page.getByTestId('media-viewer').getByTestId('confirm-delete').click();
        await page.getByTestId('viewer-position').filter({ hasText: '1/1' }).waitFor();
        await page.getByTestId('viewer-close').click();
        await settled(page);
        assert.equal(await point.getByTestId('media-thumb').count(), 1);

        // The viewer shows the full hash; deleting removes the reference and the bytes together.
        await point.getByTestId('media-thumb').click();
        const viewer = page.getByTestId('media-viewer');
        assert.match(await viewer.getByTestId('viewer-hash').innerText(), new RegExp(sha256));
        await viewer.getByTestId('delete').click();
        await viewer.getByTestId('confirm-delete').click();
        await viewer.waitFor({ state: 'detached' });
        await settled(page);
        assert.equal(await point.getByTestId('media-thumb').count(), 0);
        assert.equal(await mediaCount(page), 0);
        assert.deepEqual((await storedInspection(page)).answers['M1.1.2'].media ?? [], []);
      },
      TABLET,
    ));

  test('storage running short: a photo that does not fit is refused first, a failed photo write keeps the text', () =>
    withBrowser(
      server,
      async ({ page }) => {
        await startInspection(page, server, ['张三']);
        const point = page.getByTestId('point-M1.1.2');
        await point.getByRole('radio', { name: '不符合' }).click();
        await point.getByTestId('description').fill('未按规定公示诊疗科目，现场核实');
        await settled(page);
        const photo = { name: 'p.jpg', mimeType: 'image/jpeg', buffer: await drawnJpeg(page, 1200, 900) };

        // The browser says 5 MB are left: the photo is refused before anything is written.
        await page.evaluate(() => {
          window.__realEstimate = navigator.storage.estimate.bind(navigator.storage);
          navigator.storage.estimate = async () => ({ usage: 995 * 1024 * 1024, quota: 1000 * 1024 * 1024 });
        });
        await point.getByTestId('media-file').setInputFiles(photo);
        assert.match(await point.getByTestId('media-problems').innerText(), /存储空间不足.*约剩 5\.0 MB.*已填写的内容不受影响/);
        assert.equal(await point.getByTestId('media-thumb').count(), 0);
        assert.equal(await mediaCount(page), 0);
        await page.evaluate(() => (navigator.storage.estimate = window.__realEstimate));

        // The estimate was wrong and the disk fills while writing: nothing of the photo stays,
        // the text is saved, and the user is told.
        await page.evaluate(() => {
          window.__realPut = IDBObjectStore.prototype.put;
          IDBObjectStore.prototype.put = function (...args) {
            if (this.name === 'media') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
            return window.__realPut.apply(this, args);
          };
        });
        await point.getByTestId('media-file').setInputFiles(photo);
        assert.match(await point.getByTestId('media-problems').innerText(), /照片未保存.*存储空间已满（文字内容已保存）.*重新添加/);
        await settled(page);
        assert.equal(await point.getByTestId('media-thumb').count(), 0, 'no photo shown that was not stored');
        await page.evaluate(() => (IDBObjectStore.prototype.put = window.__realPut));
        await page.reload();
        await settled(page);
        assert.equal(await point.getByTestId('description').inputValue(), '未按规定公示诊疗科目，现场核实');
        assert.equal(await point.getByTestId('media-thumb').count(), 0);
        assert.equal(await mediaCount(page), 0);
        assert.deepEqual((await storedInspection(page)).answers['M1.1.2'].media ?? [], []);
      },
      TABLET,
    ));

  test('signatures on the screen, kept after a reload; the 现场检查笔录 prints the photo and signatures; the 意见书 takes its 文号', () =>
    withBrowser(
      server,
      async ({ page }) => {
        await startInspection(page, server, ['张三']);
        await page.getByTestId('add-assignment').selectOption({ label: '张三（渝卫执001）' });
        await settled(page);

        const signatures = page.getByTestId('signatures');
        const draw = async () => {
          const pad = page.getByTestId('signature-canvas');
          const box = await pad.boundingBox();
          await page.mouse.move(box.x + box.width * 0.1, box.y + box.height * 0.6);
          await page.mouse.down();
          for (let n = 1; n <= 10; n++) await page.mouse.move(box.x + box.width * (0.1 + n * 0.07), box.y + box.height * (0.6 - (n % 2) * 0.3));
          await page.mouse.up();
          await page.getByTestId('signature-confirm').click();
          await page.getByTestId('signature-pad').waitFor({ state: 'detached' });
        };
        await signatures.getByTestId('signer').filter({ hasText: '张三' }).getByTestId('sign').click();
        assert.ok(await page.getByTestId('signature-confirm').isDisabled(), 'nothing drawn yet');
        await draw();
        await signatures.getByTestId('party-name').fill('王五');
        await signatures.getByTestId('party-position').fill('负责人');
        await signatures.getByTestId('party-sign').click();
        await draw();
        await settled(page);
        await page.reload();
        await settled(page);
        assert.equal(await signatures.getByTestId('signature-image').locator('img').count(), 2);
        assert.match(await signatures.innerText(), /执法人员 张三[\s\S]*被检查单位 王五（负责人）/);
        const record = await storedInspection(page);
        assert.equal(record.signatures.length, 2);
        const png = await stored(page, record.signatures[0].image.id);
        assert.equal(png.type, 'image/png');
        assert.equal(png.sha256, record.signatures[0].image.sha256);

        // A problem with its photo, then the 现场检查笔录 in print preview: the photo and both
        // signatures are on the page, each kept whole.
        const point = page.getByTestId('point-M1.1.2');
        await point.getByRole('radio', { name: '不符合' }).click();
        await point.locator('.chip').first().click();
        await point.getByTestId('media-file').setInputFiles({ name: 'waste.jpg', mimeType: 'image/jpeg', buffer: await drawnJpeg(page, 800, 600) });
        await point.getByTestId('media-thumb').waitFor();
        await settled(page);

        // Signed before the problem was recorded: the signatures are not on this text any more.
        assert.match(await signatures.getByTestId('signatures-changed').innerText(), /签名后内容已修改：张三、被检查人王五的签名不是对当前文本所签/);
        assert.equal(await signatures.getByTestId('signature-state').count(), 2);
        await page.getByTestId('complete-inspection').click();
        assert.match(await page.getByTestId('completion-refused').innerText(), /签名后内容已修改（张三、被检查人王五的签名与当前现场检查笔录不符），请重新签名后再完成检查/);
        await page.getByTestId('open-record').click();
        await page.getByTestId('document-alert').waitFor();
        assert.match(await page.getByTestId('document-alert').innerText(), /签名后内容已修改/);
        assert.equal(await page.getByTestId('document-signature').locator('img').count(), 0, 'no signature under a text it was not given for');
        await page.getByRole('link', { name: '‹ 返回检查' }).click();
        // Both sign again under the text as it is now.
        await signatures.getByTestId('signer').filter({ hasText: '张三' }).getByTestId('sign').click();
        await draw();
        await signatures.getByTestId('signer').filter({ hasText: '王五' }).getByTestId('sign').click();
        await draw();
        await settled(page);
        assert.equal(await signatures.getByTestId('signatures-changed').count(), 0);
        assert.equal(await signatures.getByTestId('signature-state').count(), 0);
        await page.getByTestId('open-record').click();
        const record2 = page.getByTestId('document');
        await record2.waitFor();
        await page.emulateMedia({ media: 'print' });
        assert.match(await record2.innerText(), /现场检查笔录[\s\S]*被检查单位：新华诊所[\s\S]*（见照片1）[\s\S]*照片1/);
        const figure = record2.getByTestId('document-figure').locator('img');
        await figure.waitFor();
        assert.ok(await figure.evaluate((img) => img.complete && img.naturalWidth > 0), 'the photo is drawn');
        assert.equal(await record2.getByTestId('document-signature').locator('img').count(), 2, 'both signatures printed');
        assert.equal(await page.getByTestId('document-alert').count(), 0);
        assert.equal(await page.locator('.app-nav').isVisible(), false, 'only the document prints');
        assert.equal(await figure.evaluate((img) => getComputedStyle(img.closest('figure')).breakInside), 'avoid');
        await page.emulateMedia({ media: 'screen' });

        // The 卫生监督意见书 takes its 文号 from the series; a reprint shows the same number.
        await page.getByRole('link', { name: '‹ 返回检查' }).click();
        await page.getByTestId('open-opinion').click();
        // This year's series, whatever year the test runs in (a new year restarts a series).
        const number = `X卫医监〔${new Date().getFullYear()}〕12号`;
        await page.getByTestId('opinion-series').fill(number);
        await page.getByTestId('take-number').click();
        // Said taken only once the number is written to the inspection.
        await page.getByText(`已取号：${number}`).waitFor();
        await settled(page);
        assert.equal(await page.getByTestId('document-number').innerText(), number);
        assert.match(await page.getByTestId('document').innerText(), /卫生监督意见书[\s\S]*法律依据/);
        await page.reload();
        await settled(page);
        assert.equal(await page.getByTestId('document-number').innerText(), number);
        assert.equal(await page.getByTestId('opinion-number').innerText(), `文号：${number}`);
      },
      TABLET,
    ));
});
