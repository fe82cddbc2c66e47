/**
 * Lesson plans as teachers get them: timings that add up to the stated length, glossary links that land on a real
 * term, an answer for every worksheet question. Reads the real content files, whatever lessons they hold.
 */
import { describe, expect, it } from 'vitest';
import { readCollection, readData } from '../fixtures/content';
import { groupByBand, timeline, totalMinutes, type FlowStep, type GradeBand } from '../../src/lib/lessons';

interface LessonData {
  title: string;
  gradeBand: GradeBand;
  duration: number;
  flow: FlowStep[];
  glossary?: string[];
  curriculum: { textbook: string; chapter: string };
  worksheet: { items: { prompt: string; answer: string }[] };
}

const lessons = readCollection<LessonData>('lessons');

const glossaryIds = new Set(readData<{ id: string }>('glossary.yaml').map((t) => t.id));

describe('lesson plans in content/lessons', () => {
  it.each(lessons.map((l) => [l.id, l.data] as const))('%s: the flow minutes add up to the duration', (_id, d) => {
    expect(totalMinutes(d.flow)).toBe(d.duration);
  });

  it.each(lessons.map((l) => [l.id, l.data] as const))('%s: every glossary id exists in glossary.yaml', (_id, d) => {
    expect(d.glossary?.length ?? 0).toBeGreaterThan(0);
    const missing = (d.glossary ?? []).filter((id) => !glossaryIds.has(id));
    expect(missing).toEqual([]);
  });

  it.each(lessons.map((l) => [l.id, l.data] as const))('%s: every worksheet question has an answer for the key', (_id, d) => {
    expect(d.worksheet.items.length).toBeGreaterThanOrEqual(3);
    for (const item of d.worksheet.items) expect(item.answer.trim(), item.prompt).not.toBe('');
  });
});

describe('lesson rules (src/lib/lessons.ts)', () => {
  const flow: FlowStep[] = [
    { minutes: 5, step: '导入', detail: '提问' },
    { minutes: 30, step: '活动', detail: '分组' },
    { minutes: 10, step: '小结', detail: '练习单' },
  ];

  it('places each step on the clock from the bell', () => {
    expect(timeline(flow).map((s) => [s.from, s.to])).toEqual([
      [0, 5],
      [5, 35],
      [35, 45],
    ]);
  });

  it('notices a flow that does not fill the lesson', () => {
    expect(totalMinutes(flow)).toBe(45);
    expect(totalMinutes(flow.slice(0, 2))).not.toBe(45);
    expect(totalMinutes([])).toBe(0);
  });

  it('keeps every band in teaching order, even an empty one', () => {
    const groups = groupByBand([{ id: 'a', data: { gradeBand: '高中' as const } }]);
    expect(groups.map((g) => g.band)).toEqual(['小学', '初中', '高中']);
    expect(groups.map((g) => g.lessons.length)).toEqual([0, 0, 1]);
  });
});
