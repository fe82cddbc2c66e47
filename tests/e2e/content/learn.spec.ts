/**
 * 认识脐带血 as content: the index lists every article file under its category, categories in the schema's order,
 * and every article page shows what its file says: title, review line, sources, evidence badges and the
 * MedicalWebPage JSON-LD. Derived from content/articles/, whatever articles it holds.
 */
import { expect, test } from '@playwright/test';
import { jsonLdOf } from '../helpers';
import { isoDay, readCollection, readData, schemaList, section } from './real-content';

interface Source {
  title: string;
  url?: string;
}
interface Article {
  title: string;
  category: string;
  updatedAt: string;
  reviewedBy: string;
  reviewedAt: string;
  sources: Source[];
  order?: number;
}

const articles = readCollection<Article>('articles');
const reviewers = new Map(readData<{ id: string; name: string }>('reviewers.yaml').map((r) => [r.id, r.name]));
const categories = schemaList('articleCategories');
const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;

test('/learn/ lists every article once, under its category, categories in the schema order', async ({ page }) => {
  await page.goto('/learn/');
  const used = categories.filter((c) => articles.some((a) => a.data.category === c));
  expect((await page.locator('main section > h2').allTextContents()).map((h) => h.trim())).toEqual(used);
  for (const category of used) {
    const hrefs = await section(page, category)
      .getByRole('heading', { level: 3 })
      .getByRole('link')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const files = articles.filter((a) => a.data.category === category);
    expect([...hrefs].sort(), category).toEqual(files.map((a) => `/learn/${a.id}/`).sort());
    // Within a category, by the files' order field.
    const orders = hrefs.map((h) => files.find((a) => `/learn/${a.id}/` === h)?.data.order ?? 100);
    expect([...orders].sort((x, y) => x - y), category).toEqual(orders);
  }
  await expect(page.locator('main .article-list .meta')).toHaveText(articles.map(() => /阅读约\d+分钟/));
});

for (const a of articles) {
  const d = a.data;
  test(`/learn/${a.id}/ shows its title, review line, sources, badges and MedicalWebPage JSON-LD`, async ({ page }) => {
    await page.goto(`/learn/${a.id}/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(d.title);
    await expect(page.getByRole('navigation', { name: '面包屑导航' }).getByRole('link', { name: '认识脐带血' })).toHaveAttribute('href', '/learn/');

    const reviewer = reviewers.get(d.reviewedBy);
    expect(reviewer, `reviewer ${d.reviewedBy}`).toBeDefined();
    const meta = page.locator('.article-meta');
    await expect(meta).toContainText(d.category);
    await expect(meta).toContainText(/阅读约\d+分钟/);
    await expect(meta.getByText(/^更新于/).locator('time')).toHaveAttribute('datetime', isoDay(d.updatedAt));
    await expect(meta.getByText(`审核：${reviewer}`).locator('time')).toHaveAttribute('datetime', isoDay(d.reviewedAt));

    const sources = section(page, '来源').getByRole('listitem');
    await expect(sources).toHaveCount(d.sources.length);
    for (const [i, s] of d.sources.entries()) {
      await expect(sources.nth(i)).toContainText(s.title);
      if (s.url) await expect(sources.nth(i).getByRole('link', { name: s.title })).toHaveAttribute('href', s.url);
    }

    // Every <Evidence> in the file is a visible badge on the page.
    const prose = page.locator('.prose');
    await expect(prose.getByText('标准治疗', { exact: true })).toHaveCount(count(a.body, /<Evidence\s+level="standard"/g));
    await expect(prose.getByText('临床试验阶段', { exact: true })).toHaveCount(count(a.body, /<Evidence\s+level="experimental"/g));

    const related = await page
      .locator('main')
      .getByRole('region', { name: '相关文章' })
      .getByRole('link')
      .evaluateAll((as) => as.map((x) => x.getAttribute('href')));
    for (const href of related) {
      expect(href).toMatch(/^\/learn\/[a-z0-9-]+\/$/);
      expect(href).not.toBe(`/learn/${a.id}/`);
    }

    const ld = (await jsonLdOf(page)).filter((x) => x['@type'] === 'MedicalWebPage');
    expect(ld).toHaveLength(1);
    expect(ld[0]).toMatchObject({ name: d.title, lastReviewed: isoDay(d.reviewedAt), reviewedBy: { name: reviewer } });
    expect(ld[0]?.citation).toHaveLength(d.sources.length);
    await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');
  });
}
