// Loopback load on the RSVP service: starts the fixture site's server (npm run build:fixture first; its events are
// dated relative to that build, so there is always an open one) on a throwaway SQLite file and fires form submissions through the no-JS path (POST + 303), many at once.
//   1. throughput: N one-seat bookings on the largest open one-session event (all should be confirmed);
//   2. contention: M bookings of 1–3 seats on the smallest open one-session event without a waiting list, far more
//      than it holds; then the staff export is read back to count seats taken (overbooking = taken − capacity) and to
//      check that every code the server confirmed is in the file (lost = confirmed but missing);
//   3. sessions: M class bookings (2–4 pupils and a teacher) of a school-group event, each to one of its open
//      sessions in turn, all at once: per session, seats taken against its capacity, and lost codes.
// Usage: npm run bench:rsvp [-- --n 2000 --m 600 --concurrency 50]   Results: bench/results/rsvp-load.json
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
// Node 22 strips the types of these TypeScript modules: the benchmark reads the fixture events the way the tests do.
import { fixtureEvents } from '../tests/fixtures/events.ts';
import { NOTICE_VERSION } from '../src/lib/rsvp/notice.ts';
import { sessionsOf } from '../src/lib/sessions.ts';
import { FIXTURE_OUT, FIXTURE_RUN_FILE } from '../tests/fixtures/paths.ts';
import { startServer } from './lib.mjs';

const { values: args } = parseArgs({
  options: { n: { type: 'string', default: '2000' }, m: { type: 'string', default: '600' }, concurrency: { type: 'string', default: '50' } },
});
const N = Number(args.n);
const M = Number(args.m);
const C = Number(args.concurrency);
const TOKEN = 'bench-admin-token-0123456789abcdef';

/** Open fixture events with RSVP and their sessions still taking people, as the server sees them (same rules). */
function openEvents(now = Date.now()) {
  const { base } = JSON.parse(readFileSync(FIXTURE_RUN_FILE, 'utf8'));
  return fixtureEvents(new Date(base))
    .map(({ slug, front }) => ({ slug, ...front, sessions: sessionsOf(front) }))
    .filter((e) => e.rsvp && (e.status ?? 'scheduled') === 'scheduled')
    .filter((e) => Date.parse(e.rsvp.opensAt) <= now && now < Date.parse(e.rsvp.closesAt))
    .map((e) => ({ ...e, sessions: e.sessions.filter((s) => now < Date.parse(s.closesAt)) }))
    .filter((e) => e.sessions.length > 0)
    .map((e) => ({ ...e, rsvp: { waitlist: false, maxPartySize: 4, fields: [], ...e.rsvp } }));
}

let serial = 0;
/** A form as the no-JS page posts it: `seats` people in `session`; a school group sends a class of seats − 1 pupils and a teacher. */
function form(e, session, seats) {
  serial += 1;
  const f = new URLSearchParams({
    event: e.slug,
    token: `bench-${process.pid}-${serial}-${Math.random().toString(36).slice(2)}`,
    name: '压测报名',
    phone: `15${String(serial).padStart(9, '0')}`,
    seats: String(seats),
    session: session.id,
    consent: 'yes',
    // The privacy notice version the form shows: without it the server asks the reader to read the notice again.
    notice: NOTICE_VERSION,
    website: '',
  });
  if (e.rsvp.fields.includes('school') || e.rsvp.schoolGroup) f.set('school', '济南市历下区实验小学');
  if (e.rsvp.fields.includes('className') || e.rsvp.schoolGroup) f.set('className', `五年级${serial}班`);
  if (e.rsvp.schoolGroup) {
    const start = Date.parse(session.startsAt) + 8 * 3_600_000 - 30 * 60_000; // half an hour early, Beijing time
    f.delete('seats');
    f.set('pupils', String(seats - 1));
    f.set('teachers', '1');
    f.set('arrival', new Date(start).toISOString().slice(11, 16));
    f.set('safety', 'yes');
  }
  return f;
}

