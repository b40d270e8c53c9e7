/**
 * Release notes inside `gongkai build`: computed before the site (the printers' page shows
 * them, through the build's context) — the products whose files differ from the last release's,
 * printed from both sides through the print cache (release-reprints.ts) — and written as
 * print/release-notes.md and .csv beside the posters. A failure here never stops the build: the site and posters matter more than the
 * list, and the build says what went wrong.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Project } from '../domain/model.ts';
import type { Today } from '../domain/time/today.ts';
import type { ReleaseNotes } from '../review/release-diff.ts';
import type { ContentDirs, GivenToday } from '../review/release-notes.ts';
import { releaseNotesCsv, releaseNotesMarkdown } from '../review/release-notes-format.ts';
import { releaseNotesSinceLastTag, type ReleasePrinting } from './release-reprints.ts';

export interface StagedReleaseNotes {
  notes: ReleaseNotes | undefined;
  /** What to tell the person building (one line), if anything. */
  message: string | undefined;
  /** Writes release-notes.md and .csv into the print folder (nothing without notes). */
  write(printDir: string): void;
}

export async function stageReleaseNotes(
  dirs: ContentDirs,
  current: { project: Project; today: Today },
  given: GivenToday,
  printing: ReleasePrinting,
): Promise<StagedReleaseNotes> {
  let notes: ReleaseNotes | undefined;
  let message: string | undefined;
  try {
    notes = await releaseNotesSinceLastTag(dirs, current, given, printing);
  } catch (e) {
    message = `注意：没有生成重新印刷清单（${e instanceof Error ? e.message : String(e)}）。网站和印刷文件不受影响。`;
  }
  if (notes) {
    const reprint = notes.rows.filter((r) => r.change !== 'removed').length;
    message = `✓ 重新印刷清单（${notes.from.label} → ${notes.to.label}）：需要印刷 ${reprint} 个文件，不再印刷 ${notes.rows.length - reprint} 个，其余 ${notes.unchanged} 个不变。`;
  }
  return {
    notes,
    message,
    write(printDir) {
      if (!notes) return;
      mkdirSync(printDir, { recursive: true });
      writeFileSync(join(printDir, 'release-notes.md'), releaseNotesMarkdown(notes));
      writeFileSync(join(printDir, 'release-notes.csv'), releaseNotesCsv(notes));
    },
  };
}
