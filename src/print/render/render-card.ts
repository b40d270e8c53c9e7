/**
 * One card job → its files: lay out both faces with the real fonts, impose them on a front
 * and a back sheet with the printer's notes, and draw a preview of the two faces from the
 * same boxes. Runs in a worker thread.
 */
import { mm } from '../layout/boxes.ts';
import type { CardJob } from '../jobs/card-job.ts';
import { layoutCard, type CardOverflow } from '../layout/card-layout.ts';
import { noteBoxes } from '../layout/card-notes.ts';
import { printRun } from '../jobs/card-job.ts';
import { fontMeasurer } from './fonts.ts';
import { previewPng, sideBySide, textBoxWidth } from './preview.ts';
import { renderCardSheetsPdf } from './render-pdf.ts';

export interface CardOutput {
  pdf: Uint8Array;
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
  const preview = await previewPng(sideBySide([laid.front, laid.back], mm(4)), textBoxWidth(m));
  return { pdf, preview, bodyPt: laid.bodyPt, ...(laid.overflow ? { overflow: laid.overflow } : {}) };
}
