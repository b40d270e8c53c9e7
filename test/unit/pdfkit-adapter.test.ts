/**
 * The contract between pdfkit-adapter.ts and pdfkit: each function checked against what
 * pdfkit itself does or writes — the glyph encoding of its own `text()`, the operators and
 * content chunks, the catalog and info entries, the subset tag and the font program as they
 * end up in the file. A pdfkit upgrade that changes any of it fails here, by name.
 */
import { deflateSync, inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, PDFStream, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import PDFKitDocument from 'pdfkit';
import { parsedFonts, pdfFonts } from '../../src/print/render/fonts.ts';
import {
  encodeLine,
  pageContentChunks,
  pdfName,
  precompressFontPrograms,
  setCatalogEntry,
  setSubsetTags,
  setViewerPreferences,
} from '../../src/print/render/pdfkit-adapter.ts';
import { drawBoxes, newDoc, type Doc } from '../../src/print/render/render-pdf.ts';

const META = { title: '契约', author: '测试', subject: '适配层', date: '2026-03-01' };
const LINE = '党支部2026年党费收缴：应交11,380.00元。';

/** A document with one page and the sans face at 12 pt, as the renderer sets it up. */
function page(): Doc {
  const doc = newDoc(META);
  doc.addPage({ size: [400, 300], margin: 0 });
  doc.font('sans').fontSize(12);
  return doc;
}

/** pdfkit's current embedded font, read the way the adapter does (for comparing with pdfkit's own methods). */
type EmbeddedFont = { id: string; widths: number[]; unicode: number[][]; encode(text: string): [string[], unknown] };
const currentFont = (doc: Doc) => (doc as unknown as { _font: EmbeddedFont })._font;
const text = (chunks: readonly Uint8Array[]) => Buffer.concat(chunks).toString('latin1');

/** The document ended by pdfkit alone (finish() would also tag and compress the fonts). */
function ended(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

async function parsed(doc: Doc): Promise<PDFDocument> {
  return PDFDocument.load(await ended(doc), { updateMetadata: false });
}

/** The first page's font dictionaries by resource name. */
function pageFonts(pdf: PDFDocument): Map<string, PDFDict> {
  const fonts = pdf.getPages()[0]!.node.Resources()!.lookup(PDFName.of('Font'), PDFDict);
  return new Map(fonts.entries().map(([k, ref]) => [k.decodeText(), pdf.context.lookup(ref, PDFDict)]));
}

function fontProgram(pdf: PDFDocument, font: PDFDict): PDFRawStream {
  const descendant = font.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict);
  return descendant.lookup(PDFName.of('FontDescriptor'), PDFDict).lookup(PDFName.of('FontFile2'), PDFStream) as PDFRawStream;
}

describe('pdfkit adapter', () => {
  it('encodeLine encodes a line as pdfkit’s own EmbeddedFont.encode does, and registers the font with the page', () => {
    const ours = page();
    const theirs = page();
    const line = encodeLine(ours, LINE);
    const [hex] = currentFont(theirs).encode(LINE);
    expect(line).toEqual({ font: currentFont(theirs).id, size: 12, hex: hex.join('') });
    expect(line.font).toBe('F1');
    expect(currentFont(ours).widths).toEqual(currentFont(theirs).widths);
    expect(currentFont(ours).unicode).toEqual(currentFont(theirs).unicode);
    expect(ours.page.fonts[line.font]).toBeDefined();
  });

  it('a drawn line shows the same glyph string as pdfkit’s text() for the same line, with the operators we write', () => {
    const ours = page();
    const start = pageContentChunks(ours).length;
    drawBoxes(ours, [{ kind: 'text', x: 10, y: 20, text: LINE, face: 'sans', size: 12, spacing: 0.5, color: [0, 0, 0, 100] }], new Map());
    const written = text(pageContentChunks(ours).slice(start));
    const theirs = page();
    theirs.text(LINE, 10, 20, { lineBreak: false, baseline: 'alphabetic' });
    const tj = /\[<[0-9a-f]+> 0\] TJ/;
    expect(written).toMatch(tj);
    expect(written.match(tj)?.[0]).toBe(text(pageContentChunks(theirs)).match(tj)?.[0]);
    expect(written).toBe(`/DeviceCMYK cs\n0 0 0 1 scn\nq\n1 0 0 -1 0 300 cm\nBT\n1 0 0 1 10 280 Tm\n/F1 12 Tf\n0.5 Tc\n${written.match(tj)![0]}\nET\nQ\n`);
  });

  it('pageContentChunks is the page’s live content: one chunk per addContent, a string with its line end, bytes as they are', () => {
    const doc = page();
    const chunks = pageContentChunks(doc);
    const before = chunks.length;
    doc.addContent('0 0 m');
    doc.addContent(Buffer.from('1 1 l'));
    expect(chunks.length).toBe(before + 2);
    expect(text(chunks.slice(before))).toBe('0 0 m\n1 1 l');
  });

  it('setCatalogEntry and setViewerPreferences end up in the catalog; pdfName is written as a name', async () => {
    const doc = page();
    const intent = doc.ref({ Type: 'OutputIntent', S: 'GTS_PDFX' }) as unknown as { end(): void };
    intent.end();
    setCatalogEntry(doc, 'OutputIntents', [intent]);
    setViewerPreferences(doc, { Duplex: 'DuplexFlipLongEdge', PrintScaling: 'None' });
    const pdf = await parsed(doc);
    const intents = pdf.catalog.lookup(PDFName.of('OutputIntents'), PDFArray);
    expect(intents.size()).toBe(1);
    expect(intents.get(0)).toBeInstanceOf(PDFRef);
    expect(intents.lookup(0, PDFDict).get(PDFName.of('S'))).toBe(PDFName.of('GTS_PDFX'));
    const prefs = pdf.catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict);
    expect(prefs.get(PDFName.of('Duplex'))).toBe(PDFName.of('DuplexFlipLongEdge'));
    expect(prefs.get(PDFName.of('PrintScaling'))).toBe(PDFName.of('None'));
    expect(String(prefs.get(PDFName.of('DisplayDocTitle')))).toBe('true');
    // newDoc puts pdfName('False') into the info as Trapped; Title stays a string.
    const info = pdf.context.lookup(pdf.context.trailerInfo.Info, PDFDict);
    expect(info.lookup(PDFName.of('Trapped'))).toBe(PDFName.of('False'));
    expect(info.lookup(PDFName.of('Title'))).toBeInstanceOf(PDFString);
    expect(String(pdfName('X'))).toBe('/X');
  });

  it('setViewerPreferences says what is missing when pdfkit made no /ViewerPreferences', () => {
    expect(() => setViewerPreferences(new PDFKitDocument({ autoFirstPage: false, font: '' }), { Duplex: 'Simplex' })).toThrow(/displayTitle/);
  });

  it('setSubsetTags names each subset by its glyphs, and the pages still name the font by its resource name', async () => {
    const doc = page();
    drawBoxes(doc, [{ kind: 'text', x: 10, y: 20, text: LINE, face: 'sans', size: 12, spacing: 0, color: [0, 0, 0, 100] }], new Map());
    const calls: [string, number[]][] = [];
    setSubsetTags(doc, (name, ids) => {
      calls.push([name, [...ids]]);
      return 'QWERTY';
    });
    const pdf = await parsed(doc);
    const font = pdfFonts().get('sans')!;
    const ids = [0, ...new Set([...LINE].map((c) => font.glyphForCodePoint(c.codePointAt(0)!).id))];
    expect(calls).toEqual([[font.postscriptName, ids]]);
    const fonts = pageFonts(pdf);
    expect([...fonts.keys()]).toEqual(['F1']);
    expect(fonts.get('F1')!.get(PDFName.of('BaseFont'))).toBe(PDFName.of(`QWERTY+${font.postscriptName}`));
  });

  it('precompressFontPrograms hands pdfkit the program compressed once, marked FlateDecode: it inflates to fontkit’s subset', async () => {
    const doc = page();
    encodeLine(doc, LINE);
    const compressed: Buffer[] = [];
    precompressFontPrograms(doc, (program) => {
      compressed.push(deflateSync(program));
      return compressed.at(-1)!;
    });
    const pdf = await PDFDocument.load(await ended(doc), { updateMetadata: false });
    const program = fontProgram(pdf, pageFonts(pdf).get('F1')!);
    expect(compressed).toHaveLength(1);
    expect(program.dict.get(PDFName.of('Filter'))).toBe(PDFName.of('FlateDecode'));
    expect(Buffer.from(program.contents).equals(compressed[0]!)).toBe(true);
    const sans = parsedFonts().get('sans')!;
    const subset = sans.createSubset();
    for (const c of LINE) subset.includeGlyph(sans.glyphForCodePoint(c.codePointAt(0)!));
    expect(inflateSync(program.contents).equals(Buffer.from(subset.encode()))).toBe(true);
  });
});
