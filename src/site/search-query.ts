/**
 * Query preparation for Pagefind in Chinese. Pagefind segments Han text into words but
 * treats a run like `第3号` as one unknown token and then matches every page; with the
 * digit runs spaced out (`第 3 号`) it finds the right pages. Used by the search page's
 * script in the browser and by the tests.
 */

/** Puts spaces around every digit run that touches a non-digit, non-space character. */
export function spaceDigits(query: string): string {
  return query
    .normalize('NFKC') // full-width digits （３） become ASCII
    .replace(/(\d+(?:[.,]\d+)*)/g, ' $1 ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * What every result must contain. A chunk of the query with digits in it (第3号, 2026年,
 * 〔2025〕12号) is a phrase: readers type document numbers and years exactly, and 第3号
 * must not match a page with 第13号 or with 第 and 3 far apart. Other chunks are split into
 * words, each of which must appear somewhere (议事规则通知 finds 议事规则的通知).
 */
export type Term = { kind: 'phrase'; value: string } | { kind: 'word'; value: string };

const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });

/** Page text and queries compared the same way: NFKC, lower case, no spaces next to digits. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s*(\d+(?:[.,]\d+)*)\s*/g, '$1');
}

export function queryTerms(query: string): Term[] {
  const terms: Term[] = [];
  for (const chunk of query.normalize('NFKC').toLowerCase().split(/\s+/)) {
    if (!chunk) continue;
    if (/\d/.test(chunk)) {
      const value = normalizeText(chunk).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
      if (value) terms.push({ kind: 'phrase', value });
      continue;
    }
    for (const s of segmenter.segment(chunk)) if (s.isWordLike && s.segment.trim()) terms.push({ kind: 'word', value: s.segment.trim() });
  }
  return terms;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function phraseRegExp(value: string): RegExp {
  const head = /^\d/.test(value) ? '(?<![\\d.,])' : '';
  const tail = /\d$/.test(value) ? '(?!\\d|[.,]\\d)' : '';
  return new RegExp(`${head}${escapeRegExp(value)}${tail}`);
}

/**
 * Whether a page's text contains every term. Pagefind ignores query words that are absent
 * from an index and returns pages matching the rest (so `第 3 号` finds every 第…号 page in a
 * town where no page has a 3); the search page drops such results with this check.
 */
export function matchesQuery(text: string, terms: readonly Term[]): boolean {
  const hay = normalizeText(text);
  return terms.every((t) => (t.kind === 'phrase' ? phraseRegExp(t.value).test(hay) : hay.includes(t.value)));
}
