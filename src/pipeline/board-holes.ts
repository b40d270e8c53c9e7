/**
 * Holes in a printed board, measured on the PDF as a print shop would look at it: the page is
 * drawn by PDF.js at 10 dpi, everything inside the trim that is not white paper is ink, the ink
 * is grown by 5 mm (so the ordinary space between lines, words and panels counts as covered),
 * and what remains is blank paper. The figure that matters is the largest empty rectangle: a
 * band of bare board a reader sees from across the square. The share of blank paper is given
 * too; it is the white space of good typesetting and is not a fault by itself.
 */
import { readFileSync } from 'node:fs';
import { renderPdfBytes } from './pdf-raster.ts';

export interface BoardHoles {
  /** Largest empty axis-parallel rectangle inside the trim, as a share (0–1) of the trim's area. */
  largest: number;
  /** Its place and size on the trim, in millimetres from the top-left corner. */
  rect: { x: number; y: number; w: number; h: number };
  /** Share of the trim left blank after growing the ink. */
  blank: number;
}

export const HOLE_DPI = 10;
export const HOLE_DILATION_MM = 5;
/** A pixel lighter than this in every channel is paper. */
const PAPER = 250;

const pxPerMm = HOLE_DPI / 25.4;

/** The first page's TrimBox of one of our own PDFs (pdfkit writes page dictionaries in the clear). */
export function trimBoxOf(bytes: Uint8Array): [number, number, number, number] {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const m = /\/TrimBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]/.exec(text);
  if (!m) throw new Error('PDF 没有成品框（TrimBox）');
  return [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
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
function dilate(ink: Uint8Array, w: number, h: number, r: number): Uint8Array {
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

/** The holes of page 1 of a board PDF. */
export async function boardHoles(file: string): Promise<BoardHoles> {
  const bytes = new Uint8Array(readFileSync(file));
  const [x0, y0, x1, y1] = trimBoxOf(bytes);
  const raster = await renderPdfBytes(bytes, 1, HOLE_DPI);
  const scale = HOLE_DPI / 72;
  // PDF.js draws the page from its MediaBox's top-left; pdfkit's MediaBox starts at 0, 0.
  const pageH = raster.height / scale;
  const left = Math.round(x0 * scale);
  const top = Math.round((pageH - y1) * scale);
  const w = Math.round((x1 - x0) * scale);
  const h = Math.round((y1 - y0) * scale);
  const ink = new Uint8Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = ((top + y) * raster.width + left + x) * 4;
      const px = raster.rgba;
      ink[y * w + x] = px[i]! < PAPER || px[i + 1]! < PAPER || px[i + 2]! < PAPER ? 1 : 0;
    }
  const grown = dilate(ink, w, h, Math.round(HOLE_DILATION_MM * pxPerMm));
  const free = new Uint8Array(w * h);
  let blank = 0;
  for (let i = 0; i < free.length; i++) if (!grown[i]) ((free[i] = 1), blank++);
  const r = largestRectangle(free, w, h);
  const mm = (px: number) => Math.round(px / pxPerMm);
  return { largest: r.area / (w * h), rect: { x: mm(r.x), y: mm(r.y), w: mm(r.w), h: mm(r.h) }, blank: blank / (w * h) };
}
