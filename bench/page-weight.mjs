// Measures, per page type, the JavaScript a page loads (gzip -9 of every script it fetches, plus inline scripts)
// and the HTML + CSS needed for first render (gzip). Loads each page in Chromium against the built server so that
// scripts an island imports at run time are counted too. Usage: node bench/page-weight.mjs (after a build).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gz, launch, startServer } from './lib.mjs';

const outDir = process.env.OUT_DIR ?? 'dist';
const client = join(outDir, 'client');
const sitemap = readdirSync(client)
  .filter((f) => /^sitemap-\d+\.xml$/.test(f))
  .flatMap((f) => [...readFileSync(join(client, f), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname));
const first = (re) => sitemap.find((p) => re.test(p));
const rsvpPath = (() => {
  for (const p of sitemap.filter((p) => /^\/events\/[^/]+\/$/.test(p))) {
    const html = readFileSync(join(client, p, 'index.html'), 'utf8');
    const m = html.match(/href="(\/events\/[^"]+\/rsvp\/)"/);
    if (m) return m[1];
  }
  return undefined;
})();

const pages = {
  home: '/',
  article: first(/^\/learn\/[^/]+\/$/),
  charity: first(/^\/charity\/[^/]+\/$/),
  lesson: first(/^\/schools\/[^/]+\/$/),
  news: first(/^\/news\/[^/]+\/$/),
  verify: '/verify/',
  event: first(/^\/events\/[^/]+\/$/),
  rsvp: rsvpPath,
  search: '/search/',
};
// Articles carry read-aloud (「朗读」, FACTS §7): up to 2 KB gzip of JavaScript (DESIGN §9).
const bars = { article: 2 * 1024, charity: 1024, lesson: 1024, news: 1024, verify: 14 * 1024, event: 2 * 1024, rsvp: 14 * 1024 };

const server = await startServer({ outDir });
const browser = await launch();
const results = {};
try {
  for (const [kind, path] of Object.entries(pages)) {
    if (!path) continue;
    const page = await browser.newPage();
    const scripts = [];
    let html = 0;
    let css = 0;
    page.on('response', async (res) => {
      const type = res.request().resourceType();
      if (!['script', 'document', 'stylesheet'].includes(type)) return;
      const body = await res.body().catch(() => Buffer.alloc(0));
      if (type === 'script') scripts.push({ url: new URL(res.url()).pathname, gzip: gz(body) });
      else if (type === 'document') html = gz(body);
      else css += gz(body);
    });
    await page.goto(server.base + path, { waitUntil: 'networkidle' });
    const inline = await page.$$eval('script:not([src]):not([type="application/ld+json"])', (els) => els.map((e) => e.textContent ?? ''));
    const inlineGzip = inline.reduce((n, s) => n + gz(Buffer.from(s)), 0);
    const jsGzip = inlineGzip + scripts.reduce((n, s) => n + s.gzip, 0);
    results[kind] = { path, jsGzip, inlineGzip, scripts, firstRenderGzip: html + css, bar: bars[kind] ?? null, withinBar: bars[kind] ? jsGzip <= bars[kind] : null };
    await page.close();
  }
} finally {
  await browser.close();
  server.stop();
}
const stamp = new Date().toISOString();
writeFileSync('bench/results/page-weight.json', JSON.stringify({ measuredAt: stamp, results }, null, 2) + '\n');
console.log('page type   JS gzip   (bar)    HTML+CSS gzip  path');
for (const [k, r] of Object.entries(results)) {
  console.log(`${k.padEnd(10)} ${String(r.jsGzip).padStart(7)} B ${String(r.bar ?? '-').padStart(7)}  ${String(r.firstRenderGzip).padStart(9)} B    ${r.path}`);
}
