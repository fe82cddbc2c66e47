import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';

/**
 * Indexes the built site with Pagefind once Astro has written it (the same shape as Starlight's integration).
 * `dir` is the folder the browser is served from: with the node adapter that is <outDir>/client/, so the index
 * lands in <outDir>/client/pagefind/ and the standalone server serves it. `astro dev` never runs this hook,
 * which is why the dev server has no index.
 * Only pages whose <main> carries data-pagefind-body are indexed (Base.astro sets it for pages with a section).
 * Listing cards (li.card: an article, event, lesson, project or news item as an index page lists it) are left out of
 * the index: they repeat the title and summary of a page that is indexed itself, and a listing that matched on them
 * would outrank the page that answers (「萤火助学怎么申请」 found /charity/ before the project's own page).
 */
const EXCLUDE_SELECTORS = ['li.card'];

export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'sdcbb:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        try {
          const { index } = check(await pagefind.createIndex({ excludeSelectors: EXCLUDE_SELECTORS }), logger);
          if (!index) throw new Error('Pagefind returned no index');
          const { page_count } = check(await index.addDirectory({ path: fileURLToPath(dir) }), logger);
          const { files } = check(await index.getFiles(), logger);
          const outputPath = fileURLToPath(new URL('./pagefind/', dir));
          check(await index.writeFiles({ outputPath }), logger);
          // Pagefind also writes three prebuilt UI kits (about 500 KB); /search/ has its own UI, so they never ship.
          for (const f of readdirSync(outputPath)) {
            if (/^pagefind-(component-|modular-)?ui\.(js|css)$/.test(f)) rmSync(join(outputPath, f));
          }
          // The index proper (entry, meta, word index, filters, fragments, wasm) apart from the UI kits Pagefind
          // also writes, which this site never loads.
          const data = files.filter((f) => /\.pf_|wasm\.|entry\.json$/.test(f.path));
          const kb = (list: typeof files) => (list.reduce((sum, f) => sum + f.content.byteLength, 0) / 1024).toFixed(1);
          const seconds = ((performance.now() - started) / 1000).toFixed(2);
          logger.info(
            `${page_count} HTML files read, ${countIndexed(files)} · index ${kb(data)} KB in ${data.length} files ` +
              `(${kb(files)} KB written, before the unused UI kits were removed) · ${seconds}s`,
          );
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}

/** A Pagefind answer with errors fails the build: a site whose search silently lost pages must not ship. */
function check<T extends { errors: string[] }>(response: T, logger: AstroIntegrationLogger): T {
  if (response.errors.length > 0) {
    for (const error of response.errors) logger.error(error);
    throw new Error(`Pagefind failed: ${response.errors.join('; ')}`);
  }
  return response;
}

/**
 * Pages actually indexed and their words, read back from the fragments (gzipped JSON behind a "pagefind_dcd"
 * signature). addDirectory's page_count counts every HTML file, including pages left out for having no section.
 */
function countIndexed(files: pagefind.IndexFile[]): string {
  let pages = 0;
  let words = 0;
  for (const file of files) {
    if (!file.path.endsWith('.pf_fragment')) continue;
    const text = gunzipSync(file.content).toString('utf8');
    const fragment = JSON.parse(text.slice(text.indexOf('{'))) as { word_count?: number };
    pages += 1;
    words += fragment.word_count ?? 0;
  }
  return `${pages} pages indexed (${words} words)`;
}
