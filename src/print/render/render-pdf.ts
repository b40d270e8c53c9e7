/**
 * Draws laid-out pages as a print-ready PDF with pdfkit (page = trim + bleed + a slug for
 * crop marks; TrimBox and BleedBox set; marks in registration colour; CMYK colours; fonts
 * embedded as subsets), as tiles on A3/A4 sheets, or as household cards imposed on a front
 * and a back sheet for duplex printing. Output is byte-identical for the same boxes: dates
 * come from the content, and the file ID is derived from the document info. Every file is
 * PDF/X-1a:2003 (pdfx.ts). What this needs of pdfkit beyond its public API goes through
 * pdfkit-adapter.ts; render-booklet.ts draws booklets with the functions here. */
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import { mm, type Box, type Cmyk, type Face, type LaidPage } from '../layout/boxes.ts';
import type { Imposition, Segment } from '../layout/card-imposition.ts';
import { pdfFonts } from './fonts.ts';
import { DEFAULT_CONDITION, type IntentSetting } from '../../domain/icc-profile.ts';
import { qrMatrix } from '../../domain/qr-code.ts';
import { resolveIntent } from './output-intent.ts';
import { declarePdfX, pdfxInfo, PDFX_PDF_VERSION } from './pdfx.ts';
import { tagSubsets } from './subset-tag.ts';
import { compressFontPrograms } from './font-program.ts';
import { encodeLine, pageContentChunks, setViewerPreferences } from './pdfkit-adapter.ts';
import { GLUE_MM, planTiles, type SheetSize, type TilePlan } from '../layout/tile-plan.ts';

export interface PdfMeta {
  title: string;
  /** The unit, as author. */
  author: string;
  subject: string;
  /** Content date (YYYY-MM-DD): becomes CreationDate and ModDate, never the clock. */
  date: string;
  /** The printing condition declared as OutputIntent; FOGRA39 when not given. */
  intent?: IntentSetting;
}

/** Room outside the bleed for crop marks. */
export const SLUG_MM = 12;
const MARK_OFFSET_MM = 2;
const MARK_LENGTH_MM = 8;

export type Doc = PDFKit.PDFDocument & { addSpotColor(name: string, c: number, m: number, y: number, k: number): Doc };

/**
 * Images resampled through sharp (≥ 150 dpi at printed size, EXIF dropped, converted to CMYK),
 * keyed by src and pixel width. With the county's output profile the photos are separated for
 * that press, the condition the PDF declares; otherwise as libvips converts to CMYK by default.
 */
export async function prepareImages(pages: readonly LaidPage[], profile?: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const b of pages.flatMap((p) => p.boxes)) {
    if (b.kind !== 'image') continue;
    const key = `${b.px}:${b.src}`;
    if (out.has(key)) continue;
    const cmyk = sharp(b.src).rotate().resize({ width: b.px, withoutEnlargement: true }).flatten({ background: '#ffffff' }).toColourspace('cmyk');
    out.set(key, await (profile ? cmyk.withIccProfile(profile, { attach: false }) : cmyk).jpeg({ quality: 88 }).toBuffer());
  }
  return out;
}

export function newDoc(meta: PdfMeta): Doc {
  const date = new Date(`${meta.date}T00:00:00Z`);
  const doc = new PDFDocument({
    autoFirstPage: false,
    // No default font: pdfkit would parse Helvetica's AFM metrics for every document (about
    // half a millisecond each, three documents per board or card), and nothing is set in it.
    font: '',
    // Every line is encoded once (textLine), so pdfkit's per-line layout cache only holds garbage.
    fontLayoutCache: false,
    pdfVersion: PDFX_PDF_VERSION,
    compress: true,
    info: {
      Title: meta.title,
      Author: meta.author,
      Subject: meta.subject,
      Creator: 'Gongkai 公开',
      Producer: 'Gongkai 公开 (pdfkit)',
      CreationDate: date,
      ModDate: date,
      ...pdfxInfo(),
    },
    lang: 'zh-CN',
    displayTitle: true,
  }) as Doc;
  declarePdfX(doc, resolveIntent(meta.intent ?? { condition: DEFAULT_CONDITION }), date);
  for (const [face, font] of pdfFonts()) doc.registerFont(face, font as unknown as PDFKit.Mixins.PDFFontSource);
  return doc;
}

const cmyk = (c: Cmyk): [number, number, number, number] => [c[0], c[1], c[2], c[3]];

