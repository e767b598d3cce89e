// 驻点监督 end to end on a tablet: a stay at a hospital with its dates (warned outside 1–3 weeks)
// and group, two scenes worked through (one with a problem), a scene the hospital lacks marked
// 合理缺项, the coverage board, the 汇总会 settling the problem's handling, the 问题汇总表 as
// XLSX, the 反馈意见 document, the overdue rectification on 首页, and all of it after a reload.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { TABLET, addInspector, addInstitution, open, releaseBuild, serveDist, settled, withBrowser } from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));

/** The cells of an XLSX file's first sheet as rows of strings, in row order (openpyxl via
 * read_xlsx.py). */
function xlsxRows(path) {
  const { cells } = JSON.parse(execFileSync('/usr/bin/python3', [join(here, 'read_xlsx.py'), path], { encoding: 'utf8' }));
  const rows = new Map();
  for (const [at, value] of Object.entries(cells)) {
    const n = Number(/\d+$/.exec(at)[0]);
    if (!rows.has(n)) rows.set(n, []);
    rows.get(n).push(String(value));
  }
  return [...rows.keys()].sort((a, b) => a - b).map((n) => rows.get(n));
}

/** Answers every point of the open sheet 符合, except `problem`: 不符合 with its first 规范用语. */
async function answerSheet(page, problem) {
  const points = page.locator('[data-testid^="point-"]');
  const count = await points.count();
  for (let n = 0; n < count; n++) {
    const point = points.nth(n);
    const id = (await point.getAttribute('data-testid')).replace('point-', '');
    if (id === problem) {
      await point.getByRole('radio', { name: '不符合' }).click();
      await point.locator('.chip').first().click();
      await point.getByTestId('evidence').fill('现场拍照3张（照片编号12-14）');
    } else {
      await point.getByRole('radio', { name: '符合', exact: true }).click();
    }
  }
}

