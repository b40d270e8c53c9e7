/**
 * The 服务指南 booklet's three PDFs, from the same laid-out A5 pages: the pages one by one with
 * their bleed, TrimBox and BleedBox and crop marks (for a shop that imposes with its own
 * software), and the saddle-stitch imposition on A4 (office duplex printing, folded in half)
 * and on A3 (a shop's, with crop and fold marks and the bleed). Every sheet says in its margin
 * which sheet and side it is and how to print it. Byte-identical for the same job.
 */
import { BLACK, mm, type Box, type LaidPage } from '../layout/boxes.ts';
import type { Imposition } from '../../media/booklet-imposition.ts';
import type { Segment } from '../layout/card-imposition.ts';
import type { Measurer } from '../layout/measurer.ts';
import { drawBoxes, finish, newDoc, prepareImages, renderPosterPdf, strokeRegistration, type PdfMeta } from './render-pdf.ts';
import { setViewerPreferences } from './pdfkit-adapter.ts';

const MARK_OFFSET = mm(2);
const MARK_LENGTH = mm(6);

/** Crop marks at the spread's corners and fold marks at the spine, outside the bleed. */
function marks(imp: Imposition, bleed: number): Segment[] {
  const { x, y, w, h } = imp.spread;
  const off = bleed + MARK_OFFSET;
  const out: Segment[] = [];
  for (const cx of [x, x + w])
    for (const [cy, sy] of [
      [y, -1],
      [y + h, 1],
    ] as const) {
      const sx = cx === x ? -1 : 1;
      out.push(
        { x1: cx + sx * off, y1: cy, x2: cx + sx * (off + MARK_LENGTH), y2: cy },
        { x1: cx, y1: cy + sy * off, x2: cx, y2: cy + sy * (off + MARK_LENGTH) },
      );
    }
  // The fold: a short mark above and below the spine.
  const spine = x + w / 2;
  out.push({ x1: spine, y1: y - off, x2: spine, y2: y - off - MARK_LENGTH }, { x1: spine, y1: y + h + off, x2: spine, y2: y + h + off + MARK_LENGTH });
  return out;
}

function note(text: string, x: number, y: number): Box {
  return { kind: 'text', x, y, text, face: 'sans', size: 7, spacing: 0, color: BLACK };
}

/** The imposed sheets: each side of each sheet one PDF page, pages clipped to their trim (plus bleed on trimmed edges). */
export async function renderImposedBooklet(pages: readonly LaidPage[], imp: Imposition, bleedMm: number, meta: PdfMeta, m: Measurer): Promise<Buffer> {
  const images = await prepareImages(pages, meta.intent?.profile);
  const doc = newDoc(meta);
  // Print dialogs that honour these preselect duplex flipped on the short edge (landscape sheets) and actual size.
  setViewerPreferences(doc, { Duplex: 'DuplexFlipShortEdge', PrintScaling: 'None' });
  doc.addSpotColor('All', 100, 100, 100, 100);
  const bleed = imp.sheet === 'A4' ? 0 : mm(bleedMm);
  const sheets = imp.sides.length / 2;
  for (const side of imp.sides) {
    doc.addPage({ size: [imp.width, imp.height], margin: 0 });
    const dict = doc.page.dictionary.data as Record<string, unknown>;
    dict.TrimBox = [0, 0, imp.width, imp.height];
    dict.BleedBox = [0, 0, imp.width, imp.height];
    for (const p of side.placements) {
      const page = pages[p.page - 1]!;
      doc.save();
      doc.rect(p.clip.x, p.clip.y, p.clip.w, p.clip.h).clip();
      doc.translate(p.x + p.shift, p.y);
      drawBoxes(doc, page.boxes, images);
      doc.restore();
    }
    // An office sheet is not trimmed: nothing may print outside the pages. A shop's says in its slug which sheet and side it is.
    if (imp.sheet === 'A3') {
      strokeRegistration(doc, marks(imp, bleed));
      const [l, r] = side.placements;
      const text = `${meta.title}　第${side.sheet}张${side.side === 'front' ? '正面' : '反面'}（共${sheets}张）　左：第${l.page}页　右：第${r.page}页　印后按张序叠好、对折、在折线上骑马钉，再沿裁切线裁切三边；爬移补偿已做：最里一张的页面向书脊移了${imp.creepMm}毫米`;
      const y = imp.spread.y + imp.spread.h + bleed + MARK_OFFSET + MARK_LENGTH + mm(5);
      drawBoxes(doc, [note(text, Math.max(mm(5), (imp.width - m.width(text, 'sans', 7)) / 2), y)], images);
    }
  }
  return finish(doc);
}

/** The pages one by one, each trim plus bleed with TrimBox, BleedBox and crop marks. */
export function renderBookletPages(pages: readonly LaidPage[], bleedMm: number, meta: PdfMeta): Promise<Buffer> {
  return renderPosterPdf(pages, bleedMm, meta);
}
