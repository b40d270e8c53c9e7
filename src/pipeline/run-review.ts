/**
 * `gongkai diff <base>`: the pull-request review. Both sides are loaded as `check` loads
 * them (the base from git, the head from the work tree or a revision), their print keys
 * compared on one "today" — the same keys and the same day the build uses — and the pages
 * of what must be reprinted rendered from the build's PDFs, real text, continuation sheets
 * included.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { LoadResult } from '../content/load-project.ts';
import { loadProject } from '../content/load-project.ts';
import { impactOf, type Impact } from '../domain/impact.ts';
import type { Project } from '../domain/model.ts';
import { resolveToday, type Today, type TodayInputs } from '../domain/time/today.ts';
import { UsageError } from '../errors.ts';
import { changedPaths, GitError, repoRoot } from '../git/git-changes.ts';
import { revision } from '../git/git-snapshot.ts';
import type { PrintKey } from '../print/jobs/print-keys.ts';
import { reviewChange, type ChangeReview } from '../review/change-review.ts';
import { compareReleases, type ReprintRow } from '../review/release-diff.ts';
import { keysOf, loadAt, projectAt, type ContentDirs } from '../review/release-notes.ts';
import type { PreviewImage } from '../review/summary-markdown.ts';
import type { Log } from './log.ts';
import { pdfPageSizes, renderPdfPage } from './pdf-raster.ts';

export interface ReviewOptions {
  dirs: ContentDirs;
  base: string;
  /** A revision; undefined: the work tree, uncommitted and untracked files included. */
  head?: string | undefined;
  today: Pick<TodayInputs, 'flag' | 'env' | 'clock'>;
}

export interface ReviewResult {
  root: string;
  head: LoadResult;
  today: Today;
  review: ChangeReview;
  /** Path-based view of the change (kept for the JSON output and scripts). */
  impact: Impact;
}

function gitCall<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof GitError) throw new UsageError(e.message);
    throw e;
  }
}

export function runReview(o: ReviewOptions, log: Log): ReviewResult {
  const root = gitCall(() => repoRoot(o.dirs.content));
  const baseRev = gitCall(() => revision(root, o.base));
  const headRev = o.head === undefined ? undefined : gitCall(() => revision(root, o.head!));
  log.info(`读取 ${o.base} 和${o.head ? ` ${o.head}` : '当前工作区'}的内容……\n`);
  const head = headRev ? loadAt(root, headRev, o.dirs) : loadProject({ contentDir: o.dirs.content, templatesDir: o.dirs.templates, displayRoot: root });
  const base = projectAt(root, baseRev, o.dirs).project;
  const today = resolveToday({ ...o.today, asOf: head.project?.site.as_of ?? base.site.as_of });
  const side = (label: string) => ({ label, today });
  const baseKeys = keysOf(base, side(o.base));
  const headKeys: PrintKey[] = head.project ? keysOf(head.project, side(o.head ?? '当前工作区')) : [];
  // Without a loadable head (its settings are broken) nothing can be said about reprints.
  const headProject: Project = head.project ?? { ...base, entries: [], requests: [], pages: [] };
  const reprints = head.project ? compareReleases({ project: base, keys: baseKeys }, { project: headProject, keys: headKeys }) : { rows: [], unchanged: 0 };
  const changes = gitCall(() => changedPaths(root, o.base, o.head));
  const contentPath = relative(root, o.dirs.content).split('\\').join('/');
  const review = reviewChange({ changes, contentPath, base, head: head.project, today: today.date, baseKeys, headKeys, reprints });
  const registry = (p: Project) => ({ units: p.units, boards: p.boards });
  const impact = impactOf(changes, contentPath, registry(base), registry(headProject));
  return { root, head, today, review, impact };
}

export interface PreviewOptions {
  /** The build's output folder, holding the head's print files. */
  dist: string;
  /** Where the PNGs are written. */
  out: string;
  /** Products previewed (the rest are counted), and pages per product. */
  maxProducts?: number;
  maxPages?: number;
}

const PREVIEW_TEXT_PX = 13;
const PREVIEW_MAX_PX = 3200;

/**
 * Every page of each product to reprint, drawn from the build's PDF at a size where its
 * smallest body text is about 13 pixels high — readable, not a sketch.
 */
export async function renderReprintPreviews(
  rows: readonly ReprintRow[],
  bodyMinPt: (row: ReprintRow) => number,
  o: PreviewOptions,
  log: Log,
): Promise<{ previews: PreviewImage[]; pages: Map<string, number>; leftOut: number; missing: number }> {
  const wanted = rows.filter((r) => r.change !== 'removed');
  const pages = new Map<string, number>();
  const previews: PreviewImage[] = [];
  let missing = 0;
  const maxProducts = o.maxProducts ?? 6;
  for (const r of wanted) {
    const pdf = join(o.dist, r.file);
    if (!existsSync(pdf)) {
      missing++;
      continue;
    }
    const sizes = await pdfPageSizes(pdf);
    pages.set(`${r.kind}:${r.id}`, sizes.length);
    if (previews.length && new Set(previews.map((p) => `${p.kind}:${p.id}`)).size >= maxProducts) continue;
    mkdirSync(o.out, { recursive: true });
    for (const [i, size] of sizes.slice(0, o.maxPages ?? 4).entries()) {
      const dpi = Math.min((PREVIEW_TEXT_PX / bodyMinPt(r)) * 72, (PREVIEW_MAX_PX / size.width) * 72, 150);
      const raster = await renderPdfPage(pdf, i + 1, dpi);
      const name = `${r.kind}-${r.id}-${i + 1}.png`;
      writeFileSync(join(o.out, name), raster.png());
      const label = r.kind === 'card' ? (i % 2 === 0 ? '正面' : '反面') : i === 0 ? '第1页' : `第${i + 1}页（续页）`;
      previews.push({ kind: r.kind, id: r.id, label, name });
    }
    log.info(`预览：${r.kind === 'board' ? '公开栏' : '明白卡'} ${r.id}（${sizes.length} 页）\n`);
  }
  const shown = new Set(previews.map((p) => `${p.kind}:${p.id}`)).size;
  return { previews, pages, leftOut: Math.max(0, wanted.length - missing - shown), missing };
}
