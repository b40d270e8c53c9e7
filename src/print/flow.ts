/**
 * Flowing content into columns. Content is first cut into pieces — one line of text, one
 * table row, one image — each with its height and boxes relative to its own top-left; then
 * pieces are stacked into columns. A piece never straddles a column, so nothing is clipped:
 * what does not fit is returned, for the caller to put on a continuation sheet.
 */
import type { Box, Cmyk, Face } from './boxes.ts';
import { BLACK } from './boxes.ts';
import { breakLines } from './cjk-lines.ts';
import type { Measurer } from './measurer.ts';

export interface Piece {
  h: number;
  boxes: Box[];
  /** The entry this piece belongs to (for overflow reports); empty for furniture. */
  entry: string;
  /** Headings and titles stay in the same column as the piece after them. */
  keepWithNext?: boolean;
  /** Vertical space: dropped at the top of a column. */
  spacer?: boolean;
  /** A table row's header row, repeated above it when the row starts a new column. */
  header?: Piece;
}

export interface Column {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Where the ideographic em box starts above the baseline, as a fraction of the size. */
export const EM_ASCENT = 0.88;

export interface TextStyle {
  face: Face;
  size: number;
  lineHeight: number;
  color?: Cmyk;
  indent?: number;
  justify?: boolean;
  /** Horizontal offset of every line (a hanging list marker). */
  hang?: number;
}

/** One piece per line, justified by inter-character spacing; `keep` marks them keep-with-next. */
export function textPieces(text: string, width: number, m: Measurer, s: TextStyle, entry: string, keep = false): Piece[] {
  const hang = s.hang ?? 0;
  const lines = breakLines(text, m, { face: s.face, size: s.size, width: width - hang, indent: s.indent ?? 0, justify: s.justify ?? true });
  const lh = s.size * s.lineHeight;
  const baseline = (lh - s.size) / 2 + EM_ASCENT * s.size;
  return lines.map((l) => ({
    h: lh,
    entry,
    keepWithNext: keep,
    boxes: [{ kind: 'text', x: hang + l.x, y: baseline, text: l.text, face: s.face, size: s.size, spacing: l.spacing, color: s.color ?? BLACK }],
  }));
}

export const spacer = (h: number): Piece => ({ h, boxes: [], entry: '', spacer: true });

/** Moves boxes by (dx, dy). */
export function shift(boxes: readonly Box[], dx: number, dy: number): Box[] {
  return boxes.map((b): Box => {
    switch (b.kind) {
      case 'line':
        return { ...b, x1: b.x1 + dx, y1: b.y1 + dy, x2: b.x2 + dx, y2: b.y2 + dy };
      default:
        return { ...b, x: b.x + dx, y: b.y + dy };
    }
  });
}

export interface FlowResult {
  boxes: Box[];
  /** Pieces that did not fit, in order. */
  rest: Piece[];
  /** Height used in each column. */
  used: number[];
}

/** Stacks pieces into the columns in order; returns the placed boxes and the pieces left over. */
export function flowIntoColumns(pieces: readonly Piece[], columns: readonly Column[]): FlowResult {
  const boxes: Box[] = [];
  const used: number[] = [];
  let i = 0;
  for (const col of columns) {
    let y = 0;
    while (i < pieces.length) {
      const p = pieces[i]!;
      if (p.spacer && y === 0) {
        i++;
        continue;
      }
      // A table continued at the top of a column gets its header row again.
      const repeat = y === 0 && p.header ? p.header : undefined;
      // A heading goes to the next column unless the piece it introduces fits after it.
      let need = p.h + (repeat?.h ?? 0);
      for (let j = i; pieces[j]?.keepWithNext && j + 1 < pieces.length; j++) need += pieces[j + 1]!.h;
      // At the top of a column a piece goes in even if its keep-with-next chain does not fit
      // (no column would hold it), or if it is taller than the column (only a huge table row
      // can be); otherwise it would never be placed.
      if (y + need > col.h + 1e-6 && y > 0) break;
      if (repeat) {
        boxes.push(...shift(repeat.boxes, col.x, col.y));
        y += repeat.h;
      }
      boxes.push(...shift(p.boxes, col.x, col.y + y));
      y += p.h;
      i++;
    }
    used.push(y);
  }
  return { boxes, rest: pieces.slice(i), used };
}
