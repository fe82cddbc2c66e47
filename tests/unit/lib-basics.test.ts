import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatRange, formatTime, isoDate } from '../../src/lib/dates';
import { hasEnded, registrationState, type EventTiming } from '../../src/lib/events';
import { formatFigure } from '../../src/lib/figures';
import { renderRss } from '../../src/lib/rss';
import { readingMinutes } from '../../src/lib/text';
import { toJsonLd } from '../../src/lib/jsonld';

describe('dates in Beijing time', () => {
  it('formats an instant in Asia/Shanghai whatever the machine zone', () => {
    // 16:30 UTC on 31 May is 00:30 on 1 June in Beijing.
    const d = new Date('2031-05-31T16:30:00Z');
    expect(formatDate(d)).toBe('2031年6月1日');
    expect(formatTime(d)).toBe('00:30');
    expect(isoDate(d)).toBe('2031-06-01');
  });
  it('writes a moment with or without its weekday', () => {
    expect(formatDateTime('2031-05-28T17:00:00+08:00')).toBe('2031年5月28日 17:00');
    expect(formatDateTime('2031-05-28T17:00:00+08:00', { weekday: true })).toBe('2031年5月28日（周三） 17:00');
  });
  it('writes a same-day range once and a multi-day range in full', () => {
    expect(formatRange('2031-06-01T09:30:00+08:00', '2031-06-01T11:30:00+08:00')).toBe('2031年6月1日（周日） 09:30–11:30');
    expect(formatRange('2031-06-01T09:30:00+08:00', '2031-06-02T11:30:00+08:00')).toContain('至 2031年6月2日（周一） 11:30');
  });
});

describe('registration state', () => {
  const ev: EventTiming = {
    startsAt: '2031-06-01T09:30:00+08:00',
    endsAt: '2031-06-01T11:30:00+08:00',
    status: 'scheduled',
    rsvp: { opensAt: '2031-05-01T09:00:00+08:00', closesAt: '2031-05-31T18:00:00+08:00' },
  };
  const at = (iso: string) => new Date(iso);
  it('moves through not-yet-open, open, closed and ended', () => {
    expect(registrationState(ev, at('2031-04-30T12:00:00+08:00'))).toBe('not-yet-open');
    expect(registrationState(ev, at('2031-05-01T09:00:00+08:00'))).toBe('open');
    expect(registrationState(ev, at('2031-05-31T18:00:00+08:00'))).toBe('closed');
    expect(registrationState(ev, at('2031-06-01T11:30:00+08:00'))).toBe('ended');
    expect(hasEnded(ev, at('2031-06-01T11:29:59+08:00'))).toBe(false);
  });
  it('a cancelled event is cancelled, a postponed one cannot be booked, an event without rsvp takes none', () => {
    expect(registrationState({ ...ev, status: 'cancelled' }, at('2031-05-10T00:00:00+08:00'))).toBe('cancelled');
    expect(registrationState({ ...ev, status: 'postponed' }, at('2031-05-10T00:00:00+08:00'))).toBe('postponed');
    expect(registrationState({ ...ev, rsvp: undefined }, at('2031-05-10T00:00:00+08:00'))).toBe('none');
  });
});

describe('small helpers', () => {
  it('writes figures as the bank does', () => {
    expect(formatFigure({ value: 840000, display: '84万', qualifier: '余', unit: '份' })).toBe('84万余份');
    expect(formatFigure({ value: 25, unit: '%' })).toBe('25%');
  });
  it('estimates reading time for Chinese text', () => {
    expect(readingMinutes('脐'.repeat(1200))).toBe(3);
    expect(readingMinutes('')).toBe(1);
  });
  it('escapes RSS text and JSON-LD so neither can break out of its container', () => {
    const xml = renderRss({ title: 'A & B', description: '<d>', link: 'https://x/', self: 'https://x/rss.xml', items: [] });
    expect(xml).toContain('A &amp; B');
    expect(xml).toContain('&lt;d&gt;');
    expect(toJsonLd({ name: '</script><script>' })).not.toContain('</script>');
  });
});
