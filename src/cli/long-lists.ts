/**
 * Long lists in a command's output: a few lines on screen, the whole list in a file. A build
 * of the demo has dozens of layout notes; a thousand lines bury the one line that matters
 * (the result), so the screen gets the count, a few examples and where the rest is.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** At most this many lines of one kind are printed whole. */
const SHOWN = 5;
/** Examples shown when there are more. */
const EXAMPLES = 3;

export interface NoteList {
  /** The line prefix, e.g. "排不下" or "注意". */
  kind: string;
  /** What a line is about, for the count: "块公开栏或明白卡内容排不下". */
  what: string;
  lines: readonly string[];
}

/**
 * Prints each list (whole when short, else counted with examples) and writes all of them to
 * `file` (shown to the user as `shownAs`, when a list was cut short). The file is written every
 * time, so it never holds an earlier run's list.
 */
export function printNoteLists(lists: readonly NoteList[], file: string, shownAs: string, warn: (line: string) => void = console.warn): void {
  const long = lists.some((l) => l.lines.length > SHOWN);
  for (const l of lists) {
    if (l.lines.length <= SHOWN) {
      for (const line of l.lines) warn(`${l.kind}：${line}`);
      continue;
    }
    warn(`${l.kind}：共 ${l.lines.length} ${l.what}，例如：`);
    for (const line of l.lines.slice(0, EXAMPLES)) warn(`  ${line}`);
  }
  mkdirSync(dirname(file), { recursive: true });
  const text = lists.filter((l) => l.lines.length).map((l) => `# ${l.kind}（${l.lines.length} 条）\n\n${l.lines.join('\n')}\n`).join('\n');
  writeFileSync(file, text || '没有提示。\n');
  if (long) warn(`  完整清单：${shownAs}`);
}
