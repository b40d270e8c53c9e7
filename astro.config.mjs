// Astro builds the public site (党务公开网). Content is read from the folder given by
// GONGKAI_CONTENT_DIR (set by `gongkai build`), defaulting to ./content.
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

export default defineConfig({
  integrations: [mdx()],
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  // Kiosks and old phones get plain HTML: no prefetch scripts, no client router.
  prefetch: false,
  devToolbar: { enabled: false },
});
