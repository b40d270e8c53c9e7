/**
 * One entry as pieces for a board or a handout: its title in the heading face, its date
 * (and the 公示期 of a running notice), then its Markdown body — paragraphs indented 2 em
 * and justified, headings in the heading face, tables as tables, images at ≥ 150 dpi.
 */
import type { Box, Cmyk } from './boxes.ts';
import { BLACK } from './boxes.ts';
import { spacer, textPieces, type Piece } from './flow.ts';
import type { Block } from './markdown-blocks.ts';
import type { Measurer } from './measurer.ts';
import { tablePieces } from './table-pieces.ts';

export interface EntrySizes {
  title: number;
  heading: number;
  body: number;
  meta: number;
  lineHeight: number;
  /** Table cells (default 0.9 × body). */
  table?: number;
}

/**
 * How much of an entry a board shows: all of it; its 摘要 with a QR code and link to the full
 * text (“扫码查看全文”); or only its title and date (a full board's last resort before leaving
 * entries off).
 */
export type EntryMode = 'full' | 'summary' | 'list';

export interface EntryContent {
  id: string;
  title: string;
  /** Date line as readers see it, e.g. 2026年11月20日 or the 公示期 of a running notice. */
  meta: string;
  blocks: Block[];
  /** The 摘要 shown in summary mode (else the start of the first paragraph). */
  summary?: string;
  /** The full text's address, for the QR code and link in summary mode. */
  url?: string;
}

/** Characters of the first paragraph that stand in for a missing 摘要. */
const LEAD_CHARS = 60;

/** The text summary mode shows: the 摘要, or the first paragraph's opening. */
export function summaryText(e: EntryContent): string {
  if (e.summary) return e.summary;
  const first = e.blocks.find((b): b is Extract<Block, { kind: 'para' }> => b.kind === 'para')?.text ?? '';
  const chars = [...first];
  return chars.length > LEAD_CHARS ? `${chars.slice(0, LEAD_CHARS).join('')}……` : first;
}

