// The licence check on a slow phone (DESIGN §9, issue 15): the time from opening a shared link to its verdict on
// screen, with JavaScript on and off, on the profile 400 kbit/s both ways, 400 ms round trip, CPU 4× slower
// (Chrome DevTools throttling through CDP: Network.emulateNetworkConditions, Emulation.setCPUThrottlingRate);
// the page's bytes; what the service worker keeps; and the JavaScript of an article page with read-aloud.
// Pages are fetched through a small gzip proxy in front of the built server, as production's nginx serves them
// (the Node server alone does not compress; the same runs without the proxy are reported too).
// Usage, after a build: node bench/verify-slow.mjs   (OUT_DIR=dist by default; BENCH_RUNS=5 runs per case)
import { createServer, request as httpRequest } from 'node:http';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { createGzip } from 'node:zlib';
import { gz, launch, startServer } from './lib.mjs';

const outDir = process.env.OUT_DIR ?? 'dist';
const runs = Number(process.env.BENCH_RUNS ?? 5);
const PROFILE = { latencyMs: 400, kbitPerSecond: 400, cpuSlowdown: 4 };
/** A look-alike a leaflet might print: the verdict that matters most, with the longest answer. */
const LOOKALIKE = '山东省脐带血造血干细胞库济南工作站';
/** A shared link as the island puts it in the address bar: the server's answer, opened at the answer. */
const answerPath = (q) => `/verify/answer/?q=${encodeURIComponent(q)}#answer`;

