/**
 * /events/calendar.ics: every event not yet ended at build time, for subscribing. Cancelled and postponed ones
 * stay in it with their status, so a subscriber's calendar shows the change instead of silently losing the entry.
 */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { site } from '../../site';
import { calendarEntryFor, calendarHeaders, renderCalendar } from '../../lib/calendar';
import { groupByTime } from '../../lib/event-list';

export const GET: APIRoute = async ({ site: origin }) => {
  const now = new Date();
  const { upcoming } = groupByTime(await getCollection('events'), now);
  const body = renderCalendar(
    upcoming.map((e) => calendarEntryFor(e.id, e.data, new URL(`/events/${e.id}/`, origin).href)),
    { prodId: `-//${site.name}//活动//ZH`, name: `${site.shortName}活动`, dtstamp: now },
  );
  return new Response(body, { headers: calendarHeaders('calendar.ics') });
};
