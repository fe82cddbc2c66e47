import type { APIRoute } from 'astro';

/** robots.txt names the sitemap by its absolute URL, so it follows SITE_URL. */
export const GET: APIRoute = ({ site }) =>
  new Response(
    `User-agent: *\nAllow: /\nDisallow: /admin/\nDisallow: /rsvp/\n\nSitemap: ${new URL('/sitemap-index.xml', site).href}\n`,
    { headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
  );
