// Random sampling work end to end on a tablet: a plan from the 2022 template, a 诊所 offering
// 医疗美容 and a 中心血站 inspected with the checklists that fit them, answers kept across a
// reload, and completion refused or confirmed as the rules say.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { TABLET, addInspector, addInstitution, open, releaseBuild, serveDist, settled, withBrowser } from './harness.mjs';

/** Two officers, one institution, the 2022 plan of `templateIndex`, and an inspection started. */
async function startInspection(page, server, institution, templateIndex) {
  await addInspector(page, server, '张三', '渝卫执001');
  await addInspector(page, server, '李四', '渝卫执002');
  await open(page, server, 'institutions');
  await addInstitution(page, institution);
  for (const service of institution.services ?? []) await page.getByTestId(`service-${service}`).check();
  await settled(page);
  await open(page, server, 'plans');
  await page.getByTestId('create-from-template').nth(templateIndex).click();
  await page.getByTestId('add-to-plan').first().click();
  await page.getByTestId('start-inspection').click();
  await page.getByTestId('inspection-date').waitFor();
}

const verdictOf = (page, id) => page.getByTestId(`point-${id}`).getAttribute('data-verdict');
const pick = (page, id, verdict) => page.getByTestId(`point-${id}`).getByRole('radio', { name: verdict, exact: true }).click();

