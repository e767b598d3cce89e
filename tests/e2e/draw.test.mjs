// 双随机 inside the app: a sampling plan draws the clinics its target needs from the roster,
// with two officers each; the draw is recorded with the plan, its officers are assigned when
// the inspection starts, and its 公示 list (XLSX) and the list it was drawn from can be
// re-checked by the published checker with nothing but Python.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { TABLET, addInspector, addInstitution, open, releaseBuild, serveDist, settled, withBrowser } from './harness.mjs';
import { countPrints, headedBy, numberedAndClean, printCount, printed, squeeze } from './paper.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const CLINICS = [
  ['甲诊所', '92500112MA61XK1125'],
  ['乙诊所', '92500112MA62XK122Q'],
  ['丙诊所', '92500112MA63XK132C'],
  ['丁诊所', '92500112MA64XK1420'],
];

describe('double random draw', () => {
  let server;
  before(async () => (server = await serveDist(releaseBuild().dist)));
  after(async () => server.dispose());

  test('draw, record, assign, and re-check the 公示 list', () =>
    withBrowser(
      server,
      async ({ page }) => {
        await addInspector(page, server, '张三', '渝卫执001');
        await addInspector(page, server, '李四', '渝卫执002');
        await addInspector(page, server, '王五', '渝卫执003');
        await open(page, server, 'institutions');
        for (const [name, code] of CLINICS) {
          await open(page, server, 'institutions');
          await addInstitution(page, { name, code });
        }
        // 张三 must avoid every clinic (回避): no draw may send him to one.
        await open(page, server, 'inspectors');
        await page.getByTestId('inspector-row').filter({ hasText: '张三' }).click();
        for (const [name] of CLINICS) {
          await page.getByTestId('conflict-search').fill(name);
          await page.getByTestId('add-conflict').first().click();
        }
        await settled(page);
        assert.equal(await page.getByTestId('conflict').count(), 4);
        await open(page, server, 'plans');
        await page.getByTestId('create-from-template').first().click();
        await page.getByTestId('draw-seed').fill('2022年10月12日 区卫生健康执法支队 抽取');
        await page.getByTestId('draw-run').click();
        const result = page.getByTestId('draw-result');
        assert.equal(await result.getByTestId('drawn-unit').count(), 3, 'the 诊所 target is 3');
        assert.match(await result.innerText(), /医院\(含中医院\)：需抽取 1 个，名录中只有 0 个可抽/);
        const drawn = await result.getByTestId('drawn-unit').allInnerTexts();
        for (const line of drawn) assert.match(line, /^(甲|乙|丙|丁)诊所（诊所）— (李四、王五|王五、李四)$/);
        // The same seed and list draw the same again.
        await page.getByTestId('draw-run').click();
        assert.deepEqual(await result.getByTestId('drawn-unit').allInnerTexts(), drawn);
        await page.getByTestId('draw-confirm').click();
        assert.match(await page.getByTestId('draw-done').innerText(), /3 个单位加入任务/);
        await settled(page);
        await page.reload();
        await settled(page);
        assert.equal(await page.getByTestId('plan-institution').count(), 3);
        assert.equal(await page.getByTestId('draw-record').count(), 1);

        // The 公示 list and the list drawn from: the published checker draws the same clinics.
        const [notice, list] = await Promise.all([
          page.waitForEvent('download'),
          page.waitForEvent('download', (d) => d.suggestedFilename().endsWith('.txt')),
          page.getByTestId('draw-notice').click(),
        ]);
        const book = JSON.parse(execFileSync('/usr/bin/python3', [join(here, 'read_xlsx.py'), await notice.path()], { encoding: 'utf8' }));
        assert.match(book.cells.A1, /双随机抽取结果公示$/);
        const names = [book.cells.B3, book.cells.B4, book.cells.B5];
        assert.deepEqual(names, drawn.map((line) => line.split('（')[0]));
        assert.equal(book.cells.A8, '种子：2022年10月12日 区卫生健康执法支队 抽取');
        // Made for paper: the list's cells and the foot lines wrap, the long 复核方法 line is
        // taller than a one-line row, and the header row prints on every page of A4 portrait.
        for (let r = 3; r <= 5; r++) for (const column of 'BCDE') assert.ok(book.wrap[`${column}${r}`], `${column}${r} wraps`);
        assert.ok(book.wrap.A10 && book.cells.A10.startsWith('复核方法'));
        assert.ok(book.heights['10'] > book.heights['3'], `复核方法 ${book.heights['10']} is taller than a one-line row ${book.heights['3']}`);
        assert.equal(book.title_rows, '$2:$2');
        assert.deepEqual([book.print.paper, book.print.orientation], [9, 'portrait']);
        const checker = execFileSync(
          'python3',
          [join(here, '..', '..', 'docs', 'draw_check.py'), await list.path(), '2022年10月12日 区卫生健康执法支队 抽取', '诊所', '3'],
          { encoding: 'utf8' },
        );
        assert.match(checker, new RegExp(`list sha256: ${book.cells.A9.split('：')[1]}`));
        assert.match(checker, new RegExp(`诊所: ${names[0]} \\(.+\\), ${names[1]} \\(.+\\), ${names[2]} \\(`));

        // 打印公示: the list alone on paper, with the seed and the hash.
        await countPrints(page);
        await page.getByTestId('draw-print').click();
        // The first print on the device asks for the 落款单位 (printed at the top of each page).
        await page.getByTestId('agency-ask-name').fill('区卫生健康执法支队');
        await page.getByTestId('agency-ask-save').click();
        assert.equal(await printCount(page), 1);
        const printView = page.getByTestId('draw-print-view');
        assert.match(await printView.innerText(), /种子：2022年10月12日 区卫生健康执法支队 抽取/);
        await page.emulateMedia({ media: 'print' });
        await page.evaluate(() => document.documentElement.classList.add('printing-draw'));
        assert.ok(await printView.isVisible());
        assert.equal(await page.locator('.app-nav').isVisible(), false);
        assert.equal(await page.getByTestId('plan-institutions').isVisible(), false);
        // On paper: A4, numbered, headed by the agency, the seed and the hash, nothing of the screen.
        const paper = await printed(page);
        await page.emulateMedia({ media: 'print' });
        assert.deepEqual([paper.width, paper.height], [595, 842], 'A4 portrait');
        numberedAndClean(paper);
        headedBy(paper, '区卫生健康执法支队');
        assert.match(squeeze(paper.pages.join('')), /种子：2022年10月12日区卫生健康执法支队抽取/);
        assert.match(squeeze(paper.pages.join('')), new RegExp(`抽取名单SHA-256：${book.cells.A9.split('：')[1]}`));
        await page.evaluate(() => document.documentElement.classList.remove('printing-draw'));
        await page.emulateMedia({ media: 'screen' });

        // The drawn officers are assigned when the inspection starts.
        await page.getByTestId('start-inspection').first().click();
        await page.getByTestId('inspection-date').waitFor();
        assert.equal(await page.getByTestId('assigned-inspectors').locator('li').count(), 2);
      },
      TABLET,
    ));
});

