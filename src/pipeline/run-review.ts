/**
 * `gongkai diff <base>`: the pull-request review. Both sides are loaded as `check` loads
 * them (the base from git, the head from the work tree or a revision, each as a whole checkout
 * holds it), their print keys compared on one "today" — the same keys and the same day the
 * build uses — and on the later days the change reaches (later-reprints.ts). What the keys name
 * is then printed from both sides with the real print code (review-prints.ts): only the products
 * whose files differ are listed, and their pages, rendered from the head on the day they are to
 * be printed, are the pictures (review-pictures.ts). Both revisions' files stay extracted until then.
 */
import { relative } from 'node:path';
import type { LoadResult } from '../load/load-project.ts';
import { loadProject } from '../load/load-project.ts';
import { impactOf, type Impact } from '../domain/impact.ts';
import type { Project } from '../domain/model.ts';
import { resolveToday, type Today, type TodayInputs } from '../domain/time/today.ts';
import { UsageError } from '../errors.ts';
import { changedPaths, GitError, repoRoot } from '../git/git-changes.ts';
import { revision } from '../git/git-snapshot.ts';
import type { PrintKey } from '../print/jobs/print-keys.ts';
import { reviewChange, type ChangeReview } from '../review/change-review.ts';
import { laterReprints } from '../review/later-reprints.ts';
import { compareReleases } from '../review/release-diff.ts';
import { keysOf, projectOf, withLoadedAtAsync, type ContentDirs } from '../review/release-notes.ts';
import type { Log } from './log.ts';
import { drawReprints, type PreviewOptions, type ReprintPictures } from './review-pictures.ts';
import { confirmReprints, ReviewPrints } from './review-prints.ts';

export interface ReviewOptions {
  dirs: ContentDirs;
  base: string;
  /** A revision; undefined: the work tree, uncommitted and untracked files included. */
  head?: string | undefined;
  today: Pick<TodayInputs, 'flag' | 'env' | 'clock'>;
  /** The print cache (.cache/print): the products compared are taken from it, or rendered and added. */
  cacheDir: string;
  /** Draw the pages of what must be reprinted (the Markdown summary). */
  previews?: PreviewOptions;
}

export interface ReviewResult {
  root: string;
  head: LoadResult;
  today: Today;
  review: ChangeReview;
  /** Path-based view of the change (kept for the JSON output and scripts). */
  impact: Impact;
  previews?: ReprintPictures;
}

function gitCall<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof GitError) throw new UsageError(e.message);
    throw e;
  }
}

export async function runReview(o: ReviewOptions, log: Log): Promise<ReviewResult> {
  const root = gitCall(() => repoRoot(o.dirs.content));
  const baseRev = gitCall(() => revision(root, o.base));
  const headRev = o.head === undefined ? undefined : gitCall(() => revision(root, o.head!));
  log.info(`读取 ${o.base} 和${o.head ? ` ${o.head}` : '当前工作区'}的内容……\n`);
  const review = async (base: Project, head: LoadResult): Promise<ReviewResult> => {
    const today = resolveToday({ ...o.today, asOf: head.project?.site.as_of ?? base.site.as_of });
    const side = (label: string) => ({ label, today });
    const baseKeys = keysOf(base, side(o.base));
    const headKeys: PrintKey[] = head.project ? keysOf(head.project, side(o.head ?? '当前工作区')) : [];
    // Without a loadable head (its settings are broken) nothing can be said about reprints.
    const headProject: Project = head.project ?? { ...base, entries: [], requests: [], pages: [] };
    const reprints = head.project
      ? compareReleases({ project: base, keys: baseKeys, today: today.date }, { project: headProject, keys: headKeys, today: today.date })
      : { rows: [], unchanged: 0 };
    const byKeys = head.project ? laterReprints(base, head.project, today.date) : { days: [], notChecked: 0 };
    const prints = new ReviewPrints(o.cacheDir);
    try {
      const files = head.project
        ? await confirmReprints(prints, base, head.project, { date: today.date, rows: reprints.rows }, byKeys.days)
        : { today: reprints.rows, sameFile: 0, later: [] };
      const confirmed = { rows: files.today, unchanged: reprints.unchanged + files.sameFile, sameFile: files.sameFile };
      const later = { days: files.later, notChecked: byKeys.notChecked };
      const changes = gitCall(() => changedPaths(root, o.base, o.head));
      const contentPath = relative(root, o.dirs.content).split('\\').join('/');
      const review = reviewChange({ changes, contentPath, base, head: head.project, today: today.date, baseKeys, headKeys, reprints: confirmed, later });
      const registry = (p: Project) => ({ units: p.units, boards: p.boards });
      const impact = impactOf(changes, contentPath, registry(base), registry(headProject));
      const days = [{ date: today.date, today: true, rows: confirmed.rows }, ...later.days.map((d) => ({ date: d.date, today: false, rows: d.rows }))];
      const previews = o.previews && head.project ? await drawReprints(prints, head.project, days, o.previews, log) : undefined;
      return { root, head, today, review, impact, ...(previews ? { previews } : {}) };
    } finally {
      prints.close();
    }
  };
  // Both revisions' files stay until the review is done: keys hash the images, and the head's pages are rendered.
  return withLoadedAtAsync(root, baseRev, o.dirs, async (loaded) => {
    const base = projectOf(loaded, baseRev).project;
    if (headRev) return withLoadedAtAsync(root, headRev, o.dirs, (head) => review(base, head));
    return review(base, loadProject({ contentDir: o.dirs.content, templatesDir: o.dirs.templates, displayRoot: root }));
  });
}
