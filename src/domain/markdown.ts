/**
 * The one Markdown dialect of entries — CommonMark with GitHub's tables (remark + GFM) — and
 * its one parser, used by the safety scan, the board layout and the website alike, so what
 * `check` accepts, what a board prints and what the site shows are read the same way. A table on
 * the site is a table on the board, and a link the scan never saw cannot appear on a page.
 *
 * Fast paths beside it were measured against the rule that one must earn 1.5× on its stage
 * (`npm run bench -- --only fast-paths`, .github/docs/performance.md, 2026-12-08). Narrower
 * remark parsers for text without GFM syntax gave 1.3× on the parse and 1.04× on the site stage,
 * and were removed. The board layout's line reader for the plainest entries
 * (print/layout/simple-blocks.ts) gives 75× on reading an entry's blocks but 1.13× on the whole
 * print stage; it stays, because without it printing costs 13–16 % more, past both the 5 % the
 * bench may move and the 25 ms an item printing may take. It is checked against this parser
 * on every demo entry in `npm test`.
 */
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** The frozen parser; `markdownParser()` gives an unfrozen copy to extend (the site adds remark-rehype). */
export const markdownParser = unified().use(remarkParse).use(remarkGfm).freeze();

/**
 * Whether `markdown` could hold one of GFM's autolink literals. Each needs `www.`, `://` or an
 * `@` (an e-mail address, `mailto:` and `xmpp:` ones included); the line reader leaves text
 * with any of them to the parser.
 */
export function mayHaveAutolinks(markdown: string): boolean {
  return /www\.|:\/\/|@/i.test(markdown);
}

/** An entry's Markdown as a syntax tree (mdast). */
export function parseMarkdown(markdown: string): Root {
  return markdownParser.parse(markdown);
}
