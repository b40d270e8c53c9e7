/**
 * Entry Markdown → HTML for the public site. Clerks' files are untrusted input:
 * raw HTML is dropped (remark-rehype without allowDangerousHtml), the result passes
 * rehype-sanitize (GitHub's allowlist: no scripts, no event handlers, no javascript: URLs),
 * links keep only http(s), mailto and tel, and images only relative sources — a remote
 * image would be a tracking beacon on every reader's phone.
 */
import type { Element, Root } from 'hast';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

const schema = {
  ...defaultSchema,
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto', 'tel'], src: [] },
};

/** Protocol-relative sources (//host/x.png) look relative to the sanitizer; drop them here. */
function localImagesOnly() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'img') return;
      const src = String(node.properties?.src ?? '');
      if (!src || /^(\/\/|[a-z][a-z0-9+.-]*:)/i.test(src)) delete node.properties.src;
    });
  };
}

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype)
  .use(rehypeSanitize, schema)
  .use(localImagesOnly)
  .use(rehypeStringify)
  .freeze();

export function renderEntryHtml(markdown: string): string {
  return String(processor.processSync(markdown));
}
