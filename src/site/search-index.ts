/**
 * The search index build stage: Pagefind over the built site in the staging folder, in a few
 * bundles by period — the unit pages, the current quarter's entries ("recent"), the rest of
 * this year, and one bundle per earlier year — written to pagefind/<bundle>/ with
 * pagefind/bundles.json listing them, newest first. The browser merges them at query time.
 *
 * Why this layout (measured on the demo, 7,748 entry pages, in Chromium): one index answers a
 * typical query in 55–155 ms moving 48–75 KiB; thirteen town bundles merged took 170–710 ms
 * and 370–500 KiB; two bundles 70–145 ms and 82–112 KiB. But one index must be rebuilt whole
 * when one entry changes (~13 s) and needs ~1.4 GB at 8,000 pages (~5 GB at 40,000). Period
 * bundles keep the merge at a few bundles, memory at one year's pages, and a new or edited
 * entry of this quarter re-indexes the small "recent" bundle only.
 */
import { createHash } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { placeTree, removeInBackground } from '../content/write-atomic.ts';
import { yearOf } from '../domain/dates.ts';
import type { Project } from '../domain/model.ts';
import { isPublic } from '../domain/publication.ts';

export interface Bundle {
  name: string;
  /** What it holds, for people: 单位, 近期（2026年第4季度）, 2026年, 2025年. */
  label: string;
  /** Its pages, relative to the site folder: units/<unit>/index.html or units/<unit>/<slug>/index.html. */
  pages: string[];
}

export const UNITS_BUNDLE = 'units';
/** Bundles indexed at the same time by one indexer process. */
const PAIR = 2;
export const RECENT_BUNDLE = 'recent';

const quarterOf = (date: string) => Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;

/**
 * The bundles for `today`: unit pages; entries of today's quarter or later; the rest of this
 * year; one per earlier year. Newest first, the order the browser merges them in.
 */
export function planBundles(project: Project, today: string): Bundle[] {
  const year = yearOf(today);
  const quarter = quarterOf(today);
  const byName = new Map<string, Bundle>();
  const add = (name: string, label: string, page: string) => {
    let b = byName.get(name);
    if (!b) byName.set(name, (b = { name, label, pages: [] }));
    b.pages.push(page);
  };
  add(RECENT_BUNDLE, `近期（${year}年第${quarter}季度起）`, '');
  for (const e of project.entries.filter(isPublic)) {
    const y = yearOf(e.data.date);
    const page = `units/${e.unit}/${e.slug}/index.html`;
    if (y > year || (y === year && quarterOf(e.data.date) >= quarter)) add(RECENT_BUNDLE, '', page);
    else add(`y${y}`, `${y}年`, page);
  }
  for (const u of project.units) add(UNITS_BUNDLE, '单位', `units/${u.id}/index.html`);
  const recent = byName.get(RECENT_BUNDLE)!;
  recent.label = `近期（${year}年第${quarter}季度起）`;
  recent.pages = recent.pages.filter(Boolean);
  const years = [...byName.values()].filter((b) => b.name.startsWith('y')).sort((a, b) => (a.name < b.name ? 1 : -1));
  return [recent, ...years, byName.get(UNITS_BUNDLE)].filter((b): b is Bundle => !!b && b.pages.length > 0).map((b) => ({ ...b, pages: [...b.pages].sort() }));
}

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
export async function buildSearchIndex(siteDir: string, project: Project, today: string, o: IndexOptions = {}): Promise<IndexReport> {
  const pagefind = await import('pagefind');
  const version = pagefindVersion();
  const plan = planBundles(project, today).filter((b, i) => o.only?.(b, i) ?? true);
  type Done = { bundle: Bundle; pages: number; hit: boolean };
  const one = async (bundle: Bundle): Promise<Done | undefined> => {
    const list = bundlePages(siteDir, bundle);
    if (!list.length) return undefined;
    const outDir = join(siteDir, 'pagefind', bundle.name);
    const cached = o.cacheDir ? join(o.cacheDir, `${bundle.name}-${bundleKey(siteDir, list, version)}`) : undefined;
    const hit = !!cached && existsSync(join(cached, 'pagefind.js'));
    if (hit) {
      placeTree(cached, outDir);
    } else {
      const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
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
    // (one bundle alone uses ~1.3); the process restarts between pairs, so its memory stays
    // at the size of two towns, not of the whole archive.
    for (let i = 0; i < plan.length; i += PAIR) {
      for (const d of await Promise.all(plan.slice(i, i + PAIR).map(one))) if (d) done.push(d);
      await pagefind.close();
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
