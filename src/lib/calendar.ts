/**
 * iCalendar (RFC 5545) files for events: one VEVENT per session (src/lib/sessions.ts), an event's in
 * `/events/<slug>.ics`, one session's in `/events/<slug>/<session>.ics` (the confirmation page links it), every
 * session not yet over in `/events/calendar.ics`. Pure: no Astro, no Node, so the build and the unit tests run the
 * same code.
 *
 * Times are written in UTC (`…Z`). Every calendar app converts UTC to the reader's zone, so a reader in China
 * sees Beijing time, and nobody depends on an app's copy of a VTIMEZONE block.
 */
import { exampleTitle, exampleNotice, type UnconfirmedMap } from './unconfirmed';
import { meetingPointNote } from './event-list';
import { sessionLabel, sessionPlace, type Session } from './sessions';

export type CalendarStatus = 'scheduled' | 'cancelled' | 'postponed';

/** One VEVENT, in the site's own terms. */
export interface CalendarEntry {
  /** Globally unique and stable across builds (e.g. `<slug>@<host>`), so a re-import updates instead of duplicating. */
  uid: string;
  summary: string;
  description?: string | undefined;
  /** ISO date-time with offset (content writes +08:00), or a Date. */
  startsAt: string | Date;
  endsAt: string | Date;
  location?: string | undefined;
  /** Absolute URL of the event's page. */
  url?: string | undefined;
  status: CalendarStatus;
}

export interface CalendarOptions {
  /** PRODID: who made the file. */
  prodId: string;
  /** Calendar name shown by apps that subscribe (X-WR-CALNAME). */
  name?: string | undefined;
  /** DTSTAMP: when this file was generated. */
  dtstamp: Date;
}

const CRLF = '\r\n';
/** RFC 5545 §3.1: lines SHOULD NOT be longer than 75 octets, excluding the line break. */
const MAX_OCTETS = 75;
const encoder = new TextEncoder();
const DAY_MS = 24 * 60 * 60 * 1000;

const toDate = (d: string | Date): Date => (d instanceof Date ? d : new Date(d));

/** 2027-05-30T09:30:00+08:00 → 20270530T013000Z */
export function toUtcStamp(d: string | Date): string {
  const date = toDate(d);
  if (Number.isNaN(date.getTime())) throw new Error(`不是有效的日期时间：${String(d)}`);
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/** Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma, and line breaks as `\n`. */
export function escapeText(s: string): string {
  return s.replace(/\r\n|\r|\n|[\\;,]/g, (c) => (c === '\\' ? '\\\\' : c === ';' ? '\\;' : c === ',' ? '\\,' : '\\n'));
}

/**
 * Folds one content line so no physical line exceeds 75 octets of UTF-8. Continuation lines start with one
 * space (which counts toward their 75). A multi-byte character is never split: Chinese text is 3 octets a
 * character, so cutting by characters or by JavaScript string length would break it.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (octets + size > MAX_OCTETS) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join(CRLF);
}

const statusValue: Record<CalendarStatus, string> = {
  scheduled: 'CONFIRMED',
  // RFC 5545 has no "postponed": the date is no longer firm, which is what TENTATIVE says.
  postponed: 'TENTATIVE',
  cancelled: 'CANCELLED',
};

/** Shown before the title, so a change is visible in the calendar grid and not only in the details. */
const summaryPrefix: Record<CalendarStatus, string> = { scheduled: '', postponed: '【已延期】', cancelled: '【已取消】' };

function eventLines(e: CalendarEntry, dtstamp: string): string[] {
  const start = toDate(e.startsAt);
  const end = toDate(e.endsAt);
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(e.uid)}`,
    `DTSTAMP:${dtstamp}`,
    `DTSTART:${toUtcStamp(start)}`,
    `DTEND:${toUtcStamp(end)}`,
    `SUMMARY:${escapeText(summaryPrefix[e.status] + e.summary)}`,
  ];
  if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
  if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
  // URL is a URI value, not TEXT: it is not escaped.
  if (e.url) lines.push(`URL:${e.url}`);
  lines.push(`STATUS:${statusValue[e.status]}`);
  // A season-long activity (e.g. school visits over a school year) must not mark the reader busy for months.
  if (end.getTime() - start.getTime() > DAY_MS) lines.push('TRANSP:TRANSPARENT');
  lines.push('END:VEVENT');
  return lines;
}

/** A complete VCALENDAR document, CRLF line breaks, folded, ending with CRLF. */
export function renderCalendar(entries: readonly CalendarEntry[], opts: CalendarOptions): string {
  const dtstamp = toUtcStamp(opts.dtstamp);
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${opts.prodId}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  if (opts.name) lines.push(`X-WR-CALNAME:${escapeText(opts.name)}`);
  for (const e of entries) lines.push(...eventLines(e, dtstamp));
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** The fields of an event's content that a calendar entry needs (structurally the events collection's data). */
export interface CalendarEventData {
  title: string;
  summary: string;
  startsAt: string;
  endsAt: string;
  /** Every session, in order (one for an event written with startsAt/endsAt). */
  sessions: readonly Pick<Session, 'id' | 'startsAt' | 'endsAt' | 'note'>[];
  status: CalendarStatus;
  venue?: { name: string; address?: string | undefined; city: string } | undefined;
  online?: { platform: string; url?: string | undefined } | undefined;
  /** Only whether it exists matters here (it decides how the meeting point is announced). */
  rsvp?: unknown;
  /** Values not yet confirmed: an example's SUMMARY starts with 【示例】. */
  unconfirmed?: UnconfirmedMap | undefined;
}

/** Where, as one line of text for LOCATION. */
export function locationText(e: Pick<CalendarEventData, 'venue' | 'online'>): string {
  if (e.venue) return [e.venue.name, e.venue.city, e.venue.address].filter(Boolean).join('，');
  if (e.online) return `线上：${e.online.platform}${e.online.url ? ` ${e.online.url}` : ''}`;
  return '';
}

/**
 * Maps an event to its calendar entries, one per session (or only the session `only`). `pageUrl` is the event page's
 * absolute URL; its host makes the UIDs (a one-session event keeps the UID it had before sessions existed). The
 * description repeats the time in Beijing time in words, because some apps show only the local zone.
 */
export function calendarEntriesFor(slug: string, e: CalendarEventData, pageUrl: string, only?: string): CalendarEntry[] {
  const host = new URL(pageUrl).host;
  const note = e.status === 'cancelled' ? '本活动已取消。' : e.status === 'postponed' ? '本活动已延期，新时间另行通知。' : '';
  const several = e.sessions.length > 1;
  return e.sessions.flatMap((s, i) => {
    if (only !== undefined && s.id !== only) return [];
    const description = [
      exampleNotice(e) ?? '',
      note + e.summary,
      `时间：${sessionLabel(s)}（北京时间）${several ? `，第${i + 1}场，共${e.sessions.length}场` : ''}`,
      meetingPointNote(e) ?? '',
      `详情：${pageUrl}`,
    ]
      .filter(Boolean)
      .join('\n');
    return [
      {
        uid: several ? `event-${slug}-${s.id}@${host}` : `event-${slug}@${host}`,
        summary: exampleTitle(e),
        description,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        location: e.venue ? sessionPlace(e.venue, s) : locationText(e),
        url: pageUrl,
        status: e.status,
      },
    ];
  });
}

/** Headers for a calendar file served from an endpoint (the static server sets the type from `.ics` too). */
export const calendarHeaders = (filename: string): Record<string, string> => ({
  'Content-Type': 'text/calendar; charset=utf-8',
  'Content-Disposition': `attachment; filename="${filename}"`,
});
