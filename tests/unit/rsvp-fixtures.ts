/**
 * Shared by the RSVP unit tests: events as plain objects (what content would hold), submissions, and a fresh
 * database file in a temp folder. Imports carry .ts so the concurrency test's worker threads can load this too.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BookableEvent } from '../../src/server/booking.ts';
import { NOTICE_VERSION } from '../../src/lib/rsvp/notice.ts';
import type { RsvpValues } from '../../src/lib/rsvp/validate.ts';

/** A fixed server clock for the tests. */
export const NOW = new Date('2031-03-01T10:00:00+08:00');

/** An event open for registration at NOW. */
export function testEvent(over: Partial<Omit<BookableEvent, 'rsvp'>> & { rsvp?: Partial<BookableEvent['rsvp']> } = {}): BookableEvent {
  const { rsvp, ...rest } = over;
  return {
    slug: 'family-day',
    startsAt: '2031-03-10T09:00:00+08:00',
    endsAt: '2031-03-10T11:30:00+08:00',
    status: 'scheduled',
    ...rest,
    rsvp: {
      opensAt: '2031-02-01T09:00:00+08:00',
      closesAt: '2031-03-09T18:00:00+08:00',
      capacity: 10,
      waitlist: false,
      maxPartySize: 4,
      fields: [],
      ...rsvp,
    },
  };
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
    consents: ['privacy'],
    notice: NOTICE_VERSION,
    ...over,
  };
}

/** A path for a database file that does not exist yet, in a folder that does not exist yet either. */
export function tempDbPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'sdcbb-rsvp-test-')), 'nested', 'rsvp.sqlite');
}
