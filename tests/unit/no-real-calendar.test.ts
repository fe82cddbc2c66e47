/**
 * Tests must not rot with the calendar (DESIGN §10): no file under tests/ may name a real event (a file name in
 * content/events/) or write a date that occurs in a real event file. Behaviour tests use the fixture events of
 * tests/fixtures/events.ts, dated relative to the run; pure-function tests make up their own dates.
 *
 * Dates count in the forms a test would write them: 2027-06-01, 2027年6月1日 (with or without leading zeros)
 * and, as calendar files write them, 20270601 (also the UTC day of each date-time, which is what an .ics holds).
 * Everything is read from content/events/ when the test runs, so this file names no date and no event itself.
 * CALENDAR_GUARD_DIR points the scan at another folder, e.g. to try the guard on an old copy of the tests.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const eventsDir = 'content/events';
const scanned = process.env.CALENDAR_GUARD_DIR ?? 'tests';

interface Day {
  y: number;
  m: number;
  d: number;
}

const eventFiles = readdirSync(eventsDir).filter((f) => f.endsWith('.mdx'));
const slugs = eventFiles.map((f) => f.replace(/\.mdx$/, ''));

const pad = (n: number) => String(n).padStart(2, '0');
const key = ({ y, m, d }: Day) => `${y}-${pad(m)}-${pad(d)}`;

/** The calendar days a text writes, as 2027-06-01 or 2027年6月1日. */
function daysIn(text: string): Day[] {
  const iso = [...text.matchAll(/(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g)];
  const zh = [...text.matchAll(/(?<!\d)(\d{4})年(\d{1,2})月(\d{1,2})日/g)];
  return [...iso, ...zh].map((m) => ({ y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) }));
}

/** The UTC day of every date-time with an offset (2027-06-01T07:15:00+08:00 is 2027-05-31 in an .ics). */
function utcDaysIn(text: string): Day[] {
  return [...text.matchAll(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?[+-]\d{2}:\d{2}/g)].map((m) => {
    const t = new Date(m[0]);
    return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
  });
}

const unique = (days: Day[]) => [...new Map(days.map((d) => [key(d), d])).values()];
const eventTexts = eventFiles.map((f) => readFileSync(join(eventsDir, f), 'utf8'));
/** Days written in the event files, in any of the three forms. */
const realDays = unique(eventTexts.flatMap(daysIn));
/** Days an .ics of those events holds: the written days and the UTC days of their date-times. */
const icsDays = unique([...realDays, ...eventTexts.flatMap(utcDaysIn)]);

interface Pattern {
  what: string;
  re: RegExp;
}

const patterns: Pattern[] = [
  ...slugs.map((s) => ({ what: `real event slug ${s}`, re: new RegExp(s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })),
  ...realDays.flatMap((day) => [
    { what: `real event date ${key(day)}`, re: new RegExp(`(?<!\\d)${key(day)}(?!\\d)`) },
    { what: `real event date ${key(day)} written in Chinese`, re: new RegExp(`(?<!\\d)${day.y}年0?${day.m}月0?${day.d}日`) },
  ]),
  ...icsDays.map((day) => ({
    what: `real event date ${key(day)} in calendar form`,
    re: new RegExp(`(?<!\\d)${day.y}${pad(day.m)}${pad(day.d)}(?!\\d)`),
  })),
];

/** What a text names of the real calendar, one line per hit. */
function realCalendarIn(text: string): string[] {
  return text
    .split('\n')
    .flatMap((line, i) => patterns.filter(({ re }) => re.test(line)).map(({ what }) => `line ${i + 1}: ${what}`));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

describe('tests name no real event and no real event date', () => {
  it('has a real calendar to compare with', () => {
    expect(slugs.length).toBeGreaterThan(0);
    expect(realDays.length).toBeGreaterThan(0);
  });

  it('catches a slug and a date in each form when a test writes them', () => {
    const [slug] = slugs;
    const [day] = realDays;
    if (!slug || !day) throw new Error('no real events to build the sample from');
    const sample = [
      `await page.goto('/events/${slug}/');`,
      `expect(when).toBe('${key(day)}');`,
      `expect(text).toContain('${day.y}年${day.m}月${day.d}日');`,
      `expect(ics).toContain('DTSTART:${day.y}${pad(day.m)}${pad(day.d)}T013000Z');`,
    ].join('\n');
    const hits = realCalendarIn(sample);
    for (const line of [1, 2, 3, 4]) expect(hits.some((h) => h.startsWith(`line ${line}:`)), sample).toBe(true);
    // A made-up day next to a real one is not flagged.
    expect(realCalendarIn(`${day.y + 100}-${pad(day.m)}-${pad(day.d)}`)).toEqual([]);
  });

  it(`holds for every file under ${scanned}/`, () => {
    const found = filesUnder(scanned)
      .sort()
      .flatMap((file) => realCalendarIn(readFileSync(file, 'utf8')).map((hit) => `${relative('.', file)} ${hit}`));
    expect(found).toEqual([]);
  });
});
