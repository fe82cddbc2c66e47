/**
 * A worker thread for the concurrency test: its own store on the shared database (SQLite: its own connection to
 * the file; PostgreSQL: its own pool on the same schema), then `count` bookings as fast as it can once the main
 * thread releases every worker at the same moment, taking the event's sessions in turn. Only the store's write lock
 * keeps the workers' check-then-write transactions apart.
 * Runs in plain Node 22 (type stripping), outside Vite: hence the .ts import paths and no vitest imports.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { book } from '../../src/server/booking.ts';
import { openStore, type storeTarget } from '../../src/server/store.ts';
import { submission } from './rsvp-fixtures.ts';

export interface RaceResult {
  ok: boolean;
  status?: string;
  reason?: string;
  code?: string;
  seats: number;
  session: string;
}

const { target, event, count, index, now, barrier, seats, sessions = ['main'] } = workerData as {
  /** The database every worker opens (created and migrated before the workers start). */
  target: ReturnType<typeof storeTarget>;
  event: Parameters<typeof book>[1];
  count: number;
  index: number;
  now: Date;
  barrier: SharedArrayBuffer;
  seats: number[];
  /** Sessions to book in turn (each worker starts at its own, so every session is contended at once). */
  sessions?: string[];
};

const store = await openStore(target);
const gate = new Int32Array(barrier);
parentPort!.postMessage({ ready: true });
Atomics.wait(gate, 0, 0);

const results: RaceResult[] = [];
try {
  for (let i = 0; i < count; i++) {
    const s = seats[i % seats.length]!;
    const session = sessions[(index + i) % sessions.length]!;
    const phone = `13${String(index * 10_000 + i).padStart(9, '0')}`;
    const r = await book(store, event, submission({ event: event.slug, phone, seats: s, session }), now);
    results.push(r.ok ? { ok: true, status: r.booking.status, code: r.booking.code, seats: s, session } : { ok: false, reason: r.reason, seats: s, session });
  }
} finally {
  await store.close();
}
parentPort!.postMessage({ results });
