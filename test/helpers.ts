/** Test helpers: throwaway copies of fixture content and running the real CLI. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll } from 'vitest';
import { loadProject } from '../src/load/load-project.ts';

export const ROOT = resolve(import.meta.dirname, '..');
export const MINI = join(ROOT, 'test/fixtures/mini');
export const TEMPLATES = join(ROOT, 'templates');

/** A fresh copy of the mini fixture (into `dir` if given, else a new temporary folder); returns its path. */
export function copyMini(dir = mkdtempSync(join(tmpdir(), 'gongkai-test-'))): string {
  cpSync(MINI, dir, { recursive: true });
  return dir;
}

export function put(dir: string, rel: string, content: string | Uint8Array): string {
  const file = join(dir, rel);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}

export function load(dir: string) {
  return loadProject({ contentDir: dir, templatesDir: TEMPLATES, displayRoot: dir });
}

export function cli(args: string[], cwd = ROOT, input?: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [join(ROOT, 'src/cli/main.ts'), ...args], {
    cwd,
    encoding: 'utf8',
    input,
    env: { ...process.env, NO_COLOR: '1', GONGKAI_TODAY: '2026-11-28', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export const ENTRY = (fm: string, body = '正文。') => `---\n${fm.trim()}\n---\n${body}\n`;

export const GOOD_FM = `title: 甲村党支部2026年下半年党费收缴情况
item: dues-collection
date: 2026-11-20
period: 2026-H2
reviewed_by: 王某某
approved_by: 李某某`;

/** A maker of throwaway folders for one test file (named by `prefix`, or the call's own); they are removed after its tests. */
export function tempDirs(prefix: string): (own?: string) => string {
  const made: string[] = [];
  afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
  return (own = prefix) => {
    const d = mkdtempSync(join(tmpdir(), own));
    made.push(d);
    return d;
  };
}

/** Text without white space, as text read back from a PDF may break lines anywhere. */
export const flat = (s: string) => s.replace(/\s+/g, '');
