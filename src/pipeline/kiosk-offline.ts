/**
 * What each town's kiosks keep for when the network drops (public/kiosk-sw.js): the start
 * pages, the page that says a page was not kept (offline/), the town's and its villages' unit
 * and entry pages (with their images), the site's scripts and styles, and everything the search
 * needs — Pagefind's code, the index, the unit names, and the result fragments: the whole
 * county's when the search's files fit SEARCH_BUDGET_BYTES (the demo's: about 13 MB), so an
 * offline kiosk finds what an online one finds; otherwise those of the town's own pages, and the
 * search page then searches the town only while offline (it says so). Written after the search
 * index, as kiosk/offline/<town>.json: { version, files, search: 'county' | 'town', town }, paths
 * relative to the site's base. The version is a hash of the files' bytes, so a kiosk fetches
 * again only when a new build changed something — and then only the files whose names do not
 * already fix their content (the worker keeps those it has).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { walkFiles } from '../io/walk.ts';
import type { Project } from '../domain/model.ts';

/** Files every kiosk keeps, whatever its town. */
const COMMON =
  /^(index\.html|404\.html|favicon\.svg|(kiosk|units|search|dianti|catalog|years|offline)\/index\.html|search\/units\.json|_astro\/.+|pagefind\/bundles\.json|pagefind\/[^/]+\/(pagefind\.js|pagefind-entry\.json|dates\.json|wasm\.[^/]+|[^/]+\.pf_meta|filter\/.+|index\/.+))$/;

/** A kiosk keeps the whole county's search results when the search's files take at most this much. */
export const SEARCH_BUDGET_BYTES = 40 * 1024 * 1024;

export type KioskSearch = 'county' | 'town';

export interface KioskList {
  version: string;
  files: string[];
  /** Whose results the kiosk can show offline: the whole county's, or its town's only. */
  search: KioskSearch;
  /** The town's name, as the search's town filter knows it. */
  town: string;
}

/** A page's address as a browser asks for it: units/x/ rather than units/x/index.html. */
const address = (rel: string) => rel.replace(/(^|\/)index\.html$/, '$1');

export function writeKioskOffline(siteDir: string, project: Project, budget = SEARCH_BUDGET_BYTES): number {
  const files = walkFiles(siteDir);
  const common = files.filter((f) => COMMON.test(f));
  // Which page each search fragment belongs to (fragments are named by their content's hash).
  const fragmentOf = new Map<string, string>();
  const fragments: string[] = [];
  for (const bundle of readdirSync(join(siteDir, 'pagefind'), { withFileTypes: true }).filter((d) => d.isDirectory())) {
    const dir = join('pagefind', bundle.name, 'fragment');
    for (const f of files.filter((p) => p.startsWith(`${dir}/`))) {
      // A fragment is gzip'd "pagefind_dcd" followed by its JSON.
      const text = gunzipSync(readFileSync(join(siteDir, f))).toString('utf8');
      const { url } = JSON.parse(text.slice(text.indexOf('{'))) as { url: string };
      fragmentOf.set(url.replace(/^\//, ''), f);
      fragments.push(f);
    }
  }
  const size = (list: readonly string[]) => list.reduce((n, f) => n + statSync(join(siteDir, f)).size, 0);
  const search: KioskSearch = size([...common.filter((f) => f.startsWith('pagefind/')), ...fragments]) <= budget ? 'county' : 'town';
  const hashes = new Map<string, string>();
  const hash = (f: string) => {
    let h = hashes.get(f);
    if (!h)
      hashes.set(
        f,
        (h = createHash('sha256')
          .update(readFileSync(join(siteDir, f)))
          .digest('hex')),
      );
    return h;
  };
  const towns = project.units.filter((u) => u.kind === 'town');
  mkdirSync(join(siteDir, 'kiosk', 'offline'), { recursive: true });
  for (const town of towns) {
    const units = new Set([town.id, ...project.units.filter((u) => u.parent === town.id).map((u) => u.id)]);
    const own = files.filter((f) => {
      const m = /^units\/([^/]+)\//.exec(f);
      return !!m && units.has(m[1]!) && !f.endsWith('feed.xml');
    });
    const results = search === 'county' ? fragments : own.filter((f) => f.endsWith('index.html')).flatMap((f) => fragmentOf.get(address(f)) ?? []);
    const list = [...new Set([...common, ...own, ...results])].sort();
    const version = createHash('sha256')
      .update(`${search}\n${list.map((f) => `${f}\0${hash(f)}`).join('\n')}`)
      .digest('hex')
      .slice(0, 16);
    const out: KioskList = { version, files: list.map(address), search, town: town.name };
    writeFileSync(join(siteDir, 'kiosk', 'offline', `${town.id}.json`), JSON.stringify(out));
  }
  return towns.length;
}
