import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './helpers';

/**
 * Site search against the real Pagefind index written by the build (src/integrations/pagefind.ts).
 * Chinese segmentation has regressed between Pagefind versions, so these run real Chinese queries end to end.
 */

interface Hit {
  href: string;
  title: string;
  section: string;
}

const searchbox = (page: Page) => page.getByRole('searchbox', { name: '输入要找的词' });
const resultsRegion = (page: Page) => page.getByRole('region', { name: '搜索结果' });
const resultItems = (page: Page) => resultsRegion(page).getByRole('listitem');
const filters = (page: Page) => page.getByRole('group', { name: '只看这些栏目' });

/** The query the address bar holds now. */
const urlQuery = (page: Page) => new URL(page.url()).searchParams.get('q');

/** Waits until the live region has announced the outcome for `q`. */
async function announced(page: Page, q: string): Promise<void> {
  await expect(page.getByRole('status')).toContainText(`「${q}」`);
}

/** Opens /search/?q=… as a shared link would, and returns the results in the order shown. */
async function searchFor(page: Page, q: string): Promise<Hit[]> {
  await page.goto(`/search/?q=${encodeURIComponent(q)}`);
  await announced(page, q);
  await expect(page.getByRole('status')).toContainText('找到');
  await expect(resultItems(page).first()).toBeVisible();
  return hits(page);
}

/** The number of results the live region announced (all of them, not only those shown so far). */
async function announcedCount(page: Page): Promise<number> {
  const text = (await page.getByRole('status').textContent()) ?? '';
  const m = text.match(/找到(\d+)条/);
  if (!m) throw new Error(`no count in 「${text}」`);
  return Number(m[1]);
}

async function hits(page: Page): Promise<Hit[]> {
  return resultItems(page).evaluateAll((items) =>
    items.map((li) => ({
      href: li.querySelector('h3 a')?.getAttribute('href') ?? '',
      title: li.querySelector('h3')?.textContent ?? '',
      section: li.querySelector('.tag')?.textContent ?? '',
    })),
  );
}

