/**
 * What a change affects: from the changed paths (and the registries before and after),
 * which entries, pages, boards and cards a reviewer should look at and a printer reprint.
 * Pure: the git plumbing that finds the changes lives in src/review.
 */
import type { Board } from './schema/board.ts';
import type { Unit } from './schema/unit.ts';

export type ChangeStatus = 'added' | 'modified' | 'deleted' | 'renamed';

export interface ChangedPath {
  status: ChangeStatus;
  /** Repository-relative, forward slashes; for renames, the new path. */
  path: string;
  /** For renames, the old path. */
  from?: string;
}

export interface Registry {
  units: readonly Unit[];
  boards: readonly Board[];
}

export interface Impact {
  entries: { unit: string; slug: string; path: string; status: ChangeStatus }[];
  requests: { unit: string; path: string; status: ChangeStatus }[];
  pages: string[];
  /** Units whose board(s) and card change. */
  units: string[];
  boards: string[];
  cards: string[];
  /** Why everything is affected (settings, catalog, templates, calendar, program), if it is. */
  everything: string[];
  /** Paths that affect no output (README, tests …). */
  other: string[];
}

const GLOBAL: [RegExp, string][] = [
  [/^site\.yaml$/, '网站设置（site.yaml）'],
  [/^catalog\.yaml$/, '公开目录（catalog.yaml）'],
  [/^calendar\//, '工作日历（calendar/）'],
];
const PROGRAM = /^(src\/|templates\/|package(-lock)?\.json$|astro\.config\.mjs$|public\/)/;

const byId = <T extends { id: string }>(xs: readonly T[]) => new Map(xs.map((x) => [x.id, x]));
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Ids whose records differ between two versions of a registry (added, removed or changed). */
export function changedIds<T extends { id: string }>(before: readonly T[], after: readonly T[]): string[] {
  const a = byId(before);
  const b = byId(after);
  return [...new Set([...a.keys(), ...b.keys()])].filter((id) => !same(a.get(id), b.get(id))).sort();
}

export function impactOf(changes: readonly ChangedPath[], contentPath: string, before: Registry, after: Registry): Impact {
  const impact: Impact = { entries: [], requests: [], pages: [], units: [], boards: [], cards: [], everything: [], other: [] };
  const units = new Set<string>();
  const boards = new Set<string>();
  const prefix = `${contentPath}/`;
  const program = new Set<string>();
  for (const c of changes) {
    for (const path of c.from ? [c.from, c.path] : [c.path]) {
      if (!path.startsWith(prefix)) {
        if (PROGRAM.test(path)) program.add(path);
        else impact.other.push(path);
        continue;
      }
      const rel = path.slice(prefix.length);
      const m = /^(entries|requests)\/([^/]+)\/\d{4}\/([^/]+)\.md$/.exec(rel);
      const global = GLOBAL.find(([re]) => re.test(rel));
      if (m && m[1] === 'entries') {
        impact.entries.push({ unit: m[2]!, slug: m[3]!, path, status: c.status });
        units.add(m[2]!);
      } else if (m) {
        impact.requests.push({ unit: m[2]!, path, status: c.status });
      } else if (/^entries\/([^/]+)\//.test(rel)) {
        units.add(/^entries\/([^/]+)\//.exec(rel)![1]!); // an image of the unit's entries
      } else if (/^pages\/[^/]+\.mdx$/.test(rel)) {
        impact.pages.push(path);
      } else if (rel === 'units.yaml') {
        for (const id of changedIds(before.units, after.units)) units.add(id);
      } else if (rel === 'boards.yaml') {
        for (const id of changedIds(before.boards, after.boards)) boards.add(id);
      } else if (global) {
        impact.everything.push(global[1]);
      } else {
        impact.other.push(path);
      }
    }
  }
  if (program.size) impact.everything.push(program.size === 1 ? `程序或模板（${[...program][0]}）` : `程序或模板（${program.size} 个文件）`);
  const allBoards = after.boards;
  const everything = impact.everything.length > 0;
  for (const b of allBoards) if (everything || units.has(b.unit)) boards.add(b.id);
  impact.units = [...units].sort();
  impact.boards = [...boards].filter((id) => allBoards.some((b) => b.id === id) || before.boards.some((b) => b.id === id)).sort();
  const unitIds = new Set(after.units.map((u) => u.id));
  impact.cards = (everything ? after.units.map((u) => u.id) : impact.units.filter((u) => unitIds.has(u))).sort();
  impact.everything = [...new Set(impact.everything)];
  return impact;
}
