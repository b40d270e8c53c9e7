/** `gongkai merge <shard folders…> [--content DIR] [--out DIR]`: a thin command over runMerge (src/pipeline/run-merge.ts). */
import { join } from 'node:path';
import { consoleLog } from '../pipeline/log.ts';
import { runMerge } from '../pipeline/run-merge.ts';
import { saveStats } from '../pipeline/stage-stats.ts';
import { PROJECT_ROOT } from '../project-root.ts';
import { parseFlags, resolveDirs } from './args.ts';

export const MERGE_USAGE = `用法：npm run gongkai -- merge 文件夹1 文件夹2 … [--content 文件夹] [--out 文件夹]
  把分份构建（npm run build -- --shard i/n）的各份合并成完整的输出文件夹（默认 dist），
  写印刷清单和各镇压缩包，再检查有没有党内内容。各份必须来自同一次构建（同一内容、同一日期）。`;

export async function mergeCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(
    argv,
    {
      content: { type: 'string', default: 'content' },
      templates: { type: 'string' },
      out: { type: 'string', default: 'dist' },
      help: { type: 'boolean', short: 'h' },
    },
    MERGE_USAGE,
  );
  if (values.help) {
    console.log(MERGE_USAGE);
    return 0;
  }
  const result = await runMerge(
    { ...resolveDirs(values), shards: positionals, out: values.out!, cacheRoot: process.env.GONGKAI_CACHE_DIR ?? join(PROJECT_ROOT, '.cache') },
    consoleLog,
  );
  if (process.env.GONGKAI_STATS) saveStats(process.env.GONGKAI_STATS, result);
  return 0;
}
