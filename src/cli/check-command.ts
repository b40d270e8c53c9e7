/** `gongkai check [--content DIR] [--json]`: validate everything, report everything. */
import { resolve } from 'node:path';
import { loadProject, type LoadResult } from '../content/load-project.ts';
import { parseFlags, resolveDirs } from './args.ts';
import { formatDiagnostic, formatSummary, toJson } from './format-diagnostics.ts';

export const CHECK_USAGE = `用法：npm run check -- [--content 文件夹] [--templates 文件夹] [--json]
  检查内容文件夹中的全部文件，一次列出所有问题。
  --content    内容文件夹（默认 content）
  --templates  模板文件夹（默认为内容文件夹旁边的 templates）
  --json       以 JSON 格式输出
退出码：0 没有错误；1 内容有错误；2 用法错误或程序内部错误。`;

export function runCheck(opts: { content: string; templates: string; json: boolean; quietOk?: boolean }): LoadResult {
  const started = performance.now();
  const result = loadProject({ contentDir: resolve(opts.content), templatesDir: resolve(opts.templates) });
  const seconds = (performance.now() - started) / 1000;
  if (opts.json) {
    process.stdout.write(toJson(result, seconds) + '\n');
  } else {
    const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
    for (const d of result.diagnostics) process.stdout.write(formatDiagnostic(d, color) + '\n\n');
    if (!(opts.quietOk && result.diagnostics.length === 0)) process.stdout.write(formatSummary(result, seconds) + '\n');
  }
  return result;
}

export function checkCommand(argv: string[]): number {
  const { values } = parseFlags(
    argv,
    { content: { type: 'string', default: 'content' }, templates: { type: 'string' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
    CHECK_USAGE,
  );
  if (values.help) {
    console.log(CHECK_USAGE);
    return 0;
  }
  const r = runCheck({ ...resolveDirs(values), json: values.json! });
  return r.errorCount > 0 ? 1 : 0;
}
