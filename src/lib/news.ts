/** Rules for the news section: order and NewsArticle JSON-LD. Pure TypeScript over plain data. */

/** The fields these rules need; a CollectionEntry<'news'> fits it. */
export interface NewsLike {
  id: string;
  data: { title: string; publishedAt: Date };
}

/** Newest first; items of the same day by title, so the order never depends on file-system order. */
export function newestFirst<T extends NewsLike>(items: T[]): T[] {
  return [...items].sort(
    (a, b) => b.data.publishedAt.getTime() - a.data.publishedAt.getTime() || a.data.title.localeCompare(b.data.title, 'zh-CN'),
  );
}

/** schema.org NewsArticle for one news page. */
export function newsArticle(o: {
  headline: string;
  description: string;
  url: string;
  /** YYYY-MM-DD (Beijing date). */
  datePublished: string;
  publisher: { name: string; url: string };
  citations: { title: string; publisher: string; year: number; url?: string | undefined }[];
}) {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: o.headline,
    description: o.description,
    url: o.url,
    mainEntityOfPage: o.url,
    datePublished: o.datePublished,
    inLanguage: 'zh-CN',
    author: { '@type': 'Organization', name: o.publisher.name, url: o.publisher.url },
    publisher: { '@type': 'Organization', name: o.publisher.name, url: o.publisher.url },
    citation: o.citations.map((c) => ({
      '@type': 'CreativeWork',
      name: c.title,
      publisher: { '@type': 'Organization', name: c.publisher },
      datePublished: String(c.year),
      ...(c.url ? { url: c.url } : {}),
    })),
  };
}
