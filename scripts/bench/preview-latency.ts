/**
 * The live preview's latency, as a clerk meets it: the preview runs on a scratch copy of the
 * demo county; a public entry is saved `saves` times with a new sentence; each time we time
 * (a) from the save until the entry's page, fetched over HTTP, shows the sentence, and (b)
 * until the whole reaction — check, page refresh and the unit's board drawn — is reported.
 * The first save after start is reported apart: it pays for parsing the fonts.
 */
import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startDevServer } from '../../src/cli/dev-command.ts';
import { collectingLog } from '../../src/pipeline/log.ts';
import type { SaveReport } from '../../src/preview/preview-session.ts';

export interface PreviewFigures {
  startSeconds: number;
  firstPageSeconds: number;
  /** Per save, in order: page visible, whole reaction, and the reaction's own steps. */
  saves: { pageSeconds: number; doneSeconds: number; checkSeconds: number; boardsSeconds: number }[];
}

export async function previewLatency(content: string, templates: string, entry: string, saves = 7): Promise<PreviewFigures> {
  const log = collectingLog();
  let onSaved: ((r: SaveReport) => void) | undefined;
  const t0 = performance.now();
  const server = await startDevServer({ content, templates, port: 0, log, onSaved: (r) => onSaved?.(r) });
  const startSeconds = (performance.now() - t0) / 1000;
  try {
    const [unit, , file] = entry.slice(join(content, 'entries').length + 1).split('/');
    const url = `http://localhost:${server.port}/units/${unit}/${file!.replace(/\.md$/, '')}/`;
    const t1 = performance.now();
    const first = await fetch(url);
    if (first.status !== 200) throw new Error(`预览中打不开 ${url}（${first.status}）`);
    await first.text();
    const firstPageSeconds = (performance.now() - t1) / 1000;
    const out: PreviewFigures['saves'] = [];
    for (let i = 0; i < saves; i++) {
      const mark = `实时预览测速第${i + 1}句${Date.now()}。`;
      const done = new Promise<SaveReport>((resolve) => (onSaved = resolve));
      const start = performance.now();
      appendFileSync(entry, `\n${mark}\n`);
      let page = NaN;
      for (let tries = 0; tries < 1000; tries++) {
        if ((await (await fetch(url)).text()).includes(mark)) {
          page = (performance.now() - start) / 1000;
          break;
        }
        await new Promise((r) => setTimeout(r, 10));
      }
      const report = await done;
      out.push({
        pageSeconds: page,
        doneSeconds: (performance.now() - start) / 1000,
        checkSeconds: report.seconds.check,
        boardsSeconds: report.seconds.boards,
      });
      // A clerk does not save twice a second; let the server settle as between real saves.
      await new Promise((r) => setTimeout(r, 500));
    }
    return { startSeconds, firstPageSeconds, saves: out };
  } finally {
    await server.stop();
  }
}

/** A public entry of the first village's latest year (the one-entry build edits the same kind). */
export function publicEntryOf(content: string, nth = 0): string {
  const entries = join(content, 'entries');
  const unit = readdirSync(entries)
    .filter((u) => u.startsWith('v-'))
    .sort()[nth]!;
  const year = readdirSync(join(entries, unit)).sort().pop()!;
  const file = readdirSync(join(entries, unit, year))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .find((f) => !/^scope:\s*party\s*$/m.test(readFileSync(join(entries, unit, year, f), 'utf8')));
  if (!file) throw new Error(`${unit}/${year} 没有社会公开的条目`);
  return join(entries, unit, year, file);
}
