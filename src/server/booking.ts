/**
 * The booking rules, enforced on every submission whatever the page showed (DESIGN §7):
 * - the event's content decides: capacity, registration window, waiting list, party size;
 * - capacity counts seats, not forms;
 * - the check and the write happen in one BEGIN IMMEDIATE transaction, so concurrent submissions cannot overbook;
 * - the same idempotency token books once; one phone holds one live registration per event;
 * - a cancellation frees seats and promotes the waiting list in order of registration, each party that fits.
 */
// Imports name their .ts files so that plain Node 22 (type stripping) can load this module too: the
// concurrency test runs it in worker threads, outside Vite.
import { registrationState, type EventTiming, type RegistrationState } from '../lib/events.ts';
import type { RsvpStatus } from '../lib/rsvp/outcome.ts';
import type { ChildBands, Consent, ExtraField, RsvpRules, RsvpValues } from '../lib/rsvp/validate.ts';
import { newCode } from './codes.ts';
import { immediate, type Db } from './db.ts';

/** An event as the booking rules need it: its timing and its `rsvp` block from content. */
export interface BookableEvent extends EventTiming {
  slug: string;
  rsvp: {
    opensAt: string;
    closesAt: string;
    capacity: number;
    waitlist: boolean;
    maxPartySize: number;
    fields: readonly ExtraField[];
  };
}

/**
 * A stored registration: the validated form (without its idempotency token) and what the server adds.
 * `notice` is null and `consentedAt` the registration time for rows from before consents were recorded.
 */
export interface Booking extends Omit<RsvpValues, 'token' | 'notice'> {
  notice: string | null;
  consentedAt: number | null;
  /** When the registrant withdrew the consents to sensitive items (and so they were deleted); the booking stays. */
  withdrawnAt: number | null;
  id: number;
  code: string;
  status: RsvpStatus | 'cancelled';
  createdAt: number;
  promotedAt: number | null;
  cancelledAt: number | null;
}

export type BookResult =
  | { ok: true; booking: Booking; /** true when the token had already booked: nothing new was written */ replay: boolean }
  | { ok: false; reason: 'closed'; state: RegistrationState }
  | { ok: false; reason: 'duplicate' }
  | { ok: false; reason: 'full' }
  | { ok: false; reason: 'too-many-seats'; left: number };

export type CancelResult =
  | { ok: true; booking: Booking; promoted: Booking[] }
  | { ok: false; reason: 'no-match' };

/** What the form may ask of this event: never more seats in one party than the event has. */
export function rulesFor(event: BookableEvent): RsvpRules {
  return { maxSeats: Math.min(event.rsvp.maxPartySize, event.rsvp.capacity), fields: event.rsvp.fields };
}

interface Row {
  id: number;
  event: string;
  code: string;
  token: string;
  name: string;
  phone: string;
  seats: number;
  child_age_bands: string | null;
  school: string | null;
  class_name: string | null;
  due_month: string | null;
  consents: string;
  notice_version: string | null;
  consented_at: number | null;
  withdrawn_at: number | null;
  status: Booking['status'];
  created_at: number;
  promoted_at: number | null;
  cancelled_at: number | null;
}

const toBooking = (r: Row): Booking => ({
  id: Number(r.id),
  event: r.event,
  code: r.code,
  name: r.name,
  phone: r.phone,
  seats: Number(r.seats),
  childAgeBands: r.child_age_bands ? (JSON.parse(r.child_age_bands) as ChildBands) : null,
  school: r.school,
  className: r.class_name,
  dueMonth: r.due_month,
  consents: r.consents ? (r.consents.split(',') as Consent[]) : [],
  notice: r.notice_version,
  consentedAt: r.consented_at === null ? null : Number(r.consented_at),
  withdrawnAt: r.withdrawn_at === null ? null : Number(r.withdrawn_at),
  status: r.status,
  createdAt: Number(r.created_at),
  promotedAt: r.promoted_at === null ? null : Number(r.promoted_at),
  cancelledAt: r.cancelled_at === null ? null : Number(r.cancelled_at),
});