describe('驻点 lottery', () => {
  let server;
  before(async () => (server = await serveDist(releaseBuild().dist)));
  after(async () => server.dispose());

  test('the order of a 3-year round by lot, recorded and re-checkable', () =>
    withBrowser(
      server,
      async ({ page }) => {
        const hospitals = [
          ['县人民医院', '12500112MB1XK1123D', 'second', 'public'],
          ['县中医院', '12500112MB2XK12239', 'second', 'public'],
          ['仁爱医院', '12500112MB3XK13235', 'first', 'private'],
          ['未定级医院', '12500112MB4XK14231', 'ungraded', 'private'],
        ];
        for (const [name, code, level, ownership] of hospitals) {
          await open(page, server, 'institutions');
          await addInstitution(page, { name, code, kind: 'hospital' });
          await page.getByTestId('level').selectOption(level);
          await page.getByTestId('ownership').selectOption(ownership);
          await settled(page);
        }
        await open(page, server, 'plans');
        await page.getByTestId('new-plan-kind').selectOption('stationed');
        await page.getByTestId('create-plan').click();
        await page.getByTestId('lottery-seed').fill('2024年10月8日 县卫生健康局 抽签');
        await page.getByTestId('lottery-run').click();
        const drawn = await page.getByTestId('lottery-hospital').allInnerTexts();
        assert.deepEqual([...drawn].sort(), ['仁爱医院', '县中医院', '县人民医院'].sort(), '一级以上 only, once each');
        await page.getByTestId('lottery-run').click();
        assert.deepEqual(await page.getByTestId('lottery-hospital').allInnerTexts(), drawn, 'the same seed, the same order');
        await page.getByTestId('lottery-confirm').click();
        assert.match(await page.getByTestId('lottery-done').innerText(), /3 家医院的驻点顺序/);
        await settled(page);
        await page.reload();
        await settled(page);
        assert.equal(await page.getByTestId('lottery-record').count(), 1);
        // The order printed alone: one hospital a year over the round, with the seed.
        await page.getByTestId('lottery-print').click();
        await page.getByTestId('agency-ask-skip').click();
        const printed = page.getByTestId('draw-print-view');
        assert.match(await printed.innerText(), /驻点监督顺序抽签结果公示[\s\S]*年度[\s\S]*种子：2024年10月8日 县卫生健康局 抽签/);
        const rows = await printed.locator('tbody tr').allInnerTexts();
        assert.deepEqual(rows.map((r) => r.split('\t')[1]), drawn, 'printed in the drawn order');
        const years = rows.map((r) => Number(/(\d{4})年/.exec(r.split('\t')[3])[1]));
        assert.deepEqual(years, [years[0], years[0] + 1, years[0] + 2], 'one hospital in each year of the round');
        const [, list] = await Promise.all([
          page.waitForEvent('download'),
          page.waitForEvent('download', (d) => d.suggestedFilename().endsWith('.txt')),
          page.getByTestId('lottery-notice').click(),
        ]);
        const checker = execFileSync(
          'python3',
          [join(here, '..', '..', 'docs', 'draw_check.py'), await list.path(), '2024年10月8日 县卫生健康局 抽签'],
          { encoding: 'utf8' },
        );
        const order = checker.trim().split('\n').slice(1).map((line) => line.split(' ')[1]);
        assert.deepEqual(order, drawn, 'the published checker draws the same order');
      },
      TABLET,
    ));
});
