/**
 * The search page in the browser: Pagefind's own API over the bundles the page names
 * (search-bundles.ts: usually one), exact counts, ten results a page with plain links to the
 * other pages, filters by town, unit, aspect, item and year, and sorting by date. The form is a
 * plain GET form, so every state of the page is an address. This file is the page's controller:
 * it reads the address and the form, runs a search and decides what is painted when. Pagefind
 * (loading it, its chunks, the date order, what went wrong) is search-pagefind.ts; the unit
 * tiles' names and matching, search-unit-names.ts; the nodes painted, search-view.ts.
 *
 * Built for a villager's first query on an old phone (issue 30; scripts/bench/search-latency.ts
 * measures it): the page names Pagefind's script, its WebAssembly, each bundle's entry file and
 * metadata in <link rel=preload>, so the browser fetches them with the page, and the script asks
 * for the address's query's index chunks at once (search-chunks.ts); the unit tiles come from
 * the names list (unit-match.ts), not from the index: for the address's query fetched and
 * matched with the page, for a later one fetched while Pagefind searches; the first screenful of
 * results is painted before the rest of the ten (FIRST_PAINT). A server that sends Pagefind's
 * gzip files with Content-Encoding (site/deploy-config.ts) spares the page Pagefind's own
 * inflate. Other pages' search boxes warm the browser's cache when focused (search-warmup.ts),
 * and the words of a later query are preloaded while typed.
 */
import { pagefindQuery } from '../search-query.ts';
import { keptSearch, offlineSearchTown } from './kiosk-offline.ts';
import { byDate, diagnose, preloadChunks, preloadTyped, SearchProblem, searchAll, setup } from './search-pagefind.ts';
import { fetchUnitNames, unitsMatching, unitsNamed } from './search-unit-names.ts';
import { markUnkept, pager, PROBLEMS, resultItem, unitList } from './search-view.ts';

export const PAGE_SIZE = 10;
export const FILTER_KEYS = ['town', 'unit', 'aspect', 'item', 'year'] as const;

/**
 * The results painted first, before the rest of the page's ten have arrived: what fills a phone's
 * first screen below the form (each result is ~150 px high at 360 px wide).
 */
export const FIRST_PAINT = 3;

/** The search parameters a form holds, empty fields left out (the address stays short and shareable). */
function formParams(form: HTMLFormElement): URLSearchParams {
  const p = new URLSearchParams();
  for (const [k, v] of new FormData(form)) if (typeof v === 'string' && v.trim()) p.set(k, v.trim());
  return p;
}

/**
 * Wires the search page: the address's query runs at once; later queries, filters and pages
 * run in place (the address updated, the back button working), so Pagefind and the index
 * chunks it has fetched stay loaded. Without JavaScript the form still submits as a GET.
 */
export function startSearch(): void {
  const form = document.querySelector<HTMLFormElement>('[data-search-form]');
  if (!form) return;
  const go = (params: URLSearchParams) => {
    history.pushState(null, '', `?${params}`);
    void runSearch(params);
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    go(formParams(form));
  });
  // While a villager types the next query, the index parts its words need are fetched already.
  // Chinese is typed through an input method: its last `input` event still says isComposing, so
  // the word it committed is taken at compositionend.
  const input = form.elements.namedItem('q') as HTMLInputElement | null;
  let typing = 0;
  const warm = () => {
    clearTimeout(typing);
    typing = window.setTimeout(() => {
      const q = input ? pagefindQuery(input.value.trim()) : '';
      if (q) preloadTyped(q);
    }, 300);
  };
  input?.addEventListener('input', (e) => {
    if (!(e as InputEvent).isComposing) warm();
  });
  input?.addEventListener('compositionend', warm);
  document.querySelector('[data-search-pager]')?.addEventListener('click', (e) => {
    const a = (e.target as Element).closest('a');
    if (!a) return;
    e.preventDefault();
    go(new URL(a.href).searchParams);
    document.querySelector<HTMLElement>('[data-search-status]')?.focus();
  });
  form.querySelector('[data-search-unit-chip] button')?.addEventListener('click', () => {
    (form.elements.namedItem('unit') as HTMLInputElement).value = '';
    go(formParams(form));
  });
  addEventListener('popstate', () => void runSearch(new URLSearchParams(location.search)));
  const first = new URLSearchParams(location.search);
  const q = (first.get('q') ?? '').trim();
  const s = setup();
  if (s) preloadChunks(s, q);
  // The unit names too, read and matched while the CPU waits for the network (on a slow phone that
  // is a tenth of a second or more, which would otherwise come after the results' fragments).
  if (s && q && !first.get('unit') && navigator.onLine) unitsMatching(s.base, q).catch(() => undefined);
  void runSearch(first);
}

/** Counts the searches started, so a search overtaken by a newer one stops painting. */
let runs = 0;

