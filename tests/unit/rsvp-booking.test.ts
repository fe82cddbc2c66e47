/**
 * The booking rules on each store (DESIGN §7; tests/unit/stores.ts: SQLite, and PostgreSQL where installed): capacity
 * in seats, the registration window from content, idempotency, one live registration per phone, waiting list and
 * promotion order, cancellation, retention, and 200 truly parallel submissions from worker threads, each with its
 * own connection (SQLite) or pool (PostgreSQL). The SQLite file itself (creation, WAL, schema version) is SQLite's.
 */
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { CODE_PATTERN } from '../../src/lib/rsvp/validate';
import {
  availability,
  book,
  cancel,
  findBooking,
  listBookings,
  promote,
  rulesFor,
  seatsTaken,
  waitlistPosition,
  type BookableEvent,
} from '../../src/server/booking';
import { CODE_ALPHABET, newCode } from '../../src/server/codes';
import { migrations } from '../../src/server/db';
import { purgeExpired } from '../../src/server/purge';
import { classBooking, codeOf, NOW, schoolEvent, submission, tempDbPath, testEvent, testSession } from './rsvp-fixtures';
import type { RaceResult } from './rsvp-worker';
import { freshSqlite, storeKinds, type SharedStore } from './stores';

describe('the SQLite database file', () => {
  it('is created with its folder and schema on first open, in WAL mode with a busy timeout', async () => {
    const path = tempDbPath();
    expect(existsSync(path)).toBe(false);
    const store = await freshSqlite(path);
    expect(existsSync(path)).toBe(true);
    expect(await store.get('PRAGMA user_version')).toEqual({ user_version: migrations.length });
    expect(await store.get('PRAGMA journal_mode')).toEqual({ journal_mode: 'wal' });
    expect(Number((await store.get<{ timeout: number }>('PRAGMA busy_timeout'))!.timeout)).toBeGreaterThanOrEqual(1000);
  });

  it('keeps its data and schema version when opened again', async () => {
    const path = tempDbPath();
    const first = await freshSqlite(path);
    const code = codeOf(await book(first, testEvent(), submission(), NOW));
    await first.close();
    const again = await freshSqlite(path);
    expect(await again.get('PRAGMA user_version')).toEqual({ user_version: migrations.length });
    expect((await findBooking(again, code))?.status).toBe('confirmed');
  });
});

describe('confirmation codes', () => {
  it('are 8 characters from the unambiguous alphabet, random and unique', () => {
    const codes = Array.from({ length: 5000 }, () => newCode());
    expect(codes.every((c) => CODE_PATTERN.test(c))).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
    const seen = new Set(codes.join(''));
    expect([...seen].sort().join('')).toBe([...CODE_ALPHABET].sort().join(''));
    expect(codes.join('')).not.toMatch(/[01OILE]/);
  });
});

/** Three sessions of one event: 6, 4 and 2 seats. */
const three = () => {
  const sessions = [testSession('am', 10, '09:00', 6), testSession('pm', 10, '14:00', 4), testSession('next', 11, '09:00', 2)];
  // Registration for the event stays open until the last session starts; each session closes at its own start.
  return testEvent({ startsAt: sessions[0]!.startsAt, endsAt: sessions[2]!.endsAt, sessions, rsvp: { closesAt: sessions[2]!.startsAt } });
};

describe('the form', () => {
  it('may ask for no more seats than the largest session holds', () => {
    expect(rulesFor(three()).maxSeats).toBe(4);
    expect(rulesFor(three()).sessions.map((s) => s.id)).toEqual(['am', 'pm', 'next']);
  });
});

/**
 * `workers` threads, each with its own store on `shared`, each booking `each` times at the same moment.
 * The worker reports what each booking answered; a booking that throws fails the worker, and so the test.
 */