/** Answers like nginx with gzip on: text responses compressed on the fly, everything else passed through. */
function gzipProxy(target, port) {
  const proxy = createServer((req, res) => {
    const up = httpRequest(`${target}${req.url}`, { method: req.method, headers: { ...req.headers, host: new URL(target).host } }, (upRes) => {
      const headers = { ...upRes.headers };
      const text = /^(text\/|application\/(json|javascript)|image\/svg)/.test(headers['content-type'] ?? '');
      if (text && /gzip/.test(req.headers['accept-encoding'] ?? '') && !headers['content-encoding']) {
        delete headers['content-length'];
        headers['content-encoding'] = 'gzip';
        headers['vary'] = 'Accept-Encoding';
        res.writeHead(upRes.statusCode ?? 502, headers);
        upRes.pipe(createGzip({ level: 6 })).pipe(res);
      } else {
        res.writeHead(upRes.statusCode ?? 502, headers);
        upRes.pipe(res);
      }
    });
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  return new Promise((resolve) => proxy.listen(port, '127.0.0.1', () => resolve({ base: `http://127.0.0.1:${port}`, stop: () => proxy.close() })));
}

/** A fresh phone: new context (empty cache, no service worker), slow network and CPU; counts bytes on the wire. */
async function slowPage(browser, { javaScript = true } = {}) {
  const context = await browser.newContext({ javaScriptEnabled: javaScript, viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const bytesPerSecond = (PROFILE.kbitPerSecond * 1000) / 8;
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: PROFILE.latencyMs,
    downloadThroughput: bytesPerSecond,
    uploadThroughput: bytesPerSecond,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PROFILE.cpuSlowdown });
  const wire = { bytes: 0 };
  cdp.on('Network.loadingFinished', (e) => (wire.bytes += e.encodedDataLength));
  return { context, page, cdp, wire };
}

/**
 * Milliseconds from the start of the navigation until the verdict's first line is painted: the browser's own Element
 * Timing entry for it (elementtiming="verdict"). Without JavaScript the page can run no observer to read that
 * entry, so there the time is until Playwright sees the line on screen (polled, so a little later than the paint).
 */
async function timeToVerdict(page, url, javaScript = true) {
  const t0 = performance.now();
  await page.goto(url, { waitUntil: 'commit' });
  const line = page.locator('[data-verdict] .verdict-line');
  await line.waitFor({ state: 'visible', timeout: 60_000 });
  const seen = Math.round(performance.now() - t0);
  if (!javaScript) return seen;
  const painted = await page.evaluate(
    () =>
      new Promise((resolve) => {
        new PerformanceObserver((list) => {
          const entry = list.getEntries().find((e) => e.identifier === 'verdict');
          if (entry) resolve(entry.renderTime || entry.loadTime);
        }).observe({ type: 'element', buffered: true });
        setTimeout(() => resolve(null), 3000);
      }),
  );
  return painted === null ? seen : Math.round(painted);
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { runs: s.length, medianMs: s[Math.floor(s.length / 2)], minMs: s[0], maxMs: s.at(-1), allMs: xs };
};

async function measure(browser, base, path, opts) {
  const times = [];
  let wire = 0;
  for (let i = 0; i < runs; i++) {
    const p = await slowPage(browser, opts);
    times.push(await timeToVerdict(p.page, base + path, opts?.javaScript !== false));
    // Let the rest of the page (scripts, index) finish, for the byte count.
    await p.page.waitForLoadState('load');
    if (opts?.javaScript !== false) await p.page.waitForLoadState('networkidle');
    wire = p.wire.bytes;
    await p.context.close();
  }
  return { path, ...stats(times), wireBytes: wire };
}

/** After one visit (service worker installed), a shared link opened slow and offline. */
async function withWorker(browser, base) {
  const p = await slowPage(browser);
  await p.page.goto(`${base}/verify/`);
  await p.page.locator('form.lookup[data-ready]').waitFor({ timeout: 60_000 });
  await p.page.evaluate(() => navigator.serviceWorker.ready);
  await p.page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
  const cache = await p.page.evaluate(async () => {
    const entries = [];
    for (const name of await caches.keys()) {
      const c = await caches.open(name);
      for (const req of await c.keys()) entries.push({ path: new URL(req.url).pathname, bytes: (await (await c.match(req)).arrayBuffer()).byteLength });
    }
    return entries;
  });
  const repeatSlow = await timeToVerdict(p.page, base + answerPath('齐鲁干细胞库'));
  await p.cdp.send('Network.emulateNetworkConditions', { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  const offline = await timeToVerdict(p.page, base + answerPath('青岛'));
  await p.context.close();
  return { cache, repeatSlowMs: repeatSlow, offlineMs: offline };
}

/** Gzip size of a path as served, and its raw size. */
async function sizeOf(base, path) {
  const body = Buffer.from(await (await fetch(base + path)).arrayBuffer());
  return { path, raw: body.length, gzip: gz(body) };
}

/** All JavaScript a page loads (external and inline, gzip -9), as bench/page-weight.mjs counts it. */
async function pageScripts(browser, url) {
  const page = await browser.newPage();
  const sizes = [];
  page.on('response', async (res) => {
    if (res.request().resourceType() === 'script') sizes.push(res.body().then((b) => gz(b)).catch(() => 0));
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  const inline = await page.$$eval('script:not([src]):not([type="application/ld+json"])', (els) => els.map((e) => e.textContent ?? ''));
  const total = (await Promise.all(sizes)).reduce((a, b) => a + b, 0) + inline.reduce((n, s) => n + gz(Buffer.from(s)), 0);
  await page.close();
  return total;
}

const firstArticle = () => {
  const client = join(outDir, 'client');
  for (const f of readdirSync(client).filter((f) => /^sitemap-\d+\.xml$/.test(f))) {
    const m = readFileSync(join(client, f), 'utf8').match(/<loc>[^<]*?(\/learn\/[^/<]+\/)<\/loc>/);
    if (m) return m[1];
  }
  return undefined;
};

const server = await startServer({ outDir, port: Number(process.env.BENCH_PORT ?? 4497) });
const proxy = await gzipProxy(server.base, Number(process.env.BENCH_PROXY_PORT ?? 4496));
const browser = await launch();
let out;
try {
  // Warm the server (the first answer builds the lookup index in memory) so runs measure the reader's wait.
  await fetch(server.base + answerPath('warm-up').replace('#answer', ''));
  const shared = answerPath(LOOKALIKE);
  const timing = {
    sharedLinkJsOn: await measure(browser, proxy.base, shared),
    sharedLinkJsOff: await measure(browser, proxy.base, shared, { javaScript: false }),
    // The old kind of link, answered by the island alone (what readers waited for before the server answered).
    islandOnlyLinkJsOn: await measure(browser, proxy.base, `/verify/?q=${encodeURIComponent(LOOKALIKE)}`),
    sharedLinkJsOnUncompressed: await measure(browser, server.base, shared),
    sharedLinkJsOffUncompressed: await measure(browser, server.base, shared, { javaScript: false }),
  };
  const worker = await withWorker(browser, proxy.base);
  const cacheBytes = worker.cache.reduce((n, e) => n + e.bytes, 0);
  const cacheGzip = (await Promise.all(worker.cache.map((e) => sizeOf(server.base, e.path)))).reduce((n, s) => n + s.gzip, 0);
  const bytes = {
    answerPageHtml: await sizeOf(server.base, shared.replace('#answer', '')),
    verifyPageHtml: await sizeOf(server.base, '/verify/'),
    lookupIndex: await sizeOf(server.base, '/verify/lookup-index.json'),
    serviceWorker: await sizeOf(server.base, '/verify/sw.js'),
    posterHtml: await sizeOf(server.base, '/verify/poster/'),
    verifyJsGzip: await pageScripts(browser, server.base + '/verify/'),
    articleJsGzip: await pageScripts(browser, server.base + (firstArticle() ?? '/faq/')),
    faqJsGzip: await pageScripts(browser, server.base + '/faq/'),
  };
  out = {
    measuredAt: new Date().toISOString(),
    // Other work on the machine slows every run: the 1-minute load average when measuring ended (2 cores here).
    loadAverage: loadavg()[0],
    profile: PROFILE,
    query: LOOKALIKE,
    timing,
    serviceWorker: { entries: worker.cache, bytes: cacheBytes, gzipBytes: cacheGzip, repeatVisitSlowMs: worker.repeatSlowMs, offlineMs: worker.offlineMs },
    bytes,
  };
} finally {
  await browser.close();
  proxy.stop();
  server.stop();
}
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/verify-slow.json', JSON.stringify(out, null, 2) + '\n');
const t = out.timing;
const ms = (r) => `median ${r.medianMs} ms (min ${r.minMs}, max ${r.maxMs}, ${r.runs} runs), ${(r.wireBytes / 1024).toFixed(1)} KB on the wire`;
console.log(`Shared link, time to verdict on 400 kbit/s, 400 ms RTT, CPU 4× (gzip as in production):`);
console.log(`  JavaScript on:  ${ms(t.sharedLinkJsOn)}`);
console.log(`  JavaScript off: ${ms(t.sharedLinkJsOff)}`);
console.log(`  island only (/verify/?q=): ${ms(t.islandOnlyLinkJsOn)}`);
console.log(`  uncompressed server, JS on / off: ${t.sharedLinkJsOnUncompressed.medianMs} / ${t.sharedLinkJsOffUncompressed.medianMs} ms`);
console.log(`Service worker: ${out.serviceWorker.entries.length} entries, ${out.serviceWorker.bytes} B kept (${out.serviceWorker.gzipBytes} B gzip); repeat visit slow ${out.serviceWorker.repeatVisitSlowMs} ms, offline ${out.serviceWorker.offlineMs} ms`);
console.log(`Bytes: ${JSON.stringify(out.bytes)}`);
