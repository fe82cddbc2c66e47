/**
 * Astro Actions for RSVP. Both accept the HTML form as posted (accept: 'form'), so the same action serves the
 * no-JS page (POST to the page, result read with Astro.getActionResult) and the island (actions.rsvp(formData)).
 * No zod input schema: the fields are checked by src/lib/rsvp/validate.ts, the rules the island also runs.
 * Refusals are returned as data carrying their HTTP status, so the page can show them beside the fields.
 */
import { defineAction } from 'astro:actions';
import type { RsvpOutcome } from '../lib/rsvp/outcome';
import { messages, submitCancel, submitRsvp } from '../server/rsvp-service';
import { findEvent, getStore, limiter } from '../server/runtime';
import { readerAddressOf } from '../server/proxy-settings';

/**
 * Posted to an event's registration page (the no-JS door), the form must be that page's event: the page answers
 * for its own event (404 for an unknown one), so a booking of another event made here would be stored while the
 * answer says it was not. The island posts to /_actions/rsvp/ and names its event in the form alone.
 */
function otherPagesEvent(form: FormData, url: URL): boolean {
  const page = /^\/events\/([^/]+)\/rsvp\/?$/.exec(url.pathname)?.[1];
  if (page === undefined) return false;
  let slug = page;
  try {
    slug = decodeURIComponent(page);
  } catch {
    /* not valid percent-encoding: compared as sent, so it matches no event */
  }
  return slug !== String(form.get('event') ?? '').trim();
}
const rejected: RsvpOutcome = { ok: false, httpStatus: 400, reason: 'rejected', errors: {}, message: messages.rejected };

export const server = {
  rsvp: defineAction({
    accept: 'form',
    handler: async (form, context) =>
      otherPagesEvent(form, context.url) ? rejected : submitRsvp(form, { store: await getStore(), limiter, findEvent, clientAddress: readerAddressOf(context) }),
  }),
  cancelRsvp: defineAction({
    accept: 'form',
    handler: async (form, context) => submitCancel(form, { store: await getStore(), limiter, findEvent, clientAddress: readerAddressOf(context) }),
  }),
};
