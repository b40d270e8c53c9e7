/**
 * A release as it was: the files of one revision, extracted with `git archive` into a
 * temporary folder that is always removed afterwards. The repository itself — index, work
 * tree, list of worktrees — is never touched, so this is safe next to a clerk's uncommitted work.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { git, GitError, resolveRev } from './git-changes.ts';

export interface Revision {
  /** As the user named it (v2026.11, HEAD). */
  name: string;
  commit: string;
  /** Committer date, ISO 8601: when the revision reached the repository. */
  date: string;
}

export function revision(root: string, name: string): Revision {
  const commit = resolveRev(root, name);
  return { name, commit, date: git(root, ['log', '-1', '--format=%cI', commit]).trim() };
}

/** `path` relative to the repository root with forward slashes ('' for the root), or undefined outside it. */
export function pathInRepo(root: string, path: string): string | undefined {
  const rel = relative(root, path);
  if (rel.startsWith('..') || rel.startsWith(sep)) return undefined;
  return rel.split(sep).join('/');
}

function existsAt(root: string, commit: string, path: string): boolean {
  return spawnSync('git', ['-C', root, 'cat-file', '-e', `${commit}:${path}`]).status === 0;
}

/** Extracts `paths` (repository-relative; '' is everything) as they were at `commit` into `dir`; paths missing at that revision are left out. */
function extract(root: string, commit: string, paths: readonly string[], dir: string): void {
  const wanted = paths.includes('') ? [] : paths.filter((p) => existsAt(root, commit, p));
  const archive = spawnSync('git', ['-C', root, 'archive', '--format=tar', commit, '--', ...wanted], { maxBuffer: 8 * 1024 ** 3 });
  if (archive.status !== 0) throw new GitError(`无法取出版本 ${commit.slice(0, 8)} 的文件：${String(archive.stderr).trim().split('\n')[0]}`);
  const tar = spawnSync('tar', ['-x', '-C', dir], { input: archive.stdout, maxBuffer: 64 * 1024 * 1024 });
  if (tar.status !== 0)
    throw new GitError(
      `无法解开版本 ${commit.slice(0, 8)} 的文件（需要 tar 命令）：${
        String(tar.stderr ?? tar.error?.message)
          .trim()
          .split('\n')[0]
      }`,
    );
}

/**
 * Runs `fn` on a folder holding `paths` (repository-relative; '' is everything) as they were at
 * `commit`. Paths missing at that revision are left out.
 */
export function withSnapshot<T>(root: string, commit: string, paths: readonly string[], fn: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-release-'));
  try {
    extract(root, commit, paths, dir);
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `withSnapshot` for work that outlives a tick (rendering the revision's print files): the folder is removed when `fn` settles. */
export async function withSnapshotAsync<T>(root: string, commit: string, paths: readonly string[], fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-release-'));
  try {
    extract(root, commit, paths, dir);
    return await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The tag HEAD is exactly at, if any. */
export function tagAt(root: string, rev: string): string | undefined {
  const r = spawnSync('git', ['-C', root, 'describe', '--tags', '--exact-match', rev], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() || undefined : undefined;
}

/**
 * The release before HEAD: the nearest tag reachable from HEAD, or — when HEAD itself is tagged
 * (building that release) — the nearest one before it. Undefined without tags or without git.
 */
export function previousRelease(root: string): string | undefined {
  const nearest = (rev: string) => {
    const r = spawnSync('git', ['-C', root, 'describe', '--tags', '--abbrev=0', rev], { encoding: 'utf8' });
    return r.status === 0 ? r.stdout.trim() || undefined : undefined;
  };
  const tag = nearest('HEAD');
  if (!tag || !tagAt(root, 'HEAD')) return tag;
  const hasParent = spawnSync('git', ['-C', root, 'rev-parse', '--verify', '--quiet', 'HEAD^']).status === 0;
  return hasParent ? nearest('HEAD^') : undefined;
}

/** Files under `paths` that differ between two revisions (`to` undefined: the work tree). */
export function changedFiles(root: string, from: string, to: string | undefined, paths: readonly string[]): string[] {
  if (paths.length === 0) return [];
  return git(root, ['diff', '--name-only', from, ...(to ? [to] : []), '--', ...paths])
    .split('\n')
    .filter(Boolean);
}
