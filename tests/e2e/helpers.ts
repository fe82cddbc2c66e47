import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type Response } from '@playwright/test';
import { gzipSync } from 'node:zlib';

/** WCAG 2.2 A and AA, as axe tags them. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** Fails with a readable list when axe finds any WCAG 2.2 A/AA violation on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n  ')}`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** Every JSON-LD block on the page, parsed: a block that does not parse fails the test here. */
export async function jsonLdOf(page: Page): Promise<Record<string, unknown>[]> {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  return blocks.map((b) => JSON.parse(b) as Record<string, unknown>);
}

/** Bytes after gzip -9: how every byte bar of DESIGN §9 counts (as bench/page-weight.mjs does). */
export const gzipBytes = (b: string | Buffer): number => gzipSync(b, { level: 9 }).length;

/**
 * All the JavaScript a page runs, in gzip bytes: every script the browser fetches while `load` navigates (a module
 * may import more) and every inline script (JSON-LD is data, not code), once the network has gone quiet.
 */
export async function scriptBytes(page: Page, load: () => Promise<unknown>): Promise<{ total: number; files: number; inline: number }> {
  const fetched: Promise<number>[] = [];
  const count = (res: Response) => {
    if (res.request().resourceType() === 'script') fetched.push(res.body().then(gzipBytes));
  };
  page.on('response', count);
  try {
    await load();
    await page.waitForLoadState('networkidle');
  } finally {
    page.off('response', count);
  }
  const inline = await page.locator('script:not([src]):not([type="application/ld+json"])').allTextContents();
  const files = await Promise.all(fetched);
  return { total: [...files, ...inline.map(gzipBytes)].reduce((a, b) => a + b, 0), files: files.length, inline: inline.length };
}

/** The Origin header a browser sends with a form POST; Playwright's request API does not add it. */
export function originOf(baseURL: string | undefined): string {
  return new URL(baseURL ?? 'http://localhost:4399').origin;
}
