/**
 * The history of every entry file from git, read with ONE `git log` call per build
 * (one call per page would be 8,000 processes). A folder that is not a git repository,
 * or a machine without git, yields an empty history: pages then show only the dates
 * written in the entry.
 */
import { spawnSync } from 'node:child_process';
import { relative, resolve, sep } from 'node:path';

export interface Change {
  /** Full commit id; pages show the first 8 characters. */
  commit: string;
  /** Commit date as ISO 8601 (committer date: when the change reached the repository). */
  date: string;
  subject: string;
}

/** Newest first, per absolute file path. */
export type History = Map<string, Change[]>;

const RECORD = '\x1e';
const FIELD = '\x1f';

/** Parses `git log --format=%x1e%H%x1f%cI%x1f%s --name-only` output; paths are made absolute from `root`. */
export function parseGitLog(output: string, root: string): History {
  const history: History = new Map();
  for (const record of output.split(RECORD)) {
    if (!record.trim()) continue;
    const [head = '', ...files] = record.split('\n');
    const [commit, date, subject = ''] = head.split(FIELD);
    if (!commit || !date) continue;
    for (const f of files) {
      const file = f.trim();
      if (!file) continue;
      const abs = resolve(root, file);
      const list = history.get(abs);
      const change = { commit, date, subject };
      if (list) list.push(change);
      else history.set(abs, [change]);
    }
  }
  return history;
}

export function readGitHistory(contentDir: string): History {
  const dir = resolve(contentDir);
  const top = spawnSync('git', ['-C', dir, 'rev-parse', '--show-toplevel'], { encoding: 'utf8' });
  if (top.status !== 0 || !top.stdout.trim()) return new Map();
  const root = top.stdout.trim();
  const entries = relative(root, resolve(dir, 'entries')).split(sep).join('/') || '.';
  const log = spawnSync(
    'git',
    ['-C', root, 'log', '--no-renames', '--no-color', `--format=${RECORD}%H${FIELD}%cI${FIELD}%s`, '--name-only', '--', entries],
    { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 },
  );
  if (log.status !== 0) return new Map();
  return parseGitLog(log.stdout, root);
}
