/**
 * The one place that decides what an event offers at a given moment. Used by the static event pages (at build
 * time and, through data attributes, by their small script), by the RSVP page and by the server on every
 * submission, so the three can never disagree. Pure: no Astro, no Node.
 */
export interface EventTiming {
  startsAt: string;
  endsAt: string;
  status: 'scheduled' | 'cancelled' | 'postponed';
  rsvp?: { opensAt: string; closesAt: string } | undefined;
}

/** What a reader may do now. */
export type RegistrationState =
  | 'none' // the event takes no registrations
  | 'not-yet-open'
  | 'open'
  | 'closed' // registration closed, event not yet over
  | 'ended' // the event is over
  | 'cancelled'
  | 'postponed';

export function hasEnded(e: Pick<EventTiming, 'endsAt'>, now: Date = new Date()): boolean {
  return now.getTime() >= Date.parse(e.endsAt);
}

export function registrationState(e: EventTiming, now: Date = new Date()): RegistrationState {
  if (e.status === 'cancelled') return 'cancelled';
  if (hasEnded(e, now)) return 'ended';
  if (e.status === 'postponed') return 'postponed';
  if (!e.rsvp) return 'none';
  const t = now.getTime();
  if (t < Date.parse(e.rsvp.opensAt)) return 'not-yet-open';
  if (t >= Date.parse(e.rsvp.closesAt)) return 'closed';
  return 'open';
}

/**
 * The state of one session of an event (src/lib/sessions.ts): the event's state, except that while the event's
 * registration is open a session stops taking people at its own closing time (by default when it starts), and is
 * over once it has ended. Every session of a cancelled or postponed event shares its state.
 */
export function sessionState(
  e: EventTiming,
  s: { closesAt: string; endsAt: string },
  now: Date = new Date(),
): RegistrationState {
  const state = registrationState(e, now);
  if (state !== 'open' && state !== 'closed' && state !== 'not-yet-open') return state;
  if (hasEnded(s, now)) return 'ended';
  return state === 'open' && now.getTime() >= Date.parse(s.closesAt) ? 'closed' : state;
}

/** Reader-facing wording of each state. */
export const registrationLabel: Record<RegistrationState, string> = {
  none: '本活动无需报名',
  'not-yet-open': '报名尚未开始',
  open: '正在报名',
  closed: '报名已截止',
  ended: '活动已结束',
  cancelled: '活动已取消',
  postponed: '活动已延期，新时间另行通知',
};

/**
 * The data attributes an event element carries for the script that re-checks its state in the reader's browser
 * (components/EventStateScript.astro): written once so a listing card and an event page can never differ.
 */
export function eventStateAttributes(e: EventTiming, state: RegistrationState): Record<string, string | undefined> {
  return {
    'data-event': '',
    'data-starts-at': e.startsAt,
    'data-ends-at': e.endsAt,
    'data-status': e.status,
    'data-opens-at': e.rsvp?.opensAt,
    'data-closes-at': e.rsvp?.closesAt,
    'data-state': state,
  };
}
