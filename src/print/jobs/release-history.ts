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

/** The board's releases from `from` to `today`, oldest first; the last is today's print. */
export function boardReleases(project: Project, board: Board, from: string, today: string): Release[] {
  const start = from < today ? from : today;
  const days = [start, ...changeDays(unitEntries(project, board.unit), boardOptions(project, start)).filter((d) => d <= today)];
  if (days.at(-1) !== today) days.push(today);
  const releases: Release[] = [];
  for (const day of days) {
    const mark = boardJob(project, board, currentBoardEntries, day).releaseMark;
    if (releases.at(-1)?.mark !== mark) releases.push({ mark, from: day });
  }
  return releases;
}
