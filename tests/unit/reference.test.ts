/**
 * The reference content (glossary, FAQ, timeline, news) and the rules behind its pages: ids are unique, every
 * figure and glossary id the content uses exists, every FAQ link leads to a page and anchor that exist, the history
 * is in order. Whatever the content holds: no count, date or entry of the real content is named here.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCollection, readData } from '../fixtures/content';
import { definedTermSet, groupByInitial, initialOf, toneless } from '../../src/lib/glossary';
import { faqPage, figureIds, fillFigures, groupFaq, paragraphs, segments } from '../../src/lib/faq';
import { formatWhen, sortTimeline } from '../../src/lib/timeline';
import { newestFirst } from '../../src/lib/news';
import { faqGroups } from '../../src/content.config';

interface Term { id: string; term: string; pinyin: string; english?: string; definition: string; seeAlso?: string[] }
interface Faq { id: string; group: string; order?: number; question: string; answer: string; links?: { text: string; href: string }[] }
interface Moment { id: string; when: string; title: string; detail: string; source: string }

const load = readData;
const glossary = load<Term>('glossary.yaml');
const faq = load<Faq>('faq.yaml');
const timeline = load<Moment>('timeline.yaml');
const figures = load<{ id: string }>('figures.yaml');

interface Front {
  glossary?: string[];
  figures?: string[];
}
/** Every MDX file that pages render with <Figure> and <Term>, with the ids its frontmatter lists. */
const mdx = ['articles', 'lessons', 'news', 'charity'].flatMap((folder) =>
  readCollection<Front>(folder).map((f) => ({ ...f, where: `${folder}/${f.file}` })),
);
/** Every `<Name … id="x"` in a body. */
const usedIds = (body: string, component: string) =>
  [...body.matchAll(new RegExp(`<${component}\\b[^>]*?\\bid="([^"]*)"`, 'g'))].map((m) => m[1] as string);
/** Ids the MDX files use, as <component id> in a body or in a frontmatter list, that the data file lacks. */
const missingIds = (component: string, list: keyof Front, data: { id: string }[]) => {
  const known = new Set(data.map((e) => e.id));
  return mdx.flatMap((f) =>
    [...usedIds(f.body, component), ...(f.data[list] ?? [])].filter((id) => !known.has(id)).map((id) => `${f.where}: ${id}`),
  );
};

const slugsIn = (dir: string) =>
  existsSync(dir) ? readdirSync(dir).filter((f) => /\.mdx?$/.test(f)).map((f) => f.replace(/\.mdx?$/, '')) : [];

/** Dynamic routes: the page file that renders them and the content folder whose files become slugs. */
const dynamicRoutes: Record<string, { page: string; content: string }> = {
  learn: { page: 'src/pages/learn/[slug].astro', content: 'content/articles' },
  news: { page: 'src/pages/news/[slug].astro', content: 'content/news' },
  charity: { page: 'src/pages/charity/[slug].astro', content: 'content/charity' },
  events: { page: 'src/pages/events/[slug].astro', content: 'content/events' },
  schools: { page: 'src/pages/schools/[slug].astro', content: 'content/lessons' },
};

/** Whether a site path (without # or ?) is served by a file under src/pages, static or dynamic. */
function routeExists(path: string): boolean {
  const bare = path.replace(/\/$/, '');
  const candidates = [`src/pages${bare}/index.astro`, `src/pages${bare}.astro`, `src/pages${bare}.ts`, `src/pages${bare}/index.ts`];
  if (path === '/') candidates.push('src/pages/index.astro');
  if (candidates.some((f) => existsSync(f))) return true;
  const m = path.match(/^\/([a-z]+)\/([a-z0-9-]+)\/$/);
  const route = m && dynamicRoutes[m[1] as string];
  return Boolean(route && existsSync(route.page) && slugsIn(route.content).includes(m[2] as string));
}

/** A static page's source and that of the .astro components it imports, where its element ids are written. */
function sourceOf(file: string): string {
  const text = readFileSync(file, 'utf8');
  const components = [...text.matchAll(/from '(\.[^']+\.astro)'/g)].map((m) => resolve(dirname(file), m[1] as string));
  return [text, ...components.filter((f) => existsSync(f)).map((f) => readFileSync(f, 'utf8'))].join('\n');
}

/** Whether an anchor exists on a page: data-driven anchors from their YAML, static pages from their source. */
function anchorExists(path: string, anchor: string): boolean {
  if (path === '/glossary/') return glossary.some((t) => t.id === anchor) || /^letter-[a-z]$/.test(anchor);
  if (path === '/faq/') return faq.some((q) => q.id === anchor);
  const file = [`src/pages${path}index.astro`, `src/pages${path.replace(/\/$/, '')}.astro`].find((f) => existsSync(f));
  return Boolean(file && sourceOf(file).includes(`id="${anchor}"`));
}

