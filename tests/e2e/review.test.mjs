// Review separated from recording (issue 13, item 4), on a tablet with the built-in sample: the
// group leader who completed an inspection is refused its review and told why, and may review
// it only by stating a reason, which the history keeps; a record another officer completed is
// reviewed by the leader at once; a member cannot review.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TABLET, loadSample, open, releaseBuild, serveDist, settled, withBrowser } from './harness.mjs';

const status = (page, text) => page.getByTestId('inspection-status').filter({ hasText: text }).waitFor();

describe('review', () => {
  let server;
  before(async () => (server = await serveDist(releaseBuild().dist)));
  after(async () => server.dispose());

  test('the leader who completed the record reviews it only with a reason, kept in the history', () =>
    withBrowser(
      server,
      async ({ page }) => {
        await loadSample(page, server);
        // The dental draft: 组长 王芳, 组员 张明 (who recorded its answers).
        await open(page, server, 'inspections/sample-inspection-dental');
        await page.getByTestId('recorder').selectOption({ label: '王芳（示例）' });
        await page.getByTestId('complete-inspection').click();
        await page.getByTestId('confirm-complete').click();
        await status(page, '已完成');
        await settled(page);

        // The same leader reviews: refused, with why and what to do.
        await page.getByTestId('review-inspection').click();
        const refusal = await page.getByTestId('completion-refused').innerText();
        assert.match(refusal, /审核人不应是最后修改的记录人/);
        assert.match(refusal, /说明理由后审核/);
        assert.match(await page.getByTestId('inspection-status').innerText(), /已完成/);

        // No reason typed: still refused; then a reason allows it.
        await page.getByTestId('review-with-reason').click();
        assert.match(await page.getByTestId('completion-refused').innerText(), /请填写由组长本人审核的理由/);
        const reason = '组员张明已返回单位，经科长同意由组长审核';
        await page.getByTestId('review-reason').fill(reason);
        await page.getByTestId('review-with-reason').click();
        await status(page, '已审核');
        assert.equal(await page.getByTestId('completion-refused').count(), 0);
        await settled(page);

        await page.reload();
        await settled(page);
        await status(page, '已审核');
        const history = await page.getByTestId('status-history').innerText();
        assert.match(history, /完成检查 · 王芳（示例）[\s\S]*审核通过 · 王芳（示例）（理由：组员张明已返回单位，经科长同意由组长审核）/);
        assert.equal(await page.getByTestId('review-note').innerText(), `（理由：${reason}）`);
      },
      TABLET,
    ));

  test('a record the member completed is reviewed by the leader at once; the member cannot review', () =>
    withBrowser(
      server,
      async ({ page }) => {
        await loadSample(page, server);
        // The village clinic: 组长 张明, 组员 王芳, who recorded and completed it.
        await open(page, server, 'inspections/sample-inspection-village-1');
        await status(page, '已完成');
        await page.getByTestId('recorder').selectOption({ label: '王芳（示例）' });
        await page.getByTestId('review-inspection').click();
        assert.match(await page.getByTestId('completion-refused').innerText(), /审核须由本次检查的组长进行/);
        assert.equal(await page.getByTestId('review-reason').count(), 0, 'a reason does not make a member the leader');

        await page.getByTestId('recorder').selectOption({ label: '张明（示例）' });
        await page.getByTestId('review-inspection').click();
        await status(page, '已审核');
        assert.equal(await page.getByTestId('completion-refused').count(), 0);
        assert.match(await page.getByTestId('status-history').innerText(), /审核通过 · 张明（示例）/);
        assert.equal(await page.getByTestId('review-note').count(), 0, 'no reason needed, none kept');
        await settled(page);
      },
      TABLET,
    ));
});
