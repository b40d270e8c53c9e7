/**
 * “最新的在前” without a sort in the index. A Pagefind sort puts one number per page into the
 * bundle's metadata — 17 KiB of the 74 KiB that every first search downloads, for an order most
 * villagers never ask for. Instead the index stage writes each bundle's pages' dates beside it
 * (pagefind/<bundle>/dates.json, grouped by date: { "2026-07-03": ["f1c2…", …] }, each page by
 * its fragment's name, which is its result's id), and the search page fetches it only when the
 * date order is chosen, and orders the results itself (client/search-pagefind.ts).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export const DATES_FILE = 'dates.json';

/** Reads the bundle's fragments (gzip'd "pagefind_dcd" + JSON) and writes their dates; returns how many pages have one. */
export function writeSearchDates(bundleDir: string, language: string): number {
  const byDate = new Map<string, string[]>();
  const prefix = `${language}_`;
  let n = 0;
  for (const f of readdirSync(join(bundleDir, 'fragment')).sort()) {
    if (!f.endsWith('.pf_fragment')) continue;
    const text = gunzipSync(readFileSync(join(bundleDir, 'fragment', f))).toString('utf8');
    const date = (JSON.parse(text.slice(text.indexOf('{'))) as { meta?: { date?: string } }).meta?.date;
    if (!date) continue;
    const id = f.slice(0, -'.pf_fragment'.length);
    byDate.set(date, [...(byDate.get(date) ?? []), id.startsWith(prefix) ? id.slice(prefix.length) : id]);
    n++;
  }
  writeFileSync(join(bundleDir, DATES_FILE), JSON.stringify({ prefix, dates: Object.fromEntries([...byDate].sort()) }));
  return n;
}
