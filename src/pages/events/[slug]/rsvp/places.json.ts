/**
 * GET /events/<slug>/rsvp/places.json: seats left and parties waiting per session, { "<session>": { left, waiting } },
 * for the static event page's script (EventStateScript) while registration is open. On demand, never cached: the
 * page is built days before it is read. Under /rsvp/ so that a proxy sending the RSVP routes to Node sends this too.
 */
import type { APIRoute } from 'astro';
import { availability } from '../../../../server/booking';
import { bookable, eventEntry, getStore } from '../../../../server/runtime';

export const prerender = false;

export const GET: APIRoute = async ({ params }) => {
  const entry = await eventEntry(params.slug);
  const event = entry && bookable(entry);
  if (!event) return new Response('{}', { status: 404, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } });
  return new Response(JSON.stringify(Object.fromEntries(await availability(await getStore(), event))), {
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });
};
