/**
 * The print files as the pages show them, from the build's print plan (SiteContext.printPlan,
 * typed by printPlanSchema): every file's path and every card sheet's quantity, known before
 * rendering, so the pages link the files while they are still being drawn. What only
 * rendering tells (pages, sha256, overflow) is in manifest.csv. In a sharded build every shard
 * has the whole plan, so every shard's pages are the same. Without a plan (the dev server) the
 * pages say the print files are not yet generated. A board or card with nothing to show today
 * has no file: the pages say it is empty instead of linking one.
 */
import type { JobTicket } from '../print/jobs/job-ticket.ts';
import type { PrintPlanView } from '../print/jobs/manifest.ts';
import type { QuoteSheet } from '../print/jobs/quote-sheet.ts';

export interface PrintedBoard {
  id: string;
  /** Site-relative paths, without a leading slash. */
  pdf: string;
  preview: string;
  /** The tile file (A3/A4 sheets for an office printer), for a board printed tiled. */
  tiles?: string;
}

export interface PrintedCard {
  unit: string;
  pdf: string;
  preview: string;
  /** The one-card file with bleed, for shops that impose themselves. */
  single?: string;
  /** Trim size (90×54), and how the sheet is imposed (A4竖放 8张). */
  trim: string;
  sheet: string;
  perSheet: number;
  households?: number;
  /** Sheets to print; undefined when the unit's households are not known. */
  sheets?: number;
}

/** A board or card sheet with nothing public to show today: no file, so nothing to link or print. */
export interface EmptyProduct {
  /** The board id, or the card's unit. */
  id: string;
  unitName: string;
  households?: number;
}

export interface PrintManifest {
  generated: string;
  /** The job ticket (deadline, contact, delivery, paper, installation). */
  job: JobTicket;
  /** The quote sheet of the run. */
  quote: QuoteSheet;
  /** Boards and card sheets to print (each has its file). */
  boards: Map<string, PrintedBoard>;
  cards: Map<string, PrintedCard>;
  /** Boards and card sheets left out of the print run: nothing to show on them today. */
  emptyBoards: Map<string, EmptyProduct>;
  emptyCards: Map<string, EmptyProduct>;
  /** Each town's zip and installation list, and the county's own units' (town: COUNTY_GROUP). */
  towns: { town: string; zip: string; install: string }[];
}

export function printView(plan: PrintPlanView | undefined): PrintManifest | undefined {
  if (!plan) return undefined;
  return {
    generated: plan.generated,
    job: plan.job,
    quote: plan.quote,
    towns: plan.towns ?? [],
    boards: new Map(plan.boards.map((b) => [b.id, { id: b.id, pdf: b.pdf, preview: b.preview, ...(plan.tiles?.[b.id] ? { tiles: plan.tiles[b.id] } : {}) }])),
    emptyBoards: new Map(plan.empty.boards.map((b) => [b.id, { id: b.id, unitName: b.unit_name }])),
    emptyCards: new Map(
      plan.empty.cards.map((c) => [c.unit, { id: c.unit, unitName: c.unit_name, ...(c.households === undefined ? {} : { households: c.households }) }]),
    ),
    cards: new Map(
      plan.cards.map((c) => [
        c.unit,
        {
          unit: c.unit,
          pdf: c.pdf,
          preview: c.preview,
          ...(c.single ? { single: c.single } : {}),
          trim: c.trim_mm,
          sheet: `${c.sheet}${c.landscape ? '横放' : '竖放'}`,
          perSheet: c.per_sheet,
          ...(c.households === undefined ? {} : { households: c.households }),
          ...(c.sheets === undefined ? {} : { sheets: c.sheets }),
        },
      ]),
    ),
  };
}
