/**
 * `gongkai print`: only the print stage, a thin command over runPrintFiles and runInternal
 * (src/pipeline/run-print.ts). `--internal` writes the A4 meeting handouts of party-scope
 * entries to ./internal/ (never under dist/).
 */
import { join } from 'node:path';
import { TILE_SIZES } from '../domain/schema/board.ts';
import { resolveToday } from '../domain/time/today.ts';
import { UsageError } from '../errors.ts';
import { consoleLog } from '../pipeline/log.ts';
import { runInternal, runPrintFiles } from '../pipeline/run-print.ts';
import type { SheetSize } from '../print/layout/tile-plan.ts';
import { PROJECT_ROOT } from '../project-root.ts';
import { machineToday, parseFlags, resolveDirs } from './args.ts';

export const PRINT_USAGE = `用法：npm run print -- [--content 文件夹] [--out 文件夹] [--board 公开栏标识 …] [--card 单位标识 …] [--no-cards] [--tile A3|A4] [--today 日期] [--previous 清单]
  只生成印刷文件：每块公开栏一个 PDF（成品尺寸＋出血，带裁切线），每个单位一份明白卡拼版 PDF（正反两页），
  预览图、印刷清单和各镇压缩包，写到 输出文件夹/print/（默认 dist/print/）。
  --board     只生成这些公开栏（可以写多次）；此时不改动印刷清单和压缩包
  --card      只生成这些单位的明白卡（可以写多次）；只写 --card 时不生成公开栏，也不改动印刷清单和压缩包
  --no-cards  不生成明白卡（输出中也不保留旧的明白卡）
  --tile      另外生成拼贴版（A3 或 A4 纸拼贴，重叠 10 毫米粘贴）
  --today     按哪一天的内容排版（默认依次为 GONGKAI_TODAY、site.yaml 的 as_of、今天）
  --previous  上次发布的 manifest.json，用来标出有变化的公开栏（默认为输出文件夹中现有的清单）
用法：npm run print:internal -- [--content 文件夹] [--out 文件夹]
  生成党内公开内容的 A4 会议材料，写到 internal/（不在 dist/ 中，不会发布到网站）。`;

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
      cacheRoot: process.env.GONGKAI_CACHE_DIR ?? join(PROJECT_ROOT, '.cache'),
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
