/**
 * `gongkai check [FILE…] [--content DIR] [--json]`: validate everything, report everything;
 * with files, just those files in their units' context.
 */
import { existsSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { UsageError } from '../errors.ts';
import type { Diagnostic } from '../domain/diagnostics.ts';
import type { Project } from '../domain/model.ts';
import { launchExplanation } from '../domain/rules/go-live-rules.ts';
import { toJson } from '../load/format-diagnostics.ts';
import { loadProject } from '../load/load-project.ts';
import { checkContent, openParseCache } from '../pipeline/check-stage.ts';
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
      'go-live': { type: 'boolean', default: false },
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
  const goLive = values['go-live'] === true;
  if (goLive && only) throw new UsageError('--go-live 检查整个内容文件夹，不能同时给出文件。');
  const today = process.env.GONGKAI_TODAY;
  const scope = { ...(only ? { only } : {}), ...(goLive ? { goLive } : {}), ...(today ? { today } : {}) };
  if (values.json) {
    const started = performance.now();
    const r = loadProject({ contentDir: dirs.content, templatesDir: dirs.templates, ...scope, cache: openParseCache(dirs.content) });
    process.stdout.write(toJson(r, (performance.now() - started) / 1000) + '\n');
    return r.errorCount > 0 ? 1 : 0;
  }
  const r = checkContent(dirs, consoleLog, { color: process.stdout.isTTY === true && !process.env.NO_COLOR, ...scope });
  if (goLive) console.log(goLiveVerdict(r.diagnostics, r.errorCount, r.project));
  return r.errorCount > 0 ? 1 : 0;
}

/** The go-live check's last word: what is left to do, counted by kind, or that the county may go live. */
function goLiveVerdict(diagnostics: readonly Diagnostic[], errors: number, project: Project | undefined): string {
  // What supervision will show on the first day depends on the launch day: said either way.
  const launch = project ? [`  ${launchExplanation(project.site, project.catalog)}`] : [];
  if (!errors) return ['✓ 上线检查通过：没有示范数据的占位内容。可以在 site.yaml 中写 production: true，然后构建发布。', ...launch].join('\n');
  const counts = new Map<string, number>();
  for (const d of diagnostics) if (d.severity === 'error') counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
  const lines = [...counts].map(([code, n]) => `  - ${GO_LIVE_TODO[code] ?? `其他错误（${code}）`}：${n} 处`);
  return ['✗ 还不能上线，剩下要做的事：', ...lines, '全部改完后重新运行 npm run check -- --go-live。', ...launch].join('\n');
}

const GO_LIVE_TODO: Record<string, string> = {
  'placeholder-address': '把示范网址改成本县网站的地址（site.yaml）',
  'placeholder-phone': '把 0000 开头的示范电话改成真实号码',
  'placeholder-name': '把“某某”“示范县”等占位文字改成真实名称',
  'as-of-in-production': '删除 site.yaml 中的 as_of',
  placeholder: '把条目中的“（待填写）”填完',
  'calendar-gap': '改正节假日数据算不到的日期，或录入那一年的节假日安排（content/calendar/）',
};

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
