/**
 * Imposing household cards N-up on a sheet, for long-edge duplex printing. Pure geometry in
 * points (origin top-left of the sheet); render-pdf draws it.
 *
 * Every card has its own bleed, so neighbours are kept at least two bleeds apart (the gutter)
 * and every cut line gets its own crop marks, drawn outside the bleed of the whole grid as on
 * the posters. The grid is centred, so the back of each card can land exactly behind it:
 * flipping a portrait sheet on its long edge swaps left and right (the back mirrors the
 * columns); flipping a landscape sheet on its long edge swaps top and bottom (the back
 * mirrors the rows).
 */
import type { CardSheet } from '../../domain/schema/template.ts';
import { mm } from './boxes.ts';
import { LayoutError } from './template-layout.ts';

export const SHEET_MM: Record<CardSheet, readonly [number, number]> = { A4: [210, 297], A3: [297, 420], SRA3: [320, 450] };

/** Crop marks start this far outside the bleed and are at most this long. */
const MARK_GAP_MM = 2;
const MARK_MAX_MM = 5;
const MARK_MIN_MM = 2;
/**
 * Crop marks keep this far from the sheet's edge: office printers cannot print the outer 3–7 mm
 * (and clip more on some models), and a mark that is not printed cannot be cut along. The sheet's
 * orientation and the number of cards on it are chosen so the marks have this room.
 */
export const MARK_EDGE_MM = 10;
/** The printer's notes keep clear of the sheet's edge by this much: office printers clip up to 5 mm, and a guillotine's clamp covers the edge. */
export const NOTE_EDGE_MM = 8;
/** One line of notes at their smallest size (5 pt × 1.35). */
const NOTE_LINE_MM = 2.5;
/** Between the notes and the crop marks. */
const NOTE_PAD_MM = 0.5;

export interface Slot {
  row: number;
  col: number;
  /** Top-left corner of the card's trim on the sheet. */
  x: number;
  y: number;
}

export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface Imposition {
  sheet: CardSheet;
  /** Sheet size in points, in the orientation that holds more cards. */
  width: number;
  height: number;
  landscape: boolean;
  rows: number;
  cols: number;
  cardW: number;
  cardH: number;
  bleed: number;
  gutter: number;
  /** Card i's front, and (same index) its back, placed to land behind it after a long-edge flip. */
  front: Slot[];
  back: Slot[];
  /** Crop marks: for every cut line, one short line beyond each end of the grid. */
  marks: Segment[];
  /** Free bands above and below the grid and its marks, for the printer's notes. */
  slugTop: { y: number; h: number };
  slugBottom: { y: number; h: number };
  /** Where the printer's notes may start from the sheet's edges (NOTE_EDGE_MM). */
  edge: number;
}

const fit = (avail: number, card: number, gutter: number) => Math.max(0, Math.floor((avail + gutter + 1e-6) / (card + gutter)));

