/**
 * A database made before consents were recorded keeps working: its file is made here with the schema that code
 * created (migrations[0], which never changes once shipped) and rows written the way that code wrote them, then
 * opened with today's openDb. Bookings stay; exact ages and due dates, asked without the separate consent that
 * sensitive information needs, go; each old row says it has the privacy consent and no recorded notice version.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { NOTICE_VERSION } from '../../src/lib/rsvp/notice';
import { book, cancel, findBooking, listBookings, seatsTaken } from '../../src/server/booking';
import { migrations, openDb, type Db } from '../../src/server/db';
import { NOW, submission, tempDbPath, testEvent } from './rsvp-fixtures';

const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) if (db.isOpen) db.close();
});

const CREATED = NOW.getTime() - 86_400_000;
const ENDS = Date.parse(testEvent().endsAt);

/** A file as the code before this change left it: schema version 1 and three bookings. */
function oldDatabase(): string {
  const path = tempDbPath();
  mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec(migrations[0]!);
  db.exec('PRAGMA user_version = 1');
  const insert = db.prepare(`INSERT INTO rsvps (event, code, token, name, phone, seats, child_ages, school, class_name, due_date,
                                                status, created_at, event_ends_at)
                             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  insert.run('family-day', 'AAAA2222', 'old-token-000000001', '王芳', '13600000001', 3, '6,3', null, null, null, 'confirmed', CREATED, ENDS);
  insert.run('family-day', 'BBBB3333', 'old-token-000000002', '刘洋', '13600000002', 1, null, null, null, '2031-05-20', 'waitlisted', CREATED + 1, ENDS);
  insert.run('family-day', 'CCCC4444', 'old-token-000000003', '', '', 2, null, null, null, null, 'cancelled', CREATED + 2, ENDS);
  db.close();
  return path;
}

function reopen(path: string): Db {
  const db = openDb(path);
  open.push(db);
  return db;
}

const columns = (db: Db) => (db.prepare('PRAGMA table_info(rsvps)').all() as { name: string }[]).map((c) => c.name);

describe('migrating a database made by the code before consent records', () => {
  it('keeps every booking, its status, seats and waiting order', () => {
    const db = reopen(oldDatabase());
    expect(db.prepare('PRAGMA user_version').get()).toEqual({ user_version: migrations.length });
    expect(listBookings(db, 'family-day').map((b) => [b.code, b.status, b.name, b.phone, b.seats])).toEqual([
      ['AAAA2222', 'confirmed', '王芳', '13600000001', 3],
      ['BBBB3333', 'waitlisted', '刘洋', '13600000002', 1],
      ['CCCC4444', 'cancelled', '', '', 2],
    ]);
    expect(seatsTaken(db, 'family-day')).toBe(3);
  });

  it('removes the exact ages and due dates, which had no separate consent, column and all', () => {
    const db = reopen(oldDatabase());
    expect(columns(db)).not.toContain('child_ages');
    expect(columns(db)).not.toContain('due_date');
    expect(findBooking(db, 'AAAA2222')).toMatchObject({ childAgeBands: null, dueMonth: null });
    expect(findBooking(db, 'BBBB3333')).toMatchObject({ childAgeBands: null, dueMonth: null });
  });

  it('records the privacy consent the old form required, at registration time, with no notice version', () => {
    const db = reopen(oldDatabase());
    expect(findBooking(db, 'AAAA2222')).toMatchObject({ consents: ['privacy'], notice: null, consentedAt: CREATED, withdrawnAt: null });
    expect(findBooking(db, 'CCCC4444')).toMatchObject({ consents: ['privacy'], notice: null, consentedAt: CREATED + 2 });
  });

  it('then takes new bookings with their consent record, and the old rules still hold', () => {
    const path = oldDatabase();
    const event = testEvent({ rsvp: { fields: ['childAgeBands'] } });
    let db = reopen(path);
    const v = submission({ seats: 2, childAgeBands: { kids3to6: 1 }, consents: ['privacy', 'childAgeBands'] });
    const r = book(db, event, v, NOW);
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.booking).toMatchObject({ childAgeBands: { kids3to6: 1 }, consents: ['privacy', 'childAgeBands'], notice: NOTICE_VERSION });
    // One live registration per phone, as before.
    expect(book(db, event, submission({ phone: '13600000001' }), NOW)).toEqual({ ok: false, reason: 'duplicate' });
    expect(cancel(db, 'AAAA2222', '13600000001', () => event, NOW).ok).toBe(true);
    db.close();
    // Opening again changes nothing more.
    db = reopen(path);
    expect(db.prepare('PRAGMA user_version').get()).toEqual({ user_version: migrations.length });
    expect(listBookings(db, 'family-day')).toHaveLength(4);
  });
});
