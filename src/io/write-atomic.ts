/**
 * Files written whole or not at all: a temporary file beside the target, then a rename
 * (atomic on one file system); files placed as hard links instead of copies; folders removed
 * without waiting.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { environmentProblem } from '../errors.ts';

export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  // One temporary name per thread: print workers write into the same cache at the same time.
  const tmp = `${file}.tmp-${process.pid}-${threadId}`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** Link errors after which a copy is the right answer: another file system, or one without (more) links. */
const NO_LINK = new Set(['EXDEV', 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EMLINK', 'ENOSYS']);

/**
 * Puts `from` at `to` as a hard link: the same bytes without copying them, which on these disks
 * costs as much as writing them. The link (or, where links cannot be made — another file system,
 * one without links — a copy) is made under a temporary name and renamed over `to`, so a file
 * already at `to` is replaced, never written into: it may itself be a link to a cache file, and
 * copying into it would change the cache. Callers never write into either path afterwards
 * (files are replaced by renaming, as above), so the two stay equal. Any other failure (no
 * permission, no such file, a full disk) is thrown as the environment problem it is, with the path.
 */
export function placeFile(from: string, to: string): void {
  const tmp = `${to}.tmp-${process.pid}-${threadId}`;
  try {
    try {
      linkSync(from, tmp);
    } catch (e) {
      if (!NO_LINK.has((e as NodeJS.ErrnoException).code ?? '')) throw e;
      copyFileSync(from, tmp);
    }
    renameSync(tmp, to);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw environmentProblem(e, `放置文件 ${to}`) ?? e;
  }
}

/** A folder's files placed under `to` by `placeFile`, its folders made as needed. */
export function placeTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const e of readdirSync(from, { withFileTypes: true })) {
    if (e.isDirectory()) placeTree(join(from, e.name), join(to, e.name));
    else placeFile(join(from, e.name), join(to, e.name));
  }
}

/**
 * Deleting the previous output's ~18,000 files takes ~10 s on these disks, and nobody needs
 * to wait for it: the folder is renamed out of the way at once and a detached `rm` finishes
 * it, after we exit if need be.
 */
export function removeInBackground(dir: string): void {
  if (!existsSync(dir)) return;
  if (process.platform === 'win32') return rmSync(dir, { recursive: true, force: true });
  const trash = `${dir}.removing-${process.pid}-${Date.now()}`;
  renameSync(dir, trash);
  spawn('rm', ['-rf', trash], { detached: true, stdio: 'ignore' }).unref();
}
