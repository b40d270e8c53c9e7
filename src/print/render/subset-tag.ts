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
import { setSubsetTags } from './pdfkit-adapter.ts';

/** Six capital letters from the PostScript name and the original glyph ids, in subset order. */
export function subsetTag(postscriptName: string, glyphIds: readonly number[]): string {
  const digest = createHash('sha256').update(postscriptName).update('\0').update(Uint32Array.from(glyphIds)).digest();
  let tag = '';
  for (let i = 0; i < 6; i++) tag += String.fromCharCode(65 + (digest.readUInt32BE(i * 4) % 26));
  return tag;
}

/**
 * Makes every embedded font of `doc` write its subset under a tag from its glyphs. Call just
 * before `doc.end()`, when every glyph is known.
 */
export function tagSubsets(doc: PDFKit.PDFDocument): void {
  setSubsetTags(doc, subsetTag);
}
