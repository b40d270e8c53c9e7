/**
 * Entry Markdown → HTML for the public site. Clerks' files are untrusted input:
 * raw HTML is dropped (remark-rehype without allowDangerousHtml), and the result passes
 * rehype-sanitize (GitHub's allowlist: no scripts, no event handlers, no javascript: URLs).
 */
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeSanitize).use(rehypeStringify).freeze();

export function renderEntryHtml(markdown: string): string {
  return String(processor.processSync(markdown));
}
