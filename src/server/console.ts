/**
 * What the staff console (/admin/) does to registrations, apart from the pages: counts per session, one session's
 * list searched by code or the last four phone digits, masked phones, check-in at the door and cancelling on
 * someone's behalf (the same cancel() as the public form, so the waiting list moves the same way). Every function
 * takes the database and the clock, so unit tests run them without a server.
 */
import { cancel, findBooking, listBookings, type BookableEvent, type Booking, type CancelResult } from './booking.ts';
import { scopes, type Sql, type Store } from './store.ts';

/** 13900000998 → 139****0998. */
export const maskPhone = (phone: string): string => (/^\d{11}$/.test(phone) ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone ? '****' : '');

export interface SessionCounts {
  /** Seats held by confirmed registrations. */
  confirmed: number;
  /** Registrations waiting. */
  waitlisted: number;
  /** Seats of confirmed registrations checked in. */
  checkedIn: number;
}

/** Counts per session id of one event. */
export async function sessionCounts(db: Sql, slug: string): Promise<Map<string, SessionCounts>> {
  const rows = await db.all<{ session: string; confirmed: number; waitlisted: number; checked_in: number }>(
    `SELECT session,
            COALESCE(SUM(CASE WHEN status = 'confirmed' THEN seats END), 0) AS confirmed,
            COUNT(CASE WHEN status = 'waitlisted' THEN 1 END) AS waitlisted,
            COALESCE(SUM(CASE WHEN status = 'confirmed' AND checked_in_at IS NOT NULL THEN seats END), 0) AS checked_in
     FROM rsvps WHERE event = ? GROUP BY session`,
    [slug],
  );
  return new Map(rows.map((r) => [r.session, { confirmed: Number(r.confirmed), waitlisted: Number(r.waitlisted), checkedIn: Number(r.checked_in) }]));
}

export interface ConsoleBooking extends Booking {
  checkedInAt: number | null;
  checkedInBy: string | null;
}

async function checkins(db: Sql, slug: string): Promise<Map<string, { at: number; by: string | null }>> {
  const rows = await db.all<{ code: string; checked_in_at: number; checked_in_by: string | null }>(
    'SELECT code, checked_in_at, checked_in_by FROM rsvps WHERE event = ? AND checked_in_at IS NOT NULL',
    [slug],
  );
  return new Map(rows.map((r) => [r.code, { at: Number(r.checked_in_at), by: r.checked_in_by }]));
}

/** Every registration of an event with its check-in, in the export's order. */
export async function consoleBookings(db: Sql, slug: string): Promise<ConsoleBooking[]> {
  const c = await checkins(db, slug);
  return (await listBookings(db, slug)).map((b) => ({ ...b, checkedInAt: c.get(b.code)?.at ?? null, checkedInBy: c.get(b.code)?.by ?? null }));
}

/**
 * One session's registrations, optionally narrowed by a search: a confirmation code (any case, part of one) or
 * the last four digits of a phone number.
 */
export async function sessionBookings(db: Sql, slug: string, session: string, query = ''): Promise<ConsoleBooking[]> {
  const all = (await consoleBookings(db, slug)).filter((b) => b.session === session);
  const q = query.trim().toUpperCase().replace(/\s+/g, '');
  if (!q) return all;
  // Four digits are a phone's last four, or part of a code (codes have digits too).
  return all.filter((b) => b.code.includes(q) || (/^\d{4}$/.test(q) && b.phone.endsWith(q)));
}

export type CheckIn =
  | { result: 'checked-in'; booking: ConsoleBooking }
  | { result: 'already'; booking: ConsoleBooking; at: number; by: string | null }
  | { result: 'cancelled'; booking: ConsoleBooking }
  | { result: 'waitlisted'; booking: ConsoleBooking }
  | { result: 'wrong-session'; booking: ConsoleBooking }
  | { result: 'not-found' };

/** Checks in the registration with this code at this event and session, once. */
export function checkIn(store: Store, slug: string, session: string, code: string, staff: string, now: Date = new Date()): Promise<CheckIn> {
  const wanted = code.trim().toUpperCase().replace(/\s+/g, '');
  return store.write(scopes.event(slug), async (tx): Promise<CheckIn> => {
    const b = wanted ? await findBooking(tx, wanted) : undefined;
    if (!b || b.event !== slug) return { result: 'not-found' };
    const row = (await tx.get<{ checked_in_at: number | null; checked_in_by: string | null }>(
      'SELECT checked_in_at, checked_in_by FROM rsvps WHERE code = ?',
      [b.code],
    ))!;
    const booking: ConsoleBooking = {
      ...b,
      checkedInAt: row.checked_in_at === null ? null : Number(row.checked_in_at),
      checkedInBy: row.checked_in_by,
    };
    if (b.session !== session) return { result: 'wrong-session', booking };
    if (b.status === 'cancelled') return { result: 'cancelled', booking };
    if (b.status === 'waitlisted') return { result: 'waitlisted', booking };
    if (booking.checkedInAt !== null) return { result: 'already', booking, at: booking.checkedInAt, by: booking.checkedInBy };
    await tx.run('UPDATE rsvps SET checked_in_at = ?, checked_in_by = ? WHERE code = ?', [now.getTime(), staff, b.code]);
    return { result: 'checked-in', booking: { ...booking, checkedInAt: now.getTime(), checkedInBy: staff } };
  });
}

/** Cancels on the registrant's behalf (they phoned): the same cancellation as theirs, waiting list included. */
export async function cancelFor(store: Store, code: string, event: BookableEvent | undefined, now: Date = new Date()): Promise<CancelResult> {
  const b = await findBooking(store, code);
  if (!b || b.status === 'cancelled') return { ok: false, reason: 'no-match' };
  return cancel(store, b.code, b.phone, (slug) => (slug === event?.slug ? event : undefined), now);
}
