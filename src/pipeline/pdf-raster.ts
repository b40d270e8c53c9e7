/**
 * Pages of our own PDFs as pictures, drawn by PDF.js (the reader the leak scan uses) on
 * @napi-rs/canvas: the real glyphs of the embedded fonts, exactly as the file will print, for
 * the reviewer's previews and the tests. No program outside npm is needed.
 */
import { readFileSync } from 'node:fs';
import { createCanvas } from '@napi-rs/canvas';
import { openPdf } from './pdf-text.ts';

export interface Raster {
  width: number;
  height: number;
  rgba: Uint8ClampedArray;
  png: () => Buffer;
}

/**
 * Renders part of a page, as pdftoppm -x -y -W -H does: `region` is a fraction of the page
 * ([left, top, width, height], 0–1), so a corner of a 2.4 m poster need not be drawn whole.
 */
export async function renderPdfPage(file: string, pageNumber = 1, dpi = 100, region: [number, number, number, number] = [0, 0, 1, 1]): Promise<Raster> {
  return renderPdfBytes(new Uint8Array(readFileSync(file)), pageNumber, dpi, region);
}

/** renderPdfPage for a PDF in memory (the live preview's boards). */
export async function renderPdfBytes(bytes: Uint8Array, pageNumber = 1, dpi = 100, region: [number, number, number, number] = [0, 0, 1, 1]): Promise<Raster> {
  const { doc, close } = await openPdf(bytes);
  try {
    const page = await doc.getPage(pageNumber);
    const whole = page.getViewport({ scale: dpi / 72 });
    const [l, t, w, h] = region;
    const width = Math.round(whole.width * w);
    const height = Math.round(whole.height * h);
    const viewport = page.getViewport({ scale: dpi / 72, offsetX: -Math.round(whole.width * l), offsetY: -Math.round(whole.height * t) });
    const canvas = createCanvas(width, height);
    const context = canvas.getContext('2d');
    context.fillStyle = 'white';
    context.fillRect(0, 0, width, height);
    // PDF.js takes any 2D canvas; @napi-rs/canvas is the one it uses under Node itself.
    await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context as unknown as CanvasRenderingContext2D, viewport }).promise;
    return { width, height, rgba: context.getImageData(0, 0, width, height).data, png: () => canvas.toBuffer('image/png') };
  } finally {
    await close();
  }
}

/** Page count and each page's size in points. */
export async function pdfPageSizes(file: string): Promise<{ width: number; height: number }[]> {
  const { doc, close } = await openPdf(new Uint8Array(readFileSync(file)));
  try {
    const sizes = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const v = (await doc.getPage(n)).getViewport({ scale: 1 });
      sizes.push({ width: v.width, height: v.height });
    }
    return sizes;
  } finally {
    await close();
  }
}
