/**
 * Release notes for printers: which boards and card sheets to reprint between two releases.
 *
 * Each side is the project as it was at that revision (extracted with `git archive`, loaded
 * with the same loader as `check`), on that side's "today": --today, else GONGKAI_TODAY, else
 * that revision's as_of, else its commit date in Asia/Shanghai — the day the release was built.
 * Print keys (src/print/jobs/print-keys.ts) are computed for both with the same code: they say
 * which products may have changed and why. Which did — whose files' bytes differ — is learnt by
 * printing both sides (src/pipeline/release-reprints.ts); a change of the print code itself
 * between the two revisions is a warning.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadProject, type LoadResult } from '../load/load-project.ts';
import type { Diagnostic } from '../domain/diagnostics.ts';
import type { Project } from '../domain/model.ts';
import { CalendarGapError } from '../domain/time/calendar.ts';
import { printKeys, type PrintKey } from '../print/jobs/print-keys.ts';
import { migrateInPlace } from '../load/migrate-content.ts';
import { printEntry } from '../print/jobs/render-key.ts';
import { codeGraph } from '../code-graph.ts';
import { INSTALLED, PROJECT_ROOT, WORK_ROOT } from '../project-root.ts';
import { ContentError } from '../errors.ts';
import { resolveToday, shanghaiDate, type Today, type TodayInputs } from '../domain/time/today.ts';
import { formatChineseDate } from '../domain/dates.ts';
import { compareReleases, type ReleaseNotes, type ReleaseSide } from './release-diff.ts';
import { changedFiles, pathInRepo, tagAt, withSnapshot, withSnapshotAsync, type Revision } from '../git/git-snapshot.ts';
import { repoRoot } from '../git/git-changes.ts';

export interface ContentDirs {
  content: string;
  templates: string;
}

const REGISTRY = /(^|\/)(site|catalog|units|boards)\.yaml$/;

export interface Keyed {
  side: ReleaseSide;
  project: Project;
  keys: PrintKey[];
  warnings: string[];
}

export function keysOf(project: Project, side: Pick<ReleaseSide, 'label' | 'today'>): PrintKey[] {
  try {
    return printKeys(project, side.today.date);
  } catch (e) {
    if (e instanceof CalendarGapError) throw new ContentError(`版本 ${side.label}：${e.message}`);
    throw e;
  }
}

/** The day the user gave, if any: --today and GONGKAI_TODAY apply to both sides alike. */
export type GivenToday = Pick<TodayInputs, 'flag' | 'env'>;

export interface ProjectAtRevision {
  project: Project;
  /** Content errors by today's rules; the files with errors are left out of the project. */
  errors: Diagnostic[];
}

/**
 * Runs `fn` on the content as it was at `rev`, loaded as `check` loads it (diagnostics name files
 * by their path in the repository), while the revision's files are still there: print keys hash
 * the images the entries show, and rendering reads them. The whole revision is extracted, as a
 * checkout holds it: `check` also reads files beside the content folder — the forge's CODEOWNERS
 * (.github/, .gitea/, .gitlab/), the templates, the ICC profile site.yaml names — and a snapshot
 * without them would report errors the work tree does not have.
 */
export function withLoadedAt<T>(root: string, rev: Revision, dirs: ContentDirs, fn: (loaded: LoadResult) => T): T {
  const where = revisionDirs(root, dirs);
  return withSnapshot(root, rev.commit, [''], (dir) => fn(loadIn(dir, rev, dirs, where)));
}

/** `withLoadedAt` for work that takes a while (rendering print files): the files are removed when `fn` settles. */
export function withLoadedAtAsync<T>(root: string, rev: Revision, dirs: ContentDirs, fn: (loaded: LoadResult) => Promise<T>): Promise<T> {
  const where = revisionDirs(root, dirs);
  return withSnapshotAsync(root, rev.commit, [''], (dir) => fn(loadIn(dir, rev, dirs, where)));
}

function revisionDirs(root: string, dirs: ContentDirs): { content: string; templates: string | undefined } {
  const content = pathInRepo(root, dirs.content);
  if (content === undefined) throw new ContentError(`内容文件夹 ${dirs.content} 不在 git 仓库 ${root} 中，无法按版本比较。`);
  return { content, templates: pathInRepo(root, dirs.templates) };
}

function loadIn(dir: string, rev: Revision, dirs: ContentDirs, where: { content: string; templates: string | undefined }): LoadResult {
  const contentDir = join(dir, where.content);
  if (!existsSync(contentDir)) throw new ContentError(`版本 ${rev.name} 中没有内容文件夹 ${where.content || '.'}。`);
  // Templates outside the repository (those shipped with Gongkai) are the same for both sides.
  const templatesDir = where.templates === undefined || !existsSync(join(dir, where.templates)) ? dirs.templates : join(dir, where.templates);
  // An older revision may hold content of an older format: compared as this Gongkai reads it.
  migrateInPlace(contentDir);
  return loadProject({ contentDir, templatesDir, displayRoot: dir });
}

