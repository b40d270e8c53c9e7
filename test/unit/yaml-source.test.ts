import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { splitFrontMatter } from '../../src/load/front-matter.ts';
import { walkFiles } from '../../src/io/walk.ts';
import { parseYamlSource } from '../../src/load/yaml-source.ts';
import { ROOT } from '../helpers.ts';

describe('parseYamlSource', () => {
  it('keeps dates as strings (YAML 1.2), so impossible dates can be reported', () => {
    const src = parseYamlSource('date: 2026-02-30\nperiod: 2026\n');
    expect(src.problems).toEqual([]);
    expect(src.value).toEqual({ date: '2026-02-30', period: 2026 });
  });
  it('reports a full-width colon with its line and column', () => {
    const src = parseYamlSource('title: 标题\n标题：党费\n', 1);
    expect(src.problems).toHaveLength(1);
    expect(src.problems[0]).toMatchObject({ code: 'fullwidth-colon', line: 3, column: 3 });
  });
  it('reports tab and full-width-space indentation', () => {
    expect(parseYamlSource('notice:\n\tstart: 2026-12-01\n').problems[0]).toMatchObject({ code: 'tab-indent', line: 2 });
    expect(parseYamlSource('notice:\n\u3000start: 2026-12-01\n').problems[0]).toMatchObject({ code: 'fullwidth-space', line: 2 });
  });
  it('reports a missing space after a colon', () => {
    expect(parseYamlSource('title:标题\n').problems[0]).toMatchObject({ code: 'no-space-after-colon', line: 1 });
  });
  it('names a non-breaking or full-width space after a colon as such, with the line fixed', () => {
    for (const sp of ['\u00a0', '\u3000']) {
      const src = parseYamlSource(`title: a\nsummary:${sp}上半年收缴党费\n`, 1);
      expect(src.problems).toHaveLength(1);
      expect(src.problems[0]).toMatchObject({ code: 'odd-space', line: 3, column: 9 });
      expect(src.problems[0]!.hint).toMatch(/\nsummary: 上半年收缴党费$/);
    }
  });
  it('reports an unclosed quote at its own line, and not the lines YAML then misreads', () => {
    const src = parseYamlSource('title: "甲村党支部\nitem: dues-collection\ndate: 2026-11-20\n', 1);
    expect(src.problems).toEqual([expect.objectContaining({ code: 'unclosed-quote', line: 2, column: 8 })]);
    expect(parseYamlSource('title: "甲村: 党支部\n').problems[0]!.hint).toMatch(/title: "甲村: 党支部"$/);
    expect(parseYamlSource("title: '甲村''党支部'\n").problems).toEqual([]);
  });
  it('reports YAML syntax errors in Chinese with the line', () => {
    const src = parseYamlSource('title: a\ntitle: b\n', 1);
    expect(src.problems[0]).toMatchObject({ code: 'yaml-syntax', line: 3 });
    expect(src.problems[0]!.message).toContain('同一个字段写了两次');
  });
  it('locates nested fields and keys', () => {
    const src = parseYamlSource('title: a\nnotice:\n  start: 2026-12-01\n  dayz: 5\n', 1);
    expect(src.locate(['notice', 'start'])).toEqual({ line: 4, column: 10 });
    expect(src.locate(['notice', 'dayz'], true)).toEqual({ line: 5, column: 3 });
    expect(src.locate(['missing', 'deep'])).toEqual({ line: 2, column: 1 });
  });
});

describe('the two YAML parsers mean the same', () => {
  // Values come from js-yaml, positions and errors from `yaml` (yaml-source.ts): they must
  // agree on every value a clerk can write, or what check accepts would not be what it read.
  const both = (text: string) => {
    const viaFast = parseYamlSource(text).value;
    const doc = parseDocument(text, { version: '1.2', uniqueKeys: true });
    return { fast: viaFast, full: doc.errors.length ? undefined : doc.toJS({ maxAliasCount: 50 }) };
  };
  it('on every front matter and settings file of the demo county', () => {
    let compared = 0;
    for (const rel of walkFiles(join(ROOT, 'content'))) {
      const text = readFileSync(join(ROOT, 'content', rel), 'utf8');
      const yaml = rel.endsWith('.md') ? splitFrontMatter(text) : undefined;
      const source = rel.endsWith('.yaml') ? text : yaml?.ok ? yaml.split.yaml : undefined;
      if (source === undefined) continue;
      const { fast, full } = both(source);
      if (JSON.stringify(fast) !== JSON.stringify(full)) expect({ rel, fast }).toEqual({ rel, fast: full });
      compared++;
    }
    expect(compared).toBeGreaterThan(7000);
  }, 60_000);
  it('on scalars where YAML 1.1 and 1.2 or the two libraries could differ', () => {
    const scalars = ['2026-07-05', '2026-07', '2026', '017', '0o17', '0x1F', '1e3', '.inf', '-.NaN', '~', 'null', 'Null', 'yes', 'no', 'on', 'off', 'y', 'n'];
    // '-0' is the one difference found: 0 in js-yaml, -0 in yaml; no field takes a signed zero.
    const more = ['true', 'True', 'FALSE', '12:30', '1_000', '+5', '3.', "'引号'", '"双引号\\n"', '“中文引号”', '【公示】', '5票同意', '2026-H1'];
    for (const s of [...scalars, ...more]) {
      const { fast, full } = both(`v: ${s}\nlist: [${s}, x]\n`);
      expect(fast, s).toEqual(full);
    }
  });
  it('leaves anchors, aliases and tags to the parser that limits them', () => {
    const bomb =
      'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n';
    expect(() => parseYamlSource(bomb)).toThrow();
  });
});
