// A crash fires no event: the browser process is killed (SIGKILL to its whole process group, as
// an OOM kill or a dying tablet would end it), then started again on the same profile.
// - While the user types without pausing: everything typed more than the autosave's maximum
//   wait (1 s, plus the time a write takes) before the kill must be there.
// - During a roster import that also adds the units to a plan: the units and the plan change
//   are both there or neither, and once 已导入 is on screen, both are.
// - Right after an exchange file's import says 已导入, or an inspection says 已完成: it is there.
// - Right after the header says 已保存 after an ordinary edit: the edit is there.
// - Right after 已载入示例数据, or after a draw says 已记录本次抽取: the sample, or the draw with
//   the units it added to the plan, is there; a kill at the click leaves the draw whole or absent.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, addInstitution, open, releaseBuild, serveDist, settled } from './harness.mjs';

/** Chromium started by hand in its own process group, driven over the DevTools protocol. */
async function startChromium(profile) {
  const child = spawn(
    process.env.CHROMIUM ?? '/usr/bin/chromium',
    [...CHROMIUM_ARGS, '--headless', `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const endpoint = await new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${text}`)), 20000);
    child.stderr.on('data', (chunk) => {
      text += chunk;
      const found = /DevTools listening on (ws:\/\/\S+)/.exec(text);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    });
  });
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0];
  const page = context.pages()[0] ?? (await context.newPage());
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    page,
    /** SIGKILL every process of this Chromium at once; resolves when the main one is gone. */
    async kill() {
      process.kill(-child.pid, 'SIGKILL');
      await exited;
    },
    async close() {
      await browser.close().catch(() => {});
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      await exited;
    },
  };
}

/**
 * Runs `act(page)` in a Chromium on profile `dir` and SIGKILLs it right after; then runs
 * `check(page)` in a Chromium started again on the same profile.
 */
