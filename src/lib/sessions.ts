/**
 * Sessions: the dated slots of an event (DESIGN §5, §7). A school visit over a school year is one event with a
 * session per visiting slot; a family day may run a morning and an afternoon. Capacity, the closing time and the
 * waiting list are per session; the event's own start and end are its first session's start and its last
 * session's end.
 *
 * An event file writes either form:
 *   startsAt / endsAt at the top level (and `rsvp.capacity`): one session, as simple as before sessions existed;
 *   `sessions:` a list of { id, startsAt, endsAt, capacity, closesAt?, note? }, in time order, none overlapping.
 * The content schema checks a file with `sessionProblems` and turns either form into `sessionsOf`'s list.
 * Pure: runs in the build, the server and (labels only) the browser. Imports name their .ts files so that plain
 * Node 22 can load this module (the concurrency test's workers, the load benchmark).
 */
import { formatDate, formatDateWithWeekday, formatRange, formatTime, isoDate } from './dates.ts';

/** The id of the one session of an event written without `sessions:`; also what bookings made before sessions
 *  existed belong to (src/server/db.ts, migration 4). An event turned into a list keeps them by naming a session `main`. */
export const SINGLE_SESSION = 'main';

/** A session as the site uses it, whichever form the file wrote. */
export interface Session {
  /** Stable id within the event: the registration form and every booking refer to it. */
  id: string;
  /** Start and end, in Beijing time with +08:00. */
  startsAt: string;
  endsAt: string;
  /**
   * When registration for this session closes: the event's `rsvp.closesAt`, or for a session of a list its own
   * `closesAt` (default: its start) if that is earlier. Without registration, its end.
   */
  closesAt: string;
  /** Seats (pupils and teachers for a school group); set whenever the event takes registrations. */
  capacity?: number | undefined;
  /** Where in the venue, or anything else about this session only (e.g. 二楼报告厅). */
  note?: string | undefined;
}

/** A session as a file writes it in `sessions:`. */
export interface WrittenSession {
  id: string;
  startsAt: string;
  endsAt: string;
  capacity?: number | undefined;
  closesAt?: string | undefined;
  note?: string | undefined;
}

/** The parts of an event file that decide its sessions, as written (before the schema fills anything in). */
export interface WrittenEvent {
  startsAt?: string | undefined;
  endsAt?: string | undefined;
  sessions?: readonly WrittenSession[] | undefined;
  rsvp?: { capacity?: number | undefined; opensAt: string; closesAt: string } | undefined;
}

export interface Problem {
  /** Field path in the file, e.g. ['sessions', 1, 'startsAt']. */
  path: (string | number)[];
  message: string;
}

const t = Date.parse;
const earlier = (a: string, b: string) => (t(a) <= t(b) ? a : b);

/**
 * What is wrong with an event's dates, sessions and registration window, in the words the build shows staff.
 * Empty when the file is right. Field formats (the +08:00 offset) are the schema's own checks.
 */
