/**
 * A few worker threads working through a list of tasks, for CPU-bound work that would
 * otherwise queue on one core (rendering posters, reading PDFs' text). Each worker is a
 * module that calls `serveTasks` once; it keeps whatever it loaded (fonts, a PDF parser)
 * between tasks. Results come back in completion order through `onDone`, errors with their
 * kind (src/errors.ts): the first failure stops the pool and is thrown.
 *
 * The workers take their next task themselves, from a counter they share (Atomics), not from
 * a message of this thread: the build runs the pool beside Astro, whose content sync keeps
 * this thread busy for seconds at a time, and a worker that waited for it to hand out the
 * next task left a core idle for most of that time (machine CPU use fell to ~60%).
 */
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { deserialize, serialize } from 'node:v8';
import { Worker, parentPort, type ResourceLimits } from 'node:worker_threads';
import { fromWire, toWire, type WireError } from '../errors.ts';

/**
 * What each worker is given once. The tasks are serialised once into memory the threads
 * share, and a worker deserialises only the tasks it takes: a print run's 1,021 jobs (~7 MB
 * as JSON) copied whole into every worker cost each of them tens of megabytes, at the
 * build's memory peak.
 */
interface Start {
  /** The serialised tasks, one after another. */
  tasks: SharedArrayBuffer;
  /** Where task i ends in `tasks` (it starts where task i - 1 ends). */
  ends: SharedArrayBuffer;
  /** One Int32: the index of the next task not yet taken by any worker. */
  next: SharedArrayBuffer;
  background: boolean;
}

/** The tasks as one shared buffer and their end offsets. */
function shareTasks(tasks: readonly unknown[]): Pick<Start, 'tasks' | 'ends'> {
  const parts = tasks.map((t) => serialize(t));
  const ends = new Float64Array(new SharedArrayBuffer(8 * parts.length));
  const bytes = new Uint8Array(new SharedArrayBuffer(parts.reduce((n, p) => n + p.length, 0)));
  let at = 0;
  parts.forEach((p, i) => {
    bytes.set(p, at);
    ends[i] = at += p.length;
  });
  return { tasks: bytes.buffer as SharedArrayBuffer, ends: ends.buffer as SharedArrayBuffer };
}

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
  /**
   * Work beside a more urgent main thread: the workers run at a lower CPU priority, so they
   * take what the main thread leaves (see `lowerPriority`).
   */
  background?: boolean;
}

export async function runInWorkers<T, R>(
  script: URL,
  tasks: readonly T[],
  onDone: (task: T, out: R) => Promise<void> | void,
  opts: PoolOptions<T>,
): Promise<void> {
  const n = Math.max(1, Math.min(opts.threads, tasks.length));
  if (!tasks.length) return;
  const next = new Int32Array(new SharedArrayBuffer(4));
  // Results are handled one at a time, in completion order, while the workers go on.
  let handled: Promise<void> = Promise.resolve();
  let received = 0;
  const shared = shareTasks(tasks);
  const workers = Array.from({ length: n }, () => new Worker(script, opts.resourceLimits ? { resourceLimits: opts.resourceLimits } : {}));
  try {
    await new Promise<void>((resolve, reject) => {
      const fail = (e: unknown) => {
        Atomics.store(next, 0, tasks.length); // the other workers take no new task
        reject(e);
      };
      for (const w of workers) {
        w.on('message', (msg: Reply<R>) => {
          const task = tasks[msg.id]!;
          if (msg.error) return fail(fromWire(msg.error, opts.label?.(task)));
          handled = handled.then(() => onDone(task, msg.out as R));
          handled.catch(fail);
          if (++received === tasks.length) handled.then(resolve, fail);
        });
        w.on('error', fail);
        w.on('exit', (code) => fail(new Error(`worker thread exited early (code ${code})`)));
        w.postMessage({ ...shared, next: next.buffer, background: !!opts.background } satisfies Start);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** The worker's side: takes tasks from the shared list until none is left, running each through `fn`. */
export function serveTasks<T, R>(fn: (task: T) => Promise<R> | R): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks runs in a worker thread only');
  port.once('message', async ({ tasks, ends, next, background }: Start) => {
    if (background) lowerPriority();
    const counter = new Int32Array(next);
    const bytes = new Uint8Array(tasks);
    const end = new Float64Array(ends);
    for (let id = Atomics.add(counter, 0, 1); id < end.length; id = Atomics.add(counter, 0, 1)) {
      try {
        const task = deserialize(bytes.subarray(id ? end[id - 1] : 0, end[id])) as T;
        port.postMessage({ id, out: await fn(task) } satisfies Reply<R>);
      } catch (e) {
        port.postMessage({ id, error: toWire(e) } satisfies Reply<R>);
        return;
      }
    }
  });
  // Kept open until the pool terminates this thread: an exit of its own would read as a crash.
  port.on('message', () => undefined);
}

/**
 * Lowers this thread's CPU priority (nice +10), on Linux, where a thread has a nice value of its
 * own (setpriority with its thread id; see setpriority(2), "BUGS"). The build runs print and
 * PDF-text workers beside Astro on two cores: at equal priority they took CPU from the site,
 * which the search index then waited for. At +10 they get what the main thread and
 * Pagefind leave, and the cores stay busy. Elsewhere, or if refused, nothing changes.
 */
function lowerPriority(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, Math.min(19, getPriority(tid) + 10));
  } catch {
    // Not Linux, or no /proc: the workers keep the normal priority.
  }
}