async function killAfter(dir, act, check) {
  const first = await startChromium(dir);
  try {
    await act(first.page);
    await first.kill();
  } catch (error) {
    await first.close();
    throw error;
  }
  const second = await startChromium(dir);
  try {
    await check(second.page);
  } finally {
    await second.close();
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a crash while typing', () => {
  let server;
  let profile;
  before(async () => {
    server = await serveDist(releaseBuild().dist);
    profile = mkdtempSync(join(tmpdir(), 'jiandu-crash-'));
  });
  after(async () => {
    await server.dispose();
    rmSync(profile, { recursive: true, force: true });
  });

  test('costs at most about the last second of typing', async () => {
    const TYPED = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghij';
    let typedAt;
    let killedAt;
    await killAfter(
      profile,
      async (page) => {
        await open(page, server, 'institutions');
        await addInstitution(page, { name: '崩溃测试诊所' });
        await page.getByTestId('name').press('End');
        // One key every 80 ms for about 3 s: never the 300 ms pause the debounce waits for.
        typedAt = [];
        for (const key of TYPED) {
          await page.keyboard.type(key);
          typedAt.push(Date.now());
          await sleep(80);
        }
        killedAt = Date.now();
      },
      async (page) => {
        await open(page, server, 'institutions');
        await page.getByText('崩溃测试诊所').first().click();
        await settled(page);
        const kept = (await page.getByTestId('name').inputValue()).replace('崩溃测试诊所', '');
        assert.ok(TYPED.startsWith(kept), `what was kept is a prefix of what was typed: ${kept}`);
        // Everything typed more than 1 s (the maximum wait) + 0.5 s (the write, on a busy
        // machine) before the kill is on disk.
        const due = typedAt.filter((at) => killedAt - at > 1500).length;
        assert.ok(due > 10, `the test typed long enough before the kill (${due} keys due)`);
        assert.ok(kept.length >= due, `${kept.length} of ${TYPED.length} keys kept; ${due} were typed more than 1.5 s before the kill`);
      },
    );
  });

  test('a roster import with 加入任务 is written whole or not at all, and whole once it says so', async () => {
    const UNITS = 30;
    const list = ['序号,单位名称,单位地址,机构类别']
      .concat(Array.from({ length: UNITS }, (_, i) => `${i + 1},崩溃名录诊所${i + 1},新华路${i + 1}号,诊所`))
      .join('\r\n');
    const file = { name: '名录.csv', mimeType: 'text/csv', buffer: Buffer.from(list) };
    // Kills at moments inside the write, then one right after the done line appears.
    for (const delay of [0, 100, 250, 'done']) {
      const dir = mkdtempSync(join(tmpdir(), 'jiandu-crash-import-'));
      await killAfter(
        dir,
        async (page) => {
          await open(page, server, 'plans');
          await page.getByTestId('create-from-template').first().click();
          await settled(page);
          await open(page, server, 'institutions/import');
          await page.getByTestId('roster-file').setInputFiles(file);
          await page.getByTestId('roster-plan').selectOption({ index: 1 });
          await page.getByTestId('roster-confirm').click();
          if (delay === 'done') await page.getByTestId('roster-done').waitFor();
          else await sleep(delay);
        },
        async (page) => {
          await open(page, server, 'institutions');
          const units = await page.getByTestId('institution-row').filter({ hasText: '崩溃名录诊所' }).count();
          await open(page, server, 'plans');
          await page.getByRole('link', { name: /2022年医疗机构国家随机监督抽查/ }).first().click();
          await page.getByTestId('plan-year').waitFor();
          const joined = await page.getByTestId('plan-institution').count();
          assert.ok(
            (units === 0 && joined === 0) || (units === UNITS && joined === UNITS),
            `killed at ${delay}: ${units} units imported, ${joined} in the plan`,
          );
          if (delay === 'done') assert.equal(units, UNITS, 'what the screen said was imported is there');
        },
      );
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('an exchange import that says 已导入 survives a kill the moment it says so', async () => {
    // A big file (3,000 units), so its strict write takes long enough for a kill to land in it.
    const base = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'exchange-v2.json'), 'utf8'));
    const unit = base.records.institutions[0];
    const records = {
      ...base.records,
      institutions: base.records.institutions.concat(
        Array.from({ length: 3000 }, (_, i) => ({ ...unit, id: `bulk-${i}`, name: `批量单位${i}`, registration_number: '' })),
      ),
    };
    const text = JSON.stringify(records);
    const file = join(mkdtempSync(join(tmpdir(), 'jiandu-bulk-')), 'bulk.json');
    writeFileSync(file, JSON.stringify({ ...base, records: '@' }).replace('"@"', text).replace(base.records_sha256, createHash('sha256').update(text).digest('hex')));
    const dir = mkdtempSync(join(tmpdir(), 'jiandu-crash-exchange-'));
    await killAfter(
      dir,
      async (page) => {
        await open(page, server, 'data');
        await page.getByTestId('import-file').setInputFiles(file);
        await page.getByTestId('import-preview').waitFor({ timeout: 60000 });
        await page.getByTestId('import-confirm').click();
        await page.getByTestId('exchange-done').waitFor({ timeout: 60000 });
      },
      async (page) => {
        await open(page, server, 'institutions');
        await page.getByTestId('institution-search').fill('批量单位2999');
        assert.equal(await page.getByTestId('institution-row').filter({ hasText: '批量单位2999' }).count(), 1, 'what the screen said was imported is there');
      },
    );
    rmSync(dir, { recursive: true, force: true });
  });

  test('an inspection that says 已完成 is completed after a kill the moment it says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiandu-crash-complete-'));
    const shown = (page) => page.getByTestId('inspection-status').filter({ hasText: '已完成' });
    await killAfter(
      dir,
      async (page) => {
        await open(page, server);
        await page.getByTestId('load-sample').click();
        await settled(page);
        await open(page, server, 'inspections/sample-inspection-dental');
        await page.getByTestId('recorder').selectOption({ label: '王芳（示例）' });
        await page.getByTestId('complete-inspection').click();
        await page.getByTestId('confirm-complete').click();
        await shown(page).waitFor();
      },
      async (page) => {
        await open(page, server, 'inspections/sample-inspection-dental');
        assert.equal(await shown(page).count(), 1, 'what the screen said was completed is completed');
      },
    );
    rmSync(dir, { recursive: true, force: true });
  });

  test('an edit the header says is 已保存 survives a kill the moment it says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiandu-crash-saved-'));
    await killAfter(
      dir,
      async (page) => {
        await open(page, server, 'institutions');
        await addInstitution(page, { name: '已保存测试诊所' });
        await page.getByTestId('address').fill('新华路88号');
        await page.getByTestId('save-status').filter({ hasText: '已保存' }).waitFor();
      },
      async (page) => {
        await open(page, server, 'institutions');
        await page.getByText('已保存测试诊所').first().click();
        await page.getByTestId('name').waitFor();
        assert.equal(await page.getByTestId('address').inputValue(), '新华路88号', 'what the header said was saved is there');
      },
    );
    rmSync(dir, { recursive: true, force: true });
  });

  test('the sample that says 已载入 survives a kill the moment it says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiandu-crash-sample-'));
    await killAfter(
      dir,
      async (page) => {
        await open(page, server);
        await page.getByTestId('load-sample').click();
        await page.getByTestId('sample-done').waitFor();
      },
      async (page) => {
        await open(page, server);
        assert.equal(await page.getByTestId('home-institution-count').innerText(), '15');
        assert.equal(await page.getByTestId('home-inspection-count').innerText(), '11');
      },
    );
    rmSync(dir, { recursive: true, force: true });
  });

  test('a draw is recorded with its units whole or not at all, and whole once it says so', async () => {
    for (const delay of [0, 'done']) {
      const dir = mkdtempSync(join(tmpdir(), 'jiandu-crash-draw-'));
      let planRoute;
      let drawn;
      await killAfter(
        dir,
        async (page) => {
          await open(page, server);
          await page.getByTestId('load-sample').click();
          await settled(page);
          await open(page, server, 'plans');
          await page.getByTestId('create-from-template').first().click();
          await page.getByTestId('draw-run').click();
          drawn = await page.getByTestId('drawn-unit').count();
          planRoute = new URL(page.url()).hash.slice(2);
          await settled(page);
          await page.getByTestId('draw-confirm').click();
          if (delay === 'done') await page.getByTestId('draw-done').waitFor();
          else await sleep(delay);
        },
        async (page) => {
          await open(page, server, planRoute);
          await page.getByTestId('plan-year').waitFor();
          const records = await page.getByTestId('draw-record').count();
          const joined = await page.getByTestId('plan-institution').count();
          assert.ok(drawn > 0, 'the draw found units');
          assert.ok(
            (records === 0 && joined === 0) || (records === 1 && joined === drawn),
            `killed at ${delay}: ${records} draws recorded, ${joined} of ${drawn} units in the plan`,
          );
          if (delay === 'done') assert.equal(records, 1, 'what the screen said was recorded is there');
        },
      );
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
