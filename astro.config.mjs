// Astro builds the public site (党务公开网). Content is read from the folder given by
// GONGKAI_CONTENT_DIR (set by `gongkai build`), defaulting to ./content.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { astroCacheDir } from './src/build/astro-cache-dir.ts';

const contentDir = resolve(process.env.GONGKAI_CONTENT_DIR ?? 'content');
const cacheDir = astroCacheDir(contentDir, fileURLToPath(new URL('.', import.meta.url)));

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
  vite: {
    build: {
      rolldownOptions: {
        // @astrojs/mdx marks each MDX page with Astro's own "use astro:head-inject" directive,
        // which the bundler warns it may not keep. Astro handles it before bundling; the
        // warning is noise that buried the build's real messages (30 lines per MDX page).
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && String(warning.message).includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