/** The project of a revision loaded by `withLoadedAt`; a content error when its settings do not load. */
export function projectOf(loaded: LoadResult, rev: Revision): ProjectAtRevision {
  // CODEOWNERS does not change a printed sheet.
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error' && d.code !== 'codeowners-outdated');
  if (!loaded.project) {
    // Without settings or catalog nothing else loads: name the registry's error, not its consequences.
    const cause = errors.find((d) => REGISTRY.test(d.file)) ?? errors[0];
    throw new ContentError(`版本 ${rev.name} 的内容无法读取：${cause ? `${cause.file}:${cause.line}: ${cause.message}` : '缺少设置文件'}`);
  }
  return { project: loaded.project, errors };
}

/** The project of `rev` as loaded, with its keys on its "today". */
function keyed(root: string, rev: Revision, loaded: LoadResult, given: GivenToday): Keyed {
  const { project, errors } = projectOf(loaded, rev);
  const today = resolveToday({
    ...given,
    asOf: project.site.as_of,
    fallback: { date: shanghaiDate(new Date(rev.date)), source: 'commit' },
    clock: () => new Date(rev.date),
  });
  const tag = rev.name === 'HEAD' ? tagAt(root, rev.commit) : undefined;
  const side: ReleaseSide = { label: tag ? `${tag}（HEAD）` : rev.name, commit: rev.commit.slice(0, 8), today };
  const warnings = errors.length
    ? [
        `版本 ${side.label} 的内容按现在的检查规则有 ${errors.length} 个错误（例如 ${errors[0]!.file}:${errors[0]!.line}: ${errors[0]!.message}），出错的文件没有参与比较。`,
      ]
    : [];
  return { side, project, keys: keysOf(project, side), warnings };
}

/**
 * Runs `fn` on the project at `rev` with its keys, while the revision's files are still there:
 * its print files are rendered from them to learn which files really differ.
 */
export function withKeyedAt<T>(root: string, rev: Revision, dirs: ContentDirs, given: GivenToday, fn: (k: Keyed) => Promise<T>): Promise<T> {
  return withLoadedAtAsync(root, rev, dirs, (loaded) => fn(keyed(root, rev, loaded, given)));
}

/**
 * A warning when the code that draws the sheets changed between the two revisions (when the
 * content lives in the program's own repository, as the demo county does): the files compared
 * are drawn by today's code, the ones printed at the last release by the code of its day.
 */
export function printCodeWarning(root: string, from: string, to: string | undefined): string[] {
  // A county's own lock file pins the Gongkai it installs: an upgrade shows there.
  const code = [...codeGraph([printEntry()]).files, join(PROJECT_ROOT, 'package-lock.json'), ...(INSTALLED ? [join(WORK_ROOT, 'package-lock.json')] : [])];
  const paths = code.map((p) => pathInRepo(root, p)).filter((p): p is string => p !== undefined && p !== '');
  const files = changedFiles(root, from, to, paths);
  if (files.length === 0) return [];
  return [
    `两个版本之间，排版印刷程序或它使用的软件包有改动（${files.length} 个文件，例如 ${files.slice(0, 3).join('、')}）：本清单的印刷文件都按现在的程序排版比较；` +
      '上次发给印刷厂的文件是按当时的程序排的，与本次文件的 sha256 可能不同。要确认某个文件，请对照上次 manifest.csv 中的 sha256。',
  ];
}

/** The reprint list of two keyed sides, by their keys (which products may have changed). */
export function notesByKeys(from: Keyed, to: Keyed, codeWarnings: string[]): ReleaseNotes {
  const diff = compareReleases({ ...from, today: from.side.today.date }, { ...to, today: to.side.today.date });
  return { from: from.side, to: to.side, ...diff, warnings: [...from.warnings, ...to.warnings, ...codeWarnings] };
}

/** The content being built as the newer side of a comparison (it may hold uncommitted work: no commit). */
export function currentSide(root: string | undefined, current: { project: Project; today: Today }): Keyed {
  const head = root ? tagAt(root, 'HEAD') : undefined;
  const side: ReleaseSide = { label: head ? `${head}（本次构建）` : '本次构建', commit: undefined, today: current.today };
  return { side, project: current.project, keys: keysOf(current.project, side), warnings: [] };
}

/** The repository holding the content, or undefined when it is not in one. */
export function contentRepo(dirs: ContentDirs): string | undefined {
  try {
    return repoRoot(dirs.content);
  } catch {
    return undefined;
  }
}

/**
 * The demo county's example release (site.yaml print.example_release): the same content laid
 * out on that earlier day stands for the last release, so the printers' page shows a real
 * reprint list — every product printed both ways and compared — without a tag.
 */
export function exampleSide(project: Project, day: string): Keyed {
  const side: ReleaseSide = { label: `示例发布（${formatChineseDate(day)}）`, commit: undefined, today: { date: day, source: 'example' } };
  const warnings = [
    `这是示范县的示例：仓库没有发布版本（git 标签），就把同一份内容按 ${formatChineseDate(day)} 排出的印刷文件当作上一次发布（site.yaml 的 print.example_release），让印刷厂看到重新印刷清单的样子。正式站点每次发布打一个标签，清单与上一个标签比较。`,
  ];
  return { side, project, keys: keysOf(project, side), warnings };
}
