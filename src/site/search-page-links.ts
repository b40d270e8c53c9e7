/**
 * The search page, told what its first query will fetch once the index is written: each
 * bundle's entry file and metadata (the largest file after Pagefind's WebAssembly) as
 * <link rel=preload>, so the browser fetches them with the page rather than after Pagefind's
 * script has run and read the entry file (measured on the phone profile: the metadata then
 * arrives ~0.3 s sooner). The entry files are named with a tag made of the metadata's own hashes
 * (Pagefind's metaCacheTag), so a browser never reuses an entry file from another index. Run
 * after the index stage and after a merge of shards; a page without them (the live preview, an
 * index that failed) still searches, only later. The page also carries each bundle's chunk table
 * (data-search-chunks, search-chunks.ts), so its script asks for the first query's chunks at once.
 */
import { decode } from 'cbor2';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { INDEX_LANGUAGE } from './search-bundles.ts';
import type { Chunk } from './search-chunks.ts';

const SIGNATURE = 'pagefind_dcd';

/**
 * A bundle's index chunks from its metadata (gzip of Pagefind's signature and CBOR: version,
 * pages, chunks as [first word, last word, hash], …), or undefined when it is not that shape (another
 * Pagefind version): the page then only searches later, as without the table.
 */
export function chunkTable(metaFile: string): Chunk[] | undefined {
  try {
    const raw = gunzipSync(readFileSync(metaFile));
    if (raw.subarray(0, SIGNATURE.length).toString() !== SIGNATURE) return undefined;
    const meta = decode(raw.subarray(SIGNATURE.length)) as unknown[];
    const chunks = meta[2];
    if (!Array.isArray(chunks) || !chunks.every((c) => Array.isArray(c) && c.length === 3 && c.every((x) => typeof x === 'string'))) return undefined;
    return chunks as Chunk[];
  } catch {
    return undefined;
  }
}

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
  const tables = Object.fromEntries(metas.map(({ bundle, meta }) => [bundle, chunkTable(join(siteDir, 'pagefind', bundle, `pagefind.${meta}.pf_meta`))]));
  const chunks = Object.values(tables).every(Boolean) ? ` data-search-chunks='${escapeAttribute(JSON.stringify(tables))}'` : '';
  const out = html
    .replace(/ data-search-tag="[^"]*"| data-search-chunks='[^']*'/g, '')
    .replace(BUNDLES, (m) => `${m} data-search-tag="${tag}"${chunks}`)
    .replace(/<div class="search-page"/, `${links}<div class="search-page"`);
  writeFileSync(file, out);
  return tag;
}

/** For a single-quoted attribute: JSON's own quotes stay as they are (a third of the table's size otherwise). */
const escapeAttribute = (s: string) => s.replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/</g, '&lt;');
