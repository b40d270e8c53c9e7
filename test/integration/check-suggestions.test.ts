/**
 * Messages that never mislead (issue 33): for every case of what office software and habits do
 * to an entry, check reports the expected code on the case's own file, and each suggested fix,
 * applied exactly as the hint writes it, leads to a file that passes check — and that, once it
 * passes, shows no Markdown syntax as text on the site or the board.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/domain/diagnostics.ts';
import { copyMini, ENTRY, GOOD_FM, load, put } from '../helpers.ts';
import { CASE_PATH, HABIT_CASES, type HabitCase } from './markdown-habits-cases.ts';
import { visibleSyntax } from './visible-syntax.ts';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Applies a hint as a clerk would read it: the forms the hints write a fix in. Returns false
 * when the hint writes no fix that can be applied as written.
 */
function applyFix(root: string, d: Diagnostic): boolean {
  const file = join(root, d.file);
  const hint = d.hint ?? '';
  let m: RegExpExecArray | null;
  if ((m = /请把文件改名为 (\S+?)。/.exec(hint))) {
    renameSync(file, join(dirname(file), m[1]!));
    return true;
  }
  if ((m = /请把文件“(.+?)”改名为“(.+?)”/.exec(hint))) renameSync(join(dirname(file), m[1]!), join(dirname(file), m[2]!));
  const lines = readFileSync(file, 'utf8').split('\n');
  const at = d.line - 1;
  if ((m = /把这(一|几)行改为：\n([\s\S]+)$/.exec(hint))) {
    const replacement = m[2]!.split('\n');
    lines.splice(at, m[1] === '一' ? 1 : replacement.length, ...replacement);
  } else if ((m = /请把链接里的文件名改为“(.+?)”/.exec(hint))) {
    const name = m[1]!;
    lines[at] = lines[at]!.replace(/(!\[[^\]]*\]\()[^)]*\)/, `$1${name})`);
  } else if ((m = /请删除“(.+?)”这一行和与它配对的结束行/.exec(hint))) {
    const fence = m[1]!;
    const close = lines.findIndex((l, i) => i > at && l.trim().startsWith(fence));
    if (!lines[at]!.trim().startsWith(fence) || close < 0) return false;
    lines.splice(close, 1);
    lines.splice(at, 1);
  } else if ((m = /请删除“(.+?):”这一行/.exec(hint))) {
    if (!lines[at]!.startsWith(`${m[1]}:`)) return false;
    lines.splice(at, 1);
  } else if ((m = /请改为：(\w+): (\S+)/.exec(hint))) {
    lines[at] = lines[at]!.replace(/^(\s*)\w+:.*$/, `$1${m[1]}: ${m[2]}`);
  } else if ((m = /在信息区写 (\w+): (\w+)/.exec(hint))) {
    const key = lines.findIndex((l, i) => i > 0 && l.startsWith(`${m![1]}:`));
    if (key > 0) lines[key] = `${m[1]}: ${m[2]}`;
    else lines.splice(lines.indexOf('---', 1), 0, `${m[1]}: ${m[2]}`);
  } else if ((m = /请把“(\w+): …”改为“(\w+: \d+)”/.exec(hint))) {
    lines[at] = lines[at]!.replace(new RegExp(`${m[1]}:\\s*[^,}]+`), m[2]!);
  } else if ((m = /请在 (\w+) 里加上 (\w+: [^，]+)，/.exec(hint))) {
    lines[at] = lines[at]!.replace(/\{\s*/, `{ ${m[2]}, `);
  } else return false;
  writeFileSync(file, lines.join('\n'));
  return true;
}

const NOTICE_END: HabitCase = { name: 'notice: { end }', files: { [CASE_PATH]: ENTRY(`${GOOD_FM}\nnotice: { end: 2026-11-30 }`) }, code: 'unknown-field' };
const CASES = [...HABIT_CASES, NOTICE_END];
const MINI_FILES = new Set([
  'entries/v-demo-a/2026/sanhui-2026-10.md',
  'entries/v-demo-a/2026/road-deliberation.md',
  'entries/v-demo-a/2026/dues-2026-h1.md',
  'entries/t-demo/2026/org-setup.md',
]);

describe('every suggested fix passes check when applied as written', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    dir = copyMini();
    for (const [rel, content] of Object.entries(c.files)) put(dir, rel, content);
    const ours = (ds: readonly Diagnostic[]) => ds.filter((d) => d.severity === 'error' && d.file.startsWith('entries/v-demo-a/2026/'));
    const first = ours(load(dir).diagnostics);
    expect(first.map((d) => d.code)).toContain(c.code);
    let errors = first;
    const applied: string[] = [];
    for (let step = 0; errors.length && step < 8; step++) {
      const d = errors[0]!;
      expect(applyFix(dir, d), `no fix written as such in ${d.code}: ${d.hint}`).toBe(true);
      applied.push(d.code);
      const next = ours(load(dir).diagnostics);
      // The fix removed its own finding and brought no new kind of error.
      expect(next.filter((n) => n.code === d.code && n.line === d.line && n.file === d.file && n.message === d.message)).toEqual([]);
      for (const n of next)
        expect(
          first.map((f) => f.code),
          `${d.code}'s fix brought ${n.code}: ${n.message}`,
        ).toContain(n.code);
      errors = next;
    }
    expect(errors).toEqual([]);
    expect(applied.length).toBeGreaterThan(0);
    // Passing now, so published (on the site, or on the party's own board): nothing of the Markdown shows as text.
    const theirs = load(dir).project!.entries.filter((e) => !MINI_FILES.has(e.source.file));
    expect(theirs).toHaveLength(1);
    expect(visibleSyntax(theirs[0]!.body)).toEqual([]);
  });
});