/**
 * A QR code as PDF path operators in module units, four modules in (the quiet zone), one
 * rectangle per run of dark modules in a row, with a hair of overlap so no seams show.
 * Kept by URL: a card sheet draws the same code on every card, and encoding takes ~3 ms.
 */
const qrPaths = new Map<string, { n: number; ops: string }>();
function qrPath(url: string): { n: number; ops: string } {
  let p = qrPaths.get(url);
  if (p) return p;
  const qr = qrMatrix(url);
  const n = qr.size;
  const ops: string[] = [];
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (!qr.dark(r, c)) continue;
      let end = c;
      while (end + 1 < n && qr.dark(r, end + 1)) end++;
      ops.push(`${c + 4} ${r + 4} ${(end - c + 1.02).toFixed(2)} 1.02 re`);
      c = end;
    }
  }
  if (qrPaths.size > 1000) qrPaths.clear();
  qrPaths.set(url, (p = { n, ops: ops.join('\n') }));
  return p;
}

/** A number as pdfkit writes it: rounded to six decimals. */
const num = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * Text lines drawn one after another share one flip to upright text (`q 1 0 0 -1 0 h cm …
 * Q`) instead of one each, as pdfkit writes them: every reader then runs three operators a
 * line fewer, and PDF.js, with which the leak scan reads every poster's text, copies its
 * whole state at each `q`. Character spacing is text state that outlives a line's BT…ET, so a
 * line sets it whenever it differs from the line before.
 */
interface TextRun {
  open: boolean;
  spacing: number;
}

/**
 * One line of text in the current font, size and colour, with its baseline at (x, y): what
 * pdfkit's `text(…, { lineBreak: false, baseline: 'alphabetic' })` draws, without its
 * line-breaking machinery. pdfkit measures the line twice more, sets up wrapping options
 * and copies every glyph's position for every call; a poster has a few thousand lines. The
 * glyphs are encoded as pdfkit's embedded font encodes them (subset id as four hex digits,
 * its width and code points noted for the font's tables). The fonts are laid out glyph by
 * glyph (fonts.ts), so no glyph carries an offset and one TJ string holds the line. The
 * operators go in as bytes: pdfkit would convert a string char by char.
 */
function textLine(doc: Doc, run: TextRun, text: string, x: number, y: number, spacing: number): void {
  const line = text.replace(/\n/g, '');
  if (!line) return;
  const { font, size, hex } = encodeLine(doc, line);
  const h = doc.page.height;
  let ops = '';
  if (!run.open) {
    ops += `q\n1 0 0 -1 0 ${num(h)} cm\n`;
    run.open = true;
    run.spacing = 0;
  }
  ops += `BT\n1 0 0 1 ${num(x)} ${num(h - y)} Tm\n/${font} ${num(size)} Tf\n`;
  if (spacing !== run.spacing) {
    ops += `${num(spacing)} Tc\n`;
    run.spacing = spacing;
  }
  doc.addContent(Buffer.from(`${ops}[<${hex}> 0] TJ\nET\n`, 'latin1'));
}

/** Ends a run of text lines: back to the page's own coordinates and graphics state. */
function endText(doc: Doc, run: TextRun): void {
  if (!run.open) return;
  doc.addContent('Q');
  run.open = false;
}

export function drawBoxes(doc: Doc, boxes: readonly Box[], images: ReadonlyMap<string, Buffer>): void {
  const run: TextRun = { open: false, spacing: 0 };
  for (const b of boxes) {
    if (b.kind !== 'text') endText(doc, run);
    switch (b.kind) {
      case 'rect':
        if (b.fill) doc.rect(b.x, b.y, b.w, b.h).fill(cmyk(b.fill));
        if (b.stroke)
          doc
            .rect(b.x, b.y, b.w, b.h)
            .lineWidth(b.lineWidth ?? 1)
            .stroke(cmyk(b.stroke));
        break;
      case 'line':
        doc.moveTo(b.x1, b.y1).lineTo(b.x2, b.y2).lineWidth(b.width).stroke(cmyk(b.color));
        break;
      case 'text':
        doc
          .font(b.face satisfies Face)
          .fontSize(b.size)
          .fillColor(cmyk(b.color));
        textLine(doc, run, b.text, b.x, b.y, b.spacing);
        break;
      case 'image': {
        const buf = images.get(`${b.px}:${b.src}`);
        if (buf) doc.image(buf, b.x, b.y, { width: b.w, height: b.h });
        break;
      }
      case 'qr': {
        const { n, ops } = qrPath(b.url);
        // Four modules of quiet zone, white, so the code scans on any background.
        const cell = b.size / (n + 8);
        doc.rect(b.x, b.y, b.size, b.size).fill([0, 0, 0, 0]);
        doc.save();
        doc.transform(cell, 0, 0, cell, b.x, b.y);
        doc.addContent(ops);
        doc.fill([0, 0, 0, 100]);
        doc.restore();
        break;
      }
    }
  }
  endText(doc, run);
}

