/**
 * Print files of a repository's commits, as the real CLI prints them: each commit extracted with
 * git archive and printed on a day with an empty cache, its boards and cards fingerprinted by the
 * sha256 of their PDFs — what tells whether a printed sheet really changed.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { cli } from '../helpers.ts';

/** Product (board:<id>, card:<unit>) → sha256 of its files; '@dir': the output folder. */
export type Printed = Map<string, string>;

export const dayBefore = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

export class CommitPrints {
  private readonly done = new Map<string, Printed>();
  private readonly repo: string;
  private readonly temp: (prefix: string) => string;

  /** `temp` makes a folder that the caller removes. */
  constructor(repo: string, temp: (prefix: string) => string) {
    this.repo = repo;
    this.temp = temp;
  }

  /** The print files of `commit` printed on `day` (content in content/, as a county's repository holds it). */
  of(commit: string, day: string): Printed {
    const id = `${commit}:${day}`;
    const known = this.done.get(id);
    if (known) return known;
    const src = this.temp('gongkai-prints-src-');
    execFileSync('sh', ['-c', `git archive ${commit} | tar -x -C "${src}"`], { cwd: this.repo });
    const out = this.temp('gongkai-prints-out-');
    const r = cli(['print', '--content', 'content', '--out', out, '--today', day], src, undefined, { GONGKAI_CACHE_DIR: this.temp('gongkai-prints-cache-') });
    expect(r.code, r.stderr).toBe(0);
    const files: Printed = new Map();
    for (const kind of ['boards', 'cards'] as const) {
      for (const f of readdirSync(join(out, 'print', kind))
        .filter((n) => n.endsWith('.pdf'))
        .sort()) {
        // A unit's card is its sheet and its one-card file: either changing is the card changing.
        const product = kind === 'boards' ? `board:${f.slice(0, -4)}` : `card:${f.slice(0, -4).replace(/-single$/, '')}`;
        const sha = createHash('sha256')
          .update(readFileSync(join(out, 'print', kind, f)))
          .digest('hex');
        files.set(product, (files.get(product) ?? '') + sha);
      }
    }
    files.set('@dir', out);
    this.done.set(id, files);
    return files;
  }

  /**
   * What printers must print again on `day` because of the change from `base` to `head`: the
   * head's file changes that day, and the base's does not change to the same file (printed anyway).
   */
  reprintedOn(day: string, base: string, head: string): string[] {
    const [was, wasBefore] = [this.of(base, day), this.of(base, dayBefore(day))];
    const [now, before] = [this.of(head, day), this.of(head, dayBefore(day))];
    const anyway = new Set(differing(wasBefore, was).filter((p) => was.get(p) === now.get(p)));
    return differing(before, now).filter((p) => !anyway.has(p));
  }
}

/** The products whose files differ between two prints. */
export const differing = (a: Printed, b: Printed) => [...new Set([...a.keys(), ...b.keys()])].filter((p) => p !== '@dir' && a.get(p) !== b.get(p)).sort();
