import { describe, expect, it } from 'vitest';
import {
  audienceFromSlug,
  audienceSlugs,
  audiencesOf,
  filterByAudience,
  groupByTime,
  meetingPointNote,
  type ListedEvent,
} from '../../src/lib/event-list';
import { eventJsonLd } from '../../src/lib/event-jsonld';
import { sessionState } from '../../src/lib/events';
import { sessionProblems, sessionsOf, sessionsSummary } from '../../src/lib/sessions';

const ev = (id: string, startsAt: string, endsAt: string, audience: ListedEvent['data']['audience'], extra = {}) => ({
  id,
  data: { startsAt, endsAt, status: 'scheduled' as const, audience, ...extra },
});

const events = [
  ev('day-past', '2030-11-15T09:30:00+08:00', '2030-11-15T11:30:00+08:00', ['公众', '家庭']),
  ev('autumn-past', '2030-09-19T09:00:00+08:00', '2030-09-19T11:30:00+08:00', ['公众']),
  ev('summer', '2031-07-28T09:30:00+08:00', '2031-07-28T11:30:00+08:00', ['家庭', '儿童']),
  ev('season', '2030-09-01T09:00:00+08:00', '2031-06-30T17:30:00+08:00', ['学生', '教师']),
  ev('live', '2030-12-10T19:30:00+08:00', '2030-12-10T20:30:00+08:00', ['准父母']),
  ev('spring-cancelled', '2031-03-27T09:00:00+08:00', '2031-03-27T11:30:00+08:00', ['公众'], { status: 'cancelled' }),
];
const ids = (list: { id: string }[]) => list.map((e) => e.id);

describe('groupByTime', () => {
  it('puts events not yet ended in upcoming, soonest first, and ended ones in past, most recently ended first', () => {
    const { upcoming, past } = groupByTime(events, new Date('2030-11-25T12:00:00+08:00'));
    expect(ids(upcoming)).toEqual(['season', 'live', 'spring-cancelled', 'summer']);
    expect(ids(past)).toEqual(['day-past', 'autumn-past']);
  });
  it('keeps an event under way in upcoming until the minute it ends, then moves it to past', () => {
    const justBefore = groupByTime(events, new Date('2030-12-10T20:29:59+08:00'));
    expect(ids(justBefore.upcoming)).toContain('live');
    const atEnd = groupByTime(events, new Date('2030-12-10T20:30:00+08:00'));
    expect(ids(atEnd.upcoming)).not.toContain('live');
    expect(ids(atEnd.past)[0]).toBe('live');
  });
  it('judges by the instant, not by the reader’s calendar day', () => {
    // 2030-11-15 11:30 in Beijing is still 2030-11-14 in New York; the event has ended all the same.
    const { past } = groupByTime(events, new Date('2030-11-14T22:31:00-05:00'));
    expect(ids(past)).toContain('day-past');
  });
  it('orders past events by when they ended, so a season-long activity that just closed comes first', () => {
    const { upcoming, past } = groupByTime(events, new Date('2032-01-01T00:00:00+08:00'));
    expect(upcoming).toEqual([]);
    expect(ids(past)).toEqual(['summer', 'season', 'spring-cancelled', 'live', 'day-past', 'autumn-past']);
  });
  it('does not change the array it is given', () => {
    const copy = [...events];
    groupByTime(events, new Date('2030-11-25T12:00:00+08:00'));
    expect(events).toEqual(copy);
  });
});

describe('filterByAudience', () => {
  it('keeps only the events for that audience', () => {
    expect(ids(filterByAudience(events, '家庭'))).toEqual(['day-past', 'summer']);
    expect(ids(filterByAudience(events, '学生'))).toEqual(['season']);
  });
  it('returns nothing for an audience no event is for', () => {
    expect(filterByAudience(events, '患者家庭')).toEqual([]);
  });
});

