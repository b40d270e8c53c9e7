/**
 * The live preview's state, kept warm in one process: the checked project (reloaded after
 * every save, through an in-memory parse cache, so only the saved file is parsed again), the
 * findings, and each saved unit's board rendered as the print stage renders it (fonts parsed
 * once for the session). The dev server shows the pages; this module says what a save
 * changed, and serves the board pictures and the findings to the preview page
 * (preview-page.ts). It knows nothing of Vite or Astro: the integration wires it in.
 */
import { existsSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { formatDiagnostic } from '../load/format-diagnostics.ts';
import { displayPath, loadProject } from '../load/load-project.ts';
import { ParseCache } from '../load/parse-cache.ts';
import type { Diagnostic } from '../domain/diagnostics.ts';
import type { Project } from '../domain/model.ts';
import { publicEntries } from '../domain/publication.ts';
import { resolveToday, type Today } from '../domain/time/today.ts';
import { renderPdfBytes } from '../pipeline/pdf-raster.ts';
import type { Log } from '../pipeline/log.ts';
import { boardJob } from '../print/jobs/board-job.ts';
import { currentBoardEntries } from '../print/jobs/board-selection.ts';
import { renderBoard } from '../print/render/render-board.ts';
import { ContentError } from '../errors.ts';
import { handOverProject } from '../site/project-handoff.ts';
import { readContentHistory } from '../git/git-history.ts';

export interface BoardPreview {
  id: string;
  unitName: string;
  sheets: number;
  bodyPt: number;
  /** What had to be shortened to fit, in the manifest's words. */
  shortened: number;
  pdf: Uint8Array;
  png: Buffer;
}

export interface SaveReport {
  revision: number;
  /** Saved files, relative to the content folder's parent (as `check` names them). */
  files: string[];
  /** The saved files' findings. */
  findings: Diagnostic[];
  /** Errors anywhere in the content (a saved file may break another's cross-check). */
  errorCount: number;
  pages: { title: string; path: string; note?: string }[];
  boards: { id: string; unitName: string; sheets: number; bodyPt: number; shortened: number }[];
  /** Seconds: the whole reaction, and its steps. */
  seconds: { total: number; check: number; boards: number };
}

export interface SessionOptions {
  contentDir: string;
  templatesDir: string;
  log: Log;
  /** GONGKAI_TODAY, if set. */
  todayEnv?: string | undefined;
  /** The clock (GONGKAI_CLOCK may set it); the machine's by default. */
  clock?: () => Date;
  /** Boards rendered per save at most (a save of units.yaml touches every unit). */
  maxBoards?: number;
}

export class PreviewSession {
  readonly contentDir: string;
  readonly templatesDir: string;
  readonly #o: SessionOptions;
  readonly #cache = ParseCache.memory();
  project: Project | undefined;
  today: Today | undefined;
  revision = 0;
  last: SaveReport | undefined;
  readonly boards = new Map<string, BoardPreview>();

  constructor(o: SessionOptions) {
    this.#o = o;
    this.contentDir = resolve(o.contentDir);
    this.templatesDir = resolve(o.templatesDir);
  }

  /** Paths as `check` shows them: relative to the working directory when inside it. */
  #display(abs: string): string {
    return displayPath(process.cwd(), abs);
  }

  /** Loads and hands over the project; the findings of `files` (all, when not given) are returned. */
  #load(files?: readonly string[]): { findings: Diagnostic[]; errorCount: number } {
    if (files) this.#cache.changed(files);
    const r = loadProject({ contentDir: this.contentDir, templatesDir: this.templatesDir, cache: this.#cache });
    if (r.project) {
      this.project = r.project;
      this.today = resolveToday({ env: this.#o.todayEnv, asOf: r.project.site.as_of, clock: this.#o.clock ?? (() => new Date()) });
      handOverProject({
        contentDir: this.contentDir,
        templatesDir: this.templatesDir,
        project: r.project,
        contentHistory: readContentHistory(this.contentDir),
      });
      this.revision++;
    }
    const shown = files ? new Set(files.map((f) => this.#display(f))) : undefined;
    return { findings: r.diagnostics.filter((d) => !shown || shown.has(d.file) || !d.file.includes('/entries/')), errorCount: r.errorCount };
  }

  /** The first load, before the dev server starts: the whole project's findings are shown. */
  start(): { errorCount: number; warningCount: number } {
    const { findings, errorCount } = this.#load();
    for (const d of findings) this.#o.log.info(formatDiagnostic(d, false));
    if (!this.project) throw new ContentError('内容的设置文件有错误，无法预览。请按上面的提示修改后重新运行 npm run preview。');
    return { errorCount, warningCount: findings.length - findings.filter((d) => d.severity === 'error').length };
  }

  /**
   * Draws one board and throws it away, right after start: loading the PDF and picture code
   * and reading the fonts (~1 s) is then done before the clerk's first save, not during it.
   */
  async warm(): Promise<void> {
    const board = this.project?.boards[0];
    if (!board || !this.today) return;
    const out = await renderBoard(boardJob(this.project!, board, currentBoardEntries, this.today.date));
    await renderPdfBytes(new Uint8Array(out.pdf), 1, 6);
  }

  /**
   * After a save: check again and hand the new project to the site; `pagesReady` is called
   * then (the pages can show the change), before the saved units' boards are rendered.
   */
  async saved(files: readonly string[], pagesReady?: () => void): Promise<SaveReport> {
    const t0 = performance.now();
    const { findings, errorCount } = this.#load(files);
    const t1 = performance.now();
    pagesReady?.();
    const project = this.project!;
    const units = new Set<string>();
    const pages: SaveReport['pages'] = [];
    const published = new Map(publicEntries(project.entries).map((e) => [e.source.path, e]));
    const anyEntries = new Set(project.entries.map((e) => e.source.path));
    for (const abs of files) {
      const rel = relative(this.contentDir, abs).split(sep);
      if (rel[0] === 'entries' && rel[1]) units.add(rel[1]);
      const e = published.get(abs);
      if (e) pages.push({ title: e.data.title, path: `/units/${e.unit}/${e.slug}/` }, { title: '本单位页面', path: `/units/${e.unit}/` });
      else if (rel[0] === 'entries' && abs.endsWith('.md'))
        pages.push({
          title: this.#display(abs),
          path: '',
          note: !existsSync(abs)
            ? '文件已删除，网站和公开栏上不再有这一条'
            : anyEntries.has(abs)
              ? '党内公开，不上网站，也不上公开栏'
              : '有错误，改正前网站和公开栏都不显示这一条',
        });
    }
    const boards: SaveReport['boards'] = [];
    const today = this.today!.date;
    const chosen = project.boards.filter((b) => units.has(b.unit)).slice(0, this.#o.maxBoards ?? 4);
    for (const board of chosen) {
      const out = await renderBoard(boardJob(project, board, currentBoardEntries, today));
      // About 1,200 pixels across whatever the board's size: enough to read, quick to draw.
      const dpi = Math.max(6, Math.min(72, (1200 / board.width_mm) * 25.4));
      const png = (await renderPdfBytes(new Uint8Array(out.pdf), 1, dpi)).png();
      const unitName = project.units.find((u) => u.id === board.unit)?.name ?? board.unit;
      const preview = { id: board.id, unitName, sheets: out.sheets, bodyPt: out.bodyPt, shortened: out.shortened?.length ?? 0 };
      this.boards.set(board.id, { ...preview, pdf: out.pdf, png });
      boards.push(preview);
    }
    const t2 = performance.now();
    const report: SaveReport = {
      revision: this.revision,
      files: files.map((f) => this.#display(f)),
      findings,
      errorCount,
      pages,
      boards,
      seconds: { total: (t2 - t0) / 1000, check: (t1 - t0) / 1000, boards: (t2 - t1) / 1000 },
    };
    this.last = report;
    return report;
  }
}
