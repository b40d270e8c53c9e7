/**
 * Positioned boxes: what the layout engine produces and every renderer (PDF, tiles, preview)
 * consumes. Pure data, serialisable across worker threads. Units are PostScript points with
 * the origin at the top-left corner of the trim box; y grows downwards.
 */

/** Fonts the engine knows: headings in a 黑体-style face, body in a 宋体-style face. */
export type Face = 'sans' | 'sans-bold' | 'serif';

/** CMYK in percent, as printers specify it (the red header is the county's party red, by default [0, 100, 100, 0]). */
export type Cmyk = readonly [number, number, number, number];

export const BLACK: Cmyk = [0, 0, 0, 100];
export const WHITE: Cmyk = [0, 0, 0, 0];

export type Box =
  /**
   * One line (or a run of it) placed at its baseline; `spacing` is the extra advance after each character.
   * `inspector`: text for an inspector up close (the release mark beside the QR code), not for the
   * reader at 1–2 m, so the board's type floor does not apply to it.
   */
  | { kind: 'text'; x: number; y: number; text: string; face: Face; size: number; spacing: number; color: Cmyk; inspector?: true }
  | { kind: 'rect'; x: number; y: number; w: number; h: number; fill?: Cmyk; stroke?: Cmyk; lineWidth?: number }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; color: Cmyk; width: number }
  /** An image file, drawn at w×h; `px` is the pixel width to resample to (≥ 150 dpi at printed size). */
  | { kind: 'image'; x: number; y: number; w: number; h: number; src: string; px: number }
  | { kind: 'qr'; x: number; y: number; size: number; url: string };

export interface LaidPage {
  /** Trim size in points. */
  width: number;
  height: number;
  boxes: Box[];
}

export const PT_PER_MM = 72 / 25.4;
export const mm = (v: number): number => v * PT_PER_MM;
export const toMm = (pt: number): number => pt / PT_PER_MM;
