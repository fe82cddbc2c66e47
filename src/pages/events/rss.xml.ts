/** /events/rss.xml: every event, latest start first, each with its time (or sessions) in Beijing time and where it happens. */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { site } from '../../site';
import { rssResponse } from '../../lib/rss';
import { sessionsSummary } from '../../lib/sessions';
import { locationText } from '../../lib/calendar';
import { exampleNotice, exampleTitle } from '../../lib/unconfirmed';

const statusNote = { scheduled: '', postponed: '【已延期】', cancelled: '【已取消】' } as const;

export const GET: APIRoute = async ({ site: origin }) => {
  const events = (await getCollection('events')).sort(
    (a, b) => Date.parse(b.data.startsAt) - Date.parse(a.data.startsAt) || a.id.localeCompare(b.id),
  );
  return rssResponse({
    title: `${site.shortName}科普活动`,
    description: `${site.name}的科普活动与报名信息。`,
    link: new URL('/events/', origin).href,
    self: new URL('/events/rss.xml', origin).href,
    items: events.map((e) => ({
      title: statusNote[e.data.status] + exampleTitle(e.data),
      link: new URL(`/events/${e.id}/`, origin).href,
      description: `${exampleNotice(e.data) ?? ''}${sessionsSummary(e.data.sessions)}（北京时间），${locationText(e.data)}。${e.data.summary}`,
      // An event has no publication date in content; its start is the date the item is about.
      pubDate: new Date(e.data.startsAt),
    })),
  });
};
