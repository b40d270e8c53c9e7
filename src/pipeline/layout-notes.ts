/**
 * The layout notes of a print run (templates scaled to a board's size, content that did not
 * fit at the floor size): a few lines on screen, the whole list in a file. A build of the demo
 * has dozens; a thousand lines bury the one line that matters (the result), so the screen gets
 * the count, a few examples and where the rest is.
 *
 * The file is <cache>/reports/layout-notes.txt, not in the output folder: it is a log for the
 * webmaster, and a sharded build must merge byte-identical to a single one.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
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
}

/**
 * Prints each list (whole when short, else counted with examples) and writes all of them to
 * `file` (shown to the user as `shownAs`, when a list was cut short). The file is written every
 * time, so it never holds an earlier run's list.
 */
export function printNoteLists(lists: readonly NoteList[], file: string, shownAs: string, log: Log): void {
  const long = lists.some((l) => l.lines.length > SHOWN);
  for (const l of lists) {
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

/** A print run's notes: the warnings of its plan and what did not fit (overflowReport). */
export function printLayoutNotes(warnings: readonly string[], overflow: readonly string[], cacheRoot: string, log: Log): void {
  const file = join(cacheRoot, 'reports', 'layout-notes.txt');
  const rel = relative(process.cwd(), file);
  printNoteLists(
    [
      { kind: '注意', what: '条排版提示', lines: warnings },
      { kind: '排不下', what: '块公开栏或明白卡的内容在最小字号下排不下', lines: overflow },
    ],
    file,
    rel.startsWith('..') ? file : rel,
    log,
  );
}
