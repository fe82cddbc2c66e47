import { describe, expect, it } from 'vitest';
import {
  calendarEntriesFor,
  escapeText,
  foldLine,
  locationText,
  renderCalendar,
  toUtcStamp,
  type CalendarEntry,
} from '../../src/lib/calendar';

const octets = (s: string) => new TextEncoder().encode(s).length;
/** Undo RFC 5545 folding: a line break followed by one space or tab joins the lines. */
const unfold = (s: string) => s.replace(/\r\n[ \t]/g, '');
const dtstamp = new Date('2030-11-25T08:00:00Z');

const entry: CalendarEntry = {
  uid: 'event-open-day@www.example.cn',
  summary: '测试亲子科普日',
  description: '第一行\n第二行',
  startsAt: '2031-05-30T09:30:00+08:00',
  endsAt: '2031-05-30T11:30:00+08:00',
  location: '测试场馆 一号厅，济南市',
  url: 'https://www.example.cn/events/open-day/',
  status: 'scheduled',
};

describe('toUtcStamp', () => {
  it('turns a +08:00 time into the UTC instant, eight hours earlier', () => {
    expect(toUtcStamp('2031-05-30T09:30:00+08:00')).toBe('20310530T013000Z');
  });
  it('moves to the previous UTC day for an early-morning Beijing time', () => {
    expect(toUtcStamp('2031-06-18T07:15:00+08:00')).toBe('20310617T231500Z');
  });
  it('refuses a value that is not a date-time', () => {
    expect(() => toUtcStamp('not a date')).toThrow(/不是有效的日期时间/);
  });
});

describe('escapeText', () => {
  it('escapes backslash, semicolon, comma and each kind of line break', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
  });
  it('leaves full-width Chinese punctuation alone', () => {
    expect(escapeText('时间：上午，地点；科普馆')).toBe('时间：上午，地点；科普馆');
  });
  it('escapes the backslash before adding its own, so nothing is escaped twice', () => {
    expect(escapeText('\\,')).toBe('\\\\\\,');
  });
});

