// Astro builds the public site (党务公开网). Content is read from the folder given by
// GONGKAI_CONTENT_DIR (set by `gongkai build`), defaulting to ./content.
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

// One cache per content folder: the content-layer store and the incremental-build cache
// must never mix two counties (or a test fixture and the demo county). GONGKAI_CACHE_DIR
// overrides it (tests put theirs in a temporary folder).
const contentDir = resolve(process.env.GONGKAI_CONTENT_DIR ?? 'content');
const tag = createHash('sha256').update(contentDir).digest('hex').slice(0, 12);
// Throwaway content folders (tests) get a throwaway cache, so node_modules/.astro does not grow.
const cacheDir = process.env.GONGKAI_CACHE_DIR ?? (contentDir.startsWith(tmpdir()) ? join(tmpdir(), `gongkai-astro-cache-${tag}`) : `./node_modules/.astro/gongkai-${tag}`);

export default defineConfig({
  integrations: [mdx()],
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  cacheDir,
  // Entry pages carry a cacheKey (src/site/cache-key.ts) covering everything they show, so an
  // unchanged entry is restored from the cache instead of rendered again.
  experimental: { incrementalBuild: true },
  // Kiosks and old phones get plain HTML: no prefetch scripts, no client router.
  prefetch: false,
  devToolbar: { enabled: false },
});
