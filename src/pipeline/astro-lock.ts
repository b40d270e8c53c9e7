/**
 * Astro builds in one checkout share its working folder (.astro/.prerender): two at once —
 * two terminals, or test files running side by side — crash each other. Each build takes
 * this lock around Astro; a second one waits its turn and says so. A lock left by a process
 * that no longer runs is taken over.
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { environmentProblem } from '../errors.ts';

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** A lock without a pid this long after it was made was left by a build that died before writing it. */
const ORPHAN_MS = 30_000;
const lockAge = (dir: string): number => {
  try {
    return statSync(dir).mtimeMs;
  } catch {
    return Date.now();
  }
};

export async function withAstroLock<T>(root: string, fn: () => Promise<T>, log: (line: string) => void = console.log): Promise<T> {
  const dir = join(root, '.astro', 'gongkai-build.lock');
  try {
    mkdirSync(join(root, '.astro'), { recursive: true });
  } catch (e) {
    // A file where the folder goes is EEXIST to a recursive mkdir.
    const inTheWay = (e as NodeJS.ErrnoException).code === 'EEXIST' ? Object.assign(new Error(), { code: 'ENOTDIR', path: join(root, '.astro') }) : e;
    throw environmentProblem(inTheWay, '建立构建锁') ?? e;
  }
  let told = false;
  for (;;) {
    try {
      mkdirSync(dir);
    } catch (e) {
      // Only an existing lock means another build; no permission, a full or read-only disk are the machine's, with the path.
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw environmentProblem(e, '建立构建锁') ?? e;
      let holder = NaN;
      try {
        holder = Number(readFileSync(join(dir, 'pid'), 'utf8'));
      } catch {
        // The other build is between creating the lock and writing its pid, or died in between (then the lock is old).
      }
      const orphan = Number.isNaN(holder) && Date.now() - lockAge(dir) > ORPHAN_MS;
      if (orphan || (Number.isInteger(holder) && holder !== process.pid && !alive(holder))) {
        rmSync(dir, { recursive: true, force: true });
        continue;
      }
      if (!told) log(`  本目录中另一个构建（进程 ${Number.isNaN(holder) ? '?' : holder}）正在生成网站，等它完成…`);
      told = true;
      await sleep(500);
      continue;
    }
    try {
      writeFileSync(join(dir, 'pid'), String(process.pid));
      break;
    } catch (e) {
      rmSync(dir, { recursive: true, force: true });
      throw environmentProblem(e, '建立构建锁') ?? e;
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
