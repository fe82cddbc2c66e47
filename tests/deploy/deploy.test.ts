/**
 * The production shape as deployed (deploy/, npm run deploy:local on the fixture build): nginx in front of two Node
 * instances on PostgreSQL. A burst of registrations through nginx to one small session (never overbooked, never a
 * 5xx), the security headers on every kind of response, precompressed and cached static files, and the reader's
 * address reaching the rate limit through the proxy while a header the reader writes does not.
 *
 *   npm run build:fixture && npm run test:deploy
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { test } from 'node:test';
import { startDeployLocal } from '../../scripts/lib/deploy-local-run.ts';
import { inExport, openEvents, rsvpForm, submitRsvp, type OpenEvent } from '../fixtures/rsvp-client.ts';
import { ADMIN_TOKEN, DIST_DIR, cannotRun, deployEnv } from './setup.ts';

const BURST = 80;
const brotliModules = process.env.NGINX_BROTLI !== '0' && ['filter', 'static'].every((m) => existsSync(`/usr/lib/nginx/modules/ngx_http_brotli_${m}_module.so`));

/** The smallest open one-session event without a waiting list: a burst fills it and the rest are refused. */
function smallSession(): OpenEvent {
  const small = openEvents()
    .filter((e) => e.sessions.length === 1 && !e.rsvp.schoolGroup && !e.rsvp.waitlist)
    .sort((a, b) => (a.sessions[0]!.capacity ?? 0) - (b.sessions[0]!.capacity ?? 0))[0];
  assert.ok(small, 'the fixture events have an open one-session event without a waiting list');
  return small;
}

test('nginx and two instances on PostgreSQL (npm run deploy:local)', async (t) => {
  if (cannotRun(t)) return;
  const site = await startDeployLocal(deployEnv(18200, { INSTANCES: '2' }));
  try {
    const small = smallSession();
    const capacity = small.sessions[0]!.capacity ?? 0;

    await t.test(`a burst of ${BURST} registrations at once through nginx: the session fills, never overbooks, no 5xx`, async () => {
      const answers = await Promise.all(
        Array.from({ length: BURST }, () => submitRsvp(site.base, rsvpForm(small, small.sessions[0]!, 1, '7'))),
      );
      const statuses: Record<number, number> = {};
      for (const a of answers) statuses[a.status] = (statuses[a.status] ?? 0) + 1;
      const acknowledged = answers.filter((a) => a.status === 303 && a.code);
      const { taken, codes } = await inExport(site.base, ADMIN_TOKEN, small.slug);
      const report = { capacity, requests: BURST, statuses, acknowledged: acknowledged.length, seatsTaken: taken, overbooked: Math.max(0, taken - capacity) };
      process.stdout.write(`burst through nginx: ${JSON.stringify(report)}\n`);
      assert.equal(answers.filter((a) => a.status === 0 || a.status >= 500).length, 0, `no 5xx and no failed connection: ${JSON.stringify(statuses)}`);
      assert.ok(answers.every((a) => a.status === 303 || (a.status >= 400 && a.status < 500)), JSON.stringify(statuses));
      assert.equal(taken, capacity, 'confirmed seats fill the session exactly');
      assert.equal(acknowledged.length, capacity, 'one acknowledged registration per seat');
      for (const a of acknowledged) assert.ok(codes.has(a.code!), `acknowledged ${a.code} is in the export`);
    });

    await t.test('security headers on a static page, an event page, a registration page and a 404', async () => {
      const pages = { static: '/', event: `/events/${small.slug}/`, registration: `/events/${small.slug}/rsvp/`, notFound: '/no-such-page/' };
      for (const [kind, path] of Object.entries(pages)) {
        const res = await fetch(site.base + path);
        await res.arrayBuffer();
        assert.equal(res.status, kind === 'notFound' ? 404 : 200, `${path} status`);
        const h = res.headers;
        const csp = h.get('content-security-policy') ?? '';
        assert.match(csp, /frame-ancestors 'none'/, `${path}: CSP with frame-ancestors 'none'`);
        assert.equal(h.get('x-content-type-options'), 'nosniff', `${path}: nosniff`);
        assert.ok(h.get('referrer-policy'), `${path}: Referrer-Policy`);
        assert.match(h.get('permissions-policy') ?? '', /camera=\(\)/, `${path}: Permissions-Policy`);
        // HSTS is documented and off: the loopback shape is HTTP (deploy/nginx/security-headers.conf).
        assert.equal(h.get('strict-transport-security'), null, `${path}: no HSTS over HTTP`);
      }
      const headersFile = readFileSync(new URL('../../deploy/nginx/security-headers.conf', import.meta.url), 'utf8');
      assert.match(headersFile, /^# add_header Strict-Transport-Security .* always;$/m, 'HSTS documented, to switch on with HTTPS');
    });

    await t.test('precompressed HTML (gzip, and brotli when the modules are there) and proxied pages compressed', async () => {
      const page = async (path: string, encoding: string) => {
        const res = await fetch(site.base + path, { headers: { 'accept-encoding': encoding } });
        const text = await res.text();
        assert.match(text, /<html/, `${path} decodes to HTML`);
        return res.headers.get('content-encoding');
      };
      assert.equal(await page('/', 'gzip'), 'gzip');
      assert.equal(await page(`/events/${small.slug}/`, 'gzip'), 'gzip');
      assert.equal(await page(`/events/${small.slug}/rsvp/`, 'gzip'), 'gzip');
      if (brotliModules) assert.equal(await page('/', 'br, gzip'), 'br');
      else process.stdout.write('brotli modules absent: only gzip checked\n');
      assert.equal(await page('/', 'identity'), null);
    });

    await t.test('hashed assets cached for a year (immutable); pages briefly', async () => {
      const asset = readdirSync(join(DIST_DIR, 'client/_astro')).find((f) => /\.(js|css)$/.test(f));
      assert.ok(asset, 'the build has an asset under /_astro/');
      const res = await fetch(`${site.base}/_astro/${asset}`);
      await res.arrayBuffer();
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('cache-control'), 'public, max-age=31536000, immutable');
      assert.match(res.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
      const home = await fetch(site.base + '/');
      await home.arrayBuffer();
      assert.equal(home.headers.get('cache-control'), 'public, max-age=300');
    });

    await t.test('behind HTTPS termination, a form posted from https://<site>/ passes the origin check', async () => {
      // The proxy in front hears HTTPS and tells the instance so (X-Forwarded-Proto, deploy/nginx/proxy.conf); the
      // site's public address is the one it was built for (its canonical URLs).
      const home = readFileSync(join(DIST_DIR, 'client/index.html'), 'utf8');
      const origin = new URL(/<link rel="canonical" href="([^"]+)"/.exec(home)![1]!).origin;
      assert.match(origin, /^https:/, 'the fixture is built for an https address');
      const proxied = (proto: string) =>
        post(`${site.instances.get(1)!.url}/events/${small.slug}/rsvp/?_action=rsvp`, new URLSearchParams({ event: small.slug }), {
          Host: new URL(origin).host,
          Origin: origin,
          'X-Forwarded-Proto': proto,
        });
      assert.notEqual(await proxied('https'), 403, "the site's own form is not taken for a cross-site post");
      assert.equal(await proxied('http'), 403, 'without the proxy saying HTTPS, the origins differ');
    });
  } finally {
    assert.ok(await site.stop(), `deploy:local stops and cleans up:\n${site.stderr()}`);
  }
  // Nothing is left: no process listening on its ports (nginx, the instances, PostgreSQL), no instance process,
  // no temp folder (its own and the cluster's).
  for (const port of [18200, 18201, 18202, 18203]) assert.equal(await listening(port), false, `nothing on port ${port}`);
  for (const { pid } of site.instances.values()) assert.throws(() => process.kill(pid, 0), `instance ${pid} is gone`);
  const folders = [...site.stderr().matchAll(/(\/\S+\/sdcbb-(?:deploy|pg)-[^/\s]+)/g)].map((m) => m[1]!);
  assert.ok(folders.length >= 2, `the runner named its temp folders:\n${site.stderr()}`);
  for (const folder of folders) assert.equal(existsSync(folder), false, `${folder} removed`);
});