/** Why an internal link is broken, or null when it resolves. */
function brokenLink(href: string): string | null {
  const url = new URL(href, 'https://site.invalid');
  if (!routeExists(url.pathname)) return `${href}: no page serves ${url.pathname}`;
  const anchor = url.hash.slice(1);
  if (anchor && !anchorExists(url.pathname, anchor)) return `${href}: no #${anchor} on ${url.pathname}`;
  return null;
}

describe('glossary.yaml', () => {
  it('gives every term a unique ascii-kebab id, pinyin with tone marks, and a definition', () => {
    const ids = glossary.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const t of glossary) {
      expect(t.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(t.pinyin.trim(), t.id).not.toBe('');
      expect(t.definition.length, t.id).toBeGreaterThanOrEqual(10);
    }
    // Tone marks are what make pinyin useful to a reader learning the word: every entry carries them.
    expect(glossary.filter((t) => !/\p{M}/u.test(t.pinyin.normalize('NFD'))).map((t) => t.id)).toEqual([]);
  });

  it('has every term the content uses: <Term> in articles, lessons, news and charity pages, and lesson glossaries', () => {
    expect(missingIds('Term', 'glossary', glossary)).toEqual([]);
  });

  it('points every 参见 at a term that exists, never at itself', () => {
    const ids = new Set(glossary.map((t) => t.id));
    const bad = glossary.flatMap((t) => (t.seeAlso ?? []).filter((r) => !ids.has(r) || r === t.id).map((r) => `${t.id} → ${r}`));
    expect(bad).toEqual([]);
  });

  it('files every term under an A–Z letter', () => {
    expect(glossary.filter((t) => !/^[A-Z]$/.test(initialOf(t.pinyin))).map((t) => t.id)).toEqual([]);
  });
});

describe('glossary rules', () => {
  it('reads the initial from pinyin, ignoring tone marks and ü', () => {
    expect(initialOf('zàoxuè')).toBe('Z');
    expect(initialOf('Ōu')).toBe('O');
    expect(initialOf('ISO 9001 zhìliàng')).toBe('I');
    expect(initialOf('12320')).toBe('#');
    expect(toneless('Lǜsè')).toBe('luse');
  });

  it('groups A–Z and sorts terms by pinyin within a letter, with unlettered terms last', () => {
    const groups = groupByInitial([
      { term: '植入', pinyin: 'zhírù' },
      { term: '12320', pinyin: '12320' },
      { term: '白血病', pinyin: 'báixuèbìng' },
      { term: '造血干细胞', pinyin: 'zàoxuè gànxìbāo' },
    ]);
    expect(groups.map((g) => g.letter)).toEqual(['B', 'Z', '#']);
    expect(groups[1]?.terms.map((t) => t.term)).toEqual(['造血干细胞', '植入']);
  });

  it('builds a DefinedTermSet whose terms point at their anchors', () => {
    const ld = definedTermSet({ name: 'x', description: 'y', url: 'https://a.example/glossary/', terms: glossary as never });
    expect(ld.hasDefinedTerm).toHaveLength(glossary.length);
    expect(ld.hasDefinedTerm[0]?.url).toBe(`https://a.example/glossary/#${glossary[0]?.id}`);
  });
});

describe('figures.yaml', () => {
  it('has every figure the content uses: <Figure> in articles, lessons, news and charity pages, and charity figures', () => {
    expect(missingIds('Figure', 'figures', figures)).toEqual([]);
  });

  it('the id check does find the ids a body uses', () => {
    const body = '共<Figure id="some-figure" />，见<Term id="some-term">某术语</Term>和<Term id="other-term" />。';
    expect(usedIds(body, 'Figure')).toEqual(['some-figure']);
    expect(usedIds(body, 'Term')).toEqual(['some-term', 'other-term']);
  });
});

describe('faq.yaml', () => {
  it('gives every question a unique id and a known group', () => {
    const ids = faq.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(faq.filter((q) => !(faqGroups as readonly string[]).includes(q.group)).map((q) => q.id)).toEqual([]);
  });

  it('places every question at its own position within its group', () => {
    for (const g of groupFaq(faq, faqGroups)) {
      const orders = g.items.map((q) => q.order);
      expect(new Set(orders).size, g.group).toBe(orders.length);
    }
  });

  it('links only to pages and anchors that exist', () => {
    const links = faq.flatMap((q) => q.links ?? []);
    expect(links.map((l) => brokenLink(l.href)).filter(Boolean)).toEqual([]);
  });

  it('links to each section a reader asks about', () => {
    const hrefs = faq.flatMap((q) => (q.links ?? []).map((l) => l.href));
    for (const prefix of ['/learn/', '/verify/', '/charity/', '/events/']) expect(hrefs.some((h) => h.startsWith(prefix)), prefix).toBe(true);
  });

  it('reads every number from figures.yaml by an id that exists', () => {
    const known = new Set(figures.map((f) => f.id));
    expect(faq.flatMap((q) => figureIds(q.answer).filter((id) => !known.has(id)).map((id) => `${q.id}: ${id}`))).toEqual([]);
  });
});

