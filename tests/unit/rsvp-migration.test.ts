/**
 * Databases made by earlier code keep working when today's openDb migrates them:
 * - one made before consents were recorded: its file is made here with the schema that code created
 *   (migrations[0], which never changes once shipped) and rows written the way that code wrote them. Bookings stay;
 *   exact ages and due dates, asked without the separate consent that sensitive information needs, go; each old
 *   row says it has the privacy consent and no recorded notice version;
 * - one made before sessions: tests/fixtures/rsvp-db-v3.sqlite, written by that version's own booking code
 *   (tests/fixtures/make-rsvp-db-v3.ts says how). Every booking stays as it was, in its event's one session
 *   `main`, with its waiting order; the rules of sessions and school groups then apply to it.
 * These are SQLite files, so this is SQLite's test alone: each file is opened as the server opens it (openDb, then the
 * store over that connection, src/server/store-sqlite.ts), through tests/unit/stores.ts's freshSqlite.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { NOTICE_VERSION } from '../../src/lib/rsvp/notice';
import { availability, book, cancel, findBooking, listBookings, seatsTaken, waitlistPosition } from '../../src/server/booking';
import { migrations } from '../../src/server/db';
import type { Store } from '../../src/server/store';
import { classBooking, NOW, schoolEvent, submission, tempDbPath, testEvent, testSession } from './rsvp-fixtures';
import { freshSqlite } from './stores';

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

/** Opens the file as the server does: migrated to today's schema (closed after the test). */
const reopen = (path: string): Promise<Store> => freshSqlite(path);

const columns = async (db: Store) => (await db.all<{ name: string }>('PRAGMA table_info(rsvps)')).map((c) => c.name);

describe('migrating a database made by the code before consent records', () => {
  it('keeps every booking, its status, seats and waiting order', async () => {
    const db = await reopen(oldDatabase());
    expect(await db.get('PRAGMA user_version')).toEqual({ user_version: migrations.length });
    expect((await listBookings(db, 'family-day')).map((b) => [b.code, b.status, b.name, b.phone, b.seats])).toEqual([
      ['AAAA2222', 'confirmed', '王芳', '13600000001', 3],
      ['BBBB3333', 'waitlisted', '刘洋', '13600000002', 1],
      ['CCCC4444', 'cancelled', '', '', 2],
    ]);
    expect(await seatsTaken(db, 'family-day')).toBe(3);
  });

  it('removes the exact ages and due dates, which had no separate consent, column and all', async () => {
    const db = await reopen(oldDatabase());
    expect(await columns(db)).not.toContain('child_ages');
    expect(await columns(db)).not.toContain('due_date');
    expect(await findBooking(db, 'AAAA2222')).toMatchObject({ childAgeBands: null, dueMonth: null });
    expect(await findBooking(db, 'BBBB3333')).toMatchObject({ childAgeBands: null, dueMonth: null });
  });

  it('records the privacy consent the old form required, at registration time, with no notice version', async () => {
    const db = await reopen(oldDatabase());
    expect(await findBooking(db, 'AAAA2222')).toMatchObject({ consents: ['privacy'], notice: null, consentedAt: CREATED, withdrawnAt: null });
    expect(await findBooking(db, 'CCCC4444')).toMatchObject({ consents: ['privacy'], notice: null, consentedAt: CREATED + 2 });
  });

  it('then takes new bookings with their consent record, and the old rules still hold', async () => {
    const path = oldDatabase();
    const event = testEvent({ rsvp: { fields: ['childAgeBands'] } });
    let db = await reopen(path);
    const v = submission({ seats: 2, childAgeBands: { kids3to6: 1 }, consents: ['privacy', 'childAgeBands'] });
    const r = await book(db, event, v, NOW);
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.booking).toMatchObject({ childAgeBands: { kids3to6: 1 }, consents: ['privacy', 'childAgeBands'], notice: NOTICE_VERSION });
    // One live registration per phone, as before.
    expect(await book(db, event, submission({ phone: '13600000001' }), NOW)).toEqual({ ok: false, reason: 'duplicate', perClass: false });
    expect((await cancel(db, 'AAAA2222', '13600000001', () => event, NOW)).ok).toBe(true);
    await db.close();
    // Opening again changes nothing more.
    db = await reopen(path);
    expect(await db.get('PRAGMA user_version')).toEqual({ user_version: migrations.length });
    expect(await listBookings(db, 'family-day')).toHaveLength(4);
  });
});

/** A copy of the file the code before sessions wrote (schema version 3), so the fixture itself stays as made. */
function v3Database(): string {
  const path = tempDbPath();
  mkdirSync(dirname(path), { recursive: true });
  copyFileSync('tests/fixtures/rsvp-db-v3.sqlite', path);
  return path;
}

/** The bookings of an event as [code, status, name, phone, seats, session], in registration order. */
const rows = async (db: Store, slug: string) =>
  (await listBookings(db, slug))
    .sort((a, b) => a.id - b.id)
    .map((b) => [b.code, b.status, b.name, b.phone, b.seats, b.session]);

