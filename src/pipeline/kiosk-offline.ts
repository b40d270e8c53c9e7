/**
 * What each town's kiosks keep for when the network drops (public/kiosk-sw.js): the start
 * pages, the town's and its villages' unit and entry pages (with their images), the site's
 * scripts and styles, and the search — every bundle's code and index, and the result
 * fragments of those pages. Written after the search index, as kiosk/offline/<town>.json:
 * { version, files }, paths relative to the site's base. The version is a hash of the files'
 * bytes, so a kiosk fetches again only what a new build changed.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { walkFiles } from '../content/walk.ts';
import type { Project } from '../domain/model.ts';

/** Files every kiosk keeps, whatever its town. */
const COMMON =
  /^(index\.html|404\.html|favicon\.svg|(kiosk|units|search|dianti|catalog|years)\/index\.html|_astro\/.+|pagefind\/bundles\.json|pagefind\/[^/]+\/(pagefind\.js|pagefind-worker\.js|pagefind-entry\.json|wasm\.[^/]+|[^/]+\.pf_meta|filter\/.+|index\/.+))$/;

/** A page's address as a browser asks for it: units/x/ rather than units/x/index.html. */
const address = (rel: string) => rel.replace(/(^|\/)index\.html$/, '$1');

export function writeKioskOffline(siteDir: string, project: Project): number {
  const files = walkFiles(siteDir);
  const common = files.filter((f) => COMMON.test(f));
  // Which page each search fragment belongs to (fragments are named by their content's hash).
  const fragmentOf = new Map<string, string>();
  for (const bundle of readdirSync(join(siteDir, 'pagefind'), { withFileTypes: true }).filter((d) => d.isDirectory())) {
    const dir = join('pagefind', bundle.name, 'fragment');
    for (const f of files.filter((p) => p.startsWith(`${dir}/`))) {
      // A fragment is gzip'd "pagefind_dcd" followed by its JSON.
      const text = gunzipSync(readFileSync(join(siteDir, f))).toString('utf8');
      const { url } = JSON.parse(text.slice(text.indexOf('{'))) as { url: string };
      fragmentOf.set(url.replace(/^\//, ''), f);
    }
  }
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
    const fragments = own.filter((f) => f.endsWith('index.html')).flatMap((f) => fragmentOf.get(address(f)) ?? []);
    const list = [...new Set([...common, ...own, ...fragments])].sort();
    const version = createHash('sha256')
      .update(list.map((f) => `${f}\0${hash(f)}`).join('\n'))
      .digest('hex')
      .slice(0, 16);
    writeFileSync(join(siteDir, 'kiosk', 'offline', `${town.id}.json`), JSON.stringify({ version, files: list.map(address) }));
  }
  return towns.length;
}
