/**
 * The first stage of every command that reads content: load and validate everything, and
 * report every problem at once, as `file:line:col: 错误[code] …` with a 提示 line.
 */
import { resolve } from 'node:path';
import { formatDiagnostic, formatSummary } from '../content/format-diagnostics.ts';
import { loadProject, type LoadResult } from '../content/load-project.ts';
import type { Log } from './log.ts';

export interface ContentDirs {
  content: string;
  templates: string;
}

export function checkContent(
  dirs: ContentDirs,
  log: Log,
  opts: { quietOk?: boolean; color?: boolean; only?: readonly string[]; goLive?: boolean; today?: string } = {},
): LoadResult & { seconds: number } {
  const started = performance.now();
  const result = loadProject({
    contentDir: resolve(dirs.content),
    templatesDir: resolve(dirs.templates),
    ...(opts.only ? { only: opts.only } : {}),
    ...(opts.goLive ? { goLive: true } : {}),
    ...(opts.today ? { today: opts.today } : {}),
  });
  const seconds = (performance.now() - started) / 1000;
  for (const d of result.diagnostics) log.info(`${formatDiagnostic(d, opts.color ?? false)}\n`);
  if (!(opts.quietOk && result.diagnostics.length === 0)) log.info(formatSummary(result, seconds));
  return { ...result, seconds };
}
