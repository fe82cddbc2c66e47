/**
 * Rules for the /search/ page that do not need a browser: reading and writing the search URL, turning a typed
 * question into the words to search for, cleaning Pagefind's excerpts, linking FAQ and glossary results to their
 * entry, ordering section filters, and the Chinese status lines. Pure: the page's script and the unit tests share
 * them.
 */
import { QUESTION_PREFIXES, QUESTION_SUFFIXES, QUESTION_WORDS_ANYWHERE } from './licence/words';

/** What a search URL asks for: `/search/?q=脐带血&section=科普&section=活动`. */
export interface SearchState {
  /** The words typed, trimmed; '' when none. */
  q: string;
  /** Sections ticked in the filter (Base.astro's `section` values), in URL order, without repeats. */
  sections: string[];
}

/** Longest query kept from a URL: enough for a sentence copied from a leaflet, short enough to stay cheap. */
export const MAX_QUERY_LENGTH = 100;

/** Reads the state from a location.search string (with or without the leading "?"). */
export function readSearchState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const q = (params.get('q') ?? '').trim().slice(0, MAX_QUERY_LENGTH);
  const sections = [...new Set(params.getAll('section').map((s) => s.trim()).filter(Boolean))];
  return { q, sections };
}

/** The shareable address of a state; the query comes first so a pasted link still reads sensibly. */
export function searchHref(state: SearchState, pathname = '/search/'): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const s of state.sections) params.append('section', s);
  const qs = params.toString();
  return qs ? `${pathname}?${qs}` : pathname;
}

/** True when two states ask for the same results (section order does not matter). */
export function sameState(a: SearchState, b: SearchState): boolean {
  return a.q === b.q && [...a.sections].sort().join('\n') === [...b.sections].sort().join('\n');
}

/**
 * Pagefind's excerpt is text it has already HTML-escaped, with <mark> around the matched words.
 * Anything else that looks like a tag is dropped, so the excerpt can be set as HTML without trusting more than <mark>.
 */
export function safeExcerpt(excerpt: string): string {
  // Chinese words are highlighted piece by piece (<mark>脐带</mark><mark>血</mark>): join them into one highlight.
  return excerpt.replace(/<(?!\/?mark>)[^>]*>?/g, '').replaceAll('</mark><mark>', '');
}

export interface SectionOption {
  name: string;
  count: number;
}

/**
 * Section filters in the site's navigation order (`preferred`), then any other section alphabetically.
 * Counts come from Pagefind (`filters()` or a search's `totalFilters`); a section missing from counts shows 0.
 */
export function orderSections(counts: Record<string, number>, preferred: readonly string[]): SectionOption[] {
  const names = [...preferred, ...Object.keys(counts).filter((n) => !preferred.includes(n)).sort()];
  return names.filter((n) => n in counts || preferred.includes(n)).map((name) => ({ name, count: counts[name] ?? 0 }));
}

/** The line announced in the live region after a search. */
export function statusText(state: SearchState, total: number): string {
  const where = state.sections.length > 0 ? `在「${state.sections.join('、')}」栏目中` : '';
  if (!state.q) return total > 0 ? `${where}共有${total}个页面。` : `${where}没有找到页面。`;
  return total > 0 ? `${where}找到${total}条与「${state.q}」有关的结果。` : `${where}没有找到与「${state.q}」有关的内容。`;
}

/** What the live region says while the index loads and a search runs (on a slow link, for seconds). */
export const SEARCHING_TEXT = '正在搜索…';


const prefixes = [...QUESTION_PREFIXES].sort((a, b) => b.length - a.length);
const suffixes = [...QUESTION_SUFFIXES].sort((a, b) => b.length - a.length);

/** Punctuation and symbols, full-width or half-width, except . - : + / between Latin letters or digits (ISO 9001:2015). */
function dropPunctuation(text: string): string {
  return text.replace(/[\p{P}\p{S}]/gu, (ch, i: number, all: string) =>
    '.-:+/'.includes(ch) && /[A-Za-z0-9]/.test(all[i - 1] ?? '') && /[A-Za-z0-9]/.test(all[i + 1] ?? '') ? ch : ' ',
  );
}

