/** `gongkai check [--content DIR] [--json]`: validate everything, report everything. */
import { toJson } from '../content/format-diagnostics.ts';
import { loadProject } from '../content/load-project.ts';
import { checkContent } from '../pipeline/check-stage.ts';
import { consoleLog } from '../pipeline/log.ts';
import { parseFlags, resolveDirs } from './args.ts';

export const CHECK_USAGE = `用法：npm run check -- [--content 文件夹] [--templates 文件夹] [--json]
  检查内容文件夹中的全部文件，一次列出所有问题。
  --content    内容文件夹（默认 content）
  --templates  模板文件夹（默认为内容文件夹旁边的 templates）
  --json       以 JSON 格式输出
退出码：0 没有错误；1 内容有错误；2 用法错误或程序内部错误；3 这台电脑的问题（磁盘、权限）。`;

export function checkCommand(argv: string[]): number {
  const { values } = parseFlags(
    argv,
    {
      content: { type: 'string', default: 'content' },
      templates: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
    CHECK_USAGE,
  );
  if (values.help) {
    console.log(CHECK_USAGE);
    return 0;
  }
  const dirs = resolveDirs(values);
  if (values.json) {
    const started = performance.now();
    const r = loadProject({ contentDir: dirs.content, templatesDir: dirs.templates });
    process.stdout.write(toJson(r, (performance.now() - started) / 1000) + '\n');
    return r.errorCount > 0 ? 1 : 0;
  }
  const r = checkContent(dirs, consoleLog, { color: process.stdout.isTTY === true && !process.env.NO_COLOR });
  return r.errorCount > 0 ? 1 : 0;
}
