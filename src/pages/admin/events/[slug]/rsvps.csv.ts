/**
 * GET /admin/events/<slug>/rsvps.csv: the staff export, one row per registration, for Excel.
 * Off unless RSVP_ADMIN_TOKEN is set; otherwise `Authorization: Bearer <token>`, compared in constant time.
 * Each row carries its consent record (PIPL art. 29, FACTS §6): a sensitive item's column beside its consent,
 * then the privacy notice version shown and when the consents were given.
 */
import type { APIRoute } from 'astro';
import { formatTime, isoDate } from '../../../../lib/dates';
import { ageBands, type Consent, type ExtraField } from '../../../../lib/rsvp/validate';
import { adminAccess, MIN_TOKEN_LENGTH } from '../../../../server/auth';
import { listBookings, type Booking } from '../../../../server/booking';
import { toCsv } from '../../../../server/csv';
import { bookable, eventEntry, getDb, settings } from '../../../../server/runtime';

export const prerender = false;

const text = (status: number, body: string, headers: Record<string, string> = {}) =>
  new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers } });

const consented = (b: Booking, c: Consent) => (b.consents.includes(c) ? '是' : '');

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

const at = (t: number) => `${isoDate(t)} ${formatTime(t)}`;

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
  const asksSensitive = event.rsvp.fields.some((f) => f === 'childAgeBands' || f === 'dueMonth');
  const maybeAt = (t: number | null) => (t === null ? '' : at(t));
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
      at(b.createdAt),
      consented(b, 'privacy'),
      b.notice ?? '未记录（旧版表单）',
      maybeAt(b.consentedAt),
      ...(asksSensitive ? [maybeAt(b.withdrawnAt)] : []),
    ];
  });
  const header = [
    ...['确认码', '状态', '候补顺序', '姓名', '手机号', '人数'],
    ...extra.map((c) => c.title),
    ...['报名时间（北京时间）', '同意隐私说明', '隐私说明版本', '同意时间（北京时间）'],
    ...(asksSensitive ? ['撤回敏感信息同意时间（北京时间）'] : []),
  ];
  const stamp = isoDate(Date.now()).replaceAll('-', '');
  return new Response(toCsv([header, ...rows]), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="rsvps-${event.slug}-${stamp}.csv"`,
      'cache-control': 'no-store',
    },
  });
};
