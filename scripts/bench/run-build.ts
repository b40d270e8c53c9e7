/**
 * Runs one `gongkai build` as a child process and collects its figures: the per-stage
 * statistics the build writes (GONGKAI_STATS) and, from GNU time when present, the whole
 * process tree's wall, CPU and peak memory (the search indexer runs as a child binary).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { StageStat } from '../../src/pipeline/stage-stats.ts';

export type StageFigures = StageStat;

export interface BuildFigures {
  wallSeconds: number;
  cpuSeconds?: number;
  /** Largest resident set of any process in the build (GNU time's %M). */
  peakRssMb?: number;
  stages: StageFigures[];
  ok: boolean;
  output: string;
}

const ROOT = resolve(import.meta.dirname, '../..');
const GNU_TIME = '/usr/bin/time';

/** Runs `gongkai <command>` (default: build) under GNU time when present. */
export function runBuild(args: string[], env: Record<string, string> = {}, command = 'build'): BuildFigures {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-'));
  const stats = join(dir, 'stats.json');
  const timing = join(dir, 'time.txt');
  const node = process.execPath;
  const cli = [join(ROOT, 'src/cli/main.ts'), command, ...args];
  const useTime = existsSync(GNU_TIME);
  const t0 = performance.now();
  const r = spawnSync(useTime ? GNU_TIME : node, useTime ? ['-o', timing, '-f', '%e %U %S %M', node, ...cli] : cli, {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env, GONGKAI_STATS: stats, NO_COLOR: '1' },
    maxBuffer: 256 * 1024 * 1024,
  });
  const wall = (performance.now() - t0) / 1000;
  const figures: BuildFigures = { wallSeconds: wall, stages: [], ok: r.status === 0, output: `${r.stdout}\n${r.stderr}` };
  if (existsSync(stats)) figures.stages = JSON.parse(readFileSync(stats, 'utf8')).stages;
  if (useTime && existsSync(timing)) {
    const last = readFileSync(timing, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
    const [e, u, s, m] = last as [number, number, number, number];
    Object.assign(figures, { wallSeconds: e, cpuSeconds: u + s, peakRssMb: m / 1024 });
  }
  rmSync(dir, { recursive: true, force: true });
  return figures;
}
