/**
 * Share pictures drawn with the print fonts: every glyph is rasterised once per worker by Skia
 * (@napi-rs/canvas) from the same Noto TrueType files as the PDFs, kept as 12 levels of
 * coverage, and stamped into a 16-colour picture at the positions the layout engine computed
 * with fontkit's advances (what the boards use). White on the red band takes its own ramp.
 * The text drawn goes into the PNG's own text chunk, so the leak scan reads exactly what the
 * picture shows. ~20 ms of CPU a picture; drawing a whole RGBA canvas and encoding it was
 * ~130 ms (PNG of 370 KiB).
 */
import { createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import type { Box, Cmyk, Face } from '../layout/boxes.ts';
import type { Measurer } from '../layout/measurer.ts';
import type { SharePage } from '../../media/share-layout.ts';
import { qrMatrix } from '../../domain/qr-code.ts';
import { FONT_FILES, fontMeasurer } from './fonts.ts';
import { encodeIndexedPng } from './png-indexed.ts';
import { cmykToRgb } from './preview.ts';

/** Coverage levels of black text on white: palette 0 (white) to 11 (ink). */
const LEVELS = 12;
const RED = 12;
/** Three blends from the red band towards white; full white text on red is palette 0. */
const RED_BLENDS = [13, 14, 15];

interface Glyph {
  w: number;
  h: number;
  left: number;
  top: number;
  cover: Uint8Array;
}

let ctx: SKRSContext2D | undefined;
const glyphs = new Map<string, Glyph>();
const FAMILY = (face: Face) => `gongkai-${face}`;

function rasteriser(): SKRSContext2D {
  if (!ctx) {
    for (const [face, file] of Object.entries(FONT_FILES) as [Face, string][]) GlobalFonts.registerFromPath(file, FAMILY(face));
    ctx = createCanvas(320, 320).getContext('2d');
  }
  return ctx;
}

/** A glyph's coverage (0–11 per pixel) and where it sits from the pen position. */
function glyph(face: Face, size: number, ch: string): Glyph {
  const key = `${face}\0${size}\0${ch}`;
  let g = glyphs.get(key);
  if (g) return g;
  if (glyphs.size > 40_000) glyphs.clear();
  const c = rasteriser();
  const side = Math.min(320, Math.ceil(size * 2));
  const ox = Math.round(size * 0.4);
  const oy = Math.round(size * 1.25);
  c.clearRect(0, 0, side, side);
  c.font = `${size}px ${FAMILY(face)}`;
  c.fillStyle = '#000';
  c.fillText(ch, ox, oy);
  const alpha = c.getImageData(0, 0, side, side).data;
  let x0 = side;
  let y0 = side;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < side; y++)
    for (let x = 0; x < side; x++)
      if (alpha[(y * side + x) * 4 + 3]! >= 12) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
  if (x1 < 0) g = { w: 0, h: 0, left: 0, top: 0, cover: new Uint8Array(0) };
  else {
    const w = x1 - x0 + 1;
    const h = y1 - y0 + 1;
    const cover = new Uint8Array(w * h);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) cover[y * w + x] = Math.round((alpha[((y + y0) * side + x + x0) * 4 + 3]! / 255) * (LEVELS - 1));
    g = { w, h, left: x0 - ox, top: y0 - oy, cover };
  }
  glyphs.set(key, g);
  return g;
}

/** How light a colour of the red band is: the band, its blends, white. */
const lightness = (i: number) => (i === 0 ? 4 : i >= RED ? i - RED : -1);
const isWhite = (c: Cmyk) => c.every((v) => v === 0);
/** The darkest level of a colour's grey (K, or the darkest channel of a CMYK mix). */
const inkOf = (c: Cmyk) => Math.round((Math.min(100, Math.max(...c)) / 100) * (LEVELS - 1));
const isRed = (c: Cmyk) => c[1] >= 50 && c[2] >= 50 && c[0] < 30;

