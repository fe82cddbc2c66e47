/**
 * FAQ, glossary, about and news as content: every entry of their data files is on the page, the JSON-LD lists
 * exactly what the page shows, the history is in order, the news list, pages and feed agree. Derived from
 * content/data/ and content/news/, whatever they hold.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { jsonLdOf } from '../helpers';
import { newestFirst } from '../../../src/lib/news';
import { isoDay, readCollection, readData, schemaList, section } from './real-content';

interface Faq {
  id: string;
  group: string;
  order?: number;
  question: string;
}
interface Term {
  id: string;
  term: string;
  pinyin: string;
  english?: string;
  definition: string;
}
interface Moment {
  id: string;
  when: string;
  title: string;
}
interface News {
  title: string;
  publishedAt: string;
  sources: { title: string }[];
}
interface Site {
  name: string;
  shortName: string;
  foundedBy: string[];
  approvals: { label: string; value: string }[];
  contact: { hotlines: { number: string }[] };
}

const faq = readData<Faq>('faq.yaml');
const glossary = readData<Term>('glossary.yaml');
const timeline = readData<Moment>('timeline.yaml');
const site = JSON.parse(readFileSync('content/data/site.json', 'utf8')) as Site;
const news = newestFirst(
  readCollection<News>('news').map((n) => ({ ...n, data: { ...n.data, publishedAt: new Date(isoDay(n.data.publishedAt)) } })),
);

/** Text without white space, so page text and JSON-LD text compare: the page's markup adds spaces around figures. */
const fold = (s: string) => s.replace(/\s+/g, '');
const byType = async (page: Page, type: string) => (await jsonLdOf(page)).filter((d) => d['@type'] === type);

test.describe('/faq/', () => {
  /** The FAQ's question ids in page order. */
  const idsInPage = (page: Page, ids: string[]) =>
    page.evaluate((known) => [...document.querySelectorAll('main [id]')].map((e) => e.id).filter((id) => known.includes(id)), ids);

  test('shows every question of faq.yaml once, in its group, groups in the schema order, each its own anchor', async ({ page }) => {
    await page.goto('/faq/');
    const groups = schemaList('faqGroups').filter((g) => faq.some((q) => q.group === g));
    await expect(page.getByRole('main').getByRole('heading', { level: 2 }).filter({ hasNotText: '问题目录' })).toHaveText(groups);
    for (const g of groups) {
      const inGroup = faq.filter((q) => q.group === g);
      const shown = await section(page, g).evaluate(
        (el, known) => [...el.querySelectorAll('[id]')].map((e) => e.id).filter((id) => known.includes(id)),
        inGroup.map((q) => q.id),
      );
      expect([...shown].sort(), g).toEqual(inGroup.map((q) => q.id).sort());
      const orders = shown.map((id) => inGroup.find((q) => q.id === id)?.order ?? 100);
      expect([...orders].sort((x, y) => x - y), g).toEqual(orders);
    }
    for (const q of faq) {
      await expect(page.locator(`[id="${q.id}"] h3`)).toHaveText(q.question);
      await expect(page.getByRole('navigation', { name: '问题目录' }).getByRole('link', { name: q.question, exact: true })).toHaveAttribute('href', `#${q.id}`);
    }
  });

  test('FAQPage JSON-LD lists exactly the questions the page shows, in page order, with the answers the page gives', async ({ page }) => {
    await page.goto('/faq/');
    const [ld] = await byType(page, 'FAQPage');
    const entities = ld?.mainEntity as { '@type': string; name: string; url: string; acceptedAnswer: { text: string } }[];
    const ids = await idsInPage(page, faq.map((q) => q.id));
    expect(entities.map((e) => new URL(e.url).hash)).toEqual(ids.map((id) => `#${id}`));
    for (const e of entities) {
      const id = new URL(e.url).hash.slice(1);
      expect(e['@type']).toBe('Question');
      expect(e.name).toBe(faq.find((q) => q.id === id)?.question);
      expect(e.acceptedAnswer.text).not.toContain('{fig:');
      // The answer, figures written out, is the text under the question.
      const shown = (await page.locator(`[id="${id}"]`).textContent()) ?? '';
      expect(fold(shown), id).toContain(fold(e.acceptedAnswer.text));
    }
  });
});