/** The full text's address as printed under its QR code: without the scheme, which nobody types. */
const printedLink = (url: string) => url.replace(/^https?:\/\//, '');

/**
 * Summary mode's text and code as one piece: the 摘要 on the left; the QR code to the full text
 * at the column's right edge, with “扫码查看全文” and the address set against it (right-aligned,
 * under the 摘要). A column of summaries is then inked at both edges and in between, not a
 * ragged strip of short lines with bare board to their right.
 */
function summaryPiece(e: EntryContent, url: string, width: number, m: Measurer, z: EntrySizes): Piece[] {
  // A phone reads a 20 mm code from arm's length; larger type gets a larger code.
  const q = Math.max(20 * (72 / 25.4), z.body * 2.5);
  const gap = z.body * 0.6;
  const textW = width - q - gap;
  const text = textPieces(summaryText(e), textW, m, { face: 'serif', size: z.body, lineHeight: z.lineHeight, indent: 2 * z.body }, e.id);
  const caption = [
    ...textPieces('扫码查看全文', textW, m, { face: 'sans-bold', size: z.meta, lineHeight: 1.4, justify: false }, e.id),
    ...textPieces(printedLink(url), textW, m, { face: 'sans', size: z.meta, lineHeight: 1.3, justify: false, color: GREY }, e.id),
  ];
  let y = 0;
  const boxes: Box[] = [];
  for (const p of text) {
    boxes.push(...p.boxes.map((b) => (b.kind === 'text' ? { ...b, y: b.y + y } : b)));
    y += p.h;
  }
  for (const p of caption) {
    // Set against the code: each caption line ends where the code's gap begins.
    boxes.push(...p.boxes.map((b) => (b.kind === 'text' ? { ...b, x: textW - m.width(b.text, b.face, b.size), y: b.y + y } : b)));
    y += p.h;
  }
  const h = Math.max(q, y);
  return [{ h: h + z.body * 0.2, entry: e.id, boxes: [...boxes, { kind: 'qr', x: width - q, y: 0, size: q, url }] }];
}

/** Lowest resolution of a printed image; an image with fewer pixels is printed smaller. */
export const MIN_DPI = 150;
const GREY: Cmyk = [0, 0, 0, 65];

export function entryPieces(e: EntryContent, width: number, m: Measurer, z: EntrySizes, maxImageHeight: number, mode: EntryMode = 'full'): Piece[] {
  const out: Piece[] = [];
  out.push(...textPieces(e.title, width, m, { face: 'sans-bold', size: z.title, lineHeight: 1.3, justify: false }, e.id, true));
  if (e.meta) out.push(...textPieces(e.meta, width, m, { face: 'sans', size: z.meta, lineHeight: 1.4, justify: false, color: GREY }, e.id, mode !== 'list'));
  if (mode === 'list') return [...out, { ...spacer(z.body * 0.5), stretch: true }];
  out.push({ ...spacer(z.body * 0.3), entry: e.id, keepWithNext: true });
  if (mode === 'summary') {
    out.push(...summaryPiece(e, e.url ?? '', width, m, z), { ...spacer(z.body * 0.8), stretch: true });
    return out;
  }
  let previous: Block['kind'] | undefined;
  for (const b of e.blocks) {
    const first = out.length;
    switch (b.kind) {
      case 'heading':
        out.push(...textPieces(b.text, width, m, { face: 'sans', size: z.heading, lineHeight: z.lineHeight, justify: false }, e.id, true));
        break;
      case 'para':
        out.push(...textPieces(b.text, width, m, { face: 'serif', size: z.body, lineHeight: z.lineHeight, indent: 2 * z.body }, e.id));
        break;
      case 'item': {
        const hang = m.width(`${b.marker} `, 'serif', z.body) + z.body;
        const lines = textPieces(b.text, width, m, { face: 'serif', size: z.body, lineHeight: z.lineHeight, hang }, e.id);
        const first = lines[0];
        if (first)
          first.boxes.push({
            kind: 'text',
            x: z.body,
            y: (first.boxes[0] as { y: number } | undefined)?.y ?? z.body,
            text: b.marker,
            face: 'serif',
            size: z.body,
            spacing: 0,
            color: BLACK,
          });
        out.push(...lines);
        break;
      }
      case 'table':
        // The space above a table stays with it, so a heading before the table is not left behind.
        out.push(
          { ...spacer(z.body * 0.3), keepWithNext: true },
          ...tablePieces(b.header, b.rows, width, m, { size: z.table ?? z.body * 0.9, lineHeight: 1.3 }, e.id),
          spacer(z.body * 0.3),
        );
        break;
      case 'image': {
        // Never wider than the column, never taller than a column, never under 150 dpi.
        const maxByPixels = (b.pxWidth / MIN_DPI) * 72;
        let w = Math.min(width, maxByPixels);
        let h = (w * b.pxHeight) / b.pxWidth;
        if (h > maxImageHeight) {
          w *= maxImageHeight / h;
          h = maxImageHeight;
        }
        const px = Math.min(b.pxWidth, Math.ceil((w / 72) * MIN_DPI * 1.5));
        out.push({
          h: h + z.body * 0.3,
          entry: e.id,
          boxes: [{ kind: 'image', x: (width - w) / 2, y: z.body * 0.15, w, h, src: b.src, px }],
          keepWithNext: !!b.alt,
        });
        if (b.alt) out.push(...textPieces(b.alt, width, m, { face: 'sans', size: z.meta, lineHeight: 1.4, justify: false, color: GREY }, e.id));
        break;
      }
    }
    // A spread column may open space above a block (a list once, above its first item).
    if (out[first] && !(b.kind === 'item' && previous === 'item')) out[first] = { ...out[first], opensBlock: true };
    previous = b.kind;
  }
  out.push({ ...spacer(z.body * 0.8), stretch: true });
  return out;
}
