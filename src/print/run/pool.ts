/**
 * Rendering in parallel: a few worker threads (one per core, at most the jobs there are),
 * each keeping its parsed fonts between jobs, boards and cards alike. With one job or one
 * core it renders in this thread instead, which also keeps tests simple.
 *
 * Each worker writes what it rendered into the print cache itself and sends back only the
 * figures and the cached files' paths: the PDFs never cross to the main thread, which in a
 * build is busy with the site (copying them across and writing them there cost it ~2 s).
 */
import { availableParallelism } from 'node:os';
import { siblingModule } from '../../project-root.ts';
import { runInWorkers } from '../../workers/pool.ts';
import type { BoardJob } from '../jobs/board-job.ts';
import type { CardJob } from '../jobs/card-job.ts';
import { renderBoard, type BoardOutput } from '../render/render-board.ts';
import { renderCard, type CardOutput } from '../render/render-card.ts';
import { PrintCache, type Cached } from './cache.ts';

type RenderTask = { kind: 'board'; job: BoardJob } | { kind: 'card'; job: CardJob };
/** A task with where its result is kept: the print cache's folder and the job's render key. */
export type StoreTask = RenderTask & { cacheDir: string; key: string };
export type StoredTask = { kind: 'board'; job: BoardJob; out: Cached<BoardOutput> } | { kind: 'card'; job: CardJob; out: Cached<CardOutput> };

function renderTask(t: RenderTask): Promise<BoardOutput | CardOutput> {
  return t.kind === 'board' ? renderBoard(t.job) : renderCard(t.job);
}

const caches = new Map<string, PrintCache>();
/** Renders the task and puts its files into the print cache (one PrintCache per folder and thread). */
export async function renderAndStore(t: StoreTask): Promise<Cached<BoardOutput | CardOutput>> {
  const out = await renderTask(t);
  let cache = caches.get(t.cacheDir);
  if (!cache) caches.set(t.cacheDir, (cache = new PrintCache(t.cacheDir)));
  return cache.put(t.key, out);
}

/** What the task is called in an error message. */
const label = (t: RenderTask) => (t.kind === 'board' ? `公开栏 ${t.job.boardId}` : `明白卡 ${t.job.unitId}`);
// The output belongs to the task it was rendered from; the kinds cannot disagree.
const withOutput = (t: StoreTask, out: Cached<BoardOutput | CardOutput>) => ({ kind: t.kind, job: t.job, out }) as StoredTask;

export async function renderAll(
  tasks: readonly StoreTask[],
  onDone: (done: StoredTask) => Promise<void> | void,
  threads = availableParallelism(),
): Promise<void> {
  if (Math.min(threads, tasks.length) <= 1) {
    for (const t of tasks) await onDone(withOutput(t, await renderAndStore(t)));
    return;
  }
  await runInWorkers<StoreTask, Cached<BoardOutput | CardOutput>>(siblingModule('worker', import.meta.url), tasks, (t, out) => onDone(withOutput(t, out)), {
    threads,
    resourceLimits: { maxYoungGenerationSizeMb: 48 },
    label,
    background: true,
  });
}
