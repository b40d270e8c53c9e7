/**
 * Which of Pagefind's index chunks a query needs, known before Pagefind has loaded: the search
 * page carries each bundle's chunk table (search-page-links.ts writes it from the bundle's
 * metadata), so its script can ask for the chunks of the address's query at once, beside
 * Pagefind's WebAssembly and metadata, instead of after both have arrived and been read
 * (measured with the phone profile of scripts/bench/search-latency.ts: the chunks came ~0.4 s
 * after the metadata). The choice mirrors Pagefind 1.6's own (request_indexes in pagefind_web):
 * the query's words as its script segments them, each in the chunks whose first and last
 * word enclose it. Where the two differ Pagefind fetches what it needs itself; a wrong guess only
 * costs bytes. Used by the search page's script and by the tests.
 */

/** One index chunk: its first and last word and its file's hash (`zh-cn_3fc4776`). */
export type Chunk = readonly [from: string, to: string, hash: string];

const PUNCTUATION = /^\p{Pd}|\p{Pe}|\p{Pf}|\p{Pi}|\p{Po}|\p{Ps}$/u;

/** The words Pagefind looks up for a query, as its script makes them for a language that needs word segmentation. */
export function queryWords(query: string, language = 'zh-CN'): string[] {
  const words = new Intl.Segmenter(language, { granularity: 'word' });
  const graphemes = new Intl.Segmenter(language, { granularity: 'grapheme' });
  const out: string[] = [];
  for (const { segment } of words.segment(query)) {
    const kept = [...graphemes.segment(segment)]
      .map((g) => g.segment)
      .filter((g) => !PUNCTUATION.test(g))
      .map((g) => g.toLocaleLowerCase())
      .join('');
    out.push(...kept.split(/\s+/).filter(Boolean));
  }
  return out;
}

/** The hashes of the chunks that hold the words, each once (a word between two chunks has none: Pagefind then looks itself). */
export function chunksFor(words: readonly string[], table: readonly Chunk[]): string[] {
  const hashes = new Set<string>();
  for (const w of words) for (const [from, to, hash] of table) if (w >= from && w <= to) hashes.add(hash);
  return [...hashes];
}
