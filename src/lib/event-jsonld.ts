/**
 * schema.org Event for an event page. Pure. Times keep their +08:00 offset as written in content, so search
 * engines show Beijing time. No `offers`: the content does not say whether an event is free, and we do not guess.
 */
import type { CalendarEventData } from './calendar';

export interface EventJsonLdInput extends CalendarEventData {
  /** Absolute URL of the event page. */
  url: string;
  organizer: { name: string; url: string };
}

const statusUrl = {
  scheduled: 'https://schema.org/EventScheduled',
  cancelled: 'https://schema.org/EventCancelled',
  postponed: 'https://schema.org/EventPostponed',
} as const;

export function eventJsonLd(e: EventJsonLdInput) {
  const location = e.venue
    ? {
        '@type': 'Place',
        name: e.venue.name,
        address: {
          '@type': 'PostalAddress',
          addressLocality: e.venue.city,
          addressRegion: '山东省',
          addressCountry: 'CN',
          ...(e.venue.address ? { streetAddress: e.venue.address } : {}),
        },
      }
    : {
        '@type': 'VirtualLocation',
        name: e.online?.platform,
        ...(e.online?.url ? { url: e.online.url } : {}),
      };
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: e.title,
    description: e.summary,
    startDate: e.startsAt,
    endDate: e.endsAt,
    eventStatus: statusUrl[e.status],
    eventAttendanceMode: e.venue
      ? 'https://schema.org/OfflineEventAttendanceMode'
      : 'https://schema.org/OnlineEventAttendanceMode',
    location,
    organizer: { '@type': 'Organization', name: e.organizer.name, url: e.organizer.url },
    url: e.url,
    inLanguage: 'zh-CN',
  };
}
