/**
 * How the events listing is put together: which events are upcoming and which are past at a given moment,
 * in which order, and which ones a given audience sees. Pure: the build uses it, and its rule for "ended" is
 * hasEnded() from ./events, the same one the page script and the RSVP server apply.
 */
import type { audiences } from '../content.config';
import { hasEnded, type EventTiming } from './events';

/** Who an event is for: one of the values the events schema allows. */
export type Audience = (typeof audiences)[number];

/**
 * URL segment of each audience's filtered listing (/events/audience/<slug>/). ASCII so links survive being
 * copied into chat apps; typed against the schema, so a new audience without a slug fails the type check.
 * The order here is the order of the filter links.
 */
export const audienceSlugs: Record<Audience, string> = {
  公众: 'public',
  准父母: 'expectant-parents',
  家庭: 'families',
  儿童: 'children',
  学生: 'students',
  教师: 'teachers',
  患者家庭: 'patient-families',
};

export function audienceFromSlug(slug: string): Audience | undefined {
  return (Object.keys(audienceSlugs) as Audience[]).find((a) => audienceSlugs[a] === slug);
}

/** The parts of an events collection entry the listing needs (a CollectionEntry<'events'> fits). */
export interface ListedEvent {
  id: string;
  data: EventTiming & { audience: readonly Audience[] };
}

const startOf = (e: ListedEvent) => Date.parse(e.data.startsAt);
const endOf = (e: ListedEvent) => Date.parse(e.data.endsAt);

/**
 * Upcoming: not yet ended at `now` (including one under way), soonest start first.
 * Past: ended at `now`, the most recently ended first (a season-long activity that just closed sits on top,
 * where the page script also puts an event that ends after the build). Cancelled and postponed events stay in the list their
 * dates put them in, so a reader who saw one announced can find out what became of it.
 */
export function groupByTime<T extends ListedEvent>(events: readonly T[], now: Date): { upcoming: T[]; past: T[] } {
  const upcoming: T[] = [];
  const past: T[] = [];
  for (const e of events) (hasEnded(e.data, now) ? past : upcoming).push(e);
  // Ties broken by id so the order never depends on the order files were read in.
  upcoming.sort((a, b) => startOf(a) - startOf(b) || a.id.localeCompare(b.id));
  past.sort((a, b) => endOf(b) - endOf(a) || startOf(b) - startOf(a) || a.id.localeCompare(b.id));
  return { upcoming, past };
}

/** Events meant for this audience. */
export function filterByAudience<T extends ListedEvent>(events: readonly T[], audience: Audience): T[] {
  return events.filter((e) => e.data.audience.includes(audience));
}

/** Audiences that at least one event is for, in the order of `audienceSlugs` (no link leads to an empty page). */
export function audiencesOf(events: readonly ListedEvent[]): Audience[] {
  const present = new Set(events.flatMap((e) => e.data.audience));
  return (Object.keys(audienceSlugs) as Audience[]).filter((a) => present.has(a));
}

/**
 * What the page says where the content gives a venue but no street address: the bank has not published one,
 * so the exact meeting point is told with the registration confirmation (or in the bank's own notice).
 */
export function meetingPointNote(e: {
  venue?: { address?: string | undefined } | undefined;
  rsvp?: unknown;
}): string | undefined {
  if (!e.venue || e.venue.address) return undefined;
  return e.rsvp ? '具体集合地点随报名确认另行告知。' : '具体地点以本库发布的活动通知为准。';
}
