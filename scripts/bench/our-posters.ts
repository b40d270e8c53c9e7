/**
 * Our side of the Chromium comparison, on the same boards: the print pipeline in one thread
 * (as the Chromium baseline uses one page), fonts already parsed, no cache, cards off.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Project } from '../../src/domain/model.ts';
import { runPrint } from '../../src/print/run/print-stage.ts';

export async function gongkaiPosters(
  project: Project,
  boardIds: readonly string[],
  today: string,
): Promise<{ posters: number; seconds: number; perPoster: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-ours-'));
  const run = (boards: readonly string[], tag: string) =>
    runPrint({ project, outDir: join(dir, tag), today, boards, cards: false, threads: 1, cacheDir: join(dir, `cache-${tag}`), index: false, log: () => {} });
  try {
    await run(boardIds.slice(0, 1), 'warm'); // fonts parsed once, as in a build
    const t0 = performance.now();
    await run(boardIds, 'timed');
    const seconds = (performance.now() - t0) / 1000;
    return { posters: boardIds.length, seconds, perPoster: seconds / boardIds.length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
