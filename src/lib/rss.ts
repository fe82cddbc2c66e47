/** RSS 2.0 documents for the news and events feeds. Pure: no dependency, escapes every text. */
export interface RssItem {
  title: string;
  /** Absolute URL of the item's page. */
  link: string;
  description: string;
  pubDate: Date;
}

export interface RssChannel {
  title: string;
  description: string;
  /** Absolute URL of the site section the feed covers. */
  link: string;
  /** Absolute URL of the feed itself. */
  self: string;
  items: RssItem[];
}

const escapeXml = (s: string) =>
  s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] as string);

export function renderRss(ch: RssChannel): string {
  const items = ch.items
    .map(
      (it) => `<item><title>${escapeXml(it.title)}</title><link>${escapeXml(it.link)}</link><guid isPermaLink="true">${escapeXml(
        it.link,
      )}</guid><description>${escapeXml(it.description)}</description><pubDate>${it.pubDate.toUTCString()}</pubDate></item>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>${escapeXml(
    ch.title,
  )}</title><link>${escapeXml(ch.link)}</link><description>${escapeXml(ch.description)}</description><language>zh-CN</language><atom:link href="${escapeXml(
    ch.self,
  )}" rel="self" type="application/rss+xml"/>${items}</channel></rss>`;
}

/** A Response carrying an RSS document, for endpoint routes. */
export function rssResponse(ch: RssChannel): Response {
  return new Response(renderRss(ch), { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
}
