/**
 * Rules for lesson plans (content/lessons): how they are grouped by grade band and how a lesson's flow adds up.
 * Pure, so the pages and the unit tests use the same rules.
 */

/** The grade bands in teaching order; the /schools/ index shows them in this order. */
export const GRADE_BANDS = ['小学', '初中', '高中'] as const;
export type GradeBand = (typeof GRADE_BANDS)[number];

export interface FlowStep {
  minutes: number;
  step: string;
  detail: string;
}

/** A flow step with where it sits in the lesson: minute `from` to minute `to`, counted from the bell. */
export interface TimedStep extends FlowStep {
  from: number;
  to: number;
}

/** Minutes of all steps together; a lesson is consistent when this equals its `duration`. */
export function totalMinutes(flow: readonly FlowStep[]): number {
  return flow.reduce((sum, s) => sum + s.minutes, 0);
}

/** Each step with its start and end minute, so the flow table can print "第 0–5 分钟". */
export function timeline(flow: readonly FlowStep[]): TimedStep[] {
  let at = 0;
  return flow.map((s) => {
    const from = at;
    at += s.minutes;
    return { ...s, from, to: at };
  });
}

interface Banded {
  gradeBand: GradeBand;
}

/**
 * Lessons grouped by band, bands in teaching order, every band present (an empty band is an empty list,
 * so a page can say so instead of silently dropping the heading). Order within a band is kept.
 */
export function groupByBand<T extends { data: Banded }>(lessons: readonly T[]): { band: GradeBand; lessons: T[] }[] {
  return GRADE_BANDS.map((band) => ({ band, lessons: lessons.filter((l) => l.data.gradeBand === band) }));
}
