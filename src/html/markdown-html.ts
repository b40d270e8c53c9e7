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
import type { VFile } from 'vfile';
import { markdownParser } from '../domain/markdown.ts';

const schema = {
  ...defaultSchema,
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto', 'tel'], src: [] },
};

/** Maps an entry's relative image reference to its published URL; undefined drops the image. */
export type ImageResolver = (src: string) => string | undefined;

declare module 'vfile' {
  interface DataMap {
    /** The entry's image resolver, for `localImagesOnly`. */
    imageResolver: ImageResolver;
  }
}

/**
 * Protocol-relative sources (//host/x.png) look relative to the sanitizer; drop them here,
 * and point local ones at their published copies. Images load lazily with their alt text.
 */
function localImagesOnly() {
  return (tree: Root, file: VFile) => {
    const resolve = file.data.imageResolver;
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'img') return;
      const src = String(node.properties?.src ?? '');
      const published = !src || /^(\/\/|[a-z][a-z0-9+.-]*:)/i.test(src) ? undefined : resolve?.(src);
      if (published) node.properties.src = published;
      else delete node.properties.src;
      node.properties.loading = 'lazy';
    });
  };
}

/**
 * Each table in a box of its own that scrolls sideways on a narrow screen (site.css), focusable
 * so a keyboard can scroll it too, with a hint the page's script shows when it does not fit.
 */
function scrollableTables() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'table' || !parent || index === undefined) return;
      const hint: Element = {
        type: 'element',
        tagName: 'p',
        properties: { className: ['scroll-hint'], ariaHidden: 'true' },
        children: [{ type: 'text', value: '表格较宽，请左右滑动查看' }],
      };
      parent.children[index] = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['table-scroll'], role: 'region', ariaLabel: '表格，可左右滑动', tabIndex: 0 },
        children: [hint, node],
      };
      return 'skip';
    });
  };
}

// Built once: setting a processor up (GFM's syntax tables above all) cost more than many an entry.
let processor: ReturnType<typeof makeProcessor> | undefined;

function makeProcessor() {
  return markdownParser().use(remarkRehype).use(rehypeSanitize, schema).use(localImagesOnly).use(scrollableTables).use(rehypeStringify).freeze();
}

export function renderEntryHtml(markdown: string, resolve?: ImageResolver): string {
  const p = (processor ??= makeProcessor());
  const file = { value: markdown, data: resolve ? { imageResolver: resolve } : {} };
  return String(p.processSync(file));
}
