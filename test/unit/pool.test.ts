/** The worker pool: workers take their next task themselves, and background workers yield the CPU. */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runInWorkers } from '../../src/workers/pool.ts';

const worker = new URL('../fixtures/workers/spin-worker.ts', import.meta.url);
type Done = { at: number; nice: number | null };

describe('runInWorkers', () => {
  it('goes on through the tasks while the main thread is busy', async () => {
    const done: Done[] = [];
    let unblocked = 0;
    const pool = runInWorkers<number, Done>(worker, Array<number>(12).fill(20), (_t, d) => void done.push(d), { threads: 2 });
    // Wait until the workers have started (their first result is in), then keep this thread
    // busy far longer than the remaining tasks take: a pool that waited for this thread to
    // hand out each next task would finish only two of them in that time.
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (done.length) resolve(clearInterval(poll));
      }, 5);
    });
    const until = Date.now() + 1500;
    while (Date.now() < until);
    unblocked = Date.now();
    await pool;
    expect(done).toHaveLength(12);
    expect(done.filter((d) => d.at < unblocked).length).toBe(12);
  }, 30_000);

  it('runs background workers at a lower CPU priority (Linux), the others at the normal one', async () => {
    const nice = async (background: boolean) => {
      const out: Done[] = [];
      await runInWorkers<number, Done>(worker, [1, 1], (_t, d) => void out.push(d), { threads: 2, background });
      return out.map((d) => d.nice);
    };
    if (!existsSync('/proc/thread-self/stat')) return;
    const base = (await nice(false))[0]!;
    expect(await nice(false)).toEqual([base, base]);
    expect(await nice(true)).toEqual([Math.min(base + 10, 19), Math.min(base + 10, 19)]);
  }, 30_000);
});