describe('驻点监督', () => {
  let server;
  before(async () => (server = await serveDist(releaseBuild().dist)));
  after(async () => server.dispose());

  test('a short stay: two scenes, a scene 合理缺项, the 汇总会 and the 反馈意见', () =>
    withBrowser(
      server,
      async ({ page }) => {
        await addInspector(page, server, '张三', '渝卫执001');
        await addInspector(page, server, '李四', '渝卫执002');
        await addInspector(page, server, '王五', '渝卫执003');
        await open(page, server, 'institutions');
        await addInstitution(page, { name: '县人民医院', code: '12500112MB1XK1123D', kind: 'hospital' });
        await page.getByTestId('level').selectOption('second');
        await page.getByTestId('ownership').selectOption('public');
        await settled(page);

        await open(page, server, 'plans');
        await page.getByTestId('new-plan-kind').selectOption('stationed');
        await page.getByTestId('create-plan').click();
        await page.getByTestId('candidate-search').fill('县人民医院');
        await page.getByTestId('add-to-plan').click();
        await page.getByTestId('start-stay').click();

        // The stay: dates (a warning outside one to three weeks), office and group.
        await page.getByTestId('stay-title').waitFor();
        assert.match(await page.getByTestId('stay-problems').innerText(), /请填写驻点起止日期[\s\S]*请指定组长/);
        await page.getByTestId('stay-start').fill('2026-11-16');
        await page.getByTestId('stay-end').fill('2026-11-20');
        await page.getByTestId('stay-end').blur();
        assert.match(await page.getByTestId('stay-problems').innerText(), /驻点时间共5天，方案要求驻点1至3周/);
        await page.getByTestId('stay-end').fill('2026-11-27');
        await page.getByTestId('stay-end').blur();
        await page.getByTestId('stay-office').fill('行政楼302室');
        const group = page.getByTestId('stay-group');
        for (const [name, role] of [['张三', 'leader'], ['李四', 'deputy'], ['王五', 'member']]) {
          await group.getByTestId('group-pick').selectOption({ label: name });
          await group.getByTestId('group-role').selectOption(role);
          await group.getByTestId('group-add').click();
        }
        await group.getByTestId('township-name').fill('赵六（城关镇卫生院）');
        await group.getByTestId('township-add').click();
        await settled(page);
        assert.doesNotMatch(await page.getByTestId('stay-problems').innerText(), /驻点时间|组长|副组长/);
        assert.match(await group.innerText(), /张三\s*组长[\s\S]*李四\s*副组长[\s\S]*王五\s*成员[\s\S]*赵六（城关镇卫生院）/);
        assert.match(await page.getByTestId('board-summary').innerText(), /已完成0个，合理缺项0个，进行中0个，未开始33个/);

        // Scene 污水房: one problem; 完毕 is refused until every point is answered.
        await page.locator('[data-target="sewage"] a').click();
        await page.getByTestId('recorder').selectOption({ label: '张三（组长）' });
        await page.getByTestId('finish-sheet').click();
        assert.match(await page.getByTestId('sheet-problems').innerText(), /还有2项未检查/);
        await answerSheet(page, 'Z-CR-28');
        await page.getByTestId('finish-sheet').click();
        assert.equal(await page.getByTestId('sheet-status').innerText(), '已完成');
        await settled(page);

        // Scene B超室: all compliant.
        await open(page, server, `stays/${await stayId(page)}/scenes/ultrasound`);
        await answerSheet(page, null);
        await page.getByTestId('finish-sheet').click();
        assert.equal(await page.getByTestId('sheet-status').innerText(), '已完成');

        // 血液透析中心: the hospital has none.
        await open(page, server, `stays/${await stayId(page)}/scenes/hemodialysis`);
        await page.getByTestId('scene-na-reason').fill('未设置血液透析室');
        await page.getByTestId('mark-scene-na').click();
        assert.equal(await page.getByTestId('sheet-status').innerText(), '合理缺项');
        await settled(page);

        // The board.
        await page.getByRole('link', { name: '‹ 返回驻点' }).click();
        assert.match(await page.getByTestId('board-summary').innerText(), /已完成2个，合理缺项1个，进行中0个，未开始30个/);
        assert.equal(await page.locator('[data-target="sewage"]').getAttribute('data-status'), 'done');
        assert.equal(await page.locator('[data-target="hemodialysis"]').getAttribute('data-status'), 'not_applicable');
        assert.match(await page.locator('[data-target="sewage"]').innerText(), /问题1/);
        assert.match(await page.getByTestId('board-day').filter({ hasText: /污水房/ }).innerText(), /B超室、污水房：检查6项，发现问题1个/);

        // 首页 lists the stay under way, one tap from the board.
        await open(page, server);
        assert.match(await page.getByTestId('stays-under-way').innerText(), /县人民医院 · 驻点中 第\d+天\/共12天 · 已完成3\/33个场景/);
        await page.getByTestId('stays-under-way').locator('a').click();
        await page.getByTestId('stay-title').waitFor();

        // The 汇总会: the problem gets its handling.
        await page.getByTestId('stay-meeting').fill('2026-11-27');
        await page.getByTestId('stay-meeting').blur();
        await page.getByTestId('open-register').click();
        assert.match(await page.getByTestId('register-counts').innerText(), /共1个问题，已确定处理方式0个，待定1个/);
        const problem = page.getByTestId('problem');
        assert.match(await page.getByTestId('register-area').innerText(), /传染病[\s\S]*污水房/);
        await problem.getByRole('radio', { name: '责令限期改正' }).click();
        assert.match(await problem.innerText(), /请填写整改期限/);
        await problem.getByTestId('handling-deadline').fill('2026-11-20');
        await problem.getByTestId('handling-deadline').blur();
        await settled(page);
        assert.match(await page.getByTestId('register-counts').innerText(), /共1个问题，已全部确定处理方式/);

        // The 问题汇总表 as XLSX.
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('register-xlsx').click()]);
        assert.match(download.suggestedFilename(), /县人民医院.*问题汇总表\.xlsx$/);
        const rows = xlsxRows(await download.path());
        assert.match(rows[0].join(''), /县人民医院驻点监督问题汇总表/);
        const row = rows.find((r) => r.includes('污水房'));
        assert.ok(row, 'the problem is a row');
        assert.ok(row.includes('责令限期改正'), row.join('|'));
        // Made for paper: every column of the problem row wraps (empty cells too), the row is as
        // tall as its longest text (taller than the one-line area heading above it), and the
        // header row prints on every page of A4 landscape.
        const paper = JSON.parse(execFileSync('/usr/bin/python3', [join(here, 'read_xlsx.py'), await download.path()], { encoding: 'utf8' }));
        const at = Number(Object.keys(paper.cells).find((cell) => paper.cells[cell] === '污水房').slice(1));
        for (const column of 'BCDEFGHIJ') assert.ok(paper.wrap[`${column}${at}`], `${column}${at} wraps`);
        assert.match(paper.cells[`A${at - 1}`], /传染病/);
        assert.ok(paper.heights[at] > paper.heights[at - 1], `the problem row ${paper.heights[at]} is taller than one line ${paper.heights[at - 1]}`);
        assert.equal(paper.title_rows, '$3:$3');
        assert.deepEqual([paper.print.paper, paper.print.orientation], [9, 'landscape']);

        // The 反馈意见: the problem by area with its handling and deadline.
        await page.getByRole('link', { name: '‹ 返回驻点' }).click();
        await page.getByTestId('open-feedback').click();
        const feedback = page.getByTestId('document');
        assert.match(await feedback.innerText(), /关于县人民医院驻点监督情况的反馈意见/);
        assert.match(await feedback.innerText(), /传染病[\s\S]*2026年11月20日前整改完毕/);
        assert.equal(await page.getByTestId('document-warnings').count(), 0, 'every problem is settled');

        // The deadline has passed (today is after 2026-11-20) and there is no 复查: 首页 says so.
        await open(page, server);
        assert.match(await page.getByTestId('overdue').innerText(), /1项责令限期改正已逾期未复查[\s\S]*县人民医院 · 污水房 · 整改期限2026-11-20/);

        // Everything after a reload.
        await page.reload();
        await settled(page);
        await page.getByTestId('overdue').locator('a').click();
        assert.equal(await page.getByTestId('handling-deadline').inputValue(), '2026-11-20');

        // The 反馈 closes the stay: the handling is locked, the 复查 is still recorded.
        await page.getByRole('link', { name: '‹ 返回驻点' }).click();
        await page.getByTestId('stay-feedback-on').fill('2026-11-27');
        await page.getByTestId('stay-feedback-on').blur();
        await settled(page);
        assert.equal(await page.getByTestId('stay-phase').innerText(), '已反馈');
        await page.getByTestId('open-register').click();
        assert.ok(await page.getByTestId('handling-deadline').isDisabled(), 'the decision is locked');
        await page.getByTestId('recheck-result').selectOption('corrected');
        await page.getByTestId('recheck-note').fill('已设置污水处理设施运行记录');
        await settled(page);
        await open(page, server);
        assert.equal(await page.getByTestId('overdue').count(), 0, 'rechecked: no longer overdue');

        // The year's figures on 汇总.
        await open(page, server, 'summary');
        assert.match(await page.getByTestId('stay-figures').innerText(), /完成驻点（已反馈）\s+1家[\s\S]*完成检查的场景\s+2个（合理缺项1个）[\s\S]*发现问题\s+1个/);
        assert.match(await page.getByTestId('stay-figures-areas').innerText(), /传染病\s+1/);
        assert.match(await page.getByTestId('stay-figures-handling').innerText(), /责令限期改正\s+1/);
        assert.match(await page.getByTestId('stay-figures-rechecks').innerText(), /复查已改正\s+1[\s\S]*逾期未复查\s+0/);

        // The hospital and the officers of a stay are not deleted: the device's backups must
        // carry what the stay refers to.
        await open(page, server, 'institutions');
        await page.getByRole('link', { name: /县人民医院/ }).click();
        assert.match(await page.getByTestId('in-use').innerText(), /已用于1个任务、1个驻点，不能删除/);
      },
      TABLET,
    ));
});

/** The stay id in the current URL. */
async function stayId(page) {
  const match = /#\/stays\/([^/]+)/.exec(page.url());
  assert.ok(match, page.url());
  return decodeURIComponent(match[1]);
}
