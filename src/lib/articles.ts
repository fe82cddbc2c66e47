/**
 * Rules for the science articles: grouping by category, choosing related reading, and the MedicalWebPage
 * JSON-LD. Pure TypeScript over plain data (no astro:content import), so unit tests reach it directly.
 */
import { isoDate } from './dates';

export interface ArticleSource {
  title: string;
  publisher: string;
  year: number;
  url?: string | undefined;
}

/** The fields of an article these rules need; a CollectionEntry<'articles'> fits it. */
export interface ArticleLike {
  id: string;
  data: {
    title: string;
    description: string;
    category: string;
    tags: string[];
    order: number;
    publishedAt: Date;
    updatedAt: Date;
    reviewedAt: Date;
    sources: ArticleSource[];
    related: { id: string }[];
  };
}

/** A publisher as it fits inside a sentence: the byline in brackets (reporter names and the like) is dropped. */
export function shortPublisher(publisher: string): string {
  return publisher.replace(/\s*[（(][^（()）]*[)）]\s*$/, '') || publisher;
}

/** Articles of one category, in index order (order, then title). */
function byOrder<A extends ArticleLike>(a: A, b: A): number {
  return a.data.order - b.data.order || a.data.title.localeCompare(b.data.title, 'zh-CN');
}

/**
 * Articles grouped under the categories in the given order; empty categories are left out so the index never
 * shows a heading with nothing under it.
 */
export function groupByCategory<A extends ArticleLike>(
  articles: A[],
  categories: readonly string[],
): { category: string; articles: A[] }[] {
  return categories
    .map((category) => ({ category, articles: articles.filter((a) => a.data.category === category).sort(byOrder) }))
    .filter((g) => g.articles.length > 0);
}

/**
 * The anchor of a category's section on /learn/ (cat-1 for the first of `categories`). It follows the schema's
 * order, not the sections shown, so an article's link back to its category stays the same when another category
 * is empty.
 */
export function categoryAnchor(category: string, categories: readonly string[]): string {
  const i = categories.indexOf(category);
  if (i < 0) throw new Error(`未知的文章分类「${category}」`);
  return `cat-${i + 1}`;
}

/**
 * What to read next: the author's `related` list first (in the author's order), then articles of the same
 * category, then those sharing the most tags, never the article itself and never twice.
 */
export function relatedArticles<A extends ArticleLike>(current: A, all: A[], max = 4): A[] {
  const others = all.filter((a) => a.id !== current.id);
  const chosen: A[] = [];
  const add = (a: A | undefined) => {
    if (a && !chosen.includes(a) && chosen.length < max) chosen.push(a);
  };
  for (const ref of current.data.related) add(others.find((a) => a.id === ref.id));
  others.filter((a) => a.data.category === current.data.category).sort(byOrder).forEach(add);
  const shared = (a: A) => a.data.tags.filter((t) => current.data.tags.includes(t)).length;
  others
    .filter((a) => shared(a) > 0)
    .sort((a, b) => shared(b) - shared(a) || byOrder(a, b))
    .forEach(add);
  return chosen;
}

export interface MedicalWebPageInput {
  article: ArticleLike;
  /** Absolute URL of the article page. */
  url: string;
  /** Reviewer's printed name (a team, never an invented person). */
  reviewerName: string;
  /** The organisation that publishes the site. */
  publisherName: string;
}

/** schema.org MedicalWebPage for an article: who reviewed it and when, what it is about, what it cites. */
export function medicalWebPage({ article, url, reviewerName, publisherName }: MedicalWebPageInput) {
  const d = article.data;
  return {
    '@context': 'https://schema.org',
    '@type': 'MedicalWebPage',
    name: d.title,
    headline: d.title,
    description: d.description,
    url,
    inLanguage: 'zh-CN',
    datePublished: isoDate(d.publishedAt),
    dateModified: isoDate(d.updatedAt),
    lastReviewed: isoDate(d.reviewedAt),
    reviewedBy: { '@type': 'Organization', name: reviewerName },
    publisher: { '@type': 'MedicalOrganization', name: publisherName },
    about: [d.category, ...d.tags].map((name) => ({ '@type': 'Thing', name })),
    citation: d.sources.map((s) => ({
      '@type': 'CreativeWork',
      name: s.title,
      publisher: { '@type': 'Organization', name: s.publisher },
      datePublished: String(s.year),
      ...(s.url ? { url: s.url } : {}),
    })),
  };
}
