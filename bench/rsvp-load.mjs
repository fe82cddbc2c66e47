// Loopback load on the RSVP service: starts the fixture site's server (npm run build:fixture first; its events are
// dated relative to that build, so there is always an open one) on a throwaway SQLite file and fires form submissions through the no-JS path (POST + 303), many at once.
//   1. throughput: N one-seat bookings on the open event with the most seats (all should be confirmed);
//   2. contention: M bookings of 1–3 seats on the smallest open event without a waiting list, far more than it
//      holds; then the staff export is read back to count seats taken (overbooking = taken − capacity) and to
//      check that every code the server confirmed is in the file (lost = confirmed but missing).
// Usage: npm run bench:rsvp [-- --n 2000 --m 600 --concurrency 50]   Results: bench/results/rsvp-load.json
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
// Node 22 strips the types of these TypeScript modules: the benchmark reads the fixture events the way the tests do.
import { fixtureEvents } from '../tests/fixtures/events.ts';
import { NOTICE_VERSION } from '../src/lib/rsvp/notice.ts';
import { FIXTURE_OUT, FIXTURE_RUN_FILE } from '../tests/fixtures/paths.ts';
import { startServer } from './lib.mjs';

const { values: args } = parseArgs({
  options: { n: { type: 'string', default: '2000' }, m: { type: 'string', default: '600' }, concurrency: { type: 'string', default: '50' } },
});
const N = Number(args.n);
const M = Number(args.m);
const C = Number(args.concurrency);
const TOKEN = 'bench-admin-token-0123456789abcdef';

/** Open fixture events with RSVP, as the server sees them (same rule: within the window). */
function openEvents(now = Date.now()) {
  const { base } = JSON.parse(readFileSync(FIXTURE_RUN_FILE, 'utf8'));
  return fixtureEvents(new Date(base))
    .map(({ slug, front }) => ({ slug, ...front }))
    .filter((e) => e.rsvp && (e.status ?? 'scheduled') === 'scheduled')
    .filter((e) => Date.parse(e.rsvp.opensAt) <= now && now < Date.parse(e.rsvp.closesAt) && now < Date.parse(e.endsAt))
    .map((e) => ({ ...e, rsvp: { waitlist: false, maxPartySize: 4, fields: [], ...e.rsvp } }));
}

let serial = 0;
function form(e, seats) {
  serial += 1;
  const f = new URLSearchParams({
    event: e.slug,
    token: `bench-${process.pid}-${serial}-${Math.random().toString(36).slice(2)}`,
    name: '压测报名',
    phone: `15${String(serial).padStart(9, '0')}`,
    seats: String(seats),
    consent: 'yes',
    // The privacy notice version the form shows: without it the server asks the reader to read the notice again.
    notice: NOTICE_VERSION,
    website: '',
  });
  if (e.rsvp.fields.includes('school')) f.set('school', '济南市历下区实验小学');
  if (e.rsvp.fields.includes('className')) f.set('className', '五年级二班');
  return f;
}

/** Sends `count` submissions with `C` in flight; returns per-request latency and outcome. */
async function fire(base, e, count, seatsOf) {
  const results = [];
  let next = 0;
  const started = performance.now();
  async function worker() {
    while (next < count) {
      const i = next++;
      const body = form(e, seatsOf(i));
      const t0 = performance.now();
      const res = await fetch(`${base}/events/${e.slug}/rsvp/?_action=rsvp`, {
        method: 'POST',
        body,
        redirect: 'manual',
        headers: { Origin: base, 'content-type': 'application/x-www-form-urlencoded' },
      });
      await res.arrayBuffer();
      const code = /code=([2-9A-Z]{8})/.exec(res.headers.get('location') ?? '')?.[1];
      results.push({ ms: performance.now() - t0, status: res.status, code, seats: Number(body.get('seats')) });
    }
  }
  await Promise.all(Array.from({ length: C }, worker));
  const seconds = (performance.now() - started) / 1000;
  const ms = results.map((r) => r.ms).sort((a, b) => a - b);
  const pct = (p) => Math.round(ms[Math.min(ms.length - 1, Math.floor((p / 100) * ms.length))] * 10) / 10;
  const statuses = {};
  for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  return { results, summary: { requests: count, concurrency: C, seconds: Math.round(seconds * 100) / 100, reqPerSec: Math.round(count / seconds), p50ms: pct(50), p99ms: pct(99), statuses } };
}

/** Rows of the staff export (quoted CSV, one registration per line). */
async function exportRows(base, slug) {
  const text = await (await fetch(`${base}/admin/events/${slug}/rsvps.csv`, { headers: { Authorization: `Bearer ${TOKEN}` } })).text();
  const [header, ...lines] = text.replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.slice(1, -1).split('","'));
  return lines.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i]])));
}

const events = openEvents();
const big = [...events].sort((a, b) => b.rsvp.capacity - a.rsvp.capacity)[0];
const small = events.filter((e) => !e.rsvp.waitlist && e !== big).sort((a, b) => a.rsvp.capacity - b.rsvp.capacity)[0];
if (!big || !small) throw new Error('needs two events open for registration in content/events');

const server = await startServer({ outDir: FIXTURE_OUT, port: Number(process.env.BENCH_PORT ?? 4514), env: { RSVP_ADMIN_TOKEN: TOKEN } });
try {
  // Warm up (first requests compile routes and open the database).
  await fire(server.base, big, 20, () => 1);

  const throughput = await fire(server.base, big, Math.min(N, big.rsvp.capacity - 20), () => 1);

  const maxSeats = Math.min(3, small.rsvp.maxPartySize);
  const contention = await fire(server.base, small, M, (i) => 1 + (i % maxSeats));
  const rows = await exportRows(server.base, small.slug);
  const confirmed = rows.filter((r) => r['状态'] === '已确认');
  const taken = confirmed.reduce((n, r) => n + Number(r['人数']), 0);
  const inFile = new Set(rows.map((r) => r['确认码']));
  const confirmedCodes = contention.results.filter((r) => r.status === 303).map((r) => r.code);
  const report = {
    measuredAt: new Date().toISOString(),
    node: process.version,
    throughput: { event: big.slug, ...throughput.summary },
    contention: {
      event: small.slug,
      capacity: small.rsvp.capacity,
      ...contention.summary,
      seatsTaken: taken,
      overbooking: Math.max(0, taken - small.rsvp.capacity),
      confirmedByServer: confirmedCodes.length,
      lostConfirmed: confirmedCodes.filter((c) => !inFile.has(c)).length,
      seatsConfirmedByServer: contention.results.filter((r) => r.status === 303).reduce((n, r) => n + r.seats, 0),
    },
  };
  writeFileSync('bench/results/rsvp-load.json', JSON.stringify(report, null, 2) + '\n');
  console.log(JSON.stringify(report, null, 2));
  if (report.contention.overbooking > 0 || report.contention.lostConfirmed > 0) process.exitCode = 1;
} finally {
  server.stop();
}