describe('inspections', () => {
  let server;
  before(async () => (server = await serveDist(releaseBuild().dist)));
  after(async () => server.dispose());

  test('a 诊所 with 医疗美容: fill, reload, every answer kept, completion rules, plan progress', () =>
    withBrowser(
      server,
      async ({ page }) => {
        await startInspection(page, server, { name: '新华医疗美容诊所', code: '91350100M000100Y43', kind: 'clinic', services: ['medical_cosmetology'] }, 0);
        // The checklist fits: 附表1 with the cosmetology points flagged 重点, no blood-use area.
        await page.getByRole('heading', { name: /附表1/ }).waitFor();
        assert.equal(await page.getByTestId('area-M6').count(), 0, 'no 临床用血 without the service');
        const cosmetology = page.locator('[data-testid^="point-M4.3."]');
        assert.ok((await cosmetology.count()) > 0);
        assert.match(await cosmetology.first().innerText(), /重点/);

        // One officer only: completion is refused.
        await page.getByTestId('add-assignment').selectOption({ label: '张三（渝卫执001）' });
        await page.getByTestId('complete-inspection').click();
        assert.match(await page.getByTestId('completion-refused').innerText(), /不得少于2人/);
        await page.getByTestId('add-assignment').selectOption({ label: '李四（渝卫执002）' });
        await page.getByTestId('recorder').selectOption({ label: '张三' });

        await pick(page, 'M1.1.1', '符合');
        await pick(page, 'M1.1.2', '不符合');
        await page.getByTestId('point-M1.1.2').locator('.chip').first().click();
        const phrase = await page.getByTestId('point-M1.1.2').getByTestId('description').inputValue();
        assert.ok(phrase.length > 0, 'a 规范用语 fills the description');
        await page.getByTestId('point-M1.1.2').getByTestId('description').fill(phrase + '，已当场责令改正');
        // Handling: several measures on one finding; typing keeps focus; whole 元 only.
        const finding = page.getByTestId('point-M1.1.2');
        await finding.getByTestId('add-order_correction').click();
        await finding.getByTestId('handling-deadline').fill('2022-11-30');
        await finding.getByTestId('add-case_filed').click();
        await finding.getByTestId('handling-case').click();
        await page.keyboard.type('渝卫医罚〔2022〕12号', { delay: 20 });
        await finding.getByTestId('add-fine').click();
        await finding.getByTestId('handling-amount').fill('5000.5');
        assert.match(await finding.getByTestId('handling').innerText(), /金额须为整数元/);
        await finding.getByTestId('handling-amount').fill('20,000');
        await pick(page, 'M4.3.1', '合理缺项');
        await page.getByTestId('point-M4.3.1').getByRole('button', { name: '未开展该项业务' }).click();
        await page.getByTestId('point-M1.1.1').getByRole('button', { name: '添加备注' }).click();
        await page.getByTestId('point-M1.1.1').getByTestId('note').fill('许可证有效期至2025年');
        const counts = await page.getByTestId('area-M1').getByTestId('section-counts').innerText();
        assert.match(counts, /^2\/\d+ 已查，1 不符合$/);
        await settled(page);

        await page.reload();
        await settled(page);
        assert.equal(await verdictOf(page, 'M1.1.1'), 'compliant');
        assert.equal(await verdictOf(page, 'M1.1.2'), 'non_compliant');
        assert.equal(await verdictOf(page, 'M4.3.1'), 'not_applicable');
        assert.equal(await verdictOf(page, 'M1.1.3'), 'unchecked');
        assert.equal(await page.getByTestId('point-M1.1.2').getByTestId('description').inputValue(), phrase + '，已当场责令改正');
        assert.equal(await page.getByTestId('point-M4.3.1').getByTestId('reason').inputValue(), '未开展该项业务');
        assert.equal(await page.getByTestId('point-M1.1.1').getByTestId('note').inputValue(), '许可证有效期至2025年');
        assert.match(await page.getByTestId('point-M1.1.2').innerText(), /最后修改：.* · 张三/);
        const kept = page.getByTestId('point-M1.1.2');
        assert.equal(await kept.getByTestId('handling-deadline').inputValue(), '2022-11-30');
        assert.equal(await kept.getByTestId('handling-case').inputValue(), '渝卫医罚〔2022〕12号');
        assert.equal(await kept.getByTestId('handling-amount').inputValue(), '20000');
        assert.deepEqual(
          await kept.locator('.measure-label').allInnerTexts(),
          ['责令改正', '立案', '罚没款'],
        );
        // 合理缺项 is left out of the counts and denominators.
        const cosmeticArea = await page.getByTestId('area-M4').getByTestId('section-counts').innerText();
        assert.match(cosmeticArea, /^0\/\d+ 已查，1 合理缺项$/);

        // Unchecked points are listed and must be confirmed. 李四 completes it, so the group
        // leader reviews a record whose last change someone else recorded (review.test.mjs).
        await page.getByTestId('recorder').selectOption({ label: '李四' });
        await page.getByTestId('complete-inspection').click();
        assert.match(await page.getByTestId('confirm-unchecked').innerText(), /还有 \d+ 项未检查/);
        await page.getByTestId('confirm-complete').click();
        await page.getByTestId('inspection-status').filter({ hasText: '已完成' }).waitFor();
        await settled(page);
        await page.reload();
        await settled(page);
        assert.match(await page.getByTestId('inspection-status').innerText(), /已完成/);

        // The group leader (张三, the first officer added) reviews it; a reviewed inspection is
        // read-only until reopened, and every change of status is recorded.
        await page.getByTestId('recorder').selectOption({ label: '张三' });
        await page.getByTestId('review-inspection').click();
        await page.getByTestId('inspection-status').filter({ hasText: '已审核' }).waitFor();
        assert.ok(await page.getByTestId('point-M1.1.3').getByRole('radio', { name: '符合', exact: true }).isDisabled());
        await page.getByTestId('reopen-inspection').click();
        await page.getByTestId('inspection-status').filter({ hasText: '草稿' }).waitFor();
        assert.ok(await page.getByTestId('point-M1.1.3').getByRole('radio', { name: '符合', exact: true }).isEnabled());
        const history = await page.getByTestId('status-history').innerText();
        assert.match(history, /完成检查 · 李四[\s\S]*审核通过 · 张三[\s\S]*重新打开 · 张三/);
        await page.getByTestId('complete-inspection').click();
        await page.getByTestId('confirm-complete').click();
        await page.getByTestId('inspection-status').filter({ hasText: '已完成' }).waitFor();
        await settled(page);

        await page.getByRole('link', { name: /任务：/ }).click();
        assert.match(await page.getByTestId('plan-progress').innerText(), /诊所\s*1\/3/);
        await open(page, server, 'inspections');
        assert.match(await page.getByTestId('inspection-row').first().innerText(), /新华医疗美容诊所[\s\S]*已完成/);

        // 汇总: the plan's result table, on screen and in the downloaded files.
        await open(page, server, 'summary');
        const clinicRow = page.getByTestId('result-table').locator('tbody tr', { hasText: '诊所' });
        assert.deepEqual(
          (await clinicRow.locator('th, td').allInnerTexts()).map((t) => t.trim()),
          ['诊所', '3', '1', '1', '1', '0', '0', '0', '0', '0', '1', '2'],
        );
        const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-xlsx').click()]);
        assert.equal(xlsxDownload.suggestedFilename(), '2022年医疗机构国家随机监督抽查结果汇总表.xlsx');
        const xlsxPath = await xlsxDownload.path();
        const reader = join(dirname(fileURLToPath(import.meta.url)), 'read_xlsx.py');
        const { cells } = JSON.parse(execFileSync('/usr/bin/python3', [reader, xlsxPath], { encoding: 'utf8' }));
        assert.equal(cells.A1, '2022年医疗机构国家随机监督抽查结果汇总表');
        assert.equal(cells.L2, '罚没款金额（万元）');
        assert.deepEqual([cells.A6, cells.B6, cells.C6, cells.D6, cells.E6, cells.K6, cells.L6], ['诊所', 3, 1, 1, 1, 1, 2]);
        assert.deepEqual([cells.A7, cells.B7, cells.C7], ['合计', 10, 1]);
        // Made for paper: the names and the long headers wrap, the header row is as tall as its
        // wrapped text and printed on every page of A4 landscape, names wider than numbers.
        const paper = JSON.parse(execFileSync('/usr/bin/python3', [reader, xlsxPath], { encoding: 'utf8' }));
        for (let r = 3; r <= 7; r++) assert.ok(paper.wrap[`A${r}`], `A${r} wraps`);
        for (const column of 'ABCDEFGHIJKL') assert.ok(paper.wrap[`${column}2`], `${column}2 wraps`);
        assert.equal(paper.title_rows, '$2:$2');
        assert.deepEqual([paper.print.paper, paper.print.orientation], [9, 'landscape']);
        assert.ok(paper.heights['2'] > paper.heights['6'], `the header ${paper.heights['2']} is taller than 诊所's one line ${paper.heights['6']}`);
        assert.ok(paper.widths.A > paper.widths.B, '机构类别 is wider than a column of numbers');
        const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
        const csvText = readFileSync(await csvDownload.path(), 'utf8');
        assert.ok(csvText.startsWith('\ufeff机构类别,'), 'UTF-8 with BOM');
        assert.match(csvText, /\r\n诊所,3,1,1,1,0,0,0,0,0,1,2\r\n/);
      },
      TABLET,
    ));

  test('a 中心血站 gets the 附表2 checklist only', () =>
    withBrowser(
      server,
      async ({ page }) => {
        await startInspection(page, server, { name: '区中心血站', code: '12100000400000645J', kind: 'central_blood_station' }, 1);
        await page.getByRole('heading', { name: /附表2/ }).waitFor();
        const areas = await page.locator('[data-testid^="area-"] .section-title').allInnerTexts();
        assert.deepEqual(areas, ['资质管理', '血源管理', '血液检测', '包装储存运输', '其它']);
        assert.equal(await page.locator('[data-testid^="point-M"]').count(), 0);
        await pick(page, 'B2.1.1', '符合');
        await settled(page);
      },
      TABLET,
    ));
});
