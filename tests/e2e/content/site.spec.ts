import { expect, test } from '@playwright/test';
import { expectAccessible } from '../helpers';
import { sitemapPaths } from '../sitemap-urls';

const paths = sitemapPaths();

test('the sitemap lists every section of the site', () => {
  for (const p of ['/', '/learn/', '/faq/', '/glossary/', '/verify/', '/charity/', '/events/', '/schools/', '/news/', '/about/', '/search/', '/privacy/', '/accessibility/']) {
    expect(paths, `sitemap lacks ${p}`).toContain(p);
  }
});

for (const path of paths) {
  test.describe(`page ${path}`, () => {
    test('has a title, one h1, no WCAG 2.2 A/AA violations, and nothing blocked by its security policy', async ({ page }) => {
      const blocked: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy|Refused to/i.test(m.text())) blocked.push(m.text());
      });
      const res = await page.goto(path, { waitUntil: 'networkidle' });
      expect(res?.status()).toBe(200);
      await expect(page).toHaveTitle(/山东省脐血库|山东省脐带血造血干细胞库/);
      await expect(page.locator('h1')).toHaveCount(1);
      await expect(page.locator('h1')).not.toBeEmpty();
      await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
      await expect(page.getByRole('link', { name: '跳到正文' })).toBeAttached();
      await expectAccessible(page);
      await expect(page.locator('meta[http-equiv="content-security-policy"]')).toHaveCount(1);
      expect(blocked).toEqual([]);
    });
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  for (const path of paths.filter((_, i) => i % 3 === 0)) {
    test(`${path} is readable`, async ({ page }) => {
      await page.goto(path);
      await expect(page.locator('h1')).toBeVisible();
      await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
      await expect(page.getByRole('contentinfo')).toContainText('山东省脐带血造血干细胞库');
    });
  }
});

test.describe('keyboard', () => {
  test('the skip link is the first stop and moves focus to the main content', async ({ page }) => {
    await page.goto('/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: '跳到正文' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#main-content$/);
    await expect(page.locator('#main-content')).toBeFocused();
  });

  test('a reader can reach a section from the main navigation with Tab and Enter alone', async ({ page }) => {
    await page.goto('/');
    const target = page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '资质查验' });
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      if (await target.evaluate((el) => el === document.activeElement)) break;
    }
    await expect(target).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/verify\/$/);
    await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '资质查验' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });
});

test.describe('reading preferences', () => {
  test('large text and high contrast persist across pages and apply before the page is shown', async ({ page }) => {
    await page.goto('/');
    const html = page.locator('html');
    await expect(html).toHaveCSS('font-size', '18px');
    await page.getByRole('button', { name: '大字' }).click();
    await expect(page.getByRole('button', { name: '大字' })).toHaveAttribute('aria-pressed', 'true');
    await expect(html).toHaveCSS('font-size', '22px');
    await page.getByRole('button', { name: '高对比' }).click();
    await expect(html).toHaveAttribute('data-contrast', 'high');

    // On the next page the choice is already applied as soon as <body> exists: the inline script in <head> set it.
    await page.goto('/about/', { waitUntil: 'commit' });
    await page.waitForSelector('body');
    expect(await page.evaluate(() => document.documentElement.dataset.text)).toBe('large');
    await expect(html).toHaveCSS('font-size', '22px');
    await expect(html).toHaveAttribute('data-contrast', 'high');
    await expectAccessible(page);

    await page.getByRole('button', { name: '大字' }).click();
    await expect(html).toHaveCSS('font-size', '18px');
  });

  test('the preference script runs in <head>, before any content is painted, and is under 1 KB gzip', async ({ request }) => {
    const html = await (await request.get('/')).text();
    const head = html.slice(0, html.indexOf('</head>'));
    const inline = [...head.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
    expect(inline.length).toBe(1);
    const { gzipSync } = await import('node:zlib');
    expect(gzipSync(inline[0] ?? '').length).toBeLessThanOrEqual(1024);
  });

  test('dark mode follows the system setting', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/');
    await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(18, 20, 22)');
    await expectAccessible(page);
  });
});

test('an unknown address shows the 404 page with a way back', async ({ page }) => {
  const res = await page.goto('/no-such-page/');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('找不到这个页面');
  await expect(page.getByRole('link', { name: '回到首页' })).toBeVisible();
  await expectAccessible(page);
});

test('head metadata: canonical, Open Graph, and Organization JSON-LD on the home page', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /\/$/);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', /.+/);
  const ld = await page.locator('script[type="application/ld+json"]').allTextContents();
  const types = ld.map((t) => (JSON.parse(t) as { '@type': string })['@type']);
  expect(types).toContain('MedicalOrganization');
});

test('robots.txt points to the sitemap, and the favicon is served', async ({ request }) => {
  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toMatch(/Sitemap: https?:\/\/.+\/sitemap-index\.xml/);
  const icon = await request.get('/favicon.ico');
  expect(icon.status()).toBe(200);
});