/** Prepared statements, one set per connection (preparing costs more than running these queries). */
function statements(db: Db) {
  const p = (sql: string) => db.prepare(sql);
  return {
    byToken: p('SELECT * FROM rsvps WHERE event = ? AND token = ?'),
    byCode: p('SELECT * FROM rsvps WHERE code = ?'),
    codeExists: p('SELECT 1 FROM rsvps WHERE code = ?'),
    liveByPhone: p("SELECT 1 FROM rsvps WHERE event = ? AND phone = ? AND status <> 'cancelled'"),
    taken: p("SELECT COALESCE(SUM(seats), 0) AS n FROM rsvps WHERE event = ? AND status = 'confirmed'"),
    waiting: p("SELECT * FROM rsvps WHERE event = ? AND status = 'waitlisted' ORDER BY id"),
    waitingCount: p("SELECT COUNT(*) AS n, COALESCE(SUM(seats), 0) AS seats FROM rsvps WHERE event = ? AND status = 'waitlisted'"),
    position: p("SELECT COUNT(*) AS n FROM rsvps WHERE event = ? AND status = 'waitlisted' AND id <= ?"),
    promote: p("UPDATE rsvps SET status = 'confirmed', promoted_at = ? WHERE id = ? AND status = 'waitlisted'"),
    // Personal data goes at once (privacy policy); code and seats stay for the seat count and the export, and the
    // consent record (which consents, notice version, time: nothing personal once the rest is gone).
    cancel: p(`UPDATE rsvps SET status = 'cancelled', cancelled_at = ?, name = '', phone = '',
                 child_age_bands = NULL, school = NULL, class_name = NULL, due_month = NULL
               WHERE id = ?`),
    // Withdrawal of the sensitive consents (PIPL art. 15): the items go at once, the booking and its seats stay.
    withdraw: p(`UPDATE rsvps SET child_age_bands = NULL, due_month = NULL, consents = 'privacy', withdrawn_at = ?
                 WHERE id = ?`),
    // Keeps the purge date right when an event's end moved in content after earlier bookings.
    endsAt: p('UPDATE rsvps SET event_ends_at = ? WHERE event = ? AND event_ends_at <> ?'),
    insert: p(`INSERT INTO rsvps (event, code, token, name, phone, seats, child_age_bands, school, class_name, due_month,
                                  consents, notice_version, consented_at, status, created_at, event_ends_at)
               VALUES (:event, :code, :token, :name, :phone, :seats, :childAgeBands, :school, :className, :dueMonth,
                       :consents, :notice, :createdAt, :status, :createdAt, :endsAt)
               RETURNING *`),
    all: p(`SELECT * FROM rsvps WHERE event = ?
            ORDER BY CASE status WHEN 'confirmed' THEN 0 WHEN 'waitlisted' THEN 1 ELSE 2 END, id`),
  };
}
const cache = new WeakMap<Db, ReturnType<typeof statements>>();
function q(db: Db) {
  let s = cache.get(db);
  if (!s) cache.set(db, (s = statements(db)));
  return s;
}

/** Seats held by confirmed registrations. */
export function seatsTaken(db: Db, slug: string): number {
  return Number((q(db).taken.get(slug) as { n: number }).n);
}

/** Seats still free, and how many parties wait. */
export function availability(db: Db, event: BookableEvent): { left: number; waiting: number } {
  const w = q(db).waitingCount.get(event.slug) as { n: number };
  return { left: Math.max(0, event.rsvp.capacity - seatsTaken(db, event.slug)), waiting: Number(w.n) };
}

export function findBooking(db: Db, code: string): Booking | undefined {
  const row = q(db).byCode.get(code) as Row | undefined;
  return row && toBooking(row);
}

export function findByToken(db: Db, slug: string, token: string): Booking | undefined {
  const row = q(db).byToken.get(slug, token) as Row | undefined;
  return row && toBooking(row);
}

/** 1 for the first party in line. */
export function waitlistPosition(db: Db, b: Pick<Booking, 'event' | 'id'>): number {
  return Number((q(db).position.get(b.event, b.id) as { n: number }).n);
}

/** Moves waiting parties to confirmed, oldest first, each one whose seats fit in what is free. */
function promoteWithinLock(db: Db, event: BookableEvent, now: Date): Booking[] {
  const state = registrationState(event, now);
  if (state === 'ended' || state === 'cancelled') return [];
  const s = q(db);
  let left = event.rsvp.capacity - seatsTaken(db, event.slug);
  const promoted: Booking[] = [];
  for (const row of s.waiting.all(event.slug) as unknown as Row[]) {
    if (left <= 0) break;
    if (row.seats > left) continue;
    s.promote.run(now.getTime(), row.id);
    left -= row.seats;
    promoted.push({ ...toBooking(row), status: 'confirmed', promotedAt: now.getTime() });
  }
  return promoted;
}

/** Promotes the waiting list now (e.g. after staff raised the capacity in content). */
export function promote(db: Db, event: BookableEvent, now: Date = new Date()): Booking[] {
  return immediate(db, () => promoteWithinLock(db, event, now));
}

