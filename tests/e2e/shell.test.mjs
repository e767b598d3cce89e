// The app shell: loads cleanly from a sub-folder in both builds, one URL per page, deep
// links, the back button, plain "not built yet" pages, and the tablet layout.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { builds, withBrowser, open, releaseBuild, serveDist, settled } from './harness.mjs';

const PAGES = [
  ['', '卫生监督检查'],
  ['plans', '任务'],
  ['institutions', '监督对象'],
  ['inspectors', '执法人员'],
  ['inspections', '检查'],
  ['summary', '汇总'],
  ['data', '数据'],
  ['laws', '法规'],
];

for (const build of builds()) {
  describe(`${build.name} build`, () => {
    let server;
    before(async () => (server = await serveDist(build.dist)));
    after(async () => server.dispose());

    test('loads from a sub-folder with no console error, CSP violation or foreign request', () =>
      withBrowser(
        server,
        async (browser) => {
          await open(browser.page, server);
          await assert.doesNotReject(browser.page.getByRole('heading', { name: '卫生监督检查' }).waitFor());
        },
      ));
  });
}

describe('pages (release build)', () => {
  let server;
  before(async () => (server = await serveDist(releaseBuild().dist)));
  after(async () => server.dispose());

  test('every page has its own URL, and a deep link opens it', () =>
    withBrowser(
      server,
      async (browser) => {
        for (const [route, heading] of PAGES) {
          await open(browser.page, server, route);
          await browser.page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
          assert.equal(await browser.page.locator('nav a[aria-current="page"]').count(), 1);
        }
      },
    ));

  test('a path link without the hash (…/jiandu/plans) lands on the page', () =>
    withBrowser(
      server,
      async (browser) => {
        await browser.page.goto(server.url + 'plans');
        await settled(browser.page);
        assert.match(browser.page.url(), /#\/plans$/);
        await browser.page.getByRole('heading', { level: 1, name: '任务' }).waitFor();
      },
    ));

  test('the back button returns to the previous page', () =>
    withBrowser(
      server,
      async ({ page }) => {
        await open(page, server);
        await page.getByRole('link', { name: '监督对象', exact: true }).first().click();
        await page.getByRole('heading', { level: 1, name: '监督对象' }).waitFor();
        await page.getByRole('navigation').getByRole('link', { name: '数据' }).click();
        await page.getByRole('heading', { level: 1, name: '数据' }).waitFor();
        await page.goBack();
        await page.getByRole('heading', { level: 1, name: '监督对象' }).waitFor();
        assert.match(page.url(), /#\/institutions$/);
      },
    ));

  test('an unknown page says it does not exist', () =>
    withBrowser(
      server,
      async (browser) => {
        await open(browser.page, server, 'nowhere');
        await browser.page.getByRole('heading', { level: 1, name: '页面不存在' }).waitFor();
      }, { clean: false }
    ));

  for (const width of [360, 768, 1280]) {
    test(`at ${width} px nothing scrolls sideways and touch targets are at least 44 px`, () =>
      withBrowser(
        server,
        async ({ page }) => {
          await open(page, server, 'institutions');
          await page.getByTestId('add-institution').click();
          await page.getByTestId('name').waitFor();
          for (const route of ['', 'institutions', 'inspectors', 'data', 'plans', 'inspections', 'summary', 'laws']) {
            await open(page, server, route);
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
            assert.ok(overflow <= 0, `page ${route || 'home'} scrolls sideways by ${overflow}px at ${width}px`);
            const small = await page.evaluate(() =>
              [...document.querySelectorAll('button, select, input[type=text], input[type=search], nav a, a.row-link')]
                .filter((e) => e.offsetParent !== null)
                .map((e) => [e.outerHTML.slice(0, 60), e.getBoundingClientRect().height])
                .filter(([, h]) => h < 44),
            );
            assert.deepEqual(small, [], `touch targets under 44px on ${route || 'home'}`);
          }
        }, { width, height: 800 }
      ));
  }
});
