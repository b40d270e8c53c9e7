/**
 * `gongkai print`: only the print stage — the posters of all boards (or some), the household
 * cards of all units (or some), their previews, the manifest and the town zips — into
 * <out>/print. `--internal` instead writes the A4 meeting handouts of party-scope entries to
 * ./internal/ (never under dist/).
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { TILE_SIZES } from '../domain/schema/board.ts';
import type { SheetSize } from '../print/tile-plan.ts';
import { parseFlags, PROJECT_ROOT, resolveDirs } from './args.ts';
import { runCheck } from './check-command.ts';
import { ContentError, UsageError } from '../errors.ts';
import { printNoteLists } from './long-lists.ts';
import { resolveToday, todayNote } from './today.ts';

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

/**
 * The layout notes of a run (scaled templates, what did not fit), with the whole list in
 * <cache>/reports/layout-notes.txt when it is too long for the screen. Not in the output
 * folder: it is a log for the webmaster, and a sharded build must merge byte-identical.
 */
export function printLayoutNotes(warnings: readonly string[], overflow: readonly string[], cacheRoot: string): void {
  const file = join(cacheRoot, 'reports', 'layout-notes.txt');
  const rel = relative(process.cwd(), file);
  printNoteLists(
    [
      { kind: '注意', what: '条排版提示', lines: warnings },
      { kind: '排不下', what: '块公开栏或明白卡的内容在最小字号下排不下', lines: overflow },
    ],
    file,
    rel.startsWith('..') ? file : rel,
  );
}

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
  if (values.tile !== undefined && !(TILE_SIZES as readonly string[]).includes(values.tile)) throw new UsageError(`--tile 只能是 A3 或 A4，不能是“${values.tile}”。`);
  if (values.today) resolveToday({ flag: values.today }); // a bad date is a usage error before the content is read
  const dirs = resolveDirs(values);
  const checked = runCheck({ ...dirs, json: false, quietOk: true });
  if (checked.errorCount > 0 || !checked.project) throw new ContentError('内容有错误，没有生成印刷文件。请先改正上面列出的问题（npm run check）。');
  const resolved = resolveToday({ flag: values.today, asOf: checked.project.site.as_of });
  const note = todayNote(resolved, '“今天”');
  if (note) console.log(note);
  const today = resolved.date;
  // Same cache location as `build` (GONGKAI_CACHE_DIR), so a bench can start cold without touching .cache/.
  const cacheRoot = process.env.GONGKAI_CACHE_DIR ?? join(PROJECT_ROOT, '.cache');
  const cacheDir = join(cacheRoot, 'print');
  // Loaded here, not at the top: pdfkit, fontkit and sharp would slow every other command's start.
  const [{ runInternalHandouts }, { cardSummary, overflowReport, runPrint }, { LayoutError }] = await Promise.all([import('../print/internal-handouts.ts'), import('../print/pipeline.ts'), import('../print/template-layout.ts')]);

  if (values.internal) {
    const out = resolve(values.out ?? 'internal');
    const r = await runInternalHandouts({ project: checked.project, outDir: out, today });
    console.log(`✓ 党内公开会议材料：${r.files} 个文件（${r.entries} 条党内公开内容），写到 ${out}。这些文件只在会议上发放，不要上传到网站。`);
    return 0;
  }

  const out = resolve(values.out ?? 'dist');
  const partial = (values.board?.length ?? 0) + (values.card?.length ?? 0) > 0;
  // A full run builds aside and swaps, so a failed run leaves the previous print files intact.
  const root = partial ? out : join(out, `.print-partial-${process.pid}`);
  const previous = values.previous ? resolve(values.previous) : join(out, 'print', 'manifest.json');
  try {
    const r = await runPrint({ project: checked.project, outDir: root, today, cacheDir, previousManifest: previous, index: !partial, ...(values.board ? { boards: values.board } : {}), ...(values.card ? { units: values.card } : {}), ...(values['no-cards'] ? { cards: false } : {}), ...(values.tile ? { tile: values.tile as SheetSize } : {}) });
    if (!partial) {
      rmSync(join(out, 'print'), { recursive: true, force: true });
      renameSync(join(root, 'print'), join(out, 'print'));
      rmSync(root, { recursive: true, force: true });
    }
    printLayoutNotes(r.warnings, overflowReport(r.manifest), cacheRoot);
    const changed = r.manifest.boards.filter((b) => b.changed).length;
    if (r.manifest.boards.length || !values.card) console.log(`✓ 公开栏印刷文件：${r.manifest.boards.length} 块（新排 ${r.rendered}，沿用缓存 ${r.cached}；与上次相比有变化 ${changed} 块）。`);
    if (r.manifest.cards.length) console.log(`✓ ${cardSummary(r)}`);
    console.log(`  用时 ${r.seconds.toFixed(1)} 秒，写到 ${join(out, 'print')}。`);
    return 0;
  } catch (e) {
    if (!partial && existsSync(root)) rmSync(root, { recursive: true, force: true });
    if (e instanceof LayoutError) throw new ContentError(e.message);
    if (e instanceof Error && /公开栏名录|单位名录/.test(e.message)) throw new UsageError(e.message);
    throw e;
  }
}
