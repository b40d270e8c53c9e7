/**
 * The print stage alone (`gongkai print`): check, then the posters of all boards (or some),
 * the household cards of all units (or some), their previews, the manifest and the town zips,
 * into <out>/print. A full run writes the print folder aside and swaps it in (Staging), so a
 * failed run leaves the previous print files intact; a partial run (some boards or cards)
 * writes its files in place and leaves the manifest and zips alone.
 *
 * `runInternal` writes the A4 meeting handouts of party-scope entries to a folder outside the
 * site (never under dist/).
 */
import { join, resolve } from 'node:path';
import type { Project } from '../domain/model.ts';
import { resolveToday, todayNote, type Today } from '../domain/time/today.ts';
import { ContentError } from '../errors.ts';
import type { PrintResult } from '../print/run/print-stage.ts';
import type { SheetSize } from '../print/layout/tile-plan.ts';
import { checkContent, type ContentDirs } from './check-stage.ts';
import { printLayoutNotes } from './layout-notes.ts';
import type { Log } from './log.ts';
import { StageRecorder } from './stage-stats.ts';
import { Staging } from './staging.ts';

export interface PrintRunOptions extends ContentDirs {
  out: string;
  cacheRoot: string;
  today?: string | undefined;
  todayEnv?: string | undefined;
  clock?: () => Date;
  /** Only these boards / these units' cards (then nothing else, and no manifest or zips). */
  boards?: string[] | undefined;
  units?: string[] | undefined;
  cards?: boolean;
  tile?: SheetSize | undefined;
  /** The previous release's manifest.json, to mark what changed (default: the one in <out>/print). */
  previous?: string | undefined;
}

/** Checks the content and decides "today", as every print run starts. */
function start(
  o: ContentDirs & { today?: string | undefined; todayEnv?: string | undefined; clock?: () => Date },
  log: Log,
  what: string,
): { project: Project; today: Today } {
  const checked = checkContent(o, log, { quietOk: true });
  if (checked.errorCount > 0 || !checked.project) throw new ContentError(`内容有错误，没有生成${what}。请先改正上面列出的问题（npm run check）。`);
  const today = resolveToday({ flag: o.today, env: o.todayEnv, asOf: checked.project.site.as_of, clock: o.clock ?? (() => new Date()) });
  const note = todayNote(today, '“今天”');
  if (note) log.info(note);
  return { project: checked.project, today };
}

export async function runPrintFiles(o: PrintRunOptions, log: Log): Promise<PrintResult> {
  const { project, today } = start(o, log, '印刷文件');
  // Loaded here, not at the top: pdfkit, fontkit and sharp would slow every other command's start.
  const { cardSummary, emptyBoardsNote, overflowReport, runPrint } = await import('../print/run/print-stage.ts');
  const out = resolve(o.out);
  const partial = (o.boards?.length ?? 0) + (o.units?.length ?? 0) > 0;
  const previousManifest = o.previous ? resolve(o.previous) : join(out, 'print', 'manifest.json');
  const options = {
    project,
    today: today.date,
    cacheDir: join(o.cacheRoot, 'print'),
    previousManifest,
    index: !partial,
    log: (line: string) => log.info(line),
    ...(o.boards ? { boards: o.boards } : {}),
    ...(o.units ? { units: o.units } : {}),
    ...(o.cards === false ? { cards: false } : {}),
    ...(o.tile ? { tile: o.tile } : {}),
  };
  let r: PrintResult;
  if (partial) {
    r = await runPrint({ ...options, outDir: out });
  } else {
    const staged = new Staging(join(out, 'print'), new StageRecorder());
    const work = staged.sibling('.run');
    r = await staged.run('print', '印刷文件', () => runPrint({ ...options, outDir: work }));
    staged.adoptAll(join(work, 'print'));
    staged.tidy();
    await staged.swap();
  }
  printLayoutNotes(r.warnings, overflowReport(r.manifest), o.cacheRoot, log, r.manifest.empty);
  const changed = r.manifest.boards.filter((b) => b.changed).length;
  if (r.manifest.boards.length || !o.units)
    log.info(
      `✓ 公开栏印刷文件：${r.manifest.boards.length} 块（新排 ${r.rendered}，沿用缓存 ${r.cached}；与上次相比有变化 ${changed} 块${emptyBoardsNote(r.manifest)}）。`,
    );
  if (r.manifest.cards.length || r.manifest.empty.cards.length) log.info(`✓ ${cardSummary(r)}`);
  log.info(`  用时 ${r.seconds.toFixed(1)} 秒，写到 ${join(out, 'print')}。`);
  return r;
}

export async function runInternal(
  o: ContentDirs & { out: string; today?: string | undefined; todayEnv?: string | undefined; clock?: () => Date },
  log: Log,
): Promise<{ files: number; entries: number }> {
  const { project, today } = start(o, log, '会议材料');
  const { runInternalHandouts } = await import('../print/run/internal-handouts.ts');
  const out = resolve(o.out);
  const r = await runInternalHandouts({ project, outDir: out, today: today.date });
  log.info(`✓ 党内公开会议材料：${r.files} 个文件（${r.entries} 条党内公开内容），写到 ${out}。这些文件只在会议上发放，不要上传到网站。`);
  return r;
}
