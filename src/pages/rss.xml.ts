/** The news feed (/rss.xml): every news item, newest first, with absolute links built from the site's origin. */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { site } from '../site';
import { rssResponse } from '../lib/rss';
import { newestFirst } from '../lib/news';

export const GET: APIRoute = async (context) => {
  // astro.config.mjs always sets `site`; the fallback only keeps the type honest.
  const origin = context.site ?? new URL(context.url.origin);
  const items = newestFirst(await getCollection('news'));
  return rssResponse({
    title: `${site.shortName}新闻动态`,
    description: `${site.name}（${site.shortName}）的新闻动态`,
    link: new URL('/news/', origin).href,
    self: new URL('/rss.xml', origin).href,
    items: items.map((n) => ({
      title: n.data.title,
      link: new URL(`/news/${n.id}/`, origin).href,
      description: n.data.description,
      pubDate: n.data.publishedAt,
    })),
  });
};
