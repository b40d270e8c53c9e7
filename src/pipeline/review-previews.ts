/**
 * The pictures in the pull-request summary: each product to reprint, rendered from the head's
 * content on the day it is to be printed — today's list on the summary's day, a later list on
 * its own day — with the real print code, into a temporary folder. Nothing is taken from a
 * build's output folder, which may hold another commit or another day.
 *
 * The print cache is the fast path: a product is rendered only when no file with its exact
 * print key (content, layout, images, print code and fonts — src/print/jobs/render-key.ts) is
 * cached, so after `npm run build` on the same day the summary renders nothing again. Rendering
 * runs in this thread, so the fonts are parsed once for all products.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Project } from '../domain/model.ts';
import { PrintCache } from '../print/run/cache.ts';
import type { BoardOutput } from '../print/render/render-board.ts';
import type { ReprintRow } from '../review/release-diff.ts';
import { pageKey, type PreviewImage } from '../review/summary-markdown.ts';
import type { Log } from './log.ts';
import { pdfPageSizes, renderPdfPage } from './pdf-raster.ts';

export interface PreviewOptions {
  /** Where the PNGs are written. */
  out: string;
  /** The print cache (.cache/print): rendered files are taken from it and added to it. */
  cacheDir: string;
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

export interface ReprintPreviews {
  previews: PreviewImage[];
  /** Pages of each product printed, by `pageKey` (continuation sheets are pages after the first). */
  pages: Map<string, number>;
  /** What the layout had to leave out or shorten on a product, by `pageKey`, in the build's words. */
  layout: Map<string, string[]>;
  leftOut: number;
}

const PREVIEW_TEXT_PX = 13;
const PREVIEW_MAX_PX = 3200;

export async function drawReprints(project: Project, days: readonly ReprintDay[], o: PreviewOptions, log: Log): Promise<ReprintPreviews> {
  const { overflowReport, runPrint } = await import('../print/run/pipeline.ts');
  const result: ReprintPreviews = { previews: [], pages: new Map(), layout: new Map(), leftOut: 0 };
  let budget = o.maxProducts ?? 6;
  const cache = new PrintCache(o.cacheDir);
  const work = mkdtempSync(join(tmpdir(), 'gongkai-review-'));
  try {
    for (const day of days) {
      const wanted = day.rows.filter((r) => r.change !== 'removed');
      const drawn = wanted.slice(0, Math.max(0, budget));
      result.leftOut += wanted.length - drawn.length;
      budget -= drawn.length;
      // Boards not drawn: their page count is known when the build already rendered them (same key).
      for (const r of wanted.slice(drawn.length)) {
        const pages = r.kind === 'board' ? cache.get<BoardOutput>(r.key)?.pages : undefined;
        if (pages) result.pages.set(pageKey(day.date, r), pages);
      }
      if (drawn.length === 0) continue;
      const outDir = join(work, day.date);
      const boards = drawn.filter((r) => r.kind === 'board').map((r) => r.id);
      const units = drawn.filter((r) => r.kind === 'card').map((r) => r.id);
      const printed = await runPrint({
        project,
        outDir,
        today: day.date,
        cacheDir: o.cacheDir,
        index: false,
        threads: 1,
        log: () => {},
        ...(boards.length ? { boards } : {}),
        ...(units.length ? { units } : {}),
      });
      for (const r of drawn) {
        const only = {
          generated: day.date,
          boards: printed.manifest.boards.filter((b) => r.kind === 'board' && b.id === r.id),
          cards: printed.manifest.cards.filter((c) => r.kind === 'card' && c.unit === r.id),
        };
        const notes = overflowReport(only);
        if (notes.length) result.layout.set(pageKey(day.date, r), notes);
        await drawPages(join(outDir, r.file), r, day, project, o, result);
        log.info(`预览：${r.kind === 'board' ? '公开栏' : '明白卡'} ${r.id}（${day.date}，${result.pages.get(pageKey(day.date, r))} 页）\n`);
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return result;
}

/**
 * Every page of a product, at a size where its smallest body text is about 13 pixels high —
 * readable, not a sketch.
 */
async function drawPages(pdf: string, r: ReprintRow, day: ReprintDay, project: Project, o: PreviewOptions, result: ReprintPreviews): Promise<void> {
  const d = project.site.defaults;
  const bodyMinPt = r.kind === 'card' ? d.card_body_min_pt : d.board_body_min_pt;
  const sizes = await pdfPageSizes(pdf);
  result.pages.set(pageKey(day.date, r), sizes.length);
  mkdirSync(o.out, { recursive: true });
  for (const [i, size] of sizes.slice(0, o.maxPages ?? 4).entries()) {
    const dpi = Math.min((PREVIEW_TEXT_PX / bodyMinPt) * 72, (PREVIEW_MAX_PX / size.width) * 72, 150);
    const raster = await renderPdfPage(pdf, i + 1, dpi);
    const name = `${r.kind}-${r.id}${day.today ? '' : `-${day.date}`}-${i + 1}.png`;
    writeFileSync(join(o.out, name), raster.png());
    const label = r.kind === 'card' ? (i % 2 === 0 ? '正面' : '反面') : i === 0 ? '第1页' : `第${i + 1}页（续页）`;
    result.previews.push({ kind: r.kind, id: r.id, label, name, ...(day.today ? {} : { date: day.date }) });
  }
}
