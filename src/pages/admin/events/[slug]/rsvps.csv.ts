/**
 * GET /admin/events/<slug>/rsvps.csv: the staff export, one row per registration, for Excel.
 * Off unless RSVP_ADMIN_TOKEN is set; otherwise `Authorization: Bearer <token>`, compared in constant time.
 */
import type { APIRoute } from 'astro';
import { formatTime, isoDate } from '../../../../lib/dates';
import type { ExtraField } from '../../../../lib/rsvp/validate';
import { adminAccess, MIN_TOKEN_LENGTH } from '../../../../server/auth';
import { listBookings, type Booking } from '../../../../server/booking';
import { toCsv } from '../../../../server/csv';
import { bookable, eventEntry, getDb, settings } from '../../../../server/runtime';

export const prerender = false;

const text = (status: number, body: string, headers: Record<string, string> = {}) =>
  new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers } });

/** Columns for the extra questions, present only when the event asks them. */
const extraColumns: { field: ExtraField; title: string; value: (b: Booking) => string | null }[] = [
  { field: 'children', title: '孩子年龄', value: (b) => b.childAges.join('，') },
  { field: 'school', title: '学校', value: (b) => b.school },
  { field: 'className', title: '班级', value: (b) => b.className },
  { field: 'dueDate', title: '预产期', value: (b) => b.dueDate },
];

const statusLabel: Record<Booking['status'], string> = { confirmed: '已确认', waitlisted: '候补', cancelled: '已取消' };

export const GET: APIRoute = async ({ params, request }) => {
  const access = adminAccess(request.headers.get('authorization'), settings.adminToken);
  if (access === 'disabled') {
    return text(403, `报名导出已关闭：服务器没有设置 RSVP_ADMIN_TOKEN（至少${MIN_TOKEN_LENGTH}个字符）。`);
  }
  if (access !== 'ok') {
    return text(401, access === 'missing' ? '需要管理令牌（Authorization: Bearer …）。' : '管理令牌不正确。', {
      'www-authenticate': 'Bearer realm="rsvp-export", charset="UTF-8"',
    });
  }
  const entry = await eventEntry(params.slug);
  const event = entry && bookable(entry);
  if (!event) return text(404, '没有这个需要报名的活动。');

  const extra = extraColumns.filter((c) => event.rsvp.fields.includes(c.field));
  let line = 0;
  const rows = listBookings(getDb(), event.slug).map((b) => {
    if (b.status === 'waitlisted') line += 1;
    return [
      b.code,
      statusLabel[b.status],
      b.status === 'waitlisted' ? line : '',
      b.name,
      b.phone,
      b.seats,
      ...extra.map((c) => c.value(b)),
      `${isoDate(b.createdAt)} ${formatTime(b.createdAt)}`,
    ];
  });
  const header = ['确认码', '状态', '候补顺序', '姓名', '手机号', '人数', ...extra.map((c) => c.title), '报名时间（北京时间）'];
  const stamp = isoDate(Date.now()).replaceAll('-', '');
  return new Response(toCsv([header, ...rows]), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="rsvps-${event.slug}-${stamp}.csv"`,
      'cache-control': 'no-store',
    },
  });
};
