/**
 * Several files and folders changed together, all or nothing: a rename touches units.yaml,
 * boards.yaml, CODEOWNERS and the unit's folders, and a half-done rename (folders moved, the
 * registry still naming the old id) would leave a repository that does not check. New texts
 * are written beside their targets first, then the folders are moved, then the texts put in
 * place; a failure at any step puts back what was done before it.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { environmentProblem, UsageError } from '../errors.ts';
import { writeFileAtomic } from '../io/write-atomic.ts';

export interface FileChanges {
  /** Whole files to write. */
  write: { file: string; text: string }[];
  /** Folders (or files) to move; the target must not exist. */
  move: { from: string; to: string }[];
}

export function applyChanges(changes: FileChanges): void {
  for (const m of changes.move) {
    if (!existsSync(m.from)) throw new UsageError(`找不到 ${m.from}，没有改动任何文件。`);
    if (existsSync(m.to)) throw new UsageError(`${m.to} 已经存在，不能把 ${m.from} 移过去；没有改动任何文件。请先看看那里是什么。`);
  }
  const staged: { file: string; tmp: string; old: string | undefined }[] = [];
  const moved: { from: string; to: string }[] = [];
  const put: { file: string; old: string | undefined }[] = [];
  try {
    for (const w of changes.write) {
      const tmp = `${w.file}.change-${process.pid}`;
      mkdirSync(dirname(w.file), { recursive: true });
      writeFileSync(tmp, w.text);
      staged.push({ file: w.file, tmp, old: existsSync(w.file) ? readFileSync(w.file, 'utf8') : undefined });
    }
    for (const m of changes.move) {
      mkdirSync(dirname(m.to), { recursive: true });
      renameSync(m.from, m.to);
      moved.push(m);
    }
    for (const s of staged) {
      renameSync(s.tmp, s.file);
      put.push(s);
    }
  } catch (e) {
    for (const p of put.reverse()) {
      if (p.old === undefined) rmSync(p.file, { force: true });
      else writeFileAtomic(p.file, p.old);
    }
    for (const m of moved.reverse()) renameSync(m.to, m.from);
    for (const s of staged) rmSync(s.tmp, { force: true });
    throw environmentProblem(e, '改动文件') ?? e;
  }
}
