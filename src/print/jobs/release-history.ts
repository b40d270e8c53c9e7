/**
 * A board's print history: the release mark it was printed with on each day its content
 * changed, computed from the content itself by the same job the printers get (board-job.ts) on
 * the days the time rules can change the board (board-timeline.ts). A posting photo's mark is
 * matched against it. Content edited after a photo was taken prints a mark this history no
 * longer knows: such a mark still names its date, which orders it before or after the latest.
 */
import type { Project } from '../../domain/model.ts';
import type { Board } from '../../domain/schema/board.ts';
import { changeDays } from '../../domain/board-timeline.ts';
import type { Release } from '../../domain/postings/posting-state.ts';
import { boardJob } from './board-job.ts';
import { boardOptions, currentBoardEntries, unitEntries } from './board-selection.ts';
import { boardIsEmpty } from './empty-products.ts';

/**
 * The board's releases from `from` to `today`, oldest first; the last is today's print. Days the
 * board had nothing to print are no release (no file was made: empty-products.ts); a board with
 * nothing to print today has none after them either — it is left out (undefined).
 */
export function boardReleases(project: Project, board: Board, from: string, today: string): Release[] | undefined {
  const start = from < today ? from : today;
  const days = [start, ...changeDays(unitEntries(project, board.unit), boardOptions(project, start)).filter((d) => d <= today)];
  if (days.at(-1) !== today) days.push(today);
  const releases: Release[] = [];
  let emptyToday = false;
  for (const day of days) {
    const job = boardJob(project, board, currentBoardEntries, day);
    emptyToday = boardIsEmpty(job);
    if (!emptyToday && releases.at(-1)?.mark !== job.releaseMark) releases.push({ mark: job.releaseMark, from: day });
  }
  return emptyToday ? undefined : releases;
}