describe('audience links', () => {
  it('lists only audiences that some event is for, in the fixed order', () => {
    expect(audiencesOf(events)).toEqual(['公众', '准父母', '家庭', '儿童', '学生', '教师']);
  });
  it('maps each audience to a distinct ASCII slug and back', () => {
    const slugs = Object.values(audienceSlugs);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const s of slugs) expect(s).toMatch(/^[a-z-]+$/);
    expect(audienceFromSlug('students')).toBe('学生');
    expect(audienceFromSlug('nobody')).toBeUndefined();
  });
});

describe('meetingPointNote', () => {
  it('says the meeting point comes with the confirmation when there is no address and the event takes RSVPs', () => {
    expect(meetingPointNote({ venue: {}, rsvp: {} })).toBe('具体集合地点随报名确认另行告知。');
    expect(meetingPointNote({ venue: {} })).toBe('具体地点以本库发布的活动通知为准。');
  });
  it('says nothing when the address is known or the event is online', () => {
    expect(meetingPointNote({ venue: { address: '某路1号' }, rsvp: {} })).toBeUndefined();
    expect(meetingPointNote({})).toBeUndefined();
  });
});

describe('eventJsonLd', () => {
  const base = {
    title: '测试亲子日',
    summary: '亲子科普。',
    startsAt: '2031-05-30T09:30:00+08:00',
    endsAt: '2031-05-30T11:30:00+08:00',
    sessions: [{ id: 'main', startsAt: '2031-05-30T09:30:00+08:00', endsAt: '2031-05-30T11:30:00+08:00' }],
    url: 'https://www.example.cn/events/x/',
    organizer: { name: '山东省脐带血造血干细胞库', url: 'https://www.example.cn/' },
  };
  it('describes an in-person event at a Place, with Beijing-time dates and its status', () => {
    const [ld, more] = eventJsonLd({ ...base, status: 'scheduled', venue: { name: '测试场馆', city: '济南市' } });
    expect(more).toBeUndefined();
    expect(ld!.name).toBe('测试亲子日');
    expect(ld!.startDate).toBe('2031-05-30T09:30:00+08:00');
    expect(ld!.eventStatus).toBe('https://schema.org/EventScheduled');
    expect(ld!.eventAttendanceMode).toBe('https://schema.org/OfflineEventAttendanceMode');
    expect(ld!.location).toMatchObject({ '@type': 'Place', name: '测试场馆', address: { addressLocality: '济南市' } });
    expect(JSON.stringify(ld!.location)).not.toContain('streetAddress');
    expect(ld!.organizer.name).toBe('山东省脐带血造血干细胞库');
    expect(ld).not.toHaveProperty('offers');
  });
  it('describes an online, postponed event with a VirtualLocation', () => {
    const [ld] = eventJsonLd({ ...base, status: 'postponed', online: { platform: '直播间' } });
    expect(ld!.eventStatus).toBe('https://schema.org/EventPostponed');
    expect(ld!.eventAttendanceMode).toBe('https://schema.org/OnlineEventAttendanceMode');
    expect(ld!.location).toMatchObject({ '@type': 'VirtualLocation', name: '直播间' });
  });
  it('marks a cancelled event cancelled', () => {
    expect(eventJsonLd({ ...base, status: 'cancelled', online: { platform: 'x' } })[0]!.eventStatus).toBe(
      'https://schema.org/EventCancelled',
    );
  });
  it('gives each session of an event its own Event, with its time and its place in the venue', () => {
    const sessions = [
      { id: 'am', startsAt: '2031-05-30T09:30:00+08:00', endsAt: '2031-05-30T11:30:00+08:00', note: '一号厅' },
      { id: 'pm', startsAt: '2031-05-30T14:30:00+08:00', endsAt: '2031-05-30T16:30:00+08:00', note: undefined },
    ];
    const ld = eventJsonLd({ ...base, sessions, endsAt: sessions[1]!.endsAt, status: 'scheduled', venue: { name: '测试场馆', city: '济南市' } });
    expect(ld.map((x) => [x.startDate, x.endDate, x.location.name])).toEqual([
      ['2031-05-30T09:30:00+08:00', '2031-05-30T11:30:00+08:00', '测试场馆（一号厅）'],
      ['2031-05-30T14:30:00+08:00', '2031-05-30T16:30:00+08:00', '测试场馆'],
    ]);
    expect(ld.map((x) => x.name)).toEqual(['测试亲子日（2031年5月30日（周五） 09:30–11:30）', '测试亲子日（2031年5月30日（周五） 14:30–16:30）']);
  });
});

