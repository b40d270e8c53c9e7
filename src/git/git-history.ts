/**
 * The history of every entry and request file from git, read with ONE `git log` call per
 * build (one call per page would be 8,000 processes). A folder that is not a git repository,
 * a machine without git, or a shallow clone yields an empty history: pages then show only the
 * dates written in the entry, and the compliance report says where its "last update" came from.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { shanghaiDate } from '../domain/time/today.ts';
import type { Project } from '../domain/model.ts';
import { isPublic } from '../domain/publication.ts';
import type { LastUpdateSource } from '../domain/supervision/compliance.ts';

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

/**
 * What git could tell: `ok`, or why it could not — the folder is not in a repository (or git
 * is missing), or the clone is shallow (its oldest commit seems to add every file at once).
 */
export type HistoryState = 'ok' | 'no-git' | 'shallow';

export interface ContentHistory {
  state: HistoryState;
  /** Changes of every file under entries/ and requests/, by absolute path (empty unless `ok`). */
  files: History;
}

function git(cwd: string, args: string[]): string | undefined {
  const r = spawnSync('git', ['-C', cwd, ...args], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  return r.status === 0 ? r.stdout : undefined;
}

/** One `git log` for the content's entries and requests: the pages' change lists and the report's "last update". */
export function readContentHistory(contentDir: string): ContentHistory {
  const dir = resolve(contentDir);
  const root = git(dir, ['rev-parse', '--show-toplevel'])?.trim();
  if (!root) return { state: 'no-git', files: new Map() };
  if (git(root, ['rev-parse', '--is-shallow-repository'])?.trim() === 'true') return { state: 'shallow', files: new Map() };
  const paths = ['entries', 'requests'].map((d) => relative(root, resolve(dir, d)).split(sep).join('/'));
  const log = git(root, ['log', '--no-renames', '--no-color', `--format=${RECORD}%H${FIELD}%cI${FIELD}%s`, '--name-only', '--', ...paths]);
  if (log === undefined) return { state: 'no-git', files: new Map() };
  return { state: 'ok', files: parseGitLog(log, root) };
}

const real = (p: string) => (existsSync(p) ? realpathSync(p) : resolve(p));

/**
 * "Last update" per unit for the compliance report: the day (Asia/Shanghai) of the newest
 * commit, on or before the report's "today", that touched content/entries/<unit>/ or
 * content/requests/<unit>/. Files of party-internal entries do not count: the public report
 * must not reveal when a unit last changed something the public cannot see. A report for a day
 * before the first content commit (an imported snapshot) cannot use git, and says so.
 */
export function lastUpdatesFromGit(history: ContentHistory, contentDir: string, project: Pick<Project, 'entries'>, today: string): LastUpdateSource {
  if (history.state !== 'ok') return { kind: 'entries', reason: history.state };
  const root = real(contentDir);
  const hidden = new Set(project.entries.filter((e) => !isPublic(e)).map((e) => real(e.source.path)));
  const byUnit = new Map<string, string>();
  let first: string | undefined;
  for (const [path, changes] of history.files) {
    const [folder, unit, ...rest] = relative(root, path).split(sep);
    if ((folder !== 'entries' && folder !== 'requests') || !unit || rest.length === 0 || hidden.has(path)) continue;
    for (const c of changes) {
      const day = shanghaiDate(new Date(c.date));
      if (first === undefined || day < first) first = day;
      if (day > today) continue;
      const known = byUnit.get(unit);
      if (known === undefined || day > known) byUnit.set(unit, day);
    }
  }
  if (byUnit.size === 0) return { kind: 'entries', reason: 'no-commits', ...(first ? { firstCommit: first } : {}) };
  return { kind: 'git', byUnit };
}
