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
import remarkRehype from 'remark-rehype';
import { visit } from 'unist-util-visit';
import { markdownParser } from '../domain/markdown.ts';

const schema = {
  ...defaultSchema,
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto', 'tel'], src: [] },
};

/** Maps an entry's relative image reference to its published URL; undefined drops the image. */
export type ImageResolver = (src: string) => string | undefined;

/**
 * Protocol-relative sources (//host/x.png) look relative to the sanitizer; drop them here,
 * and point local ones at their published copies. Images load lazily with their alt text.
 */
function localImagesOnly(options: { resolve?: ImageResolver }) {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'img') return;
      const src = String(node.properties?.src ?? '');
      const published = !src || /^(\/\/|[a-z][a-z0-9+.-]*:)/i.test(src) ? undefined : options.resolve?.(src);
      if (published) node.properties.src = published;
      else delete node.properties.src;
      node.properties.loading = 'lazy';
    });
  };
}

function processor(resolve?: ImageResolver) {
  return markdownParser()
    .use(remarkRehype)
    .use(rehypeSanitize, schema)
    .use(localImagesOnly, { ...(resolve ? { resolve } : {}) })
    .use(rehypeStringify);
}

const plain = processor().freeze();

export function renderEntryHtml(markdown: string, resolve?: ImageResolver): string {
  return String((resolve ? processor(resolve) : plain).processSync(markdown));
}
