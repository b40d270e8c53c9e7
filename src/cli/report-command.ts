/**
 * `gongkai report [--format md|csv|json] [--today D] [--out FILE]`: the compliance report
 * (督查考评) for the leading group, computed from the repository as of "today".
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadProject } from '../load/load-project.ts';
import { buildComplianceReport } from '../domain/supervision/compliance.ts';
import { buildCalendar, CalendarGapError } from '../domain/time/calendar.ts';
import { complianceCsv, complianceJson, complianceMarkdown, REPORT_FORMATS, type ReportFormat } from '../report/compliance-format.ts';
import { lastUpdatesFromGit, readContentHistory } from '../git/git-history.ts';
import { parseFlags, resolveDirs, machineToday } from './args.ts';
import { ContentError, UsageError } from '../errors.ts';
import { formatDiagnostic } from '../load/format-diagnostics.ts';
import { resolveToday, todayNote } from '../domain/time/today.ts';
import { REPORT_USAGE } from './usage.ts';
import { readPostings } from '../pipeline/postings.ts';
import { defaultCacheRoot } from '../project-root.ts';
import { postingsCsv, postingsJson, postingsMarkdown } from '../report/postings-format.ts';

export async function reportCommand(argv: string[]): Promise<number> {
  const { values } = parseFlags(
    argv,
    {
      content: { type: 'string', default: 'content' },
      templates: { type: 'string' },
      format: { type: 'string', default: 'md' },
      today: { type: 'string' },
      out: { type: 'string' },
      detail: { type: 'string', default: '10' },
      postings: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    REPORT_USAGE,
  );
  if (values.help) {
    console.log(REPORT_USAGE);
    return 0;
  }
  const format = values.format as ReportFormat;
  if (!REPORT_FORMATS.includes(format)) throw new UsageError(`不认识的报告格式“${values.format}”，只能是 md、csv 或 json。\n\n${REPORT_USAGE}`);
  const detail = Number(values.detail);
  if (!Number.isInteger(detail) || detail < 0) throw new UsageError(`--detail 应当是不小于 0 的整数，收到“${values.detail}”。`);
  // A bad --today is a usage error before any content is read.
  if (values.today) resolveToday({ ...machineToday(), flag: values.today });

  const { content, templates } = resolveDirs(values);
  const result = loadProject({ contentDir: resolve(content), templatesDir: resolve(templates) });
  if (!result.project || result.errorCount > 0) {
    for (const d of result.diagnostics) if (d.severity === 'error') process.stderr.write(formatDiagnostic(d, false) + '\n\n');
    throw new ContentError(`内容有 ${result.errorCount} 个错误，无法生成报告。请先运行 npm run check，按提示改正后再试。`);
  }
  const project = result.project;
  const today = resolveToday({ ...machineToday(), flag: values.today, asOf: project.site.as_of });
  const note = todayNote(today, '统计日期');
  if (note) console.error(note);
  let text: string;
  if (values.postings) {
    const table = await readPostings(project, resolve(content), today.date, process.cwd(), join(defaultCacheRoot(), 'postings'));
    const names = new Map(project.units.map((u) => [u.id, u.name]));
    const townName = (id: string | undefined) => (id ? (names.get(id) ?? id) : '县级');
    text = format === 'csv' ? postingsCsv(table, townName) : format === 'json' ? postingsJson(table) + '\n' : postingsMarkdown(table, townName);
    return writeReport(text, values.out);
  }
  try {
    const lastUpdates = lastUpdatesFromGit(readContentHistory(content), content, project, today.date);
    const report = buildComplianceReport(project, buildCalendar(project.calendars), today.date, lastUpdates);
    text = format === 'csv' ? complianceCsv(report) : format === 'json' ? complianceJson(report) + '\n' : complianceMarkdown(report, { detailUnits: detail });
  } catch (e) {
    if (e instanceof CalendarGapError) throw new ContentError(e.message);
    throw e;
  }
  return writeReport(text, values.out);
}

function writeReport(text: string, out: string | undefined): number {
  if (out) {
    writeFileSync(resolve(out), text);
    console.error(`报告已写入 ${out}`);
  } else {
    process.stdout.write(text);
  }
  return 0;
}
