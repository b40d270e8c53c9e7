/**
 * Rendering in parallel: a few worker threads (one per core, at most the jobs there are),
 * each keeping its parsed fonts between jobs, boards and cards alike. With one job or one
 * core it renders in this thread instead, which also keeps tests simple.
 */
import { availableParallelism } from 'node:os';
import { runInWorkers } from '../../workers/pool.ts';
import type { BoardJob } from '../jobs/board-job.ts';
import type { CardJob } from '../jobs/card-job.ts';
import { renderBoard, type BoardOutput } from '../render/render-board.ts';
import { renderCard, type CardOutput } from '../render/render-card.ts';

export type RenderTask = { kind: 'board'; job: BoardJob } | { kind: 'card'; job: CardJob };
export type RenderedTask = { kind: 'board'; job: BoardJob; out: BoardOutput } | { kind: 'card'; job: CardJob; out: CardOutput };

export function renderTask(t: RenderTask): Promise<BoardOutput | CardOutput> {
  return t.kind === 'board' ? renderBoard(t.job) : renderCard(t.job);
}

/** What the task is called in an error message. */
const label = (t: RenderTask) => (t.kind === 'board' ? `公开栏 ${t.job.boardId}` : `明白卡 ${t.job.unitId}`);
// The output belongs to the task it was rendered from; the kinds cannot disagree.
const withOutput = (t: RenderTask, out: BoardOutput | CardOutput) => ({ ...t, out }) as RenderedTask;

export async function renderAll(
  tasks: readonly RenderTask[],
  onDone: (done: RenderedTask) => Promise<void> | void,
  threads = availableParallelism(),
): Promise<void> {
  if (Math.min(threads, tasks.length) <= 1) {
    for (const t of tasks) await onDone(withOutput(t, await renderTask(t)));
    return;
  }
  await runInWorkers<RenderTask, BoardOutput | CardOutput>(new URL('./worker.ts', import.meta.url), tasks, (t, out) => onDone(withOutput(t, out)), {
    threads,
    resourceLimits: { maxYoungGenerationSizeMb: 48 },
    label,
  });
}
