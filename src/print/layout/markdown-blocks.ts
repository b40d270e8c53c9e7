/**
 * Entry Markdown → the flat blocks the board layout sets: headings, paragraphs, list items,
 * tables (normalised to a rectangle of plain-text cells) and images. Parsed by the one
 * Markdown parser (src/domain/markdown.ts), so a table on the site is a table on the board.
 * Raw HTML is dropped, as on the site. Pure: images are found and measured by the caller's
 * `image` function (print/jobs/entry-images.ts reads them from disk).
 */
import type { RootContent, PhrasingContent, Table } from 'mdast';
import { parseMarkdown } from '../../domain/markdown.ts';

export type Block =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'para'; text: string }
  | { kind: 'item'; marker: string; text: string }
  | { kind: 'table'; header: string[]; rows: string[][] }
  | { kind: 'image'; src: string; alt: string; pxWidth: number; pxHeight: number };

/** An image a board can show: its file and its size in pixels, upright. */
export interface ImageFile {
  src: string;
  pxWidth: number;
  pxHeight: number;
}

function inline(nodes: readonly (PhrasingContent | RootContent)[]): string {
  let s = '';
  for (const n of nodes) {
    if (n.type === 'text' || n.type === 'inlineCode') s += n.value;
    else if (n.type === 'break') s += ' ';
    else if (n.type === 'image') continue;
    else if ('children' in n) s += inline(n.children as PhrasingContent[]);
  }
  return s;
}

/** Pads ragged rows so every row has as many cells as the widest one. */
function normaliseTable(t: Table): { header: string[]; rows: string[][] } {
  const cells = t.children.map((r) => r.children.map((c) => inline(c.children).trim()));
  const cols = Math.max(1, ...cells.map((r) => r.length));
  const pad = (r: string[]) => [...r, ...Array<string>(cols - r.length).fill('')];
  return { header: pad(cells[0] ?? []), rows: cells.slice(1).map(pad) };
}

/**
 * `image` maps a Markdown image reference to the image a board shows, or undefined to leave
 * it out (missing images never reach a board; remote ones are left out before it is asked).
 * Any Markdown, through the parser; `entryBlocks` (entry-blocks.ts) reads plain text without it.
 */
export function markdownBlocks(markdown: string, image: (src: string) => ImageFile | undefined): Block[] {
  const tree = parseMarkdown(markdown);
  const out: Block[] = [];
  const visit = (nodes: readonly RootContent[], listDepth: number) => {
    for (const n of nodes) {
      switch (n.type) {
        case 'heading':
          out.push({ kind: 'heading', level: n.depth, text: inline(n.children).trim() });
          break;
        case 'paragraph': {
          for (const c of n.children) if (c.type === 'image') pushImage(c.url, c.alt ?? '');
          const text = inline(n.children).trim();
          if (text) out.push({ kind: 'para', text });
          break;
        }
        case 'list': {
          let i = n.start ?? 1;
          for (const item of n.children) {
            const marker = n.ordered ? `${i++}.` : '•';
            const [first, ...rest] = item.children;
            out.push({
              kind: 'item',
              marker: listDepth ? `  ${marker}` : marker,
              text: first && 'children' in first ? inline(first.children as PhrasingContent[]).trim() : '',
            });
            visit(rest, listDepth + 1);
          }
          break;
        }
        case 'table':
          out.push({ kind: 'table', ...normaliseTable(n) });
          break;
        case 'blockquote':
          visit(n.children, listDepth);
          break;
        case 'code':
          out.push({ kind: 'para', text: n.value });
          break;
        default:
          break;
      }
    }
  };
  const pushImage = (url: string, alt: string) => {
    const file = /^(\/\/|[a-z][a-z0-9+.-]*:)/i.test(url) ? undefined : image(url);
    if (file) out.push({ kind: 'image', src: file.src, alt, pxWidth: file.pxWidth, pxHeight: file.pxHeight });
  };
  visit(tree.children, 0);
  return out;
}
