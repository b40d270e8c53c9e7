/**
 * No holes in a printed board: on every board of the mini county and on the demo county's
 * hardest ones — the town boards whose body is at its size cap (b-t-sancha, b-t-shiqiao), small
 * boards printing summaries (b-v-shiqiao-xiling, b-v-sancha-baigou), a scaled 800×600 board, a
 * full one — the largest empty rectangle inside the trim, after a 5 mm dilation of the ink at
 * 10 dpi, is at most 8 % of the trim. Measured on the PDFs, drawn by PDF.js (board-holes.ts).
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { boardHoles } from '../../src/pipeline/board-holes.ts';
import { layoutHoles } from '../../src/print/layout/fill-figures.ts';
import { fontMeasurer } from '../../src/print/render/fonts.ts';
import { textBoxWidth } from '../../src/print/render/preview.ts';
import { layoutJob } from '../../src/print/render/render-board.ts';
import { planPrint, runPrint } from '../../src/print/run/print-stage.ts';
import { load, MINI, ROOT, tempDirs } from '../helpers.ts';

const temp = tempDirs('gongkai-');

const HARDEST = ['b-t-sancha', 'b-t-shiqiao', 'b-v-shiqiao-xiling', 'b-v-sancha-baigou', 'b-v-dongcheng-nanmen', 'b-v-qingshui-taohua', 'b-cu-jiwei'];
const LIMIT = 0.08;

/** The demo county cut down to the units of `boards`: its registries, those boards, their units' entries. */
function demoPart(boards: readonly string[]): string {
  const dir = temp('gongkai-holes-demo-');
  const demo = join(ROOT, 'content');
  for (const f of ['catalog.yaml', 'units.yaml']) cpSync(join(demo, f), join(dir, f));
  // Without its forge settings: a cut-down copy is no repository with a CODEOWNERS file.
  writeFileSync(join(dir, 'site.yaml'), readFileSync(join(demo, 'site.yaml'), 'utf8').replace(/^codeowners:\n(?:[ #].*\n)*/m, ''));
  const all = parse(readFileSync(join(demo, 'boards.yaml'), 'utf8')) as { id: string; unit: string }[];
  const chosen = all.filter((b) => boards.includes(b.id));
  writeFileSync(join(dir, 'boards.yaml'), stringify(chosen));
  for (const b of chosen) cpSync(join(demo, 'entries', b.unit), join(dir, 'entries', b.unit), { recursive: true });
  mkdirSync(join(dir, 'requests'), { recursive: true });
  return dir;
}

async function holesOfBoards(content: string): Promise<{ id: string; largest: number; estimate: number }[]> {
  const { project, diagnostics } = load(content);
  expect(diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line} ${d.message}`)).toEqual([]);
  const out = temp('gongkai-holes-');
  const today = '2026-11-28';
  const { manifest } = await runPrint({ project: project!, outDir: out, today, cacheDir: join(out, 'cache'), index: false, cards: false, log: () => {} });
  const m = fontMeasurer();
  const plan = planPrint({ project: project!, outDir: out, today, cacheDir: '', cards: false });
  const rows = [];
  for (const b of manifest.boards) {
    const job = plan.jobs.find((j) => j.boardId === b.id)!;
    rows.push({ id: b.id, largest: (await boardHoles(join(out, b.pdf))).largest, estimate: layoutHoles(layoutJob(job, m).pages[0]!, textBoxWidth(m)).largest });
  }
  return rows;
}

describe('no holes in a board', { timeout: 120_000 }, () => {
  it('the mini county’s boards', async () => {
    const rows = await holesOfBoards(MINI);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.largest > LIMIT)).toEqual([]);
  });

  it('the demo county’s hardest boards; the layout’s own estimate agrees with the PDF', async () => {
    const rows = await holesOfBoards(demoPart(HARDEST));
    expect(rows.map((r) => r.id).sort()).toEqual([...HARDEST].sort());
    console.log(rows.map((r) => `${r.id} ${(r.largest * 100).toFixed(1)}%（版面估计 ${(r.estimate * 100).toFixed(1)}%）`).join('\n'));
    expect(rows.filter((r) => r.largest > LIMIT)).toEqual([]);
    for (const r of rows) expect(Math.abs(r.largest - r.estimate), r.id).toBeLessThan(0.015);
  });
});
