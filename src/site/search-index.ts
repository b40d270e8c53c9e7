/**
 * The search index build stage: Pagefind over the built site in the staging folder, one
 * bundle per town (镇/街道) plus one for the county committee and county units, written to
 * pagefind/<bundle>/ with pagefind/bundles.json listing them. The browser merges bundles at
 * query time (or loads one when filtered by town). Building one bundle at a time and
 * restarting Pagefind's service between bundles keeps the indexer's memory at the size of
 * the largest town instead of the whole archive (a single index took ~5 GB at 20,000 pages).
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
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
}

/** Indexes entry pages (units/<unit>/<slug>/index.html) of `siteDir` into siteDir/pagefind/. */
export async function buildSearchIndex(siteDir: string, project: Project): Promise<IndexReport> {
  const pagefind = await import('pagefind');
  const plan = planBundles(project);
  const written: Bundle[] = [];
  let pages = 0;
  try {
    for (const bundle of plan) {
      const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
      if (!index) throw new Error(`无法启动搜索索引程序：${errors.join('；')}`);
      // One glob per bundle; a brace with a single alternative is not valid, so list it plainly.
      const units = bundle.units.length === 1 ? bundle.units[0] : `{${bundle.units.join(',')}}`;
      const added = await index.addDirectory({ path: siteDir, glob: `units/${units}/*/index.html` });
      if (added.errors.length) throw new Error(added.errors.join('；'));
      if (added.page_count > 0) {
        const w = await index.writeFiles({ outputPath: join(siteDir, 'pagefind', bundle.name) });
        if (w.errors.length) throw new Error(w.errors.join('；'));
        written.push(bundle);
        pages += added.page_count;
      }
      await index.deleteIndex();
      // Stop the indexer so the next bundle starts from an empty process.
      await pagefind.close();
    }
  } finally {
    await pagefind.close();
  }
  mkdirSync(join(siteDir, 'pagefind'), { recursive: true });
  writeFileSync(join(siteDir, 'pagefind', 'bundles.json'), JSON.stringify({ bundles: written.map((b) => ({ name: b.name, town: b.town })) }));
  return { bundles: written.length, pages };
}
