/**
 * Rules for the /search/ page that do not need a browser: reading and writing the search URL, cleaning
 * Pagefind's excerpts, ordering section filters, and the Chinese status lines. Pure: the page's script and the
 * unit tests share them.
 */

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
