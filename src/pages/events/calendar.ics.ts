/**
 * /events/calendar.ics: every session not yet ended at build time, for subscribing. Cancelled and postponed events
 * stay in it with their status, so a subscriber's calendar shows the change instead of silently losing the entry.
 */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { site } from '../../site';
import { calendarEntriesFor, calendarHeaders, renderCalendar } from '../../lib/calendar';
import { groupByTime } from '../../lib/event-list';
import { hasEnded } from '../../lib/events';

export const GET: APIRoute = async ({ site: origin }) => {
  const now = new Date();
  const { upcoming } = groupByTime(await getCollection('events'), now);
  const body = renderCalendar(
    upcoming.flatMap((e) =>
      calendarEntriesFor(e.id, e.data, new URL(`/events/${e.id}/`, origin).href).filter((c) => !hasEnded({ endsAt: String(c.endsAt) }, now)),
    ),
    { prodId: `-//${site.name}//活动//ZH`, name: `${site.shortName}活动`, dtstamp: now },
  );
  return new Response(body, { headers: calendarHeaders('calendar.ics') });
};