class Picture {
  readonly px: Uint8Array;
  readonly w: number;
  readonly h: number;
  constructor(w: number, h: number) {
    this.w = w;
    this.h = h;
    this.px = new Uint8Array(w * h);
  }
  fill(x: number, y: number, w: number, h: number, index: number): void {
    const x0 = Math.max(0, Math.round(x));
    const y0 = Math.max(0, Math.round(y));
    const x1 = Math.min(this.w, Math.max(x0 + 1, Math.round(x + w)));
    const y1 = Math.min(this.h, Math.max(y0 + 1, Math.round(y + h)));
    for (let yy = y0; yy < y1; yy++) this.px.fill(index, yy * this.w + x0, yy * this.w + x1);
  }
  /** Ink at `level` (0–11) where the glyph covers: darker wins on white and grey; white text lightens the red band. */
  stamp(g: Glyph, gx: number, gy: number, ink: number, onRed: boolean): void {
    for (let y = 0; y < g.h; y++) {
      const py = gy + y;
      if (py < 0 || py >= this.h) continue;
      for (let x = 0; x < g.w; x++) {
        const px = gx + x;
        if (px < 0 || px >= this.w) continue;
        const v = g.cover[y * g.w + x]!;
        if (!v) continue;
        const i = py * this.w + px;
        if (onRed) {
          // Lighter wins: red (12) < its blends (13–15) < white (0).
          const lift = v >= LEVELS - 2 ? 0 : RED_BLENDS[Math.min(2, Math.floor(((v - 1) * 3) / (LEVELS - 2)))]!;
          if (lightness(lift) > lightness(this.px[i]!)) this.px[i] = lift;
        } else {
          const level = Math.round((v * ink) / (LEVELS - 1));
          if (level > this.px[i]! || this.px[i]! >= RED) this.px[i] = level;
        }
      }
    }
  }
}

function drawText(p: Picture, b: Extract<Box, { kind: 'text' }>, m: Measurer): void {
  const onRed = isWhite(b.color);
  const ink = inkOf(b.color);
  let x = b.x;
  for (const ch of b.text) {
    const g = glyph(b.face, b.size, ch);
    p.stamp(g, Math.round(x) + g.left, Math.round(b.y) + g.top, ink, onRed);
    x += m.width(ch, b.face, b.size) + b.spacing;
  }
}

function drawQr(p: Picture, b: Extract<Box, { kind: 'qr' }>): void {
  const qr = qrMatrix(b.url);
  const n = qr.size;
  // Whole pixels per module, so every module is crisp; four modules of quiet zone.
  const cell = Math.max(1, Math.floor(b.size / (n + 8)));
  const x0 = Math.round(b.x + (b.size - cell * n) / 2);
  const y0 = Math.round(b.y + (b.size - cell * n) / 2);
  p.fill(b.x, b.y, b.size, b.size, 0);
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (qr.dark(r, c)) p.fill(x0 + c * cell, y0 + r * cell, cell, cell, LEVELS - 1);
}

/** The 16 colours: a grey ramp for ink, the red band, and its blends towards white. */
export function sharePalette(red: Cmyk): [number, number, number][] {
  const ink = 24;
  const grey = Array.from({ length: LEVELS }, (_, i) => {
    const v = Math.round(255 - (i / (LEVELS - 1)) * (255 - ink));
    return [v, v, v] as [number, number, number];
  });
  // The naive CMYK formula gives M100 Y100 as pure (255, 0, 0); the red of print on a screen is deeper.
  const r = cmykToRgb(red).map((c) => Math.round(c * 0.82)) as [number, number, number];
  const blend = (t: number) => r.map((c) => Math.round(c + (255 - c) * t)) as [number, number, number];
  return [...grey, r, blend(0.25), blend(0.5), blend(0.75)];
}

/** One page of a share picture as PNG bytes, and the text it shows (also inside the file). */
export function renderSharePicture(page: SharePage, red: Cmyk, meta: { title: string }): { png: Buffer; text: string } {
  const m = fontMeasurer();
  const p = new Picture(page.width, page.height);
  const lines: string[] = [];
  for (const b of page.boxes) {
    switch (b.kind) {
      case 'rect':
        if (b.fill) p.fill(b.x, b.y, b.w, b.h, isRed(b.fill) ? RED : inkOf(b.fill));
        if (b.stroke) {
          const lw = Math.max(1, Math.round(b.lineWidth ?? 1));
          const ink = inkOf(b.stroke);
          p.fill(b.x, b.y, b.w, lw, ink);
          p.fill(b.x, b.y + b.h - lw, b.w, lw, ink);
          p.fill(b.x, b.y, lw, b.h, ink);
          p.fill(b.x + b.w - lw, b.y, lw, b.h + lw, ink);
        }
        break;
      case 'line': {
        const lw = Math.max(1, Math.round(b.width));
        p.fill(Math.min(b.x1, b.x2), Math.min(b.y1, b.y2), Math.max(lw, Math.abs(b.x2 - b.x1)), Math.max(lw, Math.abs(b.y2 - b.y1)), inkOf(b.color));
        break;
      }
      case 'text':
        drawText(p, b, m);
        lines.push(b.text);
        break;
      case 'qr':
        drawQr(p, b);
        lines.push(b.url);
        break;
      case 'image':
        break;
    }
  }
  const text = lines.join('\n');
  const png = encodeIndexedPng({ width: p.w, height: p.h, pixels: p.px, palette: sharePalette(red), text: { Title: meta.title, Comment: text } });
  return { png, text };
}
