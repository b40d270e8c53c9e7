/**
 * Measuring text: the layout engine only needs advance widths, so it depends on this
 * interface, and tests give it a fake. The real one (render/fonts.ts) reads the TrueType
 * fonts with fontkit.
 */
import type { Face } from './boxes.ts';

export interface Measurer {
  /** Advance width in points of `text` set in `face` at `size` points, without extra spacing. */
  width(text: string, face: Face, size: number): number;
  /** Ascent above the baseline, as a fraction of the size (to place the first baseline). */
  ascent(face: Face): number;
}

/**
 * A predictable measurer for tests and for sizing without fonts: Han characters and
 * full-width punctuation are 1 em, everything else ½ em.
 */
export function fakeMeasurer(): Measurer {
  return {
    width(text, _face, size) {
      let em = 0;
      for (const ch of text) em += isWide(ch) ? 1 : 0.5;
      return em * size;
    },
    ascent: () => 0.88,
  };
}

export function isWide(ch: string): boolean {
  const cp = ch.codePointAt(0)!;
  return (
    (cp >= 0x2e80 && cp <= 0x9fff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0x3000 && cp <= 0x303f) ||
    cp === 0x201c ||
    cp === 0x201d ||
    cp === 0x2014 ||
    cp === 0x2026 ||
    cp === 0x2018 ||
    cp === 0x2019
  );
}