describe('sessions in content (src/lib/sessions.ts)', () => {
  const rsvp = { opensAt: '2031-02-01T09:00:00+08:00', closesAt: '2031-03-20T17:00:00+08:00' };
  /** Registration closing the day before the sessions of day 10. */
  const early = { ...rsvp, closesAt: '2031-03-09T17:00:00+08:00' };
  const at = (day: number, hhmm: string) => `2031-03-${String(day).padStart(2, '0')}T${hhmm}:00+08:00`;
  const s = (id: string, day: number, from: string, to: string, extra = {}) => ({ id, startsAt: at(day, from), endsAt: at(day, to), capacity: 30, ...extra });
  const messages = (e: Parameters<typeof sessionProblems>[0]) => sessionProblems(e).map((p) => `${p.path.join('.')}: ${p.message}`);

  it('a single event written as today is one session, `main`, closing when registration closes', () => {
    const e = { startsAt: at(10, '09:00'), endsAt: at(10, '11:00'), rsvp: { ...rsvp, closesAt: at(10, '10:00'), capacity: 40 } };
    expect(sessionProblems(e)).toEqual([]);
    expect(sessionsOf(e)).toEqual([{ id: 'main', startsAt: at(10, '09:00'), endsAt: at(10, '11:00'), closesAt: at(10, '10:00'), capacity: 40, note: undefined }]);
  });

  it('a list keeps its order; each session closes at its start, or earlier, never after registration closes', () => {
    const e = { sessions: [s('am', 10, '09:00', '10:30', { note: '一号厅' }), s('pm', 10, '14:00', '15:30', { closesAt: at(8, '17:00') }), s('late', 25, '09:00', '10:30')], rsvp };
    expect(sessionProblems(e)).toEqual([]);
    expect(sessionsOf(e).map((x) => [x.id, x.closesAt, x.note])).toEqual([
      ['am', at(10, '09:00'), '一号厅'],
      ['pm', at(8, '17:00'), undefined],
      ['late', rsvp.closesAt, undefined],
    ]);
  });

  it('refuses overlapping, out-of-order, duplicate or empty sessions, naming the session', () => {
    expect(messages({ sessions: [s('a', 10, '09:00', '10:30'), s('b', 10, '10:00', '11:00')], rsvp: early })).toEqual([
      'sessions.1.startsAt: 第2场和第1场时间重叠：第2场要在第1场结束以后开始',
    ]);
    expect(messages({ sessions: [s('a', 11, '09:00', '10:30'), s('b', 10, '09:00', '10:30')], rsvp: early })).toEqual([
      'sessions.1.startsAt: 场次要按时间先后排列：第2场比第1场开始得早',
    ]);
    expect(messages({ sessions: [s('a', 10, '09:00', '10:30'), s('a', 11, '09:00', '10:30')], rsvp: early })).toEqual([
      'sessions.1.id: 第2场的 id「a」和前面的场次重复了：每一场的 id 要不同',
    ]);
    expect(messages({ sessions: [s('a', 10, '09:00', '09:00')] })).toEqual(['sessions.0.endsAt: 第1场的 endsAt 必须晚于 startsAt']);
  });

  it('refuses a session outside the registration window rules', () => {
    // Registration opens after the first session has started: nobody could book it.
    expect(messages({ sessions: [s('a', 1, '09:00', '10:30'), s('b', 10, '09:00', '10:30')], rsvp: { ...early, opensAt: at(2, '09:00') } })).toEqual([
      'sessions.0.startsAt: 第1场在报名开始（rsvp.opensAt）以前就截止报名了，没有人能报上：改报名开始时间，或删掉这一场',
    ]);
    // Registration must close by the last session's end; a session's own closing time comes before it starts.
    expect(messages({ sessions: [s('a', 10, '09:00', '10:30')], rsvp: { ...rsvp, closesAt: at(10, '11:00') } })).toEqual([
      'rsvp.closesAt: rsvp.closesAt 不能晚于活动结束时间（最后一场的 endsAt）',
    ]);
    expect(messages({ sessions: [s('a', 10, '09:00', '10:30', { closesAt: at(10, '09:30') })], rsvp: early })).toEqual([
      'sessions.0.closesAt: 第1场的报名截止时间 closesAt 不能晚于这一场开始的时间',
    ]);
  });

  it('asks for each session’s capacity when the event takes registrations, and for one form only', () => {
    expect(messages({ sessions: [{ id: 'a', startsAt: at(10, '09:00'), endsAt: at(10, '10:00') }], rsvp: early })).toEqual([
      'sessions.0.capacity: 第1场要写名额 capacity（这一场最多多少人）',
    ]);
    expect(messages({ sessions: [s('a', 10, '09:00', '10:00')], rsvp: { ...early, capacity: 30 } })).toEqual([
      'rsvp.capacity: 写了 sessions 的活动，名额写在每一场的 capacity 里，不写 rsvp.capacity',
    ]);
    expect(messages({ startsAt: at(10, '09:00'), endsAt: at(10, '10:00'), sessions: [s('a', 10, '09:00', '10:00')] })).toEqual([
      'sessions: 写了 sessions（多场），就不要再写顶层的 startsAt 和 endsAt：每一场的时间写在它自己里面',
    ]);
    expect(messages({ startsAt: at(10, '09:00'), endsAt: at(10, '10:00'), rsvp: early })).toEqual(['rsvp.capacity: 要报名的活动需要名额 rsvp.capacity']);
    expect(messages({})).toEqual(['startsAt: 需要 startsAt 和 endsAt（一场活动），或者 sessions（几场）', 'endsAt: 需要 endsAt：活动结束的时间']);
  });

  it('sums sessions up in one line: one day with its times, or the first and last day and how many', () => {
    expect(sessionsSummary([s('a', 10, '09:30', '11:30')])).toBe('2031年3月10日（周一） 09:30–11:30');
    expect(sessionsSummary([s('a', 10, '09:30', '11:30'), s('b', 10, '14:30', '16:30')])).toBe('2031年3月10日（周一） 09:30–11:30、14:30–16:30，共2场');
    expect(sessionsSummary([s('a', 10, '09:00', '10:30'), s('b', 12, '09:00', '10:30'), s('c', 24, '09:00', '10:30')])).toBe('2031年3月10日至2031年3月24日，共3场');
  });

  it('a session’s state: the event’s, but closed from its own closing time and over at its end', () => {
    const event = { startsAt: at(10, '09:00'), endsAt: at(24, '10:30'), status: 'scheduled' as const, rsvp };
    const first = { closesAt: at(10, '09:00'), endsAt: at(10, '10:30') };
    expect(sessionState(event, first, new Date(at(9, '12:00')))).toBe('open');
    expect(sessionState(event, first, new Date(at(10, '09:00')))).toBe('closed');
    expect(sessionState(event, first, new Date(at(10, '10:30')))).toBe('ended');
    expect(sessionState(event, first, new Date('2031-01-15T12:00:00+08:00'))).toBe('not-yet-open');
    expect(sessionState({ ...event, status: 'cancelled' }, first, new Date(at(9, '12:00')))).toBe('cancelled');
  });
});
