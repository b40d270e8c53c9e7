/**
 * The search index build stage: Pagefind over the built site in the staging folder, one
 * bundle per town (镇/街道) plus one for the county committee and county units, written to
 * pagefind/<bundle>/ with pagefind/bundles.json listing them. The browser merges bundles at
 * query time (or loads one when filtered by town). Building one bundle at a time and
 * restarting Pagefind's service between bundles keeps the indexer's memory at the size of
 * the largest town instead of the whole archive (a single index took ~5 GB at 20,000 pages).
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Project } from '../domain/model.ts';
import type { Unit } from '../domain/schema/unit.ts';

export interface Bundle {
  name: string;
  /** The filter value pages in this bundle carry for `town` ('县直' for county level). */
  town: string;
  units: string[];
}

export const COUNTY_BUNDLE = 'county';
export const COUNTY_TOWN = '县直';

/** Bundles indexed at the same time. */
const PAIR = 2;

/** Groups units by town; units above or outside any town go to the county bundle. */
export function planBundles(project: Project): Bundle[] {
  const byId = new Map(project.units.map((u) => [u.id, u]));
  const townOf = (u: Unit): Unit | undefined => {
    let t: Unit | undefined = u;
    while (t && t.kind !== 'town') t = t.parent ? byId.get(t.parent) : undefined;
    return t;
  };
  const bundles = new Map<string, Bundle>();
  bundles.set(COUNTY_BUNDLE, { name: COUNTY_BUNDLE, town: COUNTY_TOWN, units: [] });
  for (const u of project.units) {
    const town = townOf(u);
    const key = town ? `town-${town.id}` : COUNTY_BUNDLE;
    if (!bundles.has(key)) bundles.set(key, { name: key, town: town!.name, units: [] });
    bundles.get(key)!.units.push(u.id);
  }
  return [...bundles.values()].filter((b) => b.units.length > 0);
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

/** The pages a bundle indexes: units/<unit>/<slug>/index.html, sorted. */
function bundlePages(siteDir: string, bundle: Bundle): string[] {
  const out: string[] = [];
  for (const unit of bundle.units) {
    const dir = join(siteDir, 'units', unit);
    if (!existsSync(dir)) continue;
    for (const slug of readdirSync(dir).sort()) {
      const page = join('units', unit, slug, 'index.html');
      if (existsSync(join(siteDir, page))) out.push(page);
    }
  }
  return out;
}

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

/** Indexes entry pages (units/<unit>/<slug>/index.html) of `siteDir` into siteDir/pagefind/. */
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
      cpSync(cached, outDir, { recursive: true });
    } else {
      const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
      if (!index) throw new Error(`无法启动搜索索引程序：${errors.join('；')}`);
      // One glob per bundle; a brace with a single alternative is not valid, so list it plainly.
      const units = bundle.units.length === 1 ? bundle.units[0] : `{${bundle.units.join(',')}}`;
      const added = await index.addDirectory({ path: siteDir, glob: `units/${units}/*/index.html` });
      if (added.errors.length) throw new Error(added.errors.join('；'));
      const w = await index.writeFiles({ outputPath: outDir });
      if (w.errors.length) throw new Error(w.errors.join('；'));
      await index.deleteIndex();
      if (cached) {
        // Replaces older versions of this bundle: the cache holds one copy per bundle. Only
        // <name>-<key>: town-t-a- must not match town-t-a-b-<key>, indexed at the same time.
        const prefix = `${bundle.name}-`;
        for (const old of existsSync(o.cacheDir!) ? readdirSync(o.cacheDir!) : [])
          if (old.startsWith(prefix) && /^[0-9a-f]{24}$/.test(old.slice(prefix.length))) rmSync(join(o.cacheDir!, old), { recursive: true, force: true });
        cpSync(outDir, cached, { recursive: true });
      }
    }
    o.log?.(`  搜索索引：${bundle.town} ${list.length} 页${hit ? '（未变，沿用上次的索引）' : ''}`);
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

/** pagefind/bundles.json: the bundles the browser merges at query time, in plan order. */
export function writeBundleList(siteDir: string, bundles: readonly Bundle[]): void {
  mkdirSync(join(siteDir, 'pagefind'), { recursive: true });
  writeFileSync(join(siteDir, 'pagefind', 'bundles.json'), JSON.stringify({ bundles: bundles.map((b) => ({ name: b.name, town: b.town })) }));
}
