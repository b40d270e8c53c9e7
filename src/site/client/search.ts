/**
 * The search page in the browser: Pagefind's own API (served from /pagefind/, no CDN) over the
 * bundles the page names (search-bundles.ts: usually one), exact counts, ten results a page with
 * plain links to the other pages, filters by town, unit, aspect, item and year, and sorting by
 * date. The form is a plain GET form, so every state of the page is an address.
 *
 * Built for a villager's first query on an old phone (issue 30; scripts/bench/search-latency.ts
 * measures it): the page names Pagefind's script, its WebAssembly, each bundle's entry file and
 * metadata in <link rel=preload>, so the browser fetches them with the page, and the script asks
 * for the address's query's index chunks at once (search-chunks.ts); Pagefind runs in the page
 * (no worker: one script and one round trip fewer, and a villager searches on submit, not on
 * every key); the bundles are merged at once, not one after another; the unit tiles come from
 * the names list (unit-match.ts), not from the index: for the address's query fetched and
 * matched with the page, for a later one fetched while Pagefind searches; the first screenful of
 * results is painted before the rest of the ten (FIRST_PAINT); the date order comes from a dates
 * file fetched only when asked for (search-dates.ts), so the index's metadata carries no sort. A
 * server that sends Pagefind's gzip files with Content-Encoding (site/deploy-config.ts) spares
 * the page Pagefind's own inflate. Other pages' search boxes warm the browser's cache when
 * focused (search-warmup.ts), and the words of a later query are preloaded while typed.
 */
import { chunksFor, queryWords, type Chunk } from '../search-chunks.ts';
import { pagefindQuery } from '../search-query.ts';
import { keptSearch, KIOSK_CACHE, offlineSearchTown } from './kiosk-offline.ts';
import { unitMatcher, type UnitMatcher, type UnitName } from '../unit-match.ts';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
}

interface PagefindResult {
  id: string;
  data(): Promise<PagefindResultData>;
}

interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  mergeIndex(path: string, o?: Record<string, unknown>): Promise<void>;
  destroy(): Promise<void>;
  preload(q: string, o?: { filters?: Record<string, string> }): Promise<void>;
  search(q: string | null, o?: { filters?: Record<string, string>; sort?: Record<string, 'asc' | 'desc'> }): Promise<{ results: PagefindResult[] }>;
}

export const PAGE_SIZE = 10;
export const FILTER_KEYS = ['town', 'unit', 'aspect', 'item', 'year'] as const;

/**
 * How much a match in an entry's metadata adds to its body's score: its title, its catalogue
 * item's name and the words people use for the item (catalog.yaml `words`) above a match in the
 * body; its unit's name a little. Measured on the demo: with these, 财务, 收支, 经费 and 账目 put
 * the dues entries first and 发展党员 the recruitment notices (test/e2e/search-ranking.test.ts).
 */
export const RANKING = { metaWeights: { title: 6, item: 5, words: 5, unit: 1.5 } };

/** What the search page says about its index: the bundles' folders, newest first, and their entry files' tag. */
interface Setup {
  base: string;
  bundles: string[];
  tag: string;
}

function setup(): Setup | undefined {
  const el = document.querySelector<HTMLElement>('[data-search-bundles]');
  if (!el) return undefined;
  // Without a tag (no index step ran: the live preview) the entry files are asked for fresh.
  const tag = el.dataset.searchTag ?? String(Date.now());
  return { base: document.documentElement.dataset.base ?? '/', bundles: (el.dataset.searchBundles ?? '').split(' ').filter(Boolean), tag };
}

/** Pagefind's excerpt is HTML with <mark>; keep only its text and the marks (never its markup). */
function excerptNodes(html: string): Node[] {
  const tpl = document.createElement('template');
  tpl.innerHTML = html;
  return [...tpl.content.childNodes].map((n) => {
    if (n.nodeName === 'MARK') {
      const m = document.createElement('mark');
      m.textContent = n.textContent;
      return m;
    }
    return document.createTextNode(n.textContent ?? '');
  });
}

type ProblemKind = 'empty' | 'offline' | 'missing' | 'broken';

/** Why a search could not run, in the words the page shows. */
class SearchProblem extends Error {
  readonly kind: ProblemKind;
  constructor(kind: ProblemKind) {
    super(kind);
    this.kind = kind;
  }
}

/**
 * Asks for the index chunks the address's query needs as soon as the script runs, beside
 * Pagefind's WebAssembly and metadata (search-chunks.ts): Pagefind's own requests for them then
 * find them on the way or in.
 */
function preloadChunks(s: Setup, q: string): void {
  const table = document.querySelector<HTMLElement>('[data-search-chunks]')?.dataset.searchChunks;
  if (!q || !table || !navigator.onLine) return;
  let tables: Record<string, Chunk[]>;
  try {
    tables = JSON.parse(table) as Record<string, Chunk[]>;
  } catch {
    return;
  }
  const words = queryWords(pagefindQuery(q));
  for (const b of s.bundles)
    for (const hash of chunksFor(words, tables[b] ?? [])) {
      const link = document.createElement('link');
      link.rel = 'preload';
      link.as = 'fetch';
      link.crossOrigin = 'anonymous';
      link.href = `${s.base}pagefind/${b}/index/${hash}.pf_index`;
      document.head.append(link);
    }
}

