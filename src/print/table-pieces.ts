/**
 * GFM tables drawn as tables: normalise (done by markdown-blocks), size the columns from
 * their content, then cut into one piece per row so a long table continues in the next
 * column, with the header row repeated at the top.
 */
import type { Box } from './boxes.ts';
import { BLACK } from './boxes.ts';
import { breakLines } from './cjk-lines.ts';
import { EM_ASCENT, type Piece } from './flow.ts';
import type { Measurer } from './measurer.ts';

export interface TableStyle {
  size: number;
  lineHeight: number;
}

const GRID = [0, 0, 0, 70] as const;
const HEAD_FILL = [0, 0, 0, 10] as const;

/**
 * Column widths: each column's natural (one-line) width, shrunk proportionally when the
 * table is wider than the space, but never below two characters plus padding.
 */
export function columnWidths(cells: readonly (readonly string[])[], width: number, m: Measurer, size: number): number[] {
  const pad = size;
  const cols = cells[0]?.length ?? 0;
  const natural = Array.from({ length: cols }, (_, c) => Math.max(...cells.map((r) => m.width(r[c] ?? '', 'serif', size))) + pad);
  const floor = 2 * size + pad;
  const total = natural.reduce((a, b) => a + b, 0);
  if (total <= width) return natural.map((n) => (n / total) * width);
  // Give every column its floor, then share what is left in proportion to the excess.
  const base = natural.map((n) => Math.min(n, floor));
  const spare = Math.max(0, width - base.reduce((a, b) => a + b, 0));
  const excess = natural.map((n, c) => n - base[c]!);
  const sumExcess = excess.reduce((a, b) => a + b, 0) || 1;
  return base.map((b, c) => b + (spare * excess[c]!) / sumExcess);
}

export function tablePieces(header: readonly string[], rows: readonly (readonly string[])[], width: number, m: Measurer, s: TableStyle, entry: string): Piece[] {
  const widths = columnWidths([header, ...rows], width, m, s.size);
  const pad = s.size / 2;
  const lh = s.size * s.lineHeight;
  const row = (cells: readonly string[], head: boolean): Piece => {
    const face = head ? 'sans' : 'serif';
    const broken = cells.map((c, i) => breakLines(c || ' ', m, { face, size: s.size, width: widths[i]! - 2 * pad, justify: false }));
    const h = Math.max(1, ...broken.map((b) => b.length)) * lh + pad;
    const boxes: Box[] = [];
    if (head) boxes.push({ kind: 'rect', x: 0, y: 0, w: width, h, fill: HEAD_FILL });
    let x = 0;
    broken.forEach((lines, i) => {
      const numeric = /^[-+¥￥\d.,%，]+$/.test(cells[i] ?? '');
      lines.forEach((l, j) => {
        if (!l.text.trim()) return;
        // Figures are set flush right so their digits line up.
        const lx = numeric && !head ? x + widths[i]! - pad - l.width : x + pad;
        boxes.push({ kind: 'text', x: lx, y: pad / 2 + j * lh + (lh - s.size) / 2 + EM_ASCENT * s.size, text: l.text, face, size: s.size, spacing: 0, color: BLACK });
      });
      x += widths[i]!;
    });
    boxes.push({ kind: 'rect', x: 0, y: 0, w: width, h, stroke: GRID, lineWidth: Math.max(0.5, s.size / 28) });
    let cx = 0;
    for (const w of widths.slice(0, -1)) {
      cx += w;
      boxes.push({ kind: 'line', x1: cx, y1: 0, x2: cx, y2: h, color: GRID, width: Math.max(0.5, s.size / 28) });
    }
    return { h, boxes, entry };
  };
  const head = row(header, true);
  // The header row is kept with the first body row, so a table never starts with a lone header.
  return [{ ...head, keepWithNext: rows.length > 0 }, ...rows.map((r) => ({ ...row(r, false), header: head }))];
}
