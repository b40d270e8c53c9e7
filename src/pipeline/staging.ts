/**
 * An output folder written aside, then swapped in: the whole output of a build or merge, or
 * only its print/ folder (`gongkai print`). Everything is written into a staging folder beside
 * it, scanned for leaks (build, merge), and only then swapped in. A failed stage removes the
 * staging folder, so the folder is either the previous run's or the new one, never half of each.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { removeInBackground } from '../io/write-atomic.ts';
import { environmentProblem, GongkaiError, StageError } from '../errors.ts';
import { leakFailure, LeakScanner } from './leak-scan.ts';
import type { StageRecorder } from './stage-stats.ts';

export class Staging {
  readonly dir: string;
  private readonly out: string;
  private readonly stages: StageRecorder;
  /** Other folders of this build beside the staging folder, removed with it. */
  private readonly siblings = new Set<string>();

  constructor(out: string, stages: StageRecorder) {
    this.out = out;
    this.stages = stages;
    this.dir = join(dirname(out), `.${basename(out)}.partial-${process.pid}`);
    this.discard();
  }

  /** Runs a stage; on failure the staging folder goes and the output folder stays as it was. */
  async run<T>(name: string, label: string, fn: () => Promise<T> | T, count?: (r: T) => number | undefined): Promise<T> {
    try {
      return await this.stages.run(name, label, fn, count);
    } catch (e) {
      this.discard();
      throw asStageFailure(label, e);
    }
  }

  private scanner: LeakScanner | undefined;
  private scans: Promise<void> = Promise.resolve();

  /**
   * Starts the leak scan on what is already in the staging folder, except `later` (a folder
   * still being written, such as the search index), while the build goes on with other work.
   */
  preScan(scanner: LeakScanner, later: string): void {
    this.scanner = scanner;
    this.queueScan((rel) => !rel.startsWith(`${later}/`));
  }

  /** Scans a folder of the staging folder once it is complete (a search bundle), in the background. */
  scanFolder(folder: string): void {
    if (this.scanner) this.queueScan(() => true, folder);
  }

  private queueScan(include: (rel: string) => boolean, under?: string): void {
    const scanner = this.scanner!;
    // One scan at a time, each yielding every 20 ms so Pagefind's replies are not kept waiting.
    this.scans = this.scans.then(() => scanner.scan(this.dir, include, { yieldMs: 20, ...(under ? { under } : {}) }));
    this.scans.catch(() => undefined); // reported where it is awaited, in leakScan()
  }

  /** Every file of the staging folder against the withheld entries' text; any hit stops everything. */
  /** The build's one scanner (buildLeakScanner): needles and clean-file list are read once for all passes. */
  async leakScan(scanner: LeakScanner): Promise<string> {
    const leaks = await this.run(
      'leak-scan',
      '泄露检查',
      async () => {
        await this.scans;
        await scanner.scan(this.dir);
        return scanner.finish();
      },
      (r) => r.filesScanned,
    );
    const failure = leakFailure(leaks);
    if (failure) {
      this.discard();
      throw failure;
    }
    const reused = leaks.unchanged ? `（其中 ${leaks.unchanged} 个与上次检查过的完全相同，未重读）` : '';
    return `检查了 ${leaks.filesScanned} 个文件${reused}、${leaks.needles} 条党内内容和内部记录的特征，没有发现泄露`;
  }

  /** The new output replaces the old in two renames; the old one is deleted in the background. */
  async swap(): Promise<void> {
    await this.stages.run('swap', '替换', () => {
      const old = `${this.dir}.old`;
      if (existsSync(this.out)) renameSync(this.out, old);
      renameSync(this.dir, this.out);
      removeInBackground(old);
    });
  }

  /** A work folder beside the staging folder (e.g. print files rendered while Astro owns the staging folder). */
  sibling(suffix: string): string {
    const dir = `${this.dir}${suffix}`;
    rmSync(dir, { recursive: true, force: true });
    this.siblings.add(dir);
    return dir;
  }

  discard(): void {
    for (const dir of [this.dir, ...this.siblings]) rmSync(dir, { recursive: true, force: true });
  }

  /**
   * Moves a sibling's `sub` folder into the staging folder (renames, no copies), merging with
   * what the site put there (Astro writes print/index.html beside the print files).
   */
  adopt(sibling: string, sub: string): void {
    try {
      moveInto(join(sibling, sub), join(this.dir, sub));
    } catch (e) {
      this.discard();
      throw asStageFailure('整理输出', e);
    }
  }

  /** Moves everything in `folder` (a sibling's subfolder) into the staging folder itself. */
  adoptAll(folder: string): void {
    try {
      // `gongkai print` renders into a sibling only: the staging folder may not exist yet.
      mkdirSync(this.dir, { recursive: true });
      for (const name of readdirSync(folder)) moveInto(join(folder, name), join(this.dir, name));
    } catch (e) {
      this.discard();
      throw asStageFailure('整理输出', e);
    }
  }

  /** Removes the sibling work folders once their files have moved into the staging folder. */
  tidy(): void {
    for (const dir of this.siblings) rmSync(dir, { recursive: true, force: true });
    this.siblings.clear();
  }
}

function moveInto(from: string, to: string): void {
  if (!existsSync(to)) return renameSync(from, to);
  for (const e of readdirSync(from, { withFileTypes: true })) {
    const target = join(to, e.name);
    if (!existsSync(target)) renameSync(join(from, e.name), target);
    else if (e.isDirectory() && statSync(target).isDirectory()) moveInto(join(from, e.name), target);
    else throw new Error(`${target} 已经存在，两个阶段写了同一个文件`);
  }
}

/** A stage's failure keeps its kind: ours (content, usage, environment) as it is, a system error as an environment problem, anything else as an internal error of that stage. */
function asStageFailure(label: string, e: unknown): Error {
  if (e instanceof GongkaiError) return e;
  return environmentProblem(e, label) ?? new StageError(label, e instanceof Error ? e.message : String(e), { cause: e });
}
