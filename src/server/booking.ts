/**
 * The booking rules, enforced on every submission whatever the page showed (DESIGN §7):
 * - the event's content decides: sessions and their capacity, registration window, waiting list, party size;
 * - capacity, closing time and waiting list are per session (src/lib/sessions.ts); capacity counts seats, not
 *   forms (a school group's pupils plus teachers);
 * - a booking's check and write happen in one transaction holding the event's write lock (src/server/store.ts:
 *   SQLite's BEGIN IMMEDIATE, PostgreSQL's advisory lock per event), so concurrent submissions cannot overbook,
 *   whichever sessions they are for and whichever server process takes them; a refusal is answered from a plain
 *   read first (decide()), since it writes nothing;
 * - the same idempotency token books once;
 * - one phone holds one live registration per event; at a school-group event, one per class (school and class),
 *   so a lead teacher may book several classes from one phone;
 * - a session that is full or closed names the event's other sessions the party still fits in;
 * - a cancellation frees seats and promotes its session's waiting list in order of registration, each party that fits.
 */
// Imports name their .ts files so that plain Node 22 (type stripping) can load this module too: the
// concurrency test runs it in worker threads, outside Vite.
import { registrationState, sessionState, type EventTiming, type RegistrationState } from '../lib/events.ts';
import type { RsvpStatus } from '../lib/rsvp/outcome.ts';
import type { ChildBands, Consent, ExtraField, RsvpRules, RsvpValues } from '../lib/rsvp/validate.ts';
import { newCode } from './codes.ts';
import { scopes, type Sql, type Store } from './store.ts';
import { SINGLE_SESSION } from '../lib/sessions.ts';

/** A session as the booking rules need it (src/lib/sessions.ts: Session, with its capacity). */
export interface BookableSession {
  id: string;
  startsAt: string;
  endsAt: string;
  closesAt: string;
  capacity: number;
  note?: string | undefined;
}

/** An event as the booking rules need it: its timing, its sessions and its `rsvp` block from content. */
export interface BookableEvent extends EventTiming {
  slug: string;
  sessions: readonly BookableSession[];
  rsvp: {
    opensAt: string;
    closesAt: string;
    waitlist: boolean;
    maxPartySize: number;
    fields: readonly ExtraField[];
    /** A school-group event (content's rsvp.schoolGroup). */
    schoolGroup?: { pupilsPerTeacher: number } | undefined;
  };
}

/** Another session of the event that a refused party still fits in, with its seats left. */
export interface Alternative {
  id: string;
  left: number;
}

/**
 * A stored registration: the validated form (without its idempotency token) and what the server adds.
 * `notice` is null and `consentedAt` the registration time for rows from before consents were recorded.
 */
export interface Booking extends Omit<RsvpValues, 'token' | 'notice' | 'safety'> {
  /** A school group: when the lead teacher acknowledged the safety notice (the registration time). */
  safetyAckAt: number | null;
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
  /** The chosen session takes no more registrations (it has started, or closed), or is not the event's. */
  | { ok: false; reason: 'session-closed'; state: RegistrationState; others: Alternative[] }
  /** The phone already holds a live registration (at a school-group event: for the same class). */
  | { ok: false; reason: 'duplicate'; perClass: boolean }
  | { ok: false; reason: 'full'; others: Alternative[] }
  | { ok: false; reason: 'too-many-seats'; left: number; others: Alternative[] };

export type CancelResult =
  | { ok: true; booking: Booking; promoted: Booking[] }
  | { ok: false; reason: 'no-match' };

/** What the form may ask of this event: never more seats in one party than its largest session has. */
export function rulesFor(event: BookableEvent): RsvpRules {
  return {
    maxSeats: Math.min(event.rsvp.maxPartySize, Math.max(...event.sessions.map((s) => s.capacity))),
    fields: event.rsvp.fields,
    sessions: event.sessions.map(({ id, startsAt }) => ({ id, startsAt })),
    pupilsPerTeacher: event.rsvp.schoolGroup?.pupilsPerTeacher,
  };
}

/** The class a school-group booking is for, as one key: school and class with their spaces taken out. */
export const classKey = (school: string, className: string): string => `${school}\n${className}`.replace(/ /g, '');

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
  session: string;
  pupils: number | null;
  teachers: number | null;
  arrival: string | null;
  prep_note: string | null;
  safety_ack_at: number | null;
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
  session: r.session,
  pupils: r.pupils === null ? null : Number(r.pupils),
  teachers: r.teachers === null ? null : Number(r.teachers),
  arrival: r.arrival,
  prepNote: r.prep_note,
  safetyAckAt: r.safety_ack_at === null ? null : Number(r.safety_ack_at),
  status: r.status,
  createdAt: Number(r.created_at),
  promotedAt: r.promoted_at === null ? null : Number(r.promoted_at),
  cancelledAt: r.cancelled_at === null ? null : Number(r.cancelled_at),
});

