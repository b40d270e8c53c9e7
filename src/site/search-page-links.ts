/**
 * The search page, told what its first query will fetch once the index is written: each
 * bundle's entry file and metadata (the largest file after Pagefind's WebAssembly) as
 * <link rel=preload>, so the browser fetches them with the page rather than after Pagefind's
 * script has run and read the entry file (measured on the phone profile: the metadata then
 * arrives ~0.3 s sooner). The entry files are named with a tag made of the metadata's own hashes
 * (Pagefind's metaCacheTag), so a browser never reuses an entry file from another index. Run
 * after the index stage and after a merge of shards; a page without them (the live preview, an
 * index that failed) still searches, only later.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { INDEX_LANGUAGE } from './search-bundles.ts';

const MARK = 'data-search-index';
const BUNDLES = /data-search-bundles="([^"]*)"/;

/** Adds the preloads and the tag to siteDir/search/index.html; returns the tag, or undefined when there is no page or index. */
export function linkSearchPage(siteDir: string): string | undefined {
  const file = join(siteDir, 'search', 'index.html');
  if (!existsSync(file)) return undefined;
  const html = readFileSync(file, 'utf8').replace(new RegExp(`<link [^>]*${MARK}[^>]*>`, 'g'), '');
  const bundles = (BUNDLES.exec(html)?.[1] ?? '').split(' ').filter(Boolean);
  const base = /<html[^>]* data-base="([^"]*)"/.exec(html)?.[1] ?? '/';
  const metas: { bundle: string; meta: string }[] = [];
  for (const bundle of bundles) {
    const entry = join(siteDir, 'pagefind', bundle, 'pagefind-entry.json');
    if (!existsSync(entry)) return undefined;
    const hash = (JSON.parse(readFileSync(entry, 'utf8')) as { languages: Record<string, { hash: string }> }).languages[INDEX_LANGUAGE]?.hash;
    if (!hash) return undefined;
    metas.push({ bundle, meta: hash });
  }
  if (!metas.length) return undefined;
  const tag = createHash('sha256')
    .update(metas.map((m) => m.meta).join('\n'))
    .digest('hex')
    .slice(0, 12);
  const links = metas
    .flatMap(({ bundle, meta }) => [
      `<link rel="preload" href="${base}pagefind/${bundle}/pagefind-entry.json?ts=${tag}" as="fetch" crossorigin="anonymous" ${MARK}>`,
      `<link rel="preload" href="${base}pagefind/${bundle}/pagefind.${meta}.pf_meta" as="fetch" crossorigin="anonymous" ${MARK}>`,
    ])
    .join('');
  const out = html
    .replace(/ data-search-tag="[^"]*"/, '')
    .replace(BUNDLES, (m) => `${m} data-search-tag="${tag}"`)
    .replace(/<div class="search-page"/, `${links}<div class="search-page"`);
  writeFileSync(file, out);
  return tag;
}
