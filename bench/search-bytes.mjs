// Bytes a reader's browser fetches from /pagefind/ to answer Chinese queries on /search/, against the built site
// served by the real server. A first query opens /search/?q=… cold (Pagefind's script, worker if any, wasm, index
// chunks, filters, one fragment per result shown); a second, different query is typed into the same page.
// Bytes are response bodies as served ("served"; this server does not compress) and what gzip -9 would make of
// the ones that are not already compressed ("gzip"; Pagefind's index files are gzipped already).
// Usage, after a build: node bench/search-bytes.mjs [first query] [second query]   (OUT_DIR=dist by default)
import { writeFileSync, mkdirSync } from 'node:fs';
import { gz, launch, startServer } from './lib.mjs';

const [first = '脐带血', second = '火种工程'] = process.argv.slice(2);
const outDir = process.env.OUT_DIR ?? 'dist';
const server = await startServer({ outDir, port: Number(process.env.BENCH_PORT ?? 4498) });
const browser = await launch();
const page = await browser.newPage();

/** Every /pagefind/ response in the page or its worker, until reset. */
let log = [];
page.context().on('response', async (res) => {
  const url = new URL(res.url());
  if (!url.pathname.startsWith('/pagefind/')) return;
  const entry = { path: url.pathname, served: 0, gzip: 0 };
  log.push(entry);
  const body = await res.body().catch(() => Buffer.alloc(0));
  entry.served = body.length;
  // Pagefind's .pf_* and wasm files start with the gzip magic bytes; text files would be compressed by a CDN.
  entry.gzip = body[0] === 0x1f && body[1] === 0x8b ? body.length : gz(body);
});

async function settled(query) {
  const status = page.locator('[data-search-status]');
  await status.filter({ hasText: query }).waitFor();
  await page.locator('[data-search-results]:not([aria-busy]):not([hidden]), [data-search-empty]:not([hidden])').first().waitFor();
  await page.waitForLoadState('networkidle');
  // Bodies are read asynchronously: give the last ones a moment.
  await page.waitForTimeout(200);
  const results = await page.locator('.search-result').count();
  const entries = log;
  log = [];
  const sum = (k) => entries.reduce((n, e) => n + e[k], 0);
  return { query, results, requests: entries.length, served: sum('served'), gzip: sum('gzip'), files: entries };
}

const report = {};
try {
  await page.goto(`${server.base}/search/?q=${encodeURIComponent(first)}`);
  report.first = await settled(first);
  await page.getByLabel('输入要找的词').fill(second);
  await page.getByLabel('输入要找的词').press('Enter');
  report.second = await settled(second);
} finally {
  await browser.close();
  server.stop();
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
for (const [name, r] of Object.entries(report)) {
  console.log(`${name} query 「${r.query}」: ${r.results} results shown, ${r.requests} requests, ${kb(r.served)} served, ${kb(r.gzip)} with gzip`);
  for (const f of r.files) console.log(`   ${String(f.served).padStart(7)} ${String(f.gzip).padStart(7)}  ${f.path}`);
}
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/search-bytes.json', JSON.stringify({ measuredAt: new Date().toISOString(), ...report }, null, 2) + '\n');
