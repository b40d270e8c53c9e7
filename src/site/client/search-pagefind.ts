/**
 * The search page's side of Pagefind: its API as the page uses it (served from /pagefind/, no
 * CDN), loaded once per page with every bundle merged at once, not one after another. Pagefind
 * runs in the page (no worker: one script and one round trip fewer, and a villager searches on
 * submit, not on every key). The index chunks of the address's query are asked for as soon as
 * the script runs (search-chunks.ts); the date order comes from a dates file fetched only when
 * asked for (search-dates.ts), so the index's metadata carries no sort; and when Pagefind does
 * not load, the server is asked why. The page itself is driven by search.ts.
 */
import { chunksFor, queryWords, type Chunk } from '../search-chunks.ts';
import { pagefindQuery } from '../search-query.ts';

export interface PagefindResultData {
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

/**
 * How much a match in an entry's metadata adds to its body's score: its title, its catalogue
 * item's name and the words people use for the item (catalog.yaml `words`) above a match in the
 * body; its unit's name a little. Measured on the demo: with these, 财务, 收支, 经费 and 账目 put
 * the dues entries first and 发展党员 the recruitment notices (test/e2e/search-ranking.test.ts).
 */
export const RANKING = { metaWeights: { title: 6, item: 5, words: 5, unit: 1.5 } };

/** What the search page says about its index: the bundles' folders, newest first, and their entry files' tag. */
export interface Setup {
  base: string;
  bundles: string[];
  tag: string;
}

export function setup(): Setup | undefined {
  const el = document.querySelector<HTMLElement>('[data-search-bundles]');
  if (!el) return undefined;
  // Without a tag (no index step ran: the live preview) the entry files are asked for fresh.
  const tag = el.dataset.searchTag ?? String(Date.now());
  return { base: document.documentElement.dataset.base ?? '/', bundles: (el.dataset.searchBundles ?? '').split(' ').filter(Boolean), tag };
}

export type ProblemKind = 'empty' | 'offline' | 'missing' | 'broken';

/** Why a search could not run, in the words the page shows (search-view.ts). */
export class SearchProblem extends Error {
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
export function preloadChunks(s: Setup, q: string): void {
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

/** Fetches the index chunks of a query being typed, once an earlier search has loaded Pagefind (before that, nothing). */
export function preloadTyped(q: string): void {
  if (loaded) void loaded.then((pf) => pf.preload(q)).catch(() => undefined);
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
export async function byDate(s: Setup, results: PagefindResult[]): Promise<PagefindResult[]> {
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
export async function searchAll(s: Setup, query: string | null, options: SearchOptions, fetched: () => void) {
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

/** What went wrong, found by asking the server for the bundle's entry file itself. */
export async function diagnose(s: Setup): Promise<SearchProblem> {
  if (!navigator.onLine) return new SearchProblem('offline');
  try {
    const res = await fetch(`${s.base}pagefind/${s.bundles[0]}/pagefind-entry.json?ts=${Date.now()}`, { cache: 'no-store' });
    return new SearchProblem(res.status === 404 ? 'missing' : 'broken');
  } catch {
    return new SearchProblem(navigator.onLine ? 'broken' : 'offline');
  }
}
