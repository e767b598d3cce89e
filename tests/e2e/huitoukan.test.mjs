// 回头看 end to end on a tablet: a penalty registered on a 非医疗机构, last year's penalised units
// added to the 2022 回头看 plan in one tap, the follow-up with each original violation's
// rectification beside the new observation and the unlicensed-practice checklist, then 附表3
// on 汇总 with the cells a hand count gives, what stands behind a cell, and all of it after a
// reload.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addInstitution, open, releaseBuild, serveDist, settled, withBrowser } from './harness.mjs';

const TABLET = { width: 768, height: 1024 };

async function addInspector(page, server, name, number) {
  await open(page, server, 'inspectors');
  await page.getByTestId('add-inspector').click();
  await page.getByTestId('inspector-name').fill(name);
  await page.getByTestId('certificate-number').fill(number);
  await settled(page);
}

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
