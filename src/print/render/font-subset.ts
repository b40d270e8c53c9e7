/**
 * Font subsets for the PDF without decoding glyph outlines. fontkit's TrueType subsetter
 * decodes every glyph it copies (all its points and flags) only to learn whether it is a
 * composite glyph, and does so again for every document: for a poster with a thousand CJK
 * glyphs in three faces that was the largest single cost of rendering. A simple glyph is
 * copied byte for byte anyway, so this subsetter reads the contour count from the glyph's
 * header, remembers each glyph's bytes and metrics per parsed font, and leaves composite
 * glyphs (and variable fonts) to fontkit. The subset it writes is byte-identical.
 */
import type * as fontkit from 'fontkit';

/** The parts of fontkit's TTFSubset this relies on (not in its type declarations). */
interface SubsetInternals {
  font: FontInternals;
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
  _addGlyph(gid: number): number;
}

interface FontInternals {
  loca: { offsets: number[] };
  _variationProcessor?: unknown;
  _getTableStream(tag: string): { buffer: Uint8Array; pos: number } | null;
  getGlyph(gid: number): { advanceWidth: number; _getMetrics(): { leftBearing: number } };
}

/** A simple glyph as the subset copies it; `null` marks a composite glyph. */
type GlyphRecord = { bytes: Uint8Array; advance: number; bearing: number } | null;

/**
 * A `createSubset` for `font` (a parsed TrueType font, or a wrapper whose prototype is one)
 * that copies simple glyphs without decoding them. Records are kept for the life of `font`.
 */
export function fastSubsetFactory(font: fontkit.Font): () => fontkit.Subset {
  const internals = font as unknown as FontInternals;
  const sample = font.createSubset() as unknown as SubsetInternals;
  // CFF fonts and variable fonts take fontkit's own path: their glyphs are re-encoded.
  if (!('_addGlyph' in sample) || internals._variationProcessor || !internals._getTableStream('glyf')) return () => font.createSubset();
  const TTFSubset = sample.constructor as new (f: fontkit.Font) => SubsetInternals;
  const records = new Map<number, GlyphRecord>();

  const record = (f: FontInternals, gid: number): GlyphRecord => {
    let r = records.get(gid);
    if (r !== undefined) return r;
    const start = f.loca.offsets[gid]!;
    const end = f.loca.offsets[gid + 1]!;
    const stream = f._getTableStream('glyf')!;
    const bytes = stream.buffer.subarray(stream.pos + start, stream.pos + end);
    // numberOfContours is the glyph header's first field, a signed 16-bit integer; an empty glyph has no header.
    const contours = bytes.length >= 2 ? ((bytes[0]! << 24) | (bytes[1]! << 16)) >> 16 : 0;
    if (contours < 0) r = null;
    else {
      const g = f.getGlyph(gid);
      r = { bytes, advance: g.advanceWidth, bearing: g._getMetrics().leftBearing };
    }
    records.set(gid, r);
    return r;
  };

  class FastSubset extends TTFSubset {
    override _addGlyph(gid: number): number {
      const r = record(this.font, gid);
      // A composite glyph's component ids must be renumbered: fontkit does that.
      if (r === null) return super._addGlyph(gid);
      this.glyf.push(r.bytes);
      this.loca.offsets.push(this.offset);
      this.hmtx.metrics.push({ advance: r.advance, bearing: r.bearing });
      this.offset += r.bytes.length;
      return this.glyf.length - 1;
    }
  }
  return () => new FastSubset(font) as unknown as fontkit.Subset;
}