/**
 * Runs `draw` and returns the content it wrote to the page, as the bytes pdfkit keeps (a
 * string operator with its line end). Writing them again draws the same again: its fonts,
 * glyphs and colours are already registered with the page, which is all pdfkit does besides
 * writing operators. (Read from the page rather than by wrapping `addContent`: a method
 * added to the document and deleted again turns it into a slow dictionary object.)
 */
function recorded(doc: Doc, draw: () => void): Buffer {
  const chunks = pageContentChunks(doc);
  const start = chunks.length;
  draw();
  return Buffer.concat(chunks.slice(start));
}

/** Finishes a document into a Buffer. */
export function finish(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    tagSubsets(doc);
    compressFontPrograms(doc);
    doc.end();
  });
}

/** Crop marks are hairlines in registration colour, so they print on every separation. */
export function strokeRegistration(doc: Doc, segments: readonly Segment[]): void {
  doc.lineWidth(0.25);
  for (const s of segments) doc.moveTo(s.x1, s.y1).lineTo(s.x2, s.y2);
  doc.stroke('All');
}

function cropMarks(doc: Doc, x0: number, y0: number, w: number, h: number, bleed: number): void {
  const off = bleed + mm(MARK_OFFSET_MM);
  const len = mm(MARK_LENGTH_MM);
  const segments: Segment[] = [];
  for (const [cx, sx] of [
    [x0, -1],
    [x0 + w, 1],
  ] as const) {
    for (const [cy, sy] of [
      [y0, -1],
      [y0 + h, 1],
    ] as const) {
      segments.push({ x1: cx + sx * off, y1: cy, x2: cx + sx * (off + len), y2: cy }, { x1: cx, y1: cy + sy * off, x2: cx, y2: cy + sy * (off + len) });
    }
  }
  strokeRegistration(doc, segments);
}

/** A poster: each laid page becomes one PDF page of trim + 2 × (bleed + slug). */
export async function renderPosterPdf(pages: readonly LaidPage[], bleedMm: number, meta: PdfMeta): Promise<Buffer> {
  const images = await prepareImages(pages, meta.intent?.profile);
  const doc = newDoc(meta);
  doc.addSpotColor('All', 100, 100, 100, 100);
  const bleed = mm(bleedMm);
  const slug = mm(SLUG_MM);
  const o = bleed + slug;
  for (const p of pages) {
    doc.addPage({ size: [p.width + 2 * o, p.height + 2 * o], margin: 0 });
    const dict = doc.page.dictionary.data as Record<string, unknown>;
    // PDF boxes are in bottom-up coordinates; the page is symmetric, so only offsets matter.
    dict.TrimBox = [o, o, o + p.width, o + p.height];
    dict.BleedBox = [slug, slug, slug + p.width + 2 * bleed, slug + p.height + 2 * bleed];
    doc.save();
    // Nothing of the artwork reaches the marks: clip to the bleed box.
    doc.rect(slug, slug, p.width + 2 * bleed, p.height + 2 * bleed).clip();
    doc.translate(o, o);
    drawBoxes(doc, p.boxes, images);
    doc.restore();
    cropMarks(doc, o, o, p.width, p.height, bleed);
  }
  return finish(doc);
}

/**
 * Household cards: page 1 the fronts, page 2 the backs, each card drawn in its slot and
 * clipped to its own bleed, then the crop marks and the printer's notes. The sheet itself is
 * what the press prints, so its TrimBox and BleedBox are the whole page.
 */
