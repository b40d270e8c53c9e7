/**
 * Astro builds in one checkout share its working folder (.astro/.prerender): two at once —
 * two terminals, or test files running side by side — crash each other. Each build takes
 * this lock around Astro; a second one waits its turn and says so. A lock left by a process
 * that no longer runs is taken over.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

export async function withAstroLock<T>(root: string, fn: () => Promise<T>, log: (line: string) => void = console.log): Promise<T> {
  const dir = join(root, '.astro', 'gongkai-build.lock');
  mkdirSync(join(root, '.astro'), { recursive: true });
  let told = false;
  for (;;) {
    try {
      mkdirSync(dir);
      writeFileSync(join(dir, 'pid'), String(process.pid));
      break;
    } catch {
      let holder = NaN;
      try {
        holder = Number(readFileSync(join(dir, 'pid'), 'utf8'));
      } catch {
        // The other build is between creating the lock and writing its pid.
      }
      if (Number.isInteger(holder) && holder !== process.pid && !alive(holder)) {
        rmSync(dir, { recursive: true, force: true });
        continue;
      }
      if (!told) log(`  本目录中另一个构建（进程 ${Number.isNaN(holder) ? '?' : holder}）正在生成网站，等它完成…`);
      told = true;
      await sleep(500);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
