/**
 * The registrations export as CSV for Excel and WPS: the bearer-token route (/admin/events/<slug>/rsvps.csv, for
 * scripts) and the staff console's export (with `staffColumns`: the session on every row and the check-in columns)
 * both write it here. See src/pages/admin/events/[slug]/rsvps.csv.ts for what the file holds.
 */
import type { CollectionEntry } from 'astro:content';
import { formatTime, isoDate } from '../lib/dates';
import { sessionLabel, sessionsSummary } from '../lib/sessions';
import { exampleTitle } from '../lib/unconfirmed';
import { ageBands, type Consent, type ExtraField } from '../lib/rsvp/validate';
import { availability, seatsTaken, type BookableEvent, type Booking } from './booking';
import { consoleBookings, type ConsoleBooking } from './console';
import { phoneAsText, toCsv } from './csv';
import { getStore } from './runtime';

const text = (status: number, body: string) =>
  new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });

const consented = (b: Booking, c: Consent) => (b.consents.includes(c) ? '是' : '');
/** A count that adds to a sum only while the booking holds or waits for seats. */
const live = (b: Booking, n: number | null) => (b.status === 'cancelled' || n === null ? '' : n);

/** Columns for the extra questions, present only when the event asks them; a sensitive one with its consent. */
const extraColumns: { field: ExtraField; title: string; value: (b: Booking) => string | null }[] = [
  {
    field: 'childAgeBands',
    title: '孩子年龄段',
    value: (b) => ageBands.flatMap(([k, label]) => (b.childAgeBands?.[k] ? [`${label}${b.childAgeBands[k]}位`] : [])).join('，'),
  },
  { field: 'childAgeBands', title: '监护人同意提供孩子年龄段', value: (b) => consented(b, 'childAgeBands') },
  { field: 'school', title: '学校', value: (b) => b.school },
  { field: 'className', title: '班级', value: (b) => b.className },
  { field: 'dueMonth', title: '预产月', value: (b) => b.dueMonth },
  { field: 'dueMonth', title: '同意提供预产月', value: (b) => consented(b, 'dueMonth') },
];

/** A school group's own columns (pupils and teachers apart, so each can be summed). */
const schoolColumns: { title: string; value: (b: Booking) => string | number | null }[] = [
  { title: '学生人数', value: (b) => live(b, b.pupils) },
  { title: '老师人数', value: (b) => live(b, b.teachers) },
  { title: '预计到达（北京时间）', value: (b) => b.arrival },
  { title: '需要准备的', value: (b) => b.prepNote },
  { title: '已确认安全须知', value: (b) => (b.safetyAckAt === null ? '' : '是') },
];

const at = (t: number) => `${isoDate(t)} ${formatTime(t)}`;

const statusLabel: Record<Booking['status'], string> = { confirmed: '已确认', waitlisted: '候补', cancelled: '已取消' };
const statusOrder: Record<Booking['status'], number> = { confirmed: 0, waitlisted: 1, cancelled: 2 };

/** The export of one event (all sessions, or `only` one); staffColumns adds the session and check-in columns. */
export async function exportCsv(
  entry: CollectionEntry<'events'>,
  event: BookableEvent,
  only: string | null,
  { staffColumns = false }: { staffColumns?: boolean } = {},
): Promise<Response> {
  const sessions = only === null ? event.sessions : event.sessions.filter((s) => s.id === only);
  if (!sessions.length) return text(404, '这个活动没有这一场。');

  const group = Boolean(event.rsvp.schoolGroup);
  const several = staffColumns || event.sessions.length > 1;
  const extra = extraColumns.filter((c) => event.rsvp.fields.includes(c.field));
  const asksSensitive = event.rsvp.fields.some((f) => f === 'childAgeBands' || f === 'dueMonth');
  const maybeAt = (t: number | null) => (t === null ? '' : at(t));
  const order = new Map(event.sessions.map((s, i) => [s.id, i]));
  const label = (id: string) => {
    const s = event.sessions.find((x) => x.id === id);
    // A booking whose session was taken out of the event's file after it was made.
    return s ? sessionLabel(s) : `${id}（活动文件里已没有这一场）`;
  };
  const store = await getStore();
  const bookings = (await consoleBookings(store, event.slug))
    .filter((b) => only === null || b.session === only)
    .sort((a, b) => (order.get(a.session) ?? 1e9) - (order.get(b.session) ?? 1e9) || a.session.localeCompare(b.session) || statusOrder[a.status] - statusOrder[b.status] || a.id - b.id);
  const line = new Map<string, number>();
  const rows = bookings.map((b: ConsoleBooking) => {
    const place = b.status === 'waitlisted' ? (line.get(b.session) ?? 0) + 1 : 0;
    if (place) line.set(b.session, place);
    return [
      b.code,
      statusLabel[b.status],
      ...(several ? [label(b.session)] : []),
      place || '',
      b.name,
      phoneAsText(b.phone),
      live(b, b.seats),
      ...(group ? [b.school, b.className, ...schoolColumns.map((c) => c.value(b))] : extra.map((c) => c.value(b))),
      at(b.createdAt),
      consented(b, 'privacy'),
      b.notice ?? '未记录（旧版表单）',
      maybeAt(b.consentedAt),
      ...(asksSensitive ? [maybeAt(b.withdrawnAt)] : []),
      ...(staffColumns ? [b.checkedInAt === null ? '' : '是', maybeAt(b.checkedInAt), b.checkedInBy ?? ''] : []),
    ];
  });
  const header = [
    ...['确认码', '状态', ...(several ? ['场次'] : []), '候补顺序', group ? '带队老师' : '姓名', group ? '带队老师手机号' : '手机号', '人数'],
    ...(group ? ['学校', '班级', ...schoolColumns.map((c) => c.title)] : extra.map((c) => c.title)),
    ...['报名时间（北京时间）', '同意隐私说明', '隐私说明版本', '同意时间（北京时间）'],
    ...(asksSensitive ? ['撤回敏感信息同意时间（北京时间）'] : []),
    ...(staffColumns ? ['已签到', '签到时间（北京时间）', '签到人'] : []),
  ];
  const now = Date.now();
  const places = await availability(store, event);
  const taken = new Map(await Promise.all(sessions.map(async (s) => [s.id, await seatsTaken(store, event.slug, s.id)] as const)));
  const about = [
    ['活动', exampleTitle(entry.data)],
    ['活动时间（北京时间）', only === null ? sessionsSummary(event.sessions) : `${sessionLabel(sessions[0]!)}`],
    ['导出时间（北京时间）', at(now)],
    ['说明', '人数只算已确认和候补的报名；已取消的报名只留确认码和同意记录，不计人数。'],
    ...sessions.map((s) => {
      const p = places.get(s.id) ?? { left: 0, waiting: 0 };
      return [`场次 ${sessionLabel(s)}`, `名额${s.capacity}，已确认${taken.get(s.id) ?? 0}位，还剩${p.left}位，候补${p.waiting}组`];
    }),
    [],
  ];
  const stamp = isoDate(now).replaceAll('-', '');
  return new Response(toCsv([...about, header, ...rows]), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="rsvps-${event.slug}${only === null ? '' : `-${only}`}-${stamp}.csv"`,
      'cache-control': 'no-store',
    },
  });
};
