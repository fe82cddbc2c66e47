/**
 * What the staff console does to registrations (src/server/console.ts): masked phones, counts per session,
 * search by code or phone digits, check-in with its five answers, and cancelling on someone's behalf, which moves
 * the waiting list as self-cancel does; on each store (tests/unit/stores.ts).
 */
import { describe, expect, it } from 'vitest';
import { book } from '../../src/server/booking';
import { cancelFor, checkIn, maskPhone, sessionBookings, sessionCounts } from '../../src/server/console';
import { codeOf, NOW, submission, testEvent, testSession } from './rsvp-fixtures';
import { storeKinds } from './stores';

describe('the staff console', () => {
  it('masks a phone as 139****0998', () => {
    expect(maskPhone('13912340998')).toBe('139****0998');
    expect(maskPhone('')).toBe('');
  });
});

describe.each(storeKinds)('the staff console on $name', ({ fresh }) => {
  it('finds, checks in, refuses the wrong session and the waiting, and cancels for someone', async () => {
    const db = await fresh();
    const event = testEvent({ sessions: [testSession('am', 10, '09:00', 2), testSession('pm', 10, '14:00', 2)], rsvp: { waitlist: true } });
    const a = codeOf(await book(db, event, submission({ session: 'am', phone: '13912340998' }), NOW));
    codeOf(await book(db, event, submission({ session: 'am' }), NOW));
    const waiting = codeOf(await book(db, event, submission({ session: 'am' }), NOW));
    const pm = codeOf(await book(db, event, submission({ session: 'pm' }), NOW));

    expect((await sessionCounts(db, event.slug)).get('am')).toEqual({ confirmed: 2, waitlisted: 1, checkedIn: 0 });
    expect((await sessionBookings(db, event.slug, 'am', '0998')).map((b) => b.code)).toEqual([a]);
    expect((await sessionBookings(db, event.slug, 'am', a.slice(0, 4).toLowerCase())).map((b) => b.code)).toContain(a);
    expect(await sessionBookings(db, event.slug, 'am')).toHaveLength(3);

    expect((await checkIn(db, event.slug, 'am', a.toLowerCase(), 'li.na', NOW)).result).toBe('checked-in');
    const again = await checkIn(db, event.slug, 'am', a, 'wang', new Date(NOW.getTime() + 60_000));
    expect(again).toMatchObject({ result: 'already', at: NOW.getTime(), by: 'li.na' });
    expect((await checkIn(db, event.slug, 'am', pm, 'li.na', NOW)).result).toBe('wrong-session');
    expect((await checkIn(db, event.slug, 'am', waiting, 'li.na', NOW)).result).toBe('waitlisted');
    expect((await checkIn(db, event.slug, 'am', 'ZZZZ2222', 'li.na', NOW)).result).toBe('not-found');
    expect((await checkIn(db, 'another-event', 'am', a, 'li.na', NOW)).result).toBe('not-found');
    expect((await sessionCounts(db, event.slug)).get('am')).toMatchObject({ checkedIn: 1 });

    const r = await cancelFor(db, a, event, NOW);
    expect(r.ok && r.promoted.map((p) => p.code)).toEqual([waiting]);
    expect((await checkIn(db, event.slug, 'am', a, 'li.na', NOW)).result).toBe('cancelled');
    expect(await cancelFor(db, a, event, NOW)).toEqual({ ok: false, reason: 'no-match' });
    expect((await sessionCounts(db, event.slug)).get('am')).toEqual({ confirmed: 2, waitlisted: 0, checkedIn: 0 });
  });
});
