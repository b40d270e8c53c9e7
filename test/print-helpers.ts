/** Printing some boards and cards of a test county, with what a test needs fixed: the day, one thread, no manifest. */
import { load } from './helpers.ts';
import { runPrint, type PrintResult } from '../src/print/run/print-stage.ts';

export async function printSome(contentDir: string, outDir: string, cacheDir: string, boards: string[], units: string[]): Promise<PrintResult> {
  const { project } = load(contentDir);
  return runPrint({ project: project!, outDir, today: '2026-11-28', cacheDir, threads: 1, boards, units, index: false, log: () => {} });
}
