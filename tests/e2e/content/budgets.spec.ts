/**
 * The page-weight bars of DESIGN §9 on every page of the real site, as the server sends it:
 * - the HTML and CSS needed for first render fit in 14 KB gzip (one round trip). A page whose whole HTML is larger
 *   passes when the part of it that fits (all of <head>, so all inline CSS, and the start of <body>) renders the h1 and
 *   fills the first screen as the whole page does;
 * - charity, lesson and news pages ship no JavaScript but the inline preference script in <head>, at most 1 KB gzip;
 * - article pages, which may read aloud, load at most 2 KB gzip of JavaScript in all and no island; the other
 *   reading pages (FAQ, glossary, about, the policies) are held to the same bar.
 * Sizes are gzip -9, as bench/page-weight.mjs measures them.
 */
import { expect, test } from '@playwright/test';
import { gzipBytes, scriptBytes } from '../helpers';
import { sitemapPaths } from '../sitemap-urls';

const FIRST_ROUND_TRIP = 14 * 1024;
const PREFS_SCRIPT = 1024;
const READING_PAGE_JS = 2 * 1024;

/** Pages that carry no JavaScript but the preference script. */
const scriptFree = /^\/(charity|schools|news)\//;
/** Reading pages: at most READING_PAGE_JS of JavaScript (the read-aloud script and the preference script). */
const reading = /^\/(learn|faq|glossary|about|privacy|accessibility)\//;
const jsRule = (path: string) =>
  scriptFree.test(path) ? ', no script but the preference script' : reading.test(path) ? ', at most 2 KB gzip of JavaScript' : '';

/** The largest prefix of `html` whose gzip size is within `budget` bytes. */
function prefixWithin(html: Buffer, budget: number): Buffer {
  let lo = 0;
  let hi = html.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (gzipBytes(html.subarray(0, mid)) <= budget) lo = mid;
    else hi = mid - 1;
  }
  return html.subarray(0, lo);
}

for (const path of sitemapPaths()) {
  test(`${path}: first render within 14 KB gzip${jsRule(path)}`, async ({
    page,
    request,
  }) => {
    const html = await (await request.get(path)).body();
    const text = html.toString('utf8');
    const stylesheets = [...text.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*>/g)].map((m) => /href="([^"]+)"/.exec(m[0])?.[1] ?? '');
    let css = 0;
    for (const href of stylesheets) css += gzipBytes(await (await request.get(new URL(href, `http://site${path}`).pathname)).body());

    if (scriptFree.test(path)) {
      const scripts = [...text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter((m) => !/application\/ld\+json/.test(m[1] ?? ''));
      expect(scripts.map((m) => (m[1] ?? '').trim()), 'scripts other than JSON-LD').toEqual(['']);
      expect(scripts[0]?.index ?? Infinity, 'the preference script is in <head>').toBeLessThan(text.indexOf('</head>'));
      expect(gzipBytes(scripts[0]?.[2] ?? '')).toBeLessThanOrEqual(PREFS_SCRIPT);
      expect(text).not.toMatch(/<astro-island|rel="modulepreload"/);
    }

    if (reading.test(path)) {
      // Every script the page runs, inline or fetched (a module may import more), as the browser gets it.
      const { total } = await scriptBytes(page, () => page.goto(path));
      await expect(page.locator('astro-island')).toHaveCount(0);
      expect(total, 'gzip bytes of JavaScript').toBeLessThanOrEqual(READING_PAGE_JS);
    }

    if (gzipBytes(html) + css <= FIRST_ROUND_TRIP) return;

    const first = prefixWithin(html, FIRST_ROUND_TRIP - css);
    expect(first.toString('utf8'), `all of <head> arrives in the first 14 KB of ${path}`).toContain('</head>');
    const mainBottom = () => page.evaluate(() => document.querySelector('main')?.getBoundingClientRect().bottom ?? 0);
    await page.goto(path);
    const h1 = await page.locator('h1').textContent();
    const screen = Math.min(page.viewportSize()?.height ?? 0, await mainBottom());

    let truncated = false;
    await page.route(
      (url) => url.pathname === path,
      (route) => {
        truncated = true;
        return route.fulfill({ contentType: 'text/html; charset=utf-8', body: first });
      },
    );
    await page.goto(path);
    expect(truncated, 'the page was rendered from its first 14 KB only').toBe(true);
    await expect(page.locator('h1')).toHaveText(h1 ?? '');
    expect(await mainBottom(), 'the first 14 KB fill the first screen').toBeGreaterThanOrEqual(screen);
  });
}
