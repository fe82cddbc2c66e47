/**
 * GET /admin/events/<slug>/rsvps.csv[?session=<id>]: the export for scripts, one row per registration, for Excel and WPS
 * (people use the staff console at /admin/, which has its own export with check-in columns and logs each one).
 * Off unless RSVP_ADMIN_TOKEN is set; otherwise `Authorization: Bearer <token>`, compared in constant time.
 *
 * The file says inside what it is: the event, its time, when it was exported and, per session, seats, confirmed
 * and waiting; then one row per registration, session by session. A school group's row has pupils and teachers in
 * their own columns, its arrival time, what to prepare and the safety notice's acknowledgement. Phone numbers are
 * written 138 0013 8000, which spreadsheets keep as text (an 11-digit number would turn into 1.38E+10). A
 * cancelled row keeps its code and consent record but no party size, so a column's sum counts only live bookings.
 * Each row carries its consent record (PIPL art. 29, FACTS §6): a sensitive item's column beside its consent,
 * then the privacy notice version shown and when the consents were given.
 */
import type { APIRoute } from 'astro';
import { adminAccess, MIN_TOKEN_LENGTH } from '../../../../server/auth';
import { exportCsv } from '../../../../server/rsvp-export';
import { bookable, eventEntry, settings } from '../../../../server/runtime';

export const prerender = false;

const text = (status: number, body: string, headers: Record<string, string> = {}) =>
  new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers } });

export const GET: APIRoute = async ({ params, request, url }) => {
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
  if (!entry || !event) return text(404, '没有这个需要报名的活动。');
  return exportCsv(entry, event, url.searchParams.get('session'));
};
