/**
 * Reading back the PDFs we write, with npm packages only (a bare machine has no poppler or
 * zbar): the structure (page boxes, fonts, document info, print preferences) parsed with
 * pdf-lib; text, word positions, images and page rendering with PDF.js (the same reader the
 * leak scan uses), rendered onto @napi-rs/canvas; QR codes decoded from those pixels by jsQR.
 */
import { readFileSync } from 'node:fs';
import jsQRModule from 'jsqr';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef, PDFStream, type PDFObject } from 'pdf-lib';
import yauzl from 'yauzl';
import { renderPdfPage, type Raster } from '../src/pipeline/pdf-raster.ts';
import { openPdf, pdfjs, pdfPageTexts } from '../src/pipeline/pdf-text.ts';

const bytes = (file: string) => new Uint8Array(readFileSync(file));

export type Box = [x0: number, y0: number, x1: number, y1: number];

export interface PdfPageInfo {
  /** Width and height in points. */
  size: [number, number];
  MediaBox: Box;
  /** Absent when the page does not set it (no fallback to the MediaBox, unlike readers). */
  TrimBox?: Box;
  BleedBox?: Box;
}

export interface PdfInfo {
  version: string;
  pages: PdfPageInfo[];
  title?: string;
  subject?: string;
  /** The catalog's /ViewerPreferences entries, as names or numbers (/Duplex → 'DuplexFlipLongEdge'). */
  viewerPreferences: Record<string, string | number | boolean>;
}

const boxOf = (dict: PDFDict, name: string): Box | undefined => {
  const arr = dict.lookupMaybe(PDFName.of(name), PDFArray);
  return arr ? (arr.asArray().map((n) => (n as PDFNumber).asNumber()) as Box) : undefined;
};

/** The page boxes, version, title and print preferences, parsed from the file itself. */
export async function pdfInfo(file: string): Promise<PdfInfo> {
  const data = bytes(file);
  const doc = await PDFDocument.load(data, { updateMetadata: false });
  const prefs = doc.catalog.lookupMaybe(PDFName.of('ViewerPreferences'), PDFDict);
  const viewerPreferences: PdfInfo['viewerPreferences'] = {};
  for (const [k, v] of prefs?.entries() ?? []) viewerPreferences[k.decodeText()] = plain(v);
  return {
    version: Buffer.from(data.subarray(0, 8)).toString('latin1').replace('%PDF-', ''),
    pages: doc.getPages().map((p) => {
      const media = boxOf(p.node, 'MediaBox')!;
      const trim = boxOf(p.node, 'TrimBox');
      const bleed = boxOf(p.node, 'BleedBox');
      return { size: [media[2] - media[0], media[3] - media[1]], MediaBox: media, ...(trim ? { TrimBox: trim } : {}), ...(bleed ? { BleedBox: bleed } : {}) };
    }),
    ...(doc.getTitle() ? { title: doc.getTitle()! } : {}),
    ...(doc.getSubject() ? { subject: doc.getSubject()! } : {}),
    viewerPreferences,
  };
}

function plain(v: PDFObject): string | number | boolean {
  if (v instanceof PDFName) return v.decodeText();
  if (v instanceof PDFNumber) return v.asNumber();
  return v.toString() === 'true' ? true : v.toString() === 'false' ? false : v.toString();
}

export interface PdfFont {
  /** BaseFont, with its subset tag: "ABCDEF+NotoSansSC-Regular". */
  name: string;
  /** "Type0" for a composite (CID) font. */
  type: string;
  /** The descendant's subtype: "CIDFontType2" is TrueType outlines. */
  cidType?: string;
  encoding?: string;
  embedded: boolean;
  subset: boolean;
  unicode: boolean;
}

/** Every font of every page's resources, once: name, type, encoding, and whether it is embedded, subset and mapped to Unicode. */
export async function pdfFonts(file: string): Promise<PdfFont[]> {
  const doc = await PDFDocument.load(bytes(file), { updateMetadata: false });
  const seen = new Map<string, PdfFont>();
  for (const page of doc.getPages()) {
    const fonts = page.node.Resources()?.lookupMaybe(PDFName.of('Font'), PDFDict);
    for (const [, ref] of fonts?.entries() ?? []) {
      const key = ref instanceof PDFRef ? ref.toString() : String(seen.size);
      if (seen.has(key)) continue;
      const font = doc.context.lookup(ref, PDFDict);
      const name = font.lookup(PDFName.of('BaseFont'), PDFName).decodeText();
      const descendant = font.lookupMaybe(PDFName.of('DescendantFonts'), PDFArray)?.lookup(0, PDFDict);
      const descriptor = (descendant ?? font).lookupMaybe(PDFName.of('FontDescriptor'), PDFDict);
      const embedded = ['FontFile', 'FontFile2', 'FontFile3'].some((k) => descriptor?.lookupMaybe(PDFName.of(k), PDFStream) !== undefined);
      const encoding = font.lookupMaybe(PDFName.of('Encoding'), PDFName)?.decodeText();
      const cidType = descendant?.lookupMaybe(PDFName.of('Subtype'), PDFName)?.decodeText();
      seen.set(key, {
        name,
        type: font.lookup(PDFName.of('Subtype'), PDFName).decodeText(),
        ...(cidType ? { cidType } : {}),
        ...(encoding ? { encoding } : {}),
        embedded,
        subset: /^[A-Z]{6}\+/.test(name),
        unicode: font.lookupMaybe(PDFName.of('ToUnicode'), PDFStream) !== undefined,
      });
    }
  }
  return [...seen.values()];
}