/** Sends `count` submissions with `C` in flight; returns per-request latency and outcome. */
async function fire(base, e, count, seatsOf, sessionOf = () => e.sessions[0]) {
  const results = [];
  let next = 0;
  const started = performance.now();
  async function worker() {
    while (next < count) {
      const i = next++;
      const session = sessionOf(i);
      const body = form(e, session, seatsOf(i));
      const t0 = performance.now();
      const res = await fetch(`${base}/events/${e.slug}/rsvp/?_action=rsvp`, {
        method: 'POST',
        body,
        redirect: 'manual',
        headers: { Origin: base, 'content-type': 'application/x-www-form-urlencoded' },
      });
      await res.arrayBuffer();
      const code = /code=([2-9A-Z]{8})/.exec(res.headers.get('location') ?? '')?.[1];
      results.push({ ms: performance.now() - t0, status: res.status, code, seats: seatsOf(i), session: session.id });
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

/** Rows of the staff export (quoted CSV, one registration per line, after the file's own lines about the event). */
async function exportRows(base, slug, session) {
  const query = session ? `?session=${session}` : '';
  const text = await (await fetch(`${base}/admin/events/${slug}/rsvps.csv${query}`, { headers: { Authorization: `Bearer ${TOKEN}` } })).text();
  const all = text.replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.slice(1, -1).split('","'));
  const [header, ...lines] = all.slice(all.findIndex((cells) => cells[0] === '确认码'));
  return lines.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i]])));
}

/** Seats the export counts as confirmed, and the codes it holds. */
async function inExport(base, slug, session) {
  const rows = await exportRows(base, slug, session);
  const taken = rows.filter((r) => r['状态'] === '已确认').reduce((n, r) => n + Number(r['人数']), 0);
  return { taken, codes: new Set(rows.map((r) => r['确认码'])) };
}

const events = openEvents();
const single = events.filter((e) => e.sessions.length === 1 && !e.rsvp.schoolGroup);
const capacity = (e) => e.sessions[0].capacity;
const big = [...single].sort((a, b) => capacity(b) - capacity(a))[0];
const small = single.filter((e) => !e.rsvp.waitlist && e !== big).sort((a, b) => capacity(a) - capacity(b))[0];
const classes = events.find((e) => e.rsvp.schoolGroup && e.sessions.length > 1 && !e.rsvp.waitlist);
if (!big || !small || !classes) throw new Error('needs two one-session events and a school group of several sessions open in the fixture events');

const server = await startServer({ outDir: FIXTURE_OUT, port: Number(process.env.BENCH_PORT ?? 4514), env: { RSVP_ADMIN_TOKEN: TOKEN } });
try {
  // Warm up (first requests compile routes and open the database).
  await fire(server.base, big, 20, () => 1);

  const throughput = await fire(server.base, big, Math.min(N, capacity(big) - 20), () => 1);

  const maxSeats = Math.min(3, small.rsvp.maxPartySize);
  const contention = await fire(server.base, small, M, (i) => 1 + (i % maxSeats));
  const { taken, codes: inFile } = await inExport(server.base, small.slug);
  const confirmedCodes = contention.results.filter((r) => r.status === 303).map((r) => r.code);

  // Every session of the school group at once: classes of 2–4 seats sent to each open session in turn.
  const perSession = await fire(server.base, classes, M, (i) => 3 + (i % 3), (i) => classes.sessions[i % classes.sessions.length]);
  const sessionReport = [];
  for (const s of classes.sessions) {
    const mine = perSession.results.filter((r) => r.session === s.id);
    const booked = mine.filter((r) => r.status === 303);
    const file = await inExport(server.base, classes.slug, s.id);
    sessionReport.push({
      session: s.id,
      capacity: s.capacity,
      requests: mine.length,
      seatsTaken: file.taken,
      overbooking: Math.max(0, file.taken - s.capacity),
      confirmedByServer: booked.length,
      lostConfirmed: booked.filter((r) => !file.codes.has(r.code)).length,
    });
  }
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
    sessions: { event: classes.slug, ...perSession.summary, perSession: sessionReport },
  };
  writeFileSync('bench/results/rsvp-load.json', JSON.stringify(report, null, 2) + '\n');
  console.log(JSON.stringify(report, null, 2));
  const bad = [report.contention, ...sessionReport].some((r) => r.overbooking > 0 || r.lostConfirmed > 0);
  if (bad) process.exitCode = 1;
} finally {
  server.stop();
}
