/**
 * `npm run bench -- --only boards`: lays out every board of the demo county (no PDF) and
 * reports how they fill their one sheet — sheets per board, blank share of the content columns
 * (median, worst, how many ≥ 40 %), the smallest text against the floor, what was shortened —
 * and names the ten fullest and ten emptiest boards to look at.
 */
import type { Project } from '../../src/domain/model.ts';
import { boardColumns } from '../../src/print/layout/layout-board.ts';
import { minTextPt, sheetFill } from '../../src/print/layout/fill-figures.ts';
import { fontMeasurer } from '../../src/print/render/fonts.ts';
import { layoutJob } from '../../src/print/render/render-board.ts';
import { planPrint } from '../../src/print/run/pipeline.ts';

export interface BoardFillRow {
  id: string;
  size: string;
  sheets: number;
  blank: number;
  bodyPt: number;
  minTextPt: number;
  floorPt: number;
  shortened: number;
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
}

export function boardFill(project: Project, today: string): BoardFill {
  const plan = planPrint({ project, outDir: '', today, cacheDir: '', cards: false });
  const m = fontMeasurer();
  const rows: BoardFillRow[] = [];
  const started = performance.now();
  for (const job of plan.jobs) {
    const laid = layoutJob(job, m);
    // The columns depend on the frame and the number of panels, not on what is in them.
    const cols = boardColumns({ ...job, bleedPt: 0, panels: job.panels.map((p) => ({ ...p, sections: [] })) }, m);
    const fill = sheetFill(laid.pages[0]!, cols);
    rows.push({
      id: job.boardId,
      size: `${job.widthMm}×${job.heightMm}`,
      sheets: laid.pages.length,
      blank: fill.blank,
      bodyPt: laid.bodyPt,
      minTextPt: Math.min(...laid.pages.map(minTextPt)),
      floorPt: job.bodyMinPt,
      shortened: laid.shortened?.length ?? 0,
    });
  }
  const ms = performance.now() - started;
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
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function boardFillReport(f: BoardFill): string {
  const line = (r: BoardFillRow) =>
    `  ${r.id}（${r.size}）空白 ${pct(r.blank)}，正文 ${r.bodyPt} 磅，${r.sheets} 张${r.shortened ? `，精简 ${r.shortened} 条` : ''}`;
  return [
    `公开栏 ${f.boards} 块：多于一张的 ${f.multiSheet} 块；内容区空白中位数 ${pct(f.blankMedian)}，最多 ${pct(f.blankWorst)}，空白 ≥ 40% 的 ${f.blank40} 块；`,
    `有文字小于最小字号的 ${f.underFloor} 块；为排在一张上做了精简的 ${f.shortenedBoards} 块；排版每块 ${f.layoutMsPerBoard.toFixed(0)} 毫秒。`,
    '最满的十块：',
    ...f.fullest.map(line),
    '最空的十块：',
    ...f.emptiest.map(line),
  ].join('\n');
}
