/**
 * The repository's own records for the content folder — commit subjects, authors' names and
 * e-mail addresses — read with one `git log`, for the leak scan: they are internal notes and
 * must never reach a public page. Outside a repository (or without git) there are none.
 */
import { spawnSync } from 'node:child_process';
import type { CommitRecords } from '../domain/safety/leak-needles.ts';

const FIELD = '\x1f';

export function readCommitRecords(contentDir: string): CommitRecords {
  const r = spawnSync('git', ['-C', contentDir, 'log', `--format=%s${FIELD}%an${FIELD}%ae${FIELD}%cn${FIELD}%ce`, '--', '.'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const subjects = new Set<string>();
  const names = new Set<string>();
  const emails = new Set<string>();
  if (r.status === 0) {
    for (const line of r.stdout.split('\n')) {
      const [subject, author, authorEmail, committer, committerEmail] = line.split(FIELD);
      if (subject) subjects.add(subject);
      for (const n of [author, committer]) if (n) names.add(n);
      for (const e of [authorEmail, committerEmail]) if (e) emails.add(e);
    }
  }
  return { subjects: [...subjects], names: [...names], emails: [...emails] };
}