/** The rules' SQL, run by both stores (src/server/store.ts): `?` parameters, nothing either database lacks. */
const SQL = {
  byToken: 'SELECT * FROM rsvps WHERE event = ? AND token = ?',
  byCode: 'SELECT * FROM rsvps WHERE code = ?',
  eventOf: 'SELECT event FROM rsvps WHERE code = ?',
  codeExists: 'SELECT 1 AS x FROM rsvps WHERE code = ?',
  liveByPhone: "SELECT 1 AS x FROM rsvps WHERE event = ? AND phone = ? AND status <> 'cancelled'",
  liveByPhoneClass: "SELECT 1 AS x FROM rsvps WHERE event = ? AND phone = ? AND group_key = ? AND status <> 'cancelled'",
  taken: "SELECT COALESCE(SUM(seats), 0) AS n FROM rsvps WHERE event = ? AND session = ? AND status = 'confirmed'",
  perSession: `SELECT session, COALESCE(SUM(CASE WHEN status = 'confirmed' THEN seats END), 0) AS taken,
                      COUNT(CASE WHEN status = 'waitlisted' THEN 1 END) AS waiting
               FROM rsvps WHERE event = ? AND status <> 'cancelled' GROUP BY session`,
  waiting: "SELECT * FROM rsvps WHERE event = ? AND session = ? AND status = 'waitlisted' ORDER BY id",
  position: "SELECT COUNT(*) AS n FROM rsvps WHERE event = ? AND session = ? AND status = 'waitlisted' AND id <= ?",
  promote: "UPDATE rsvps SET status = 'confirmed', promoted_at = ? WHERE id = ? AND status = 'waitlisted'",
  // Personal data goes at once (privacy policy); code, session and seats stay for the seat count and the export,
  // and the consent record (which consents, notice version, time: nothing personal once the rest is gone).
  cancel: `UPDATE rsvps SET status = 'cancelled', cancelled_at = ?, name = '', phone = '',
             child_age_bands = NULL, school = NULL, class_name = NULL, due_month = NULL, prep_note = NULL, group_key = ''
           WHERE id = ?`,
  // Withdrawal of the sensitive consents (PIPL art. 15): the items go at once, the booking and its seats stay.
  withdraw: `UPDATE rsvps SET child_age_bands = NULL, due_month = NULL, consents = 'privacy', withdrawn_at = ?
             WHERE id = ?`,
  // Keeps the purge date right when an event's end moved in content after earlier bookings.
  endsAt: 'UPDATE rsvps SET event_ends_at = ? WHERE event = ? AND event_ends_at <> ?',
  insert: `INSERT INTO rsvps (event, session, code, token, name, phone, seats, pupils, teachers, arrival, prep_note,
                              safety_ack_at, group_key, child_age_bands, school, class_name, due_month,
                              consents, notice_version, consented_at, status, created_at, event_ends_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           RETURNING *`,
  all: `SELECT * FROM rsvps WHERE event = ?
        ORDER BY CASE status WHEN 'confirmed' THEN 0 WHEN 'waitlisted' THEN 1 ELSE 2 END, id`,
} as const;

/** Seats held by confirmed registrations of one session (the only one, `main`, unless the event lists several). */
export async function seatsTaken(db: Sql, slug: string, session: string = SINGLE_SESSION): Promise<number> {
  return Number((await db.get<{ n: number }>(SQL.taken, [slug, session]))!.n);
}

/** Per session: seats still free and how many parties wait. */
export async function availability(db: Sql, event: BookableEvent): Promise<Map<string, { left: number; waiting: number }>> {
  const rows = await db.all<{ session: string; taken: number; waiting: number }>(SQL.perSession, [event.slug]);
  const by = new Map(rows.map((r) => [r.session, r]));
  return new Map(
    event.sessions.map((s) => {
      const r = by.get(s.id);
      return [s.id, { left: Math.max(0, s.capacity - Number(r?.taken ?? 0)), waiting: Number(r?.waiting ?? 0) }];
    }),
  );
}

export async function findBooking(db: Sql, code: string): Promise<Booking | undefined> {
  const row = await db.get<Row>(SQL.byCode, [code]);
  return row && toBooking(row);
}

export async function findByToken(db: Sql, slug: string, token: string): Promise<Booking | undefined> {
  const row = await db.get<Row>(SQL.byToken, [slug, token]);
  return row && toBooking(row);
}

/** 1 for the first party in its session's line. */
export async function waitlistPosition(db: Sql, b: Pick<Booking, 'event' | 'session' | 'id'>): Promise<number> {
  return Number((await db.get<{ n: number }>(SQL.position, [b.event, b.session, b.id]))!.n);
}

