/** `gongkai merge <shard folders…> [--content DIR] [--out DIR]`: a thin command over runMerge (src/pipeline/run-merge.ts). */
import { consoleLog } from '../pipeline/log.ts';
import { runMerge } from '../pipeline/run-merge.ts';
import { saveStats } from '../pipeline/stage-stats.ts';
import { defaultCacheRoot } from '../project-root.ts';
import { parseFlags, resolveDirs } from './args.ts';
import { MERGE_USAGE } from './usage.ts';

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
  const result = await runMerge({ ...resolveDirs(values), shards: positionals, out: values.out!, cacheRoot: defaultCacheRoot() }, consoleLog);
  if (process.env.GONGKAI_STATS) saveStats(process.env.GONGKAI_STATS, result);
  return 0;
}
