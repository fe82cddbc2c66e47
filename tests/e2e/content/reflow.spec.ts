/**
 * Reflow (WCAG 1.4.10): at 320 CSS px nothing on the site scrolls sideways, in every reading mode a reader can
 * choose: 大字 on or off × 高对比 on or off × the system's light or dark scheme. Every page of the sitemap, each
 * loaded once per mode; one test per mode walks the whole sitemap on one page, so the context is reused.
 * The preference goes in through localStorage, as the header buttons leave it, and the inline script applies it.
 */
import { expect, test, type Page } from '@playwright/test';
import { sitemapPaths } from '../sitemap-urls';

const paths = sitemapPaths();

const modes = (['light', 'dark'] as const).flatMap((scheme) =>
  ['', 'large'].flatMap((text) => ['', 'high'].map((contrast) => ({ scheme, text, contrast }))),
);
const label = (m: (typeof modes)[number]) => `${m.text ? '大字' : '正常字号'}, ${m.contrast ? '高对比' : '普通对比'}, ${m.scheme}`;

/** The document's width against the screen's, and what sticks out furthest when it is wider. */
function measure(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const client = root.clientWidth;
    let widest = '';
    let right = client;
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > right + 0.5) {
        right = r.right;
        widest = `<${el.tagName.toLowerCase()}${el.className ? ` class="${String(el.className)}"` : ''}> 「${(el.textContent ?? '').trim().slice(0, 24)}」`;
      }
    }
    return { scroll: root.scrollWidth, client, widest };
  });
}

test.use({ viewport: { width: 320, height: 640 } });

for (const mode of modes) {
  test(`nothing scrolls sideways at 320 px (${label(mode)}): every sitemap page`, async ({ page }) => {
    test.setTimeout(30_000 + paths.length * 2_000);
    await page.emulateMedia({ colorScheme: mode.scheme });
    await page.addInitScript((prefs) => localStorage.setItem('sdcbb-prefs', prefs), JSON.stringify({ text: mode.text, contrast: mode.contrast }));
    for (const path of paths) {
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('data-text', mode.text);
      const { scroll, client, widest } = await measure(page);
      expect.soft(scroll, `${path} is ${scroll}px wide at ${client}px (${label(mode)}); widest: ${widest}`).toBeLessThanOrEqual(client);
    }
  });
}
