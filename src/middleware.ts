/**
 * Runs before every on-demand route (Astro's origin check runs first). Caps the size of POST bodies, which only
 * the RSVP form, the cancellation form and their actions receive.
 */
import { defineMiddleware } from 'astro:middleware';
import { bodyTooLarge, MAX_BODY_BYTES } from './server/body-limit';

export const onRequest = defineMiddleware(async (context, next) => {
  if (context.isPrerendered || context.request.method !== 'POST') return next();
  if (await bodyTooLarge(context.request, MAX_BODY_BYTES)) {
    return new Response(`提交的内容太大（上限${MAX_BODY_BYTES / 1024} KB），没有处理。请返回上一页重新填写。`, {
      status: 413,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  }
  return next();
});
