/**
 * The science articles as files: every figure and glossary term they use exists, every article cites a source
 * and names a known reviewer, no statistic is typed into a body; plus the pure rules in src/lib/articles.ts.
 */
import { describe, expect, it } from 'vitest';
import { groupByCategory, medicalWebPage, relatedArticles, shortPublisher, type ArticleLike } from '../../src/lib/articles';

import { readCollection, readData } from '../fixtures/content';

const ids = (file: string) => new Set(readData<{ id: string }>(file).map((e) => e.id));
const figureIds = ids('figures.yaml');
const glossaryIds = ids('glossary.yaml');
const reviewerIds = ids('reviewers.yaml');

interface Front {
  sources?: { title: string; publisher: string; year: number; url?: string }[];
  reviewedBy?: string;
  related?: string[];
}
const articles = readCollection<Front>('articles').map((a) => ({ file: a.file, slug: a.id, front: a.data, body: a.body }));

/** Every `<Name … id="x"` in a body. */
const usedIds = (body: string, component: string) =>
  [...body.matchAll(new RegExp(`<${component}\\b[^>]*?\\bid="([^"]*)"`, 'g'))].map((m) => m[1] as string);

describe('article files', () => {
  it('there are at least 12, each with a lowercase ascii slug', () => {
    expect(articles.length).toBeGreaterThanOrEqual(12);
    for (const a of articles) expect(a.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('every figure id an article uses exists in figures.yaml', () => {
    const missing = articles.flatMap((a) => usedIds(a.body, 'Figure').filter((id) => !figureIds.has(id)).map((id) => `${a.file}: ${id}`));
    expect(missing).toEqual([]);
    // The check must have something to check: the articles do read figures.
    expect(articles.flatMap((a) => usedIds(a.body, 'Figure')).length).toBeGreaterThan(10);
  });

  it('every glossary id an article uses exists in glossary.yaml', () => {
    const missing = articles.flatMap((a) => usedIds(a.body, 'Term').filter((id) => !glossaryIds.has(id)).map((id) => `${a.file}: ${id}`));
    expect(missing).toEqual([]);
    expect(articles.flatMap((a) => usedIds(a.body, 'Term')).length).toBeGreaterThan(20);
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
    expect(statistic.test('储存量已破84万份')).toBe(true);
    expect(statistic.test('兄弟姐妹相合的概率是25%')).toBe(true);
    expect(statistic.test('2023年12月签署')).toBe(false);
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
    expect(shortPublisher('山东省脐带血造血干细胞库（记者 张晓燕 通讯员 程美慧）')).toBe('山东省脐带血造血干细胞库');
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
