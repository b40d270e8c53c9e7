/** Errors keep their kind: across worker threads, through stages, up to the exit code. */
import { describe, expect, it } from 'vitest';
import { ContentError, EnvironmentError, environmentProblem, EXIT_CODES, fromWire, InternalError, StageError, toWire, UsageError } from '../../src/errors.ts';
import { runInWorkers } from '../../src/workers/pool.ts';

const sysError = (code: string, extra: Record<string, string> = {}) => Object.assign(new Error(`${code}: failed`), { code, ...extra });

describe('environmentProblem', () => {
  it('tells a full disk, a permission, a missing program and a missing dependency in Chinese, with the fix', () => {
    expect(environmentProblem(sysError('ENOSPC', { path: '/srv/dist/x.pdf' }))!.message).toBe(
      '磁盘空间不足。请清理磁盘（例如删除旧的 dist/ 副本或 .cache/）后重新运行（ENOSPC：/srv/dist/x.pdf）。',
    );
    expect(environmentProblem(sysError('EACCES'), '网站页面')!.message).toMatch(/^网站页面时没有读写权限/);
    expect(environmentProblem(sysError('ENOENT', { syscall: 'spawn git' }))!.message).toContain('找不到程序 git');
    expect(environmentProblem(sysError('ERR_MODULE_NOT_FOUND'))!.message).toContain('npm ci');
  });

  it('looks through causes, and leaves everything else alone', () => {
    expect(environmentProblem(new Error('wrapped', { cause: sysError('EIO') }))).toBeInstanceOf(EnvironmentError);
    expect(environmentProblem(new Error('a bug'))).toBeUndefined();
    expect(environmentProblem(sysError('ENOENT', { syscall: 'open' }))).toBeUndefined();
    expect(environmentProblem('text')).toBeUndefined();
  });
});

describe('kinds and exit codes', () => {
  it('maps each kind to its exit code; a merge problem is a usage problem; a stage failure is internal', () => {
    expect(
      [new ContentError('x'), new UsageError('x'), new EnvironmentError('x'), new InternalError('x'), new StageError('网站页面', 'x')].map(
        (e) => EXIT_CODES[e.kind],
      ),
    ).toEqual([1, 2, 3, 2, 2]);
  });

  it('survives the trip through postMessage as plain data, with its details and a context', () => {
    const back = fromWire(structuredClone(toWire(new ContentError('一块内容放不下', { details: ['条目 v-a/x'] }))), '公开栏 b-a');
    expect(back).toBeInstanceOf(ContentError);
    expect(back.message).toBe('公开栏 b-a：一块内容放不下');
    expect((back as ContentError).details).toEqual(['条目 v-a/x']);
    expect(fromWire(toWire(sysError('ENOSPC')))).toBeInstanceOf(EnvironmentError);
    const unknown = fromWire(toWire(new TypeError('x is undefined')));
    expect(unknown).not.toBeInstanceOf(ContentError);
    expect(unknown.stack).toContain('in a worker thread');
  });

  it('comes back from a worker thread with its kind', async () => {
    const worker = new URL('../fixtures/workers/kinds-worker.ts', import.meta.url);
    const out: number[] = [];
    await runInWorkers<number, number>(worker, [1, 2, 3], (_n, r) => void out.push(r), { threads: 2 });
    expect(out.sort()).toEqual([2, 4, 6]);
    const content = await runInWorkers<number, number>(worker, [1, -1], () => undefined, { threads: 2, label: (n) => `数 ${n}` }).catch((e: unknown) => e);
    expect(content).toBeInstanceOf(ContentError);
    expect((content as ContentError).message).toBe('数 -1：负数不能翻倍');
    expect(await runInWorkers<number, number>(worker, [0], () => undefined, { threads: 2 }).catch((e: unknown) => e)).toBeInstanceOf(EnvironmentError);
  });
});
