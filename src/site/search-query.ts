/**
 * Queries as Pagefind should see them, in Chinese. Used by the search page's script in the
 * browser, by the tests and by the search bench.
 *
 * Pagefind segments Han text into words, but treats a run like `第3号` as one unknown token,
 * and matches a bare number as a prefix (3 finds 30 and 300). A chunk of the query with digits
 * in it is therefore sent as an exact phrase with its digit runs spaced out — `"第 3 号"` finds
 * 第3号 only, not 第13号, 第3季度, or 第 and 3 far apart — which also keeps the count of
 * results exact. Other chunks go as typed: Pagefind splits them into words.
 */

/** Puts spaces around every digit run that touches a non-digit, non-space character. */
export function spaceDigits(query: string): string {
  return query
    .normalize('NFKC') // full-width digits （３） become ASCII
    .replace(/(\d+(?:[.,]\d+)*)/g, ' $1 ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function pagefindQuery(query: string): string {
  return query
    .normalize('NFKC')
    .replace(/["“”]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .map((chunk) => (/\d/.test(chunk) ? `"${spaceDigits(chunk)}"` : chunk))
    .join(' ');
}
