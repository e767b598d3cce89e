// The double-random list (双随机名单) from a GBK CSV as Chinese Excel saves it: a title row above
// the header, columns guessed, a bad credit code refused with its row and column, the rest
// imported and added to a plan in one step; importing it again changes nothing.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { open, releaseBuild, serveDist, settled, withBrowser } from './harness.mjs';

const LIST = [
  '2022年医疗卫生国家随机监督抽查名单,,,,,',
  '序号,单位名称,统一社会信用代码,单位地址,所属乡镇（街道）,机构类别',
  '1,渝北示例诊所,91350100M000100Y43,新华路1号,新华街道,诊所',
  '2,石坪村卫生室,92500103MA5U8XK12W,石坪村,石坪镇,村卫生室',
  '3,石坪中心卫生院,91500105MA60AB123Q,正街8号,石坪镇,卫生院',
  '4,坏代码诊所,91500105MA60AB1230,正街9号,石坪镇,诊所',
].join('\r\n');

/** The list encoded as GBK, as Excel on a Chinese Windows writes CSV. */
function gbk(text) {
  return execFileSync('python3', ['-c', 'import sys; sys.stdout.buffer.write(sys.stdin.read().encode("gbk"))'], {
    input: text,
  });
}

describe('roster import', () => {
  let server;
  before(async () => (server = await serveDist(releaseBuild().dist)));
  after(async () => server.dispose());

  test('a GBK CSV list comes in, checked row by row, and becomes a plan’s objects', () =>
    withBrowser(server, async ({ page }) => {
      await open(page, server, 'plans');
      await page.getByTestId('create-from-template').first().click();
      await settled(page);
      await open(page, server, 'institutions');
      await page.getByTestId('import-roster').click();
      const file = { name: '双随机名单.csv', mimeType: 'text/csv', buffer: gbk(LIST) };
      await page.getByTestId('roster-file').setInputFiles(file);
      assert.match(await page.getByTestId('roster-about').innerText(), /GBK\/GB18030编码，第2行为表头，4 行数据/);
      const columns = page.getByTestId('roster-column');
      assert.deepEqual(
        await Promise.all([1, 2, 3, 4, 5].map((n) => columns.nth(n).inputValue())),
        ['name', 'registration_number', 'address', 'township', 'kind'],
      );
      assert.equal(await columns.nth(0).inputValue(), '', '序号 is not imported');
      assert.match(await page.getByTestId('roster-summary').innerText(), /新增 3，更新 0，无变化 0，文件内重复已合并 0，不能导入 1/);
      assert.match(await page.getByTestId('roster-problems').innerText(), /第6行“统一社会信用代码”：/);
      await page.getByTestId('roster-plan').selectOption({ index: 1 });
      await page.getByTestId('roster-confirm').click();
      assert.match(await page.getByTestId('roster-done').innerText(), /已导入 3 个监督对象，3 个加入任务/);
      await settled(page);
      await page.reload();
      await settled(page);
      await open(page, server, 'institutions');
      const names = await page.getByTestId('institution-row').allInnerTexts();
      for (const name of ['渝北示例诊所', '石坪村卫生室', '石坪中心卫生院']) assert.ok(names.some((n) => n.includes(name)), name);
      assert.ok(!names.some((n) => n.includes('坏代码诊所')));
      await open(page, server, 'plans');
      await page.getByRole('link', { name: /2022年医疗机构国家随机监督抽查/ }).first().click();
      assert.equal(await page.getByTestId('plan-institution').count(), 3);

      // The same list again: nothing new, nothing changed.
      await open(page, server, 'institutions/import');
      await page.getByTestId('roster-file').setInputFiles(file);
      assert.match(await page.getByTestId('roster-summary').innerText(), /新增 0，更新 0，无变化 3/);
    }));

  test('a file that is not a list is refused with its reason', () =>
    withBrowser(server, async ({ page }) => {
      await open(page, server, 'institutions/import');
      await page.getByTestId('roster-file').setInputFiles({ name: '名单.xls', mimeType: 'application/vnd.ms-excel', buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) });
      assert.match(await page.getByTestId('roster-error').innerText(), /xlsx|CSV/);
      assert.equal(await page.getByTestId('roster-mapping').count(), 0);
    }));
});
