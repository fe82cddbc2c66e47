/**
 * /events/<slug>/<session>.ics: one session of an event with several, as an iCalendar file. The confirmation page
 * links the booked session's, so a calendar gets the one visit and not every date of a school year.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection, type CollectionEntry } from 'astro:content';
import { site } from '../../../site';
import { calendarEntriesFor, calendarHeaders, renderCalendar } from '../../../lib/calendar';

export const getStaticPaths = (async () => {
  const events = await getCollection('events', (e) => e.data.sessions.length > 1);
  return events.flatMap((event) => event.data.sessions.map((s) => ({ params: { slug: event.id, session: s.id }, props: { event } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, params, site: origin }) => {
  const { event } = props as { event: CollectionEntry<'events'> };
  const pageUrl = new URL(`/events/${event.id}/`, origin).href;
  const body = renderCalendar(calendarEntriesFor(event.id, event.data, pageUrl, params.session), {
    prodId: `-//${site.name}//活动//ZH`,
    dtstamp: new Date(),
  });
  return new Response(body, { headers: calendarHeaders(`${event.id}-${params.session}.ics`) });
};
