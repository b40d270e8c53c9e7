/**
 * `gongkai build [--content DIR] [--out DIR] [--today D] [--shard i/n]`: a thin command over
 * runBuild (src/pipeline/run-build.ts): flags and environment in, lines on the terminal out.
 */
import { parseShard } from '../domain/shard.ts';
import { consoleLog } from '../pipeline/log.ts';
import { runBuild } from '../pipeline/run-build.ts';
import { saveStats } from '../pipeline/stage-stats.ts';
import { defaultCacheRoot } from '../project-root.ts';
import { machineToday, parseFlags, resolveDirs } from './args.ts';
import { BUILD_USAGE } from './usage.ts';

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
      cacheRoot: defaultCacheRoot(),
      astroCacheRoot: process.env.GONGKAI_CACHE_DIR,
      today: values.today,
      todayEnv: process.env.GONGKAI_TODAY,
      clock: machineToday().clock,
      shard: values.shard === undefined ? undefined : parseShard(values.shard),
      verbose: !!process.env.GONGKAI_VERBOSE,
      color: process.stdout.isTTY === true && !process.env.NO_COLOR,
    },
    consoleLog,
  );
  if (process.env.GONGKAI_STATS) saveStats(process.env.GONGKAI_STATS, result);
  return 0;
}
