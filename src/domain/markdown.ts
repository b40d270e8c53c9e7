/**
 * The one Markdown dialect of entries — CommonMark with GitHub's tables (remark + GFM) — used
 * by the safety scan, the board layout and the website alike, so what `check` accepts, what a
 * board prints and what the site shows are read the same way. A table on the site is a table
 * on the board, and a link the scan never saw cannot appear on a page.
 */
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** The frozen parser; `markdownParser()` gives an unfrozen copy to extend (the site adds remark-rehype). */
export const markdownParser = unified().use(remarkParse).use(remarkGfm).freeze();

/** An entry's Markdown as a syntax tree (mdast). */
export function parseMarkdown(markdown: string): Root {
  return markdownParser.parse(markdown);
}
