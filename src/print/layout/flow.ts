/**
 * Flowing content into columns. Content is first cut into pieces — one line of text, one
 * table row, one image — each with its height and boxes relative to its own top-left; then
 * pieces are stacked into columns. A piece never straddles a column and is never placed
 * where it does not fit, so nothing is clipped or drawn outside: a piece taller than a whole
 * column is split (a table row, line by line) if it can be, and what does not fit is
 * returned, for the caller to put on a continuation sheet or report.
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
  /** Space between entries that may grow when a column is spread to its full height (`FlowOptions.spread`). */
  stretch?: boolean;
  /** The first line of a paragraph, heading, table or image: space may open above it when a column is spread, after the gaps between entries. */
  opensBlock?: boolean;
  /** A table row's header row, repeated above it when the row starts a new column. */
  header?: Piece;
  /**
   * For a piece that may be cut (a table row): the first part that fits in `room` points and
   * the rest, or undefined when not even `minH` fits. Only used on a piece taller than a column.
   */
  split?: (room: number) => [Piece, Piece] | undefined;
  /** Height of the smallest first part `split` can make. */
  minH?: number;
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
  /** Pieces that did not fit, in order; the first may be the rest of a piece that was split. */
  rest: Piece[];
  /** Height used in each column. */
  used: number[];
}

const EPS = 1e-6;

/** The header row to repeat above `p` at the top of `col`, if it leaves room for `p` (or its first part). */
export function headerFor(p: Piece, col: Column): Piece | undefined {
  return p.header && p.header.h + (p.split ? Math.min(p.h, p.minH ?? p.h) : p.h) <= col.h + EPS ? p.header : undefined;
}

/** Whether no column like `col` can hold `p` whole (with its repeated header). */
const tooTall = (p: Piece, col: Column) => p.h + (headerFor(p, col)?.h ?? 0) > col.h + EPS;

/** Where a flow stopped: the first piece not wholly placed, and the rest of it if it was split. */
export interface FlowCursor {
  index: number;
  carry?: Piece;
}

export interface FlowOptions {
  /**
   * Fill each column to its full height: what room is left under a column's last piece is shared
   * among its `stretch` spaces (between entries), each growing by at most `maxGap` points. The
   * space between lines never changes; a column with no such space keeps its room at the bottom.
   */
  spread?: { maxGap: number; maxBlockGap: number };
  /** The height a spread column is filled to, if not its own: a balanced board's columns are flowed short and filled to the sheet's. */
  spreadTo?: number;
}

/**
 * Extra space after each placed piece of a column, to fill `room`: first the gaps between entries
 * (a `stretch` space with something after it), each by at most `maxGap`; then, if room is left,
 * above the blocks inside entries (`opensBlock`, not at the column's top), each by at most
 * `maxBlockGap`. What neither can take stays at the bottom.
 */
function spreading(placed: readonly { p: Piece }[], room: number, spread: NonNullable<FlowOptions['spread']>): number[] {
  const extra = placed.map(() => 0);
  if (room <= 0) return extra;
  const inked = (k: number) => placed.slice(k + 1).some((y) => !y.p.spacer);
  const entryGaps = placed.flatMap((x, k) => (x.p.stretch && k < placed.length - 1 && inked(k) ? [k] : []));
  // The space above a block is added after the piece before it.
  const blockGaps = placed.flatMap((x, k) => (k > 0 && x.p.opensBlock && !placed[k - 1]!.p.stretch ? [k - 1] : []));
  let left = room;
  for (const [gaps, max] of [
    [entryGaps, spread.maxGap],
    [blockGaps, spread.maxBlockGap],
  ] as const) {
    if (!gaps.length || left <= 0) continue;
    const each = Math.min(left / gaps.length, max);
    for (const k of gaps) extra[k]! += each;
    left -= each * gaps.length;
  }
  return extra;
}

/**
 * Stacks the pieces `get(start.index)` … `get(count - 1)` into the columns, starting with
 * `start.carry` if set. Pieces are read by index, so flowing a long queue over many sheets
 * never copies it.
 */
export function flowFrom(
  count: number,
  get: (j: number) => Piece,
  columns: readonly Column[],
  start: FlowCursor,
  options: FlowOptions = {},
): { boxes: Box[]; used: number[]; next: FlowCursor } {
  const boxes: Box[] = [];
  const used: number[] = [];
  let i = start.index;
  let carry = start.carry;
  const at = (j: number) => (j === i && carry ? carry : get(j));
  for (const col of columns) {
    let y = 0;
    // Whether the column holds anything but headings so far (pieces kept with what follows).
    let anchored = false;
    const placed: { p: Piece; y: number }[] = [];
    const place = (p: Piece) => {
      placed.push({ p, y });
      y += p.h;
      if (!p.keepWithNext) anchored = true;
    };
    while (i < count) {
      const p = at(i);
      if (p.spacer && y === 0) {
        i++;
        carry = undefined;
        continue;
      }
      // A table continued at the top of a column gets its header row again.
      const repeat = y === 0 ? headerFor(p, col) : undefined;
      const room = col.h - y - (repeat?.h ?? 0);
      // A heading goes to the next column unless what it introduces fits after it; a piece
      // that will be split anyway (see below) only needs its first part to fit.
      let need = p.h;
      for (let j = i; at(j).keepWithNext && j + 1 < count; j++) {
        const next = get(j + 1);
        need += next.split && (tooTall(next, col) || !anchored) ? Math.min(next.h, next.minH ?? next.h) : next.h;
      }
      // At the top of a column a piece goes in even if its keep-with-next chain does not fit
      // (no column would hold it); otherwise it would never be placed.
      if (p.h <= room + EPS && (need <= room + EPS || y === 0)) {
        if (repeat) place(repeat);
        place(p);
        i++;
        carry = undefined;
        continue;
      }
      // A piece taller than any column is cut to fill this one; so is one that would leave
      // only headings behind (they were kept with it, and it will not fit any better below them).
      const parts = p.split && p.h > room + EPS && (tooTall(p, col) || !anchored) ? p.split(room) : undefined;
      if (parts) {
        if (repeat) place(repeat);
        place(parts[0]);
        carry = parts[1];
      }
      // Either the column is full, or nothing fits even at its top: never place it outside.
      break;
    }
    const extra = options.spread ? spreading(placed, (options.spreadTo ?? col.h) - y, options.spread) : placed.map(() => 0);
    let added = 0;
    placed.forEach(({ p, y: top }, k) => {
      boxes.push(...shift(p.boxes, col.x, col.y + top + added));
      added += extra[k]!;
    });
    used.push(y + added);
  }
  return { boxes, used, next: { index: i, ...(carry ? { carry } : {}) } };
}

/** Stacks pieces into the columns in order; returns the placed boxes and the pieces left over. */
export function flowIntoColumns(pieces: readonly Piece[], columns: readonly Column[]): FlowResult {
  const f = flowFrom(pieces.length, (j) => pieces[j]!, columns, { index: 0 });
  const { index, carry } = f.next;
  return { boxes: f.boxes, used: f.used, rest: index < pieces.length ? [carry ?? pieces[index]!, ...pieces.slice(index + 1)] : [] };
}
