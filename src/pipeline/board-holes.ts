/**
 * Holes in a printed board, measured on the PDF as a print shop would look at it: the page is
 * drawn by PDF.js at 10 dpi, everything inside the trim that is not white paper is ink, the ink
 * is grown by 5 mm (so the ordinary space between lines, words and panels counts as covered),
 * and what remains is blank paper. The figure that matters is the largest empty rectangle: a
 * band of bare board a reader sees from across the square. The share of blank paper is given
 * too; it is the white space of good typesetting and is not a fault by itself.
 */
import { readFileSync } from 'node:fs';
import { HOLE_DPI, holesOf, type BoardHoles } from '../print/layout/fill-figures.ts';
import { renderPdfBytes } from './pdf-raster.ts';

export type { BoardHoles };

/** A pixel lighter than this in every channel is paper. */
const PAPER = 250;

/** The first page's TrimBox of one of our own PDFs (pdfkit writes page dictionaries in the clear). */
export function trimBoxOf(bytes: Uint8Array): [number, number, number, number] {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const m = /\/TrimBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]/.exec(text);
  if (!m) throw new Error('PDF 没有成品框（TrimBox）');
  return [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
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
  return holesOf(ink, w, h);
}
