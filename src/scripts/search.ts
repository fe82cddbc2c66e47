/**
 * The /search/ page's behaviour. Loaded only by that page (Astro bundles it from the page's <script>), so content
 * pages stay free of JavaScript. Pagefind's own bundle is fetched at run time from /pagefind/, which exists only
 * in a built site: in `astro dev` the import fails and the page says so.
 */
import {
  orderSections,
  readSearchState,
  safeExcerpt,
  sameState,
  searchHref,
  statusText,
  type SearchState,
} from '../lib/search';

/** The part of Pagefind's browser API this page uses (pagefind.app/docs/api/). */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  filters: Record<string, string[]>;
}
interface PagefindResponse {
  results: { id: string; data(): Promise<PagefindResultData> }[];
  totalFilters?: Record<string, Record<string, number>>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(term: string | null, options?: { filters?: Record<string, unknown> }): Promise<PagefindResponse | null>;
}

const BUNDLE = '/pagefind/pagefind.js';
/** Results shown at once; each one costs a fragment request, so more come only when asked for. */
const PAGE_SIZE = 10;

const app = document.querySelector<HTMLElement>('[data-search-app]');
const form = document.querySelector<HTMLFormElement>('[data-search-form]');
if (app && form) void start(app, form);

async function start(app: HTMLElement, form: HTMLFormElement): Promise<void> {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const filterBox = form.querySelector<HTMLFieldSetElement>('[data-search-filters]')!;
  const filterList = filterBox.querySelector<HTMLElement>('[data-filter-list]')!;
  const status = app.querySelector<HTMLElement>('[data-search-status]')!;
  const resultsBox = app.querySelector<HTMLElement>('[data-search-results]')!;
  const list = resultsBox.querySelector<HTMLOListElement>('ol')!;
  const more = app.querySelector<HTMLButtonElement>('[data-search-more]')!;
  const empty = app.querySelector<HTMLElement>('[data-search-empty]')!;
  const unavailable = app.querySelector<HTMLElement>('[data-search-unavailable]')!;
  const preferred = JSON.parse(app.dataset.sections ?? '[]') as string[];
  const baseTitle = document.title;

  app.hidden = false;
  let pagefind: Pagefind;
  /** Pages per section in the whole index, shown beside each filter until a query narrows them. */
  let totals: Record<string, number> = {};
  try {
    pagefind = (await import(/* @vite-ignore */ BUNDLE)) as Pagefind;
    // Excerpt length counts segmented words; about 40 gives two lines of Chinese on a phone.
    // noWorker: Pagefind's web worker repeats its 43 KB script for a second thread; a site of this size searches in
    // milliseconds on the main thread, so readers on slow links are spared the download.
    await pagefind.options({ excerptLength: 40, noWorker: true });
    totals = (await pagefind.filters()).section ?? {};
    renderFilters(orderSections(totals, preferred));
  } catch {
    unavailable.hidden = false;
    status.textContent = '搜索功能暂时无法使用。';
    return;
  }

  let run = 0;
  let pending: PagefindResponse['results'] = [];

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    go(stateFromForm());
  });
  filterBox.addEventListener('change', () => go(stateFromForm()));
  more.addEventListener('click', () => void showMore(run, true));
  window.addEventListener('popstate', () => {
    const state = readSearchState(location.search);
    fillForm(state);
    void search(state);
  });

  const initial = readSearchState(location.search);
  fillForm(initial);
  await search(initial);

  /** A new search from the reader: a new history entry, so Back returns to the previous one. */
  function go(state: SearchState): void {
    if (!sameState(state, readSearchState(location.search))) history.pushState(null, '', searchHref(state));
    void search(state);
  }

  function stateFromForm(): SearchState {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (typeof value === 'string') params.append(name, value);
    return readSearchState(params.toString());
  }

  function fillForm(state: SearchState): void {
    input.value = state.q;
    for (const box of filterList.querySelectorAll<HTMLInputElement>('input')) {
      box.checked = state.sections.includes(box.value);
    }
  }

  async function search(state: SearchState): Promise<void> {
    const mine = ++run;
    document.title = state.q ? `${state.q}：${baseTitle}` : baseTitle;
    list.replaceChildren();
    more.hidden = true;
    empty.hidden = true;
    if (!state.q) updateCounts(totals);
    if (!state.q && state.sections.length === 0) {
      resultsBox.hidden = true;
      status.textContent = '';
      return;
    }
    resultsBox.setAttribute('aria-busy', 'true');
    const filters = state.sections.length > 0 ? { section: { any: state.sections } } : {};
    // A null term with filters lists every page of the ticked sections.
    const response = await pagefind.search(state.q || null, { filters });
    if (mine !== run || !response) return;
    pending = response.results;
    if (state.q) updateCounts(response.totalFilters?.section ?? {});
    status.textContent = statusText(state, pending.length);
    resultsBox.hidden = pending.length === 0;
    empty.hidden = pending.length > 0;
    await showMore(mine, false);
    resultsBox.removeAttribute('aria-busy');
  }

  /** Appends the next PAGE_SIZE results; when the reader asked for them, focus moves to the first new one. */
  async function showMore(mine: number, moveFocus: boolean): Promise<void> {
    const batch = pending.slice(0, PAGE_SIZE);
    pending = pending.slice(PAGE_SIZE);
    const items = await Promise.all(batch.map((r) => r.data()));
    if (mine !== run) return;
    const nodes = items.map(resultItem);
    list.append(...nodes);
    more.hidden = pending.length === 0;
    if (moveFocus) nodes[0]?.querySelector('a')?.focus();
  }

  function resultItem(data: PagefindResultData): HTMLLIElement {
    const li = document.createElement('li');
    li.className = 'search-result';
    const h3 = document.createElement('h3');
    const a = document.createElement('a');
    a.href = data.url;
    a.textContent = data.meta.title || data.url;
    h3.append(a);
    li.append(h3);
    const section = data.filters.section?.[0];
    if (section) {
      const meta = document.createElement('p');
      meta.className = 'meta';
      const label = document.createElement('span');
      label.className = 'visually-hidden';
      label.textContent = '栏目：';
      const tag = document.createElement('span');
      tag.className = 'tag';
      tag.textContent = section;
      meta.append(label, tag);
      li.append(meta);
    }
    const excerpt = document.createElement('p');
    excerpt.className = 'search-excerpt';
    excerpt.innerHTML = safeExcerpt(data.excerpt);
    li.append(excerpt);
    return li;
  }

  function renderFilters(options: { name: string; count: number }[]): void {
    filterList.replaceChildren(
      ...options.map(({ name, count }) => {
        const label = document.createElement('label');
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.name = 'section';
        box.value = name;
        const text = document.createElement('span');
        text.textContent = name;
        const n = document.createElement('span');
        n.className = 'filter-count';
        n.dataset.section = name;
        n.textContent = `（${count}）`;
        label.append(box, text, n);
        return label;
      }),
    );
    filterBox.hidden = options.length === 0;
  }

  /** Each filter shows how many pages it holds: in the whole index, or among the current query's results. */
  function updateCounts(counts: Record<string, number>): void {
    for (const n of filterList.querySelectorAll<HTMLElement>('.filter-count')) {
      n.textContent = `（${counts[n.dataset.section ?? ''] ?? 0}）`;
    }
  }
}
