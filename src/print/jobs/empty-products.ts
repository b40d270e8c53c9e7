/**
 * Boards and card sheets with nothing public to show today — a county on its launch day, a unit
 * that has published nothing yet, a card whose front has no entry with a summary. They are not
 * print jobs: no file is written (a shop cannot print a blank poster, and the site links no file
 * that does not exist), they count in no quantity, go into no town zip or installation list, and
 * the manifest lists them apart (`empty`), so the pages and the build's notes can name them.
 */
import type { Board } from '../../domain/schema/board.ts';
import type { BoardJob } from './board-job.ts';
import type { CardJob } from './card-job.ts';
import type { EmptyProducts } from './manifest.ts';

export const boardIsEmpty = (job: Pick<BoardJob, 'panels'>): boolean => job.panels.every((p) => p.sections.length === 0);

export const cardIsEmpty = (job: Pick<CardJob, 'lines'>): boolean => job.lines.length === 0;

/** The jobs with something to print, and the manifest's list of those without. */
export function splitEmpty(
  jobs: readonly BoardJob[],
  cards: readonly CardJob[],
  boards: readonly Board[],
): { jobs: BoardJob[]; cards: CardJob[]; empty: EmptyProducts } {
  const location = new Map(boards.map((b) => [b.id, b.location]));
  return {
    jobs: jobs.filter((j) => !boardIsEmpty(j)),
    cards: cards.filter((c) => !cardIsEmpty(c)),
    empty: {
      boards: jobs.filter(boardIsEmpty).map((j) => ({
        id: j.boardId,
        unit: j.unitId,
        unit_name: j.unitName,
        ...(j.town ? { town: j.town } : {}),
        location: location.get(j.boardId) ?? '',
        trim_mm: `${j.widthMm}×${j.heightMm}`,
      })),
      cards: cards.filter(cardIsEmpty).map((c) => ({
        unit: c.unitId,
        unit_name: c.unitName,
        ...(c.town ? { town: c.town } : {}),
        ...(c.households === undefined ? {} : { households: c.households }),
      })),
    },
  };
}
