/**
 * Measuring text: the layout engine only needs advance widths, so it depends on this
 * interface, and tests give it a predictable one (test/fake-measurer.ts). The real one
 * (render/fonts.ts) reads the TrueType fonts with fontkit.
 */
import type { Face } from './boxes.ts';

export interface Measurer {
  /** Advance width in points of `text` set in `face` at `size` points, without extra spacing. */
  width(text: string, face: Face, size: number): number;
  /** Ascent above the baseline, as a fraction of the size (to place the first baseline). */
  ascent(face: Face): number;
}
