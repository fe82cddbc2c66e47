/**
 * The science articles as files: every article cites a source and names a known reviewer, no statistic is typed
 * into a body (the figure and glossary ids they use are checked with the other content in reference.test.ts);
 * plus the pure rules in src/lib/articles.ts.
 */
import { describe, expect, it } from 'vitest';
import { groupByCategory, medicalWebPage, relatedArticles, shortPublisher, type ArticleLike } from '../../src/lib/articles';

import { readCollection, readData } from '../fixtures/content';

const ids = (file: string) => new Set(readData<{ id: string }>(file).map((e) => e.id));
const reviewerIds = ids('reviewers.yaml');

interface Front {
  sources?: { title: string; publisher: string; year: number; url?: string }[];
  reviewedBy?: string;
  related?: string[];
}
const articles = readCollection<Front>('articles').map((a) => ({ file: a.file, slug: a.id, front: a.data, body: a.body }));

describe('article files', () => {
  it('each has a lowercase ascii slug', () => {
    for (const a of articles) expect(a.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('every article cites at least one source with a title, publisher and year', () => {
    for (const a of articles) {
      expect(a.front.sources?.length ?? 0, a.file).toBeGreaterThanOrEqual(1);
      for (const s of a.front.sources ?? []) {
        expect(s.title.length, a.file).toBeGreaterThan(1);
        expect(s.publisher.length, a.file).toBeGreaterThan(1);
        expect(Number.isInteger(s.year), a.file).toBe(true);
      }
    }
  });

  it('every article names a reviewer listed in reviewers.yaml and links only to existing articles', () => {
    const slugs = new Set(articles.map((a) => a.slug));
    for (const a of articles) {
      expect(reviewerIds.has(a.front.reviewedBy ?? ''), `${a.file}: reviewer ${a.front.reviewedBy}`).toBe(true);
      for (const r of a.front.related ?? []) expect(slugs.has(r), `${a.file}: related ${r}`).toBe(true);
      for (const [, slug] of a.body.matchAll(/\]\(\/learn\/([^/)#]+)\/?\)/g)) expect(slugs.has(slug as string), `${a.file}: link ${slug}`).toBe(true);
    }
  });

  it('no statistic is typed into an article body (numbers come from <Figure>)', () => {
    // Counts and shares written as digits followed by a counting unit; years, dates and document numbers are allowed.
    const statistic = /\d[\d.,]*\s*(万|亿|份|家|例|个|件|%|％|余|多)/;
    const offending = articles.flatMap((a) =>
      a.body
        .replace(/<[^>]*>/g, '')
        .split('\n')
        .map((line) => line.replace(/^\s*\d+\.\s/, '')) // an ordered-list marker is not a number in the text
        .filter((line) => statistic.test(line))
        .map((line) => `${a.file}: ${line.trim()}`),
    );
    expect(offending).toEqual([]);
  });

  it('the statistic check does catch a typed figure', () => {
    const statistic = /\d[\d.,]*\s*(万|亿|份|家|例|个|件|%|％|余|多)/;
    expect(statistic.test('储存量已破12万份')).toBe(true);
    expect(statistic.test('相合的概率是30%')).toBe(true);
    expect(statistic.test('2030年5月签署')).toBe(false);
  });
});

const day = new Date('2026-11-25T00:00:00+08:00');
const make = (id: string, category: string, extra: Partial<ArticleLike['data']> = {}): ArticleLike => ({
  id,
  data: {
    title: id,
    description: `${id}的简介`,
    category,
    tags: [],
    order: 100,
    publishedAt: day,
    updatedAt: day,
    reviewedAt: day,
    sources: [{ title: '来源', publisher: '出版方', year: 2017 }],
    related: [],
    ...extra,
  },
});

describe('groupByCategory', () => {
  it('keeps the category order given, sorts by order, and leaves out empty categories', () => {
    const list = [make('b', '临床应用', { order: 20 }), make('a', '临床应用', { order: 10 }), make('c', '基础知识')];
    const groups = groupByCategory(list, ['基础知识', '捐献与储存', '临床应用']);
    expect(groups.map((g) => g.category)).toEqual(['基础知识', '临床应用']);
    expect(groups[1]?.articles.map((a) => a.id)).toEqual(['a', 'b']);
  });
});

describe('relatedArticles', () => {
  const a = make('a', 'x', { related: [{ id: 'd' }, { id: 'a' }, { id: 'gone' }], tags: ['hla'] });
  const all = [a, make('b', 'x'), make('c', 'y', { tags: ['hla'] }), make('d', 'z'), make('e', 'y')];

  it("puts the author's choices first, then the same category, then shared tags", () => {
    expect(relatedArticles(a, all).map((r) => r.id)).toEqual(['d', 'b', 'c']);
  });

  it('never lists the article itself, an unknown id, or the same article twice, and respects the maximum', () => {
    const ids = relatedArticles(a, all, 2).map((r) => r.id);
    expect(ids).toEqual(['d', 'b']);
    expect(relatedArticles(make('lonely', 'q'), [make('lonely', 'q')])).toEqual([]);
  });
});

describe('shortPublisher', () => {
  it('drops a trailing byline in brackets, keeps everything else', () => {
    expect(shortPublisher('某某健康报（记者 张三 通讯员 李四）')).toBe('某某健康报');
    expect(shortPublisher('World Marrow Donor Association (WMDA)')).toBe('World Marrow Donor Association');
    expect(shortPublisher('American Academy of Pediatrics')).toBe('American Academy of Pediatrics');
  });
});

describe('medicalWebPage', () => {
  it('carries lastReviewed, reviewedBy, about and one citation per source, dates in Beijing time', () => {
    const art = make('x', '基础知识', {
      tags: ['脐带血'],
      reviewedAt: new Date('2026-11-24T16:30:00Z'), // 2026-11-25 00:30 in Beijing
      sources: [
        { title: 'A', publisher: 'P', year: 2017, url: 'https://example.org/a' },
        { title: 'B', publisher: 'Q', year: 2024 },
      ],
    });
    const ld = medicalWebPage({ article: art, url: 'https://site/learn/x/', reviewerName: '团队', publisherName: '库' });
    expect(ld['@type']).toBe('MedicalWebPage');
    expect(ld.lastReviewed).toBe('2026-11-25');
    expect(ld.reviewedBy).toEqual({ '@type': 'Organization', name: '团队' });
    expect(ld.about.map((t) => t.name)).toEqual(['基础知识', '脐带血']);
    expect(ld.citation).toHaveLength(2);
    expect(ld.citation[0]).toMatchObject({ name: 'A', url: 'https://example.org/a', datePublished: '2017' });
    expect(ld.citation[1]).not.toHaveProperty('url');
  });
});
