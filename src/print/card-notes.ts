/**
 * The printer's notes in the slug of a card sheet, in Chinese: what the file is, how many
 * sheets to print, how to print it (long-edge duplex, actual size) and where to cut. They are
 * outside every card's bleed, so they are trimmed off with the margins.
 */
import { BLACK, type Box } from './boxes.ts';
import type { CardJob } from './card-job.ts';
import type { Imposition } from './card-imposition.ts';
import { breakLines } from './cjk-lines.ts';
import { EM_ASCENT } from './flow.ts';
import type { Measurer } from './measurer.ts';

/** Notes are for the print shop, read at arm's length; they may shrink to this to fit the slug. */
const NOTE_PT = 7;
const NOTE_MIN_PT = 5;

/** The print run as one phrase, for the notes and the PDF's subject. */
export function printRun(job: Pick<CardJob, 'households' | 'sheets' | 'sparePercent' | 'imposition'>): string {
  const n = job.imposition.front.length;
  if (job.households === undefined || job.sheets === undefined) return `印数：未填写户数（units.yaml 的 households），请按户数计算，每张纸${n}张卡`;
  return `印数：${job.sheets}张纸（${job.households}户，每张纸${n}张卡，另加备用${job.sparePercent}%）`;
}

export function cardNotes(job: Omit<CardJob, 'notes'>): { front: string[]; back: string[] } {
  const imp = job.imposition;
  const sheet = `${imp.sheet}纸${imp.landscape ? '横放' : '竖放'}`;
  const run = printRun(job);
  return {
    front: [
      `${job.unitName}明白卡　第1页：正面　成品${job.widthMm}×${job.heightMm}毫米，出血${job.bleedMm}毫米，${sheet}，每张${imp.front.length}张卡　${run}`,
      '印法：双面打印，选“长边翻转”；按实际大小（100%）打印，不要选“适合页面”。先印一张，对着光看正反面是否对齐，再印全部。',
      `裁法：沿卡片外侧的裁切线裁切，每条裁切线都要切；相邻卡片之间留有${job.gutterMm}毫米，要切两刀，中间的窄条不要。`,
    ],
    back: [`${job.unitName}明白卡　第2页：反面（已按“长边翻转”排好，每张卡的反面正好在它的正面背后）　${run}`],
  };
}

/**
 * The notes as text boxes: below the grid first, then above it, at 7 pt or smaller (never
 * below 5 pt), run together if need be, until they fit. A sheet without room for them is a
 * layout bug, so it throws.
 */
export function noteBoxes(imp: Imposition, notes: readonly string[], m: Measurer): Box[] {
  const width = imp.width - 2 * imp.edge;
  // Each note on lines of its own if there is room; on a narrow slug, run together.
  const tries = [notes, [notes.join('　')]].flatMap((texts) => Array.from({ length: (NOTE_PT - NOTE_MIN_PT) * 2 + 1 }, (_, i) => ({ texts, size: NOTE_PT - i / 2 })));
  for (const { texts, size } of tries) {
    const lh = size * 1.35;
    const lines = texts.flatMap((n) => breakLines(n, m, { face: 'sans', size, width, justify: false }));
    const below = Math.floor(imp.slugBottom.h / lh);
    const above = Math.floor(imp.slugTop.h / lh);
    if (lines.length > below + above) continue;
    // What does not fit below starts above (read first), bottom-aligned against the marks.
    const boxes: Box[] = [];
    const over = lines.slice(0, Math.max(0, lines.length - below));
    const under = lines.slice(over.length);
    under.forEach((l, i) => boxes.push(noteBox(imp.edge, imp.slugBottom.y + i * lh, l.text, size, lh)));
    const overTop = imp.slugTop.y + imp.slugTop.h - over.length * lh;
    over.forEach((l, i) => boxes.push(noteBox(imp.edge, overTop + i * lh, l.text, size, lh)));
    return boxes;
  }
  throw new Error(`${imp.sheet} 纸上没有放印刷说明的地方（边距太小）`);
}

const noteBox = (x: number, top: number, text: string, size: number, lh: number): Box => ({ kind: 'text', x, y: top + (lh - size) / 2 + EM_ASCENT * size, text, face: 'sans', size, spacing: 0, color: BLACK });