/** Whether something accepts connections on 127.0.0.1:port. */
function listening(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => (socket.destroy(), done(true)));
    socket.once('error', () => done(false));
  });
}

/**
 * A form POST with node:http, which sends a Host header as given (fetch does not) and can leave from another
 * loopback address (127.0.0.2, …: every 127.x address is this machine). Resolves to the status.
 */
function post(url: string, form: URLSearchParams, headers: Record<string, string>, localAddress?: string): Promise<number> {
  const body = form.toString();
  return new Promise((done, fail) => {
    const req = request(
      url,
      {
        method: 'POST',
        ...(localAddress ? { localAddress } : {}),
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), ...headers },
      },
      (res) => {
        res.resume();
        res.on('end', () => done(res.statusCode ?? 0));
      },
    );
    req.on('error', fail);
    req.end(body);
  });
}

/** A registration POST to nginx from a given loopback address. */
const postFrom = (localAddress: string, base: string, form: URLSearchParams, headers: Record<string, string> = {}) =>
  post(`${base}/events/${form.get('event')}/rsvp/?_action=rsvp`, form, { Origin: base, ...headers }, localAddress);

test('the rate limit counts readers behind nginx, and a reader cannot choose its address with a header', async (t) => {
  if (cannotRun(t, 'sqlite')) return;
  // One instance, so the per-process limit is one count; SQLite, because the store does not matter here.
  const LIMIT = 3;
  const site = await startDeployLocal(deployEnv(18210, { INSTANCES: '1', STORE: 'sqlite', RSVP_RATE_LIMIT: String(LIMIT) }));
  try {
    const big = openEvents()
      .filter((e) => e.sessions.length === 1 && !e.rsvp.schoolGroup)
      .sort((a, b) => (b.sessions[0]!.capacity ?? 0) - (a.sessions[0]!.capacity ?? 0))[0]!;
    const form = () => rsvpForm(big, big.sessions[0]!, 1, '8');
    // Reader A, spoofing a new X-Real-IP and X-Forwarded-For on every request: nginx overwrites both with A's
    // address, so A is still one reader and is stopped after LIMIT submissions.
    const spoofed = async (i: number) =>
      postFrom('127.0.0.2', site.base, form(), { 'X-Real-IP': `198.51.100.${i}`, 'X-Forwarded-For': `203.0.113.${i}` });
    const a: number[] = [];
    for (let i = 1; i <= LIMIT + 1; i++) a.push(await spoofed(i));
    assert.ok(a.slice(0, LIMIT).every((s) => s !== 429), `reader A's first ${LIMIT}: ${a}`);
    assert.equal(a[LIMIT], 429, `reader A's submission ${LIMIT + 1} is refused whatever its headers say: ${a}`);
    // Reader B, another address through the same proxy: its own count (the proxy's address is not the reader's).
    const b = await postFrom('127.0.0.3', site.base, form());
    assert.notEqual(b, 429, 'reader B is not limited by reader A');
    assert.equal(b, 303, 'reader B registers');
  } finally {
    assert.ok(await site.stop(), `deploy:local stops and cleans up:\n${site.stderr()}`);
  }
});
