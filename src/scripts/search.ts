/**
 * The /search/ page's behaviour. Loaded only by that page (Astro bundles it from the page's <script>), so content
 * pages stay free of JavaScript. Pagefind's own bundle is fetched at run time from /pagefind/, which exists only
 * in a built site: in `astro dev` the import fails and the page says so.
 */
import {
  entryLinks,
  orderSections,
  queryWords,
  readSearchState,
  safeExcerpt,
  sameState,
  searchHref,
  SEARCHING_TEXT,
  statusText,
  type EntryLink,
  type PagefindAnchor,
  type PagefindSubResult,
  type SearchState,
} from '../lib/search';

/** The part of Pagefind's browser API this page uses (pagefind.app/docs/api/). */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  filters: Record<string, string[]>;
  sub_results: PagefindSubResult[];
  anchors: PagefindAnchor[];
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
/** Other matching entries of the same page (FAQ questions, glossary terms) listed under its best one. */
const MORE_ENTRIES = 3;
const UNAVAILABLE_TEXT = '搜索功能暂时无法使用。';

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
  /** Pages per section in the whole index, shown beside each filter until a query narrows them. */
  let totals: Record<string, number> = {};
  let run = 0;
  let pending: PagefindResponse['results'] = [];

  // The query from the address goes into the box at once: on a slow link the index takes seconds to arrive, and
  // the reader should see what is being searched for (and may change it) meanwhile.
  const initial = readSearchState(location.search);
  input.value = initial.q;

  // Listeners come before the index, so a search typed while it loads is kept and runs once it is there.
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

  /** Resolves to Pagefind once its bundle, options and filter counts are loaded; to null when that failed. */
  const ready: Promise<Pagefind | null> = (async () => {
    try {
      const pagefind = (await import(/* @vite-ignore */ BUNDLE)) as Pagefind;
      // Excerpt length counts segmented words; about 40 gives two lines of Chinese on a phone.
      // noWorker: Pagefind's web worker repeats its 43 KB script for a second thread; a site of this size searches
      // in milliseconds on the main thread, so readers on slow links are spared the download.
      await pagefind.options({ excerptLength: 40, noWorker: true });
      totals = (await pagefind.filters()).section ?? {};
      renderFilters(orderSections(totals, preferred));
      // Tick the sections the address asks for now (it may have changed while the index loaded); the box keeps
      // whatever the reader has typed since.
      for (const box of filterList.querySelectorAll<HTMLInputElement>('input')) {
        box.checked = readSearchState(location.search).sections.includes(box.value);
      }
      return pagefind;
    } catch {
      unavailable.hidden = false;
      status.textContent = UNAVAILABLE_TEXT;
      return null;
    }
  })();

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
    if (!state.q && state.sections.length === 0) {
      resultsBox.hidden = true;
      status.textContent = '';
      if ((await ready) && mine === run) updateCounts(totals);
      return;
    }
    status.textContent = SEARCHING_TEXT;
    resultsBox.setAttribute('aria-busy', 'true');
    const pagefind = await ready;
    if (mine !== run) return;
    if (!pagefind) {
      status.textContent = UNAVAILABLE_TEXT;
      resultsBox.removeAttribute('aria-busy');
      return;
    }
    if (!state.q) updateCounts(totals);
    const filters = state.sections.length > 0 ? { section: { any: state.sections } } : {};
    // Pagefind wants every word it is given: a question is searched for by its subject (「火种工程怎么申请」 finds
    // pages on 火种工程 and 申请). A null term with filters lists every page of the ticked sections.
    const response = await pagefind.search(state.q ? queryWords(state.q) : null, { filters });
    if (mine !== run || !response) return;
    pending = response.results;
    const total = pending.length;
    if (state.q) updateCounts(response.totalFilters?.section ?? {});
    // The first results are on the page before the live region announces the count, so a reader who hears it finds them.
    await showMore(mine, false);
    if (mine !== run) return;
    status.textContent = statusText(state, total);
    resultsBox.hidden = total === 0;
    empty.hidden = total > 0;
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

  /**
   * One result. A FAQ or glossary page opens at the entry that matched best (its question or term is the title,
   * the page's name goes beside the section), with up to MORE_ENTRIES other matching entries listed below it.
   */
  function resultItem(data: PagefindResultData): HTMLLIElement {
    const [best, ...others] = entryLinks(data.sub_results ?? [], data.anchors ?? []);
    const pageTitle = data.meta.title || data.url;
    const li = document.createElement('li');
    li.className = 'search-result';
    const h3 = document.createElement('h3');
    h3.append(link(best ? best.href : data.url, best ? best.title : pageTitle));
    li.append(h3);
    const section = data.filters.section?.[0];
    if (section || best) {
      const meta = document.createElement('p');
      meta.className = 'meta';
      if (section) {
        const label = document.createElement('span');
        label.className = 'visually-hidden';
        label.textContent = '栏目：';
        const tag = document.createElement('span');
        tag.className = 'tag';
        tag.textContent = section;
        meta.append(label, tag);
      }
      if (best) meta.append(`${section ? ' ' : ''}出自「${pageTitle}」`);
      li.append(meta);
    }
    const excerpt = document.createElement('p');
    excerpt.className = 'search-excerpt';
    excerpt.innerHTML = safeExcerpt(best ? best.excerpt : data.excerpt);
    li.append(excerpt);
    if (others.length > 0) li.append(otherEntries(others.slice(0, MORE_ENTRIES)));
    return li;
  }

  function link(href: string, text: string): HTMLAnchorElement {
    const a = document.createElement('a');
    a.href = href;
    a.textContent = text;
    return a;
  }

  /** 「同一页还有：」 and a list of links to the page's other matching entries. */
  function otherEntries(entries: EntryLink[]): HTMLElement {
    const box = document.createElement('div');
    box.className = 'search-entries';
    const intro = document.createElement('p');
    intro.className = 'meta';
    intro.textContent = '同一页还有：';
    const ul = document.createElement('ul');
    ul.append(
      ...entries.map((e) => {
        const item = document.createElement('li');
        item.append(link(e.href, e.title));
        return item;
      }),
    );
    box.append(intro, ul);
    return box;
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
