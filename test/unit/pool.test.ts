/** The worker pool: workers take their next task themselves, and background workers yield the CPU. */
import { existsSync } from 'node:fs';
import { BroadcastChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { runInWorkers } from '../../src/workers/pool.ts';
import { CHANNEL, FINISHED, GATE } from '../fixtures/workers/gate-slots.ts';

const spin = new URL('../fixtures/workers/spin-worker.ts', import.meta.url);
const gated = new URL('../fixtures/workers/gated-worker.ts', import.meta.url);
type Done = { at: number; nice: number | null };

describe('runInWorkers', () => {
  it('goes on through the tasks while the main thread is busy', async () => {
    const shared = new Int32Array(new SharedArrayBuffer(8));
    const channel = new BroadcastChannel(CHANNEL);
    const tasks = Array.from({ length: 12 }, (_, i) => i);
    const done: number[] = [];
    let pool: Promise<void> | undefined;
    try {
      // Both workers say they are ready and get the shared buffer; their first tasks then wait at the gate.
      await new Promise<void>((resolve) => {
        let ready = 0;
        channel.onmessage = (m) => {
          if ((m as { data: unknown }).data !== 'ready') return;
          channel.postMessage(shared.buffer);
          if (++ready === 2) resolve();
        };
        pool = runInWorkers<number, number>(gated, tasks, (_t, out) => void done.push(out), { threads: 2 });
      });
      // Open the gate and block this thread until the workers have finished every task (or
      // stopped making progress): a pool that waited for this thread to hand out each next
      // task would finish only the two tasks the workers hold.
      Atomics.store(shared, GATE, 1);
      Atomics.notify(shared, GATE);
      for (let seen = 0; seen < tasks.length;) {
        if (Atomics.wait(shared, FINISHED, seen, 10_000) === 'timed-out' && Atomics.load(shared, FINISHED) === seen) break;
        seen = Atomics.load(shared, FINISHED);
      }
      expect(Atomics.load(shared, FINISHED)).toBe(tasks.length);
      expect(done).toEqual([]); // this thread has not yet handled a single result
      await pool;
      expect(done.sort((a, b) => a - b)).toEqual(tasks);
    } finally {
      channel.close();
      Atomics.store(shared, GATE, 1);
      Atomics.notify(shared, GATE);
      await pool?.catch(() => undefined);
    }
  }, 30_000);

  // The nice value of a thread is Linux's (/proc/thread-self); elsewhere the pool leaves priorities alone.
  it.skipIf(!existsSync('/proc/thread-self/stat'))(
    'runs background workers at a lower CPU priority (Linux only: needs /proc/thread-self), the others at the normal one',
    async () => {
      const nice = async (background: boolean) => {
        const out: Done[] = [];
        await runInWorkers<number, Done>(spin, [1, 1], (_t, d) => void out.push(d), { threads: 2, background });
        return out.map((d) => d.nice);
      };
      const base = (await nice(false))[0]!;
      expect(await nice(false)).toEqual([base, base]);
      expect(await nice(true)).toEqual([Math.min(base + 10, 19), Math.min(base + 10, 19)]);
    },
    30_000,
  );
});
