// 任务: a blank plan of a chosen kind, with targets added and counted for its own types only.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { open, releaseBuild, serveDist, settled, withBrowser } from './harness.mjs';

describe('plans', () => {
  let server;
  before(async () => (server = await serveDist(releaseBuild().dist)));
  after(async () => server.dispose());

  test('a blank plan takes targets for its kind, and they survive a reload', () =>
    withBrowser(server, async ({ page }) => {
      await open(page, server, 'plans');
      assert.ok(await page.getByTestId('create-plan').isDisabled(), 'a kind must be chosen first');
      await page.getByTestId('new-plan-kind').selectOption('blood_sampling');
      await page.getByTestId('create-plan').click();
      await page.getByTestId('plan-name').waitFor();
      assert.match(await page.getByTestId('plan-name').inputValue(), /^\d{4}年采供血机构随机抽查$/);
      const options = await page.getByTestId('add-target').locator('option').allInnerTexts();
      assert.deepEqual(options.slice(1), ['中心血站'], 'only the kind’s institution types');
      await page.getByTestId('add-target').selectOption('central_blood_station');
      await page.getByTestId('target-count').fill('2');
      await page.getByTestId('target-count').press('Enter');
      await page.getByTestId('plan-progress').filter({ hasText: '0/2' }).waitFor();
      assert.equal(await page.getByTestId('add-target').count(), 0, 'every type has a target');
      await page.getByTestId('plan-name').fill('2023年中心血站专项抽查');
      await page.getByTestId('plan-year').fill('23');
      await page.getByTestId('plan-year').press('Enter');
      assert.match(await page.locator('#field-plan-year ~ .field-message').innerText(), /四位数/);
      await page.getByTestId('plan-year').fill('2023');
      await page.getByTestId('plan-year').press('Enter');
      await settled(page);
      await page.reload();
      await settled(page);
      assert.equal(await page.getByTestId('plan-name').inputValue(), '2023年中心血站专项抽查');
      assert.equal(await page.getByTestId('plan-year').inputValue(), '2023');
      assert.match(await page.getByTestId('plan-progress').innerText(), /中心血站\s*0\/2/);
      await open(page, server, 'plans');
      assert.match(await page.getByTestId('plan-row').first().innerText(), /2023年中心血站专项抽查[\s\S]*2023年[\s\S]*中心血站 0\/2/);
    }));
});
