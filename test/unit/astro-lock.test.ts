/**
 * The build lock and file placement keep an error's kind: a lock that cannot be made (no
 * permission, a file in the way) is the machine's problem, said at once with its path — never
 * an endless “another build is running”; a file placed over an output that is a hard link to a
 * cache file replaces it and leaves the cache file as it was.
 */
import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { placeFile } from '../../src/io/write-atomic.ts';
import { EnvironmentError } from '../../src/errors.ts';
import { withAstroLock } from '../../src/pipeline/astro-lock.ts';

const made: string[] = [];
const temp = (base = tmpdir()) => {
  const d = mkdtempSync(join(base, 'gongkai-lock-'));
  made.push(d);
  return d;
};
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('build lock', () => {
  it('a folder it may not write is an environment error naming the path, not a wait', async () => {
    // /sys refuses new folders to everyone, root included.
    const err = await withAstroLock(
      '/sys',
      async () => 'ran',
      () => {},
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EnvironmentError);
    expect((err as Error).message).toContain('/sys/.astro');
  });

  it('a file where the lock folder goes is an environment error too', async () => {
    const root = temp();
    writeFileSync(join(root, '.astro'), '');
    const err = await withAstroLock(
      root,
      async () => 'ran',
      () => {},
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EnvironmentError);
    expect((err as Error).message).toContain('.astro');
  });

  it('runs, and removes its lock; takes over a lock whose build died before writing its pid', async () => {
    const root = temp();
    const lock = join(root, '.astro', 'gongkai-build.lock');
    mkdirSync(lock, { recursive: true });
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    const said: string[] = [];
    expect(
      await withAstroLock(
        root,
        async () => 'ran',
        (l) => said.push(l),
      ),
    ).toBe('ran');
    expect(said).toEqual([]);
    expect(existsSync(lock)).toBe(false);
  });
});

describe('placeFile', () => {
  it('replaces an output that is a hard link to a cache file, across file systems, without writing into the cache file', () => {
    const cache = temp();
    const from = join(cache, 'new.pdf');
    writeFileSync(from, 'new poster');
    // The output folder on another file system (tmpfs): no link can be made, so the file is copied.
    const other = existsSync('/dev/shm') ? temp('/dev/shm') : temp();
    const cached = join(other, 'old-cache-entry.pdf');
    writeFileSync(cached, 'old poster');
    const to = join(other, 'b-x.pdf');
    linkSync(cached, to);
    placeFile(from, to);
    expect(readFileSync(to, 'utf8')).toBe('new poster');
    expect(readFileSync(cached, 'utf8')).toBe('old poster');
  });

  it('a place it may not write is an environment error naming the path', () => {
    const from = join(temp(), 'a.pdf');
    writeFileSync(from, 'x');
    let err: unknown;
    try {
      placeFile(from, '/sys/gongkai-test.pdf');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(EnvironmentError);
    expect((err as Error).message).toContain('/sys/gongkai-test.pdf');
  });
});