export function sessionProblems(e: WrittenEvent): Problem[] {
  const out: Problem[] = [];
  const add = (path: Problem['path'], message: string) => out.push({ path, message });
  const list = e.sessions;
  const nth = (i: number) => `第${i + 1}场`;

  if (list) {
    if (e.startsAt || e.endsAt) add(['sessions'], '写了 sessions（多场），就不要再写顶层的 startsAt 和 endsAt：每一场的时间写在它自己里面');
    const ids = new Set<string>();
    list.forEach((s, i) => {
      if (ids.has(s.id)) add(['sessions', i, 'id'], `${nth(i)}的 id「${s.id}」和前面的场次重复了：每一场的 id 要不同`);
      ids.add(s.id);
      if (t(s.endsAt) <= t(s.startsAt)) add(['sessions', i, 'endsAt'], `${nth(i)}的 endsAt 必须晚于 startsAt`);
      const prev = list[i - 1];
      if (prev && t(s.startsAt) < t(prev.startsAt)) add(['sessions', i, 'startsAt'], `场次要按时间先后排列：${nth(i)}比${nth(i - 1)}开始得早`);
      else if (prev && t(s.startsAt) < t(prev.endsAt)) add(['sessions', i, 'startsAt'], `${nth(i)}和${nth(i - 1)}时间重叠：${nth(i)}要在${nth(i - 1)}结束以后开始`);
      if (s.closesAt && t(s.closesAt) > t(s.startsAt)) add(['sessions', i, 'closesAt'], `${nth(i)}的报名截止时间 closesAt 不能晚于这一场开始的时间`);
      if (e.rsvp && s.capacity === undefined) add(['sessions', i, 'capacity'], `${nth(i)}要写名额 capacity（这一场最多多少人）`);
    });
  } else {
    if (!e.startsAt) add(['startsAt'], '需要 startsAt 和 endsAt（一场活动），或者 sessions（几场）');
    if (!e.endsAt) add(['endsAt'], '需要 endsAt：活动结束的时间');
    if (e.startsAt && e.endsAt && t(e.endsAt) <= t(e.startsAt)) add(['endsAt'], 'endsAt 必须晚于 startsAt');
    if (e.rsvp && e.rsvp.capacity === undefined) add(['rsvp', 'capacity'], '要报名的活动需要名额 rsvp.capacity');
  }

  const r = e.rsvp;
  if (r) {
    if (list && r.capacity !== undefined) add(['rsvp', 'capacity'], '写了 sessions 的活动，名额写在每一场的 capacity 里，不写 rsvp.capacity');
    if (t(r.closesAt) <= t(r.opensAt)) add(['rsvp', 'closesAt'], 'rsvp.closesAt 必须晚于 rsvp.opensAt');
    const end = list ? list.at(-1)?.endsAt : e.endsAt;
    if (end && t(r.closesAt) > t(end)) add(['rsvp', 'closesAt'], 'rsvp.closesAt 不能晚于活动结束时间（最后一场的 endsAt）');
    // A session whose registration would close before it opens can never be booked.
    list?.forEach((s, i) => {
      if (t(earlier(r.closesAt, s.closesAt ?? s.startsAt)) <= t(r.opensAt))
        add(['sessions', i, 'startsAt'], `${nth(i)}在报名开始（rsvp.opensAt）以前就截止报名了，没有人能报上：改报名开始时间，或删掉这一场`);
    });
  }
  return out;
}

/** The sessions of an event whichever form its file wrote, in time order. Call it on a file without problems. */
export function sessionsOf(e: WrittenEvent): Session[] {
  const r = e.rsvp;
  if (!e.sessions) {
    const startsAt = e.startsAt ?? '';
    const endsAt = e.endsAt ?? '';
    return [{ id: SINGLE_SESSION, startsAt, endsAt, closesAt: r?.closesAt ?? endsAt, capacity: r?.capacity, note: undefined }];
  }
  return e.sessions.map((s) => ({
    id: s.id,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    closesAt: r ? earlier(r.closesAt, s.closesAt ?? s.startsAt) : s.endsAt,
    capacity: s.capacity,
    note: s.note,
  }));
}

/** 2027年3月10日（周三） 09:00–10:30 */
export const sessionLabel = (s: Pick<Session, 'startsAt' | 'endsAt'>): string => formatRange(s.startsAt, s.endsAt);

/**
 * An event's time in one line for a card, a feed or a calendar's description: one session as its range; several
 * on one day as that day and each time; several days as the first and last day and how many sessions.
 */
export function sessionsSummary(sessions: readonly Pick<Session, 'startsAt' | 'endsAt'>[]): string {
  const first = sessions[0];
  const last = sessions.at(-1);
  if (!first || !last) return '';
  if (sessions.length === 1) return sessionLabel(first);
  if (isoDate(first.startsAt) === isoDate(last.endsAt))
    return `${formatDateWithWeekday(first.startsAt)} ${sessions.map((s) => `${formatTime(s.startsAt)}–${formatTime(s.endsAt)}`).join('、')}，共${sessions.length}场`;
  return `${formatDate(first.startsAt)}至${formatDate(last.endsAt)}，共${sessions.length}场`;
}

/** Where a session is, in words: the venue with the session's note. */
export function sessionPlace(venue: { name: string; city: string; address?: string | undefined } | undefined, s: Pick<Session, 'note'>): string {
  const where = venue ? [venue.name, venue.city, venue.address].filter(Boolean).join('，') : '';
  return s.note ? (where ? `${where}（${s.note}）` : s.note) : where;
}

/** The page of an event's calendar file for one session (multi-session events), or of the whole event. */
export function calendarPath(slug: string, sessions: readonly Pick<Session, 'id'>[], id?: string): string {
  return sessions.length > 1 && id ? `/events/${slug}/${id}.ics` : `/events/${slug}.ics`;
}