async function race(shared: SharedStore, event: BookableEvent, workers: number, each: number, seats: number[], sessions?: string[]) {
  const barrier = new SharedArrayBuffer(4);
  const threads = Array.from(
    { length: workers },
    (_, index) =>
      new Worker(new URL('./rsvp-worker.ts', import.meta.url), {
        workerData: { target: shared.target, event, count: each, index, now: NOW, barrier, seats, sessions },
      }),
  );
  const ready = threads.map((t) => new Promise((res, rej) => (t.once('message', res), t.once('error', rej))));
  const done = threads.map(
    (t) =>
      new Promise<RaceResult[]>((res, rej) => {
        t.on('message', (m: { results?: RaceResult[] }) => m.results && res(m.results));
        t.once('error', rej);
      }),
  );
  try {
    await Promise.all(ready);
    // Release every worker at once so their transactions truly contend for the database.
    const gate = new Int32Array(barrier);
    Atomics.store(gate, 0, 1);
    Atomics.notify(gate, 0);
    return (await Promise.all(done)).flat();
  } finally {
    await Promise.all(threads.map((t) => t.terminate()));
  }
}

describe.each(storeKinds)('the booking rules on $name', ({ fresh, shared }) => {
  describe('capacity counts seats, not forms', () => {
    it('confirms parties while their seats fit and says how many are left', async () => {
      const db = await fresh();
      const event = testEvent({ rsvp: { capacity: 5 } });
      expect(await book(db, event, submission({ seats: 3 }), NOW)).toMatchObject({ ok: true, booking: { status: 'confirmed' } });
      expect(await book(db, event, submission({ seats: 3 }), NOW)).toEqual({ ok: false, reason: 'too-many-seats', left: 2, others: [] });
      expect(await book(db, event, submission({ seats: 2 }), NOW)).toMatchObject({ ok: true, booking: { status: 'confirmed' } });
      expect(await seatsTaken(db, event.slug)).toBe(5);
      expect(await book(db, event, submission({ seats: 1 }), NOW)).toEqual({ ok: false, reason: 'full', others: [] });
      expect((await availability(db, event)).get('main')).toEqual({ left: 0, waiting: 0 });
    });

    it('never lets one party take more seats than the event has', async () => {
      const event = testEvent({ rsvp: { capacity: 3, maxPartySize: 4 } });
      expect(rulesFor(event).maxSeats).toBe(3);
      await expect(book(await fresh(), event, submission({ seats: 4 }), NOW)).rejects.toThrow(RangeError);
    });

    it('keeps events apart', async () => {
      const db = await fresh();
      await book(db, testEvent({ rsvp: { capacity: 2 } }), submission({ seats: 2 }), NOW);
      const other = testEvent({ slug: 'school-visit', rsvp: { capacity: 2 } });
      expect(await book(db, other, submission({ event: 'school-visit', seats: 2 }), NOW)).toMatchObject({ ok: true });
    });
  });

  describe('the registration window comes from the event, checked by the server clock', () => {
    const cases: [string, BookableEvent, string][] = [
      ['before opening', testEvent({ rsvp: { opensAt: '2031-03-02T09:00:00+08:00' } }), 'not-yet-open'],
      ['after closing', testEvent({ rsvp: { closesAt: '2031-03-01T09:59:00+08:00' } }), 'closed'],
      ['after the event', testEvent({ startsAt: '2031-02-20T09:00:00+08:00', endsAt: '2031-02-20T11:00:00+08:00', rsvp: { closesAt: '2031-02-19T18:00:00+08:00' } }), 'ended'],
      ['cancelled', testEvent({ status: 'cancelled' }), 'cancelled'],
      ['postponed', testEvent({ status: 'postponed' }), 'postponed'],
    ];
    for (const [when, event, state] of cases) {
      it(`refuses ${when}`, async () => {
        const db = await fresh();
        expect(await book(db, event, submission(), NOW)).toEqual({ ok: false, reason: 'closed', state });
        expect(await listBookings(db, event.slug)).toEqual([]);
      });
    }

    it('accepts at the opening instant and refuses at the closing instant', async () => {
      const db = await fresh();
      const event = testEvent();
      expect((await book(db, event, submission(), new Date(event.rsvp.opensAt))).ok).toBe(true);
      expect(await book(db, event, submission(), new Date(event.rsvp.closesAt))).toMatchObject({ ok: false, state: 'closed' });
    });
  });

  describe('idempotency and duplicates', () => {
    it('books once for one token, however often it is sent, and returns the same booking', async () => {
      const db = await fresh();
      const event = testEvent();
      const s = submission({ seats: 2 });
      const first = await book(db, event, s, NOW);
      const again = await book(db, event, s, NOW);
      const changed = await book(db, event, { ...s, phone: '13700000000', seats: 1 }, NOW);
      expect(first).toMatchObject({ ok: true, replay: false });
      expect(again).toMatchObject({ ok: true, replay: true, booking: { code: codeOf(first) } });
      expect(changed).toMatchObject({ ok: true, replay: true, booking: { code: codeOf(first), seats: 2 } });
      expect(await listBookings(db, event.slug)).toHaveLength(1);
      expect(await seatsTaken(db, event.slug)).toBe(2);
    });

    it('refuses a second registration from the same phone, and allows it after cancelling', async () => {
      const db = await fresh();
      const event = testEvent();
      const code = codeOf(await book(db, event, submission({ phone: '13812345678' }), NOW));
      expect(await book(db, event, submission({ phone: '13812345678' }), NOW)).toEqual({ ok: false, reason: 'duplicate', perClass: false });
      expect((await cancel(db, code, '13812345678', () => event, NOW)).ok).toBe(true);
      expect(await book(db, event, submission({ phone: '13812345678' }), NOW)).toMatchObject({ ok: true, replay: false });
    });
  });

  describe('waiting list', () => {
    it('queues parties when full and promotes them in order of registration, each that fits', async () => {
      const db = await fresh();
      const event = testEvent({ rsvp: { capacity: 4, waitlist: true } });
      const a = codeOf(await book(db, event, submission({ seats: 3, phone: '13800000001' }), NOW));
      const b = await book(db, event, submission({ seats: 2 }), NOW);
      const c = await book(db, event, submission({ seats: 1 }), NOW); // fits the last seat: confirmed, not queued
      const d = await book(db, event, submission({ seats: 2 }), NOW);
      const e = await book(db, event, submission({ seats: 1 }), NOW);
      expect([b, c, d, e].map((r) => r.ok && r.booking.status)).toEqual(['waitlisted', 'confirmed', 'waitlisted', 'waitlisted']);
      if (!b.ok || !d.ok || !e.ok) throw new Error('unreachable');
      expect(await Promise.all([b, d, e].map((r) => waitlistPosition(db, r.booking)))).toEqual([1, 2, 3]);

      // A's 3 seats free up: B (2) fits, D (2) no longer does, E (1) fits.
      const r = await cancel(db, a, '13800000001', () => event, NOW);
      expect(r.ok && r.promoted.map((p) => p.code)).toEqual([b.booking.code, e.booking.code]);
      expect((await findBooking(db, d.booking.code))?.status).toBe('waitlisted');
      expect(await waitlistPosition(db, d.booking)).toBe(1);
      expect(await seatsTaken(db, event.slug)).toBe(4);
    });

    it('promotes when staff raise the capacity in content', async () => {
      const db = await fresh();
      const small = testEvent({ rsvp: { capacity: 1, waitlist: true } });
      await book(db, small, submission(), NOW);
      const queued = await book(db, small, submission(), NOW);
      expect(queued.ok && queued.booking.status).toBe('waitlisted');
      const promoted = await promote(db, testEvent({ rsvp: { capacity: 2, waitlist: true } }), NOW);
      expect(promoted.map((p) => p.code)).toEqual([queued.ok && queued.booking.code]);
    });

    it('does not promote once the event is over', async () => {
      const db = await fresh();
      const event = testEvent({ rsvp: { capacity: 1, waitlist: true } });
      const first = codeOf(await book(db, event, submission({ phone: '13900000009' }), NOW));
      await book(db, event, submission(), NOW);
      const after = new Date(Date.parse(event.endsAt) + 1000);
      const r = await cancel(db, first, '13900000009', () => event, after);
      expect(r).toMatchObject({ ok: true, promoted: [] });
    });
  });

  describe('cancellation', () => {
    it('refuses a wrong phone, an unknown code and a second cancellation alike', async () => {
      const db = await fresh();
      const event = testEvent();
      const code = codeOf(await book(db, event, submission({ phone: '13811112222', seats: 2 }), NOW));
      const wrongPhone = await cancel(db, code, '13811112223', () => event, NOW);
      const unknown = await cancel(db, code === 'AAAAAAAA' ? 'BBBBBBBB' : 'AAAAAAAA', '13811112222', () => event, NOW);
      expect(wrongPhone).toEqual({ ok: false, reason: 'no-match' });
      expect(unknown).toEqual(wrongPhone);
      expect((await findBooking(db, code))?.status).toBe('confirmed');
      expect(await seatsTaken(db, event.slug)).toBe(2);

      expect((await cancel(db, code, '13811112222', () => event, NOW)).ok).toBe(true);
      expect(await cancel(db, code, '13811112222', () => event, NOW)).toEqual(wrongPhone);
      expect(await seatsTaken(db, event.slug)).toBe(0);
    });

    it('erases the personal data at once and keeps only code, seats and the consent record', async () => {
      const db = await fresh();
      const event = testEvent({ rsvp: { fields: ['childAgeBands'] } });
      const v = submission({ name: '李华', phone: '13822223333', seats: 3, childAgeBands: { kids3to6: 2 }, consents: ['privacy', 'childAgeBands'] });
      const code = codeOf(await book(db, event, v, NOW));
      await cancel(db, code, '13822223333', () => event, NOW);
      expect(await findBooking(db, code)).toMatchObject({
        status: 'cancelled',
        name: '',
        phone: '',
        childAgeBands: null,
        seats: 3,
        consents: ['privacy', 'childAgeBands'],
        consentedAt: NOW.getTime(),
      });
    });
  });

  describe('sensitive items need their consent whatever the caller', () => {
    it('refuses to store a due month or age bands without the consent, or anything without the privacy consent', async () => {
      const db = await fresh();
      const event = testEvent({ rsvp: { fields: ['childAgeBands', 'dueMonth'] } });
      await expect(book(db, event, submission({ dueMonth: '2031-06' }), NOW)).rejects.toThrow(/due month/);
      await expect(book(db, event, submission({ seats: 2, childAgeBands: { kids0to2: 1 } }), NOW)).rejects.toThrow(/age bands/);
      await expect(book(db, event, submission({ consents: [] }), NOW)).rejects.toThrow(/privacy/);
      expect(await listBookings(db, event.slug)).toEqual([]);
    });
  });

  describe('confirmation codes', () => {
    it('do not follow registration order', async () => {
      const db = await fresh();
      const event = testEvent();
      const a = codeOf(await book(db, event, submission(), NOW));
      const b = codeOf(await book(db, event, submission(), NOW));
      expect(a).not.toBe(b);
      expect([...a].filter((ch, i) => ch === b[i]).length).toBeLessThan(8);
    });
  });

  describe('retention', () => {
    it('deletes registrations of events that ended more than the retention period ago, and only those', async () => {
      const db = await fresh();
      const old = testEvent({ slug: 'old', endsAt: '2031-03-10T11:30:00+08:00' });
      const recent = testEvent({ slug: 'recent', endsAt: '2031-04-05T11:30:00+08:00' });
      await book(db, old, submission({ event: 'old' }), NOW);
      await book(db, old, submission({ event: 'old' }), NOW);
      await book(db, recent, submission({ event: 'recent' }), NOW);
      // 2031-04-10: "old" ended 31 days ago, "recent" 5 days ago.
      const removed = await purgeExpired(db, 30, new Date('2031-04-10T12:00:00+08:00'));
      expect(removed).toBe(2);
      expect(await listBookings(db, 'old')).toEqual([]);
      expect(await listBookings(db, 'recent')).toHaveLength(1);
      await expect(purgeExpired(db, -1)).rejects.toThrow(RangeError);
    });
  });

  describe('concurrency: several connections to one database, one per worker thread', () => {
    it('200 parallel one-seat submissions on a 50-seat event: exactly 50 seats taken, the rest refused as full', async () => {
      const s = await shared();
      const event = testEvent({ slug: 'race', rsvp: { capacity: 50, waitlist: false } });
      const results = await race(s, event, 8, 25, [1]);
      expect(results).toHaveLength(200);
      expect(results.filter((r) => r.ok)).toHaveLength(50);
      expect(results.filter((r) => !r.ok).every((r) => r.reason === 'full')).toBe(true);
      expect(await seatsTaken(s.store, 'race')).toBe(50);
      expect(await listBookings(s.store, 'race')).toHaveLength(50);
    });

    it('with a waiting list and mixed party sizes: no overbooking and no registration lost', async () => {
      const s = await shared();
      const event = testEvent({ slug: 'race', rsvp: { capacity: 50, waitlist: true } });
      const results = await race(s, event, 8, 25, [1, 2, 3]);
      const rows = await listBookings(s.store, 'race');
      expect(results.every((r) => r.ok)).toBe(true);
      expect(rows).toHaveLength(200);
      expect(new Set(rows.map((r) => r.code)).size).toBe(200);
      const confirmed = results.filter((r) => r.status === 'confirmed').reduce((n, r) => n + r.seats, 0);
      expect(await seatsTaken(s.store, 'race')).toBe(confirmed);
      expect(confirmed).toBeLessThanOrEqual(50);
      expect(confirmed).toBeGreaterThanOrEqual(48); // only a party larger than what is left goes to the list
    });

    it('two sessions of one event booked at once: neither overbooked, each filled exactly, nothing lost', async () => {
      const s = await shared();
      const sessions = [testSession('am', 10, '09:00', 40), testSession('pm', 10, '14:00', 25)];
      const event = testEvent({ slug: 'race', startsAt: sessions[0]!.startsAt, endsAt: sessions[1]!.endsAt, sessions });
      const results = await race(s, event, 8, 25, [1, 2, 3], ['am', 'pm']);
      for (const session of sessions) {
        const mine = results.filter((r) => r.session === session.id);
        const confirmed = mine.filter((r) => r.ok).reduce((n, r) => n + r.seats, 0);
        expect(mine.length).toBe(100);
        expect(await seatsTaken(s.store, 'race', session.id)).toBe(confirmed);
        expect(confirmed).toBeLessThanOrEqual(session.capacity);
        expect(confirmed).toBeGreaterThanOrEqual(session.capacity - 2); // a party larger than what is left is refused
        // Without a waiting list the rest are refused for want of room, never for anything else.
        for (const r of mine.filter((x) => !x.ok)) expect(['full', 'too-many-seats']).toContain(r.reason);
      }
      const rows = await listBookings(s.store, 'race');
      expect(rows).toHaveLength(results.filter((r) => r.ok).length);
      expect(rows.every((b) => results.some((r) => r.code === b.code && r.session === b.session))).toBe(true);
    });
  });

  describe('sessions: capacity, closing time and waiting list each their own', () => {
    it('counts seats per session, and a full one offers the others that still fit the party, in order', async () => {
      const db = await fresh();
      const event = three();
      expect(await book(db, event, submission({ session: 'pm', seats: 4 }), NOW)).toMatchObject({ ok: true, booking: { session: 'pm', status: 'confirmed' } });
      expect(await seatsTaken(db, event.slug, 'pm')).toBe(4);
      expect(await seatsTaken(db, event.slug, 'am')).toBe(0);
      expect(await book(db, event, submission({ session: 'pm', seats: 1 }), NOW)).toEqual({ ok: false, reason: 'full', others: [{ id: 'am', left: 6 }, { id: 'next', left: 2 }] });
      // A party of 3 does not fit the last session's 2 seats: only the morning is offered.
      expect(await book(db, event, submission({ session: 'pm', seats: 3 }), NOW)).toEqual({ ok: false, reason: 'full', others: [{ id: 'am', left: 6 }] });
      expect(await book(db, event, submission({ session: 'next', seats: 3 }), NOW)).toEqual({ ok: false, reason: 'too-many-seats', left: 2, others: [{ id: 'am', left: 6 }] });
      expect([...(await availability(db, event))]).toEqual([
        ['am', { left: 6, waiting: 0 }],
        ['pm', { left: 0, waiting: 0 }],
        ['next', { left: 2, waiting: 0 }],
      ]);
    });

    it('a session closes when it starts (or at its own earlier closing time); the others stay open', async () => {
      const db = await fresh();
      const event = three();
      const during = new Date(Date.parse(event.sessions[0]!.startsAt) + 60_000);
      expect(await book(db, event, submission({ session: 'am' }), during)).toEqual({ ok: false, reason: 'session-closed', state: 'closed', others: [{ id: 'pm', left: 4 }, { id: 'next', left: 2 }] });
      expect(await book(db, event, submission({ session: 'pm' }), during)).toMatchObject({ ok: true });
      const after = new Date(Date.parse(event.sessions[0]!.endsAt) + 60_000);
      expect(await book(db, event, submission({ session: 'am' }), after)).toMatchObject({ ok: false, reason: 'session-closed', state: 'ended' });
      const early = testEvent({ ...event, rsvp: event.rsvp, sessions: [{ ...event.sessions[0]!, closesAt: '2031-03-01T09:00:00+08:00' }, ...event.sessions.slice(1)] });
      expect(await book(db, early, submission({ session: 'am' }), NOW)).toMatchObject({ ok: false, reason: 'session-closed', state: 'closed' });
      expect(await book(db, event, submission({ session: 'evening' }), NOW)).toMatchObject({ ok: false, reason: 'session-closed' });
      expect((await listBookings(db, event.slug)).map((b) => b.session)).toEqual(['pm']);
    });

    it('one phone holds one registration per event, whatever the session', async () => {
      const db = await fresh();
      const event = three();
      expect((await book(db, event, submission({ session: 'am', phone: '13811110000' }), NOW)).ok).toBe(true);
      expect(await book(db, event, submission({ session: 'pm', phone: '13811110000' }), NOW)).toEqual({ ok: false, reason: 'duplicate', perClass: false });
    });

    it('each session has its own waiting line, and a cancellation promotes only within its session', async () => {
      const db = await fresh();
      const event = testEvent({ ...three(), rsvp: { ...three().rsvp, waitlist: true } });
      const a = codeOf(await book(db, event, submission({ session: 'pm', seats: 4, phone: '13822220001' }), NOW));
      const waitPm = await book(db, event, submission({ session: 'pm', seats: 2 }), NOW);
      const fillNext = await book(db, event, submission({ session: 'next', seats: 2 }), NOW);
      const waitNext = await book(db, event, submission({ session: 'next', seats: 1 }), NOW);
      expect([waitPm, fillNext, waitNext].map((r) => r.ok && r.booking.status)).toEqual(['waitlisted', 'confirmed', 'waitlisted']);
      if (!waitPm.ok || !waitNext.ok) throw new Error('unreachable');
      expect([await waitlistPosition(db, waitPm.booking), await waitlistPosition(db, waitNext.booking)]).toEqual([1, 1]);
      const r = await cancel(db, a, '13822220001', () => event, NOW);
      expect(r.ok && r.promoted.map((p) => p.code)).toEqual([waitPm.booking.code]);
      expect((await findBooking(db, waitNext.booking.code))?.status).toBe('waitlisted');
      // A party larger than the whole session is not queued for ever: refused, with the sessions it fits.
      expect(await book(db, event, submission({ session: 'next', seats: 3 }), NOW)).toEqual({ ok: false, reason: 'full', others: [{ id: 'am', left: 6 }] });
    });
  });

  describe('school groups: one class per registration, several classes per lead teacher', () => {
    it('a lead teacher books several classes from one phone, but each class once', async () => {
      const db = await fresh();
      const event = schoolEvent();
      const phone = '13833330000';
      const first = await book(db, event, classBooking('a', 40, 2, { phone, className: '五年级二班' }), NOW);
      expect(first).toMatchObject({ ok: true, booking: { session: 'a', seats: 42, pupils: 40, teachers: 2, className: '五年级二班' } });
      expect(await book(db, event, classBooking('b', 38, 2, { phone, className: '五年级三班' }), NOW)).toMatchObject({ ok: true, booking: { session: 'b' } });
      // The same class again, in any session and however the spaces fall: refused, as one class.
      expect(await book(db, event, classBooking('b', 40, 2, { phone, className: '五年级 二班' }), NOW)).toEqual({ ok: false, reason: 'duplicate', perClass: true });
      // Once cancelled, the class can be booked again (here into another session).
      expect((await cancel(db, codeOf(first), phone, () => event, NOW)).ok).toBe(true);
      expect(await book(db, event, classBooking('b', 40, 2, { phone, className: '五年级二班' }), NOW)).toMatchObject({ ok: true });
      expect(await seatsTaken(db, event.slug, 'b')).toBe(82);
    });

    it('pupils and teachers both take seats: a class that does not fit the small session is offered the others', async () => {
      const db = await fresh();
      const event = schoolEvent();
      expect(await book(db, event, classBooking('small', 27, 2), NOW)).toMatchObject({ ok: true });
      expect(await book(db, event, classBooking('small', 1, 1), NOW)).toMatchObject({ ok: false, reason: 'too-many-seats', left: 1, others: [{ id: 'a', left: 100 }, { id: 'b', left: 100 }] });
    });

    it('stores arrival, the note and the acknowledgement; a cancellation erases the class and the note, keeps the counts', async () => {
      const db = await fresh();
      const event = schoolEvent();
      const v = classBooking('a', 20, 1, { phone: '13844440000', prepNote: '有1位学生坐轮椅，需要无障碍通道' });
      const code = codeOf(await book(db, event, v, NOW));
      expect(await findBooking(db, code)).toMatchObject({ arrival: '08:30', prepNote: '有1位学生坐轮椅，需要无障碍通道', safetyAckAt: NOW.getTime(), school: '济南市测试实验小学' });
      await cancel(db, code, '13844440000', () => event, NOW);
      expect(await findBooking(db, code)).toMatchObject({ status: 'cancelled', name: '', phone: '', school: null, className: null, prepNote: null, pupils: 20, teachers: 1, seats: 21 });
    });

    it('refuses, whatever the caller, a school booking without its counts, class or acknowledgement', async () => {
      const db = await fresh();
      const event = schoolEvent();
      await expect(book(db, event, classBooking('a', 20, 1, { safety: false }), NOW)).rejects.toThrow(/safety/);
      await expect(book(db, event, classBooking('a', 20, 1, { seats: 20 }), NOW)).rejects.toThrow(/pupils/);
      await expect(book(db, event, classBooking('a', 20, 1, { className: null }), NOW)).rejects.toThrow(/class/);
      expect(await listBookings(db, event.slug)).toEqual([]);
    });
  });

  describe('npm run rsvp:purge', () => {
    it('runs on plain Node 22 and deletes only what is past the retention period', async () => {
      const { execFileSync } = await import('node:child_process');
      const { store: db, env } = await shared();
      const ended = testEvent({
        slug: 'long-ago',
        startsAt: '2020-01-10T09:00:00+08:00',
        endsAt: '2020-01-10T11:00:00+08:00',
        rsvp: { opensAt: '2019-12-01T09:00:00+08:00', closesAt: '2020-01-09T18:00:00+08:00' },
      });
      await book(db, ended, submission({ event: 'long-ago' }), new Date('2019-12-15T10:00:00+08:00'));
      // The script purges by the machine's clock, so this event must stay current whatever the day: it ends in a year.
      const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
      const current = testEvent({
        startsAt: `${day(365)}T09:00:00+08:00`,
        endsAt: `${day(365)}T11:30:00+08:00`,
        rsvp: { opensAt: `${day(-1)}T09:00:00+08:00`, closesAt: `${day(364)}T18:00:00+08:00` },
      });
      expect((await book(db, current, submission(), new Date())).ok).toBe(true);
      const out = execFileSync(process.execPath, ['--disable-warning=ExperimentalWarning', 'scripts/rsvp-purge.ts'], {
        env: { ...process.env, ...env, RSVP_RETENTION_DAYS: '30' },
        encoding: 'utf8',
      });
      expect(out).toMatch(/^Deleted 1 registration/);
      expect(await listBookings(db, 'long-ago')).toEqual([]);
      expect(await listBookings(db, 'family-day')).toHaveLength(1);
    });
  });
});
