import { expect, test } from '@playwright/test';
import { expectAccessible } from './helpers';

test('the home page leads with the licence check and shows key figures with their dates and sources', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('link', { name: '查验一家机构的资质' })).toHaveAttribute('href', '/verify/');
  const figures = page.getByRole('region', { name: /数字里的/ }).getByRole('listitem');
  await expect(figures).toHaveCount(4);
  for (const item of await figures.all()) {
    await expect(item).toContainText('截至');
    await expect(item).toContainText('来源');
  }
});

test('upcoming events on the home page drop out once they have ended, even if the page was built before', async ({ page }) => {
  await page.goto('/');
  const list = page.getByRole('region', { name: '近期活动' }).getByRole('listitem');
  const count = await list.count();
  expect(count).toBeGreaterThan(0);
  const firstTitle = (await list.first().getByRole('heading').textContent())?.trim() ?? '';
  const endsAt = await list.first().getAttribute('data-ends-at');
  expect(endsAt).toBeTruthy();

  // The same static page, read a minute after that event ended.
  await page.clock.setFixedTime(new Date(Date.parse(endsAt as string) + 60_000));
  await page.reload();
  await expect(page.getByRole('region', { name: '近期活动' }).getByRole('heading', { name: firstTitle })).toHaveCount(0);
  await expectAccessible(page);
});
