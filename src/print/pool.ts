/**
 * Rendering in parallel: a few worker threads (one per core, at most the jobs there are),
 * each keeping its parsed fonts between jobs, boards and cards alike. With one job or one
 * core it renders in this thread instead, which also keeps tests simple.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BoardJob } from './board-job.ts';
import type { CardJob } from './card-job.ts';
import { renderBoard, type BoardOutput } from './render-board.ts';
import { renderCard, type CardOutput } from './render-card.ts';

export type RenderTask = { kind: 'board'; job: BoardJob } | { kind: 'card'; job: CardJob };
export type RenderedTask = { kind: 'board'; job: BoardJob; out: BoardOutput } | { kind: 'card'; job: CardJob; out: CardOutput };

export function renderTask(t: RenderTask): Promise<BoardOutput | CardOutput> {
  return t.kind === 'board' ? renderBoard(t.job) : renderCard(t.job);
}

/** What the task is called in an error message. */
const label = (t: RenderTask) => (t.kind === 'board' ? `公开栏 ${t.job.boardId}` : `明白卡 ${t.job.unitId}`);
// The output belongs to the task it was rendered from; the kinds cannot disagree.
const withOutput = (t: RenderTask, out: BoardOutput | CardOutput) => ({ ...t, out }) as RenderedTask;

export async function renderAll(tasks: readonly RenderTask[], onDone: (done: RenderedTask) => Promise<void> | void, threads = availableParallelism()): Promise<void> {
  const n = Math.max(1, Math.min(threads, tasks.length));
  if (n === 1) {
    for (const t of tasks) await onDone(withOutput(t, await renderTask(t)));
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
              if (next >= tasks.length) return resolve();
              const id = next++;
              w.postMessage({ id, task: tasks[id] });
            };
            w.on('message', (msg: { id: number; out?: BoardOutput | CardOutput; error?: string }) => {
              const task = tasks[msg.id]!;
              if (msg.error || !msg.out) return reject(new Error(`${label(task)}：${msg.error ?? '没有输出'}`));
              Promise.resolve(onDone(withOutput(task, msg.out))).then(send, reject);
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
