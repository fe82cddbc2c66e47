// Load through the production shape (npm run deploy:local on the fixture build: nginx in front, deploy/): the same
// registration bursts as bench/rsvp-load.mjs, sent to nginx, in two set-ups:
//   - postgres: two Node instances sharing a PostgreSQL cluster (how the bank runs more than one process);
//   - sqlite:   one Node instance on its SQLite file (the default, behind the same nginx).
// For each: 1. throughput, one-seat bookings on the largest open one-session event (all should be confirmed);
//           2. contention, bookings of 1–3 seats on the smallest open one-session event without a waiting list, far
//              more than it holds: seats taken (from the staff export) against capacity = overbooking, and 5xx.
// Needs nginx and PostgreSQL (Debian packages); npm run build:fixture first.
// Usage: node bench/deploy-load.mjs [--n 1000 --m 600 --concurrency 50]   Results: bench/results/deploy-load.json
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { deployPrerequisites, startDeployLocal } from '../scripts/lib/deploy-local-run.ts';
import { inExport, openEvents, percentile, rsvpForm, submitRsvp } from '../tests/fixtures/rsvp-client.ts';
import { FIXTURE_OUT } from '../tests/fixtures/paths.ts';

const { values: args } = parseArgs({
  options: { n: { type: 'string', default: '1000' }, m: { type: 'string', default: '600' }, concurrency: { type: 'string', default: '50' } },
});
const N = Number(args.n);
const M = Number(args.m);
const C = Number(args.concurrency);
const TOKEN = 'bench-admin-token-0123456789abcdef';

const missing = deployPrerequisites('postgres');
if (missing) {
  console.log(`deployment load skipped: ${missing}`);
  process.exit(0);
}

const events = openEvents();
const single = events.filter((e) => e.sessions.length === 1 && !e.rsvp.schoolGroup);
const capacity = (e) => e.sessions[0].capacity;
const big = [...single].sort((a, b) => capacity(b) - capacity(a))[0];
const small = single.filter((e) => !e.rsvp.waitlist && e !== big).sort((a, b) => capacity(a) - capacity(b))[0];
if (!big || !small) throw new Error('needs two open one-session events in the fixture events');

/** `count` submissions with C in flight, to `base`; latency, status counts, 5xx. */
async function fire(base, e, count, seatsOf, phonePrefix) {
  const results = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      const i = next++;
      results.push({ ...(await submitRsvp(base, rsvpForm(e, e.sessions[0], seatsOf(i), phonePrefix))), seats: seatsOf(i) });
    }
  };
  await Promise.all(Array.from({ length: C }, worker));
  const seconds = (performance.now() - started) / 1000;
  const ms = results.map((r) => r.ms);
  const statuses = {};
  for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  const errors5xx = results.filter((r) => r.status === 0 || r.status >= 500).length;
  return {
    results,
    summary: { requests: count, concurrency: C, seconds: Math.round(seconds * 100) / 100, reqPerSec: Math.round(count / seconds), p50ms: percentile(ms, 50), p99ms: percentile(ms, 99), statuses, errors5xx },
  };
}

async function measure(store, port, instances) {
  const site = await startDeployLocal({
    DIST_DIR: FIXTURE_OUT,
    PORT: String(port),
    INSTANCES: String(instances),
    STORE: store,
    RSVP_ADMIN_TOKEN: TOKEN,
    RSVP_RATE_LIMIT: '1000000',
  });
  try {
    // Warm up (routes compiled, store opened, pool connections made in every instance).
    await fire(site.base, big, 20 * instances, () => 1, '6');
    const throughput = await fire(site.base, big, Math.min(N, capacity(big) - 20 * instances), () => 1, '7');
    const maxSeats = Math.min(3, small.rsvp.maxPartySize);
    const contention = await fire(site.base, small, M, (i) => 1 + (i % maxSeats), '8');
    const { taken, codes } = await inExport(site.base, TOKEN, small.slug);
    const confirmed = contention.results.filter((r) => r.status === 303 && r.code);
    return {
      store,
      instances,
      throughput: { event: big.slug, ...throughput.summary },
      contention: {
        event: small.slug,
        capacity: capacity(small),
        ...contention.summary,
        seatsTaken: taken,
        overbooked: Math.max(0, taken - capacity(small)),
        confirmedByServer: confirmed.length,
        lostConfirmed: confirmed.filter((r) => !codes.has(r.code)).length,
      },
    };
  } finally {
    await site.stop();
  }
}

const report = {
  measuredAt: new Date().toISOString(),
  node: process.version,
  through: 'nginx (deploy/nginx/sdcbb.conf) on 127.0.0.1, npm run deploy:local',
  results: [await measure('postgres', 18240, 2), await measure('sqlite', 18250, 1)],
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/deploy-load.json', JSON.stringify(report, null, 2) + '\n');
console.log(JSON.stringify(report, null, 2));
const bad = report.results.some((r) => r.contention.overbooked > 0 || r.contention.lostConfirmed > 0 || r.throughput.errors5xx > 0 || r.contention.errors5xx > 0);
if (bad) process.exitCode = 1;