test.describe('/glossary/', () => {
  test('shows every term of glossary.yaml as its own anchor with pinyin, English and definition', async ({ page }) => {
    await page.goto('/glossary/');
    await expect(page.getByRole('main').getByRole('heading', { level: 3 })).toHaveCount(glossary.length);
    for (const t of glossary) {
      const entry = page.locator(`[id="${t.id}"]`);
      await expect(entry.getByRole('heading', { level: 3 })).toHaveText(t.term);
      await expect(entry.locator('[lang="zh-Latn-pinyin"]')).toHaveText(t.pinyin);
      if (t.english) await expect(entry.locator('[lang="en"]')).toHaveText(t.english);
      await expect(entry).toContainText(t.definition);
    }
  });

  test('the A–Z links are exactly the letters that have terms', async ({ page }) => {
    await page.goto('/glossary/');
    const letters = await page.locator('main section.letter').evaluateAll((ss) => ss.map((s) => `#${s.id}`));
    const links = await page
      .getByRole('navigation', { name: '按拼音首字母跳转' })
      .getByRole('link')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(letters);
  });

  test('DefinedTermSet JSON-LD lists exactly the terms the page shows, each at its anchor', async ({ page }) => {
    await page.goto('/glossary/');
    const [set] = await byType(page, 'DefinedTermSet');
    const terms = set?.hasDefinedTerm as { name: string; url: string; description: string }[];
    const shown = await page.locator('main .entry').evaluateAll((es) =>
      es.map((e) => ({
        name: e.querySelector('h3')?.textContent ?? '',
        anchor: `#${e.id}`,
        definition: e.querySelector(':scope > p:not(.meta):not(.see-also)')?.textContent ?? '',
      })),
    );
    const fromLd = terms.map((t) => ({ name: t.name, anchor: new URL(t.url).hash, definition: t.description }));
    const key = (x: { anchor: string }) => x.anchor;
    expect([...fromLd].sort((a, b) => key(a).localeCompare(key(b)))).toEqual([...shown].sort((a, b) => key(a).localeCompare(key(b))));
  });
});

test.describe('/about/', () => {
  test('shows every entry of timeline.yaml, oldest first, as an ordered list', async ({ page }) => {
    await page.goto('/about/');
    const history = section(page, '发展历程');
    await expect(history.getByRole('list')).toHaveJSProperty('tagName', 'OL');
    const ids = await history.getByRole('listitem').evaluateAll((li) => li.map((l) => l.id));
    expect([...ids].sort()).toEqual(timeline.map((t) => `history-${t.id}`).sort());
    const times = await history.locator('time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime') ?? ''));
    expect([...times].sort()).toEqual(times);
    for (const t of timeline) {
      const item = page.locator(`[id="history-${t.id}"]`);
      await expect(item.locator('time')).toHaveAttribute('datetime', t.when);
      await expect(item.getByRole('heading')).toHaveText(t.title);
    }
  });

  test('shows the approvals and the complaint hotlines of site.json, and its Organization JSON-LD', async ({ page }) => {
    await page.goto('/about/');
    const table = page.getByRole('table', { name: '批准文件与质量认证' });
    for (const a of site.approvals) {
      await expect(table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: a.label }) })).toContainText(a.value);
    }
    for (const h of site.contact.hotlines) {
      await expect(page.getByRole('main').getByRole('link', { name: h.number })).toHaveAttribute('href', `tel:${h.number}`);
    }
    const org = (await jsonLdOf(page)).find((d) => String(d['@type']).endsWith('Organization'));
    expect(org?.name).toBe(site.name);
    expect(org?.alternateName).toBe(site.shortName);
    expect((org?.founder as { name: string }[]).map((f) => f.name)).toEqual(site.foundedBy);
  });
});

test.describe('news', () => {
  test('/news/ lists every news item, newest first', async ({ page }) => {
    await page.goto('/news/');
    const items = page.getByRole('main').getByRole('listitem');
    expect(await items.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(
      news.map((n) => `/news/${n.id}/`),
    );
    await expect(items.getByRole('heading')).toHaveText(news.map((n) => n.data.title));
  });

  for (const n of news) {
    test(`/news/${n.id}/ shows its title, date and sources, and NewsArticle JSON-LD`, async ({ page }) => {
      await page.goto(`/news/${n.id}/`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(n.data.title);
      await expect(page.getByRole('navigation', { name: '面包屑导航' }).getByRole('link', { name: '新闻动态' })).toHaveAttribute('href', '/news/');
      const published = isoDay(n.data.publishedAt);
      await expect(page.locator('main time').first()).toHaveAttribute('datetime', published);
      await expect(section(page, '来源').getByRole('listitem')).toHaveCount(n.data.sources.length);
      const [ld] = await byType(page, 'NewsArticle');
      expect(ld).toMatchObject({ headline: n.data.title, datePublished: published });
      expect(ld?.citation).toHaveLength(n.data.sources.length);
    });
  }

  test('/rss.xml is well-formed RSS listing the news as /news/ does, with absolute links that answer', async ({ page, request }) => {
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
    expect(feed.items.map((i) => i.title)).toEqual(news.map((n) => n.data.title));
    for (const item of feed.items) {
      const url = new URL(item.link); // throws on a relative link
      expect(url.protocol).toMatch(/^https?:$/);
      expect(url.pathname).toMatch(/^\/news\/[a-z0-9-]+\/$/);
      expect(Number.isNaN(Date.parse(item.pubDate))).toBe(false);
      expect((await request.get(url.pathname)).status(), url.pathname).toBe(200);
    }
  });
});
