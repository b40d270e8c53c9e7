/**
 * `gongkai release-notes <from> [<to>]`: the boards and card sheets printers must reprint
 * between two releases (tags), as Markdown (to the screen) or Markdown and CSV (--out DIR).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { GitError } from '../git/git-changes.ts';
import { releaseNotesBetween } from '../pipeline/release-reprints.ts';
import { PROJECT_ROOT } from '../project-root.ts';
import { releaseNotesCsv, releaseNotesMarkdown } from '../review/release-notes-format.ts';
import { parseFlags, resolveDirs, machineToday } from './args.ts';
import { UsageError } from '../errors.ts';
import { resolveToday, todayLine } from '../domain/time/today.ts';
import { RELEASE_NOTES_USAGE } from './usage.ts';

export async function releaseNotesCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(
    argv,
    {
      content: { type: 'string', default: 'content' },
      templates: { type: 'string' },
      out: { type: 'string' },
      format: { type: 'string', default: 'md' },
      today: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    RELEASE_NOTES_USAGE,
  );
  if (values.help) {
    console.log(RELEASE_NOTES_USAGE);
    return 0;
  }
  const [from, to = 'HEAD', ...extra] = positionals;
  if (!from || extra.length) throw new UsageError(`请给出上一版本，和可选的本版本。\n\n${RELEASE_NOTES_USAGE}`);
  if (values.format !== 'md' && values.format !== 'csv') throw new UsageError(`--format 只能是 md 或 csv。`);
  if (values.today) resolveToday({ ...machineToday(), flag: values.today }); // a bad date is a usage error before git runs

  let notes;
  try {
    // The print cache `build` uses (GONGKAI_CACHE_DIR): the files of a built release need not be drawn again.
    const cacheDir = join(process.env.GONGKAI_CACHE_DIR ?? join(PROJECT_ROOT, '.cache'), 'print');
    notes = await releaseNotesBetween(resolveDirs(values), from, to, { flag: values.today }, { cacheDir, threads: availableParallelism() });
  } catch (e) {
    if (e instanceof GitError) throw new UsageError(e.message);
    throw e;
  }
  for (const side of [notes.from, notes.to]) console.error(`${side.label}：${todayLine(side.today)}`);
  const reprint = notes.rows.filter((r) => r.change !== 'removed').length;
  if (values.out) {
    const dir = resolve(values.out);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'release-notes.md'), releaseNotesMarkdown(notes));
    writeFileSync(join(dir, 'release-notes.csv'), releaseNotesCsv(notes));
    console.error(
      `✓ 需要印刷 ${reprint} 个文件，不再印刷 ${notes.rows.length - reprint} 个，其余 ${notes.unchanged} 个不变；已写入 ${join(values.out, 'release-notes.md')} 和 release-notes.csv`,
    );
  } else {
    process.stdout.write(values.format === 'csv' ? releaseNotesCsv(notes) : releaseNotesMarkdown(notes));
  }
  return 0;
}
