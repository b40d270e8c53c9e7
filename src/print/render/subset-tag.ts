/**
 * Subset tags (the "ABCDEF+" before a subset font's name) that name the glyphs inside.
 * pdfkit derives the tag from the font's resource name (F1, F2, …), so every file carries
 * the same "BZZZZZ+NotoSansSC-Medium" with different glyphs behind it; a RIP that caches
 * fonts by name, or a shop ganging several boards on one roll, can then print the glyphs of
 * another file. Here the tag is a hash of the font and the subset's glyph ids in subset
 * order — the order fixes which character code draws which glyph — so the same text gives
 * the same tag (and output stays byte-identical) and other glyphs give another tag.
 */
import { createHash } from 'node:crypto';

/** Six capital letters from the PostScript name and the original glyph ids, in subset order. */
export function subsetTag(postscriptName: string, glyphIds: readonly number[]): string {
  const digest = createHash('sha256').update(postscriptName).update('\0').update(Uint32Array.from(glyphIds)).digest();
  let tag = '';
  for (let i = 0; i < 6; i++) tag += String.fromCharCode(65 + (digest.readUInt32BE(i * 4) % 26));
  return tag;
}

/** The parts of pdfkit's EmbeddedFont this relies on (not in its type declarations). */
interface EmbeddedFontInternals {
  id: string;
  font: { postscriptName: string };
  subset: { glyphs: number[] };
  embed(): unknown;
}

/**
 * Makes every embedded font of `doc` write its subset under a tag from its glyphs. Call just
 * before `doc.end()`, when every glyph is known. pdfkit computes the tag inside `embed()` as
 * letters 17 code points above the characters 1–6 of the font's id; the id is swapped for
 * one that spells the wanted tag while `embed()` runs. The pages were written already and
 * name the font by its real id, which is restored at once.
 */
export function tagSubsets(doc: PDFKit.PDFDocument): void {
  const families = (doc as unknown as { _fontFamilies: Record<string, Partial<EmbeddedFontInternals>> })._fontFamilies;
  // A font can be listed under more than one name; it is embedded once.
  for (const font of new Set(Object.values(families))) {
    if (!font.subset?.glyphs || !font.font?.postscriptName || typeof font.embed !== 'function') continue;
    const f = font as EmbeddedFontInternals;
    const embed = f.embed;
    f.embed = function (this: EmbeddedFontInternals) {
      const id = this.id;
      const tag = subsetTag(this.font.postscriptName, this.subset.glyphs);
      this.id = `F${[...tag].map((c) => String.fromCharCode(c.charCodeAt(0) - 17)).join('')}`;
      try {
        return embed.call(this);
      } finally {
        this.id = id;
      }
    };
  }
}
