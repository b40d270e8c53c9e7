/**
 * `npm run bench -- --only boards`: lays out every board of the demo county and reports how they
 * fill their one sheet — sheets per board, blank share of the content columns (median, worst,
 * how many ≥ 40 %), the smallest text against the floor, what was shortened — and the holes:
 * the largest empty rectangle inside the trim after a 5 mm dilation of the ink at 10 dpi, as a
 * share of the trim (the limit is 8 %), measured on every board's PDF as drawn by PDF.js
 * (src/pipeline/board-holes.ts), beside the layout's own estimate from its boxes. Names the
 * ten fullest and ten emptiest boards, and the boards with the largest holes, to look at.
 */
import type { Project } from '../../src/domain/model.ts';
import { boardColumns } from '../../src/print/layout/layout-board.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { boardHoles } from '../../src/pipeline/board-holes.ts';
import { layoutHoles, minTextPt, sheetFill } from '../../src/print/layout/fill-figures.ts';
import { textBoxWidth } from '../../src/print/render/preview.ts';
import { fontMeasurer } from '../../src/print/render/fonts.ts';
import { layoutJob } from '../../src/print/render/render-board.ts';
import { planPrint, runPrint } from '../../src/print/run/print-stage.ts';

export interface BoardFillRow {
  id: string;
  size: string;
  sheets: number;
  blank: number;
  bodyPt: number;
  minTextPt: number;
  floorPt: number;
  shortened: number;
  /** Largest hole, from the laid-out boxes and (when measured) from the PDF. */
  holeLayout: number;
  hole?: number;
  holeRect?: { x: number; y: number; w: number; h: number };
}

export interface BoardFill {
  boards: number;
  multiSheet: number;
  blankMedian: number;
  blankWorst: number;
  blank40: number;
  underFloor: number;
  shortenedBoards: number;
  layoutMsPerBoard: number;
  fullest: BoardFillRow[];
  emptiest: BoardFillRow[];
  /** Holes measured on the PDFs (every board), and from the layout's boxes. */
  holes: { median: number; worst: number; over8: number; layoutMedian: number; layoutWorst: number; msPerBoard: number; largest: BoardFillRow[] };
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? 0;

export async function boardFill(project: Project, today: string): Promise<BoardFill> {
  const plan = planPrint({ project, outDir: '', today, cacheDir: '', cards: false });
  const m = fontMeasurer();
  const rows: BoardFillRow[] = [];
  const started = performance.now();
  for (const job of plan.jobs) {
    const laid = layoutJob(job, m);
    // The columns depend on the frame and the number of panels, not on what is in them.
    const cols = boardColumns({ ...job, bleedPt: 0, panels: job.panels.map((p) => ({ ...p, sections: [] })) }, m);
    const fill = sheetFill(laid.pages[0]!, cols);
    const holeLayout = layoutHoles(laid.pages[0]!, textBoxWidth(m)).largest;
    rows.push({
      id: job.boardId,
      size: `${job.widthMm}×${job.heightMm}`,
      sheets: laid.pages.length,
      blank: fill.blank,
      bodyPt: laid.bodyPt,
      minTextPt: Math.min(...laid.pages.map(minTextPt)),
      floorPt: job.bodyMinPt,
      shortened: laid.shortened?.length ?? 0,
      holeLayout,
    });
  }
  const ms = performance.now() - started;
  // The print shop's measure: every board printed, each PDF drawn at 10 dpi.
  const out = mkdtempSync(join(tmpdir(), 'gongkai-bench-holes-'));
  let holeMs = 0;
  try {
    const { manifest } = await runPrint({ project, outDir: out, today, cacheDir: join(out, 'cache'), index: false, cards: false, log: () => {} });
    const byId = new Map(rows.map((r) => [r.id, r]));
    const t = performance.now();
    for (const b of manifest.boards) {
      const h = await boardHoles(join(out, b.pdf));
      Object.assign(byId.get(b.id)!, { hole: h.largest, holeRect: h.rect });
    }
    holeMs = (performance.now() - t) / Math.max(1, manifest.boards.length);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  const measured = rows.filter((r) => r.hole !== undefined);
  rows.sort((a, b) => a.blank - b.blank);
  return {
    boards: rows.length,
    multiSheet: rows.filter((r) => r.sheets > 1).length,
    blankMedian: rows[Math.floor((rows.length - 1) / 2)]?.blank ?? 0,
    blankWorst: rows.at(-1)?.blank ?? 0,
    blank40: rows.filter((r) => r.blank >= 0.4).length,
    underFloor: rows.filter((r) => r.minTextPt < r.floorPt - 1e-6).length,
    shortenedBoards: rows.filter((r) => r.shortened > 0).length,
    layoutMsPerBoard: ms / Math.max(1, rows.length),
    fullest: rows.slice(0, 10),
    emptiest: rows.slice(-10).reverse(),
    holes: {
      median: median(measured.map((r) => r.hole!)),
      worst: Math.max(0, ...measured.map((r) => r.hole!)),
      over8: measured.filter((r) => r.hole! > 0.08).length,
      layoutMedian: median(rows.map((r) => r.holeLayout)),
      layoutWorst: Math.max(0, ...rows.map((r) => r.holeLayout)),
      msPerBoard: holeMs,
      largest: [...measured].sort((a, b) => b.hole! - a.hole!).slice(0, 10),
    },
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function boardFillReport(f: BoardFill): string {
  const line = (r: BoardFillRow) =>
    `  ${r.id}（${r.size}）空白 ${pct(r.blank)}，正文 ${r.bodyPt} 磅，${r.sheets} 张${r.shortened ? `，精简 ${r.shortened} 条` : ''}`;
  return [
    `公开栏 ${f.boards} 块：多于一张的 ${f.multiSheet} 块；内容区空白中位数 ${pct(f.blankMedian)}，最多 ${pct(f.blankWorst)}，空白 ≥ 40% 的 ${f.blank40} 块；`,
    `有文字小于最小字号的 ${f.underFloor} 块；为排在一张上做了精简的 ${f.shortenedBoards} 块；排版每块 ${f.layoutMsPerBoard.toFixed(0)} 毫秒。`,
    `最大空洞（成品内、墨迹外扩 5 毫米后最大的空白矩形，按 PDF 以 10 dpi 量，上限 8%）：中位数 ${pct(f.holes.median)}，最大 ${pct(f.holes.worst)}，超过 8% 的 ${f.holes.over8} 块` +
      `（版面估计：中位数 ${pct(f.holes.layoutMedian)}，最大 ${pct(f.holes.layoutWorst)}；量一块 ${f.holes.msPerBoard.toFixed(0)} 毫秒）。空洞最大的十块：`,
    ...f.holes.largest.map((r) => `  ${r.id}（${r.size}）${pct(r.hole!)}：${r.holeRect!.w}×${r.holeRect!.h} 毫米，在 (${r.holeRect!.x}, ${r.holeRect!.y})`),
    '最满的十块：',
    ...f.fullest.map(line),
    '最空的十块：',
    ...f.emptiest.map(line),
  ].join('\n');
}
