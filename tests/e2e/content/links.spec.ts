/**
 * A link check over the build: every address in the sitemap answers, and every internal link and fragment in every
 * built page resolves. Static targets must exist as files in the build; the few on-demand routes are requested from
 * the running server. Fragments must name an element id on the target page.
 */
import { expect, test } from '@playwright/test';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { clientDir as client, htmlFiles, sitemapPaths } from '../sitemap-urls';

const pageOf = (file: string) => '/' + relative(client, file).replace(/index\.html$/, '').replace(/\\/g, '/');
const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
const ids = new Map<string, Set<string>>();
function idsOf(file: string): Set<string> {
  let set = ids.get(file);
  if (!set) {
    set = new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => decode(m[1] as string)));
    ids.set(file, set);
  }
  return set;
}

/** The built file a path is served from, if it is a static one. */
function fileFor(pathname: string): string | undefined {
  const p = decodeURIComponent(pathname);
  const candidates = p.endsWith('/') ? [join(client, p, 'index.html')] : [join(client, p), join(client, p, 'index.html')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

const pages = htmlFiles(client);
const listed = sitemapPaths();

test('every address in the sitemap answers 200 from the server', async ({ request }) => {
  const failing: string[] = [];
  for (const path of listed) {
    const status = (await request.get(path, { maxRedirects: 0 })).status();
    if (status !== 200) failing.push(`${path} (HTTP ${status})`);
  }
  expect(failing).toEqual([]);
});

test('every internal link and anchor in the built site resolves', async ({ request }) => {
  // Every page the sitemap lists is a built file here, so all of them are read.
  expect(pages.map(pageOf)).toEqual(expect.arrayContaining(listed));
  const broken: string[] = [];
  const dynamicChecked = new Map<string, number>();
  let checked = 0;
  for (const file of pages) {
    const from = pageOf(file);
    const html = readFileSync(file, 'utf8');
    for (const m of html.matchAll(/<a\s[^>]*?href="([^"]+)"/g)) {
      const raw = decode(m[1] as string);
      if (/^(mailto:|tel:|https?:|javascript:)/.test(raw)) continue;
      const url = new URL(raw, `http://site${from}`);
      checked++;
      const target = fileFor(url.pathname);
      if (!target) {
        // On-demand routes (RSVP, cancellation) are not files: ask the server.
        let status = dynamicChecked.get(url.pathname);
        if (status === undefined) {
          status = (await request.get(url.pathname + url.search, { maxRedirects: 0 })).status();
          dynamicChecked.set(url.pathname, status);
        }
        if (status >= 400) broken.push(`${from} → ${raw} (HTTP ${status})`);
        continue;
      }
      if (url.hash && target.endsWith('.html')) {
        const id = decodeURIComponent(url.hash.slice(1));
        if (!idsOf(target).has(id)) broken.push(`${from} → ${raw} (no element with id "${id}")`);
      }
    }
  }
  expect(checked).toBeGreaterThan(0);
  expect(broken).toEqual([]);
});
