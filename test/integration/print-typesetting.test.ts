/** Typesetting assumptions checked against the real fonts: hanging marks, measured = drawn (subsets: fontkit-adapter.test.ts). */
import { describe, expect, it } from 'vitest';
import type { Face } from '../../src/print/layout/boxes.ts';
import { HANGING, lineEndHang } from '../../src/print/layout/cjk-lines.ts';
import { fontMeasurer, parsedFonts, pdfFonts } from '../../src/print/render/fonts.ts';

const FACES: Face[] = ['sans', 'sans-bold', 'serif'];
const SAMPLE = '党支部2026年上半年党费收缴情况：应交11,380.00元，实交（全额）。“三重一大”——公示……ABCxyzéüñ？！';

describe('real fonts', () => {
  it('sets every hanging closing mark full-width with its ink in the left half, so the hang never shows', () => {
    const m = fontMeasurer();
    for (const face of FACES) {
      const font = parsedFonts().get(face)!;
      for (const ch of HANGING) {
        const g = font.glyphForCodePoint(ch.codePointAt(0)!);
        expect(g.advanceWidth, `${face} ${ch}`).toBe(font.unitsPerEm);
        expect(g.bbox.maxX, `${face} ${ch}`).toBeLessThanOrEqual(font.unitsPerEm / 2);
        expect(lineEndHang(`党${ch}`, m, face, 40)).toBeCloseTo(20, 6);
      }
    }
  });

  it('draws each string exactly as wide as the layout engine measured it', () => {
    const m = fontMeasurer();
    for (const face of FACES) {
      const font = pdfFonts().get(face)!;
      const laid = font.layout(SAMPLE);
      expect((laid.advanceWidth / font.unitsPerEm) * 30).toBeCloseTo(m.width(SAMPLE, face, 30), 6);
      expect(laid.glyphs).toHaveLength([...SAMPLE].length);
    }
  });
});