export async function runSearch(params: URLSearchParams): Promise<void> {
  const s = setup();
  const form = document.querySelector<HTMLFormElement>('[data-search-form]');
  const status = document.querySelector<HTMLElement>('[data-search-status]');
  const list = document.querySelector<HTMLOListElement>('[data-search-results]');
  const pagerSlot = document.querySelector<HTMLElement>('[data-search-pager]');
  const unitSlot = document.querySelector<HTMLElement>('[data-search-units]');
  if (!s || !form || !status || !list || !pagerSlot || !unitSlot) return;
  const q = (params.get('q') ?? '').trim();
  const filters: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const v = params.get(key) ?? '';
    const field = form.elements.namedItem(key) as HTMLInputElement | HTMLSelectElement | null;
    if (field) field.value = v;
    if (v) filters[key] = v;
  }
  const chip = form.querySelector<HTMLElement>('[data-search-unit-chip]');
  if (chip) {
    chip.hidden = !filters.unit;
    chip.querySelector('span')!.textContent = filters.unit ?? '';
  }
  const newestFirst = params.get('sort') === 'date';
  const sortField = form.elements.namedItem('sort') as HTMLSelectElement | null;
  if (sortField) sortField.value = newestFirst ? 'date' : '';
  // The filters stay folded unless one is in use: on a phone they would push the results down.
  const fold = form.querySelector<HTMLDetailsElement>('[data-search-filters]');
  if (fold && (newestFirst || Object.keys(filters).some((k) => k !== 'unit'))) fold.open = true;
  const input = form.elements.namedItem('q') as HTMLInputElement | null;
  if (input) input.value = q;
  if (!q && Object.keys(filters).length === 0) {
    status.textContent = '';
    list.replaceChildren();
    pagerSlot.replaceChildren();
    unitSlot.replaceChildren();
    return;
  }
  // A kiosk that kept only its town's results searches its town while the network is down.
  const offlineTown = offlineSearchTown();
  if (offlineTown && !filters.town) filters.town = offlineTown;
  const run = ++runs;
  status.textContent = '正在搜索…';
  delete status.dataset.searchMs;
  delete status.dataset.searchDone;
  delete status.dataset.searchProblem;
  const started = performance.now();
  try {
    // Without network only a kiosk that kept the search can search (Pagefind would quietly find nothing in the index parts it cannot fetch).
    if (!navigator.onLine && !keptSearch()) throw new SearchProblem('offline');
    const query = q ? pagefindQuery(q) : null;
    // The unit names are fetched once the index chunks are in, while Pagefind searches (the chunks need the
    // line first), and read once the results' fragments are asked for (the page has time while they come).
    const found = await searchAll(s, query, { filters }, () => {
      if (q && !filters.unit) fetchUnitNames(s.base).catch(() => undefined);
    });
    const results = newestFirst ? await byDate(s, found.results) : found.results;
    if (run !== runs) return;
    const total = results.length;
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const page = Math.min(pages, Math.max(1, Number(params.get('page')) || 1));
    const fragments = results.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((r) => r.data());
    // Units named in the query, within the town filter if any (none when a unit is already chosen).
    const named = unitsNamed(s.base, q, filters);
    // The first screenful is painted as soon as its fragments (and the unit tiles above it, so nothing
    // moves under a finger) are in; the rest of the page's ten follow. The status, a live region, is
    // written once, when all are in, so a screen reader announces the search once.
    const [hits, first] = await Promise.all([named, Promise.all(fragments.slice(0, FIRST_PAINT))]);
    if (run !== runs) return;
    unitSlot.replaceChildren(...(hits.length ? [unitList(hits)] : []));
    list.start = (page - 1) * PAGE_SIZE + 1;
    list.replaceChildren(...first.map(resultItem));
    pagerSlot.replaceChildren();
    const more = fragments.length > first.length;
    list.toggleAttribute('aria-busy', more);
    // For the bench (scripts/bench/search-latency.ts): the first results are in the page.
    status.dataset.searchMs = String(Math.round(performance.now() - started));
    if (more) {
      const rest = await Promise.all(fragments.slice(FIRST_PAINT));
      if (run !== runs) return;
      list.append(...rest.map(resultItem));
      list.removeAttribute('aria-busy');
    }
    await markUnkept(list);
    pagerSlot.replaceChildren(...(pages > 1 ? [pager(params, page, pages)] : []));
    status.textContent =
      total === 0
        ? hits.length
          ? '没有找到相关的公开内容，请点上面的单位页面看看。'
          : '没有找到相关内容。请换个说法，或去掉筛选条件。'
        : `找到 ${total} 条公开内容${pages > 1 ? `，这是第 ${list.start}–${list.start + fragments.length - 1} 条` : ''}。`;
    if (offlineTown && !params.get('town')) status.textContent += `现在断网，只搜索了${offlineTown}的内容。`;
    // For tests: the whole page of results, the unit tiles, the pager and the status are in.
    status.dataset.searchDone = String(Math.round(performance.now() - started));
  } catch (e) {
    if (run !== runs) return;
    const problem = e instanceof SearchProblem ? e : await diagnose(s);
    const hits = await unitsNamed(s.base, q, filters);
    list.removeAttribute('aria-busy');
    unitSlot.replaceChildren(...(hits.length ? [unitList(hits)] : []));
    list.replaceChildren();
    pagerSlot.replaceChildren();
    status.textContent = PROBLEMS[problem.kind];
    status.dataset.searchProblem = problem.kind;
  }
}
