/** Rules for the history timeline on /about/. Pure TypeScript over plain data. */

/** The field these rules need; the `timeline` collection's data fits it. */
export interface TimelineLike {
  /** A year (1993) or year and month (2023-12). */
  when: string;
}

/** Oldest first. A year alone sorts before the months of that year (2023 before 2023-12). */
export function sortTimeline<T extends TimelineLike>(items: T[]): T[] {
  return [...items].sort((a, b) => (a.when < b.when ? -1 : a.when > b.when ? 1 : 0));
}

/** 1993 → 1993年; 2023-12 → 2023年12月 (the sources give no days, so none is shown). */
export function formatWhen(when: string): string {
  const [y, m] = when.split('-');
  return m ? `${y}年${Number(m)}月` : `${y}年`;
}
