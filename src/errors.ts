/**
 * One error class per kind of failure, each kind with its exit code and its way of being told
 * to the person at the terminal (cli/main.ts has the one handler). A kind survives a worker
 * thread: `toWire` and `fromWire` carry it across `postMessage`, which keeps only plain data.
 *
 * The kinds answer the first question of whoever reads the message — whose move is it?
 * - content: the clerk's (a file, board or entry named, with the fix) — exit 1;
 * - usage: whoever typed the command — exit 2;
 * - environment: the machine's (disk full, no permission, a missing program or dependency,
 *   a file that cannot be read) — exit 3, never reported as a leak or as our bug;
 * - internal: ours (a bug) — exit 2, with the stack only under GONGKAI_DEBUG.
 */

export type ErrorKind = 'content' | 'usage' | 'environment' | 'internal';

export const EXIT_CODES: Readonly<Record<ErrorKind, number>> = { content: 1, usage: 2, internal: 2, environment: 3 };

export interface ErrorOptions {
  cause?: unknown;
  /** Further lines shown under the message (a list of files, say), already in Chinese. */
  details?: readonly string[];
}

export abstract class GongkaiError extends Error {
  abstract readonly kind: ErrorKind;
  readonly details: readonly string[];
  constructor(message: string, options: ErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.details = options.details ?? [];
  }
}

/** Content did not pass validation, or cannot be laid out: names the file, board or entry. */
export class ContentError extends GongkaiError {
  override name = 'ContentError';
  readonly kind = 'content';
}

/** Wrong flags or arguments. */
export class UsageError extends GongkaiError {
  override name = 'UsageError';
  readonly kind = 'usage';
}

/** `gongkai merge` was given folders that are not the parts of one sharded build. */
export class MergeError extends UsageError {
  override name = 'MergeError';
}

/** The machine, not the content nor the program: a full disk, a permission, a missing program. */
export class EnvironmentError extends GongkaiError {
  override name = 'EnvironmentError';
  readonly kind = 'environment';
}

/** A bug of ours. */
export class InternalError extends GongkaiError {
  override name = 'InternalError';
  readonly kind = 'internal';
}

/** A build stage failed for a reason that is none of the above: an internal error, with the stage named. */
export class StageError extends InternalError {
  override name = 'StageError';
  readonly stage: string;
  constructor(stage: string, message: string, options: ErrorOptions = {}) {
    super(message, options);
    this.stage = stage;
  }
}

/** What the system error codes of Node mean to a webmaster, and what to do about each. */
const SYSTEM_PROBLEMS: Record<string, string> = {
  ENOSPC: '磁盘空间不足。请清理磁盘（例如删除旧的 dist/ 副本或 .cache/）后重新运行',
  EDQUOT: '磁盘配额已用完。请清理磁盘或请管理员增加配额后重新运行',
  EACCES: '没有读写权限。请检查这个文件或文件夹的所有者和权限（不要用 sudo 运行构建）',
  EPERM: '操作不被允许。请检查文件权限，或者文件是否被其他程序（杀毒软件、编辑器）占用',
  EROFS: '文件系统是只读的。请把输出文件夹放在可写的位置（--out）',
  EMFILE: '同时打开的文件太多。请用 ulimit -n 4096 提高上限后重新运行',
  ENFILE: '系统打开的文件太多。请关闭其他程序后重新运行',
  EIO: '磁盘读写出错。请检查磁盘是否损坏或已断开',
  EBUSY: '文件正被其他程序占用。请关闭占用它的程序后重新运行',
  ENOTDIR: '路径中应当是文件夹的地方是一个文件。请检查这个路径，删除或改名挡路的文件后重新运行',
};

interface SystemError {
  code?: unknown;
  path?: unknown;
  syscall?: unknown;
  message?: unknown;
}

/**
 * The environment problem behind `e` (or behind its causes), told in Chinese; undefined when
 * `e` is not one. Errors of other kinds pass through unchanged by the caller.
 */
export function environmentProblem(e: unknown, what?: string): EnvironmentError | undefined {
  for (let cur: unknown = e, depth = 0; cur && typeof cur === 'object' && depth < 5; cur = (cur as { cause?: unknown }).cause, depth++) {
    if (cur instanceof EnvironmentError) return cur;
    const { code, path, syscall } = cur as SystemError;
    if (typeof code !== 'string') continue;
    const where = typeof path === 'string' ? `：${path}` : '';
    const prefix = what ? `${what}时` : '';
    if (code === 'ENOENT' && typeof syscall === 'string' && syscall.startsWith('spawn')) {
      const program = syscall.slice('spawn '.length) || String(path ?? '');
      return new EnvironmentError(`${prefix}找不到程序 ${program}。这台电脑缺少它；请安装后重新运行。`, { cause: e });
    }
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      return new EnvironmentError(
        `${prefix}缺少程序依赖（${String((cur as SystemError).message ?? code).split('\n')[0]}）。请在项目文件夹里运行 npm ci 后重试。`,
        { cause: e },
      );
    }
    const problem = SYSTEM_PROBLEMS[code];
    if (problem) return new EnvironmentError(`${prefix}${problem}（${code}${where}）。`, { cause: e });
  }
  return undefined;
}

/** An error as plain data, for `postMessage` from a worker thread. */
export interface WireError {
  kind: ErrorKind | 'unknown';
  name: string;
  message: string;
  details: string[];
  stack?: string;
  stage?: string;
}

export function toWire(e: unknown): WireError {
  const env = e instanceof GongkaiError ? undefined : environmentProblem(e);
  const err = env ?? e;
  if (err instanceof GongkaiError) {
    return {
      kind: err.kind,
      name: err.name,
      message: err.message,
      details: [...err.details],
      ...(err.stack ? { stack: err.stack } : {}),
      ...(err instanceof StageError ? { stage: err.stage } : {}),
    };
  }
  if (err instanceof Error) return { kind: 'unknown', name: err.name, message: err.message, details: [], ...(err.stack ? { stack: err.stack } : {}) };
  return { kind: 'unknown', name: 'Error', message: String(err), details: [] };
}

/** The error of the kind that was sent, with `context` ("公开栏 b-x") put before its message. */
export function fromWire(w: WireError, context?: string): Error {
  const message = context ? `${context}：${w.message}` : w.message;
  const options = { details: w.details };
  let e: Error;
  if (w.kind === 'content') e = new ContentError(message, options);
  else if (w.kind === 'usage') e = new UsageError(message, options);
  else if (w.kind === 'environment') e = new EnvironmentError(message, options);
  else if (w.kind === 'internal') e = w.stage ? new StageError(w.stage, message, options) : new InternalError(message, options);
  else e = new Error(message);
  if (w.stack) e.stack = `${e.name}: ${message}\n(in a worker thread)\n${w.stack}`;
  return e;
}