/** Moves a session's waiting parties to confirmed, oldest first, each one whose seats fit in what is free. */
async function promoteWithinLock(tx: Sql, event: BookableEvent, session: BookableSession, now: Date): Promise<Booking[]> {
  const state = sessionState(event, session, now);
  if (state === 'ended' || state === 'cancelled') return [];
  let left = session.capacity - (await seatsTaken(tx, event.slug, session.id));
  const promoted: Booking[] = [];
  for (const row of await tx.all<Row>(SQL.waiting, [event.slug, session.id])) {
    if (left <= 0) break;
    if (row.seats > left) continue;
    await tx.run(SQL.promote, [now.getTime(), row.id]);
    left -= row.seats;
    promoted.push({ ...toBooking(row), status: 'confirmed', promotedAt: now.getTime() });
  }
  return promoted;
}

/** Promotes every session's waiting list now (e.g. after staff raised a capacity in content). */
export function promote(store: Store, event: BookableEvent, now: Date = new Date()): Promise<Booking[]> {
  return store.write(scopes.event(event.slug), async (tx) => {
    const promoted: Booking[] = [];
    for (const session of event.sessions) promoted.push(...(await promoteWithinLock(tx, event, session, now)));
    return promoted;
  });
}

/** The event's other sessions still open whose free seats take `seats`, in order: what a refusal offers instead. */
async function othersWithRoom(tx: Sql, event: BookableEvent, except: string, seats: number, now: Date): Promise<Alternative[]> {
  const others: Alternative[] = [];
  for (const s of event.sessions) {
    if (s.id === except || sessionState(event, s, now) !== 'open') continue;
    const left = s.capacity - (await seatsTaken(tx, event.slug, s.id));
    if (left >= seats) others.push({ id: s.id, left });
  }
  return others;
}

/**
 * The booking rules' verdict on a submission, read from `db`: an answer (a replay or a refusal), or the status a new
 * booking gets. `moveWaitlist`: under the lock, promote those waiting first (capacity may have grown in content since
 * the last cancellation); outside it nothing is written, and a refusal read there stands (promotion only takes seats).
 */
async function decide(
  db: Sql,
  event: BookableEvent,
  v: RsvpValues,
  groupKey: string,
  now: Date,
  moveWaitlist: boolean,
): Promise<{ answer: BookResult } | { session: BookableSession; status: RsvpStatus }> {
  const prior = await db.get<Row>(SQL.byToken, [event.slug, v.token]);
  if (prior) return { answer: { ok: true, booking: toBooking(prior), replay: true } };

  const state = registrationState(event, now);
  if (state !== 'open') return { answer: { ok: false, reason: 'closed', state } };
  const session = event.sessions.find((x) => x.id === v.session);
  const sState = session ? sessionState(event, session, now) : 'closed';
  if (!session || sState !== 'open')
    return { answer: { ok: false, reason: 'session-closed', state: sState, others: await othersWithRoom(db, event, v.session, v.seats, now) } };
  const group = event.rsvp.schoolGroup;
  const live = group ? await db.get(SQL.liveByPhoneClass, [event.slug, v.phone, groupKey]) : await db.get(SQL.liveByPhone, [event.slug, v.phone]);
  if (live) return { answer: { ok: false, reason: 'duplicate', perClass: Boolean(group) } };

  if (moveWaitlist) await promoteWithinLock(db, event, session, now);
  const left = session.capacity - (await seatsTaken(db, event.slug, session.id));
  if (v.seats <= left) return { session, status: 'confirmed' };
  // A party larger than the whole session would wait for ever: it is told what is left, as without a list.
  if (event.rsvp.waitlist && v.seats <= session.capacity) return { session, status: 'waitlisted' };
  const others = await othersWithRoom(db, event, session.id, v.seats, now);
  return { answer: left > 0 ? { ok: false, reason: 'too-many-seats', left, others } : { ok: false, reason: 'full', others } };
}

