/** Worker thread: renders board jobs sent by the pool, one at a time, with fonts parsed once. */
import { parentPort } from 'node:worker_threads';
import type { BoardJob } from './board-job.ts';
import { renderBoard } from './render-board.ts';

parentPort!.on('message', (msg: { id: number; job: BoardJob }) => {
  renderBoard(msg.job).then(
    (out) => parentPort!.postMessage({ id: msg.id, out }),
    (e: unknown) => parentPort!.postMessage({ id: msg.id, error: e instanceof Error ? e.message : String(e) }),
  );
});
