/**
 * `check`'s parse cache (src/load/parse-cache.ts): a check with it reports exactly what a
 * check without it reports, and parses only files whose bytes, unit or settings changed.
 */
import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/load/load-project.ts';
import { ParseCache } from '../../src/load/parse-cache.ts';
import { cli, copyMini, TEMPLATES } from '../helpers.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function fresh(): { content: string; cacheFile: string } {
  const content = copyMini();
  dirs.push(content, `${content}-cache`);
  return { content, cacheFile: join(`${content}-cache`, 'check-cache.v8') };
}
const run = (content: string, cache?: ParseCache) =>
  loadProject({ contentDir: content, templatesDir: TEMPLATES, displayRoot: content, ...(cache ? { cache } : {}) });
/** What a check says and lets through, comparable across runs. */
const outcome = (r: ReturnType<typeof run>) => ({
  diagnostics: r.diagnostics,
  entries: r.project?.entries.map((e) => [e.id, e.data, e.body, e.source]),
  requests: r.project?.requests.map((e) => [e.id, e.data, e.body, e.source]),
});

const dues = 'entries/v-demo-a/2026/dues-2026-h1.md';
const mistake = (text: string) => text.replace('## 一、收缴情况', '## 一、收缴情况\n\n联系人电话：１３８１２３４５６７８');

describe('the parse cache', () => {
  it('gives the same findings and entries as no cache, and reuses unchanged files', () => {
    const { content, cacheFile } = fresh();
    writeFileSync(join(content, dues), mistake(readFileSync(join(content, dues), 'utf8')));
    const plain = outcome(run(content));
    const first = ParseCache.open(cacheFile);
    expect(outcome(run(content, first))).toEqual(plain);
    expect(first.hits).toBe(0);
    const second = ParseCache.open(cacheFile);
    expect(outcome(run(content, second))).toEqual(plain);
    // Every entry and request of a known unit but the one showing an image came from the cache.
    expect(second.misses).toBe(1);
    expect(second.hits).toBeGreaterThan(3);
    expect(plain.diagnostics.some((d) => d.code === 'personal-mobile' && d.file === dues)).toBe(true);
  });

  it('parses an edited file again, and every file when the settings change', () => {
    const { content, cacheFile } = fresh();
    run(content, ParseCache.open(cacheFile));
    appendFileSync(join(content, dues), '\n联系电话：13812345678\n');
    const edited = ParseCache.open(cacheFile);
    const r = run(content, edited);
    expect(r.diagnostics.some((d) => d.code === 'personal-mobile' && d.file === dues)).toBe(true);
    expect(edited.misses).toBe(2);
    // site.yaml allows the number now: every file is checked again, and the finding goes.
    const site = join(content, 'site.yaml');
    writeFileSync(site, readFileSync(site, 'utf8').replace(/^allowed_numbers:.*$/m, '') + '\nallowed_numbers: ["13812345678"]\n');
    const allowed = ParseCache.open(cacheFile);
    const after = run(content, allowed);
    expect(after.diagnostics.filter((d) => d.code === 'personal-mobile' && d.file === dues)).toEqual([]);
    expect(allowed.hits).toBe(0);
  });

  it('rebuilds a damaged cache file instead of failing', () => {
    const { content, cacheFile } = fresh();
    run(content, ParseCache.open(cacheFile));
    writeFileSync(cacheFile, 'not a cache');
    const damaged = ParseCache.open(cacheFile);
    expect(outcome(run(content, damaged))).toEqual(outcome(run(content)));
    expect(damaged.hits).toBe(0);
  });

  it('in memory, trusts a path until the watcher names it changed', () => {
    const { content } = fresh();
    const cache = ParseCache.memory();
    run(content, cache);
    appendFileSync(join(content, dues), '\n联系电话：13812345678\n');
    // Not named: the preview has not heard of the change yet.
    expect(run(content, cache).diagnostics.some((d) => d.code === 'personal-mobile')).toBe(false);
    cache.changed([join(content, dues)]);
    expect(run(content, cache).diagnostics.some((d) => d.code === 'personal-mobile' && d.file === dues)).toBe(true);
  });

  it('is used by the check command, which says the same the second time', () => {
    const { content } = fresh();
    writeFileSync(join(content, dues), mistake(readFileSync(join(content, dues), 'utf8')));
    const env = { GONGKAI_CACHE_DIR: `${content}-cache` };
    const once = cli(['check', '--content', content, '--json'], undefined, undefined, env);
    const twice = cli(['check', '--content', content, '--json'], undefined, undefined, env);
    const strip = (s: string) => ({ ...JSON.parse(s), seconds: 0 });
    expect(once.code).toBe(1);
    expect(strip(twice.stdout)).toEqual(strip(once.stdout));
    expect(readFileSync(join(`${content}-cache`, 'check-cache.v8')).length).toBeGreaterThan(100);
  });
});
