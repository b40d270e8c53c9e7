/**
 * `gongkai build [--content DIR] [--out DIR] [--today D] [--shard i/n]`: a thin command over
 * runBuild (src/pipeline/run-build.ts): flags and environment in, lines on the terminal out.
 */
import { join } from 'node:path';
import { parseShard } from '../domain/shard.ts';
import { consoleLog } from '../pipeline/log.ts';
import { runBuild } from '../pipeline/run-build.ts';
import { saveStats } from '../pipeline/stage-stats.ts';
import { PROJECT_ROOT } from '../project-root.ts';
import { parseFlags, resolveDirs } from './args.ts';

export const BUILD_USAGE = `用法：npm run build -- [--content 文件夹] [--templates 文件夹] [--out 文件夹] [--today 2026-11-28] [--shard 第几份/共几份]
  先检查内容（有错误就停止），再生成网站、搜索索引、公开栏和明白卡印刷文件到输出文件夹（默认 dist）。
  --shard 2/3：分份构建（几台机器并行），只做第 2 份印刷文件和搜索索引；各份再用
  npm run gongkai -- merge 文件夹1 文件夹2 文件夹3 --out dist 合并。`;

export async function buildCommand(argv: string[]): Promise<number> {
  const { values } = parseFlags(
    argv,
    {
      content: { type: 'string', default: 'content' },
      templates: { type: 'string' },
      out: { type: 'string', default: 'dist' },
      today: { type: 'string' },
      shard: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    BUILD_USAGE,
  );
  if (values.help) {
    console.log(BUILD_USAGE);
    return 0;
  }
  const { content, templates } = resolveDirs(values);
  const result = await runBuild(
    {
      content,
      templates,
      out: values.out!,
      // Caches that make a rebuild do only the work that depends on what changed (all keyed by content hashes).
      cacheRoot: process.env.GONGKAI_CACHE_DIR ?? join(PROJECT_ROOT, '.cache'),
      astroCacheRoot: process.env.GONGKAI_CACHE_DIR,
      today: values.today,
      todayEnv: process.env.GONGKAI_TODAY,
      shard: values.shard === undefined ? undefined : parseShard(values.shard),
      verbose: !!process.env.GONGKAI_VERBOSE,
      color: process.stdout.isTTY === true && !process.env.NO_COLOR,
    },
    consoleLog,
  );
  if (process.env.GONGKAI_STATS) saveStats(process.env.GONGKAI_STATS, result);
  return 0;
}
