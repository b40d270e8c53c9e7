/**
 * The git side of `gongkai diff`: which paths changed since a base revision.
 */
import { execFileSync } from 'node:child_process';
import type { ChangedPath, ChangeStatus } from '../domain/impact.ts';

export class GitError extends Error {
  override name = 'GitError';
}

export function git(cwd: string, args: string[]): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new GitError((err.stderr || err.message).trim().split('\n')[0] ?? 'git 出错');
  }
}

export function repoRoot(dir: string): string {
  return git(dir, ['rev-parse', '--show-toplevel']).trim();
}

/** Resolves a revision, failing with a clear message when it does not exist. */
export function resolveRev(root: string, rev: string): string {
  try {
    return git(root, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]).trim();
  } catch {
    throw new GitError(`找不到版本“${rev}”：请给出分支名、标签或提交号（例如 origin/main）`);
  }
}

const STATUS: Record<string, ChangeStatus> = { A: 'added', M: 'modified', D: 'deleted', R: 'renamed', C: 'added', T: 'modified' };

/**
 * Paths changed from `base` to `head`; without head, to the working tree, untracked files
 * included (a clerk's new entry is untracked until committed).
 */
export function changedPaths(root: string, base: string, head?: string): ChangedPath[] {
  const range = head ? [`${base}...${head}`] : [base];
  const out = git(root, ['diff', '--name-status', '-M', '-z', ...range, '--']);
  const parts = out.split('\0').filter((p) => p !== '');
  const changes: ChangedPath[] = [];
  for (let i = 0; i < parts.length;) {
    const code = parts[i++]!;
    const status = STATUS[code[0]!] ?? 'modified';
    if (code[0] === 'R' || code[0] === 'C') {
      const from = parts[i++]!;
      const path = parts[i++]!;
      changes.push(code[0] === 'R' ? { status, path, from } : { status, path });
    } else {
      changes.push({ status, path: parts[i++]! });
    }
  }
  if (!head) {
    for (const path of git(root, ['ls-files', '--others', '--exclude-standard', '-z']).split('\0').filter(Boolean)) {
      changes.push({ status: 'added', path });
    }
  }
  return changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