/** Registers a validated submission, or says why not. */
export async function book(store: Store, event: BookableEvent, v: RsvpValues, now: Date = new Date()): Promise<BookResult> {
  const { maxSeats } = rulesFor(event);
  if (v.event !== event.slug) throw new Error(`submission for ${v.event} booked against ${event.slug}`);
  if (!(Number.isInteger(v.seats) && v.seats >= 1 && v.seats <= maxSeats)) throw new RangeError(`seats ${v.seats}`);
  // The validator already refused these; whatever the caller, no sensitive item is stored without its consent.
  if (!v.consents.includes('privacy')) throw new Error('no consent to the privacy notice');
  if (v.dueMonth !== null && !v.consents.includes('dueMonth')) throw new Error('due month without its consent');
  if (v.childAgeBands !== null && !v.consents.includes('childAgeBands')) throw new Error('age bands without their consent');
  const group = event.rsvp.schoolGroup;
  if (group && !(v.pupils && v.teachers && v.pupils + v.teachers === v.seats && v.school && v.className && v.safety))
    throw new Error('school group booking without pupils, teachers, class or the safety notice');
  const groupKey = group ? classKey(v.school!, v.className!) : '';
  // A refusal (or a replay) is true of the moment it was read and needs no lock: answered from a plain read, the late
  // submissions of a rush for a full session do not queue behind the bookings. Only a booking takes the lock, and
  // decides again under it, with the waiting list moved first.
  const early = await decide(store, event, v, groupKey, now, false);
  if ('answer' in early) return early.answer;
  return store.write(scopes.event(event.slug), async (tx): Promise<BookResult> => {
    const d = await decide(tx, event, v, groupKey, now, true);
    if ('answer' in d) return d.answer;
    const { session, status } = d;
    let code = newCode();
    while (await tx.get(SQL.codeExists, [code])) code = newCode();
    const endsAt = Date.parse(event.endsAt);
    await tx.run(SQL.endsAt, [endsAt, event.slug, endsAt]);
    const t = now.getTime();
    const row = await tx.get<Row>(SQL.insert, [
      event.slug,
      session.id,
      code,
      v.token,
      v.name,
      v.phone,
      v.seats,
      v.pupils,
      v.teachers,
      v.arrival,
      v.prepNote,
      group ? t : null,
      groupKey,
      v.childAgeBands && JSON.stringify(v.childAgeBands),
      v.school,
      v.className,
      v.dueMonth,
      v.consents.join(','),
      v.notice,
      t,
      status,
      t,
      endsAt,
    ]);
    return { ok: true, booking: toBooking(row!), replay: false };
  });
}

/**
 * Cancels the registration with this code if the phone matches. A wrong phone, an unknown code and an already
 * cancelled one get the same answer, so the form cannot be used to learn which codes exist.
 */
export async function cancel(
  store: Store,
  code: string,
  phone: string,
  eventFor: (slug: string) => Promise<BookableEvent | undefined> | BookableEvent | undefined,
  now: Date = new Date(),
): Promise<CancelResult> {
  // A registration's event never changes: read it, and the event's content, first (no lock is held while content
  // is read); then hold that event's lock and read the row again.
  const found = await store.get<{ event: string }>(SQL.eventOf, [code]);
  if (!found) return { ok: false, reason: 'no-match' };
  const event = await eventFor(found.event);
  return store.write(scopes.event(found.event), async (tx): Promise<CancelResult> => {
    const row = await tx.get<Row>(SQL.byCode, [code]);
    if (!row || row.status === 'cancelled' || row.phone !== phone) return { ok: false, reason: 'no-match' };
    await tx.run(SQL.cancel, [now.getTime(), row.id]);
    const session = event?.sessions.find((x) => x.id === row.session);
    const promoted = row.status === 'confirmed' && event && session ? await promoteWithinLock(tx, event, session, now) : [];
    return { ok: true, booking: toBooking((await tx.get<Row>(SQL.byCode, [code]))!), promoted };
  });
}

export type WithdrawResult =
  | { ok: true; booking: Booking; /** false when it held no sensitive item */ withdrew: boolean }
  | { ok: false; reason: 'no-match' };

/**
 * Withdraws the consents to sensitive items of the registration with this code, if the phone matches, and
 * deletes those items (PIPL art. 15, 47); the registration keeps its seats. Answers like `cancel` otherwise.
 */
export async function withdrawSensitive(store: Store, code: string, phone: string, now: Date = new Date()): Promise<WithdrawResult> {
  const found = await store.get<{ event: string }>(SQL.eventOf, [code]);
  if (!found) return { ok: false, reason: 'no-match' };
  return store.write(scopes.event(found.event), async (tx): Promise<WithdrawResult> => {
    const row = await tx.get<Row>(SQL.byCode, [code]);
    if (!row || row.status === 'cancelled' || row.phone !== phone) return { ok: false, reason: 'no-match' };
    const withdrew = row.consents.split(',').some((c) => c !== 'privacy');
    if (withdrew) await tx.run(SQL.withdraw, [now.getTime(), row.id]);
    return { ok: true, booking: toBooking((await tx.get<Row>(SQL.byCode, [code]))!), withdrew };
  });
}

/** Every registration of an event for the staff export: confirmed, then waiting (in line order), then cancelled. */
export async function listBookings(db: Sql, slug: string): Promise<Booking[]> {
  return (await db.all<Row>(SQL.all, [slug])).map(toBooking);
}