let loaded: Promise<Pagefind> | undefined;

/** Pagefind with every bundle merged, loaded once per page. `tag` names the entry files the page preloaded. */
function loadPagefind(s: Setup, tag: string): Promise<Pagefind> {
  loaded ??= (async () => {
    const [first, ...rest] = s.bundles;
    if (!first) throw new SearchProblem('empty');
    const path = (b: string) => `${s.base}pagefind/${b}/`;
    const pf = (await import(/* @vite-ignore */ `${path(first)}pagefind.js`)) as Pagefind;
    const common = { excerptLength: 36, metaCacheTag: tag, ranking: RANKING };
    await pf.options({ ...common, basePath: path(first), noWorker: true });
    await Promise.all(rest.map((b) => pf.mergeIndex(path(b), common)));
    return pf;
  })();
  loaded.catch(() => (loaded = undefined));
  return loaded;
}

let units: Promise<{ matcher: UnitMatcher; list: UnitName[] }> | undefined;
let unitsFile: Promise<Response> | undefined;

/** Asks for the county's unit names (search/units.json) without reading them yet: the page reads them when it has time. */
function fetchUnitNames(base: string) {
  unitsFile ??= fetch(`${base}search/units.json`);
  unitsFile.catch(() => (unitsFile = undefined));
  return unitsFile;
}

/** The county's unit names, read. */
function unitNames(base: string) {
  units ??= (async () => {
    const res = await fetchUnitNames(base);
    if (!res.ok) throw new Error(String(res.status));
    const data = (await res.json()) as { county: string; towns: string[]; units: [string, string, number][] };
    const list = data.units.map(([name, id, t]) => ({ name, path: `${base}units/${id}/`, town: data.towns[t] ?? '县直' }));
    return { matcher: unitMatcher(list, data.county), list };
  })();
  units.catch(() => {
    units = undefined;
    unitsFile = undefined;
  });
  return units;
}

type SearchOptions = Parameters<Pagefind['search']>[1];

let dates: Promise<Map<string, string>> | undefined;

/** Every page's date by its result id, from the bundles' dates files (search-dates.ts): fetched when the date order is first chosen. */
function pageDates(s: Setup) {
  dates ??= Promise.all(
    s.bundles.map(async (b) => {
      const res = await fetch(`${s.base}pagefind/${b}/dates.json?ts=${s.tag}`);
      if (!res.ok) throw new Error(String(res.status));
      return (await res.json()) as { prefix: string; dates: Record<string, string[]> };
    }),
  ).then((files) => new Map(files.flatMap((f) => Object.entries(f.dates).flatMap(([date, ids]) => ids.map((id) => [`${f.prefix}${id}`, date] as const)))));
  dates.catch(() => (dates = undefined));
  return dates;
}

/** Newest first; the same date keeps Pagefind's order (the better match first). */
async function byDate(s: Setup, results: PagefindResult[]): Promise<PagefindResult[]> {
  const d = await pageDates(s);
  return results
    .map((r, i) => ({ r, i, date: d.get(r.id) ?? '' }))
    .sort((a, b) => (a.date === b.date ? a.i - b.i : a.date < b.date ? 1 : -1))
    .map((x) => x.r);
}

/**
 * Runs the query; `fetched` is called once the index chunks it needs are in, just before
 * Pagefind's search itself: that search is a stretch of main-thread work with the network idle
 * (measured with the phone profile: 0.6–0.9 s), the time to fetch what the results need beside
 * them without slowing the chunks.
 */
async function searchAll(s: Setup, query: string | null, options: SearchOptions, fetched: () => void) {
  const run = async (pf: Pagefind) => {
    if (query !== null) await pf.preload(query, { filters: options?.filters });
    fetched();
    return pf.search(query, options);
  };
  try {
    return await run(await loadPagefind(s, s.tag));
  } catch (e) {
    if (e instanceof SearchProblem) throw e;
    // An entry file the browser kept from an earlier build may name metadata that is gone: once more, fresh.
    const pf = await loaded?.catch(() => undefined);
    loaded = undefined;
    await pf?.destroy().catch(() => undefined);
    return run(await loadPagefind(s, String(Date.now())));
  }
}

const PROBLEMS: Record<ProblemKind, string> = {
  empty: '网站上还没有可以搜索的公开内容。',
  offline: '现在没有连上网络，搜索用的文件也没有保存在这台设备上。请联网后再搜索；看过的页面仍可打开。',
  missing: '网站的搜索索引没有生成（服务器上找不到它的文件）。请告诉网站管理员重新构建网站。',
  broken: '搜索程序没有加载成功（网络中断或文件不完整）。请刷新页面再试。',
};

