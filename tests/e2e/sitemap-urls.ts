import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The built site's folder of static files (OUT_DIR as the build used it). */
export const clientDir = join(process.env.OUT_DIR ?? 'dist', 'client');

/** Every built HTML file under `dir` (the client folder by default), the search index left out. */
export function htmlFiles(dir = clientDir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return name === 'pagefind' ? [] : htmlFiles(full);
    return name.endsWith('.html') ? [full] : [];
  });
}

/**
 * The paths listed in the built sitemap, read from the build folder when the tests are collected,
 * so every published page gets its own test without a list to keep in sync.
 */
export function sitemapPaths(): string[] {
  const client = clientDir;
  const files = readdirSync(client).filter((f) => /^sitemap-\d+\.xml$/.test(f));
  if (files.length === 0) throw new Error(`No sitemap in ${client}: run the build first (npm run build).`);
  const paths = files.flatMap((f) =>
    [...readFileSync(join(client, f), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] as string).pathname),
  );
  return [...new Set(paths)].sort();
}
