/**
 * The store interface itself (src/server/store.ts) on both databases: which one a setting names, numbers back as
 * numbers, a write that throws leaves nothing, and the write lock makes concurrent check-then-write safe.
 */
import { describe, expect, it } from 'vitest';
import { availability, book, seatsTaken } from '../../src/server/booking';
import { storeTarget, type Store } from '../../src/server/store';
import { numbered } from '../../src/server/store-postgres';
import { NOW, submission, testEvent } from './rsvp-fixtures';
import { storeKinds } from './stores';

/** Starts a write of `scope` that keeps its lock until `release()`; resolves once the lock is held. */
async function holdLock(store: Store, scope: string, atEnd: () => void = () => {}) {
  let release!: () => void;
  let locked!: () => void;
  const held = new Promise<void>((r) => (release = r));
  const hasLock = new Promise<void>((r) => (locked = r));
  const done = store.write(scope, async () => {
    locked();
    await held;
    atEnd();
  });
  await hasLock;
  return { release, done };
}

describe('which store a setting names', () => {
  it('PostgreSQL for a postgres:// or postgresql:// DATABASE_URL, SQLite otherwise', () => {
    expect(storeTarget({ DATABASE_URL: 'postgres://u@h/db' })).toEqual({ kind: 'postgres', url: 'postgres://u@h/db' });
    expect(storeTarget({ DATABASE_URL: 'postgresql://u@h/db' }).kind).toBe('postgres');
    expect(storeTarget({ DATABASE_URL: 'file:/srv/rsvp.sqlite' })).toEqual({ kind: 'sqlite', path: '/srv/rsvp.sqlite' });
    expect(storeTarget({ RSVP_DB_PATH: '/x.sqlite' })).toEqual({ kind: 'sqlite', path: '/x.sqlite' });
    expect(storeTarget({})).toEqual({ kind: 'sqlite', path: 'data/rsvp.sqlite' });
  });

  it("numbers the rules' ? parameters for PostgreSQL", () => {
    expect(numbered('SELECT * FROM t WHERE a = ? AND b IN (?, ?)')).toBe('SELECT * FROM t WHERE a = $1 AND b IN ($2, $3)');
  });
});

describe.each(storeKinds)('the $name store', ({ fresh }) => {
  it('returns times and counts as numbers', async () => {
    const store = await fresh();
    const event = testEvent({ rsvp: { capacity: 5 } });
    const r = await book(store, event, submission({ seats: 2 }), NOW);
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.booking.createdAt).toBe(NOW.getTime());
    expect(typeof r.booking.id).toBe('number');
    expect(await seatsTaken(store, event.slug)).toBe(2);
    expect((await availability(store, event)).get('main')).toEqual({ left: 3, waiting: 0 });
  });

  it('rolls a write back when it throws', async () => {
    const store = await fresh();
    await expect(
      store.write('audit', async (tx) => {
        await tx.run("INSERT INTO audit_log (at, actor, action, target) VALUES (?, ?, 'export', '')", [1, 'x']);
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect(await store.get('SELECT COUNT(*) AS n FROM audit_log')).toEqual({ n: 0 });
  });

  it('runs a write only when the write before it with the same scope has ended', async () => {
    const store = await fresh();
    const order: string[] = [];
    const { release, done: first } = await holdLock(store, 'event:a', () => order.push('first'));
    const second = store.write('event:a', async () => void order.push('second'));
    await new Promise((r) => setTimeout(r, 150));
    expect(order).toEqual([]);
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['first', 'second']);
  });

  it('takes 60 concurrent bookings for 20 seats as exactly 20 confirmed', async () => {
    const store = await fresh();
    const event = testEvent({ rsvp: { capacity: 20, maxPartySize: 1 } });
    const results = await Promise.all(Array.from({ length: 60 }, () => book(store, event, submission(), NOW)));
    expect(results.filter((r) => r.ok)).toHaveLength(20);
    expect(await seatsTaken(store, event.slug)).toBe(20);
  });
});

describe.each(storeKinds.filter((k) => k.name === 'PostgreSQL'))('the $name store with several events', ({ fresh }) => {
  it("lets one event's writes go on while another event's write holds its lock", async () => {
    const store = await fresh();
    const { release, done: first } = await holdLock(store, 'event:a');
    // Would wait for ever (and the test time out) if all events shared one lock.
    const other = await book(store, testEvent({ slug: 'other-event' }), submission({ event: 'other-event' }), NOW);
    expect(other.ok).toBe(true);
    release();
    await first;
  });
});
