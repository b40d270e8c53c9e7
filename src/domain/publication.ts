/**
 * The publication gate: the one place that decides what may leave the repository.
 * Every public output (pages, search, feeds, exports, posters, cards, previews) filters
 * through `isPublic`; nothing else may test `scope` to decide publication.
 */
import type { Entry } from './model.ts';

export function isPublic(entry: Entry): boolean {
  return entry.data.scope === 'public';
}

export function publicEntries(entries: readonly Entry[]): Entry[] {
  return entries.filter(isPublic);
}
