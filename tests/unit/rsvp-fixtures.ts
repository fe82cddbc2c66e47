/**
 * Shared by the RSVP unit tests: events as plain objects (what content would hold, sessions included), submissions,
 * and a fresh database file in a temp folder. Imports carry .ts so the concurrency test's worker threads can load this too.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BookableEvent, BookableSession, BookResult } from '../../src/server/booking.ts';
import { NOTICE_VERSION } from '../../src/lib/rsvp/notice.ts';
import type { RsvpForm, RsvpValues } from '../../src/lib/rsvp/validate.ts';

/** A fixed server clock for the tests. */
export const NOW = new Date('2031-03-01T10:00:00+08:00');

/** What a test changes of an event: `rsvp.capacity` gives a one-session event its seats, as content writes it. */
export type EventOver = Partial<Omit<BookableEvent, 'rsvp'>> & { rsvp?: Partial<BookableEvent['rsvp']> & { capacity?: number } };

/** An event open for registration at NOW, with one session (`main`) unless `sessions` are given. */
export function testEvent(over: EventOver = {}): BookableEvent {
  const { rsvp: { capacity = 10, ...rsvp } = {}, sessions, ...rest } = over;
  const event = {
    slug: 'family-day',
    startsAt: '2031-03-10T09:00:00+08:00',
    endsAt: '2031-03-10T11:30:00+08:00',
    status: 'scheduled' as const,
    ...rest,
    rsvp: {
      opensAt: '2031-02-01T09:00:00+08:00',
      closesAt: '2031-03-09T18:00:00+08:00',
      waitlist: false,
      maxPartySize: 4,
      fields: [],
      ...rsvp,
    },
  };
  return { ...event, sessions: sessions ?? [{ id: 'main', startsAt: event.startsAt, endsAt: event.endsAt, closesAt: event.rsvp.closesAt, capacity }] };
}

/** A session of a multi-session test event on day `day` of March 2031 at hh:mm (Beijing), 90 minutes long. */
export function testSession(id: string, day: number, hhmm: string, capacity: number): BookableSession {
  const startsAt = `2031-03-${String(day).padStart(2, '0')}T${hhmm}:00+08:00`;
  const endsAt = new Date(Date.parse(startsAt) + 90 * 60_000).toISOString();
  return { id, startsAt, endsAt, closesAt: startsAt, capacity };
}

/**
 * A school-group event open at NOW: three sessions (two of 100 seats, one small of 30), 1 teacher per 20 pupils.
 */
export function schoolEvent(over: EventOver = {}): BookableEvent {
  const sessions = over.sessions ?? [testSession('a', 10, '09:00', 100), testSession('b', 10, '14:00', 100), testSession('small', 11, '09:00', 30)];
  return testEvent({
    slug: 'class-visit',
    startsAt: sessions[0]!.startsAt,
    endsAt: sessions.at(-1)!.endsAt,
    sessions,
    ...over,
    rsvp: { maxPartySize: 60, fields: ['school', 'className'], schoolGroup: { pupilsPerTeacher: 20 }, ...over.rsvp },
  });
}

let n = 0;
/** A valid submission; each call gets its own token and phone unless given. */
export function submission(over: Partial<RsvpValues> = {}): RsvpValues {
  n += 1;
  return {
    event: 'family-day',
    token: `token-${process.pid}-${n}-${Math.random().toString(36).slice(2)}`,
    name: '王小明',
    phone: `139${String(n).padStart(8, '0')}`,
    seats: 1,
    childAgeBands: null,
    school: null,
    className: null,
    dueMonth: null,
    session: 'main',
    pupils: null,
    teachers: null,
    arrival: null,
    prepNote: null,
    safety: false,
    consents: ['privacy'],
    notice: NOTICE_VERSION,
    ...over,
  };
}

/** The confirmation code of a booking the test expects to succeed; a refusal fails the test, saying why. */
export function codeOf(r: BookResult): string {
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r)}`);
  return r.booking.code;
}

/** A path for a database file that does not exist yet, in a folder that does not exist yet either. */
export function tempDbPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'sdcbb-rsvp-test-')), 'nested', 'rsvp.sqlite');
}

/** A valid school-group submission for `class-visit`: a class of `pupils` with `teachers`, arriving 30 minutes early. */
export function classBooking(session: string, pupils: number, teachers: number, over: Partial<RsvpValues> = {}): RsvpValues {
  return submission({
    event: 'class-visit',
    session,
    seats: pupils + teachers,
    pupils,
    teachers,
    school: '济南市测试实验小学',
    className: `五年级${Math.random().toString(36).slice(2, 6)}班`,
    arrival: '08:30',
    safety: true,
    ...over,
  });
}

/** A school group's form fields as the lead teacher posts them: a class of 40 pupils and 2 teachers, arriving 08:30. */
export function classFields(session: string): Partial<RsvpForm> {
  return {
    name: '李老师',
    seats: '',
    session,
    school: '济南市历下区实验小学',
    className: '五年级二班',
    pupils: '40',
    teachers: '2',
    arrival: '08:30',
    safety: 'yes',
  };
}
