/**
 * The one Markdown dialect of entries — CommonMark with GitHub's tables (remark + GFM) — used
 * by the safety scan, the board layout and the website alike, so what `check` accepts, what a
 * board prints and what the site shows are read the same way. A table on the site is a table
 * on the board, and a link the scan never saw cannot appear on a page.
 */
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';

/** The frozen parser; `markdownParser()` gives an unfrozen copy to extend (the site adds remark-rehype). */
export const markdownParser = unified().use(remarkParse).use(remarkGfm).freeze();

/**
 * Whether `markdown` could hold one of GFM's autolink literals. Each needs `www.`, `://` or an
 * `@` (an e-mail address, `mailto:` and `xmpp:` ones included); text with none of them parses
 * to the same tree with or without that part of GFM.
 */
export function mayHaveAutolinks(markdown: string): boolean {
  return /www\.|:\/\/|@/i.test(markdown);
}

/**
 * Drops the syntax-tree side of GFM's autolink literals: a pass that runs two large Unicode
 * regular expressions over every text node and took 40 % of the time of parsing an entry.
 * The tokenizer side stays, and without a trigger it makes no token this side would handle.
 */
function withoutAutolinkLiterals(this: Processor): void {
  const data = this.data();
  data.fromMarkdownExtensions = (data.fromMarkdownExtensions ?? []).map((ext) =>
    Array.isArray(ext) ? ext.filter((e) => !(e.enter && 'literalAutolink' in e.enter)) : ext,
  );
}

/** The same dialect for text `mayHaveAutolinks` says has none: the same trees, faster. */
export const markdownParserWithoutAutolinks = unified().use(remarkParse).use(remarkGfm).use(withoutAutolinkLiterals).freeze();

/**
 * Whether `markdown` could hold any GFM construct: a table or a strikethrough needs `|` or
 * `~` — or, for a table of one column, a delimiter row with a colon and no pipe (`:-`, `-:`),
 * under a line that becomes its header — a footnote or a task list item `[`, an autolink
 * literal `www.`, `://` or `@`. Text with none of them parses to the same tree as plain
 * CommonMark, which parses it three times faster — and most entries are headings, paragraphs
 * and lists.
 */
export function mayUseGfm(markdown: string): boolean {
  return GFM_BLOCK_TRIGGER.test(markdown) || mayHaveAutolinks(markdown);
}

/** `|`, `~`, `[`, or a line that could be a pipeless delimiter row (dashes with a colon at either end). */
const GFM_BLOCK_TRIGGER = /[|~[]|^[ \t]*(?::-+:?|-+:)[ \t]*$/m;

/** Plain CommonMark, for text `mayUseGfm` says has no GFM construct: the same trees, faster still. */
export const commonMarkParser = unified().use(remarkParse).freeze();

/** The parser to read `markdown` with: the full one, or a faster one where it gives the same tree. */
export function markdownParserFor(markdown: string): typeof commonMarkParser {
  if (mayHaveAutolinks(markdown)) return markdownParser;
  return GFM_BLOCK_TRIGGER.test(markdown) ? markdownParserWithoutAutolinks : commonMarkParser;
}

/** An entry's Markdown as a syntax tree (mdast). */
export function parseMarkdown(markdown: string): Root {
  return markdownParserFor(markdown).parse(markdown);
}
