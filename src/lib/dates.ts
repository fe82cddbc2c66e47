/**
 * Dates and times as readers in China expect them: always in Asia/Shanghai, whatever the server's or
 * reader's time zone. Pure: runs in the build, the server and the browser.
 */
export const TIME_ZONE = 'Asia/Shanghai';

const dateFmt = new Intl.DateTimeFormat('zh-CN', { timeZone: TIME_ZONE, year: 'numeric', month: 'long', day: 'numeric' });
const monthFmt = new Intl.DateTimeFormat('zh-CN', { timeZone: TIME_ZONE, year: 'numeric', month: 'long' });
const weekdayFmt = new Intl.DateTimeFormat('zh-CN', { timeZone: TIME_ZONE, weekday: 'short' });
const timeFmt = new Intl.DateTimeFormat('zh-CN', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const isoParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

type DateLike = Date | string | number;
const toDate = (d: DateLike): Date => (d instanceof Date ? d : new Date(d));

/** 2023年12月31日 */
export function formatDate(d: DateLike): string {
  return dateFmt.format(toDate(d));
}

/** 2023年12月 */
export function formatMonth(d: DateLike): string {
  return monthFmt.format(toDate(d));
}

/** 14:30 */
export function formatTime(d: DateLike): string {
  return timeFmt.format(toDate(d));
}

/** 2027年6月1日（周二） */
export function formatDateWithWeekday(d: DateLike): string {
  return `${formatDate(d)}（${weekdayFmt.format(toDate(d))}）`;
}

/** 2027年5月28日 17:00, or with the weekday: 2027年5月28日（周五） 17:00 */
export function formatDateTime(d: DateLike, { weekday = false } = {}): string {
  return `${weekday ? formatDateWithWeekday(d) : formatDate(d)} ${formatTime(d)}`;
}

/** 2027年6月1日（周二）09:30–11:30, or across days when the end is on another date. */
export function formatRange(start: DateLike, end: DateLike): string {
  const s = toDate(start);
  const e = toDate(end);
  if (isoDate(s) === isoDate(e)) return `${formatDateWithWeekday(s)} ${formatTime(s)}–${formatTime(e)}`;
  return `${formatDateWithWeekday(s)} ${formatTime(s)} 至 ${formatDateWithWeekday(e)} ${formatTime(e)}`;
}

/** YYYY-MM-DD of the instant in Beijing time (for <time datetime> and comparisons by day). */
export function isoDate(d: DateLike): string {
  return isoParts.format(toDate(d));
}
