/**
 * The fonts the posters and cards are set in: TrueType Noto Sans SC and Noto Serif SC from
 * npm, parsed once per process with fontkit (re-reading a 10 MB CJK font per document is ~20×
 * slower), and the measurer the layout engine uses with them.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import type { Face } from '../layout/boxes.ts';
import type { Measurer } from '../layout/measurer.ts';
import { fastSubsetFactory } from './fontkit-adapter.ts';

const require = createRequire(import.meta.url);

/** TrueType files only: CFF CJK fonts lose glyphs in pdfkit. */
export const FONT_FILES: Record<Face, string> = {
  sans: require.resolve('@expo-google-fonts/noto-sans-sc/500Medium/NotoSansSC_500Medium.ttf'),
  'sans-bold': require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'),
  serif: require.resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf'),
};

export type ParsedFont = fontkit.Font;

let parsed: Map<Face, ParsedFont> | undefined;
let unshaped: Map<Face, ParsedFont> | undefined;
let uses = 0;
/** Parsed fonts keep every glyph they have laid out; after this many documents start afresh. */
const RECREATE_AFTER = 150;
/** The font files' bytes, read once per process: re-parsing needs them, re-reading 30 MB does not. */
const fontBytes = new Map<Face, Buffer>();

/** The process-wide parsed fonts, re-created now and then so memory does not keep growing. */
export function parsedFonts(): Map<Face, ParsedFont> {
  if (!parsed || ++uses > RECREATE_AFTER) {
    parsed = new Map();
    for (const [face, file] of Object.entries(FONT_FILES) as [Face, string][]) {
      let bytes = fontBytes.get(face);
      if (!bytes) fontBytes.set(face, (bytes = readFileSync(file)));
      const font = fontkit.create(bytes);
      if (!('glyphForCodePoint' in font)) throw new Error(`字体文件 ${file} 是字体集合，需要单个 TrueType 字体`);
      parsed.set(face, font);
    }
    uses = 1;
    advanceCache.clear();
    unshaped = new Map([...parsed].map(([face, font]) => [face, unshapedFont(font)]));
  }
  return parsed;
}

/**
 * The parsed fonts as the PDF renderer should see them: laid out glyph by glyph from the
 * cmap, without OpenType shaping. The layout engine measures exactly this way (one advance
 * per code point), so what is drawn is what was measured — and shaping every line of CJK
 * text through GSUB/GPOS was most of pdfkit's time per poster.
 */
export function pdfFonts(): Map<Face, ParsedFont> {
  parsedFonts();
  return unshaped!;
}

function unshapedFont(font: ParsedFont): ParsedFont {
  const wrapper = Object.create(font) as ParsedFont;
  // The cmap lookup is a binary search; a poster repeats a few thousand code points.
  const byCodePoint = new Map<number, fontkit.Glyph>();
  const layout = (text: string) => {
    const glyphs: fontkit.Glyph[] = [];
    const positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[] = [];
    let advanceWidth = 0;
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      let g = byCodePoint.get(cp);
      if (!g) byCodePoint.set(cp, (g = font.glyphForCodePoint(cp)));
      glyphs.push(g);
      // Fresh objects: pdfkit scales positions in place.
      positions.push({ xAdvance: g.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 });
      advanceWidth += g.advanceWidth;
    }
    return { glyphs, positions, advanceWidth };
  };
  Object.defineProperty(wrapper, 'layout', { value: layout });
  Object.defineProperty(wrapper, 'createSubset', { value: fastSubsetFactory(wrapper) });
  return wrapper;
}

/**
 * Advance widths per face and code point in font units per em (1000-based), shared by all
 * measurers: a flat table for the Basic Multilingual Plane (NaN until first measured), a map
 * beyond it. The layout engine measures every unit of every line at every size it tries.
 */
const advanceCache = new Map<Face, { bmp: Float64Array; astral: Map<number, number> }>();

export function fontMeasurer(): Measurer {
  const fonts = parsedFonts();
  const per = (face: Face) => {
    let c = advanceCache.get(face);
    if (!c) advanceCache.set(face, (c = { bmp: new Float64Array(0x10000).fill(NaN), astral: new Map() }));
    return c;
  };
  return {
    width(text, face, size) {
      const { bmp, astral } = per(face);
      let units = 0;
      for (let i = 0; i < text.length; i++) {
        let cp = text.charCodeAt(i);
        if (cp >= 0xd800 && cp < 0xdc00 && i + 1 < text.length) {
          const lo = text.charCodeAt(i + 1);
          if (lo >= 0xdc00 && lo < 0xe000) {
            cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
            i++;
          }
        }
        let adv = cp < 0x10000 ? bmp[cp]! : (astral.get(cp) ?? NaN);
        if (Number.isNaN(adv)) {
          const font = fonts.get(face)!;
          adv = (font.glyphForCodePoint(cp).advanceWidth / font.unitsPerEm) * 1000;
          if (cp < 0x10000) bmp[cp] = adv;
          else astral.set(cp, adv);
        }
        units += adv;
      }
      return (units / 1000) * size;
    },
    ascent(face) {
      const font = fonts.get(face)!;
      return font.ascent / font.unitsPerEm;
    },
  };
}
