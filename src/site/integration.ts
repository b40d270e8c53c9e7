/**
 * The one way build data goes into Astro: an integration whose Vite plugin serves the virtual
 * module `virtual:gongkai/context` (SiteContext, as JSON). The build passes the context it
 * computed; the dev server computes one itself (astro-config.ts).
 *
 * The module is marked as content data for Astro's incremental build, as Astro marks its own
 * content-layer modules: its value changes every day (today) and with every print plan, and if
 * it counted in each page's code hash every page would be rendered again. Pages that show
 * something from it put that into their cacheKey instead (src/site/cache-key.ts), exactly as
 * they do for content.
 */
import type { AstroIntegration } from 'astro';
import type { ViteDevServer } from 'vite';
import { CONTEXT_MODULE, type SiteContext } from './context.ts';

/** What the live preview hooks into the dev server (src/preview/preview-server.ts). */
export type DevServerHook = (server: ViteDevServer) => void;

const RESOLVED = `\0${CONTEXT_MODULE}`;
/** Astro's mark for data modules left out of a page's dependency hash (astro/dist/core/build/incremental-metadata.js). */
const DATA_MODULE = { astroIncremental: { kind: 'content-data' } };

export function gongkaiIntegration(context: () => SiteContext | Promise<SiteContext>, devServer?: DevServerHook): AstroIntegration {
  let code: Promise<string> | undefined;
  return {
    name: 'gongkai',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'gongkai:context',
                resolveId: (id: string) => (id === CONTEXT_MODULE ? { id: RESOLVED, meta: DATA_MODULE } : undefined),
                async load(id: string) {
                  if (id !== RESOLVED) return undefined;
                  code ??= Promise.resolve(context()).then((c) => `export const context = ${JSON.stringify(c)};\n`);
                  return { code: await code, meta: DATA_MODULE };
                },
                ...(devServer ? { configureServer: devServer } : {}),
              },
            ],
          },
        });
      },
    },
  };
}