describe('foldLine', () => {
  it('leaves a line of exactly 75 octets whole', () => {
    const line = 'X'.repeat(75);
    expect(foldLine(line)).toBe(line);
  });
  it('folds a longer ASCII line at 75 octets, continuation lines starting with one space', () => {
    const folded = foldLine('A'.repeat(200));
    const parts = folded.split('\r\n');
    expect(parts.length).toBe(3);
    expect(parts.every((p) => octets(p) <= 75)).toBe(true);
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(unfold(folded)).toBe('A'.repeat(200));
  });
  it('never splits a 3-octet Chinese character and keeps every line within 75 octets', () => {
    const line = `SUMMARY:${'脐带血造血干细胞'.repeat(12)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(octets(p)).toBeLessThanOrEqual(75);
      // A broken UTF-8 sequence would decode to U+FFFD.
      expect(new TextDecoder().decode(new TextEncoder().encode(p))).not.toContain('\uFFFD');
    }
    expect(unfold(folded)).toBe(line);
  });
});

describe('renderCalendar', () => {
  const ics = renderCalendar([entry], { prodId: '-//SDCBB//Events//ZH', name: '活动', dtstamp });
  const lines = unfold(ics).split('\r\n');

  it('uses CRLF for every line break and ends with one', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });
  it('wraps one VEVENT in a VCALENDAR with version and product id', () => {
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines).toContain('PRODID:-//SDCBB//Events//ZH');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(lines.at(-2)).toBe('END:VCALENDAR');
  });
  it('writes UID, DTSTAMP and the start and end in UTC', () => {
    expect(lines).toContain('UID:event-open-day@www.example.cn');
    expect(lines).toContain('DTSTAMP:20301125T080000Z');
    expect(lines).toContain('DTSTART:20310530T013000Z');
    expect(lines).toContain('DTEND:20310530T033000Z');
  });
  it('escapes text values and keeps the URL as written', () => {
    expect(lines).toContain('LOCATION:测试场馆 一号厅，济南市');
    expect(lines).toContain('DESCRIPTION:第一行\\n第二行');
    expect(lines).toContain('URL:https://www.example.cn/events/open-day/');
    expect(lines).toContain('STATUS:CONFIRMED');
    expect(lines).toContain('X-WR-CALNAME:活动');
  });
  it('keeps every physical line within 75 octets', () => {
    const long = renderCalendar([{ ...entry, description: '长'.repeat(300) }], { prodId: 'x', dtstamp });
    expect(long.split('\r\n').every((l) => octets(l) <= 75)).toBe(true);
  });
  it('marks a cancelled event CANCELLED and says so in its title', () => {
    const c = unfold(renderCalendar([{ ...entry, status: 'cancelled' }], { prodId: 'x', dtstamp })).split('\r\n');
    expect(c).toContain('STATUS:CANCELLED');
    expect(c).toContain('SUMMARY:【已取消】测试亲子科普日');
  });
  it('marks a postponed event TENTATIVE', () => {
    const p = unfold(renderCalendar([{ ...entry, status: 'postponed' }], { prodId: 'x', dtstamp }));
    expect(p).toContain('STATUS:TENTATIVE');
    expect(p).toContain('SUMMARY:【已延期】');
  });
  it('does not mark the reader busy for an activity longer than a day', () => {
    const season = renderCalendar([{ ...entry, endsAt: '2031-06-30T17:30:00+08:00' }], { prodId: 'x', dtstamp });
    expect(season).toContain('TRANSP:TRANSPARENT');
    expect(ics).not.toContain('TRANSP');
  });
  it('writes an empty but valid calendar when nothing is upcoming', () => {
    const empty = renderCalendar([], { prodId: 'x', dtstamp });
    expect(empty).toBe('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nEND:VCALENDAR\r\n');
  });
});

describe('calendarEntriesFor', () => {
  const data = {
    title: '测试班级参观',
    summary: '老师带班级来参观。',
    startsAt: '2030-09-01T09:00:00+08:00',
    endsAt: '2031-06-30T17:30:00+08:00',
    sessions: [{ id: 'main', startsAt: '2030-09-01T09:00:00+08:00', endsAt: '2031-06-30T17:30:00+08:00' }],
    status: 'scheduled' as const,
    venue: { name: '测试场馆', city: '济南市' },
    rsvp: { capacity: 10 },
  };
  it('builds a stable UID from the slug and the site host, and states the time in Beijing time', () => {
    const [e, more] = calendarEntriesFor('class-visit', data, 'https://www.example.cn/events/class-visit/');
    expect(more).toBeUndefined();
    expect(e!.uid).toBe('event-class-visit@www.example.cn');
    expect(e!.description).toContain('（北京时间）');
    expect(e!.description).toContain('2030年9月1日');
    expect(e!.description).toContain('具体集合地点随报名确认另行告知。');
    expect(e!.location).toBe('测试场馆，济南市');
  });
  it('says in the description that a cancelled event is cancelled', () => {
    const [e] = calendarEntriesFor('x', { ...data, status: 'cancelled' }, 'https://www.example.cn/events/x/');
    expect(e!.description?.startsWith('本活动已取消。')).toBe(true);
  });
  it('describes an online event by its platform', () => {
    expect(locationText({ online: { platform: '直播间', url: 'https://live.example.cn/1' } })).toBe(
      '线上：直播间 https://live.example.cn/1',
    );
  });
  it('writes one entry per session, each with its own UID, time, place in the venue and number, or only the one asked', () => {
    const sessions = [
      { id: 'a', startsAt: '2030-10-10T09:00:00+08:00', endsAt: '2030-10-10T10:30:00+08:00', note: '二楼报告厅' },
      { id: 'b', startsAt: '2030-10-11T09:00:00+08:00', endsAt: '2030-10-11T10:30:00+08:00' },
    ];
    const two = { ...data, sessions, startsAt: sessions[0]!.startsAt, endsAt: sessions[1]!.endsAt };
    const entries = calendarEntriesFor('class-visit', two, 'https://www.example.cn/events/class-visit/');
    expect(entries.map((e) => [e.uid, e.startsAt, e.endsAt, e.location])).toEqual([
      ['event-class-visit-a@www.example.cn', sessions[0]!.startsAt, sessions[0]!.endsAt, '测试场馆，济南市（二楼报告厅）'],
      ['event-class-visit-b@www.example.cn', sessions[1]!.startsAt, sessions[1]!.endsAt, '测试场馆，济南市'],
    ]);
    expect(entries[1]!.description).toContain('2030年10月11日（周五） 09:00–10:30（北京时间），第2场，共2场');
    const one = calendarEntriesFor('class-visit', two, 'https://www.example.cn/events/class-visit/', 'b');
    expect(one.map((e) => e.uid)).toEqual(['event-class-visit-b@www.example.cn']);
  });
});
