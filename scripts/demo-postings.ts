/**
 * `node scripts/demo-postings.ts`: the demo county's posting photos (content/postings/), so its
 * supervision page shows every state a county meets — posted, late, outdated, unreadable, wrong
 * board, never photographed. The boards of one town are printed as they stood on the days
 * chosen, photographed by the simulated phone (test/photo-synth.ts) whole, at a small
 * resolution (tens of KB a photo), and dated by the file's name or the camera's EXIF.
 * Deterministic: the same content gives the same files. Run again after the demo's content or
 * the board templates change (the release marks change with them).
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadProject } from '../src/load/load-project.ts';
import { readPostingPhoto } from '../src/load/posting-photos.ts';
import { townOfUnit } from '../src/domain/postings/posting-table.ts';
import { addDays } from '../src/domain/time/day-math.ts';
import { boardReleases } from '../src/print/jobs/release-history.ts';
import { runPrint } from '../src/print/run/print-stage.ts';
import { photograph, type Phone, type Shot } from '../test/photo-synth.ts';
import { wholeBoardDistanceM } from './bench/posting-photos.ts';
import type { Board } from '../src/domain/schema/board.ts';

const ROOT = resolve(import.meta.dirname, '..');
const CONTENT = join(ROOT, 'content');
/** The town whose boards are photographed: its own board and its villages'. */
const TOWN = 't-qingshui';
/** Small enough to keep each photo at tens of KB, large enough to read a whole board's 120 mm code. */
const PHONE: Phone = { name: '演示', width: 2048, height: 1536, hfovDeg: 70 };

const project = loadProject({ contentDir: CONTENT, templatesDir: join(ROOT, 'templates') }).project!;
const today = project.site.as_of!;
const units = new Map(project.units.map((u) => [u.id, u]));
const boards = project.boards.filter((b) => b.unit === TOWN || townOfUnit(units.get(b.unit)!) === TOWN);
const histories = boards
  .map((board) => ({ board, releases: boardReleases(project, board, addDays(today, -400), today) ?? [] }))
  .filter((h) => h.releases.length);

const work = mkdtempSync(join(tmpdir(), 'gongkai-demo-postings-'));
const prints = new Map<string, string>();
/** The board's PDF as printed on `day`. */
async function printed(board: Board, day: string): Promise<string> {
  const out = join(work, `${board.id}-${day}`);
  if (!prints.has(out)) {
    await runPrint({ project, outDir: out, today: day, cacheDir: join(work, 'cache'), threads: 1, index: false, log: () => {}, boards: [board.id] });
    prints.set(out, join(out, 'print/boards', `${board.id}.pdf`));
  }
  return prints.get(out)!;
}

const root = join(CONTENT, 'postings');
rmSync(root, { recursive: true, force: true });
const shot = (board: Board, change: Partial<Shot>): Shot => ({
  phone: PHONE,
  distanceM: wholeBoardDistanceM(board.width_mm, board.height_mm, PHONE),
  yawDeg: 8,
  blur: 0.4,
  jpegQuality: 38,
  light: 'side',
  noise: 3,
  ...change,
});
async function put(board: Board, name: string, pdfOf: Board, day: string, change: Partial<Shot> = {}): Promise<void> {
  const bytes = await photograph(await printed(pdfOf, day), pdfOf.width_mm, pdfOf.height_mm, shot(pdfOf, change));
  mkdirSync(join(root, board.id), { recursive: true });
  const file = join(root, board.id, name);
  writeFileSync(file, bytes);
  const read = await readPostingPhoto({ boardId: board.id, path: file, display: file }, { maxBytes: 1e9, maxPixels: 1e9 });
  console.log(`content/postings/${board.id}/${name}`, `${Math.round(bytes.length / 1024)} KB`, read.links.map((l) => l.mark).join(' ') || '（读不出）');
}
const stamp = (day: string) => `IMG_${day.replaceAll('-', '')}_093000.jpg`;

try {
  const pick = (ok: (h: (typeof histories)[number]) => boolean, taken: Set<string>) => {
    const h = histories.find((x) => !taken.has(x.board.id) && ok(x));
    if (!h) throw new Error(`演示照片：${TOWN} 没有合适的公开栏`);
    taken.add(h.board.id);
    return h;
  };
  const taken = new Set<string>();
  const latest = (h: (typeof histories)[number]) => h.releases.at(-1)!;
  // Posted: the town's own board, photographed two days after its print came out; the camera's date (and a GPS position) in the EXIF.
  const town = pick((h) => h.board.unit === TOWN && addDays(latest(h).from, 2) <= today, taken);
  await put(town.board, 'photo-1.jpg', town.board, latest(town).from, { exifDate: addDays(latest(town).from, 2) });
  // Posted: a village board, day in the file's name.
  const posted = pick((h) => addDays(latest(h).from, 1) <= today, taken);
  await put(posted.board, stamp(addDays(latest(posted).from, 1)), posted.board, latest(posted).from);
  // Late: photographed a month after the print came out.
  const late = pick((h) => addDays(latest(h).from, 30) <= today, taken);
  await put(late.board, stamp(addDays(latest(late).from, 30)), late.board, latest(late).from);
  // Outdated: the release before the latest still hangs, photographed after the latest came out.
  const old = pick((h) => h.releases.length > 1 && addDays(latest(h).from, 3) <= today, taken);
  await put(old.board, stamp(addDays(latest(old).from, 3)), old.board, old.releases.at(-2)!.from);
  // Unreadable: taken while walking past.
  const blurred = pick(() => true, taken);
  await put(blurred.board, stamp(addDays(today, -2)), blurred.board, latest(blurred).from, { blur: 6 });
  // Wrong board: the folder of one village holds the photo of its neighbour's board.
  const wrong = pick(() => true, taken);
  await put(wrong.board, stamp(addDays(today, -1)), posted.board, latest(posted).from);
} finally {
  rmSync(work, { recursive: true, force: true });
}
