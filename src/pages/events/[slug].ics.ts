/** /events/<slug>.ics: one event as an iCalendar file, a VEVENT per session, built for every event (past ones too). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection, type CollectionEntry } from 'astro:content';
import { site } from '../../site';
import { calendarEntriesFor, calendarHeaders, renderCalendar } from '../../lib/calendar';

export const getStaticPaths = (async () => {
  const events = await getCollection('events');
  return events.map((event) => ({ params: { slug: event.id }, props: { event } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site: origin }) => {
  const { event } = props as { event: CollectionEntry<'events'> };
  const pageUrl = new URL(`/events/${event.id}/`, origin).href;
  const body = renderCalendar(calendarEntriesFor(event.id, event.data, pageUrl), {
    prodId: `-//${site.name}//活动//ZH`,
    dtstamp: new Date(),
  });
  return new Response(body, { headers: calendarHeaders(`${event.id}.ics`) });
};
