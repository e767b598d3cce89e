// 回头看 end to end on a tablet: a penalty registered on a 非医疗机构, last year's penalised units
// added to the 2022 回头看 plan in one tap, the follow-up with each original violation's
// rectification beside the new observation and the unlicensed-practice checklist, then 附表3
// on 汇总 with the cells a hand count gives, what stands behind a cell, and all of it after a
// reload.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { TABLET, addInspector, addInstitution, open, releaseBuild, serveDist, settled, withBrowser } from './harness.mjs';


/** The 33 data cells of one 附表3 row on screen. */
async function screenRow(page, code) {
  const row = page.getByTestId('fubiao3-table').locator(`tbody tr[data-row="${code}"]`);
  return (await row.locator('td').allInnerTexts()).map((t) => t.trim());
}

describe('回头看 and 附表3', () => {
  let server;
  before(async () => (server = await serveDist(releaseBuild().dist)));
  after(async () => server.dispose());

  test('penalty → plan → follow-up with rectification → 附表3 and its sources', () =>
    withBrowser(
      server,
      async ({ page }) => {
        await addInspector(page, server, '张三', '渝卫执001');
        await addInspector(page, server, '李四', '渝卫执002');
        await open(page, server, 'institutions');
        await addInstitution(page, { name: '丽人美容工作室', code: '92500103MA5U8XK12W', kind: 'non_medical' });

        // The penalty of 2021 with two original violations, each mapped to a 附表3 column.
        const penalties = page.getByTestId('penalties');
        await penalties.getByTestId('add-penalty').click();
        const penalty = penalties.getByTestId('penalty');
        await penalty.getByTestId('penalty-campaign').selectOption('illegal_cosmetology');
        await penalty.getByTestId('penalty-year').fill('2021');
        await penalty.getByTestId('penalty-year').blur();
        assert.match(await penalty.innerText(), /请填写行政处罚决定书文号/);
        await penalty.getByTestId('penalty-decision').fill('渝卫医罚〔2021〕8号');
        await penalty.getByTestId('add-violation').click();
        await penalty.getByTestId('violation-text').nth(0).fill('未取得《医疗机构执业许可证》擅自开展医疗美容');
        await penalty.getByTestId('violation-column').nth(0).selectOption('license');
        await penalty.getByTestId('add-violation').click();
        await penalty.getByTestId('violation-text').nth(1).fill('使用非卫生技术人员从事注射美容');
        await penalty.getByTestId('violation-column').nth(1).selectOption('staff_qualification');
        await settled(page);
        assert.equal(await penalty.locator('.problems li').count(), 0, 'the penalty is complete');
        await page.reload();
        await settled(page);
        assert.equal(await page.getByTestId('penalty-decision').inputValue(), '渝卫医罚〔2021〕8号');
        assert.equal(await page.getByTestId('violation-column').nth(1).inputValue(), 'staff_qualification');

        // The 2022 回头看 plan takes last year's penalised units in one tap.
        await open(page, server, 'plans');
        await page.getByTestId('create-from-template').nth(2).click();
        await page.getByTestId('add-penalised').click();
        await settled(page);
        assert.match(await page.getByTestId('population').innerText(), /打击非法医疗美容服务专项整治回头看 — 非医疗机构 1家/);
        assert.match(await page.getByTestId('plan-institution').innerText(), /丽人美容工作室[\s\S]*原处罚：2021年打击非法医疗美容服务专项整治/);
        await page.getByTestId('start-inspection').click();

        // The follow-up: original violations first, then the unlicensed-practice checklist.
        const checks = page.getByTestId('rectification');
        await checks.first().waitFor();
        assert.equal(await checks.count(), 2);
        assert.match(await page.getByTestId('rectifications').innerText(), /2021年打击非法医疗美容服务专项整治 · 渝卫医罚〔2021〕8号/);
        assert.equal(await checks.nth(0).getByTestId('original-violation').innerText(), '未取得《医疗机构执业许可证》擅自开展医疗美容');
        await page.getByRole('heading', { name: /非医疗机构检查表/ }).waitFor();
        await page.getByTestId('add-assignment').selectOption({ label: '张三（渝卫执001）' });
        await page.getByTestId('add-assignment').selectOption({ label: '李四（渝卫执002）' });
        await page.getByTestId('recorder').selectOption({ label: '张三' });

        // Completion is refused while a violation's rectification is not recorded.
        await page.getByTestId('complete-inspection').click();
        assert.match(await page.getByTestId('completion-refused').innerText(), /原违法行为1：请选择整改情况/);
        await checks.nth(0).getByTestId('rectification-not_rectified').click();
        await checks.nth(0).getByTestId('rectification-observation').fill('现场仍有顾客接受注射，未见执业许可证');
        assert.match(await checks.nth(0).innerText(), /须说明尚未整改的内容/);
        await checks.nth(0).getByTestId('rectification-note').fill('仍在无证开展注射美容');
        await checks.nth(1).getByTestId('rectification-rectified').click();
        const point = page.getByTestId('point-N3.1.1');
        await point.getByRole('radio', { name: '不符合', exact: true }).click();
        await point.getByTestId('description').fill('现场为顾客注射玻尿酸');
        await point.getByTestId('add-case_filed').click();
        await point.getByTestId('handling-case').fill('渝卫医罚〔2022〕31号');
        await point.getByTestId('add-fine').click();
        await point.getByTestId('handling-amount').fill('30000');
        await page.getByTestId('complete-inspection').click();
        await page.getByTestId('confirm-complete').click();
        await page.getByTestId('inspection-status').filter({ hasText: '已完成' }).waitFor();
        await settled(page);
        await page.reload();
        await settled(page);
        assert.equal(await checks.nth(0).getAttribute('data-status'), 'not_rectified');
        assert.equal(await checks.nth(0).getByTestId('rectification-observation').inputValue(), '现场仍有顾客接受注射，未见执业许可证');

        // 附表3 by hand: one unit in the 非医疗机构 row, inspected; 执业许可证 (the violation still
        // stands) and 医疗美容 (N3.1.1) fail; 人员资格 was rectified; one case; 3万元.
        await open(page, server, 'summary');
        await page.getByTestId('summary-plan').selectOption({ label: '2022年医疗卫生“回头看”监督检查' });
        await page.getByTestId('fubiao3-table').waitFor();
        const expected = Array(33).fill('0');
        expected[30] = '0.0000';
        assert.deepEqual(await screenRow(page, 'lawful_practice'), expected);
        const nonMedical = [...expected];
        nonMedical[0] = '1';
        nonMedical[1] = '1';
        nonMedical[2] = '1'; // 执业许可证管理
        nonMedical[18] = '1'; // 医疗美容管理
        nonMedical[29] = '1';
        nonMedical[30] = '3.0000';
        assert.deepEqual(await screenRow(page, 'cosmetology_non_medical'), nonMedical);
        assert.equal(await page.getByTestId('fubiao3-warnings').count(), 0);

        // What stands behind a cell: the unit, the standing violation, a link to the follow-up.
        const row = page.getByTestId('fubiao3-table').locator('tbody tr[data-row="cosmetology_non_medical"]');
        await row.locator('td').nth(2).getByTestId('fubiao3-cell').click();
        const sources = page.getByTestId('cell-sources');
        assert.match(await sources.innerText(), /不合格情况 › 医疗机构资质管理 › 执业许可证管理不符合要求单位数/);
        assert.match(await sources.getByTestId('cell-source').innerText(), /丽人美容工作室[\s\S]*原违法行为（未整改）：未取得《医疗机构执业许可证》擅自开展医疗美容/);
        await row.locator('td').nth(30).getByTestId('fubiao3-cell').click();
        assert.match(await sources.innerText(), /N3\.1\.1：罚没款 30000元（3万元）/);
        await sources.getByRole('link', { name: '查看检查' }).click();
        await page.getByTestId('rectifications').waitFor();

        // An edit of the follow-up changes the table at once: reopen, mark rectified.
        await page.getByTestId('reopen-inspection').click();
        await checks.nth(0).getByTestId('rectification-rectified').click();
        await page.getByTestId('complete-inspection').click();
        await page.getByTestId('confirm-complete').click();
        await page.getByTestId('inspection-status').filter({ hasText: '已完成' }).waitFor();
        await settled(page);
        await open(page, server, 'summary');
        await page.getByTestId('summary-plan').selectOption({ label: '2022年医疗卫生“回头看”监督检查' });
        nonMedical[2] = '0';
        assert.deepEqual(await screenRow(page, 'cosmetology_non_medical'), nonMedical);
      },
      TABLET,
    ));
});