export function impose(cardWmm: number, cardHmm: number, sheet: CardSheet, bleedMm: number, gutterMm: number): Imposition {
  if (gutterMm < 2 * bleedMm)
    throw new LayoutError(
      `明白卡之间的间距 ${gutterMm} 毫米小于两倍出血（${2 * bleedMm} 毫米），相邻卡片的出血会印到对方卡上。请把 site.yaml 中 defaults.card_gutter_mm 改为 ${2 * bleedMm} 或更大。`,
    );
  const [a, b] = SHEET_MM[sheet];
  // Outside the outer trim edges: the bleed, the gap, the shortest useful mark, the margin a mark keeps from the edge.
  const minMargin = bleedMm + MARK_GAP_MM + MARK_MIN_MM + MARK_EDGE_MM;
  // Above and below the grid the printer's notes need a line at least, NOTE_EDGE_MM from the edge, outside the marks.
  const minMarginY = bleedMm + MARK_GAP_MM + MARK_MIN_MM + Math.max(MARK_EDGE_MM, NOTE_PAD_MM + NOTE_LINE_MM + NOTE_EDGE_MM);
  let best: { w: number; h: number; cols: number; rows: number; landscape: boolean } | undefined;
  for (const [w, h, landscape] of [
    [a, b, false],
    [b, a, true],
  ] as const) {
    const cols = fit(w - 2 * minMargin, cardWmm, gutterMm);
    const rows = fit(h - 2 * minMarginY, cardHmm, gutterMm);
    // Ties go to portrait: the orientation printers and their dialogs assume.
    if (!best || cols * rows > best.cols * best.rows) best = { w, h, cols, rows, landscape };
  }
  if (!best || best.cols * best.rows === 0)
    throw new LayoutError(
      `明白卡 ${cardWmm}×${cardHmm} 毫米加出血和裁切线放不进一张 ${sheet}（${a}×${b} 毫米）纸。请在明白卡模板中写 sheet: A3 或 SRA3，或在 site.yaml 中改 defaults.card_sheet。`,
    );

  const W = mm(best.w);
  const H = mm(best.h);
  const cw = mm(cardWmm);
  const ch = mm(cardHmm);
  const g = mm(gutterMm);
  const bl = mm(bleedMm);
  const { cols, rows, landscape } = best;
  const gridW = cols * cw + (cols - 1) * g;
  const gridH = rows * ch + (rows - 1) * g;
  const x0 = (W - gridW) / 2;
  const y0 = (H - gridH) / 2;
  const front: Slot[] = [];
  const back: Slot[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const x = x0 + c * (cw + g);
      const y = y0 + r * (ch + g);
      front.push({ row: r, col: c, x, y });
      // Mirror about the axis the sheet turns on; the grid is centred, so this is again a slot.
      back.push(landscape ? { row: rows - 1 - r, col: c, x, y: H - y - ch } : { row: r, col: cols - 1 - c, x: W - x - cw, y });
    }
  }

  const gap = mm(MARK_GAP_MM);
  const lenX = Math.min(mm(MARK_MAX_MM), x0 - bl - gap - mm(MARK_EDGE_MM));
  // Above and below, the marks leave a line for the notes between them and the notes' edge.
  const lenY = Math.max(mm(MARK_MIN_MM), Math.min(mm(MARK_MAX_MM), y0 - bl - gap - mm(Math.max(MARK_EDGE_MM, NOTE_PAD_MM + NOTE_LINE_MM + NOTE_EDGE_MM))));
  const marks: Segment[] = [];
  const cutsX = Array.from({ length: cols }, (_, c) => [x0 + c * (cw + g), x0 + c * (cw + g) + cw]).flat();
  const cutsY = Array.from({ length: rows }, (_, r) => [y0 + r * (ch + g), y0 + r * (ch + g) + ch]).flat();
  const top = y0 - bl - gap;
  const bottom = y0 + gridH + bl + gap;
  const left = x0 - bl - gap;
  const right = x0 + gridW + bl + gap;
  for (const x of cutsX) marks.push({ x1: x, y1: top, x2: x, y2: top - lenY }, { x1: x, y1: bottom, x2: x, y2: bottom + lenY });
  for (const y of cutsY) marks.push({ x1: left, y1: y, x2: left - lenX, y2: y }, { x1: right, y1: y, x2: right + lenX, y2: y });

  const pad = mm(NOTE_PAD_MM);
  const noteEdge = mm(NOTE_EDGE_MM);
  return {
    sheet,
    width: W,
    height: H,
    landscape,
    rows,
    cols,
    cardW: cw,
    cardH: ch,
    bleed: bl,
    gutter: g,
    front,
    back,
    marks,
    slugTop: { y: noteEdge, h: Math.max(0, top - lenY - pad - noteEdge) },
    slugBottom: { y: bottom + lenY + pad, h: Math.max(0, H - noteEdge - (bottom + lenY + pad)) },
    edge: noteEdge,
  };
}

/** Sheets to print: enough for every household, plus the spare percentage for spoilage (rounded up). */
export function sheetsFor(households: number, perSheet: number, sparePercent: number): number {
  const base = Math.ceil(households / perSheet);
  return base + Math.ceil((base * sparePercent) / 100);
}
