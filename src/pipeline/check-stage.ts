/**
 * The first stage of every command that reads content: load and validate everything, and
 * report every problem at once, as `file:line:col: 错误[code] …` with a 提示 line.
 */
import { join, resolve } from 'node:path';
import { formatDiagnostic, formatSummary } from '../load/format-diagnostics.ts';
import { loadProject, type LoadResult } from '../load/load-project.ts';
import { ParseCache } from '../load/parse-cache.ts';
import { WORK_ROOT } from '../project-root.ts';
import { astroCacheDir } from '../site/astro-cache-dir.ts';
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
    cache: openParseCache(dirs.content),
  });
  const seconds = (performance.now() - started) / 1000;
  for (const d of result.diagnostics) log.info(`${formatDiagnostic(d, opts.color ?? false)}\n`);
  if (!(opts.quietOk && result.diagnostics.length === 0)) log.info(formatSummary(result, seconds));
  return { ...result, seconds };
}

/** The content folder's parse cache, beside its Astro cache (GONGKAI_CACHE_DIR moves both). */
export function openParseCache(contentDir: string): ParseCache {
  return ParseCache.open(join(astroCacheDir(contentDir, WORK_ROOT, process.env.GONGKAI_CACHE_DIR), 'check-cache.v8'));
}