describe('附表3 of the sample', () => {
  let server;
  before(async () => (server = await serveDist(releaseBuild().dist)));
  after(async () => server.dispose());

  test('on screen, downloaded as XLSX (read back by openpyxl) and CSV, and printed', () =>
    withBrowser(
      server,
      async ({ page }) => {
        await open(page, server);
        await page.getByTestId('load-sample').click();
        await settled(page);
        await open(page, server, 'summary');
        await page.getByTestId('summary-plan').selectOption({ label: '2022年医疗卫生“回头看”监督检查（示例）' });
        await page.getByTestId('fubiao3-table').waitFor();
        const codes = ['lawful_practice', 'random_supervision', 'cosmetology_non_medical', 'cosmetology_medical'];
        const screen = [];
        for (const code of codes) screen.push(await screenRow(page, code));
        for (const [n, cells] of screen.entries()) {
          assert.equal(cells.length, 33);
          assert.ok(cells.some((c) => Number(c) > 0), `row ${codes[n]} has a non-zero cell`);
          for (const cell of cells.slice(2, 29)) assert.ok(Number(cell) <= Number(cells[1]), 'unit counts ≤ 检查单位数');
        }
        assert.equal(await page.getByTestId('fubiao3-cell').count() > 0, true);

        // XLSX, read as a spreadsheet program reads it.
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('fubiao3-xlsx').click()]);
        assert.match(download.suggestedFilename(), /^附表3 医疗卫生“回头看”检查情况汇总表（.+）\.xlsx$/);
        const reader = join(dirname(fileURLToPath(import.meta.url)), 'read_xlsx.py');
        const book = JSON.parse(execFileSync('/usr/bin/python3', [reader, await download.path()], { encoding: 'utf8' }));
        assert.equal(book.sheet, '附表3');
        assert.equal(book.cells.A1, '医疗卫生“回头看”检查情况汇总表');
        assert.deepEqual(book.merged, [
          'A1:AI1', 'A2:B4', 'A5:B5', 'A6:B6', 'A7:A8', 'A9:AI9', 'AB3:AE3', 'AF2:AI2', 'AF3:AF4', 'AG3:AG4',
          'AH3:AH4', 'AI3:AI4', 'C2:C4', 'D2:D4', 'E2:AE2', 'E3:H3', 'I3:O3', 'P3:R3', 'S3:X3', 'Y3:AA3',
        ]);
        const headers = {
          A2: '类别', C2: '被处罚单位数', D2: '检查单位数', E2: '不合格情况', AF2: '行政处罚情况',
          E3: '医疗机构资质管理', I3: '医疗卫生人员管理', P3: '药品和医疗器械管理', S3: '医疗技术管理',
          Y3: '医疗文书管理', AB3: '临床用血管理', AF3: '查处案件数', AG3: '罚没款金额（万元）',
          AH3: '吊销《医疗机构执业许可证》单位数', AI3: '吊销诊疗科目单位数',
          E4: '执业许可证管理不符合要求单位数', F4: '人员资格管理（未使用非卫生技术人员）不符合要求单位数',
          Y4: '处方管理不符合要求单位数', AC4: '血液储存管理不符合要求的单位数', AE4: '应急用血采血管理不符合要求单位数',
          A5: '医疗机构依法执业专项监督检查回头看', A6: '医疗卫生随机监督检查回头看',
          A7: '打击非法医疗美容服务专项整治回头看', B7: '非医疗机构', B8: '医疗机构',
        };
        for (const [ref, text] of Object.entries(headers)) assert.equal(book.cells[ref], text, ref);
        assert.match(book.cells.A9, /^注：数据包含2022 年度/);
        const letters = (n) => (n < 26 ? String.fromCharCode(65 + n) : 'A' + String.fromCharCode(65 + n - 26));
        for (const [r, cells] of screen.entries()) {
          for (const [c, text] of cells.entries()) {
            const ref = `${letters(2 + c)}${5 + r}`;
            assert.equal(typeof book.cells[ref], 'number', `${ref} is a number`);
            assert.equal(book.cells[ref], Number(text), `${ref} equals the screen`);
          }
          assert.equal(book.formats[`AG${5 + r}`], '0.0000');
        }
        assert.deepEqual(book.print, { paper: 8, orientation: 'landscape', fit: [1, 1] });

        // CSV: the same numbers, BOM, one header line.
        const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('fubiao3-csv').click()]);
        const lines = readFileSync(await csvDownload.path(), 'utf8').split('\r\n');
        assert.ok(lines[0].startsWith('\ufeff类别,被处罚单位数,检查单位数,执业许可证管理不符合要求单位数,'));
        assert.equal(lines[1], ['医疗机构依法执业专项监督检查回头看', ...screen[0]].join(','));
        assert.equal(lines[3], ['打击非法医疗美容服务专项整治回头看 — 非医疗机构', ...screen[2]].join(','));

        // Print: the table alone (no navigation, buttons or plan picker), the note under it.
        await page.emulateMedia({ media: 'print' });
        assert.equal(await page.locator('.app-nav').isVisible(), false);
        assert.equal(await page.getByTestId('fubiao3-xlsx').isVisible(), false);
        assert.equal(await page.getByTestId('summary-plan').isVisible(), false);
        assert.ok(await page.getByTestId('fubiao3-table').isVisible());
        assert.match(await page.locator('.table-note').innerText(), /^注：/);
        const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
        assert.equal(pdf.match(/\/Type\s*\/Page\b/g)?.length, 1, 'the table prints on one page');
        const size = pdf.match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/);
        assert.ok(size, 'the page has a size');
        // A3 landscape is 420 × 297 mm, i.e. about 1191 × 842 points.
        assert.deepEqual([Math.round(Number(size[1])), Math.round(Number(size[2]))], [1191, 842]);
      },
      TABLET,
    ));
});
