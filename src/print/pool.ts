/**
 * Rendering in parallel: a few worker threads (one per core, at most the jobs there are),
 * each keeping its parsed fonts between boards. With one job or one core it renders in
 * this thread instead, which also keeps tests simple.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BoardJob } from './board-job.ts';
import { renderBoard, type BoardOutput } from './render-board.ts';

export async function renderAll(jobs: readonly BoardJob[], onDone: (job: BoardJob, out: BoardOutput) => Promise<void> | void, threads = availableParallelism()): Promise<void> {
  const n = Math.max(1, Math.min(threads, jobs.length));
  if (n === 1) {
    for (const job of jobs) await onDone(job, await renderBoard(job));
    return;
  }
  let next = 0;
  const workers = Array.from({ length: n }, () => new Worker(new URL('./worker.ts', import.meta.url), { resourceLimits: { maxYoungGenerationSizeMb: 48 } }));
  try {
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= jobs.length) return resolve();
              const id = next++;
              w.postMessage({ id, job: jobs[id] });
            };
            w.on('message', (msg: { id: number; out?: BoardOutput; error?: string }) => {
              const job = jobs[msg.id]!;
              if (msg.error || !msg.out) return reject(new Error(`公开栏 ${job.boardId}：${msg.error ?? '没有输出'}`));
              Promise.resolve(onDone(job, msg.out)).then(send, reject);
            });
            w.on('error', reject);
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
