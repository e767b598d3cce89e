// An import is one transaction: a page closed at any moment while a large import is being
// written leaves the database wholly as it was before or wholly after, never half.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { after, before, describe, test } from 'node:test';
import { exchangeJson, launch, open, releaseBuild, serveDist, settled } from './harness.mjs';

const COPIES = 100;

/** An exchange file with 1,500 institutions, built from an export of the sample. */
function bigFile(exported) {
  // The sample's export is a ZIP (it carries photos); its records.json is the exchange JSON.
  const file = JSON.parse(exchangeJson(exported)[0]);
  const institutions = [];
  for (let n = 0; n < COPIES; n++) {
    for (const institution of file.records.institutions) {
      institutions.push({ ...institution, id: `${institution.id}-copy-${n}`, registration_number: '' });
    }
  }
  const records = JSON.stringify({ institutions, inspectors: [], plans: [], inspections: [] });
  const { records: _, ...header } = file;
  header.records_sha256 = createHash('sha256').update(records).digest('hex');
  const text = JSON.stringify(header).slice(0, -1) + ',"records":' + records + '}';
  const path = join(tmpdir(), `jiandu-big-${process.pid}.json`);
  writeFileSync(path, text);
  return { path, count: institutions.length };
}

async function storedInstitutions(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const request = indexedDB.open('jiandu');
        request.onsuccess = () => {
          const db = request.result;
          const count = db.transaction('institutions').objectStore('institutions').count();
          count.onsuccess = () => {
            db.close();
            resolve(count.result);
          };
          count.onerror = () => reject(count.error);
        };
        request.onerror = () => reject(request.error);
      }),
  );
}

describe('an interrupted import', () => {
  let server;
  before(async () => (server = await serveDist(releaseBuild().dist)));
  after(async () => server.dispose());

  test('leaves the database wholly before or wholly after it', async () => {
    const source = await launch(server);
    let big;
    try {
      await open(source.page, server);
      await source.page.getByTestId('load-sample').click();
      await settled(source.page);
      await open(source.page, server, 'data');
      const [download] = await Promise.all([source.page.waitForEvent('download'), source.page.getByTestId('export-all').click()]);
      big = bigFile(await download.path());
    } finally {
      await source.close();
    }
    const outcomes = new Set();
    for (const delay of [0, 2, 5, 10, 20, 40, 80, 160]) {
      const browser = await launch(server);
      try {
        const { page, context } = browser;
        await open(page, server);
        await page.getByTestId('start-empty').click();
        await open(page, server, 'data');
        await page.getByTestId('import-file').setInputFiles(big.path);
        await page.getByTestId('import-preview').waitFor();
        await page.getByTestId('import-confirm').click();
        await new Promise((r) => setTimeout(r, delay));
        await page.close({ runBeforeUnload: false });
        const again = await context.newPage();
        await again.goto(server.outsideUrl);
        const stored = await storedInstitutions(again);
        assert.ok(stored === 0 || stored === big.count, `after ${delay} ms: ${stored} institutions stored`);
        outcomes.add(stored);
      } finally {
        await browser.close();
      }
    }
    assert.ok(outcomes.has(big.count), 'an import left alone long enough completes');
  });
});