/** What went wrong, found by asking the server for the bundle's entry file itself. */
async function diagnose(s: Setup): Promise<SearchProblem> {
  if (!navigator.onLine) return new SearchProblem('offline');
  try {
    const res = await fetch(`${s.base}pagefind/${s.bundles[0]}/pagefind-entry.json?ts=${Date.now()}`, { cache: 'no-store' });
    return new SearchProblem(res.status === 404 ? 'missing' : 'broken');
  } catch {
    return new SearchProblem(navigator.onLine ? 'broken' : 'offline');
  }
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const chineseDate = (iso: string | undefined) => {
  const m = iso ? DATE.exec(iso) : null;
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : '';
};

function resultItem(d: PagefindResultData): HTMLLIElement {
  const li = document.createElement('li');
  const a = document.createElement('a');
  a.href = d.url;
  a.textContent = d.meta.title ?? d.url;
  const meta = document.createElement('p');
  meta.className = 'meta';
  meta.textContent = [d.meta.unit, chineseDate(d.meta.date), d.meta.item].filter(Boolean).join(' · ');
  const ex = document.createElement('p');
  ex.append(...excerptNodes(d.excerpt));
  li.append(a, meta, ex);
  return li;
}

const UNITS_SHOWN = 6;

/**
 * The results painted first, before the rest of the page's ten have arrived: what fills a phone's
 * first screen below the form (each result is ~150 px high at 360 px wide).
 */
export const FIRST_PAINT = 3;

const matches = new Map<string, Promise<UnitName[]>>();

/** The units a query names, matched once per query: the address's query is matched while the page waits for Pagefind's files. */
function unitsMatching(base: string, q: string): Promise<UnitName[]> {
  let m = matches.get(q);
  if (!m) {
    m = unitNames(base).then((u) => u.matcher.match(q));
    matches.set(q, m);
    m.catch(() => matches.delete(q));
  }
  return m;
}

function unitsNamed(s: Setup, q: string, filters: Record<string, string>): Promise<UnitName[]> {
  if (!q || filters.unit) return Promise.resolve([]);
  return unitsMatching(s.base, q)
    .then((hits) => hits.filter((x) => !filters.town || x.town === filters.town))
    .catch(() => []);
}

/** The units the query names, as one compact row of links above the entries. */
function unitList(hits: UnitName[]): HTMLElement {
  const box = document.createElement('nav');
  box.className = 'unit-hits';
  box.setAttribute('aria-label', '搜索的单位');
  const ul = document.createElement('ul');
  for (const u of hits.slice(0, UNITS_SHOWN)) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = u.path;
    a.textContent = u.name;
    if (u.town !== u.name) a.title = u.town;
    li.append(a);
    ul.append(li);
  }
  const label = document.createElement('span');
  label.textContent = hits.length > UNITS_SHOWN ? `单位页面（${hits.length}个，只列出前${UNITS_SHOWN}个）：` : '单位页面：';
  box.append(label, ul);
  return box;
}

/** On a kiosk without network, each result whose page it did not keep says so (its link would show the offline page). */
async function markUnkept(list: HTMLElement): Promise<void> {
  if (navigator.onLine || !document.documentElement.classList.contains('kiosk') || !('caches' in window)) return;
  for (const a of list.querySelectorAll<HTMLAnchorElement>('li > a')) {
    const kept = await caches.match(a.href, { cacheName: KIOSK_CACHE, ignoreSearch: true }).catch(() => undefined);
    if (kept) continue;
    const note = document.createElement('span');
    note.className = 'unkept';
    note.textContent = '（本机没有保存这一页，联网后才能打开）';
    a.after(note);
  }
}

/** Links to the other pages of results: the same address with another `page`. */
function pager(params: URLSearchParams, page: number, pages: number): HTMLElement {
  const nav = document.createElement('nav');
  nav.className = 'pager';
  nav.setAttribute('aria-label', '搜索结果分页');
  const link = (n: number, text: string, rel?: string) => {
    const p = new URLSearchParams(params);
    p.set('page', String(n));
    const a = document.createElement('a');
    a.href = `?${p}`;
    a.textContent = text;
    if (rel) a.rel = rel;
    return a;
  };
  if (page > 1) nav.append(link(page - 1, '上一页', 'prev'));
  const here = document.createElement('span');
  here.textContent = `第 ${page} / ${pages} 页`;
  here.setAttribute('aria-current', 'page');
  nav.append(here);
  if (page < pages) nav.append(link(page + 1, '下一页', 'next'));
  return nav;
}

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
      if (q && loaded) void loaded.then((pf) => pf.preload(q)).catch(() => undefined);
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
    const named = unitsNamed(s, q, filters);
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
    const hits = await unitsNamed(s, q, filters);
    list.removeAttribute('aria-busy');
    unitSlot.replaceChildren(...(hits.length ? [unitList(hits)] : []));
    list.replaceChildren();
    pagerSlot.replaceChildren();
    status.textContent = PROBLEMS[problem.kind];
    status.dataset.searchProblem = problem.kind;
  }
}
