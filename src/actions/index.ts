/**
 * Astro Actions for RSVP. Both accept the HTML form as posted (accept: 'form'), so the same action serves the
 * no-JS page (POST to the page, result read with Astro.getActionResult) and the island (actions.rsvp(formData)).
 * No zod input schema: the fields are checked by src/lib/rsvp/validate.ts, the rules the island also runs.
 * Refusals are returned as data carrying their HTTP status, so the page can show them beside the fields.
 */
import { defineAction } from 'astro:actions';
import { submitCancel, submitRsvp } from '../server/rsvp-service';
import { findEvent, getStore, limiter } from '../server/runtime';

export const server = {
  rsvp: defineAction({
    accept: 'form',
    handler: async (form, context) => submitRsvp(form, { store: await getStore(), limiter, findEvent, clientAddress: context.clientAddress }),
  }),
  cancelRsvp: defineAction({
    accept: 'form',
    handler: async (form, context) => submitCancel(form, { store: await getStore(), limiter, findEvent, clientAddress: context.clientAddress }),
  }),
};
