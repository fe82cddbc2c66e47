/**
 * The real site answers the questions readers bring, as they type them (issue 16): how long cord blood keeps, what
 * donation and family storage cost, how to apply to 火种工程. Content checks: the pages named are the site's
 * evergreen articles, FAQ entries and charity pages (no event, no date), and each must come first for its question.
 * How search treats questions is tested on the fixture site (tests/e2e/fixture/search.spec.ts).
 */
import { expect, test, type Page } from '@playwright/test';

/** Opens /search/?q=… and returns the result links in the order shown, once the count is announced. */
async function firstResults(page: Page, q: string): Promise<string[]> {
  await page.goto(`/search/?q=${encodeURIComponent(q)}`);
  await expect(page.getByRole('status')).toContainText(`找到`);
  return page
    .getByRole('region', { name: '搜索结果' })
    .locator('ol > li h3 a')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
}

const cases: { q: string; first: string[] }[] = [
  // The question the issue reports: it found one unrelated case report.
  { q: '脐带血 储存 多久', first: ['/learn/how-long-cord-blood-keeps/', '/faq/#how-long-stored'] },
  { q: '脐带血能储存多久？', first: ['/learn/how-long-cord-blood-keeps/', '/faq/#how-long-stored'] },
  { q: '捐献脐带血要花钱吗', first: ['/learn/cord-blood-costs-for-families/', '/faq/#donation-cost'] },
  { q: '自己储存脐带血要多少钱', first: ['/learn/cord-blood-costs-for-families/', '/faq/#storage-cost'] },
  { q: '火种工程怎么申请', first: ['/charity/huozhong/', '/charity/huozhong-2/'] },
  { q: '怎样查验脐血库的资质', first: ['/verify/'] },
];

for (const { q, first } of cases) {
  test(`「${q}」 is answered by the first result`, async ({ page }) => {
    const found = await firstResults(page, q);
    expect(first, `first results for 「${q}」: ${found.slice(0, 3).join(' ')}`).toContain(found[0]);
  });
}

test('the answer on storage time comes with the FAQ entry, linked to its own question', async ({ page }) => {
  const found = await firstResults(page, '脐带血能储存多久');
  expect(found.slice(0, 3)).toContain('/faq/#how-long-stored');
});
