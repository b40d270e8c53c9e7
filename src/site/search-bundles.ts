/**
 * Which Pagefind bundles the site's entries are indexed in, and what the search page needs to
 * start loading them before its script runs. Pure: the search page (at build time) and the
 * index stage (search-index.ts) call the same plan, so the page names exactly the bundles the
 * index writes.
 *
 * Why as few bundles as possible (measured on the demo in Chromium with a phone's CPU and
 * network, scripts/bench/search-latency.ts): a villager makes one query, and every bundle the
 * browser merges costs that first query its own entry file and metadata, and one or two index
 * chunks of ~20 KiB per word — whatever the bundle's size. Four bundles (this quarter, this
 * year, last year, unit pages) took 4.8 s from opening the search page to the first results on
 * the phone profile; one bundle of the same entries is what meets the 2-second target. Bundles
 * are therefore whole years, newest first, merged while they stay under MAX_BUNDLE_PAGES (the
 * size whose indexing fits the build's memory budget: ~1.4 GB for 8,000 pages); only a larger
 * archive (the five-year county) is split. Unit pages are not indexed: the search page matches
 * unit names itself (unit-match.ts), which costs a 5 KiB list instead of a bundle.
 */
import { yearOf } from '../domain/dates.ts';
import type { Project } from '../domain/model.ts';
import { isPublic } from '../domain/publication.ts';

export interface Bundle {
  name: string;
  /** What it holds, for people: 2025–2026年. */
  label: string;
  /** Its pages, relative to the site folder: units/<unit>/<slug>/index.html. */
  pages: string[];
}

/** Years are merged into one bundle while it holds at most this many pages. */
export const MAX_BUNDLE_PAGES = 10_000;

/** The language Pagefind indexes in (forceLanguage) and the name of its WebAssembly file for it (no stemmer: "unknown"). */
export const INDEX_LANGUAGE = 'zh-cn';
export const WASM_FILE = 'wasm.unknown.pagefind';

/** The bundles of the public entries: whole years, newest first, merged up to MAX_BUNDLE_PAGES. */
export function planBundles(project: Project): Bundle[] {
  const byYear = new Map<number, string[]>();
  for (const e of project.entries.filter(isPublic)) {
    const y = yearOf(e.data.date);
    byYear.set(y, [...(byYear.get(y) ?? []), `units/${e.unit}/${e.slug}/index.html`]);
  }
  const groups: number[][] = [];
  for (const y of [...byYear.keys()].sort((a, b) => b - a)) {
    const last = groups.at(-1);
    const size = (g: number[]) => g.reduce((n, k) => n + byYear.get(k)!.length, 0);
    if (last && size(last) + byYear.get(y)!.length <= MAX_BUNDLE_PAGES) last.push(y);
    else groups.push([y]);
  }
  return groups.map((years) => {
    const [newest, oldest] = [years[0]!, years.at(-1)!];
    return {
      name: newest === oldest ? `y${newest}` : `y${oldest}-${newest}`,
      label: newest === oldest ? `${newest}年` : `${oldest}–${newest}年`,
      pages: years.flatMap((y) => byYear.get(y)!).sort(),
    };
  });
}
