/**
 * The print stage: every board (or the ones asked for) → dist/print/boards/<id>.pdf, a
 * preview PNG, optional tiles, the manifest (.json, .csv) and one zip per town. Boards whose
 * inputs did not change come from the cache; the rest render in worker threads.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Project } from '../domain/model.ts';
import { boardJob, type BoardJob } from './board-job.ts';
import { currentBoardEntries, type BoardSelector } from './board-selection.ts';
import { jobKey, PrintCache, type CachedBoard } from './cache.ts';
import { manifestCsv, previousHashes, type Manifest, type ManifestRow } from './manifest.ts';
import { renderAll } from './pool.ts';
import type { SheetSize } from './tile-plan.ts';
import { writeTownZips } from './town-zips.ts';

export interface PrintOptions {
  project: Project;
  /** The site's output folder; files go under <outDir>/print/. */
  outDir: string;
  today: string;
  /** Only these boards (default: all). The manifest then lists only them. */
  boards?: readonly string[];
  tile?: SheetSize;
  cacheDir: string;
  /** A previous release's manifest.json, for the “changed” column. */
  previousManifest?: string;
  threads?: number;
  select?: BoardSelector;
  log?: (line: string) => void;
  /** Write the manifest and the town zips (off when only some boards are rendered). */
  index?: boolean;
}

export interface PrintResult {
  manifest: Manifest;
  rendered: number;
  cached: number;
  warnings: string[];
  zips: { town: string; zip: string; boards: number }[];
  seconds: number;
}

export async function runPrint(o: PrintOptions): Promise<PrintResult> {
  const started = performance.now();
  const log = o.log ?? ((l: string) => console.log(l));
  const wanted = o.boards?.length ? new Set(o.boards) : undefined;
  if (wanted) {
    const unknown = [...wanted].filter((id) => !o.project.boards.some((b) => b.id === id));
    if (unknown.length) throw new Error(`公开栏名录（boards.yaml）中没有：${unknown.join('、')}。请检查公开栏标识。`);
  }
  const boards = o.project.boards.filter((b) => !wanted || wanted.has(b.id));
  const select = o.select ?? currentBoardEntries;
  const jobs = boards.map((b) => boardJob(o.project, b, select, o.today, o.tile));
  const warnings = jobs.flatMap((j) => (j.warning ? [j.warning] : []));
  const printDir = join(o.outDir, 'print');
  for (const d of ['boards', 'previews', 'tiles', 'towns']) mkdirSync(join(printDir, d), { recursive: true });
  const cache = new PrintCache(o.cacheDir);
  const previous = previousHashes(o.previousManifest);

  const rows = new Map<string, ManifestRow>();
  let done = 0;
  const progress = () => {
    done++;
    if (done === jobs.length || done % Math.max(1, Math.ceil(jobs.length / 10)) === 0) log(`  排版印刷文件：${done}/${jobs.length}`);
  };
  const store = (job: BoardJob, out: CachedBoard) => {
    const pdf = `print/boards/${job.boardId}.pdf`;
    const preview = `print/previews/${job.boardId}.png`;
    const tiles = out.files.tiles ? `print/tiles/${job.boardId}-${job.tile}.pdf` : undefined;
    // Copies from the cache by the kernel: the PDFs never pass through this thread again.
    copyFileSync(out.files.pdf, join(o.outDir, pdf));
    copyFileSync(out.files.preview, join(o.outDir, preview));
    if (tiles && out.files.tiles) copyFileSync(out.files.tiles, join(o.outDir, tiles));
    rows.set(job.boardId, {
      id: job.boardId,
      unit: job.unitId,
      unit_name: job.unitName,
      ...(job.town ? { town: job.town } : {}),
      template: job.templateId,
      pdf,
      ...(tiles ? { tiles } : {}),
      preview,
      trim_mm: `${job.widthMm}×${job.heightMm}`,
      bleed_mm: job.bleedMm,
      pages: out.pages,
      sheets: out.sheets,
      body_pt: out.bodyPt,
      sha256: out.sha256,
      entries: job.panels.flatMap((p) => p.sections.flatMap((s) => s.entries.map((e) => e.id))),
      changed: previous ? previous.get(job.boardId) !== out.sha256 : true,
      ...(out.overflow ? { overflow: out.overflow } : {}),
      ...(job.warning ? { warning: job.warning } : {}),
    });
    progress();
  };

  const todo: { job: BoardJob; key: string }[] = [];
  for (const job of jobs) {
    const key = jobKey(job);
    const hit = cache.get(key);
    if (hit) store(job, hit);
    else todo.push({ job, key });
  }
  const keys = new Map(todo.map((t) => [t.job.boardId, t.key]));
  await renderAll(
    todo.map((t) => t.job),
    (job, out) => store(job, cache.put(keys.get(job.boardId)!, out)),
    o.threads,
  );

  const manifest: Manifest = { generated: o.today, boards: jobs.map((j) => rows.get(j.boardId)!) };
  if (o.index === false) return { manifest, rendered: todo.length, cached: jobs.length - todo.length, warnings, zips: [], seconds: (performance.now() - started) / 1000 };
  writeFileSync(join(printDir, 'manifest.json'), JSON.stringify(manifest, null, 1) + '\n');
  writeFileSync(join(printDir, 'manifest.csv'), manifestCsv(manifest));
  const unitName = (id: string) => o.project.units.find((u) => u.id === id)?.name ?? id;
  const zips = await writeTownZips(o.outDir, manifest.boards.map((b) => ({ id: b.id, sha256: b.sha256, ...(b.town ? { town: b.town } : {}), files: [b.pdf, ...(b.tiles ? [b.tiles] : [])] })), unitName, cache);
  return { manifest, rendered: todo.length, cached: jobs.length - todo.length, warnings, zips, seconds: (performance.now() - started) / 1000 };
}

/** The lines the build and `gongkai print` show for boards that overflowed onto continuation sheets. */
export function overflowReport(m: Manifest): string[] {
  return m.boards.flatMap((b) => (b.overflow ? [`公开栏 ${b.id}（${b.unit_name}）内容排不下：在最小字号下超出约 ${b.overflow.mm} 毫米，已排到续页（共 ${b.pages} 页）。涉及条目：${b.overflow.entries.join('、')}`] : []));
}
