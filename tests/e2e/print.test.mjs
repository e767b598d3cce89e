// Paper: documents rendered to PDF by Chromium's own print path, read back page by page with
// poppler. A4 (landscape for the 问题汇总表, A3 landscape for 附表3), 第X页 共Y页 on every page,
// the issuing agency (落款单位, asked once before the first print) at the top of every page,
// the 现场检查笔录's party signature line on every page and its signatures on the page of its
// last text, nothing of the screen (links, buttons) on paper, and the register's last column
// present.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TABLET, loadSample, open, releaseBuild, serveDist, settled, withBrowser } from './harness.mjs';
import { countPrints, headedBy, numberedAndClean, printCount, printed, squeeze } from './paper.mjs';

describe('printed documents', () => {
  let server;
  before(async () => (server = await serveDist(releaseBuild().dist)));
  after(async () => server.dispose());

  test('the 现场检查笔录 on A4: numbered pages, the party signs each page, signatures with the last text', () =>
    withBrowser(
      server,
      async ({ page }) => {
        await loadSample(page, server);
        await open(page, server, 'inspections/sample-inspection-hospital/record');
        await page.getByTestId('document').waitFor();
        const pdf = await printed(page);
        assert.deepEqual([pdf.width, pdf.height], [595, 842], 'A4 portrait');
        assert.ok(pdf.pages.length >= 2, `${pdf.pages.length} pages`);
        numberedAndClean(pdf);
        pdf.pages.forEach((text, i) => assert.match(squeeze(text), /被检查人签名：/, `page ${i + 1} has the party's line`));
        const last = pdf.pages.at(-1);
        assert.match(squeeze(last), /以上笔录我已看过，情况属实/);
        assert.match(squeeze(last), /执法人员（签名）/);
        // The signature block does not stand alone: the last page also carries text before it.
        const before = squeeze(last.split('以上笔录我已看过')[0]).replace(/被检查人签名：|第\d+页共\d+页/g, '');
        assert.ok(before.length > 20, `the last page starts with the signatures alone: ${before}`);
      },
      TABLET,
    ));

  test('the 问题汇总表 on A4 landscape: the table from page 1, every column on paper', () =>
    withBrowser(
      server,
      async ({ page }) => {
        await loadSample(page, server);
        await open(page, server, 'stays/sample-stay-renhe/register');
        await page.getByTestId('register-area').first().waitFor();
        const pdf = await printed(page);
        assert.deepEqual([pdf.width, pdf.height], [842, 595], 'A4 landscape');
        numberedAndClean(pdf);
        const first = squeeze(pdf.pages[0]);
        assert.match(first, /问题汇总表/, 'the table starts on page 1');
        // Header cells wrap inside their columns; each column's words are on the page.
        for (const column of ['法律依据', '处理方式', '整改期', '复查结果']) assert.match(first, new RegExp(column), `${column} is on paper`);
        assert.match(first, /已改正/, 'the last column\'s values are on paper, not cut off');
      },
      TABLET,
    ));

  test('检查时间 typed on the inspection prints on the 现场检查笔录, each end over what the data recorded', () =>
    withBrowser(
      server,
      async ({ page }) => {
        await loadSample(page, server);
        await open(page, server, 'inspections/sample-inspection-dental');
        const note = page.getByTestId('inspection-hours-note');
        assert.match(await note.innerText(), /未填写时/);
        await page.getByTestId('inspection-start').fill('08:40');
        await page.getByTestId('inspection-end').fill('07:30');
        assert.match(await note.innerText(), /结束时间应晚于开始时间/);
        await page.getByTestId('inspection-end').fill('11:15');
        assert.doesNotMatch(await note.innerText(), /结束时间应晚于开始时间/);
        await settled(page);
        await page.reload();
        await settled(page);
        assert.equal(await page.getByTestId('inspection-start').inputValue(), '08:40', 'kept on the device');
        await open(page, server, 'inspections/sample-inspection-dental/record');
        await page.getByTestId('document').waitFor();
        assert.match(squeeze(await page.getByTestId('document').innerText()), /检查时间：\d{4}年\d{1,2}月\d{1,2}日8时40分至11时15分/);
        // Cleared, the start falls back to what the data tells (or a blank to write by hand).
        await open(page, server, 'inspections/sample-inspection-dental');
        await page.getByTestId('inspection-start').fill('');
        await settled(page);
        await open(page, server, 'inspections/sample-inspection-dental/record');
        await page.getByTestId('document').waitFor();
        assert.doesNotMatch(squeeze(await page.getByTestId('document').innerText()), /8时40分/);
      },
      TABLET,
    ));

  test('the 落款单位 is asked once before the first print, then heads every page and signs the documents', () =>
    withBrowser(
      server,
      async ({ page }) => {
        const AGENCY = '临江县卫生健康局';
        await loadSample(page, server);
        await open(page, server, 'inspections/sample-inspection-hospital/opinion');
        await page.getByTestId('document').waitFor();
        await countPrints(page);
        await page.getByTestId('print-document').click();
        const ask = page.getByTestId('agency-ask');
        await ask.waitFor();
        assert.equal(await printCount(page), 0, 'nothing printed before the agency is settled');
        await page.getByTestId('agency-ask-save').click();
        assert.match(await ask.innerText(), /请填写落款单位/);
        await page.getByTestId('agency-ask-name').fill(`  ${AGENCY} `);
        await page.getByTestId('agency-ask-save').click();
        assert.equal(await printCount(page), 1);
        assert.equal(await ask.count(), 0);
        assert.equal(await page.getByTestId('issuing-body').inputValue(), `  ${AGENCY} `);

        const letter = await printed(page);
        assert.deepEqual([letter.width, letter.height], [595, 842], 'A4 portrait');
        numberedAndClean(letter);
        headedBy(letter, AGENCY);
        assert.match(squeeze(letter.pages.at(-1)), new RegExp(`${AGENCY}.*${AGENCY}`, 's'), 'the 落款 names the agency');
        assert.doesNotMatch(squeeze(letter.pages.join('')), /卫生行政机关名称/);

        // Asked once: after a reload the print goes straight to the dialog.
        await page.reload();
        await settled(page);
        await countPrints(page);
        await page.getByTestId('print-document').click();
        assert.equal(await printCount(page), 1);
        assert.equal(await page.getByTestId('agency-ask').count(), 0);

        // The 驻点 反馈意见 and 监督建议书: the same agency, A4, numbered, nothing of the screen.
        for (const route of ['stays/sample-stay-renhe/feedback', 'stays/sample-stay-renhe/advice']) {
          await open(page, server, route);
          await page.getByTestId('document').waitFor();
          const pdf = await printed(page);
          assert.deepEqual([pdf.width, pdf.height], [595, 842], `${route}: A4 portrait`);
          numberedAndClean(pdf);
          headedBy(pdf, AGENCY);
          assert.match(squeeze(pdf.pages.at(-1)), new RegExp(`${AGENCY}.*${AGENCY}`, 's'), `${route}: the 落款 names the agency`);
        }
      },
      TABLET,
    ));

  test('附表3 on one A3 landscape page; printing without an agency leaves the header empty', () =>
    withBrowser(
      server,
      async ({ page }) => {
        await loadSample(page, server);
        await open(page, server, 'summary');
        await page.getByTestId('summary-plan').selectOption({ label: '2022年医疗卫生“回头看”监督检查（示例）' });
        await page.getByTestId('fubiao3-table').waitFor();
        await countPrints(page);
        await page.getByTestId('fubiao3-print').click();
        await page.getByTestId('agency-ask-skip').click();
        assert.equal(await printCount(page), 1, 'printed with the blanks to fill by hand');
        // Declined once in this session: not asked again.
        await page.getByTestId('fubiao3-print').click();
        assert.equal(await printCount(page), 2);
        const pdf = await printed(page);
        assert.deepEqual([pdf.width, pdf.height], [1191, 842], 'A3 landscape');
        assert.equal(pdf.pages.length, 1, 'one page');
        numberedAndClean(pdf);
        const text = squeeze(pdf.pages[0]);
        assert.match(text, /^附表3/, 'no header line above the title');
        assert.match(text, /医疗卫生“回头看”检查情况汇总表/);
      },
      TABLET,
    ));
});
