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
// Node 22 strips the types of these TypeScript modules: the benchmark reads the fixture events the way the tests do.
import { inExport as exported, openEvents, percentile, rsvpForm, submitRsvp } from '../tests/fixtures/rsvp-client.ts';
import { FIXTURE_OUT } from '../tests/fixtures/paths.ts';
import { startServer } from './lib.mjs';

const { values: args } = parseArgs({
  options: { n: { type: 'string', default: '2000' }, m: { type: 'string', default: '600' }, concurrency: { type: 'string', default: '50' } },
});
const N = Number(args.n);
const M = Number(args.m);
const C = Number(args.concurrency);
const TOKEN = 'bench-admin-token-0123456789abcdef';

/** Sends `count` submissions with `C` in flight; returns per-request latency and outcome. */
async function fire(base, e, count, seatsOf, sessionOf = () => e.sessions[0]) {
  const results = [];
  let next = 0;
  const started = performance.now();
  async function worker() {
    while (next < count) {
      const i = next++;
      const session = sessionOf(i);
      const { ms, status, code } = await submitRsvp(base, rsvpForm(e, session, seatsOf(i)));
      results.push({ ms, status, code, seats: seatsOf(i), session: session.id });
    }
  }
  await Promise.all(Array.from({ length: C }, worker));
  const seconds = (performance.now() - started) / 1000;
  const ms = results.map((r) => r.ms);
  const pct = (p) => percentile(ms, p);
  const statuses = {};
  for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  return { results, summary: { requests: count, concurrency: C, seconds: Math.round(seconds * 100) / 100, reqPerSec: Math.round(count / seconds), p50ms: pct(50), p99ms: pct(99), statuses } };
}

const inExport = (base, slug, session) => exported(base, TOKEN, slug, session);

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
