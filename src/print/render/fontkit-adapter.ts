/**
 * The one module that reaches into fontkit's internals (written with fontkit 2.0.4): its
 * TrueType subsetter (TTFSubset, not exported, reached through `createSubset()`) and the
 * parsed font's `loca`, table directory and table streams. test/unit/fontkit-adapter.test.ts
 * pins what this relies on against fontkit itself, so an upgrade that changes it fails that
 * test by name.
 *
 * fontkit 3.0.0 (2026-11) was tried on 2026-12-07: the contract tests pass, the demo's PDFs are
 * byte-identical and printing takes 0.94 of the CPU. It is not adopted while pdfkit 0.20.2
 * declares fontkit ^2: it would need `"overrides": { "pdfkit": { "fontkit": "$fontkit" } }` in
 * package.json, which runs pdfkit against a fontkit its authors do not test. When pdfkit moves
 * to fontkit 3, raise both and run this file's tests first.
 *
 * Font subsets for the PDF without decoding glyph outlines. fontkit's TrueType subsetter
 * decodes every glyph it copies (all its points and flags) only to learn whether it is a
 * composite glyph, and does so again for every document: for a poster with a thousand CJK
 * glyphs in three faces that was the largest single cost of rendering. A simple glyph is
 * copied byte for byte anyway, so this subsetter reads the contour count from the glyph's
 * header, remembers each glyph's bytes and metrics per parsed font, and leaves composite
 * glyphs (and variable fonts) to fontkit. The subset it writes is byte-identical. */
import type * as fontkit from 'fontkit';

/** The parts of fontkit's TTFSubset this relies on (not in its type declarations). */
interface SubsetInternals {
  font: FontInternals;
  glyphs: number[];
  glyf: Uint8Array[];
  loca: { offsets: number[]; version: number };
  hmtx: { metrics: { advance: number; bearing: number }[]; bearings: number[] };
  offset: number;
  _addGlyph(gid: number): number;
}

interface FontInternals {
  loca: { offsets: number[]; version: number };
  directory: { tables: Record<string, { offset: number; length: number } | undefined> };
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

    /** fontkit's `encode`, with the file written by `writeSubset` instead of restructure. */
    encode(): Uint8Array {
      this.glyf = [];
      this.offset = 0;
      this.loca = { offsets: [], version: this.font.loca.version };
      this.hmtx = { metrics: [], bearings: [] };
      // Composite glyphs add their components to `glyphs` while this runs.
      for (let i = 0; i < this.glyphs.length; i++) this._addGlyph(this.glyphs[i]!);
      this.loca.offsets.push(this.offset);
      return writeSubset(this.font, this.glyf, this.loca, this.hmtx.metrics);
    }
  }
  return () => new FastSubset(font) as unknown as fontkit.Subset;
}

/** A table of the original font, byte for byte (undefined when the font has none). */
function rawTable(f: FontInternals, tag: string): Uint8Array | undefined {
  const stream = f._getTableStream(tag);
  const entry = f.directory.tables[tag];
  return stream && entry ? stream.buffer.subarray(stream.pos, stream.pos + entry.length) : undefined;
}

/**
 * The subset as a TrueType file, exactly as fontkit writes it: the tables a PDF needs (head,
 * hhea, loca, maxp, cvt, prep, glyf, hmtx, fpgm) in that order, right after the table
 * directory, unpadded, checksums left at zero. fontkit encodes every loca offset and hmtx
 * entry through restructure's generic structs, a tenth of a worker's time; here head, cvt,
 * prep and fpgm are copied, hhea and maxp copied with their glyph count changed, and loca and
 * hmtx written straight into the buffer. The integration tests compare both byte for byte.
 */
function writeSubset(
  f: FontInternals,
  glyf: readonly Uint8Array[],
  loca: { offsets: number[]; version: number },
  metrics: readonly { advance: number; bearing: number }[],
): Uint8Array {
  const short = loca.version === 0;
  const glyfLength = glyf.reduce((a, g) => a + g.length, 0);
  const head = rawTable(f, 'head')!;
  const hhea = Uint8Array.from(rawTable(f, 'hhea')!);
  new DataView(hhea.buffer).setUint16(34, metrics.length); // numberOfHMetrics
  const maxp = Uint8Array.from(rawTable(f, 'maxp')!);
  new DataView(maxp.buffer).setUint16(4, glyf.length); // numGlyphs
  const tables: [string, number, (view: DataView, bytes: Uint8Array, at: number) => void][] = [];
  const copy = (tag: string, data: Uint8Array | undefined) => {
    if (data) tables.push([tag, data.length, (_v, bytes, at) => bytes.set(data, at)]);
  };
  copy('head', head);
  copy('hhea', hhea);
  tables.push([
    'loca',
    loca.offsets.length * (short ? 2 : 4),
    (v, _b, at) => loca.offsets.forEach((o, i) => (short ? v.setUint16(at + 2 * i, o >>> 1) : v.setUint32(at + 4 * i, o))),
  ]);
  copy('maxp', maxp);
  copy('cvt ', rawTable(f, 'cvt '));
  copy('prep', rawTable(f, 'prep'));
  tables.push([
    'glyf',
    glyfLength,
    (_v, bytes, at) => {
      for (const g of glyf) {
        bytes.set(g, at);
        at += g.length;
      }
    },
  ]);
  tables.push([
    'hmtx',
    metrics.length * 4,
    (v, _b, at) =>
      metrics.forEach((m, i) => {
        v.setUint16(at + 4 * i, m.advance);
        v.setInt16(at + 4 * i + 2, m.bearing);
      }),
  ]);
  copy('fpgm', rawTable(f, 'fpgm'));

  const n = tables.length;
  const headerLength = 12 + 16 * n;
  const bytes = new Uint8Array(headerLength + tables.reduce((a, t) => a + t[1], 0));
  const view = new DataView(bytes.buffer);
  const power = 2 ** Math.floor(Math.log2(n));
  bytes.set([0x74, 0x72, 0x75, 0x65]); // 'true', as fontkit tags it
  view.setUint16(4, n);
  view.setUint16(6, power * 16); // searchRange
  view.setUint16(8, Math.log2(power)); // entrySelector
  view.setUint16(10, n * 16 - power * 16); // rangeShift
  let at = headerLength;
  tables.forEach(([tag, length, write], i) => {
    const entry = 12 + 16 * i;
    for (let k = 0; k < 4; k++) bytes[entry + k] = tag.charCodeAt(k);
    view.setUint32(entry + 4, 0); // checkSum: fontkit leaves it at zero
    view.setUint32(entry + 8, at);
    view.setUint32(entry + 12, length);
    write(view, bytes, at);
    at += length;
  });
  return bytes;
}
