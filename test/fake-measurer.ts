/** Measuring text without fonts, for tests of the layout engine (src/print/layout/measurer.ts). */
import type { Measurer } from '../src/print/layout/measurer.ts';

/**
 * A predictable measurer for layout tests: Han characters and full-width punctuation are
 * 1 em, everything else ½ em, so a test can count a line's width by hand.
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

function isWide(ch: string): boolean {
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
