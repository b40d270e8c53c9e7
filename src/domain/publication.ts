/**
 * The publication gate: the one place that decides what may leave the repository.
 * Every public output (pages, search, feeds, exports, posters, cards, previews) filters
 * through `isPublic`; nothing else may test `scope` to decide publication.
 */
import type { Entry } from './model.ts';
import type { PostingRow } from './postings/posting-table.ts';

export function isPublic(entry: Entry): boolean {
  return entry.data.scope === 'public';
}

export function publicEntries(entries: readonly Entry[]): Entry[] {
  return entries.filter(isPublic);
}

/**
 * A posting photo may be published only for a board in boards.yaml (every board is a public
 * one: party-internal material goes out in meetings and handouts, never on a board) and only
 * when a photo of that day shows that board's own code (posted, late or an older print of it) —
 * then the day's photo that shows most of the board — never a photo whose day has no readable
 * code, one of another board, or anything in a folder that names no board.
 */
export function publicPostingPhoto(row: PostingRow): PostingRow['showcase'] {
  return row.photo && (row.photo.state === 'current' || row.photo.state === 'older') ? (row.showcase ?? row.photo.photo) : undefined;
}
