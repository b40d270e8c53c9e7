/**
 * One board job → its files: lay out with the real fonts, render the PDF (and the tiled
 * version when asked), and the preview PNG from the same boxes. Runs in a worker thread.
 */
import { mm } from '../layout/boxes.ts';
import { imageFileOf, type BoardJob } from '../jobs/board-job.ts';
import { lineEndHang } from '../layout/cjk-lines.ts';
import { layoutBoard, type BoardResult, type Overflow, type Shortening } from '../layout/layout-board.ts';
import type { Measurer } from '../layout/measurer.ts';
import { entryBlocks } from '../layout/entry-blocks.ts';
import { imagesOnDisk } from '../jobs/entry-images.ts';
import { fontMeasurer } from './fonts.ts';
import { previewPng, sideBySide, textBoxWidth } from './preview.ts';
import { renderPosterPdf, renderTilesPdf } from './render-pdf.ts';

export interface BoardOutput {
  pdf: Uint8Array;
  tiles?: Uint8Array;
  preview: Uint8Array;
  pages: number;
  /** Sheets to print: pages, or tile sheets when tiled. */
  sheets: number;
  bodyPt: number;
  overflow?: Overflow;
  shortened?: Shortening[];
}

/** The job's boxes (pure layout with the real fonts' widths); also used by the fill figures of the bench. */
export function layoutJob(job: BoardJob, m: Measurer = fontMeasurer()): BoardResult {
  const panels = job.panels.map((p) => ({
    title: p.title,
    sections: p.sections.map((s) => ({
      heading: s.heading,
      entries: s.entries.map((e) => ({
        id: e.id,
        title: e.title,
        meta: e.meta,
        date: e.date,
        url: e.url,
        ...(e.summary ? { summary: e.summary } : {}),
        ...(e.finished ? { finished: true } : {}),
        ...(e.older ? { older: true } : {}),
        blocks: entryBlocks(e.body, imagesOnDisk(imageFileOf(e))),
      })),
    })),
  }));
  return layoutBoard(
    {
      widthMm: job.widthMm,
      heightMm: job.heightMm,
      title: job.title,
      layout: job.layout,
      scale: job.scale,
      panels,
      footer: job.footer,
      qrUrl: job.qrUrl,
      releaseMark: job.releaseMark,
      ask: job.ask,
      bodyMinPt: job.bodyMinPt,
      bleedPt: mm(job.bleedMm),
      ...(job.continuation ? { continuation: true } : {}),
    },
    m,
  );
}

export async function renderBoard(job: BoardJob): Promise<BoardOutput> {
  const m = fontMeasurer();
  const laid = layoutJob(job, m);
  const meta = {
    title: job.title,
    author: job.unitName,
    subject: `${job.unitName}党务公开栏（${job.widthMm}×${job.heightMm}毫米）`,
    date: job.date,
    intent: job.intent,
  };
  const pdf = await renderPosterPdf(laid.pages, job.bleedMm, meta);
  const tiles = job.tile ? await renderTilesPdf(laid.pages, job.tile, meta) : undefined;
  // The grey bar of a line covers its ink: a hanging closing mark's empty half is not ink.
  const boxWidth = textBoxWidth(m);
  // Every sheet of a board with continuation sheets, side by side: the preview shows the whole job.
  const shown = laid.pages.length > 1 ? sideBySide(laid.pages, mm(40)) : laid.pages[0]!;
  const preview = await previewPng(shown, (b) => boxWidth(b) - lineEndHang(b.text, m, b.face, b.size));
  return {
    pdf,
    ...(tiles ? { tiles: tiles.pdf } : {}),
    preview,
    pages: laid.pages.length,
    sheets: tiles ? tiles.sheets : laid.pages.length,
    bodyPt: laid.bodyPt,
    ...(laid.overflow ? { overflow: laid.overflow } : {}),
    ...(laid.shortened ? { shortened: laid.shortened } : {}),
  };
}
