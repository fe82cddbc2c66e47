import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from '../helpers';

/**
 * The charity section as a family in need reads it: what the projects are, how many families they have helped
 * (with the date the number is true at), and for each project who qualifies, the steps to apply and the partners.
 */

const projects = [
  { slug: 'huozhong', name: '火种工程' },
  { slug: 'huozhong-2', name: '火种工程2.0' },
  { slug: 'jiuzhu-fund', name: '救助基金' },
];

/** The section under a level-2 heading, found by the heading's name. */
const section = (page: Page, heading: string) => page.getByRole('region', { name: heading });

/** Content pages ship no JavaScript beyond the inline preference script. */
async function expectNoShippedScript(page: Page): Promise<void> {
  await expect(page.locator('script[src]')).toHaveCount(0);
  await expect(page.locator('astro-island')).toHaveCount(0);
  // JSON-LD is data, not code; the only executable script is the inline prefs script.
  await expect(page.locator('script:not([type="application/ld+json"])')).toHaveCount(1);
}

test('the index names the three projects and shows the totals with their as-of date', async ({ page }) => {
  await page.goto('/charity/');
  await expect(page.getByRole('heading', { level: 1, name: '公益项目' })).toBeVisible();

  const list = section(page, '三个项目');
  await expect(list.getByRole('listitem')).toHaveCount(3);
  for (const p of projects) {
    await expect(list.getByRole('link', { name: p.name, exact: true })).toHaveAttribute('href', `/charity/${p.slug}/`);
  }

  const totals = section(page, '累计帮助了多少家庭');
  await expect(totals).toContainText('200余个');
  await expect(totals).toContainText('千余万元');
  await expect(totals.getByText('截至2023年12月')).toHaveCount(2);
  await expect(totals).toContainText('本库发布');

  await expectNoShippedScript(page);
  await expectAccessible(page);
});

test('a project card leads to its page', async ({ page }) => {
  await page.goto('/charity/');
  await section(page, '三个项目').getByRole('link', { name: '火种工程2.0' }).click();
  await expect(page).toHaveURL(/\/charity\/huozhong-2\/$/);
  await expect(page.getByRole('heading', { level: 1, name: '火种工程2.0' })).toBeVisible();
});

for (const p of projects) {
  test(`${p.name}: eligibility, numbered steps, partners and how to contact the bank`, async ({ page }) => {
    await page.goto(`/charity/${p.slug}/`);
    await expect(page.getByRole('heading', { level: 1, name: p.name })).toBeVisible();
    await expect(page.getByRole('navigation', { name: '面包屑导航' }).getByRole('link', { name: '公益项目' })).toBeVisible();

    const who = section(page, '谁可以申请');
    expect(await who.getByRole('listitem').count()).toBeGreaterThanOrEqual(2);
    // Honest about what the page cannot know: the bank confirms the current conditions.
    await expect(who).toContainText('以本库受理时告知的当期规定为准');

    await expect(section(page, '能得到什么帮助').getByRole('listitem').first()).toBeVisible();
    await expect(section(page, '要准备的材料').getByRole('listitem').first()).toBeVisible();

    const steps = section(page, '怎样申请').locator('ol > li');
    expect(await steps.count()).toBeGreaterThanOrEqual(3);
    await expect(steps.first()).toContainText('联系本库');

    const partners = section(page, '合作单位');
    await expect(partners.getByRole('listitem').filter({ hasText: '山东省红十字会' })).toHaveCount(1);
    await expect(partners.getByRole('listitem').filter({ hasText: '山东省医学会' })).toHaveCount(1);

    const contact = section(page, '联系本库');
    await expect(contact.getByRole('link', { name: '本库近期活动' })).toHaveAttribute('href', '/events/');
    // No invented phone number: the bank's phone is not known, so none is shown.
    await expect(page.locator('main a[href^="tel:"]')).toHaveCount(0);

    await expectNoShippedScript(page);
    await expectAccessible(page);
  });
}

test('火种工程 shows its figures with dates; 救助基金, which has none published, shows none', async ({ page }) => {
  await page.goto('/charity/huozhong/');
  const figures = section(page, '项目数字');
  await expect(figures.getByRole('listitem')).toHaveCount(2);
  await expect(figures).toContainText('截至2023年12月');

  await page.goto('/charity/jiuzhu-fund/');
  await expect(section(page, '项目数字')).toHaveCount(0);
  await expect(page.getByRole('main')).toContainText('没有单独公布救助基金的救助人数和金额');
});

test('an unknown project is a 404, not an empty page', async ({ page }) => {
  const res = await page.goto('/charity/no-such-project/');
  expect(res?.status()).toBe(404);
});
