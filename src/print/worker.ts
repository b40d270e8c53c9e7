/** Worker thread: renders the board and card jobs sent by the pool, one at a time, with fonts parsed once. */
import { parentPort } from 'node:worker_threads';
import { renderTask, type RenderTask } from './pool.ts';

parentPort!.on('message', (msg: { id: number; task: RenderTask }) => {
  renderTask(msg.task).then(
    (out) => parentPort!.postMessage({ id: msg.id, out }),
    (e: unknown) => parentPort!.postMessage({ id: msg.id, error: e instanceof Error ? e.message : String(e) }),
  );
});
