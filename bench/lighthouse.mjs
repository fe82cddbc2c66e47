// Lighthouse (mobile, default throttling) on one page of each type, median of 3 runs each, against the built
// server. Lighthouse is fetched by npx at its pinned version (12.2.3 runs with Debian's chromium here); it is not a
// project dependency because only this benchmark needs it. Measure on an idle machine: a parallel build skews it.
// Usage: node bench/lighthouse.mjs   (after a build)
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { startServer } from './lib.mjs';

const weights = JSON.parse(readFileSync('bench/results/page-weight.json', 'utf8')).results;
const runs = Number(process.env.LH_RUNS ?? 3);
const chrome = existsSync('/usr/bin/chromium') ? ['--chrome-path=/usr/bin/chromium'] : [];
const flags = '--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync';
const server = await startServer({ port: 4498 });
const out = {};
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  for (const [kind, { path }] of Object.entries(weights)) {
    const scores = { performance: [], accessibility: [], 'best-practices': [], seo: [] };
    for (let i = 0; i < runs; i++) {
      const json = execFileSync(
        'npx',
        ['--yes', 'lighthouse@12.2.3', server.base + path, '--quiet', '--output=json', `--chrome-flags=${flags}`, ...chrome,
          '--only-categories=performance,accessibility,best-practices,seo'],
        { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      );
      const cats = JSON.parse(json).categories;
      for (const k of Object.keys(scores)) scores[k].push(Math.round(cats[k].score * 100));
    }
    out[kind] = { path, ...Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, median(v)])) };
    console.log(kind.padEnd(10), JSON.stringify(out[kind]));
  }
} finally {
  server.stop();
}
writeFileSync('bench/results/lighthouse.json', JSON.stringify({ measuredAt: new Date().toISOString(), runs, results: out }, null, 2) + '\n');
