/**
 * schema.org Event for an event page: one per session, each with its own time and place (the venue with the
 * session's note), as search engines ask for an event held on several dates. Pure. Times keep their +08:00 offset
 * as written in content, so search engines show Beijing time. No `offers`: the content does not say whether an
 * event is free, and we do not guess. Pages give none for an example event (src/lib/unconfirmed.ts).
 */
import type { CalendarEventData } from './calendar';
import { sessionLabel } from './sessions';

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
  const several = e.sessions.length > 1;
  return e.sessions.map((s) => sessionJsonLd(e, s, several));
}

function sessionJsonLd(e: EventJsonLdInput, s: EventJsonLdInput['sessions'][number], several: boolean) {
  const location = e.venue
    ? {
        '@type': 'Place',
        name: s.note ? `${e.venue.name}（${s.note}）` : e.venue.name,
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
    name: several ? `${e.title}（${sessionLabel(s)}）` : e.title,
    description: e.summary,
    startDate: s.startsAt,
    endDate: s.endsAt,
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