/** Registers a validated submission, or says why not. */
export function book(db: Db, event: BookableEvent, v: RsvpValues, now: Date = new Date()): BookResult {
  const { maxSeats } = rulesFor(event);
  if (v.event !== event.slug) throw new Error(`submission for ${v.event} booked against ${event.slug}`);
  if (!(Number.isInteger(v.seats) && v.seats >= 1 && v.seats <= maxSeats)) throw new RangeError(`seats ${v.seats}`);
  // The validator already refused these; whatever the caller, no sensitive item is stored without its consent.
  if (!v.consents.includes('privacy')) throw new Error('no consent to the privacy notice');
  if (v.dueMonth !== null && !v.consents.includes('dueMonth')) throw new Error('due month without its consent');
  if (v.childAgeBands !== null && !v.consents.includes('childAgeBands')) throw new Error('age bands without their consent');
  const s = q(db);
  return immediate(db, (): BookResult => {
    const prior = s.byToken.get(event.slug, v.token) as Row | undefined;
    if (prior) return { ok: true, booking: toBooking(prior), replay: true };

    const state = registrationState(event, now);
    if (state !== 'open') return { ok: false, reason: 'closed', state };
    if (s.liveByPhone.get(event.slug, v.phone)) return { ok: false, reason: 'duplicate' };

    // Capacity may have grown in content since the last cancellation: those waiting go first.
    promoteWithinLock(db, event, now);
    const left = event.rsvp.capacity - seatsTaken(db, event.slug);
    let status: RsvpStatus;
    if (v.seats <= left) status = 'confirmed';
    else if (event.rsvp.waitlist) status = 'waitlisted';
    else if (left > 0) return { ok: false, reason: 'too-many-seats', left };
    else return { ok: false, reason: 'full' };

    let code = newCode();
    while (s.codeExists.get(code)) code = newCode();
    const endsAt = Date.parse(event.endsAt);
    s.endsAt.run(endsAt, event.slug, endsAt);
    const row = s.insert.get({
      event: event.slug,
      code,
      token: v.token,
      name: v.name,
      phone: v.phone,
      seats: v.seats,
      childAgeBands: v.childAgeBands && JSON.stringify(v.childAgeBands),
      school: v.school,
      className: v.className,
      dueMonth: v.dueMonth,
      consents: v.consents.join(','),
      notice: v.notice,
      status,
      createdAt: now.getTime(),
      endsAt,
    }) as unknown as Row;
    return { ok: true, booking: toBooking(row), replay: false };
  });
}

/**
 * Cancels the registration with this code if the phone matches. A wrong phone, an unknown code and an already
 * cancelled one get the same answer, so the form cannot be used to learn which codes exist.
 */
export function cancel(
  db: Db,
  code: string,
  phone: string,
  eventFor: (slug: string) => BookableEvent | undefined,
  now: Date = new Date(),
): CancelResult {
  const s = q(db);
  return immediate(db, (): CancelResult => {
    const row = s.byCode.get(code) as Row | undefined;
    if (!row || row.status === 'cancelled' || row.phone !== phone) return { ok: false, reason: 'no-match' };
    s.cancel.run(now.getTime(), row.id);
    const event = eventFor(row.event);
    const promoted = row.status === 'confirmed' && event ? promoteWithinLock(db, event, now) : [];
    return { ok: true, booking: toBooking(s.byCode.get(code) as unknown as Row), promoted };
  });
}

export type WithdrawResult =
  | { ok: true; booking: Booking; /** false when it held no sensitive item */ withdrew: boolean }
  | { ok: false; reason: 'no-match' };

/**
 * Withdraws the consents to sensitive items of the registration with this code, if the phone matches, and
 * deletes those items (PIPL art. 15, 47); the registration keeps its seats. Answers like `cancel` otherwise.
 */
export function withdrawSensitive(db: Db, code: string, phone: string, now: Date = new Date()): WithdrawResult {
  const s = q(db);
  return immediate(db, (): WithdrawResult => {
    const row = s.byCode.get(code) as Row | undefined;
    if (!row || row.status === 'cancelled' || row.phone !== phone) return { ok: false, reason: 'no-match' };
    const withdrew = row.consents.split(',').some((c) => c !== 'privacy');
    if (withdrew) s.withdraw.run(now.getTime(), row.id);
    return { ok: true, booking: toBooking(s.byCode.get(code) as unknown as Row), withdrew };
  });
}

/** Every registration of an event for the staff export: confirmed, then waiting (in line order), then cancelled. */
export function listBookings(db: Db, slug: string): Booking[] {
  return (q(db).all.all(slug) as unknown as Row[]).map(toBooking);
}
