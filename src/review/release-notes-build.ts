/**
 * Release notes inside `gongkai build`: computed before the site (the printers' page shows
 * them), handed to Astro through a temporary file (Astro empties its output folder first), and
 * written as print/release-notes.md and .csv beside the posters. A failure here never stops the
 * build: the site and posters matter more than the list, and the build says what went wrong.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Project } from '../domain/model.ts';
import type { Today } from '../cli/today.ts';
import type { ReleaseNotes } from './release-diff.ts';
import { releaseNotesSinceLastTag, type ContentDirs, type GivenToday } from './release-notes.ts';
import { releaseNotesCsv, releaseNotesMarkdown, RELEASE_NOTES_ENV } from './release-notes-format.ts';

export interface StagedReleaseNotes {
  notes: ReleaseNotes | undefined;
  /** What to tell the person building (one line), if anything. */
  message: string | undefined;
  /** Writes release-notes.md and .csv into the print folder (nothing without notes). */
  write(printDir: string): void;
  /** Removes the temporary file the site read. */
  dispose(): void;
}

export function stageReleaseNotes(dirs: ContentDirs, current: { project: Project; today: Today }, given: GivenToday): StagedReleaseNotes {
  let notes: ReleaseNotes | undefined;
  let message: string | undefined;
  try {
    notes = releaseNotesSinceLastTag(dirs, current, given);
  } catch (e) {
    message = `注意：没有生成重新印刷清单（${e instanceof Error ? e.message : String(e)}）。网站和印刷文件不受影响。`;
  }
  let tmp: string | undefined;
  if (notes) {
    tmp = mkdtempSync(join(tmpdir(), 'gongkai-notes-'));
    writeFileSync(join(tmp, 'release-notes.json'), JSON.stringify(notes));
    process.env[RELEASE_NOTES_ENV] = join(tmp, 'release-notes.json');
    const reprint = notes.rows.filter((r) => r.change !== 'removed').length;
    message = `✓ 重新印刷清单（${notes.from.label} → ${notes.to.label}）：需要印刷 ${reprint} 个文件，不再印刷 ${notes.rows.length - reprint} 个，其余 ${notes.unchanged} 个不变。`;
  } else {
    delete process.env[RELEASE_NOTES_ENV];
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
    dispose() {
      if (tmp) rmSync(tmp, { recursive: true, force: true });
      delete process.env[RELEASE_NOTES_ENV];
    },
  };
}
