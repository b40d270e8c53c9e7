/**
 * The print files behind the pull-request summary, rendered with the real print code from each
 * side's own content on the day in question, into a temporary folder: print keys say which
 * products may have changed; these files say which did (the sha256 the build's manifest marks
 * as changed), and their pages are the summary's pictures. Nothing is taken from a build's
 * output folder, which may hold another commit or another day.
 *
 * The print cache is the fast path: a product is rendered only when no file with its exact
 * print key (content, layout, images, print code and fonts — src/print/jobs/render-key.ts) is
 * cached, so after `npm run build` the head's products of the day are not rendered again.
 * Rendering runs in this thread, so the fonts are parsed once for all products.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Project } from '../domain/model.ts';
import { addDays } from '../domain/time/day-math.ts';
import type { LaterReprint } from '../review/later-reprints.ts';
import type { ReprintRow } from '../review/release-diff.ts';

/** One product as printed from one side on one day. */
export interface PrintedFile {
  /** The PDF, in the temporary folder (gone after `close`). */
  pdf: string;
  sha256: string;
  /** What the layout had to leave out or shorten, in the build's words. */
  layout: string[];
}

type Product = Pick<ReprintRow, 'kind' | 'id'>;
const tagOf = (r: Product) => `${r.kind}:${r.id}`;

export class ReviewPrints {
  private readonly work = mkdtempSync(join(tmpdir(), 'gongkai-review-'));
  private readonly done = new Map<string, PrintedFile>();
  private runs = 0;
  private readonly cacheDir: string;
  private readonly threads: number;

  /** `threads`: 1 renders in this thread (fonts parsed once); more use the print workers. */
  constructor(cacheDir: string, threads = 1) {
    this.cacheDir = cacheDir;
    this.threads = threads;
  }

  /** The products of `rows` as `project` prints them on `date` (`side` names the project: base or head). */
  async files(project: Project, side: string, date: string, rows: readonly Product[]): Promise<Map<string, PrintedFile>> {
    const key = (r: Product) => `${side}:${date}:${tagOf(r)}`;
    const todo = rows.filter((r) => !this.done.has(key(r)));
    if (todo.length) {
      const { overflowReport, runPrint } = await import('../print/run/print-stage.ts');
      const outDir = join(this.work, String(this.runs++));
      const boards = todo.filter((r) => r.kind === 'board').map((r) => r.id);
      const units = todo.filter((r) => r.kind === 'card').map((r) => r.id);
      const { manifest } = await runPrint({
        project,
        outDir,
        today: date,
        cacheDir: this.cacheDir,
        index: false,
        threads: this.threads,
        log: () => {},
        ...(boards.length ? { boards } : {}),
        ...(units.length ? { units } : {}),
      });
      for (const b of manifest.boards) {
        const layout = overflowReport({ boards: [b], cards: [] });
        this.done.set(key({ kind: 'board', id: b.id }), { pdf: join(outDir, b.pdf), sha256: b.sha256, layout });
      }
      for (const c of manifest.cards) {
        const layout = overflowReport({ boards: [], cards: [c] });
        this.done.set(key({ kind: 'card', id: c.unit }), { pdf: join(outDir, c.pdf), sha256: c.sha256, layout });
      }
    }
    // A product with nothing to show that day (empty) has no file: it is absent from the map.
    return new Map(rows.flatMap((r) => (this.done.has(key(r)) ? [[tagOf(r), this.done.get(key(r))!] as const] : [])));
  }

  close(): void {
    rmSync(this.work, { recursive: true, force: true });
  }
}

/** Products whose key changed but whose file did not: nothing to reprint after all. */
async function sameFile(prints: ReviewPrints, before: Side, after: Side, rows: readonly ReprintRow[]): Promise<Set<string>> {
  // Every product both sides know (a product with nothing to show that day has no file: 'none').
  const both = rows.filter((r) => before.has(r) && after.has(r));
  const a = await prints.files(before.project, before.name, before.date, both);
  const b = await prints.files(after.project, after.name, after.date, both);
  // No file on either side (nothing to print) is the same as no file on the other; a file and none differ.
  const sha = (m: Map<string, PrintedFile>, r: ReprintRow) => m.get(tagOf(r))?.sha256 ?? 'none';
  return new Set(both.filter((r) => sha(a, r) === sha(b, r)).map(tagOf));
}

