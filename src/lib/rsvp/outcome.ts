/**
 * What the RSVP actions answer, shared by the server (which builds it), the no-JS page (which renders it with
 * the right HTTP status) and the island (which renders it in place). Pure types and small helpers.
 */
import type { CancelField, FieldErrors, RsvpField } from './validate';

/** confirmed: the seats are held. waitlisted: on the event's waiting list, promoted in order of registration. */
export type RsvpStatus = 'confirmed' | 'waitlisted';

/** Why a submission was refused; the page shows a link to the cancel page for `duplicate`. */
export type RefusalReason =
  | 'invalid' // a field is wrong: see errors
  | 'duplicate' // this phone already holds a registration for the event (school groups: for this class)
  | 'full' // no seat left in the chosen session and no waiting list
  | 'session-closed' // the chosen session takes no more registrations (it has started or closed)
  | 'too-many-seats' // fewer seats left than asked for, and no waiting list
  | 'closed' // the event does not take registrations now (not yet open, closed, ended, cancelled, postponed)
  | 'not-found' // no such event, or it takes no registrations
  | 'rate-limited'
  | 'rejected'; // the form was not sent by our page (honeypot filled, hidden fields missing)

export interface Refusal<F extends string> {
  ok: false;
  /** Status the no-JS page answers with (400, 403, 404, 409, 429). */
  httpStatus: number;
  reason: RefusalReason;
  /** A message per field, shown beside it and in the error summary. */
  errors: FieldErrors<F>;
  /** A message that belongs to no single field, shown in the error summary. */
  message?: string;
  /** The event's other sessions that still have room for the party, offered under the session's error. */
  alternatives?: { id: string; label: string }[];
}

/** Success: the code to show. `cancelled` only when an old form is sent again after its booking was cancelled. */
export type RsvpOutcome = { ok: true; event: string; code: string; status: RsvpStatus | 'cancelled' } | Refusal<RsvpField>;

/** `withdrawn`: only the sensitive items were deleted (the registration stays); otherwise it was cancelled. */
export type CancelOutcome = { ok: true; code: string; withdrawn?: true } | Refusal<CancelField>;

/** Where a successful registration lands (POST/Redirect/GET); the phone number never goes into a URL. */
export function doneUrl(event: string, code: string): string {
  return `/events/${event}/rsvp/done/?code=${encodeURIComponent(code)}`;
}

export const CANCEL_PATH = '/rsvp/cancel/';
