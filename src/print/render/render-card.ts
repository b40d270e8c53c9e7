/**
 * One card job → its files: lay out both faces with the real fonts, impose them on a front
 * and a back sheet with the printer's notes, and draw a preview of the two faces from the
 * same boxes; and the single card with its bleed, for shops that impose themselves. Runs in a
 * worker thread.
 */
import { mm } from '../layout/boxes.ts';
import type { CardJob } from '../jobs/card-job.ts';
import { layoutCard, type CardOverflow } from '../layout/card-layout.ts';
import { noteBoxes } from '../layout/card-notes.ts';
import { printRun } from '../jobs/card-job.ts';
import { fontMeasurer } from './fonts.ts';
import { previewPng, sideBySide, textBoxWidth } from './preview.ts';
import { renderCardSheetsPdf, renderPosterPdf } from './render-pdf.ts';

export interface CardOutput {
  pdf: Uint8Array;
  /** One card with its bleed, front then back (TrimBox = the card), for a shop that imposes itself. */
  single: Uint8Array;
  preview: Uint8Array;
  bodyPt: number;
  overflow?: CardOverflow;
}

export async function renderCard(job: CardJob): Promise<CardOutput> {
  const m = fontMeasurer();
  // The job carries the whole layout spec; only the bleed is still in millimetres.
  const laid = layoutCard({ ...job, bleedPt: mm(job.bleedMm) }, m);
  const imp = job.imposition;
  const notes = { front: noteBoxes(imp, job.notes.front, m), back: noteBoxes(imp, job.notes.back, m) };
  const subject = `明白卡（成品${job.widthMm}×${job.heightMm}毫米，${imp.sheet}纸每张${imp.front.length}张，双面打印长边翻转）${printRun(job)}`;
  const pdf = await renderCardSheetsPdf(imp, laid, notes, {
    title: `${job.unitName}明白卡`,
    author: job.unitName,
    subject,
    date: job.date,
    intent: job.intent,
  });
  // A sheet's TrimBox can only be the sheet; a shop that imposes with its own software needs the card's.
  const single = await renderPosterPdf([laid.front, laid.back], job.bleedMm, {
    title: `${job.unitName}明白卡（单张）`,
    author: job.unitName,
    subject: `明白卡单张（成品${job.widthMm}×${job.heightMm}毫米，出血${job.bleedMm}毫米；第1页正面，第2页背面）`,
    date: job.date,
    intent: job.intent,
  });
  const preview = await previewPng(sideBySide([laid.front, laid.back], mm(4)), textBoxWidth(m));
  return { pdf, single, preview, bodyPt: laid.bodyPt, ...(laid.overflow ? { overflow: laid.overflow } : {}) };
}