interface Side {
  project: Project;
  name: 'base' | 'head';
  date: string;
  /** Whether the side prints the product at all. */
  has: (r: Product) => boolean;
}

function side(project: Project, name: Side['name'], date: string): Side {
  const boards = new Set(project.boards.map((b) => b.id));
  const units = new Set(project.units.map((u) => u.id));
  return { project, name, date, has: (r) => (r.kind === 'board' ? boards : units).has(r.id) };
}

/**
 * The reprint lists as the files have them. Today: the products whose base and head files differ.
 * A later day: those whose head file changes that day, unless the base's file changes that day
 * to the same one (printed again anyway, whatever the change).
 */
export async function confirmReprints(
  prints: ReviewPrints,
  base: Project,
  head: Project,
  today: { date: string; rows: readonly ReprintRow[] },
  later: readonly LaterReprint[],
): Promise<{ today: ReprintRow[]; sameFile: number; later: LaterReprint[] }> {
  const same = await sameFile(prints, side(base, 'base', today.date), side(head, 'head', today.date), today.rows);
  const kept: LaterReprint[] = [];
  for (const d of later) {
    const now = side(head, 'head', d.date);
    const baseNow = side(base, 'base', d.date);
    const unchanged = await sameFile(prints, side(head, 'head', addDays(d.date, -1)), now, d.rows);
    const asWithout = await sameFile(prints, baseNow, now, d.rows);
    const baseSteady = await sameFile(prints, side(base, 'base', addDays(d.date, -1)), baseNow, d.rows);
    const rows = d.rows
      .filter((r) => !unchanged.has(tagOf(r)) && !(asWithout.has(tagOf(r)) && !baseSteady.has(tagOf(r))))
      // Printed again that day either way, but with other content: still worth saying which.
      .map((r) => (baseNow.has(r) && !baseSteady.has(tagOf(r)) ? { ...r, reasons: [...r.reasons, '不合并本次改动，这一天也要重新印刷，但印的内容不同'] } : r));
    if (rows.length) kept.push({ ...d, rows });
  }
  return { today: today.rows.filter((r) => !same.has(tagOf(r))), sameFile: same.size, later: kept };
}

/** A side of a release comparison: a project printed on its own day. */
export interface ReleaseFiles {
  project: Project;
  /** 'from' or 'to': which side, for the files' memo. */
  name: string;
  date: string;
}

/**
 * The reprint list of a release as the files have it: every product the keys name is printed
 * from each side that has it, on that side's day; a changed product whose two files are byte-
 * identical is dropped (nothing to reprint), the others carry their sha256 before and after.
 * A product new or gone on one side has a file on the other only.
 */
export async function confirmRelease(
  prints: ReviewPrints,
  from: ReleaseFiles,
  to: ReleaseFiles,
  rows: readonly ReprintRow[],
): Promise<{ rows: ReprintRow[]; sameFile: number }> {
  const before = await prints.files(
    from.project,
    from.name,
    from.date,
    rows.filter((r) => r.change !== 'added'),
  );
  const after = await prints.files(
    to.project,
    to.name,
    to.date,
    rows.filter((r) => r.change !== 'removed'),
  );
  const kept: ReprintRow[] = [];
  let sameFile = 0;
  for (const r of rows) {
    const was = before.get(tagOf(r))?.sha256;
    const now = r.change === 'removed' ? undefined : after.get(tagOf(r))?.sha256;
    if (r.change === 'changed' && was === now) {
      sameFile++;
      continue;
    }
    kept.push({ ...r, sha256: { ...(was ? { before: was } : {}), ...(now ? { after: now } : {}) } });
  }
  return { rows: kept, sameFile };
}
