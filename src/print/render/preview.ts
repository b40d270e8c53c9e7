/**
 * A small PNG of a board's real layout for the website and the printers' page, drawn from
 * the same boxes as the PDF. Every box is a rectangle at thumbnail scale, so it is painted
 * straight into a pixel buffer (an SVG through librsvg cost ~70 ms a board); text becomes a
 * grey bar of its true length and position — the layout, not the words.
 */
import sharp from 'sharp';
import type { Box, Cmyk, LaidPage } from '../layout/boxes.ts';
import { shift } from '../layout/flow.ts';
import type { Measurer } from '../layout/measurer.ts';

/** CMYK → sRGB by the naive formula: good enough for a thumbnail, never used for print. */
export function cmykToRgb(c: Cmyk): [number, number, number] {
  const [C, M, Y, K] = c.map((v) => v / 100) as [number, number, number, number];
  const ch = (v: number) => Math.round(255 * (1 - v) * (1 - K));
  return [ch(C), ch(M), ch(Y)];
}

class Canvas {
  readonly px: Uint8Array;
  readonly w: number;
  readonly h: number;
  constructor(w: number, h: number) {
    this.w = w;
    this.h = h;
    this.px = new Uint8Array(w * h * 3).fill(255);
  }
  fill(x: number, y: number, w: number, h: number, [r, g, b]: readonly number[], alpha = 1): void {
    const x0 = Math.max(0, Math.round(x));
    const y0 = Math.max(0, Math.round(y));
    const x1 = Math.min(this.w, Math.max(x0 + 1, Math.round(x + w)));
    const y1 = Math.min(this.h, Math.max(y0 + 1, Math.round(y + h)));
    for (let yy = y0; yy < y1; yy++) {
      for (let xx = x0; xx < x1; xx++) {
        const i = (yy * this.w + xx) * 3;
        this.px[i] = this.px[i]! + (r! - this.px[i]!) * alpha;
        this.px[i + 1] = this.px[i + 1]! + (g! - this.px[i + 1]!) * alpha;
        this.px[i + 2] = this.px[i + 2]! + (b! - this.px[i + 2]!) * alpha;
      }
    }
  }
}

/** Paints the page's boxes at `scale` pixels per point. */
export function paint(page: LaidPage, widthPx: number, textWidth: (b: Extract<Box, { kind: 'text' }>) => number): Canvas {
  const k = widthPx / page.width;
  const c = new Canvas(widthPx, Math.max(1, Math.round(page.height * k)));
  for (const b of page.boxes) {
    switch (b.kind) {
      case 'rect':
        if (b.fill) c.fill(b.x * k, b.y * k, b.w * k, b.h * k, cmykToRgb(b.fill));
        if (b.stroke) {
          const rgb = cmykToRgb(b.stroke);
          for (const [x, y, w, h] of [
            [b.x, b.y, b.w, 0],
            [b.x, b.y + b.h, b.w, 0],
            [b.x, b.y, 0, b.h],
            [b.x + b.w, b.y, 0, b.h],
          ] as const)
            c.fill(x * k, y * k, w * k, h * k, rgb, 0.6);
        }
        break;
      case 'line':
        c.fill(Math.min(b.x1, b.x2) * k, Math.min(b.y1, b.y2) * k, Math.abs(b.x2 - b.x1) * k, Math.abs(b.y2 - b.y1) * k, cmykToRgb(b.color));
        break;
      case 'text': {
        const white = b.color.every((v) => v === 0);
        c.fill(b.x * k, (b.y - b.size * 0.8) * k, textWidth(b) * k, b.size * 0.8 * k, white ? [255, 255, 255] : cmykToRgb(b.color), white ? 0.9 : 0.45);
        break;
      }
      case 'image':
        c.fill(b.x * k, b.y * k, b.w * k, b.h * k, [185, 198, 211]);
        break;
      case 'qr':
        c.fill(b.x * k, b.y * k, b.size * k, b.size * k, [40, 40, 40]);
        c.fill((b.x + b.size * 0.3) * k, (b.y + b.size * 0.3) * k, b.size * 0.4 * k, b.size * 0.4 * k, [255, 255, 255]);
        break;
    }
  }
  return c;
}

export async function previewPng(page: LaidPage, textWidth: (b: Extract<Box, { kind: 'text' }>) => number, widthPx = 480): Promise<Buffer> {
  const c = paint(page, widthPx, textWidth);
  return sharp(c.px, { raw: { width: c.w, height: c.h, channels: 3 } })
    .png({ compressionLevel: 6 })
    .toBuffer();
}

/** The width a text box really takes: its natural width plus the spacing between its characters. */
export function textBoxWidth(m: Measurer): (b: Extract<Box, { kind: 'text' }>) => number {
  return (b) => m.width(b.text, b.face, b.size) + b.spacing * Math.max(0, [...b.text].length - 1);
}

/**
 * Faces of a card next to each other at trim size, each framed in light grey: what the
 * preview of a card shows. Fills that run into the bleed are cut back to the trim.
 */
export function sideBySide(faces: readonly LaidPage[], gap: number): LaidPage {
  const boxes: Box[] = [];
  let x = 0;
  for (const f of faces) {
    for (const b of f.boxes) {
      if (b.kind !== 'rect') {
        boxes.push(...shift([b], x, 0));
        continue;
      }
      const x0 = Math.max(0, b.x);
      const y0 = Math.max(0, b.y);
      boxes.push({ ...b, x: x + x0, y: y0, w: Math.min(f.width, b.x + b.w) - x0, h: Math.min(f.height, b.y + b.h) - y0 });
    }
    boxes.push({ kind: 'rect', x, y: 0, w: f.width, h: f.height, stroke: [0, 0, 0, 30], lineWidth: 0.5 });
    x += f.width + gap;
  }
  return { width: x - gap, height: Math.max(...faces.map((f) => f.height)), boxes };
}
