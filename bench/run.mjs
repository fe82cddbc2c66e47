// `npm run bench`: builds the site, then measures every bar of DESIGN §9 that a number can show, and writes the
// results to bench/results/*.json plus a readable summary in bench/results/SUMMARY.md. Run it on an idle machine.
//   BENCH_LIGHTHOUSE=0  skip Lighthouse (it is fetched by npx on first use)
//   BENCH_SCALE="0 500 1000"  extra article counts for the build-scaling run
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';

const step = (label, file, args = [], nodeArgs = []) => {
  console.log(`\n== ${label}`);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [...nodeArgs, file, ...args], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${label} failed`);
  return ((performance.now() - t0) / 1000).toFixed(1);
};

console.log('== build');
const t0 = performance.now();
// Built for the address Lighthouse visits (bench/lighthouse.mjs serves on 4498), so canonical URLs match the page.
execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--silent'], {
  stdio: 'inherit',
  env: { ...process.env, SITE_URL: process.env.SITE_URL ?? 'http://127.0.0.1:4498' },
});
const buildSeconds = ((performance.now() - t0) / 1000).toFixed(1);

step('page weight', 'bench/page-weight.mjs');
step('licence check on a slow phone', 'bench/verify-slow.mjs');
step('search bytes', 'bench/search-bytes.mjs');
// The load runs on the fixture site, whose events are always open whatever the day (tests/fixtures/events.ts).
execFileSync(process.execPath, ['tests/fixtures/build-site.ts'], { stdio: 'inherit' });
step('RSVP load', 'bench/rsvp-load.mjs', [], ['--disable-warning=ExperimentalWarning']);
// The same bursts through nginx (deploy/), two instances on PostgreSQL and one on SQLite; skipped without nginx.
step('deployment load', 'bench/deploy-load.mjs', [], ['--disable-warning=ExperimentalWarning']);
step('build scaling', 'bench/build-scale.mjs', (process.env.BENCH_SCALE ?? '0 500 1000').split(' '));
if (process.env.BENCH_LIGHTHOUSE !== '0') step('Lighthouse', 'bench/lighthouse.mjs');

const read = (f) => {
  try {
    return JSON.parse(readFileSync(`bench/results/${f}`, 'utf8'));
  } catch {
    return undefined;
  }
};
const w = read('page-weight.json');
const s = read('search-bytes.json');
const r = read('rsvp-load.json');
const d = read('deploy-load.json');
const b = read('build-scale.json');
const l = read('lighthouse.json');
const v = read('verify-slow.json');
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const lines = [
  `# Benchmark results`,
  ``,
  `Measured ${new Date().toISOString()} on ${cpus().length} cores by \`npm run bench\`. Sizes are gzip -9.`,
  ``,
  `Build of the site as it stands (with Pagefind): ${buildSeconds} s.`,
  ``,
  `| page type | path | JS loaded | bar | HTML + CSS (first render) |`,
  `|---|---|---|---|---|`,
  ...Object.entries(w?.results ?? {}).map(
    ([k, v]) => `| ${k} | ${v.path} | ${v.jsGzip} B | ${v.bar ? `${v.bar} B` : '-'} | ${kb(v.firstRenderGzip)} |`,
  ),
  ``,
];
if (v) {
  const t = v.timing;
  const sw = v.serviceWorker;
  const run = (r) => `${r.medianMs} ms median (${r.minMs}–${r.maxMs} ms, ${r.runs} runs)`;
  lines.push(
    `Licence check, shared link 「${v.query}」 on ${v.profile.kbitPerSecond} kbit/s, ${v.profile.latencyMs} ms RTT, CPU ${v.profile.cpuSlowdown}× (bar: verdict ≤ 2 s, JavaScript not needed):`,
    `JavaScript on ${run(t.sharedLinkJsOn)}; off ${run(t.sharedLinkJsOff)}; a /verify/?q= link answered by the island alone ${run(t.islandOnlyLinkJsOn)}.`,
    `Answer page ${kb(v.bytes.answerPageHtml.gzip)} HTML, ${kb(v.bytes.verifyJsGzip)} JS, index ${kb(v.bytes.lookupIndex.gzip)}; service worker keeps ${sw.entries.length} files, ${kb(sw.bytes)} (${kb(sw.gzipBytes)} gzip); offline verdict ${sw.offlineMs} ms. Article JS with read-aloud ${v.bytes.articleJsGzip} B.`,
    '',
  );
}
if (b) {
  lines.push(`| extra articles | pages | build + index | per 100 pages |`, `|---|---|---|---|`);
  for (const row of b.rows) lines.push(`| ${row.extraArticles} | ${row.pages} | ${row.seconds} s | ${row.secondsPer100Pages} s |`);
  lines.push('');
}
if (s) {
  for (const k of ['first', 'second']) {
    const q = s[k];
    lines.push(`Search, ${k} query 「${q.query}」: ${q.results} results, ${q.requests} requests, ${kb(q.served)} served (${kb(q.gzip)} if gzipped).`);
  }
  lines.push('');
}
if (r) {
  const t = r.throughput;
  const c = r.contention;
  lines.push(
    `RSVP load (SQLite, loopback, ${t.concurrency} in flight): ${t.requests} bookings at ${t.reqPerSec} req/s, p50 ${t.p50ms} ms, p99 ${t.p99ms} ms.`,
    `Contention: ${c.requests} requests for ${c.capacity} seats: ${c.seatsTaken} seats taken, overbooking ${c.overbooking}, confirmed but lost ${c.lostConfirmed}.`,
    '',
  );
}
if (d) {
  lines.push(
    `Through nginx (deploy/, npm run deploy:local), ${d.results[0]?.throughput.concurrency} in flight:`,
    ``,
    `| set-up | bookings | req/s | p50 | p99 | burst of ${d.results[0]?.contention.requests} for ${d.results[0]?.contention.capacity} seats: req/s, p50, p99 | overbooked | 5xx |`,
    `|---|---|---|---|---|---|---|---|`,
    ...d.results.map((x) => {
      const t = x.throughput;
      const c = x.contention;
      return `| ${x.instances} × Node on ${x.store} | ${t.requests} | ${t.reqPerSec} | ${t.p50ms} ms | ${t.p99ms} ms | ${c.reqPerSec}, ${c.p50ms} ms, ${c.p99ms} ms | ${c.overbooked} | ${t.errors5xx + c.errors5xx} |`;
    }),
    '',
  );
}
if (l) {
  lines.push(`| Lighthouse (mobile, median of ${l.runs}) | performance | accessibility | best practices | SEO |`, `|---|---|---|---|---|`);
  for (const [k, v] of Object.entries(l.results)) lines.push(`| ${k} | ${v.performance} | ${v.accessibility} | ${v['best-practices']} | ${v.seo} |`);
}
writeFileSync('bench/results/SUMMARY.md', lines.join('\n') + '\n');
console.log('\n' + lines.join('\n'));
