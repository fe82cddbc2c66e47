import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './helpers';

/**
 * /verify/ as a parent uses it: type what the leaflet says and get a verdict; a look-alike is never "licensed";
 * a shared link shows the same answer; without JavaScript the table of the 7 banks and the steps still answer;
 * everything works from the keyboard; the page passes axe with an answer showing and stays within its JS budget.
 */

const LABEL = '输入机构名称、许可证号或所在省市';
const result = (page: Page) => page.locator('[data-verdict]');

/** Open /verify/ (optionally with ?q=) and wait until the island has hydrated, so typing is not lost. */
async function open(page: Page, q?: string) {
  await page.goto(q === undefined ? '/verify/' : `/verify/?q=${encodeURIComponent(q)}`);
  await page.locator('astro-island:not([ssr])').waitFor();
}

async function ask(page: Page, text: string) {
  await page.getByLabel(LABEL).fill(text);
  await page.getByRole('button', { name: '查询' }).click();
}

test('typing an official name answers "licensed" with the area and what to check', async ({ page }) => {
  await open(page);
  await ask(page, '山东省脐带血造血干细胞库');
  await expect(result(page)).toHaveAttribute('data-verdict', 'licensed');
  await expect(result(page).getByRole('heading')).toHaveText('「山东省脐带血造血干细胞库」是持证脐血库的名称');
  await expect(result(page)).toContainText('获准采集地区山东省');
  await expect(result(page)).toContainText('《血站执业许可证》');
  await expect(page).toHaveURL(/\/verify\/\?q=%E5%B1%B1/);
  // The note for readers without JavaScript is not shown to those who have it.
  await expect(page.getByText('查询框不能自动比对')).toBeHidden();
  // The answer links to the bank's row in the table.
  await result(page).getByRole('link', { name: '山东省脐带血造血干细胞库' }).first().click();
  await expect(page).toHaveURL(/#bank-shandong$/);
  await expect(page.locator('#bank-shandong')).toBeInViewport();
});

test('a look-alike name answers "not-licensed" and points to the official name', async ({ page }) => {
  await open(page);
  await ask(page, '山东省脐带血造血干细胞库济南工作站');
  await expect(result(page)).toHaveAttribute('data-verdict', 'not-licensed');
  await expect(result(page).getByRole('heading')).toHaveText('「山东省脐带血造血干细胞库济南工作站」不是持证脐血库');
  await expect(result(page)).toContainText('多了「济南工作站」');
  await expect(result(page)).toContainText('您可能想找：山东省脐带血造血干细胞库');
  await expect(result(page).getByRole('link', { name: '12320' })).toHaveAttribute('href', 'tel:12320');

  // Traditional characters and a pinyin short name are understood too.
  await ask(page, '齊魯幹細胞庫');
  await expect(result(page)).toHaveAttribute('data-verdict', 'not-licensed');
  await ask(page, 'shandong qixueku');
  await expect(result(page)).toHaveAttribute('data-verdict', 'licensed');
});

test('an empty query asks for input', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: '查询' }).click();
  await expect(result(page)).toHaveAttribute('data-verdict', 'empty');
  await expect(page).toHaveURL(/\/verify\/$/);
});

test('a shared link /verify/?q=青岛 shows the area answer after load, and again after reload', async ({ page }) => {
  await open(page, '青岛');
  await expect(page.getByLabel(LABEL)).toHaveValue('青岛');
  await expect(result(page)).toHaveAttribute('data-verdict', 'area');
  await expect(result(page)).toContainText('山东省持证的脐血库是山东省脐带血造血干细胞库');
  await page.reload();
  await expect(result(page)).toHaveAttribute('data-verdict', 'area');

  await open(page, '我在河南');
  await expect(result(page)).toContainText('河南省没有持证的脐血库');
});

test('with JavaScript off, the table of the 7 banks and the steps are the answer', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/verify/');
  const table = page.getByRole('table', { name: /7家脐带血造血干细胞库/ });
  await expect(table.locator('tbody tr')).toHaveCount(7);
  await expect(table.getByRole('rowheader', { name: '山东省脐带血造血干细胞库' })).toBeVisible();
  await expect(page.locator('#bank-shandong')).toContainText('卫医发[2001]222号');
  // An unverified number is not shown as fact.
  await expect(page.locator('#bank-beijing')).toContainText('以官方通知为准');
  await expect(page.locator('#bank-beijing')).not.toContainText('卫脐血干细胞库字');
  await expect(page.getByRole('heading', { name: '怎样查验：四步' })).toBeVisible();
  await expect(page.locator('#steps li')).toHaveCount(4);

  // The form still submits (plain GET); the page tells the reader to use the table.
  await page.getByLabel(LABEL).fill('青岛');
  await page.getByLabel(LABEL).press('Enter');
  await expect(page).toHaveURL(/\/verify\/\?q=/);
  await expect(page.getByText('查询框不能自动比对')).toBeVisible();
  await expect(result(page)).toHaveCount(0);
  await context.close();
});

test('keyboard only: Tab to the input, type, Enter', async ({ page }) => {
  await open(page);
  const input = page.getByLabel(LABEL);
  for (let i = 0; i < 40 && !(await input.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(input).toBeFocused();
  await page.keyboard.type('鲁卫血站字〔2009〕第001号');
  await page.keyboard.press('Enter');
  await expect(result(page)).toHaveAttribute('data-verdict', 'licensed');
  await expect(input).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: '查询' })).toBeFocused();
});

test('axe finds no WCAG 2.2 A/AA problem, with answers showing', async ({ page }) => {
  await open(page, '北京脐血库（山东分部）');
  await expect(result(page)).toHaveAttribute('data-verdict', 'not-licensed');
  await expectAccessible(page);
  await ask(page, '山东省脐血库');
  await expect(result(page)).toHaveAttribute('data-verdict', 'licensed');
  await expectAccessible(page);
});

test('all the JavaScript the page loads is at most 14 KB gzip', async ({ page }) => {
  const external: Promise<number>[] = [];
  page.on('response', (res) => {
    if (res.request().resourceType() === 'script') {
      external.push(res.body().then((b) => gzipSync(b, { level: 9 }).length));
    }
  });
  await open(page);
  await page.waitForLoadState('networkidle');
  // Inline scripts that run (JSON-LD is data, not code).
  const inline = await page.$$eval('script:not([src])', (els) =>
    (els as HTMLScriptElement[])
      .filter((s) => !s.type || s.type === 'module' || s.type === 'text/javascript')
      .map((s) => s.textContent ?? ''),
  );
  const total =
    (await Promise.all(external)).reduce((a, b) => a + b, 0) +
    inline.reduce((a, s) => a + gzipSync(Buffer.from(s), { level: 9 }).length, 0);
  console.log(`/verify/ JavaScript: ${total} bytes gzip (${external.length} files, ${inline.length} inline)`);
  expect(total).toBeGreaterThan(5_000); // the island really loaded
  expect(total).toBeLessThanOrEqual(14 * 1024);
});
