/** 认识脐带血: the article index and article pages as a reader meets them. */
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from '../helpers';

/** Category headings in the order src/content.config.ts defines them (articleCategories). */
const CATEGORY_ORDER = ['基础知识', '临床应用', '捐献与储存', '配型与检索', '历史与进展', '家长须知', '本库案例'];
const ARTICLE = '/learn/cord-blood-uses-standard-and-experimental/';
const CASE = '/learn/case-report-thin-endometrium/';

/** Hrefs of every article linked from the index. */
async function indexArticleLinks(page: Page): Promise<string[]> {
  await page.goto('/learn/');
  return page.locator('main section .article-list h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
}

test.describe('/learn/ index', () => {
  test('lists at least 12 articles under category headings, in the site order', async ({ page }) => {
    await page.goto('/learn/');
    await expect(page.getByRole('heading', { level: 1, name: '认识脐带血' })).toBeVisible();
    const headings = await page.locator('main section > h2').allTextContents();
    expect(headings.length).toBeGreaterThanOrEqual(5);
    // Shown categories keep the defined order (indexOf grows along the list) and every one is known.
    const positions = headings.map((h) => CATEGORY_ORDER.indexOf(h.trim()));
    expect(positions).not.toContain(-1);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const h of headings) {
      const section = page.getByRole('region', { name: h.trim() });
      expect(await section.getByRole('link').count(), `category ${h}`).toBeGreaterThanOrEqual(1);
    }
    const links = await indexArticleLinks(page);
    expect(links.length).toBeGreaterThanOrEqual(12);
    expect(new Set(links).size).toBe(links.length);
    for (const href of links) expect(href).toMatch(/^\/learn\/[a-z0-9-]+\/$/);
    // Each entry shows its reading time.
    await expect(page.locator('main .article-list .meta').first()).toHaveText(/阅读约\d+分钟/);
  });

  test('the category links jump to their section', async ({ page }) => {
    await page.goto('/learn/');
    await page.getByRole('navigation', { name: '文章分类' }).getByRole('link', { name: '家长须知' }).click();
    await expect(page).toHaveURL(/#cat-\d+$/);
    await expect(page.getByRole('heading', { level: 2, name: '家长须知' })).toBeInViewport();
  });

  test('has no WCAG 2.2 A/AA violations', async ({ page }) => {
    await page.goto('/learn/');
    await expectAccessible(page);
  });
});

test.describe('an article page', () => {
  test('shows title, meta line with review date, body, sources and related articles', async ({ page }) => {
    await page.goto(ARTICLE);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('脐带血移植能治什么，哪些还在试验');
    await expect(page.getByRole('navigation', { name: '面包屑导航' }).getByRole('link', { name: '认识脐带血' })).toHaveAttribute('href', '/learn/');

    const meta = page.locator('.article-meta');
    await expect(meta).toContainText('临床应用');
    await expect(meta).toContainText(/阅读约\d+分钟/);
    await expect(meta).toContainText(/更新于 \d{4}年\d{1,2}月\d{1,2}日/);
    await expect(meta).toContainText(/审核：山东省脐血库科普宣传团队，\d{4}年\d{1,2}月\d{1,2}日/);

    const sources = page.getByRole('region', { name: '来源' });
    await expect(sources.getByRole('listitem').first()).toBeVisible();
    expect(await sources.getByRole('listitem').count()).toBeGreaterThanOrEqual(1);
    await expect(sources.getByRole('link', { name: /Cord Blood Banking/ })).toHaveAttribute('href', /^https:\/\//);

    const related = page.getByRole('region', { name: '相关文章' });
    const relatedLinks = related.getByRole('link');
    expect(await relatedLinks.count()).toBeGreaterThanOrEqual(1);
    for (const href of await relatedLinks.evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
      expect(href).toMatch(/^\/learn\/[a-z0-9-]+\/$/);
      expect(href).not.toBe(ARTICLE);
    }
  });

  test('labels each use with a visible standard / experimental badge', async ({ page }) => {
    await page.goto(ARTICLE);
    const body = page.locator('.prose');
    expect(await body.getByText('标准治疗', { exact: true }).count()).toBeGreaterThanOrEqual(5);
    expect(await body.getByText('临床试验阶段', { exact: true }).count()).toBeGreaterThanOrEqual(3);
    await expect(body.getByText('临床试验阶段', { exact: true }).first()).toBeVisible();
  });

  test('shows each figure with its as-of date and source', async ({ page }) => {
    await page.goto(ARTICLE);
    const fig = page.locator('.prose .fig').first();
    await expect(fig).toContainText(/\d/);
    await expect(fig).toContainText(/截至\d{4}年\d{1,2}月，来源：\S+/);
  });

  test('a glossary term link leads to that term on /glossary/', async ({ page }) => {
    await page.goto('/learn/hla-matching-and-joint-search/');
    const term = page.locator('.prose a.term').first();
    const href = await term.getAttribute('href');
    expect(href).toMatch(/^\/glossary\/#[a-z0-9-]+$/);
    await term.click();
    await expect(page).toHaveURL(new RegExp(`${href}$`));
    await expect(page.locator(`[id="${href?.split('#')[1]}"]`)).toBeVisible();
  });

  test('the case report says it is the bank’s account of one case, not an established treatment', async ({ page }) => {
    await page.goto(CASE);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('本库案例');
    const first = page.locator('.prose [role="note"]').first();
    await expect(first).toContainText('一个病例');
    await expect(first).toContainText('不是已经确立的治疗方法');
    await expect(page.locator('.prose').getByText('临床试验阶段', { exact: true })).toBeVisible();
  });

  test('carries MedicalWebPage JSON-LD with lastReviewed, reviewer and citations, and og:type article', async ({ page }) => {
    await page.goto(ARTICLE);
    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
    const pages = blocks.map((b) => JSON.parse(b)).filter((d) => d['@type'] === 'MedicalWebPage');
    expect(pages).toHaveLength(1);
    const ld = pages[0];
    expect(ld.lastReviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(ld.reviewedBy.name).toBe('山东省脐血库科普宣传团队');
    expect(ld.about.length).toBeGreaterThanOrEqual(1);
    expect(ld.citation.length).toBeGreaterThanOrEqual(1);
    expect(ld.name).toBe('脐带血移植能治什么，哪些还在试验');
    await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');
  });

  test('loads no external script', async ({ page }) => {
    await page.goto(ARTICLE);
    await expect(page.locator('script[src]')).toHaveCount(0);
    await expect(page.locator('astro-island')).toHaveCount(0);
  });

  test('two articles have no WCAG 2.2 A/AA violations', async ({ page }) => {
    for (const path of [ARTICLE, '/learn/cord-blood-vs-bone-marrow-and-peripheral-blood/']) {
      await page.goto(path);
      await expectAccessible(page);
    }
  });
});

test('every article linked from the index shows its sources and review date', async ({ page }) => {
  const links = await indexArticleLinks(page);
  expect(links.length).toBeGreaterThanOrEqual(12);
  for (const href of links) {
    const res = await page.goto(href);
    expect(res?.status(), href).toBe(200);
    await expect(page.locator('h1'), href).toHaveCount(1);
    await expect(page.getByRole('region', { name: '来源' }).getByRole('listitem').first(), href).toBeVisible();
    await expect(page.locator('.article-meta'), href).toContainText(/审核：.+\d{4}年\d{1,2}月\d{1,2}日/);
  }
});

test('an unknown article address answers 404', async ({ page }) => {
  const res = await page.goto('/learn/no-such-article/');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('找不到这个页面');
});
