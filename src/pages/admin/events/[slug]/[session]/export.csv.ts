/**
 * GET /admin/events/<slug>/<session>/export.csv: the staff console's export of one session, for a signed-in
 * staff member: the bearer-token export's format plus the session on every row and the check-in columns
 * (已签到, 签到时间, 签到人). Logged (export).
 */
import type { APIRoute } from 'astro';
import { audit } from '../../../../../server/audit';
import { currentStaff } from '../../../../../server/console-web';
import { exportCsv } from '../../../../../server/rsvp-export';
import { getStore } from '../../../../../server/runtime';
import { findSession } from './_find';

export const prerender = false;

export const GET: APIRoute = async ({ params, cookies, redirect }) => {
  const staff = await currentStaff(cookies);
  if (!staff) return redirect('/admin/', 303);
  const found = await findSession(params.slug, params.session);
  if (!found) return new Response('没有这个活动或场次。', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  await audit(await getStore(), staff, 'export', `${found.event.slug}/${found.session.id}`);
  return exportCsv(found.entry, found.event, found.session.id, { staffColumns: true });
};