export async function renderCardSheetsPdf(
  imp: Imposition,
  faces: { front: LaidPage; back: LaidPage },
  notes: { front: Box[]; back: Box[] },
  meta: PdfMeta,
): Promise<Buffer> {
  const doc = newDoc(meta);
  // Print dialogs that honour these preselect long-edge duplex and actual size.
  setViewerPreferences(doc, { Duplex: 'DuplexFlipLongEdge', PrintScaling: 'None' });
  doc.addSpotColor('All', 100, 100, 100, 100);
  const b = imp.bleed;
  const none = new Map<string, Buffer>();
  for (const [slots, face, texts] of [
    [imp.front, faces.front, notes.front],
    [imp.back, faces.back, notes.back],
  ] as const) {
    doc.addPage({ size: [imp.width, imp.height], margin: 0 });
    const dict = doc.page.dictionary.data as Record<string, unknown>;
    dict.TrimBox = [0, 0, imp.width, imp.height];
    dict.BleedBox = [0, 0, imp.width, imp.height];
    // Every slot shows the same card: its operators are built once and repeated per slot.
    let ops: Buffer | undefined;
    for (const s of slots) {
      doc.save();
      doc.rect(s.x - b, s.y - b, imp.cardW + 2 * b, imp.cardH + 2 * b).clip();
      doc.translate(s.x, s.y);
      if (ops === undefined) ops = recorded(doc, () => drawBoxes(doc, face.boxes, none));
      else doc.addContent(ops);
      doc.restore();
    }
    strokeRegistration(doc, imp.marks);
    drawBoxes(doc, texts, none);
  }
  return finish(doc);
}

/** Plain office pages (A4 handouts): page = trim, no bleed and no marks. */
export async function renderPlainPdf(pages: readonly LaidPage[], meta: PdfMeta): Promise<Buffer> {
  const images = await prepareImages(pages, meta.intent?.profile);
  const doc = newDoc(meta);
  for (const p of pages) {
    doc.addPage({ size: [p.width, p.height], margin: 0 });
    drawBoxes(doc, p.boxes, images);
  }
  return finish(doc);
}

/** The same pages tiled onto A3/A4 sheets with glue overlap, alignment marks and row/column labels. */
export async function renderTilesPdf(pages: readonly LaidPage[], sheet: SheetSize, meta: PdfMeta): Promise<{ pdf: Buffer; sheets: number; plan: TilePlan }> {
  const images = await prepareImages(pages, meta.intent?.profile);
  const doc = newDoc({ ...meta, title: `${meta.title}（${sheet}拼贴）` });
  doc.addSpotColor('All', 100, 100, 100, 100);
  let sheets = 0;
  let plan: TilePlan | undefined;
  pages.forEach((p, pi) => {
    plan = planTiles(p.width, p.height, sheet);
    const glue = mm(GLUE_MM);
    for (const t of plan.tiles) {
      sheets++;
      doc.addPage({ size: [plan.width, plan.height], margin: 0 });
      doc.save();
      doc.rect(plan.edge, plan.edge, t.sw, t.sh).clip();
      doc.translate(plan.edge - t.sx, plan.edge - t.sy);
      drawBoxes(doc, p.boxes, images);
      doc.restore();
      // Glue strips: the left and top edges of every sheet but the first row/column overlap the neighbour.
      doc.lineWidth(0.5).dash(3, { space: 3 });
      if (t.col > 1) doc.moveTo(plan.edge + glue, plan.edge).lineTo(plan.edge + glue, plan.edge + t.sh);
      if (t.row > 1) doc.moveTo(plan.edge, plan.edge + glue).lineTo(plan.edge + t.sw, plan.edge + glue);
      doc.stroke('All').undash();
      // Alignment marks: small crosses at the corners of the printed area.
      for (const [x, y] of [
        [plan.edge, plan.edge],
        [plan.edge + t.sw, plan.edge],
        [plan.edge, plan.edge + t.sh],
        [plan.edge + t.sw, plan.edge + t.sh],
      ] as const) {
        doc
          .moveTo(x - 6, y)
          .lineTo(x + 6, y)
          .moveTo(x, y - 6)
          .lineTo(x, y + 6);
      }
      doc.lineWidth(0.3).stroke('All');
      const label = `${meta.title}${pages.length > 1 ? ` 第${pi + 1}张` : ''}　第${t.row}行第${t.col}列（共${plan.rows}行${plan.cols}列）　${t.col > 1 ? '左边' : ''}${t.col > 1 && t.row > 1 ? '、' : ''}${t.row > 1 ? '上边' : ''}${t.col > 1 || t.row > 1 ? `${GLUE_MM}毫米为粘贴重叠区` : ''}`;
      doc.font('sans').fontSize(7).fillColor([0, 0, 0, 100]).text(label, plan.edge, plan.labelY, { lineBreak: false, baseline: 'middle' });
    }
  });
  return { pdf: await finish(doc), sheets, plan: plan! };
}
