/**
 * How well a board sheet is filled, measured on the laid-out boxes alone (so the figure means
 * the same for any layout engine): the share of the content columns below the last ink in
 * each column, and the smallest text set on the sheet. The print shop's two questions: is a
 * metre of the board left blank, and can everything on it be read.
 */
import type { Box, LaidPage } from './boxes.ts';
import type { Column } from './flow.ts';

export interface SheetFill {
  /** Share (0–1) of the columns' area below their last ink. */
  blank: number;
  /** Smallest text size on the sheet, in points. */
  minTextPt: number;
}

/** The box's left edge and bottom edge. */
function extent(b: Box): { x: number; bottom: number } {
  switch (b.kind) {
    case 'line':
      return { x: Math.min(b.x1, b.x2), bottom: Math.max(b.y1, b.y2) };
    case 'text':
      // A baseline: the descent of a CJK face is about an eighth of the size.
      return { x: b.x, bottom: b.y + b.size * 0.12 };
    case 'qr':
      return { x: b.x, bottom: b.y + b.size };
    default:
      return { x: b.x, bottom: b.y + b.h };
  }
}

export function sheetFill(page: LaidPage, cols: readonly Column[]): SheetFill {
  let used = 0;
  let area = 0;
  for (const c of cols) {
    area += c.w * c.h;
    let bottom = c.y;
    for (const b of page.boxes) {
      const e = extent(b);
      if (e.x >= c.x - 1 && e.x < c.x + c.w - 1 && e.bottom > c.y && e.bottom <= c.y + c.h + 1) bottom = Math.max(bottom, e.bottom);
    }
    used += (bottom - c.y) * c.w;
  }
  return { blank: area > 0 ? 1 - used / area : 0, minTextPt: minTextPt(page) };
}

/** The smallest text size on a sheet, in points (Infinity on a sheet without text). */
export function minTextPt(page: LaidPage): number {
  return page.boxes.reduce((min, b) => (b.kind === 'text' && b.size < min ? b.size : min), Infinity);
}