describe('the link checker itself', () => {
  it('rejects a page, an article and anchors that do not exist', () => {
    expect(brokenLink('/no-such-page/')).toMatch(/no page/);
    expect(brokenLink('/learn/no-such-article/')).toMatch(/no page/);
    expect(brokenLink('/glossary/#no-such-term')).toMatch(/no #no-such-term/);
    expect(brokenLink('/faq/#no-such-question')).toMatch(/no #/);
    expect(brokenLink('/about/#no-such-section')).toMatch(/no #/);
  });

  it('accepts the pages this work adds', () => {
    expect(brokenLink('/faq/')).toBeNull();
    expect(brokenLink(`/glossary/#${glossary[0]?.id}`)).toBeNull();
    expect(brokenLink('/about/#history')).toBeNull();
    expect(brokenLink('/rss.xml')).toBeNull();
    expect(brokenLink(`/news/${slugsIn('content/news')[0]}/`)).toBeNull();
  });
});

describe('faq rules', () => {
  it('splits answers into paragraphs at blank lines', () => {
    expect(paragraphs('第一段。\n\n第二段\n接着写。\n')).toEqual(['第一段。', '第二段接着写。']);
  });

  it('groups in the given order, questions by order whatever order they arrive in, and drops empty groups', () => {
    const q = (id: string, group: string, order: number) => ({ id, group, order });
    const groups = groupFaq([q('c', '乙', 20), q('a', '甲', 20), q('b', '甲', 10), q('d', '乙', 10)], ['甲', '丙', '乙']);
    expect(groups.map((g) => g.group)).toEqual(['甲', '乙']);
    expect(groups.map((g) => g.items.map((i) => i.id))).toEqual([['b', 'a'], ['d', 'c']]);
  });

  it('puts figures into the answer text and stops on an unknown id', () => {
    expect(segments('共{fig:a}，另有{fig:b}。')).toEqual([
      { kind: 'text', value: '共' },
      { kind: 'figure', id: 'a' },
      { kind: 'text', value: '，另有' },
      { kind: 'figure', id: 'b' },
      { kind: 'text', value: '。' },
    ]);
    const write = (id: string) => (id === 'a' ? '7家' : undefined);
    expect(fillFigures('共{fig:a}。', write)).toBe('共7家。');
    expect(() => fillFigures('共{fig:missing}。', write)).toThrow(/missing/);
  });

  it('builds FAQPage JSON-LD with one Question per item', () => {
    const ld = faqPage([{ question: '问？', answer: '答。', url: 'https://a.example/faq/#q' }]);
    expect(ld['@type']).toBe('FAQPage');
    expect(ld.mainEntity[0]).toMatchObject({ '@type': 'Question', name: '问？', acceptedAnswer: { '@type': 'Answer', text: '答。' } });
  });
});

describe('timeline.yaml', () => {
  it('is written oldest first, with unique ids', () => {
    expect(timeline.map((t) => t.id)).toEqual(sortTimeline(timeline).map((t) => t.id));
    expect(new Set(timeline.map((t) => t.id)).size).toBe(timeline.length);
  });

  it('gives every entry a source and a year or year-month', () => {
    for (const t of timeline) {
      expect(t.when, t.id).toMatch(/^\d{4}(-\d{2})?$/);
      expect(t.source.length, t.id).toBeGreaterThan(4);
    }
  });

  it('sorts a year before the months of that year and writes dates the Chinese way', () => {
    expect(sortTimeline([{ when: '2031-12' }, { when: '2009' }, { when: '2031' }]).map((t) => t.when)).toEqual(['2009', '2031', '2031-12']);
    expect(formatWhen('1999')).toBe('1999年');
    expect(formatWhen('2030-03')).toBe('2030年3月');
  });
});

describe('news rules', () => {
  it('puts the newest first and breaks same-day ties by title, whatever the input order', () => {
    const n = (id: string, title: string, day: string) => ({ id, data: { title, publishedAt: new Date(day) } });
    const items = [n('a', '乙', '2030-12-31'), n('b', '丙', '2031-01-31'), n('c', '甲', '2030-12-31'), n('d', '丁', '2029-03-31')];
    const once = newestFirst(items).map((i) => i.id);
    expect(once[0]).toBe('b');
    expect(once.at(-1)).toBe('d');
    expect(newestFirst([...items].reverse()).map((i) => i.id)).toEqual(once);
  });

  it('has every news item cite a source', () => {
    for (const n of readCollection<{ sources?: unknown[] }>('news')) expect(n.data.sources?.length ?? 0, n.file).toBeGreaterThan(0);
  });
});
