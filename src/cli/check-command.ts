/**
 * `gongkai check [FILE…] [--content DIR] [--json]`: validate everything, report everything;
 * with files, just those files in their units' context.
 */
import { existsSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { UsageError } from '../errors.ts';
import { toJson } from '../content/format-diagnostics.ts';
import { loadProject } from '../content/load-project.ts';
import { checkContent } from '../pipeline/check-stage.ts';
import { consoleLog } from '../pipeline/log.ts';
import { parseFlags, resolveDirs } from './args.ts';
import { CHECK_USAGE } from './usage.ts';

export function checkCommand(argv: string[]): number {
  const { values, positionals } = parseFlags(
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
  const only = positionals.length ? namedFiles(positionals, dirs.content) : undefined;
  if (values.json) {
    const started = performance.now();
    const r = loadProject({ contentDir: dirs.content, templatesDir: dirs.templates, ...(only ? { only } : {}) });
    process.stdout.write(toJson(r, (performance.now() - started) / 1000) + '\n');
    return r.errorCount > 0 ? 1 : 0;
  }
  const r = checkContent(dirs, consoleLog, { color: process.stdout.isTTY === true && !process.env.NO_COLOR, ...(only ? { only } : {}) });
  return r.errorCount > 0 ? 1 : 0;
}

/**
 * The files a clerk named, as absolute paths inside the content folder. Relative paths are
 * taken from where the clerk typed the command: npm runs scripts in the project folder but
 * keeps that place in INIT_CWD.
 */
function namedFiles(paths: string[], contentDir: string): string[] {
  const base = process.env.INIT_CWD ?? process.cwd();
  const shown = relative(process.cwd(), contentDir) || '.';
  return paths.map((p) => {
    const abs = resolve(base, p);
    const rel = relative(contentDir, abs);
    if (rel.startsWith('..') || resolve(contentDir, rel) !== abs || rel.split(sep)[0] === '..') {
      throw new UsageError(
        `“${p}”不在内容文件夹 ${shown}/ 里：check 只检查内容文件。\n请给出 ${shown}/ 下的文件或文件夹，例如 npm run check -- ${shown}/entries/<单位>/2026/<文件名>.md`,
      );
    }
    if (!existsSync(abs)) throw new UsageError(`找不到“${p}”。请确认文件名和路径（可以从文件管理器里复制路径）。`);
    return abs;
  });
}
