/**
 * The reader's colour settings must stay readable: axe (WCAG 2.2 A/AA, contrast included) on every page of the
 * sitemap in the system's dark mode, and on one page of each kind with the site's own high-contrast and large-text
 * choice, in light and dark.
 */
import { test } from '@playwright/test';
import { expectAccessible } from '../helpers';
import { sitemapPaths } from '../sitemap-urls';

const paths = sitemapPaths();

for (const path of paths) {
  test(`dark mode: ${path}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(path);
    await expectAccessible(page);
  });
}

// One page of each kind: one path under each top-level section (the last in sitemap order), and the home page.
const samples = [...new Map(paths.map((p) => [p.split('/')[1] ?? '', p])).values()];
for (const scheme of ['light', 'dark'] as const) {
  for (const path of samples) {
    test(`high contrast, large text, ${scheme}: ${path}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.addInitScript(() => localStorage.setItem('sdcbb-prefs', JSON.stringify({ contrast: 'high', text: 'large' })));
      await page.goto(path);
      await expectAccessible(page);
    });
  }
}
