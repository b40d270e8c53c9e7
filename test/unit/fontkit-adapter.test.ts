/**
 * The contract between fontkit-adapter.ts and fontkit: what the fast subsetter takes from
 * fontkit's private TrueType subsetter and parsed font, checked against fontkit's own
 * subsetter on the same glyphs. A fontkit upgrade that changes any of it fails here.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import type { Face } from '../../src/print/layout/boxes.ts';
import { fastSubsetFactory } from '../../src/print/render/fontkit-adapter.ts';
import { parsedFonts, pdfFonts } from '../../src/print/render/fonts.ts';

const require = createRequire(import.meta.url);
const FACES: Face[] = ['sans', 'sans-bold', 'serif'];
const SAMPLE = '党支部2026年上半年党费收缴情况：应交11,380.00元，实交（全额）。“三重一大”——公示……ABCxyzéüñ？！';
/**
 * The Noto SC fonts have no composite glyphs; Liberation Sans (PDF.js's stand-in for
 * Helvetica, a dependency anyway) builds its accented letters from components: À = A + `.
 */
const COMPOSITE_FONT = require.resolve('pdfjs-dist/standard_fonts/LiberationSans-Regular.ttf');
const COMPOSITE_TEXT = 'Àéü½Ñ naïve façade';

const glyphIds = (font: fontkit.Font, text: string) => [...text].map((c) => font.glyphForCodePoint(c.codePointAt(0)!).id);

/** Our subset and fontkit's of the same glyphs, included in the same order. */
function bothSubsets(font: fontkit.Font, ids: readonly number[]) {
  const ours = fastSubsetFactory(font)();
  const theirs = font.createSubset();
  for (const id of ids) expect(ours.includeGlyph(font.getGlyph(id))).toBe(theirs.includeGlyph(font.getGlyph(id)));
  return { ours, theirs, oursBytes: Buffer.from(ours.encode()), theirsBytes: Buffer.from(theirs.encode()) };
}

describe('fontkit adapter: the fast TrueType subsetter', () => {
  it('is fontkit’s own subsetter subclassed (not its fallback) for the shipped fonts and a composite-glyph font', () => {
    const fonts = [...FACES.map((f) => parsedFonts().get(f)!), fontkit.create(readFileSync(COMPOSITE_FONT)) as fontkit.Font];
    for (const font of fonts) {
      const ours = fastSubsetFactory(font)();
      const theirs = font.createSubset();
      // fontkit 2 reaches its TrueType subsetter only through createSubset; the adapter extends that class.
      expect(ours.constructor, font.postscriptName).not.toBe(theirs.constructor);
      expect(ours, font.postscriptName).toBeInstanceOf(theirs.constructor);
      expect(typeof (theirs as unknown as { _addGlyph?: unknown })._addGlyph, 'TTFSubset._addGlyph').toBe('function');
    }
  });

  it('writes CJK subsets byte-identical to fontkit’s own, in every shipped face', () => {
    for (const face of FACES) {
      const font = parsedFonts().get(face)!;
      // The sample, then glyphs from all over the font (empty ones among them).
      const spread = Array.from({ length: 300 }, (_, i) => (i * 97) % font.numGlyphs);
      const { oursBytes, theirsBytes } = bothSubsets(font, [...glyphIds(font, SAMPLE), ...spread]);
      expect(oursBytes.length, face).toBeGreaterThan(10_000);
      expect(oursBytes.equals(theirsBytes), face).toBe(true);
    }
  });

  it('writes subsets with composite glyphs byte-identical to fontkit’s own, components renumbered into the subset', () => {
    const font = fontkit.create(readFileSync(COMPOSITE_FONT)) as fontkit.Font;
    const ids = glyphIds(font, COMPOSITE_TEXT);
    const { ours, theirs, oursBytes, theirsBytes } = bothSubsets(font, ids);
    // Encoding added the components (A and the grave accent for À, …) after the glyphs asked for:
    // proof the composite path ran.
    const asked = new Set([0, ...ids]).size;
    const glyphsOf = (s: fontkit.Subset) => (s as unknown as { glyphs: number[] }).glyphs;
    expect(glyphsOf(theirs).length).toBeGreaterThan(asked);
    expect(glyphsOf(ours)).toEqual(glyphsOf(theirs));
    expect(oursBytes.equals(theirsBytes)).toBe(true);
    // The same again from the glyph records kept per font.
    expect(Buffer.from(bothSubsets(font, ids).oursBytes).equals(theirsBytes)).toBe(true);
  });

  it('is what pdfkit gets: the fonts handed to the renderer subset through it, byte-identical to fontkit', () => {
    for (const face of FACES) {
      const wrapped = pdfFonts().get(face)!;
      const plain = parsedFonts().get(face)!;
      const ours = wrapped.createSubset();
      const theirs = plain.createSubset();
      expect(ours.constructor, face).not.toBe(theirs.constructor);
      for (const id of glyphIds(plain, SAMPLE)) {
        ours.includeGlyph(plain.getGlyph(id));
        theirs.includeGlyph(plain.getGlyph(id));
      }
      expect(Buffer.from(ours.encode()).equals(Buffer.from(theirs.encode())), face).toBe(true);
    }
  });
});
