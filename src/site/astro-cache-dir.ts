/**
 * Where Astro keeps its content-layer store and incremental-build cache for a content folder.
 * One cache per content folder: the store and the page cache must never mix two counties (or
 * a test fixture and the demo county). A cache root given by the caller (GONGKAI_CACHE_DIR:
 * tests and the bench put theirs in a temporary folder) overrides it. Shared by the site's
 * Astro config and the build, which seeds the output from this cache (astro-page-seed.ts).
 */
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export function astroCacheDir(contentDir: string, root: string, cacheRoot?: string): string {
  const dir = resolve(contentDir);
  if (cacheRoot) return resolve(cacheRoot);
  const tag = createHash('sha256').update(dir).digest('hex').slice(0, 12);
  // Throwaway content folders (tests) get a throwaway cache, so node_modules/.astro does not grow.
  return dir.startsWith(tmpdir()) ? join(tmpdir(), `gongkai-astro-cache-${tag}`) : join(root, 'node_modules', '.astro', `gongkai-${tag}`);
}
