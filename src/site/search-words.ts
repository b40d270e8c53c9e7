/**
 * The words an entry is found by besides its text: its catalogue item's name and the words
 * people use for it (catalog.yaml `words`), as the entry page hands them to the index (the
 * `words` metadata, weighted above the body by client/search-pagefind.ts). Each phrase goes in whole and
 * also split as the browser splits a query (Intl.Segmenter, as Pagefind does): the index cuts
 * 发展党员 as one word, a villager's query into 发展 and 党员, and a metadata match needs the
 * query's words.
 */
import type { CatalogItem } from '../domain/schema/catalog.ts';

const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });

export function searchWords(item: Pick<CatalogItem, 'name' | 'words'>): string {
  const out = new Set<string>([item.name]);
  for (const phrase of item.words ?? []) {
    out.add(phrase);
    // Single characters (党 of 党费) would match nearly every query: only words of two or more.
    for (const s of segmenter.segment(phrase)) if (s.isWordLike && s.segment.length > 1) out.add(s.segment);
  }
  return [...out].join(' ');
}
