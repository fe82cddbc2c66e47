/**
 * FAQ, glossary, about and news as a reader meets them: counts, anchors that land on their target,
 * structured data that parses, the news feed, no JavaScript shipped, and axe on every page.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from '../helpers';

/** Every JSON-LD block on the page, parsed (a block that does not parse fails the test here). */
async function jsonLd(page: Page): Promise<Record<string, unknown>[]> {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  return blocks.map((b) => JSON.parse(b) as Record<string, unknown>);
}

/** Content pages ship no JavaScript beyond the inline preferences script in <head>. */
async function expectNoShippedScript(page: Page) {
  await expect(page.locator('script[src], astro-island, script[type="module"]')).toHaveCount(0);
}

test.describe('/faq/', () => {
  test('shows at least 20 questions in groups, each a heading inside its own anchored article', async ({ page }) => {
    await page.goto('/faq/');
    const main = page.getByRole('main');
    const questions = main.getByRole('article');
    const count = await questions.count();
    expect(count).toBeGreaterThanOrEqual(20);
    expect(await main.getByRole('heading', { level: 2 }).count()).toBeGreaterThanOrEqual(5); // 目录 + ≥4 groups
    const ids = await questions.evaluateAll((els) => els.map((e) => e.id));
    expect(ids.every((id) => /^[a-z0-9-]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(count);
    await expectNoShippedScript(page);
    await expectAccessible(page);
  });

  test('a question’s anchor lands on that question, from a shared link and from the contents', async ({ page }) => {
    await page.goto('/faq/#how-many-banks');
    const target = page.locator('#how-many-banks');
    await expect(target.getByRole('heading', { name: '全国有几家合法的脐血库？' })).toBeInViewport();
    expect(await target.evaluate((el) => el.matches(':target'))).toBe(true);

    await page.goto('/faq/');
    await page.getByRole('navigation', { name: '问题目录' }).getByRole('link', { name: '发现无证机构采集脐带血，向哪里反映？' }).click();
    await expect(page).toHaveURL(/\/faq\/#report$/);
    await expect(page.getByRole('heading', { name: '发现无证机构采集脐带血，向哪里反映？' })).toBeInViewport();
  });

  test('an answer with a number shows it with its as-of date and source, never a raw placeholder', async ({ page }) => {
    await page.goto('/faq/');
    const answer = page.locator('#how-many-banks');
    await expect(answer).toContainText('7家');
    await expect(answer).toContainText(/截至\d{4}年\d{1,2}月，来源：/);
    await expect(page.getByRole('main')).not.toContainText('{fig:');
  });

  test('FAQPage JSON-LD parses and lists every question on the page with its answer', async ({ page }) => {
    await page.goto('/faq/');
    const faq = (await jsonLd(page)).find((d) => d['@type'] === 'FAQPage');
    expect(faq).toBeDefined();
    const entities = faq?.mainEntity as { '@type': string; name: string; acceptedAnswer: { text: string } }[];
    const headings = await page.getByRole('article').getByRole('heading', { level: 3 }).allTextContents();
    expect(entities.map((e) => e.name)).toEqual(headings);
    for (const e of entities) {
      expect(e['@type']).toBe('Question');
      expect(e.acceptedAnswer.text.length).toBeGreaterThan(10);
      expect(e.acceptedAnswer.text).not.toContain('{fig:');
    }
  });

  test('a question that does not exist is simply not a target', async ({ page }) => {
    await page.goto('/faq/#no-such-question');
    expect(await page.locator(':target').count()).toBe(0);
  });
});

test.describe('/glossary/', () => {
  test('shows at least 30 terms, each with its own id, pinyin and definition', async ({ page }) => {
    await page.goto('/glossary/');
    const terms = page.getByRole('main').getByRole('heading', { level: 3 });
    expect(await terms.count()).toBeGreaterThanOrEqual(30);
    const ids = await terms.evaluateAll((hs) => hs.map((h) => h.parentElement?.id ?? ''));
    expect(ids.every((id) => /^[a-z0-9-]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    const hla = page.locator('#hla');
    await expect(hla.getByRole('heading')).toHaveText('人类白细胞抗原（HLA）');
    await expect(hla.locator('[lang="zh-Latn-pinyin"]')).toHaveText(/rénlèi/);
    await expect(hla).toContainText('Human leukocyte antigen');
    await expectNoShippedScript(page);
    await expectAccessible(page);
  });

  test('A–Z links jump to a letter, letters without terms are not links, and 参见 jumps to the term', async ({ page }) => {
    await page.goto('/glossary/');
    const az = page.getByRole('navigation', { name: '按拼音首字母跳转' });
    await az.getByRole('link', { name: '拼音首字母 Z' }).click();
    await expect(page).toHaveURL(/#letter-z$/);
    await expect(page.getByRole('heading', { name: 'Z', exact: true })).toBeInViewport();
    await expect(az.getByRole('link', { name: '拼音首字母 V' })).toHaveCount(0);

    await page.locator('#hla').getByRole('link', { name: '配型', exact: true }).click();
    await expect(page).toHaveURL(/#hla-matching$/);
    await expect(page.locator('#hla-matching').getByRole('heading')).toBeInViewport();
  });

  test('an article’s term link lands on the term', async ({ page }) => {
    await page.goto('/glossary/#cord-blood');
    expect(await page.locator('#cord-blood').evaluate((el) => el.matches(':target'))).toBe(true);
    await expect(page.locator('#cord-blood').getByRole('heading', { name: '脐带血', exact: true })).toBeInViewport();
  });

  test('DefinedTermSet JSON-LD parses and has one term per entry', async ({ page }) => {
    await page.goto('/glossary/');
    const set = (await jsonLd(page)).find((d) => d['@type'] === 'DefinedTermSet');
    const terms = set?.hasDefinedTerm as { '@type': string; name: string; url: string }[];
    expect(terms.length).toBe(await page.getByRole('main').getByRole('heading', { level: 3 }).count());
    expect(terms.find((t) => t.name === '脐带血')?.url).toMatch(/\/glossary\/#cord-blood$/);
  });
});

test.describe('/about/', () => {
  test('shows who the bank is, its history from 1993 to 2024 in order, its approvals and where to complain', async ({ page }) => {
    await page.goto('/about/');
    const main = page.getByRole('main');
    await expect(main).toContainText('山东大学齐鲁医院');
    await expect(main).toContainText('卫医发[2001]222号');
    await expect(main).toContainText('鲁卫血站字[2009]第001号');

    const history = page.locator('section', { has: page.getByRole('heading', { name: '发展历程' }) });
    const list = history.getByRole('list');
    await expect(list).toHaveJSProperty('tagName', 'OL');
    const times = await history.locator('time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime') ?? ''));
    expect(times).toContain('1993');
    expect(times.at(-1)).toBe('2024');
    expect([...times].sort()).toEqual(times);
    await expect(history.getByRole('listitem').filter({ hasText: '1993年' })).toContainText('开始筹建');
    await expect(history.getByRole('listitem').filter({ hasText: '2024年' })).toContainText('中华骨髓库');

    const table = page.getByRole('table', { name: '批准文件与质量认证' });
    await expect(table.getByRole('rowheader', { name: '国家批准设置' })).toBeVisible();
    await expect(table).toContainText('ISO 9001');

    await expect(main.getByRole('link', { name: '12320' })).toHaveAttribute('href', 'tel:12320');
    await expect(main).toContainText('截至2023年12月');
    await expectNoShippedScript(page);
    await expectAccessible(page);
  });

  test('carries Organization JSON-LD with the official name and founders', async ({ page }) => {
    await page.goto('/about/');
    const org = (await jsonLd(page)).find((d) => String(d['@type']).endsWith('Organization'));
    expect(org?.name).toBe('山东省脐带血造血干细胞库');
    expect(org?.alternateName).toBe('山东省脐血库');
    expect((org?.founder as { name: string }[]).map((f) => f.name)).toContain('山东大学齐鲁医院');
  });
});

test.describe('/news/', () => {
  test('lists at least 3 items newest first, each leading to its page with sources and NewsArticle JSON-LD', async ({ page }) => {
    await page.goto('/news/');
    const items = page.getByRole('main').getByRole('listitem');
    expect(await items.count()).toBeGreaterThanOrEqual(3);
    const dates = await items.locator('time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime') ?? ''));
    expect([...dates].sort().reverse()).toEqual(dates);
    await expectNoShippedScript(page);
    await expectAccessible(page);

    const link = page.getByRole('link', { name: '中华骨髓库与全国7家脐血库签署联合检索协议' });
    await link.click();
    await expect(page).toHaveURL(/\/news\/joint-search-agreement\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('中华骨髓库与全国7家脐血库签署联合检索协议');
    await expect(page.getByRole('navigation', { name: '面包屑导航' }).getByRole('link', { name: '新闻动态' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '来源' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText('山东省脐带血造血干细胞库，2024年');
    const article = (await jsonLd(page)).find((d) => d['@type'] === 'NewsArticle');
    expect(article?.headline).toBe('中华骨髓库与全国7家脐血库签署联合检索协议');
    expect(article?.datePublished).toBe(await page.locator('main time').first().getAttribute('datetime'));
    expect((article?.citation as unknown[]).length).toBeGreaterThanOrEqual(1);
    await expectNoShippedScript(page);
    await expectAccessible(page);
  });

  test('a news page that does not exist answers 404', async ({ page }) => {
    const res = await page.goto('/news/no-such-news/');
    expect(res?.status()).toBe(404);
  });
});

test.describe('/rss.xml', () => {
  test('is well-formed RSS with at least 3 items whose absolute links lead to news pages', async ({ page, request }) => {
    const res = await request.get('/rss.xml');
    expect(res.status()).toBe(200);
    // The feed is a prerendered file: the static server names its type from the extension (application/xml).
    expect(res.headers()['content-type']).toMatch(/^application\/(rss\+)?xml/);
    const xml = await res.text();
    await page.goto('/news/');
    const feed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        root: doc.documentElement.nodeName,
        items: [...doc.querySelectorAll('item')].map((i) => ({
          title: i.querySelector('title')?.textContent ?? '',
          link: i.querySelector('link')?.textContent ?? '',
          pubDate: i.querySelector('pubDate')?.textContent ?? '',
        })),
      };
    }, xml);
    expect(feed.error).toBeNull();
    expect(feed.root).toBe('rss');
    expect(feed.items.length).toBeGreaterThanOrEqual(3);
    const listed = await page.getByRole('main').getByRole('listitem').getByRole('heading').allTextContents();
    expect(feed.items.map((i) => i.title)).toEqual(listed);
    for (const item of feed.items) {
      const url = new URL(item.link); // throws on a relative link
      expect(url.protocol).toMatch(/^https?:$/);
      expect(url.pathname).toMatch(/^\/news\/[a-z0-9-]+\/$/);
      expect(Number.isNaN(Date.parse(item.pubDate))).toBe(false);
      expect((await request.get(url.pathname)).status(), url.pathname).toBe(200);
    }
  });
});
