/**
 * The type sizes of a board at a given body size. The template gives sizes at its design body
 * size; a board set larger or smaller keeps their proportions, with two rules a reader
 * relies on at a distance: nothing is set below the legibility floor (dates, tables and
 * captions included), and the hierarchy survives the scaling — a panel title stays larger
 * than an entry title, an entry title at least as large as a subheading, and that at least as
 * large as the body text.
 */
import type { BoardLayout } from './template-layout.ts';

export interface BoardTypeSizes {
  /** A panel's (栏目) title bar. */
  panel: number;
  /** An entry's title. */
  title: number;
  /** Section (■ aspect) and in-text headings. */
  heading: number;
  body: number;
  /** Table cells: a little smaller than the body, never below the floor. */
  table: number;
  /** Dates, 公示期 and captions. */
  meta: number;
  lineHeight: number;
}

/** A panel title is at least this much larger than an entry title, so the two never read as one level. */
const PANEL_OVER_TITLE = 1.15;

export function boardTypeSizes(L: BoardLayout, body: number, floor: number): BoardTypeSizes {
  const b = Math.max(floor, body);
  const r = b / L.body_pt;
  const heading = Math.max(b, L.heading_pt * r);
  const title = Math.max(heading, L.entry_title_pt * r);
  return {
    panel: Math.max(title * PANEL_OVER_TITLE, L.panel_title_pt * r),
    title,
    heading,
    body: b,
    table: Math.max(floor, b * 0.9),
    meta: Math.max(floor, Math.min(b, L.meta_pt * r)),
    lineHeight: L.line_height,
  };
}

/** The largest body size a board may grow to: the template's `body_max_pt` (default twice its body size), scaled with the board. */
export function maxBodyPt(L: BoardLayout, scale: number): number {
  return (L.body_max_pt ?? L.body_pt * 2) * scale;
}
