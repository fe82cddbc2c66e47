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
    url: 'https://www.example.cn/events/x/',
    organizer: { name: '山东省脐带血造血干细胞库', url: 'https://www.example.cn/' },
  };
  it('describes an in-person event at a Place, with Beijing-time dates and its status', () => {
    const ld = eventJsonLd({ ...base, status: 'scheduled', venue: { name: '测试场馆', city: '济南市' } });
    expect(ld.startDate).toBe('2031-05-30T09:30:00+08:00');
    expect(ld.eventStatus).toBe('https://schema.org/EventScheduled');
    expect(ld.eventAttendanceMode).toBe('https://schema.org/OfflineEventAttendanceMode');
    expect(ld.location).toMatchObject({ '@type': 'Place', name: '测试场馆', address: { addressLocality: '济南市' } });
    expect(JSON.stringify(ld.location)).not.toContain('streetAddress');
    expect(ld.organizer.name).toBe('山东省脐带血造血干细胞库');
    expect(ld).not.toHaveProperty('offers');
  });
  it('describes an online, postponed event with a VirtualLocation', () => {
    const ld = eventJsonLd({ ...base, status: 'postponed', online: { platform: '直播间' } });
    expect(ld.eventStatus).toBe('https://schema.org/EventPostponed');
    expect(ld.eventAttendanceMode).toBe('https://schema.org/OnlineEventAttendanceMode');
    expect(ld.location).toMatchObject({ '@type': 'VirtualLocation', name: '直播间' });
  });
  it('marks a cancelled event cancelled', () => {
    expect(eventJsonLd({ ...base, status: 'cancelled', online: { platform: 'x' } }).eventStatus).toBe(
      'https://schema.org/EventCancelled',
    );
  });
});
