/**
 * One zip per town, holding its own and its villages' boards and household cards (in a
 * folder cards/), with its own manifest and installation list, for the town to send to its printer. Entries carry a fixed date so the
 * same PDFs give the same zip.
 */
import { createWriteStream, existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import yazl from 'yazl';
import type { PrintCache } from './cache.ts';
import { placeFile } from '../../io/write-atomic.ts';
import { townFiles, type ZipExtra } from './town-ticket.ts';

const FIXED_DATE = new Date('2020-01-01T00:00:00Z');

export function writeZip(file: string, members: readonly { name: string; path: string }[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    for (const m of [...members].sort((a, b) => a.name.localeCompare(b.name)))
      zip.addFile(m.path, m.name, { mtime: FIXED_DATE, mode: 0o100644, compress: false });
    zip.end();
    const out = createWriteStream(file);
    zip.outputStream.pipe(out).on('close', resolve).on('error', reject);
    zip.outputStream.on('error', reject);
  });
}

/** A board's files (poster, tiles) or a unit's card sheets, for its town's zip. */
export interface ZipItem {
  sha256: string;
  town?: string;
  files: string[];
  /** Cards go into a folder of their own in the zip, apart from the posters. */
  card?: boolean;
}

/**
 * Groups board and card files by town; returns the zips written (site-relative paths). A zip
 * whose members did not change is copied from the cache rather than written again.
 */
export async function writeTownZips(
  outDir: string,
  items: readonly ZipItem[],
  townName: (id: string) => string,
  cache: PrintCache,
  /** Per town, the files that go into its zip besides the print files (its manifest and installation list). */
  extras: ReadonlyMap<string, readonly ZipExtra[]> = new Map(),
): Promise<{ town: string; zip: string; boards: number; cards: number }[]> {
  const byTown = new Map<string, { name: string; path: string; sha256: string }[]>();
  const counts = new Map<string, { boards: number; cards: number }>();
  for (const b of items) {
    if (!b.town) continue;
    const list = byTown.get(b.town) ?? [];
    // Tiles are made from the poster, so the poster's hash stands for both.
    for (const f of b.files) list.push({ name: `${b.card ? 'cards/' : ''}${f.split('/').at(-1)!}`, path: join(outDir, f), sha256: b.sha256 });
    byTown.set(b.town, list);
    const c = counts.get(b.town) ?? { boards: 0, cards: 0 };
    if (b.card) c.cards++;
    else c.boards++;
    counts.set(b.town, c);
  }
  for (const [town, files] of extras) if (byTown.has(town)) byTown.get(town)!.push(...files);
  const written: { town: string; zip: string; boards: number; cards: number }[] = [];
  for (const [town, members] of [...byTown].sort(([a], [b]) => a.localeCompare(b))) {
    const rel = townFiles(town).zip;
    const cached = cache.zipPath(members);
    if (!existsSync(cached)) {
      await writeZip(`${cached}.tmp`, members);
      renameSync(`${cached}.tmp`, cached);
    }
    placeFile(cached, join(outDir, rel));
    written.push({ town: townName(town), zip: rel, ...counts.get(town)! });
  }
  return written;
}