describe('migrating a database made by the code before sessions (a file that code wrote)', () => {
  it('is the schema and content of that version before opening', async () => {
    const raw = new DatabaseSync(v3Database());
    expect(raw.prepare('PRAGMA user_version').get()).toEqual({ user_version: 3 });
    const fresh = new DatabaseSync(':memory:');
    for (const m of migrations.slice(0, 3)) fresh.exec(m);
    const cols = (d: DatabaseSync) => (d.prepare('PRAGMA table_info(rsvps)').all() as { name: string }[]).map((c) => c.name);
    expect(cols(raw)).toEqual(cols(fresh));
    expect(raw.prepare('SELECT COUNT(*) AS n FROM rsvps').get()).toEqual({ n: 8 });
    raw.close();
    fresh.close();
  });

  it('keeps every booking as it was, each in its event’s one session', async () => {
    const db = await reopen(v3Database());
    expect(await db.get('PRAGMA user_version')).toEqual({ user_version: migrations.length });
    expect(await rows(db, 'fx-family')).toEqual([
      ['7AVTFW83', 'confirmed', '李华', '13900000001', 4, 'main'],
      ['G9FU3BWH', 'cancelled', '', '', 2, 'main'],
      ['9W6AX9XK', 'waitlisted', '钱多', '13900000003', 3, 'main'],
      ['WZJ35X77', 'confirmed', '孙丽', '13900000004', 1, 'main'],
      ['5VXQ3WT6', 'waitlisted', '周正', '13900000005', 2, 'main'],
    ]);
    expect(await rows(db, 'fx-school')).toEqual([
      ['UBH7Y6HZ', 'confirmed', '吴老师', '13900000011', 45, 'main'],
      ['FADAD2WW', 'cancelled', '', '', 38, 'main'],
    ]);
    expect(await rows(db, 'fx-pregnancy')).toEqual([['CAQXW7S3', 'confirmed', '陈静', '13900000021', 2, 'main']]);
    // What each booking recorded stays: sensitive items with their consents, a withdrawal, the school and class.
    expect(await findBooking(db, '9W6AX9XK')).toMatchObject({ childAgeBands: { kids0to2: 1, kids7to11: 1 }, consents: ['privacy', 'childAgeBands'] });
    expect(await findBooking(db, '7AVTFW83')).toMatchObject({ childAgeBands: null, consents: ['privacy'], withdrawnAt: expect.any(Number) });
    expect(await findBooking(db, 'CAQXW7S3')).toMatchObject({ dueMonth: '2031-06', consents: ['privacy', 'dueMonth'], notice: expect.any(String) });
    expect(await findBooking(db, 'UBH7Y6HZ')).toMatchObject({ school: '济南市测试实验小学', className: '五年级二班', pupils: null, teachers: null, arrival: null });
    // Seats and the waiting line, per session.
    expect(await seatsTaken(db, 'fx-family')).toBe(5);
    expect(await waitlistPosition(db, (await findBooking(db, '9W6AX9XK'))!)).toBe(1);
    expect(await waitlistPosition(db, (await findBooking(db, '5VXQ3WT6'))!)).toBe(2);
  });

  it('then applies today’s rules to the old bookings: one per phone, promotion in order, per session', async () => {
    const db = await reopen(v3Database());
    const family = testEvent({ slug: 'fx-family', rsvp: { capacity: 6, waitlist: true, fields: ['childAgeBands'] } });
    expect((await availability(db, family)).get('main')).toEqual({ left: 1, waiting: 2 });
    expect(await book(db, family, submission({ event: 'fx-family', phone: '13900000004' }), NOW)).toEqual({ ok: false, reason: 'duplicate', perClass: false });
    // 李华's 4 seats free up: 钱多 (3) and 周正 (2) both fit now, in their order.
    const r = await cancel(db, '7AVTFW83', '13900000001', () => family, NOW);
    expect(r.ok && r.promoted.map((p) => p.code)).toEqual(['9W6AX9XK', '5VXQ3WT6']);
    expect(await seatsTaken(db, 'fx-family')).toBe(6);
  });

  it('an old school visit turned into a school group with sessions: its booking stays in `main`, one per class', async () => {
    const db = await reopen(v3Database());
    const main = testSession('main', 10, '09:00', 100);
    const event = schoolEvent({ slug: 'fx-school', sessions: [main, testSession('b', 10, '14:00', 100)] });
    expect((await availability(db, event)).get('main')).toEqual({ left: 55, waiting: 0 });
    const same = classBooking('b', 30, 2, { event: 'fx-school', phone: '13900000011', className: '五年级二班' });
    expect(await book(db, event, same, NOW)).toEqual({ ok: false, reason: 'duplicate', perClass: true });
    const other = classBooking('b', 30, 2, { event: 'fx-school', phone: '13900000011', className: '五年级三班' });
    expect(await book(db, event, other, NOW)).toMatchObject({ ok: true, booking: { session: 'b', seats: 32, pupils: 30, teachers: 2 } });
  });

  it('opening again changes nothing more', async () => {
    const path = v3Database();
    let db = await reopen(path);
    const before = await rows(db, 'fx-family');
    await db.close();
    db = await reopen(path);
    expect(await db.get('PRAGMA user_version')).toEqual({ user_version: migrations.length });
    expect(await rows(db, 'fx-family')).toEqual(before);
  });
});
