/**
 * The search index build stage: Pagefind over the built site's public entry pages in the
 * staging folder, in the bundles search-bundles.ts plans (whole years, as few as the memory
 * budget allows), written to pagefind/<bundle>/ with pagefind/bundles.json listing them, newest
 * first. Each bundle is kept in a cache by the hash of its pages, so a build that changed none
 * of a bundle's pages takes it unchanged. The search page names the same bundles and loads them
 * itself (client/search.ts); unit pages are not indexed (the page matches unit names itself).
 * Each bundle carries its pages' dates (search-dates.ts) for the date order.
 */
import { createHash } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { placeTree, removeInBackground } from '../io/write-atomic.ts';
import type { Project } from '../domain/model.ts';
import { INDEX_LANGUAGE, MAX_BUNDLE_PAGES, planBundles, type Bundle } from './search-bundles.ts';
import { DATES_FILE, writeSearchDates } from './search-dates.ts';

export { planBundles, type Bundle } from './search-bundles.ts';

/**
 * Bundles indexed by one indexer process at a time: two when together they stay within what
 * the memory budget allows (Pagefind's memory grows with the pages it holds), else one.
 */
const SHARED_PAGES = Math.round(MAX_BUNDLE_PAGES * 1.6);

export interface IndexReport {
  bundles: number;
  pages: number;
  /** Bundles taken unchanged from the cache (their pages did not change). */
  reused: number;
  /** Names of the bundles written (those with pages). */
  written: string[];
}

export interface IndexOptions {
  /** Keeps each bundle by the hash of its pages, so an unchanged town is not indexed again. */
  cacheDir?: string;
  /** Only these bundles (a shard's share); bundles.json is then left to the merge step. */
  only?: (bundle: Bundle, i: number) => boolean;
  log?: (line: string) => void;
  /** Called with each bundle's folder (relative to `siteDir`) once it is written. */
  written?: (folder: string) => void;
}

/** The bundle's pages that the site has (sorted, as planned). */
const bundlePages = (siteDir: string, bundle: Bundle): string[] => bundle.pages.filter((p) => existsSync(join(siteDir, p)));

/** Pagefind's output is a function of the pages' paths and bytes (and Pagefind's version). */
function bundleKey(siteDir: string, pages: readonly string[], version: string): string {
  const h = createHash('sha256').update(`pagefind ${version}\n`);
  for (const p of pages)
    h.update(p)
      .update('\0')
      .update(readFileSync(join(siteDir, p)))
      .update('\0');
  return h.digest('hex').slice(0, 24);
}

/** Pagefind's version from its package.json (its exports map does not expose the file). */
function pagefindVersion(): string {
  const main = fileURLToPath(import.meta.resolve('pagefind'));
  return (JSON.parse(readFileSync(join(dirname(main), '..', 'package.json'), 'utf8')) as { version: string }).version;
}

/** Indexes the unit and entry pages of `siteDir` into siteDir/pagefind/, in the bundles of `today`. */
export async function buildSearchIndex(siteDir: string, project: Project, o: IndexOptions = {}): Promise<IndexReport> {
  const pagefind = await import('pagefind');
  const version = pagefindVersion();
  const plan = planBundles(project).filter((b, i) => o.only?.(b, i) ?? true);
  type Done = { bundle: Bundle; pages: number; hit: boolean };
  const one = async (bundle: Bundle): Promise<Done | undefined> => {
    const list = bundlePages(siteDir, bundle);
    if (!list.length) return undefined;
    const outDir = join(siteDir, 'pagefind', bundle.name);
    const cached = o.cacheDir ? join(o.cacheDir, `${bundle.name}-${bundleKey(siteDir, list, version)}`) : undefined;
    const hit = !!cached && existsSync(join(cached, 'pagefind.js'));
    if (hit) {
      placeTree(cached, outDir);
      if (!existsSync(join(outDir, DATES_FILE))) writeSearchDates(outDir, INDEX_LANGUAGE);
    } else {
      const { index, errors } = await pagefind.createIndex({ forceLanguage: INDEX_LANGUAGE });
      if (!index) throw new Error(`无法启动搜索索引程序：${errors.join('；')}`);
      // The bundle's pages, hard-linked into a folder of their own beside the site (same disk,
      // no copying): Pagefind reads a folder ~1.4× faster than pages handed to it one by one.
      const src = `${siteDir}.pagefind-${bundle.name}`;
      rmSync(src, { recursive: true, force: true });
      try {
        for (const page of list) {
          mkdirSync(dirname(join(src, page)), { recursive: true });
          linkSync(join(siteDir, page), join(src, page));
        }
        const added = await index.addDirectory({ path: src });
        if (added.errors.length) throw new Error(added.errors.join('；'));
      } finally {
        // Thousands of links: unlinking them took longer than linking them.
        removeInBackground(src);
      }
      const w = await index.writeFiles({ outputPath: outDir });
      if (w.errors.length) throw new Error(w.errors.join('；'));
      await index.deleteIndex();
      writeSearchDates(outDir, INDEX_LANGUAGE);
      if (cached) {
        // Replaces older versions of this bundle: the cache holds one copy per bundle. Only
        // <name>-<key>: town-t-a- must not match town-t-a-b-<key>, indexed at the same time.
        const prefix = `${bundle.name}-`;
        for (const old of existsSync(o.cacheDir!) ? readdirSync(o.cacheDir!) : [])
          if (old.startsWith(prefix) && /^[0-9a-f]{24}$/.test(old.slice(prefix.length))) rmSync(join(o.cacheDir!, old), { recursive: true, force: true });
        placeTree(outDir, cached);
      }
    }
    o.log?.(`  搜索索引：${bundle.label} ${list.length} 页${hit ? '（未变，沿用上次的索引）' : ''}`);
    o.written?.(`pagefind/${bundle.name}`);
    return { bundle, pages: list.length, hit };
  };
  const done: Done[] = [];
  try {
    // Two bundles at a time share one indexer process, which then keeps both cores busy
    // (one bundle alone uses ~1.3) — when together they fit the memory budget; the process
    // restarts between groups, so its memory stays at the size of one or two bundles.
    for (let i = 0; i < plan.length;) {
      const pair = plan[i]!.pages.length + (plan[i + 1]?.pages.length ?? Infinity) <= SHARED_PAGES;
      const group = plan.slice(i, pair ? i + 2 : i + 1);
      for (const d of await Promise.all(group.map(one))) if (d) done.push(d);
      await pagefind.close();
      i += group.length;
    }
  } finally {
    await pagefind.close();
  }
  const written = done.map((d) => d.bundle);
  const pages = done.reduce((n, d) => n + d.pages, 0);
  const reused = done.filter((d) => d.hit).length;
  if (!o.only) writeBundleList(siteDir, written);
  return { bundles: written.length, pages, reused, written: written.map((b) => b.name) };
}

/** pagefind/bundles.json: the bundles the browser merges at query time, newest first. */
export function writeBundleList(siteDir: string, bundles: readonly Bundle[]): void {
  mkdirSync(join(siteDir, 'pagefind'), { recursive: true });
  writeFileSync(
    join(siteDir, 'pagefind', 'bundles.json'),
    JSON.stringify({ bundles: bundles.map((b) => ({ name: b.name, label: b.label, pages: b.pages.length })) }),
  );
}
