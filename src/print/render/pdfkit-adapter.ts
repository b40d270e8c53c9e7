/**
 * The one module that reaches into pdfkit's internals: members its type declarations do not
 * name (`_font`, `_fontSize`, `_fontFamilies`, `_root`, a page's content chunks, an embedded
 * font's subset and tables) and methods replaced on its objects (`ref`, `embed`). Every other
 * module draws through pdfkit's public API and calls the small functions here for the rest.
 * Each function says what it relies on; test/unit/pdfkit-adapter.test.ts pins that against
 * pdfkit itself (written with pdfkit 0.20), so an upgrade that changes one fails that test by
 * name instead of a poster.
 */

/** pdfkit's EmbeddedFont (js/font/embedded.js), the parts used here. */
interface EmbeddedFont {
  /** The resource name pages use: "F1", "F2", … */
  id: string;
  ref(): unknown;
  /** The font pdfkit was given: fonts.ts's, laid out glyph by glyph. */
  font: { postscriptName: string; layout(text: string): { glyphs: { id: number; advanceWidth: number; codePoints: number[] }[] } };
  subset: { glyphs: number[]; includeGlyph(id: number): number; encode(): Uint8Array };
  widths: number[];
  unicode: number[][];
  scale: number;
  embed(): unknown;
}

interface DocInternals {
  _font: EmbeddedFont;
  _fontSize: number;
  _fontFamilies: Record<string, Partial<EmbeddedFont>>;
  _root: { data: Record<string, unknown> & { ViewerPreferences?: { data: Record<string, unknown> } } };
  ref(data?: Record<string, unknown>): unknown;
  page: { fonts: Record<string, unknown>; content: { buffer: Uint8Array[] } };
}

const internals = (doc: PDFKit.PDFDocument) => doc as unknown as DocInternals;

/** A line of text encoded in the document's current font. */
export interface EncodedLine {
  /** The font's resource name on the page ("F1"). */
  font: string;
  size: number;
  /** The glyphs as subset ids, four hex digits each: the string a TJ shows. */
  hex: string;
}

/**
 * `line` in the current font and size, encoded as pdfkit's `EmbeddedFont.encode` does: each
 * glyph included in the font's subset (its subset id as four hex digits), its width and code
 * points noted for the font's /W and ToUnicode tables, and the font registered with the
 * current page. What pdfkit's `text()` does before it writes operators, without its layout.
 */
export function encodeLine(doc: PDFKit.PDFDocument, line: string): EncodedLine {
  const d = internals(doc);
  const font = d._font;
  if (d.page.fonts[font.id] == null) d.page.fonts[font.id] = font.ref();
  let hex = '';
  for (const g of font.font.layout(line).glyphs) {
    const gid = font.subset.includeGlyph(g.id);
    hex += (gid + 0x10000).toString(16).slice(1);
    font.widths[gid] ??= g.advanceWidth * font.scale;
    font.unicode[gid] ??= g.codePoints;
  }
  return { font: font.id, size: d._fontSize, hex };
}

/**
 * The current page's content stream as pdfkit keeps it so far: a live array of chunks, one
 * per operator written (a string operator with its line end).
 */
export function pageContentChunks(doc: PDFKit.PDFDocument): readonly Uint8Array[] {
  return internals(doc).page.content.buffer;
}

/** Sets an entry of the document catalog (pdfkit's `_root`), written when the document ends. */
export function setCatalogEntry(doc: PDFKit.PDFDocument, key: string, value: unknown): void {
  internals(doc)._root.data[key] = value;
}

/**
 * Adds entries to the catalog's /ViewerPreferences, which pdfkit makes for `displayTitle:
 * true` (and ends itself when the document ends).
 */
export function setViewerPreferences(doc: PDFKit.PDFDocument, entries: Record<string, string | boolean>): void {
  const prefs = internals(doc)._root.data.ViewerPreferences;
  if (!prefs) throw new Error('pdfkit made no /ViewerPreferences: the document needs displayTitle: true');
  Object.assign(prefs.data, entries);
}

/**
 * A PDF name as a value pdfkit writes anywhere an object may go (document info among them):
 * pdfkit turns strings into PDF strings in the info dictionary, and writes an object of a
 * kind it does not know by its string form.
 */
export function pdfName(name: string): unknown {
  return new PdfName(name);
}

class PdfName {
  private readonly name: string;
  constructor(name: string) {
    this.name = name;
  }
  get [Symbol.toStringTag]() {
    return 'PdfName';
  }
  toString() {
    return `/${this.name}`;
  }
}

/** The embedded fonts of `doc`, each once (a font can be registered under more than one name). */
function embeddedFonts(doc: PDFKit.PDFDocument): Partial<EmbeddedFont>[] {
  return [...new Set(Object.values(internals(doc)._fontFamilies))];
}

/**
 * Makes every embedded font of `doc` write its subset under the tag `tagOf` gives for its
 * PostScript name and the subset's original glyph ids (in subset order). Call just before
 * `doc.end()`, when every glyph is known. pdfkit computes the tag inside `embed()` as the
 * letters 17 code points above characters 1–6 of the font's id; the id is swapped for one
 * that spells the wanted tag while `embed()` runs. The pages were written already and name
 * the font by its real id, which is restored at once.
 */
export function setSubsetTags(doc: PDFKit.PDFDocument, tagOf: (postscriptName: string, glyphIds: readonly number[]) => string): void {
  for (const font of embeddedFonts(doc)) {
    if (!font.subset?.glyphs || !font.font?.postscriptName || typeof font.embed !== 'function') continue;
    const embed = font.embed;
    font.embed = function (this: EmbeddedFont) {
      const id = this.id;
      const tag = tagOf(this.font.postscriptName, this.subset.glyphs);
      this.id = `F${[...tag].map((c) => String.fromCharCode(c.charCodeAt(0) - 17)).join('')}`;
      try {
        return embed.call(this);
      } finally {
        this.id = id;
      }
    };
  }
}

/**
 * Makes every embedded font of `doc` hand pdfkit its program already compressed by
 * `compress` (a zlib stream). Call just before `doc.end()`. `embed()` makes the font file as
 * its first object and fills it with `subset.encode()`: that object is made marked as
 * FlateDecode (so pdfkit leaves it as it is) and `encode` returns the compressed bytes.
 */
export function precompressFontPrograms(doc: PDFKit.PDFDocument, compress: (program: Uint8Array) => Uint8Array): void {
  const d = internals(doc);
  const ref = d.ref.bind(d);
  let programNext = false;
  // Set once per document and kept: an own method added and deleted per font would cost more.
  d.ref = (data?: Record<string, unknown>) => {
    if (!programNext) return ref(data);
    programNext = false;
    return ref({ ...data, Filter: 'FlateDecode' });
  };
  for (const font of embeddedFonts(doc)) {
    if (typeof font.subset?.encode !== 'function' || typeof font.embed !== 'function') continue;
    const embed = font.embed;
    font.embed = function (this: EmbeddedFont) {
      const encode = this.subset.encode.bind(this.subset);
      this.subset.encode = () => compress(encode());
      programNext = true;
      try {
        return embed.call(this);
      } finally {
        programNext = false;
      }
    };
  }
}