export interface PdfWord {
  text: string;
  /** Centre of the text run, in points from the page's top-left corner (y grows downwards). */
  cx: number;
  cy: number;
  width: number;
  height: number;
}

/** The text runs of a page with their positions. */
export async function pdfWords(file: string, pageNumber: number): Promise<PdfWord[]> {
  const { doc, close } = await openPdf(bytes(file));
  try {
    const page = await doc.getPage(pageNumber);
    const [, , , top] = page.view as Box;
    const content = await page.getTextContent({ disableNormalization: true });
    const words: PdfWord[] = [];
    for (const item of content.items) {
      if (!('str' in item) || !item.str.trim()) continue;
      const [, , , , x, y] = item.transform as number[];
      // The transform puts the baseline's start at (x, y); the run spans [y, y + height] upwards.
      words.push({ text: item.str, cx: x! + item.width / 2, cy: top - (y! + item.height / 2), width: item.width, height: item.height });
    }
    return words;
  } finally {
    await close();
  }
}

/** The text of one page (1-based), or of all pages: what the leak scan reads. */
export async function pdfPageText(file: string, pageNumber?: number): Promise<string> {
  const pages = await pdfPageTexts(bytes(file));
  return pageNumber === undefined ? pages.join('\n') : (pages[pageNumber - 1] ?? '');
}

export interface PdfImage {
  width: number;
  height: number;
  colorSpace: string;
  /** Resolution at the size the image is drawn, horizontally and vertically. */
  ppi: [number, number];
}

/** Every image drawn on the pages, its colour space and its resolution at the size it is printed. */
export async function pdfImages(file: string): Promise<PdfImage[]> {
  const data = bytes(file);
  const structure = await PDFDocument.load(data, { updateMetadata: false });
  const { doc, close } = await openPdf(data);
  const { OPS } = await pdfjs();
  const images: PdfImage[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const xobjects = structure
        .getPage(n - 1)
        .node.Resources()
        ?.lookupMaybe(PDFName.of('XObject'), PDFDict);
      const ops = await (await doc.getPage(n)).getOperatorList();
      let ctm = [1, 0, 0, 1, 0, 0];
      const stack: number[][] = [];
      const drawn: { w: number; h: number }[] = [];
      ops.fnArray.forEach((fn, i) => {
        const args = ops.argsArray[i] as unknown[];
        if (fn === OPS.save) stack.push(ctm);
        else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
        else if (fn === OPS.transform) ctm = multiply(args as number[], ctm);
        else if (fn === OPS.paintImageXObject) drawn.push({ w: Math.hypot(ctm[0]!, ctm[1]!), h: Math.hypot(ctm[2]!, ctm[3]!) });
      });
      const streams = [...(xobjects?.entries() ?? [])]
        .map(([, ref]) => structure.context.lookup(ref, PDFStream))
        .filter((s) => s.dict.lookupMaybe(PDFName.of('Subtype'), PDFName)?.decodeText() === 'Image');
      streams.forEach((s, i) => {
        const width = s.dict.lookup(PDFName.of('Width'), PDFNumber).asNumber();
        const height = s.dict.lookup(PDFName.of('Height'), PDFNumber).asNumber();
        const size = drawn[i] ?? { w: NaN, h: NaN };
        images.push({
          width,
          height,
          colorSpace: s.dict.lookupMaybe(PDFName.of('ColorSpace'), PDFName)?.decodeText() ?? 'unknown',
          ppi: [width / (size.w / 72), height / (size.h / 72)],
        });
      });
    }
  } finally {
    await close();
  }
  return images;
}

const multiply = (m: number[], n: number[]) => [
  m[0]! * n[0]! + m[1]! * n[2]!,
  m[0]! * n[1]! + m[1]! * n[3]!,
  m[2]! * n[0]! + m[3]! * n[2]!,
  m[2]! * n[1]! + m[3]! * n[3]!,
  m[4]! * n[0]! + m[5]! * n[2]! + n[4]!,
  m[4]! * n[1]! + m[5]! * n[3]! + n[5]!,
];

export type { Raster } from '../src/pipeline/pdf-raster.ts';
/** Renders (part of) a page: see src/pipeline/pdf-raster.ts. */
export const renderPage = renderPdfPage;

/** The text of the QR code in a raster, or undefined when there is none. */
// jsQR is CommonJS whose module.exports is the function itself (with .default beside it); TypeScript sees only .default.
const jsQR = jsQRModule.default;
export const decodeQr = (r: Raster): string | undefined => jsQR(r.rgba, r.width, r.height)?.data;

/** The names of the files in a zip archive, in archive order. */
export function zipEntries(file: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const names: string[] = [];
      zip.on('entry', (e: yauzl.Entry) => {
        names.push(e.fileName);
        zip.readEntry();
      });
      zip.on('end', () => resolve(names));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** The text (UTF-8) of one file in a zip archive; rejects when the archive has no such file. */
export function zipText(file: string, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      zip.on('entry', (e: yauzl.Entry) => {
        if (e.fileName !== name) return zip.readEntry();
        zip.openReadStream(e, (error, stream) => {
          if (error || !stream) return reject(error);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            zip.close();
            resolve(Buffer.concat(chunks).toString('utf8'));
          });
          stream.on('error', reject);
        });
      });
      zip.on('end', () => reject(new Error(`${name} is not in ${file}`)));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}
