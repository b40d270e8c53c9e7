/**
 * `gongkai report [--format md|csv|json] [--today D] [--out FILE]`: the compliance report
 * (督查考评) for the leading group, computed from the repository as of "today".
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadProject } from '../content/load-project.ts';
import { buildComplianceReport } from '../domain/supervision/compliance.ts';
import { buildCalendar, CalendarGapError } from '../domain/time/calendar.ts';
import { complianceCsv, complianceJson, complianceMarkdown, REPORT_FORMATS, type ReportFormat } from '../report/compliance-format.ts';
import { lastUpdatesFromGit, readContentHistory } from '../git/git-history.ts';
import { parseFlags, resolveDirs, machineToday } from './args.ts';
import { ContentError, UsageError } from '../errors.ts';
import { formatDiagnostic } from '../content/format-diagnostics.ts';
import { resolveToday, todayNote } from '../domain/time/today.ts';

export const REPORT_USAGE = `用法：npm run report -- [--format md|csv|json] [--today 2026-11-28] [--out 文件] [--detail 数量] [--content 文件夹]
  生成党务公开督查考评报告：各单位应公开事项是否按时公开、点题是否按时答复，按镇（街道）和全县汇总。
  --format   md（默认，便于阅读）、csv（每个单位一行，可用表格软件打开）或 json
  --today    按哪一天统计（默认依次为环境变量 GONGKAI_TODAY、site.yaml 的 as_of、今天（北京时间））
  --out      写到文件，不写则输出到屏幕
  --detail   md 格式中列出覆盖率最低的几个单位的逐项情况（默认 10）`;

export function reportCommand(argv: string[]): number {
  const { values } = parseFlags(
    argv,
    {
      content: { type: 'string', default: 'content' },
      templates: { type: 'string' },
      format: { type: 'string', default: 'md' },
      today: { type: 'string' },
      out: { type: 'string' },
      detail: { type: 'string', default: '10' },
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
  try {
    const lastUpdates = lastUpdatesFromGit(readContentHistory(content), content, project, today.date);
    const report = buildComplianceReport(project, buildCalendar(project.calendars), today.date, lastUpdates);
    text = format === 'csv' ? complianceCsv(report) : format === 'json' ? complianceJson(report) + '\n' : complianceMarkdown(report, { detailUnits: detail });
  } catch (e) {
    if (e instanceof CalendarGapError) throw new ContentError(e.message);
    throw e;
  }
  if (values.out) {
    writeFileSync(resolve(values.out), text);
    console.error(`报告已写入 ${values.out}`);
  } else {
    process.stdout.write(text);
  }
  return 0;
}
