/**
 * A worker thread for the concurrency test: its own SQLite connection to the shared file, then `count`
 * bookings as fast as it can once the main thread releases every worker at the same moment, taking the event's
 * sessions in turn.
 * Runs in plain Node 22 (type stripping), outside Vite: hence the .ts import paths.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { book } from '../../src/server/booking.ts';
import { openDb } from '../../src/server/db.ts';
import { submission } from './rsvp-fixtures.ts';

const { path, event, count, index, now, barrier, seats, sessions = ['main'] } = workerData as {
  path: string;
  event: Parameters<typeof book>[1];
  count: number;
  index: number;
  now: Date;
  barrier: SharedArrayBuffer;
  seats: number[];
  /** Sessions to book in turn (each worker starts at its own, so every session is contended at once). */
  sessions?: string[];
};

const db = openDb(path);
const gate = new Int32Array(barrier);
parentPort!.postMessage({ ready: true });
Atomics.wait(gate, 0, 0);

const results: { ok: boolean; status?: string; reason?: string; code?: string; seats: number; session: string }[] = [];
for (let i = 0; i < count; i++) {
  const s = seats[i % seats.length]!;
  const session = sessions[(index + i) % sessions.length]!;
  const phone = `13${String(index * 10_000 + i).padStart(9, '0')}`;
  const r = book(db, event, submission({ event: event.slug, phone, seats: s, session }), now);
  results.push(r.ok ? { ok: true, status: r.booking.status, code: r.booking.code, seats: s, session } : { ok: false, reason: r.reason, seats: s, session });
}
db.close();
parentPort!.postMessage({ results });
