/**
 * Every page of the real site, as the sitemap lists it: it answers, has its title, one h1, the skip link, a canonical
 * address, JSON-LD that parses, every figure with its as-of date and source, no WCAG 2.2 A/AA violation and nothing
 * blocked by its security policy. Behaviour (keyboard, reading preferences) is tested on the fixture site.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible, jsonLdOf } from '../helpers';
import { sitemapPaths } from '../sitemap-urls';

const paths = sitemapPaths();

test('the sitemap lists every section of the site', () => {
  for (const p of ['/', '/learn/', '/faq/', '/glossary/', '/verify/', '/charity/', '/events/', '/schools/', '/news/', '/about/', '/search/', '/privacy/', '/accessibility/']) {
    expect(paths, `sitemap lacks ${p}`).toContain(p);
  }
});

for (const path of paths) {
  test(`${path}: title, one h1, canonical, JSON-LD, dated figures, axe clean, nothing blocked`, async ({ page }) => {
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
    expect(new URL((await page.locator('link[rel="canonical"]').getAttribute('href')) ?? '').pathname).toBe(path);
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', /\S/);

    for (const ld of await jsonLdOf(page)) expect(ld['@type'], JSON.stringify(ld).slice(0, 80)).toBeTruthy();

    // A number is never shown bare: every figure carries its date (截至… for a running total) and who says so.
    const figures = await page.locator('main .fig, main .figure-card').allTextContents();
    for (const f of figures) expect(f).toMatch(/\d{4}年\d{1,2}月.*来源：\s*\S/s);
    await expect(page.locator('main')).not.toContainText('{fig:');

    await expectAccessible(page);
    await expect(page.locator('meta[http-equiv="content-security-policy"]')).toHaveCount(1);
    expect(blocked).toEqual([]);
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

test('an unknown address shows the 404 page with a way back', async ({ page }) => {
  const res = await page.goto('/no-such-page/');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('找不到这个页面');
  await expect(page.getByRole('link', { name: '回到首页' })).toBeVisible();
  await expectAccessible(page);
});

for (const section of ['learn', 'charity', 'schools', 'news']) {
  test(`an unknown page under /${section}/ answers 404, not an empty page`, async ({ request }) => {
    expect((await request.get(`/${section}/no-such-page/`)).status()).toBe(404);
  });
}

test('the home page carries the Organization JSON-LD and Open Graph', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', /.+/);
  const types = (await jsonLdOf(page)).map((d) => d['@type']);
  expect(types).toContain('MedicalOrganization');
});

test('robots.txt points to the sitemap, and the favicon is served', async ({ request }) => {
  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toMatch(/Sitemap: https?:\/\/.+\/sitemap-index\.xml/);
  const icon = await request.get('/favicon.ico');
  expect(icon.status()).toBe(200);
});
