/**
 * `check FILE…`: which files a partial check reads. A file is checked in its unit's context —
 * the unit's other entries and requests (duplicate periods, slugs, staged matters) and the
 * holiday calendars (公示 and reply deadlines) — but not the county's other 8,000 files.
 */
import { placeContentFile } from '../domain/content-paths.ts';

export interface CheckScope {
  /** Content-relative paths (files or folders, forward slashes) the clerk named. */
  targets: readonly string[];
}

const UNIT_FOLDER = /^(?:entries|requests)\/([^/]+)/;

const isUnder = (rel: string, target: string) => rel === target || rel.startsWith(`${target}/`);

/** Whether a content file is one the clerk named (its diagnostics are shown). */
export function isTarget(scope: CheckScope, rel: string): boolean {
  return scope.targets.some((t) => isUnder(rel, t));
}

/** Whether a partial check must read this content file: a target, or part of a target's context. */
export function readsFile(scope: CheckScope, rel: string): boolean {
  if (isTarget(scope, rel)) return true;
  if (placeContentFile(rel).kind === 'calendar') return true;
  const unit = UNIT_FOLDER.exec(rel)?.[1];
  return unit !== undefined && scope.targets.some((t) => UNIT_FOLDER.exec(t)?.[1] === unit);
}
