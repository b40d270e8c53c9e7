/**
 * Astro's incremental build restores an unchanged page by copying it out of its cache, one
 * awaited copyFile at a time: ~2 ms a page, 15 s for the demo's 7,748 entry pages, most of a
 * one-entry rebuild. But it skips the copy when the page is already in the output folder.
 * So before Astro runs we seed the staging folder with every page of Astro's own cache in
 * one synchronous loop (~3.7 s for 7,748 pages on the dev machine; most of it is creating
 * files), and let Astro decide, page by page as before, which to
 * keep (key unchanged), which to render over (key changed) — and afterwards remove every
 * seeded page Astro did not claim in its new manifest (a withdrawn entry, one that became
 * party-internal, one whose page rendered empty), so the output holds exactly the pages a
 * build without seeding would have written.
 *
 * Copies, never hard links: Astro writes a re-rendered page in place, and a link would let
 * that write reach the cache or the live dist/ before the leak scan has passed.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

interface IncrementalManifest {
  routes?: Record<string, { paths?: Record<string, { outputFile?: string }> }>;
}

/** Astro's cache layout (astro/dist/core/build/incremental.js): a manifest and a dist/ copy. */
const MANIFEST = 'incremental-build.json';
const CACHED_OUTPUT = 'dist';

/** The output files (relative to the output folder) a manifest records; empty if unreadable. */
export function manifestOutputs(cacheDir: string): Set<string> {
  let data: IncrementalManifest;
  try {
    data = JSON.parse(readFileSync(join(cacheDir, MANIFEST), 'utf8')) as IncrementalManifest;
  } catch {
    return new Set();
  }
  const out = new Set<string>();
  for (const route of Object.values(data.routes ?? {})) {
    for (const p of Object.values(route.paths ?? {})) if (p.outputFile) out.add(decodeURI(p.outputFile));
  }
  return out;
}

/** Seeded pages and their modification times right after the copy. */
export type Seeded = Map<string, number>;

/**
 * Copies the pages recorded in Astro's cache manifest into `outDir` (which Astro must then be
 * told not to empty). Returns the seeded paths, for {@link dropUnclaimedPages}.
 */
export function seedPages(cacheDir: string, outDir: string): Seeded {
  const recorded = manifestOutputs(cacheDir);
  const cached = join(cacheDir, CACHED_OUTPUT);
  const seeded: Seeded = new Map();
  const made = new Set<string>();
  // Only files the manifest records: a crashed build may have left others in the cache.
  // Synchronous calls: each is a plain syscall, no thread-pool round trip per page.
  for (const f of recorded) {
    const src = join(cached, f);
    if (!existsSync(src)) continue;
    const dir = dirname(join(outDir, f));
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    copyFileSync(src, join(outDir, f));
    seeded.set(f, statSync(join(outDir, f)).mtimeMs);
  }
  return seeded;
}

/**
 * After Astro's build: removes seeded pages its new manifest does not record — unless Astro
 * wrote the file itself this time (a route that no longer gives a cache key still renders
 * its page, but leaves it out of the manifest).
 */
export function dropUnclaimedPages(cacheDir: string, outDir: string, seeded: ReadonlyMap<string, number>): number {
  if (!seeded.size) return 0;
  const claimed = manifestOutputs(cacheDir);
  let dropped = 0;
  for (const [f, mtime] of seeded) {
    if (claimed.has(f)) continue;
    const file = join(outDir, f);
    if (!existsSync(file) || statSync(file).mtimeMs !== mtime) continue;
    rmSync(file, { force: true });
    // units/<unit>/<slug>/ held only that page; an empty folder would still be listed.
    const dir = dirname(join(outDir, f));
    if (existsSync(dir) && readdirSync(dir).length === 0) rmdirSync(dir);
    dropped++;
  }
  return dropped;
}
