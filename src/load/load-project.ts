/**
 * Loading a project: registries → documents → cross-document rules. Every problem found
 * on the way is collected (never thrown), so `check` can report all of them in one run.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { compareDiagnostics, error, type Diagnostic, type Finding } from '../domain/diagnostics.ts';
import type { Project } from '../domain/model.ts';
import { checkEntryCollection, checkRequestAnswers } from '../domain/rules/collection-rules.ts';
import { checkNoticeText } from '../domain/rules/notice-text.ts';
import { buildCalendar } from '../domain/time/calendar.ts';
import { checkAsOfCoverage, checkCalendarCoverage } from '../domain/time/calendar-rules.ts';
import { shanghaiDate } from '../domain/time/today.ts';
import { isTarget } from './check-scope.ts';
import { reportGoLive } from './check-go-live.ts';
import { checkCodeowners } from './check-codeowners.ts';
import { checkContentFormat } from './check-format.ts';
import { loadDocuments } from './load-documents.ts';
import { loadRegistries } from './load-registries.ts';
import type { ParseCache } from './parse-cache.ts';
import { Reporter, readMarkdown } from './source-file.ts';
import { parseYamlSource } from './yaml-source.ts';

export interface LoadOptions {
  /** The content folder (default: ./content). */
  contentDir: string;
  /** Board and card templates (default: ./templates). */
  templatesDir: string;
  /** Paths in diagnostics are shown relative to this folder (default: the working directory). */
  displayRoot?: string;
  /**
   * Check only these files or folders (absolute paths inside the content folder), in their
   * units' context; diagnostics are those of the named files, plus settings errors that stop
   * them being checked. No project is returned: it would be a fragment.
   */
  only?: readonly string[];
  /** Refuse the demo's placeholders even when site.yaml does not say `production: true` (`check --go-live`). */
  goLive?: boolean;
  /**
   * The day the calendar rules plan from (default: today in Asia/Shanghai): the go-live check's
   * coming year, and how far ahead a date may be counted without its holiday arrangement.
   */
  today?: string;
  /** Keeps what checking each file gave, by its bytes (parse-cache.ts); saved at the end. */
  cache?: ParseCache;
}

export interface LoadResult {
  /** Present when the registries loaded; holds every document that passed its checks. */
  project?: Project;
  diagnostics: Diagnostic[];
  errorCount: number;
  warningCount: number;
  fileCount: number;
}

/** A path as diagnostics show it: relative to `root` when inside it, else absolute; always with "/". */
export function displayPath(root: string, abs: string): string {
  const rel = relative(root, abs);
  return (rel.startsWith('..') ? abs : rel).split(sep).join('/');
}

export function loadProject(options: LoadOptions): LoadResult {
  const root = resolve(options.displayRoot ?? process.cwd());
  const display = (abs: string) => displayPath(root, abs);
  const report = new Reporter(display);
  const contentDir = resolve(options.contentDir);
  if (!existsSync(contentDir) || !statSync(contentDir).isDirectory()) {
    report.file(contentDir, error('missing-content', `找不到内容文件夹 ${display(contentDir)}`, '请在项目根目录运行，或用 --content 指定内容文件夹。'));
    return finish(report, undefined, 0);
  }
  // Content in an older format (or newer than this Gongkai) is told once, with the command that fixes it.
  if (!checkContentFormat(contentDir, report)) return finish(report, undefined, 1);
  const reg = loadRegistries(contentDir, resolve(options.templatesDir), report);
  // CODEOWNERS is the office's file, not part of checking a clerk's files.
  if (reg.site && !options.only) checkCodeowners(contentDir, reg.site, reg.units, report);
  const scope = options.only ? { targets: options.only.map((abs) => relative(contentDir, abs).split(sep).join('/')) } : undefined;
  const docs = loadDocuments(contentDir, reg, display, report, scope, options.cache);
  options.cache?.save(!scope);

  // Cross-document findings are rare, so their positions are found by re-reading the file.
  const reportAgainst = (file: string, f: Finding) => {
    const abs = resolve(root, file);
    const md = readMarkdown(abs, Infinity, new Reporter(display));
    report.at(abs, md ? md.src.locate(f.path ?? []) : { line: 1, column: 1 }, f);
  };
  for (const { doc, finding } of checkEntryCollection(docs.entries)) reportAgainst(doc.source.file, finding);
  for (const { doc, finding } of checkRequestAnswers(docs.requests, docs.entries)) reportAgainst(doc.source.file, finding);
  if (reg.site) {
    const calendar = buildCalendar(docs.calendars);
    const today = options.today ?? shanghaiDate(new Date());
    for (const { doc, finding } of checkCalendarCoverage(docs.entries, docs.requests, calendar, reg.site.defaults.reply_days, today))
      reportAgainst(doc.source.file, finding);
    for (const e of docs.entries) {
      for (const t of checkNoticeText(e.data, e.body, calendar))
        report.at(e.source.path, { line: e.source.bodyLine + t.line, column: t.column + 1 }, t.finding);
    }
    const asOf = checkAsOfCoverage(reg.site.as_of, calendar, today);
    if (asOf) {
      const siteYaml = join(contentDir, 'site.yaml');
      report.fields(siteYaml, parseYamlSource(readFileSync(siteYaml, 'utf8')), [asOf]);
    }
    if ((options.goLive || reg.site.production) && !options.only) {
      reportGoLive({ contentDir, site: reg.site, units: reg.units, boards: reg.boards, calendar, today }, report);
    }
  }

  if (scope) {
    const shown = report.diagnostics.filter((d) => {
      const rel = relative(contentDir, resolve(root, d.file)).split(sep).join('/');
      return rel.startsWith('..') ? d.severity === 'error' : isTarget(scope, rel) || (d.severity === 'error' && !rel.includes('/'));
    });
    report.diagnostics.splice(0, report.diagnostics.length, ...shown);
    return finish(report, undefined, docs.fileCount);
  }

  const project: Project | undefined =
    reg.site && reg.catalog
      ? {
          site: reg.site,
          catalog: reg.catalog,
          units: reg.units,
          boards: reg.boards,
          templates: reg.templates,
          entries: docs.entries,
          requests: docs.requests,
          pages: docs.pages,
          calendars: docs.calendars,
        }
      : undefined;
  return finish(report, project, docs.fileCount + 4 + reg.templates.size);
}

function finish(report: Reporter, project: Project | undefined, fileCount: number): LoadResult {
  const diagnostics = [...report.diagnostics].sort(compareDiagnostics);
  const errorCount = diagnostics.filter((d) => d.severity === 'error').length;
  return { ...(project ? { project } : {}), diagnostics, errorCount, warningCount: diagnostics.length - errorCount, fileCount };
}
