/**
 * Release notes a print shop can trust: the print keys of both sides say which products may
 * have changed and why (src/review/release-notes.ts, release-diff.ts); then every one of them is
 * printed from each side, on that side's day, with the real print code (review-prints.ts, the
 * same machinery as the pull-request summary), and only those whose files' bytes differ are
 * listed, with their sha256 before and after. Rendering goes through the print cache: after a
 * build, the newer side's files are there already, and what is rendered here is kept for it.
 */
import type { Project } from '../domain/model.ts';
import type { Today } from '../domain/time/today.ts';
import { previousRelease, revision } from '../git/git-snapshot.ts';
import { repoRoot } from '../git/git-changes.ts';
import type { ReleaseNotes } from '../review/release-diff.ts';
import {
  contentRepo,
  currentSide,
  exampleSide,
  notesByKeys,
  printCodeWarning,
  withKeyedAt,
  type ContentDirs,
  type GivenToday,
  type Keyed,
} from '../review/release-notes.ts';
import { confirmRelease, ReviewPrints } from './review-prints.ts';

export interface ReleasePrinting {
  /** The print cache (.cache/print). */
  cacheDir: string;
  /** Worker threads for rendering (default 1: this thread). */
  threads?: number;
}

/** The notes by keys, kept to the products whose files differ. */
async function confirmed(from: Keyed, to: Keyed, warnings: string[], o: ReleasePrinting): Promise<ReleaseNotes> {
  const notes = notesByKeys(from, to, warnings);
  if (!notes.rows.length) return notes;
  const prints = new ReviewPrints(o.cacheDir, o.threads);
  try {
    const files = await confirmRelease(
      prints,
      { project: from.project, name: 'from', date: from.side.today.date },
      { project: to.project, name: 'to', date: to.side.today.date },
      notes.rows,
    );
    return { ...notes, rows: files.rows, unchanged: notes.unchanged + files.sameFile, sameFile: files.sameFile };
  } finally {
    prints.close();
  }
}

/** `gongkai release-notes <from> [<to>]`: two revisions of the repository holding `dirs.content`. */
export async function releaseNotesBetween(dirs: ContentDirs, fromName: string, toName: string, given: GivenToday, o: ReleasePrinting): Promise<ReleaseNotes> {
  const root = repoRoot(dirs.content);
  const from = revision(root, fromName);
  const to = revision(root, toName);
  return withKeyedAt(root, from, dirs, given, (a) =>
    withKeyedAt(root, to, dirs, given, (b) => confirmed(a, b, printCodeWarning(root, from.commit, to.commit), o)),
  );
}

/**
 * For `gongkai build`: the last release (tag) against the content being built, on the build's
 * "today" (the tag's side on its own day unless the user gave one). Undefined when the content
 * is not in a git repository or there is no earlier tag — unless the content names an example
 * release (the demo county: site.yaml print.example_release).
 */
export async function releaseNotesSinceLastTag(
  dirs: ContentDirs,
  current: { project: Project; today: Today },
  given: GivenToday,
  o: ReleasePrinting,
): Promise<ReleaseNotes | undefined> {
  const root = contentRepo(dirs);
  const last = root && previousRelease(root);
  if (!root || !last) {
    const example = current.project.site.print.example_release;
    return example ? confirmed(exampleSide(current.project, example), currentSide(root, current), [], o) : undefined;
  }
  const rev = revision(root, last);
  return withKeyedAt(root, rev, dirs, given, (from) => confirmed(from, currentSide(root, current), printCodeWarning(root, rev.commit, undefined), o));
}
