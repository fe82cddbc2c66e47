/**
 * Crash test, on each store: a stream of registrations to one Node instance (npm run deploy:local on the fixture
 * build); SIGKILL of that instance in the middle of the stream; the runner starts it again; the stream goes on,
 * and every form whose answer was lost is sent again with its own token, as a reader's browser would. Then, read in
 * the database itself (node:sqlite on the file, pg on the cluster): every acknowledged registration (an answer
 * with a confirmation code) is there exactly once, no token is booked twice, and the seats agree.
 *
 *   npm run build:fixture && npm run test:deploy
 */
import assert from 'node:assert/strict';
import { DatabaseSync } from 'node:sqlite';
import { test } from 'node:test';
import pg from 'pg';
import { startDeployLocal } from '../../scripts/lib/deploy-local-run.ts';
import { inExport, openEvents, rsvpForm, submitRsvp, type Submitted } from '../fixtures/rsvp-client.ts';
import { ADMIN_TOKEN, cannotRun, deployEnv } from './setup.ts';

const STREAM = 150;
const WORKERS = 6;
const KILL_AFTER = 50;

interface Row {
  code: string;
  token: string;
  phone: string;
  seats: number;
  status: string;
}

async function rowsOf(database: string, event: string): Promise<Row[]> {
  const sql = 'SELECT code, token, phone, seats, status FROM rsvps WHERE event = $event';
  if (database.startsWith('sqlite:')) {
    const db = new DatabaseSync(database.slice('sqlite:'.length), { readOnly: true });
    try {
      return db.prepare(sql).all({ $event: event }) as unknown as Row[];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: database });
  await client.connect();
  try {
    return (await client.query<Row>(sql.replace('$event', '$1'), [event])).rows;
  } finally {
    await client.end();
  }
}

const answerLost = (r: Submitted) => r.status === 0 || r.status >= 500;

for (const [store, port] of [['sqlite', 18220], ['postgres', 18230]] as const) {
  test(`SIGKILL of an instance in the middle of a stream of registrations (${store})`, async (t) => {
    if (cannotRun(t, store)) return;
    const instances = store === 'sqlite' ? 1 : 2;
    const site = await startDeployLocal(deployEnv(port, { INSTANCES: String(instances), STORE: store, RESTART_DELAY_MS: '500' }));
    try {
      const event = openEvents()
        .filter((e) => e.sessions.length === 1 && !e.rsvp.schoolGroup)
        .sort((a, b) => (b.sessions[0]!.capacity ?? 0) - (a.sessions[0]!.capacity ?? 0))[0]!;
      const capacity = event.sessions[0]!.capacity ?? 0;
      const first = site.instances.get(1)!;
      const url = first.url;

      // The stream: WORKERS in flight, one seat each. When the instance is gone, a worker waits for it to be back.
      const sent: { form: URLSearchParams; answer: Submitted }[] = [];
      let acknowledged = 0;
      let inFlight = 0;
      let killed: { inFlight: number } | undefined;
      let back: Promise<void> | undefined;
      let next = 0;
      const worker = async () => {
        while (next < STREAM) {
          next += 1;
          const form = rsvpForm(event, event.sessions[0]!, 1, store === 'sqlite' ? '3' : '4');
          inFlight += 1;
          const answer = await submitRsvp(url, form);
          inFlight -= 1;
          sent.push({ form, answer });
          if (answer.code) acknowledged += 1;
          if (!killed && acknowledged >= KILL_AFTER) {
            killed = { inFlight };
            back = (async () => {
              process.kill(first.pid, 'SIGKILL');
              await site.restarted(1, first.pid);
              for (let i = 0; i < 600 && !(await fetch(`${url}/admin/`).then((r) => r.ok, () => false)); i++) {
                await new Promise((r) => setTimeout(r, 100));
              }
            })();
          }
          if (answerLost(answer)) await back;
        }
      };
      await Promise.all(Array.from({ length: WORKERS }, worker));
      await back;
      assert.ok(killed, 'the instance was killed during the stream');

      // Forms whose answer never came are sent again with their own token: booked at most once, whatever happened.
      const lost = sent.filter((s) => answerLost(s.answer));
      // Of those, the ones the killed instance had stored before it died (the reader never got their code).
      const storedBefore = new Set((await rowsOf(site.database, event.slug)).map((r) => r.token));
      const lostButStored = lost.filter((s) => storedBefore.has(s.answer.token)).length;
      const retried = await Promise.all(lost.map((s) => submitRsvp(url, s.form)));
      const answers = [...sent.filter((s) => !answerLost(s.answer)).map((s) => s.answer), ...retried];
      const codes = answers.filter((a) => a.code).map((a) => a.code!);
      // One token, one code: a resubmission after the crash gave the code the first attempt had stored, if any.
      assert.equal(retried.filter(answerLost).length, 0, 'every resubmission was answered');

      const rows = (await rowsOf(site.database, event.slug)).filter((r) => r.phone.startsWith(store === 'sqlite' ? '13' : '14'));
      const byCode = new Map<string, number>();
      const byToken = new Map<string, number>();
      for (const r of rows) {
        byCode.set(r.code, (byCode.get(r.code) ?? 0) + 1);
        byToken.set(r.token, (byToken.get(r.token) ?? 0) + 1);
      }
      const confirmedSeats = rows.filter((r) => r.status === 'confirmed').reduce((n, r) => n + Number(r.seats), 0);
      const { taken } = await inExport(url, ADMIN_TOKEN, event.slug);
      const report = {
        store,
        sent: STREAM,
        acknowledgedBeforeRetry: sent.filter((s) => s.answer.code).length,
        killedInFlight: killed.inFlight,
        answersLost: lost.length,
        lostButStored,
        acknowledged: codes.length,
        present: rows.length,
        missing: codes.filter((c) => byCode.get(c) !== 1).length,
        duplicateTokens: [...byToken.values()].filter((n) => n > 1).length,
        confirmedSeats,
        capacity,
      };
      process.stdout.write(`crash test: ${JSON.stringify(report)}\n`);
      for (const c of codes) assert.equal(byCode.get(c), 1, `acknowledged ${c} is stored exactly once`);
      assert.equal(report.duplicateTokens, 0, 'no token booked twice');
      assert.ok(answers.every((a) => a.status === 303 || (a.status >= 400 && a.status < 500)), 'every form answered: booked or refused');
      assert.equal(codes.length, rows.length, 'every stored registration was acknowledged (after the resubmissions)');
      assert.ok(confirmedSeats <= capacity, 'confirmed seats within capacity');
      assert.equal(taken, confirmedSeats, "the site's own count (the export) is the sum of the rows");
    } finally {
      assert.ok(await site.stop(), `deploy:local stops and cleans up:\n${site.stderr()}`);
    }
  });
}
