/*
 * The licence check's service worker, served as /verify/sw.js (sw.js.ts puts the index's hash in VERSION, so a new
 * index makes a new worker, which replaces the old one and its copy). Scoped to /verify/: it keeps the page, the
 * lookup index and the scripts the page runs, and answers from them when the network is off or too slow. It touches
 * nothing else: other pages never come under it, and under it only /verify/, /verify/answer/, the index and the
 * page's /_astro/ scripts are handled.
 */
const VERSION = '__VERSION__';
const CACHE = `verify-${VERSION}`;
const PAGE = '/verify/';
const ANSWER = '/verify/answer/';
const INDEX = '/verify/lookup-index.json';
/** On a weak signal the kept copy answers after this long; the network's answer still refreshes the copy. */
const WAIT_MS = 3000;

/** Same-origin scripts the page loads (its own and the island's), followed through their static imports. */
async function scriptsOf(html) {
  const found = new Set();
  const queue = [...html.matchAll(/(?:src|component-url|renderer-url|href)="(\/_astro\/[^"]+\.js)"/g)].map((m) => m[1]);
  while (queue.length && found.size < 50) {
    const path = queue.shift();
    if (found.has(path)) continue;
    found.add(path);
    const res = await cached(path);
    const code = await res.clone().text();
    for (const m of code.matchAll(/(?:from|import)\s*\(?\s*["'](\.\.?\/[^"']+\.js)["']/g)) {
      queue.push(new URL(m[1], location.origin + path).pathname);
    }
  }
  return found;
}

/** A hashed script from the copy, or fetched and kept (its name changes whenever its content does). */
async function cached(path) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(path);
  if (hit) return hit;
  const res = await fetch(path);
  if (res.ok) await cache.put(path, res.clone());
  return res;
}

/** Keeps a fresh copy of the page and exactly the scripts it loads now (older builds' scripts are dropped). */
async function keepPage(res) {
  const cache = await caches.open(CACHE);
  await cache.put(PAGE, res.clone());
  const scripts = await scriptsOf(await res.text());
  for (const req of await cache.keys()) {
    const path = new URL(req.url).pathname;
    if (path.startsWith('/_astro/') && !scripts.has(path)) await cache.delete(req);
  }
}

/**
 * The network's answer when it comes within WAIT_MS and is not a server error; otherwise the kept copy under
 * `key` (or, with none kept, whatever the network gives in the end). `keep` stores a good network answer.
 */
async function networkFirst(event, key, keep) {
  const net = fetch(event.request).then((res) => {
    if (res.status >= 500) throw new Error(String(res.status));
    return res;
  });
  // Called before the first await: a worker may only extend its event while the event is being dispatched.
  if (keep) event.waitUntil(net.then((res) => res.ok && keep(res.clone())).catch(() => {}));
  const wait = new Promise((resolve) => setTimeout(resolve, WAIT_MS));
  const res = await Promise.race([net.catch(() => undefined), wait]);
  return res ?? (await (await caches.open(CACHE)).match(key)) ?? net;
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const [page, index] = await Promise.all([PAGE, INDEX].map((u) => fetch(u, { cache: 'no-cache' })));
      if (!page.ok || !index.ok) throw new Error('the licence check could not be fetched');
      await cache.put(INDEX, index);
      await keepPage(page);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith('verify-') && name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== location.origin) return;
  if (request.mode === 'navigate') {
    // The static page for /verify/ (any query) and, offline, for a shared /verify/answer/ link: the island then
    // answers the query from the kept index.
    if (url.pathname === PAGE) event.respondWith(networkFirst(event, PAGE, keepPage));
    else if (url.pathname === ANSWER) event.respondWith(networkFirst(event, PAGE));
  } else if (url.pathname === INDEX) {
    event.respondWith(networkFirst(event, INDEX, async (res) => (await caches.open(CACHE)).put(INDEX, res)));
  } else if (url.pathname.startsWith('/_astro/') && url.pathname.endsWith('.js')) {
    event.respondWith(cached(url.pathname));
  }
});
