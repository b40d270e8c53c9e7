/**
 * The pictures in the pull-request summary: every page of each product to reprint, drawn from
 * the head's own print file for the day it is printed (review-prints.ts), at a size where its
 * smallest body text is about 13 pixels high — readable, not a sketch.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Project } from '../domain/model.ts';
import type { ReprintRow } from '../review/release-diff.ts';
import { pageKey, type PreviewImage } from '../review/summary-markdown.ts';
import type { Log } from './log.ts';
import { pdfPageSizes, renderPdfPage } from './pdf-raster.ts';
import type { ReviewPrints } from './review-prints.ts';

export interface PreviewOptions {
  /** Where the PNGs are written. */
  out: string;
  /** Products previewed (the rest are counted), and pages per product. */
  maxProducts?: number;
  maxPages?: number;
}

/** The products to reprint on one day: today's list, or a later day's. */
export interface ReprintDay {
  date: string;
  /** Whether this is the summary's own day (its pictures keep their plain names). */
  today: boolean;
  rows: readonly ReprintRow[];
}

export interface ReprintPictures {
  previews: PreviewImage[];
  /** Pages of each product printed, by `pageKey` (continuation sheets are pages after the first). */
  pages: Map<string, number>;
  /** What the layout had to leave out or shorten on a product, by `pageKey`, in the build's words. */
  layout: Map<string, string[]>;
  leftOut: number;
}

const PREVIEW_TEXT_PX = 13;
const PREVIEW_MAX_PX = 3200;

/** The resolution a page is drawn at: its smallest body text about 13 px high, at most 3,200 px wide and 150 dpi. */
export const previewDpi = (bodyMinPt: number, pageWidthPt: number) => Math.min((PREVIEW_TEXT_PX / bodyMinPt) * 72, (PREVIEW_MAX_PX / pageWidthPt) * 72, 150);

export async function drawReprints(prints: ReviewPrints, head: Project, days: readonly ReprintDay[], o: PreviewOptions, log: Log): Promise<ReprintPictures> {
  const result: ReprintPictures = { previews: [], pages: new Map(), layout: new Map(), leftOut: 0 };
  const d = head.site.defaults;
  let budget = o.maxProducts ?? 6;
  for (const day of days) {
    const wanted = day.rows.filter((r) => r.change !== 'removed');
    const files = await prints.files(head, 'head', day.date, wanted);
    for (const r of wanted) {
      const file = files.get(`${r.kind}:${r.id}`);
      // Rows to print always have a file; a product with nothing to show is listed as removed, never drawn.
      if (!file) continue;
      const key = pageKey(day.date, r);
      if (file.layout.length) result.layout.set(key, file.layout);
      const sizes = await pdfPageSizes(file.pdf);
      result.pages.set(key, sizes.length);
      if (budget <= 0) {
        result.leftOut++;
        continue;
      }
      budget--;
      mkdirSync(o.out, { recursive: true });
      const bodyMinPt = r.kind === 'card' ? d.card_body_min_pt : d.board_body_min_pt;
      for (const [i, size] of sizes.slice(0, o.maxPages ?? 4).entries()) {
        const raster = await renderPdfPage(file.pdf, i + 1, previewDpi(bodyMinPt, size.width));
        const name = `${r.kind}-${r.id}${day.today ? '' : `-${day.date}`}-${i + 1}.png`;
        writeFileSync(join(o.out, name), raster.png());
        const label = r.kind === 'card' ? (i % 2 === 0 ? '正面' : '反面') : i === 0 ? '第1页' : `第${i + 1}页（续页）`;
        result.previews.push({ kind: r.kind, id: r.id, label, name, ...(day.today ? {} : { date: day.date }) });
      }
      log.info(`预览：${r.kind === 'board' ? '公开栏' : '明白卡'} ${r.id}（${day.date}，${sizes.length} 页）\n`);
    }
  }
  return result;
}