test.describe('Chinese queries find the page a reader means', () => {
  const cases: { q: string; want: string; top: number; match: (h: Hit) => boolean }[] = [
    {
      q: '脐带血',
      want: 'a 认识脐带血 article about cord blood',
      top: 1,
      match: (h) => /^\/learn\/[^/]+\/$/.test(h.href) && h.title.includes('脐带血'),
    },
    {
      q: '造血干细胞',
      want: 'the article that explains cord blood and haematopoietic stem cells',
      top: 3,
      match: (h) => /^\/learn\/[^/]+\/$/.test(h.href) && h.title.includes('造血干细胞'),
    },
    { q: '执业许可证', want: 'the licence check page', top: 3, match: (h) => h.href === '/verify/' },
    {
      q: '火种工程',
      want: 'the 火种工程 charity page',
      top: 1,
      match: (h) => /^\/charity\/[^/]+\/$/.test(h.href) && h.title.includes('火种工程'),
    },
    {
      q: '范可尼贫血',
      want: 'an article or the glossary',
      top: 3,
      match: (h) => /^\/learn\/[^/]+\/$/.test(h.href) || h.href === '/glossary/',
    },
    { q: '脐趣六一', want: 'a 脐趣六一 event page', top: 3, match: (h) => /^\/events\/[^/]+\/$/.test(h.href) && h.title.includes('脐趣六一') },
    {
      q: '液氮',
      want: 'the 认识脐带血 article on how cord blood is stored',
      top: 3,
      match: (h) => /^\/learn\/[^/]+\/$/.test(h.href) && /储存|保存|冻存/.test(h.title),
    },
  ];

  for (const { q, want, top, match } of cases) {
    test(`「${q}」 puts ${want} in the top ${top}`, async ({ page }) => {
      const found = await searchFor(page, q);
      const first = found.slice(0, top);
      expect(first.some(match), `top ${top} for 「${q}」: ${JSON.stringify(first)}`).toBe(true);
    });
  }

  test('results show a title link, the section and an excerpt with the words highlighted', async ({ page }) => {
    await searchFor(page, '火种工程');
    const first = resultItems(page).first();
    await expect(first.getByRole('heading', { level: 3 }).getByRole('link')).toHaveAttribute('href', /^\/charity\//);
    await expect(first.locator('.tag')).toHaveText('公益');
    await expect(first.locator('mark').first()).toContainText(/火种|工程/);
    await expect(page.getByRole('status')).toHaveText(/^找到\d+条与「火种工程」有关的结果。$/);
    await expect(page).toHaveTitle(/^火种工程：站内搜索/);
  });
});

test('a query that matches nothing says so in Chinese and suggests what to try', async ({ page }) => {
  // 鳄梨 (avocado) appears nowhere on a cord blood site. (A Latin nonsense word is no good: Pagefind matches a
  // glossary letter heading by its first letter.)
  await page.goto(`/search/?q=${encodeURIComponent('鳄梨')}`);
  await expect(page.getByRole('status')).toHaveText('没有找到与「鳄梨」有关的内容。');
  await expect(page.getByRole('heading', { name: '没有找到相关内容' })).toBeVisible();
  await expect(page.getByRole('link', { name: '资质查验' }).last()).toBeVisible();
  await expect(resultsRegion(page)).toBeHidden();
  await expectAccessible(page);
});

test('the header search on a content page lands on /search/?q=… with results', async ({ page }) => {
  await page.goto('/learn/');
  const header = page.getByRole('search', { name: '站内搜索' });
  await header.getByRole('searchbox').fill('火种工程');
  await header.getByRole('searchbox').press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=/);
  expect(urlQuery(page)).toBe('火种工程');
  await announced(page, '火种工程');
  await expect(searchbox(page)).toHaveValue('火种工程');
  await expect(resultItems(page).first().getByRole('link')).toHaveAttribute('href', /^\/charity\//);
});

test('each search is a history entry: Back and Forward restore the query and its results', async ({ page }) => {
  const before = await searchFor(page, '脐带血');
  await searchbox(page).fill('火种工程');
  await searchbox(page).press('Enter');
  await announced(page, '火种工程');
  expect(urlQuery(page)).toBe('火种工程');
  await expect(resultItems(page).first().getByRole('link')).toHaveAttribute('href', /^\/charity\//);

  await page.goBack();
  await announced(page, '脐带血');
  expect(urlQuery(page)).toBe('脐带血');
  await expect(searchbox(page)).toHaveValue('脐带血');
  await expect(resultItems(page).first().getByRole('link')).toHaveAttribute('href', before[0]!.href);

  await page.goForward();
  await announced(page, '火种工程');
  await expect(searchbox(page)).toHaveValue('火种工程');
});

test('a section filter narrows the results, shows in the URL, and Back removes it', async ({ page }) => {
  const all = await searchFor(page, '脐带血');
  const total = await announcedCount(page);
  // Each filter's label carries how many of this query's results it holds, e.g. 「公益（3）」.
  const labels = await filters(page).getByRole('checkbox').evaluateAll((boxes) =>
    boxes.map((b) => b.closest('label')?.textContent ?? ''),
  );
  const counts = labels.map((l) => ({ name: l.replace(/（\d+）$/, ''), n: Number(l.match(/（(\d+)）$/)?.[1]) }));
  const chosen = counts.find((c) => c.n > 0 && c.n < total)?.name;
  expect(chosen, `「脐带血」should be found in more than one section: ${labels.join(' ')}`).toBeTruthy();
  if (!chosen) return;

  await filters(page).getByRole('checkbox', { name: new RegExp(`^${chosen}`) }).check();
  await expect(page.getByRole('status')).toContainText(`在「${chosen}」栏目中找到`);
  expect(new URL(page.url()).searchParams.getAll('section')).toEqual([chosen]);
  const narrowed = await hits(page);
  expect(narrowed.length).toBeGreaterThan(0);
  expect(await announcedCount(page)).toBeLessThan(total);
  expect(narrowed.every((h) => h.section === chosen)).toBe(true);

  // A shared link with the filter opens the same narrowed results.
  await page.reload();
  await expect(page.getByRole('status')).toContainText(`在「${chosen}」栏目中找到`);
  await expect(filters(page).getByRole('checkbox', { name: new RegExp(`^${chosen}`) })).toBeChecked();

  await page.goBack();
  await expect(page.getByRole('status')).toHaveText(/^找到\d+条与「脐带血」/);
  await expect(filters(page).getByRole('checkbox', { name: new RegExp(`^${chosen}`) })).not.toBeChecked();
  expect(await announcedCount(page)).toBe(total);
  await expect(resultItems(page)).toHaveCount(all.length);
});

test('ten results come first; more come on request, with focus on the first new one', async ({ page }) => {
  await searchFor(page, '脐带血');
  const total = await announcedCount(page);
  expect(total, '「脐带血」should match more than one screen of pages').toBeGreaterThan(10);
  await expect(resultItems(page)).toHaveCount(10);
  await page.getByRole('button', { name: '显示更多结果' }).click();
  await expect(resultItems(page)).toHaveCount(Math.min(total, 20));
  await expect(resultItems(page).nth(10).getByRole('link')).toBeFocused();
  if (total <= 20) await expect(page.getByRole('button', { name: '显示更多结果' })).toBeHidden();
});

test('search works from the keyboard alone: type, filter, open a result', async ({ page }) => {
  await page.goto('/search/');
  await expect(filters(page)).toBeVisible();
  for (let i = 0; i < 40 && !(await searchbox(page).evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(searchbox(page)).toBeFocused();
  await page.keyboard.type('火种工程');
  await page.keyboard.press('Enter');
  await announced(page, '火种工程');
  expect(urlQuery(page)).toBe('火种工程');

  // Tab on to the first filter and tick it with Space.
  const firstBox = filters(page).getByRole('checkbox').first();
  for (let i = 0; i < 5 && !(await firstBox.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(firstBox).toBeFocused();
  await page.keyboard.press('Space');
  await expect(firstBox).toBeChecked();
  await page.keyboard.press('Space');
  await expect(firstBox).not.toBeChecked();
  await announced(page, '火种工程');

  // Then on to the first result, and Enter opens it.
  const link = resultItems(page).first().getByRole('link');
  await expect(link).toBeVisible();
  const href = await link.getAttribute('href');
  for (let i = 0; i < 20 && !(await link.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(link).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${href}$`));
});

test('the search page with results passes axe (WCAG 2.2 A/AA)', async ({ page }) => {
  await searchFor(page, '脐带血');
  await expect(filters(page)).toBeVisible();
  await expectAccessible(page);
});

test('content pages load no search files; /search/ loads Pagefind when opened', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  for (const path of ['/', '/learn/', '/charity/']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
  }
  expect(requested.filter((p) => p.startsWith('/pagefind/'))).toEqual([]);

  await page.goto('/search/');
  await expect(filters(page)).toBeVisible();
  expect(requested).toContain('/pagefind/pagefind.js');
});

test('when the index cannot be loaded (as under astro dev) the page says so and offers the sections', async ({ page }) => {
  await page.route('**/pagefind/pagefind.js', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto(`/search/?q=${encodeURIComponent('脐带血')}`);
  await expect(page.getByRole('status')).toHaveText('搜索功能暂时无法使用。');
  await expect(page.getByText('搜索索引没有加载成功')).toBeVisible();
  await expect(page.getByRole('heading', { name: '按栏目查找' })).toBeVisible();
  await expectAccessible(page);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the page explains that search needs JavaScript, and the form still submits the query', async ({ page }) => {
    await page.goto('/search/');
    await expect(page.getByText('站内搜索需要浏览器开启 JavaScript')).toBeVisible();
    await expect(page.getByRole('heading', { name: '按栏目查找' })).toBeVisible();
    await searchbox(page).fill('脐带血');
    await page.getByRole('search', { name: '搜索本站内容' }).getByRole('button', { name: '搜索' }).click();
    await expect(page).toHaveURL(/\/search\/\?q=/);
    expect(urlQuery(page)).toBe('脐带血');
    await expect(page.getByText('站内搜索需要浏览器开启 JavaScript')).toBeVisible();
  });
});
