/**
 * Which board template lays out a board: its own when the size matches; otherwise whichever
 * board template (its own included) is nearest in size, scaled to fit the board — the print
 * engine lays it out so (print/layout/template-layout.ts), and `check` tells in advance what
 * that scale does to the type and the QR code (rules/board-size-rules.ts).
 */
import type { Board } from './schema/board.ts';
import type { Template } from './schema/template.ts';

export interface NearestTemplate {
  id: string;
  template: Template;
  /** Factor applied to the template's sizes for this board (1 when a template has its size). */
  scale: number;
  /** A template has exactly the board's size. */
  exact: boolean;
}

/** How far apart two sizes are, independent of scale: log-ratio distance of both sides. */
const distance = (w1: number, h1: number, w2: number, h2: number) => Math.hypot(Math.log(w1 / w2), Math.log(h1 / h2));

export function nearestTemplate(
  board: Pick<Board, 'template' | 'width_mm' | 'height_mm'>,
  templates: ReadonlyMap<string, Template>,
): NearestTemplate | undefined {
  const own = templates.get(board.template);
  if (own && own.kind === 'board' && own.width_mm === board.width_mm && own.height_mm === board.height_mm)
    return { id: board.template, template: own, scale: 1, exact: true };
  const boards = [...templates].filter(([, t]) => t.kind === 'board');
  const exact = boards.find(([, t]) => t.width_mm === board.width_mm && t.height_mm === board.height_mm);
  if (exact) return { id: exact[0], template: exact[1], scale: 1, exact: true };
  let best: [string, Template] | undefined;
  for (const entry of boards) {
    const [, t] = entry;
    if (
      !best ||
      distance(board.width_mm, board.height_mm, t.width_mm, t.height_mm) <
        distance(board.width_mm, board.height_mm, best[1].width_mm, best[1].height_mm) - 1e-9 ||
      (entry[0] === board.template &&
        distance(board.width_mm, board.height_mm, t.width_mm, t.height_mm) <=
          distance(board.width_mm, board.height_mm, best[1].width_mm, best[1].height_mm) + 1e-9)
    )
      best = entry;
  }
  if (!best) return undefined;
  const [id, t] = best;
  return { id, template: t, scale: Math.min(board.width_mm / t.width_mm, board.height_mm / t.height_mm), exact: false };
}

/** A unit's page on the site, as its board's and card's QR code encodes it. */
export function unitUrl(baseUrl: string, unitId: string): string {
  return new URL(`units/${unitId}/`, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).href;
}
