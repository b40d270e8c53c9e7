/**
 * How well a board sheet is filled, measured on the laid-out boxes alone (so the figure means
 * the same for any layout engine): the share of the content columns below the last ink in
 * each column, and the smallest text set on the sheet. The print shop's two questions: is a
 * metre of the board left blank, and can everything on it be read.
 *
 * And the holes (the measure src/pipeline/board-holes.ts takes on the PDF): ink grown by 5 mm
 * at 10 dpi, then the largest rectangle of bare paper inside the trim. `layoutHoles` takes it on
 * the laid-out boxes (a text line counts as its full box), for the layout to look at itself.
 */
import type { Box, LaidPage } from './boxes.ts';
import type { Column } from './flow.ts';
import { qrQuietZone } from './qr-geometry.ts';

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
/** The smallest text a reader meets on the page (the release mark, set for an inspector up close, apart). */
export function minTextPt(page: LaidPage): number {
  return page.boxes.reduce((min, b) => (b.kind === 'text' && !b.inspector && b.size < min ? b.size : min), Infinity);
}

export const HOLE_DPI = 10;
export const HOLE_DILATION_MM = 5;
const PX_PER_MM = HOLE_DPI / 25.4;

export interface BoardHoles {
  /** Largest empty axis-parallel rectangle inside the trim, as a share (0–1) of the trim's area. */
  largest: number;
  /** Its place and size on the trim, in millimetres from the top-left corner. */
  rect: { x: number; y: number; w: number; h: number };
  /** Share of the trim left blank after growing the ink. */
  blank: number;
}

/** Largest all-true rectangle of a w×h grid (row-major), by the histogram-and-stack method. */
export function largestRectangle(free: Uint8Array, w: number, h: number): { x: number; y: number; w: number; h: number; area: number } {
  const heights = new Int32Array(w);
  let best = { x: 0, y: 0, w: 0, h: 0, area: 0 };
  const stack = new Int32Array(w + 1);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) heights[x] = free[y * w + x] ? heights[x]! + 1 : 0;
    let top = 0;
    for (let x = 0; x <= w; x++) {
      const cur = x === w ? 0 : heights[x]!;
      while (top > 0 && heights[stack[top - 1]!]! >= cur) {
        const hh = heights[stack[--top]!]!;
        const left = top > 0 ? stack[top - 1]! + 1 : 0;
        const area = hh * (x - left);
        if (area > best.area) best = { x: left, y: y - hh + 1, w: x - left, h: hh, area };
      }
      stack[top++] = x;
    }
  }
  return best;
}

/** Grows a w×h ink mask by `r` pixels in every direction (a square), in two passes. */
export function dilate(ink: Uint8Array, w: number, h: number, r: number): Uint8Array {
  const across = new Uint8Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      if (!ink[y * w + x]) continue;
      for (let d = Math.max(0, x - r); d <= Math.min(w - 1, x + r); d++) across[y * w + d] = 1;
    }
  const out = new Uint8Array(w * h);
  for (let x = 0; x < w; x++)
    for (let y = 0; y < h; y++) {
      if (!across[y * w + x]) continue;
      for (let d = Math.max(0, y - r); d <= Math.min(h - 1, y + r); d++) out[d * w + x] = 1;
    }
  return out;
}

/** The holes of a w×h ink mask at HOLE_DPI (1 = ink): ink grown by HOLE_DILATION_MM, then the largest bare rectangle. */
export function holesOf(ink: Uint8Array, w: number, h: number): BoardHoles {
  const grown = dilate(ink, w, h, Math.round(HOLE_DILATION_MM * PX_PER_MM));
  const free = new Uint8Array(w * h);
  let blank = 0;
  for (let i = 0; i < free.length; i++) if (!grown[i]) ((free[i] = 1), blank++);
  const r = largestRectangle(free, w, h);
  const mm = (px: number) => Math.round(px / PX_PER_MM);
  return { largest: r.area / (w * h), rect: { x: mm(r.x), y: mm(r.y), w: mm(r.w), h: mm(r.h) }, blank: blank / (w * h) };
}

/** The holes of a laid-out sheet, its boxes drawn as rectangles (a text line as wide as `textWidth` says, one size tall). */
export function layoutHoles(page: LaidPage, textWidth: (b: Extract<Box, { kind: 'text' }>) => number): BoardHoles {
  const k = HOLE_DPI / 72;
  const w = Math.round(page.width * k);
  const h = Math.round(page.height * k);
  const ink = new Uint8Array(w * h);
  const fill = (x0: number, y0: number, x1: number, y1: number) => {
    const [a, b, c, d] = [Math.max(0, Math.floor(x0 * k)), Math.max(0, Math.floor(y0 * k)), Math.min(w, Math.ceil(x1 * k)), Math.min(h, Math.ceil(y1 * k))];
    for (let y = b; y < d; y++) ink.fill(1, y * w + a, y * w + Math.max(a, c));
  };
  const paper = (c: readonly number[] | undefined) => !c || c.every((v) => v === 0);
  for (const b of page.boxes) {
    if (b.kind === 'text') {
      if (!paper(b.color)) fill(b.x, b.y - b.size * 0.88, b.x + textWidth(b), b.y + b.size * 0.12);
    } else if (b.kind === 'rect') {
      if (!paper(b.fill) || !paper(b.stroke)) fill(b.x, b.y, b.x + b.w, b.y + b.h);
    } else if (b.kind === 'line') fill(Math.min(b.x1, b.x2), Math.min(b.y1, b.y2) - b.width / 2, Math.max(b.x1, b.x2), Math.max(b.y1, b.y2) + b.width / 2);
    else if (b.kind === 'qr') {
      // The code's quiet zone is paper.
      const quiet = qrQuietZone(b.url) * b.size;
      fill(b.x + quiet, b.y + quiet, b.x + b.size - quiet, b.y + b.size - quiet);
    } else fill(b.x, b.y, b.x + b.w, b.y + b.h);
  }
  return holesOf(ink, w, h);
}
