/**
 * Saddle-stitch imposition of the A5 booklet: sheets folded once and nested, stapled on the
 * fold. With n pages (a multiple of 4) there are n/4 sheets; sheet k (1 = outermost) carries
 * pages n−2k+2 | 2k−1 on its front and 2k | n−2k+1 on its back (left | right), so the folded
 * stack reads 1, 2, …, n.
 *
 * Two sheets are offered:
 * - A4 landscape (297×210): a spread of two A5 pages is 296×210, so an office printer prints it
 *   duplex (flip on the short edge), and the sheet folded in half is the booklet; no bleed, no
 *   trimming (the pages keep their margins).
 * - A3 landscape (420×297): the spread with its bleed on the outer edges, crop marks and fold
 *   marks outside it, for a print shop that trims after stapling.
 *
 * Creep (爬移): nested sheets push the inner ones outwards by about one paper thickness per
 * sheet, so after trimming the inner pages would lose outer margin. Each page of sheet k is
 * moved towards the fold by (k−1) × thickness; the job ticket states the figures.
 */
import { mm } from '../print/layout/boxes.ts';

export type BookletSheet = 'A4' | 'A3';

export interface Placement {
  /** 1-based page number. */
  page: number;
  /** Where the page's trim box goes on the sheet, in points. */
  x: number;
  y: number;
  /** The page's content is drawn moved by this much along x (creep: towards the fold). */
  shift: number;
  /** What of the page is drawn: its trim box, plus the bleed on the edges that are trimmed. */
  clip: { x: number; y: number; w: number; h: number };
}

export interface ImposedSide {
  sheet: number;
  side: 'front' | 'back';
  placements: [Placement, Placement];
}

export interface Imposition {
  sheet: BookletSheet;
  width: number;
  height: number;
  sides: ImposedSide[];
  /** The spread's trim box on the sheet (for crop and fold marks). */
  spread: { x: number; y: number; w: number; h: number };
  /** Creep of the innermost sheet, in mm. */
  creepMm: number;
}

/** Page pairs in sheet order: [left, right] of each side. */
export function saddleOrder(pages: number): { sheet: number; side: 'front' | 'back'; left: number; right: number }[] {
  if (pages % 4 !== 0 || pages < 4) throw new Error(`a saddle-stitched booklet has a multiple of 4 pages, not ${pages}`);
  const out: { sheet: number; side: 'front' | 'back'; left: number; right: number }[] = [];
  for (let k = 1; k <= pages / 4; k++) {
    out.push({ sheet: k, side: 'front', left: pages - 2 * k + 2, right: 2 * k - 1 });
    out.push({ sheet: k, side: 'back', left: 2 * k, right: pages - 2 * k + 1 });
  }
  return out;
}

const SHEETS: Record<BookletSheet, { w: number; h: number }> = { A4: { w: mm(297), h: mm(210) }, A3: { w: mm(420), h: mm(297) } };

export function imposeBooklet(pageW: number, pageH: number, pages: number, sheet: BookletSheet, bleedMm: number, paperUm: number): Imposition {
  const { w, h } = SHEETS[sheet];
  const spread = { x: (w - 2 * pageW) / 2, y: (h - pageH) / 2, w: 2 * pageW, h: pageH };
  if (spread.x < 0 || spread.y < 0) throw new Error(`an A5 spread does not fit on ${sheet}`);
  // Office sheets are not trimmed: no bleed. A print shop's are: bleed on the three outer edges.
  const b = sheet === 'A4' ? 0 : mm(bleedMm);
  const t = mm(paperUm / 1000);
  const sides = saddleOrder(pages).map(({ sheet: k, side, left, right }): ImposedSide => {
    const creep = (k - 1) * t;
    return {
      sheet: k,
      side,
      placements: [
        { page: left, x: spread.x, y: spread.y, shift: creep, clip: { x: spread.x - b, y: spread.y - b, w: pageW + b, h: pageH + 2 * b } },
        { page: right, x: spread.x + pageW, y: spread.y, shift: -creep, clip: { x: spread.x + pageW, y: spread.y - b, w: pageW + b, h: pageH + 2 * b } },
      ],
    };
  });
  return { sheet, width: w, height: h, sides, spread, creepMm: Math.round((((pages / 4 - 1) * paperUm) / 1000) * 100) / 100 };
}
