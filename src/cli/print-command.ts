/**
 * `gongkai print`: only the print stage, a thin command over runPrintFiles and runInternal
 * (src/pipeline/run-print.ts). `--internal` writes the A4 meeting handouts of party-scope
 * entries to ./internal/ (never under dist/).
 */
import { TILE_SIZES } from '../domain/schema/board.ts';
import { resolveToday } from '../domain/time/today.ts';
import { UsageError } from '../errors.ts';
import { consoleLog } from '../pipeline/log.ts';
import { runInternal, runPrintFiles } from '../pipeline/run-print.ts';
import type { SheetSize } from '../print/layout/tile-plan.ts';
import { defaultCacheRoot } from '../project-root.ts';
import { machineToday, parseFlags, resolveDirs } from './args.ts';
import { PRINT_USAGE } from './usage.ts';

export async function printCommand(argv: string[]): Promise<number> {
  const { values } = parseFlags(
    argv,
    {
      content: { type: 'string', default: 'content' },
      templates: { type: 'string' },
      out: { type: 'string' },
      board: { type: 'string', multiple: true },
      card: { type: 'string', multiple: true },
      'no-cards': { type: 'boolean', default: false },
      tile: { type: 'string' },
      today: { type: 'string' },
      previous: { type: 'string' },
      internal: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
    PRINT_USAGE,
  );
  if (values.help) {
    console.log(PRINT_USAGE);
    return 0;
  }
  if (values.tile !== undefined && !(TILE_SIZES as readonly string[]).includes(values.tile))
    throw new UsageError(`--tile 只能是 A3 或 A4，不能是“${values.tile}”。`);
  if (values.today) resolveToday({ ...machineToday(), flag: values.today }); // a bad date is a usage error before the content is read
  const when = { today: values.today, todayEnv: process.env.GONGKAI_TODAY };
  if (values.internal) {
    await runInternal({ ...resolveDirs(values), out: values.out ?? 'internal', ...when }, consoleLog);
    return 0;
  }
  await runPrintFiles(
    {
      ...resolveDirs(values),
      out: values.out ?? 'dist',
      // Same cache location as `build` (GONGKAI_CACHE_DIR), so a bench can start cold without touching .cache/.
      cacheRoot: defaultCacheRoot(),
      ...when,
      boards: values.board,
      units: values.card,
      cards: !values['no-cards'],
      tile: values.tile as SheetSize | undefined,
      previous: values.previous,
    },
    consoleLog,
  );
  return 0;
}
