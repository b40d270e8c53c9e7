/**
 * Nothing in a published page or board shows Markdown syntax as text (issue 33): every entry of
 * the demo county and of the test fixtures, rendered as the site renders it and laid out in the
 * blocks a board sets, has no "#" heading marker, "| … |" row, "![", code fence or code block
 * left as text. The same detector sees each habit of office software in a raw case, so it can fail.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../src/load/front-matter.ts';
import { walkFiles } from '../../src/io/walk.ts';
import { ROOT } from '../helpers.ts';
import { CASE_PATH, HABIT_CASES } from './markdown-habits-cases.ts';
import { visibleSyntax } from './visible-syntax.ts';

function bodies(contentDir: string): [string, string][] {
  return walkFiles(contentDir)
    .filter((rel) => /^(entries|requests)\/.*\.md$/.test(rel))
    .map((rel) => {
      const split = splitFrontMatter(readFileSync(join(contentDir, rel), 'utf8'));
      return [rel, split.ok ? split.split.body : ''] as [string, string];
    });
}

describe('no Markdown syntax shows as text', () => {
  it('in any entry of the demo county', () => {
    const all = bodies(join(ROOT, 'content'));
    expect(all.length).toBeGreaterThan(7000);
    const shown = all.flatMap(([rel, body]) => visibleSyntax(body).map((s) => `${rel}: ${s}`));
    expect(shown).toEqual([]);
  }, 300_000);

  it('in any entry of the test fixtures', () => {
    const all = ['test/fixtures/mini', 'test/fixtures/xss'].flatMap((d) => bodies(join(ROOT, d)));
    expect(all.length).toBeGreaterThan(4);
    const shown = all.flatMap(([rel, body]) => visibleSyntax(body).map((s) => `${rel}: ${s}`));
    expect(shown).toEqual([]);
  });

  it('is seen in each raw habit check refuses, so the test above can fail', () => {
    const bodyCodes = new Set(['heading-no-space', 'list-odd-space', 'indented-code', 'code-block', 'link-name-space', 'table-no-delimiter']);
    const cases = HABIT_CASES.filter((c) => bodyCodes.has(c.code));
    expect(cases.length).toBeGreaterThan(10);
    for (const c of cases) {
      const split = splitFrontMatter(String(c.files[CASE_PATH]));
      expect(split.ok && visibleSyntax(split.split.body), c.name).not.toEqual([]);
    }
  });
});