/** One run of text without spaces, its question words removed: the wrappers at its ends, the others anywhere. */
function stripRun(run: string): string {
  let s = run;
  for (let changed = true; changed; ) {
    changed = false;
    const p = prefixes.find((w) => s.startsWith(w) && s.length > w.length);
    if (p) [s, changed] = [s.slice(p.length), true];
    const x = suffixes.find((w) => s.endsWith(w) && s.length > w.length);
    if (x) [s, changed] = [s.slice(0, -x.length), true];
  }
  for (const w of QUESTION_WORDS_ANYWHERE) s = s.split(w).join(' ');
  return s;
}

/**
 * The words to search for in what a reader typed: a question as people ask it (「火种工程怎么申请？」,
 * 「请问脐带血能保存多久」) becomes its subject (「火种工程 申请」, 「脐带血能保存多久」). Pagefind looks for every
 * word of a query, so a question word no page contains would otherwise find nothing. Punctuation becomes a space;
 * full-width letters and digits become half-width. A query that is nothing but question words is kept as typed.
 */
export function queryWords(typed: string): string {
  const text = dropPunctuation(typed.normalize('NFKC'));
  const words = text.split(/\s+/).flatMap((run) => stripRun(run).split(/\s+/)).filter(Boolean);
  return words.length > 0 ? words.join(' ') : text.trim().replace(/\s+/g, ' ');
}

/** The parts of Pagefind's result data (pagefind.app/docs/api/) that tell where on a page the words were found. */
export interface PagefindAnchor {
  /** The element that carries the id, e.g. h3, details, div. */
  element: string;
  id: string;
  text?: string;
  /** Word position on the page where the element starts. */
  location: number;
}
export interface PagefindSubResult {
  /** The heading's text (the page title for the part before the first heading with an id). */
  title: string;
  url: string;
  excerpt: string;
  anchor?: PagefindAnchor;
  weighted_locations?: { balanced_score: number }[];
}

/** One entry of a reference page a result can open at: a FAQ question, a glossary term. */
export interface EntryLink {
  title: string;
  href: string;
  excerpt: string;
}

const isHeading = (a: PagefindAnchor) => /^h[1-6]$/i.test(a.element);
const isEntry = (a: PagefindAnchor, heading: PagefindAnchor) =>
  a.location === heading.location && heading.id.startsWith(`${a.id}-`) && !isHeading(a) && a.element.toLowerCase() !== 'section';

/**
 * The entries of a page that matched, best match first. Pagefind splits a page at each heading with an id
 * (sub-results); where that heading opens an entry, the part is that entry, and the link goes to the entry's id:
 * the address other pages use and the one the page opens or highlights. An entry is an element with an id that
 * starts at the same word as the heading, whose id the heading's extends: the FAQ's
 * <details id="x"><summary><h3 id="x-q">, a glossary term's <div id="x"><h3 id="x-term">. A <section> is a part of
 * a page, not an entry (<section id="why"><h2 id="why-h">), and pages made of such parts (articles, /verify/) give
 * none: they are linked as a whole.
 */
export function entryLinks(subResults: readonly PagefindSubResult[], anchors: readonly PagefindAnchor[]): EntryLink[] {
  return subResults
    .flatMap((sub) => {
      const heading = sub.anchor;
      if (!heading || !isHeading(heading)) return [];
      const entry = anchors.find((a) => isEntry(a, heading));
      if (!entry) return [];
      const score = (sub.weighted_locations ?? []).reduce((sum, w) => sum + w.balanced_score, 0);
      return [{ title: sub.title, href: `${sub.url.split('#')[0]}#${entry.id}`, excerpt: sub.excerpt, score }];
    })
    .sort((a, b) => b.score - a.score)
    .map(({ title, href, excerpt }) => ({ title, href, excerpt }));
}
