/**
 * Per-stage figures of a build — wall time, CPU time, peak memory — printed as the build
 * goes, returned in its result, and written where the command line is told to (GONGKAI_STATS,
 * for `npm run bench`).
 */
import { writeFileSync } from 'node:fs';

export interface StageStat {
  stage: string;
  label: string;
  wallSeconds: number;
  cpuSeconds: number;
  /** Highest resident set size of this process so far, in MB (includes worker threads). */
  peakRssMb: number;
  /** Optional throughput figure, e.g. pages or posters. */
  items?: number;
}

export class StageRecorder {
  readonly stats: StageStat[] = [];
  private readonly started = performance.now();

  async run<T>(stage: string, label: string, fn: () => T | Promise<T>, count?: (result: T) => number | undefined): Promise<T> {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const result = await fn();
    const cpu = process.cpuUsage(c0);
    const items = count?.(result);
    this.stats.push({
      stage,
      label,
      wallSeconds: (performance.now() - t0) / 1000,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      ...(items !== undefined ? { items } : {}),
    });
    return result;
  }

  /** A figure measured elsewhere (a phase inside a stage). */
  record(stat: StageStat): void {
    this.stats.push(stat);
  }

  get totalSeconds(): number {
    return (performance.now() - this.started) / 1000;
  }
}

/** Writes a run's figures as JSON (the bench reads them). */
export function saveStats(file: string, run: { stages: readonly StageStat[]; totalSeconds: number }): void {
  writeFileSync(file, JSON.stringify({ totalSeconds: run.totalSeconds, peakRssMb: process.resourceUsage().maxRSS / 1024, stages: run.stages }, null, 2));
}
