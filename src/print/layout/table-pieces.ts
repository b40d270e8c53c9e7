/**
 * GFM tables drawn as tables: normalise (done by markdown-blocks), size the columns from
 * their content, then cut into one piece per row so a long table continues in the next
 * column, with the header row repeated at the top. A row taller than a whole column is cut
 * between its lines; a table too wide for its column is set as records.
 */
import type { Box } from './boxes.ts';
import { BLACK } from './boxes.ts';
import { breakLines, type Line } from './cjk-lines.ts';
import { EM_ASCENT, textPieces, type Piece } from './flow.ts';
import type { Measurer } from './measurer.ts';

export interface TableStyle {
  size: number;
  lineHeight: number;
}

const GRID = [0, 0, 0, 70] as const;
const HEAD_FILL = [0, 0, 0, 10] as const;
/** The narrowest a column gets, in ems: two characters plus half an em of padding each side. */
const FLOOR_EM = 3;

/**
 * Column widths: each column's natural (one-line) width, stretched proportionally when the
 * table is narrower than the space. When it is wider, columns narrower than an equal share
 * keep their natural width — names, dates and figures stay on one line — and the others
 * share what is left in proportion to their natural widths, none below two characters
 * plus padding (the caller sets a table whose floors do not fit as records).
 */
export function columnWidths(cells: readonly (readonly string[])[], width: number, m: Measurer, size: number): number[] {
  const pad = size;
  const cols = cells[0]?.length ?? 0;
  const natural = Array.from({ length: cols }, (_, c) => Math.max(...cells.map((r) => m.width(r[c] ?? '', 'serif', size))) + pad);
  const floor = FLOOR_EM * size;
  const total = natural.reduce((a, b) => a + b, 0);
  if (total <= width) return natural.map((n) => (n / total) * width);
  const out = natural.map(() => 0);
  let open = natural.map((_, c) => c);
  let room = width;
  for (;;) {
    const fair = room / open.length;
    const narrow = open.filter((c) => natural[c]! <= fair);
    if (narrow.length === 0 || narrow.length === open.length) break;
    for (const c of narrow) {
      out[c] = natural[c]!;
      room -= natural[c]!;
    }
    open = open.filter((c) => natural[c]! > fair);
  }
  while (open.length) {
    const sum = open.reduce((a, c) => a + natural[c]!, 0);
    const low = open.filter((c) => (room * natural[c]!) / sum < floor);
    if (low.length === 0 || low.length === open.length) {
      for (const c of open) out[c] = low.length ? room / open.length : (room * natural[c]!) / sum;
      break;
    }
    for (const c of low) {
      out[c] = floor;
      room -= floor;
    }
    open = open.filter((c) => !low.includes(c));
  }
  return out;
}

/** Whether every column can get its floor (two characters plus padding); otherwise the table is set as records. */
export function tableFits(cols: number, width: number, size: number): boolean {
  return cols * FLOOR_EM * size <= width + 1e-6;
}

export function tablePieces(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  width: number,
  m: Measurer,
  s: TableStyle,
  entry: string,
): Piece[] {
  if (!tableFits(header.length, width, s.size)) return recordPieces(header, rows, width, m, s, entry);
  const widths = columnWidths([header, ...rows], width, m, s.size);
  const pad = s.size / 2;
  const lh = s.size * s.lineHeight;
  const rule = Math.max(0.5, s.size / 28);
  /** Lines [from, to) of a row — all of it, unless the row was split — as one piece framed as a row. */
  const part = (cells: readonly string[], broken: readonly Line[][], head: boolean, from: number, to: number, repeat?: Piece): Piece => {
    const face = head ? 'sans' : 'serif';
    const h = (to - from) * lh + pad;
    const boxes: Box[] = [];
    if (head) boxes.push({ kind: 'rect', x: 0, y: 0, w: width, h, fill: HEAD_FILL });
    let x = 0;
    broken.forEach((lines, i) => {
      const numeric = /^[-+¥￥\d.,%，]+$/.test(cells[i] ?? '');
      for (let j = from; j < Math.min(to, lines.length); j++) {
        const l = lines[j]!;
        if (!l.text.trim()) continue;
        // Figures are set flush right so their digits line up.
        const lx = numeric && !head ? x + widths[i]! - pad - l.width : x + pad;
        boxes.push({
          kind: 'text',
          x: lx,
          y: pad / 2 + (j - from) * lh + (lh - s.size) / 2 + EM_ASCENT * s.size,
          text: l.text,
          face,
          size: s.size,
          spacing: 0,
          color: BLACK,
        });
      }
      x += widths[i]!;
    });
    boxes.push({ kind: 'rect', x: 0, y: 0, w: width, h, stroke: GRID, lineWidth: rule });
    let cx = 0;
    for (const w of widths.slice(0, -1)) {
      cx += w;
      boxes.push({ kind: 'line', x1: cx, y1: 0, x2: cx, y2: h, color: GRID, width: rule });
    }
    const piece: Piece = { h, boxes, entry, ...(repeat ? { header: repeat } : {}) };
    // A row taller than a column is cut between two lines; the rest keeps the header to repeat.
    if (to - from > 1) {
      piece.minH = lh + pad;
      piece.split = (room) => {
        const n = Math.min(to - from - 1, Math.floor((room - pad + 1e-6) / lh));
        return n < 1 ? undefined : [part(cells, broken, head, from, from + n, repeat), part(cells, broken, head, from + n, to, repeat)];
      };
    }
    return piece;
  };
  const row = (cells: readonly string[], head: boolean, repeat?: Piece): Piece => {
    const face = head ? 'sans' : 'serif';
    const broken = cells.map((c, i) => breakLines(c || ' ', m, { face, size: s.size, width: widths[i]! - 2 * pad, justify: false }));
    return part(cells, broken, head, 0, Math.max(1, ...broken.map((b) => b.length)), repeat);
  };
  const head = row(header, true);
  // The header row is kept with the first body row, so a table never starts with a lone header.
  return [{ ...head, keepWithNext: rows.length > 0 }, ...rows.map((r) => row(r, false, head))];
}

/**
 * A table with more columns than the width can hold at two characters each, set as one
 * record per row instead — “表头：内容” lines under a rule — rather than drawn past the column.
 */
function recordPieces(header: readonly string[], rows: readonly (readonly string[])[], width: number, m: Measurer, s: TableStyle, entry: string): Piece[] {
  const rule: Piece = {
    h: s.size * 0.6,
    entry,
    keepWithNext: true,
    boxes: [{ kind: 'line', x1: 0, y1: s.size * 0.3, x2: width, y2: s.size * 0.3, color: GRID, width: Math.max(0.5, s.size / 28) }],
  };
  return rows.flatMap((r) => [
    rule,
    ...r.flatMap((cell, i) => {
      const label = header[i] ? `${header[i]}：` : '';
      return cell || label
        ? textPieces(`${label}${cell}`, width, m, { face: i === 0 ? 'sans' : 'serif', size: s.size, lineHeight: s.lineHeight, justify: false }, entry, i === 0)
        : [];
    }),
  ]);
}
