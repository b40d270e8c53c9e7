/**
 * The site's whole Astro configuration, in one place: the build passes it to Astro's build()
 * with the context it computed (and no config file); astro.config.mjs uses it for Astro's own
 * command line and editors; `gongkai dev` for the dev server. Without a given context, the
 * dev server's is computed here, at the edge: the content folder's project, today from
 * GONGKAI_TODAY, as_of or the clock, and no print plan (nothing is printed in dev).
 */
import mdx from '@astrojs/mdx';
import type { AstroInlineConfig } from 'astro';
import { resolve } from 'node:path';
import { loadProject } from '../load/load-project.ts';
import { clockFrom, resolveToday } from '../domain/time/today.ts';
import { ContentError } from '../errors.ts';
import { readContentHistory } from '../git/git-history.ts';
import { PROJECT_ROOT, WORK_ROOT } from '../project-root.ts';
import { astroCacheDir } from './astro-cache-dir.ts';
import type { SiteContext } from './context.ts';
import { gongkaiIntegration, nativeHandoff, type DevServerHook } from './integration.ts';
import { siteCode } from './site-code.ts';

export interface SiteConfigOptions {
  contentDir: string;
  templatesDir: string;
  /** Computed by the build; the dev server's is computed on first use. */
  context?: SiteContext;
  /** The cache root GONGKAI_CACHE_DIR names, if any (astro-cache-dir.ts). */
  cacheRoot?: string | undefined;
  /** The live preview's hook into the dev server (its context is then the preview's). */
  devServer?: DevServerHook;
}

/**
 * Pages Astro renders at a time. Rendering a page takes its thread ~0.2 ms; writing it takes
 * six trips through the file-system thread pool (folder, file and Astro's cache copy), and
 * one page at a time left the thread waiting on those trips, worst when the print workers
 * share the cores: the demo's 8,427 pages took 33 s to generate one by one, 19 s eight at a
 * time. The framework floor in the bench builds with the same figure.
 */
export const PAGE_CONCURRENCY = 8;

export function siteAstroConfig(o: SiteConfigOptions): AstroInlineConfig {
  return {
    root: PROJECT_ROOT,
    integrations: [mdx(), gongkaiIntegration(() => o.context ?? devContext(o.contentDir, o.templatesDir), o.devServer)],
    trailingSlash: 'ignore',
    // Every stylesheet and script in a file of its own, none inlined into the page: the
    // Content-Security-Policy the build writes (security-headers.ts) allows no inline code
    // except the one head script it hashes, and a page keeps working under it.
    build: { format: 'directory', concurrency: PAGE_CONCURRENCY, inlineStylesheets: 'never' },
    cacheDir: astroCacheDir(o.contentDir, WORK_ROOT, o.cacheRoot),
    // Entry pages carry a cacheKey (cache-key.ts) covering everything they show, so an
    // unchanged entry is restored from the cache instead of rendered again.
    experimental: { incrementalBuild: true },
    // Kiosks and old phones get plain HTML: no prefetch scripts, no client router.
    prefetch: false,
    devToolbar: { enabled: false },
    vite: {
      build: {
        // Astro inlines a script smaller than this into the page (and Vite small assets as data:
        // URLs); at 0 nothing is, so no page carries code the policy would have to hash.
        assetsInlineLimit: 0,
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
  };
}

/** The dev server's context: the checked project and its git history are handed over too, read here before any page is. */
async function devContext(contentDir: string, templatesDir: string): Promise<SiteContext> {
  const loaded = loadProject({ contentDir, templatesDir });
  if (!loaded.project || loaded.errorCount > 0) throw new ContentError(`内容有 ${loaded.errorCount} 个错误，网站无法预览。请先运行 npm run check 并改正。`);
  const [dir, templates] = [resolve(contentDir), resolve(templatesDir)];
  (await nativeHandoff()).handOverProject({ contentDir: dir, templatesDir: templates, project: loaded.project, contentHistory: readContentHistory(dir) });
  const today = resolveToday({
    env: process.env.GONGKAI_TODAY,
    asOf: loaded.project.site.as_of,
    clock: clockFrom(process.env.GONGKAI_CLOCK, () => new Date()),
  });
  return { contentDir, templatesDir, today, code: siteCode() };
}
