/**
 * What the content specs compare the built pages with: the real content files (through the one reader,
 * tests/fixtures/content.ts) and the lists the schema defines. Nothing here names an entry, a date or a count.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

export { readCollection, readData } from '../../fixtures/content';

/**
 * A list the schema defines (articleCategories, faqGroups), read from src/content.config.ts: that module imports
 * astro:content, which only Astro can load.
 */
export function schemaList(name: string): string[] {
  const source = readFileSync('src/content.config.ts', 'utf8');
  const m = new RegExp(`export const ${name} = \\[([^\\]]*)\\]`).exec(source);
  if (!m) throw new Error(`no list ${name} in src/content.config.ts`);
  return [...(m[1] as string).matchAll(/'([^']*)'/g)].map((x) => x[1] as string);
}

/** A date of a content file as the ISO day a page writes in <time datetime>. */
export const isoDay = (d: unknown): string => (d instanceof Date ? d.toISOString() : String(d)).slice(0, 10);

/** The section under a level-2 heading, found by the heading's name. */
export const section = (page: Page, heading: string | RegExp) => page.getByRole('region', { name: heading });

/** The datetime of every <time> inside a locator's elements, in page order. */
export async function datetimes(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime') ?? ''));
}
