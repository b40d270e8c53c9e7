/**
 * The one way build data goes into Astro: an integration whose Vite plugin serves the virtual
 * module `virtual:gongkai/context` (SiteContext: its data as JSON, and `checked()`, which reads
 * the project handed over in this process from project-handoff.ts, kept out of Astro's module
 * graph as an external module so that the pages see the very module the build wrote to). The
 * build passes the context it computed; the dev server computes one itself (astro-config.ts).
 *
 * The module is marked as content data for Astro's incremental build, as Astro marks its own
 * content-layer modules: its value changes every day (today) and with every print plan, and if
 * it counted in each page's code hash every page would be rendered again. Pages that show
 * something from it put that into their cacheKey instead (src/site/cache-key.ts), exactly as
 * they do for content.
 */
import type { AstroIntegration } from 'astro';
import type { ViteDevServer } from 'vite';
import { siblingModule } from '../project-root.ts';
import { CONTEXT_MODULE, type SiteContext } from './context.ts';

/** What the live preview hooks into the dev server (src/preview/preview-server.ts). */
export type DevServerHook = (server: ViteDevServer) => void;

const RESOLVED = `\0${CONTEXT_MODULE}`;
/**
 * project-handoff.ts as Node loads it, by the same URL as the command line's import, so the same
 * module. Vite's module runner (the content sync, the dev server) imports natively only
 * built-ins, packages and data: URLs, never a file of the project; so the virtual module imports
 * it through a data: module that Node evaluates, and the bundle of the build keeps that import.
 * (.ts in this checkout, .js in a county's packed copy: siblingModule.)
 */
const HANDOFF = `data:text/javascript,export * from ${JSON.stringify(siblingModule('project-handoff', import.meta.url).href)};`;

/**
 * project-handoff.ts as Node loads it, for code that Vite itself may be running: Astro's own
 * command line loads astro.config.mjs, and with it astro-config.ts, through Vite's module runner.
 */
export const nativeHandoff = (): Promise<typeof import('./project-handoff.ts')> => import(/* @vite-ignore */ HANDOFF);
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
                // Before Vite's own plugins, which would take the data: module into the module graph.
                enforce: 'pre' as const,
                resolveId: (id: string) =>
                  id === CONTEXT_MODULE ? { id: RESOLVED, meta: DATA_MODULE } : id === HANDOFF ? { id: HANDOFF, external: true } : undefined,
                async load(id: string) {
                  if (id !== RESOLVED) return undefined;
                  code ??= Promise.resolve(context()).then(
                    (c) =>
                      `import { checkedProject, savedBody } from ${JSON.stringify(HANDOFF)};\nexport const context = { checked: checkedProject, savedBody, ...${JSON.stringify(c)} };\n`,
                  );
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
