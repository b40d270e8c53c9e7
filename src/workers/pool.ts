/**
 * A few worker threads working through a list of tasks, for CPU-bound work that would
 * otherwise queue on one core (rendering posters, reading PDFs' text). Each worker is a
 * module that calls `serveTasks` once; it keeps whatever it loaded (fonts, a PDF parser)
 * between tasks. Results come back in completion order through `onDone`, errors with their
 * kind (src/errors.ts): the first failure stops the pool and is thrown.
 */
import { Worker, parentPort, type ResourceLimits } from 'node:worker_threads';
import { fromWire, toWire, type WireError } from '../errors.ts';

interface Reply<R> {
  id: number;
  out?: R;
  error?: WireError;
}

export interface PoolOptions<T> {
  threads: number;
  resourceLimits?: ResourceLimits;
  /** What a task is called in an error message ("公开栏 b-v-x"). */
  label?: (task: T) => string;
}

export async function runInWorkers<T, R>(
  script: URL,
  tasks: readonly T[],
  onDone: (task: T, out: R) => Promise<void> | void,
  opts: PoolOptions<T>,
): Promise<void> {
  const n = Math.max(1, Math.min(opts.threads, tasks.length));
  if (!tasks.length) return;
  let next = 0;
  // Results are handled one at a time, in completion order, while the workers go on: a worker
  // that waited for the main thread to store its files sat idle for a sixth of a print run.
  let handled: Promise<void> = Promise.resolve();
  const workers = Array.from({ length: n }, () => new Worker(script, opts.resourceLimits ? { resourceLimits: opts.resourceLimits } : {}));
  try {
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= tasks.length) return void handled.then(resolve, reject);
              const id = next++;
              w.postMessage({ id, task: tasks[id] });
            };
            w.on('message', (msg: Reply<R>) => {
              const task = tasks[msg.id]!;
              if (msg.error) return reject(fromWire(msg.error, opts.label?.(task)));
              handled = handled.then(() => onDone(task, msg.out as R));
              handled.catch(reject);
              send();
            });
            w.on('error', reject);
            w.on('exit', (code) => reject(new Error(`worker thread exited early (code ${code})`)));
            send();
          }),
      ),
    );
    await handled;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** The worker's side: runs each task sent by `runInWorkers` through `fn`, one at a time. */
export function serveTasks<T, R>(fn: (task: T) => Promise<R> | R): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks runs in a worker thread only');
  port.on('message', (msg: { id: number; task: T }) => {
    Promise.resolve()
      .then(() => fn(msg.task))
      .then(
        (out) => port.postMessage({ id: msg.id, out } satisfies Reply<R>),
        (e: unknown) => port.postMessage({ id: msg.id, error: toWire(e) } satisfies Reply<R>),
      );
  });
}
