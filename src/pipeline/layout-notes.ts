/**
 * The layout notes of a print run (templates scaled to a board's size, content that did not
 * fit at the floor size, boards and cards with nothing to print): a few lines on screen, the
 * whole list in a file. A build of the demo
 * has dozens; a thousand lines bury the one line that matters (the result), so the screen gets
 * the count, a few examples and where the rest is.
 *
 * The file is <cache>/reports/layout-notes.txt, not in the output folder: it is a log for the
 * webmaster, and a sharded build must merge byte-identical to a single one.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { EmptyProducts } from '../print/jobs/manifest.ts';
import type { Log } from './log.ts';

/** At most this many lines of one kind are printed whole. */
const SHOWN = 5;
/** Examples shown when there are more. */
const EXAMPLES = 3;

export interface NoteList {
  /** The line prefix, e.g. "排不下" or "注意". */
  kind: string;
  /** What a line is about, for the count: "块公开栏或明白卡的内容在最小字号下排不下". */
  what: string;
  lines: readonly string[];
  /** Written to the file only (the caller says it on screen in its own words). */
  fileOnly?: boolean;
}

/**
 * Prints each list (whole when short, else counted with examples) and writes all of them to
 * `file` (shown to the user as `shownAs`, when a list was cut short). The file is written every
 * time, so it never holds an earlier run's list.
 */
export function printNoteLists(lists: readonly NoteList[], file: string, shownAs: string, log: Log): void {
  const long = lists.some((l) => !l.fileOnly && l.lines.length > SHOWN);
  for (const l of lists) {
    if (l.fileOnly) continue;
    if (l.lines.length <= SHOWN) {
      for (const line of l.lines) log.warn(`${l.kind}：${line}`);
      continue;
    }
    log.warn(`${l.kind}：共 ${l.lines.length} ${l.what}，例如：`);
    for (const line of l.lines.slice(0, EXAMPLES)) log.warn(`  ${line}`);
  }
  mkdirSync(dirname(file), { recursive: true });
  const text = lists
    .filter((l) => l.lines.length)
    .map((l) => `# ${l.kind}（${l.lines.length} 条）\n\n${l.lines.join('\n')}\n`)
    .join('\n');
  writeFileSync(file, text || '没有提示。\n');
  if (long) log.warn(`  完整清单：${shownAs}`);
}

/** Names shown on screen of the boards and cards with nothing to print; the file has them all. */
const EMPTY_NAMED = 10;

/** One line per board or card with nothing to print today, for the file. */
export function emptyLines(empty: EmptyProducts): string[] {
  return [...empty.boards.map((b) => `公开栏 ${b.id}（${b.unit_name}，${b.location ?? ''}）`), ...empty.cards.map((c) => `明白卡 ${c.unit}（${c.unit_name}）`)];
}

/**
 * The webmaster's one line on the boards and cards left out of the print order because they
 * have nothing public to show today, e.g. “12 块公开栏、35 个单位的明白卡目前没有可印的内容，
 * 没有列入印刷清单：…”. Undefined when every board and card has something to print.
 */
export function emptyHeadline(empty: EmptyProducts, fullList?: string): string | undefined {
  const counts = [...(empty.boards.length ? [`${empty.boards.length} 块公开栏`] : []), ...(empty.cards.length ? [`${empty.cards.length} 个单位的明白卡`] : [])];
  if (!counts.length) return undefined;
  const ids = [...empty.boards.map((b) => b.id), ...empty.cards.map((c) => `${c.unit}（明白卡）`)];
  const named = ids.length > EMPTY_NAMED ? `${ids.slice(0, EMPTY_NAMED).join('、')} 等${fullList ? `，完整清单：${fullList}` : ''}` : ids.join('、');
  return (
    `${counts.join('、')}目前没有可印的内容，没有列入印刷清单（不生成印刷文件，不计印数，不进各镇压缩包）：${named}。` +
    '这些单位发布公开内容后，下一次构建就会生成它们的印刷文件。'
  );
}

/** A print run's notes: the warnings of its plan, what did not fit (overflowReport) and what has nothing to print. */
export function printLayoutNotes(warnings: readonly string[], overflow: readonly string[], cacheRoot: string, log: Log, empty?: EmptyProducts): void {
  const file = join(cacheRoot, 'reports', 'layout-notes.txt');
  const rel = relative(process.cwd(), file);
  const shown = rel.startsWith('..') ? file : rel;
  printNoteLists(
    [
      { kind: '注意', what: '条排版提示', lines: warnings },
      { kind: '排不下', what: '块公开栏或明白卡的内容在最小字号下排不下', lines: overflow },
      // Said on screen in one line below, named in full in the file.
      { kind: '没有可印的内容', what: '', lines: empty ? emptyLines(empty) : [], fileOnly: true },
    ],
    file,
    shown,
    log,
  );
  const headline = empty && emptyHeadline(empty, shown);
  if (headline) log.warn(`注意：${headline}`);
}
