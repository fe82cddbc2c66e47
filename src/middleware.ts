/**
 * Runs before every on-demand route (Astro's origin check runs first). Caps the size of POST bodies, which only
 * the RSVP form, the cancellation form and their actions receive.
 */
import { defineMiddleware } from 'astro:middleware';
import { bodyTooLarge, MAX_BODY_BYTES } from './server/body-limit';
import { sameOrigin } from './server/console-web';

export const onRequest = defineMiddleware(async (context, next) => {
  if (context.isPrerendered || context.request.method !== 'POST') return next();
  // The staff console: every state change must come from this site's own pages (CSRF), whatever its content type.
  if (context.url.pathname.startsWith('/admin/') && !sameOrigin(context.request, context.url)) {
    return new Response('跨站请求被拒绝。', { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  if (await bodyTooLarge(context.request, MAX_BODY_BYTES)) {
    return new Response(`提交的内容太大（上限${MAX_BODY_BYTES / 1024} KB），没有处理。请返回上一页重新填写。`, {
      status: 413,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  }
  return next();
});
