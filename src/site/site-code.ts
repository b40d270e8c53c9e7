/**
 * The code behind the site's pages, as two hashes (src/code-graph.ts): `pages`, the module graph
 * of every page, the content config and the Astro configuration — layouts, components, styles,
 * browser scripts, src/site, the domain code they call and every package reached (Astro itself
 * included); and `entryHtml`, the graph of the Markdown-to-HTML code alone, which the content
 * layer uses to keep an entry's rendered body between builds. Every page's cache key
 * (cache-key.ts) takes `pages`: a change to any code that can reach a page renders the pages
 * again, whatever Astro's own dependency tracking notices.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { codeDigest } from '../code-graph.ts';
import { PROJECT_ROOT } from '../project-root.ts';

export interface SiteCode {
  pages: string;
  entryHtml: string;
}

/** Where the site's code starts (in a checkout at `root`): every route file, the content config, the Astro configuration. */
export function siteEntries(root = PROJECT_ROOT): string[] {
  const src = join(root, 'src');
  const pages = (readdirSync(join(src, 'pages'), { recursive: true }) as string[])
    .filter((f) => /\.(astro|ts|mdx?)$/.test(f))
    .map((f) => join(src, 'pages', f));
  return [...pages.sort(), join(src, 'content.config.ts'), join(src, 'site/astro-config.ts')];
}

/** The module that turns an entry's Markdown into the HTML the content layer keeps. */
export const entryHtmlEntry = (root = PROJECT_ROOT) => join(root, 'src/site/entry-html.ts');

export function siteCode(): SiteCode {
  return { pages: codeDigest(siteEntries(), PROJECT_ROOT), entryHtml: codeDigest([entryHtmlEntry()], PROJECT_ROOT) };
}
