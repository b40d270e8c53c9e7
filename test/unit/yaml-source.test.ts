import { describe, expect, it } from 'vitest';
import { parseYamlSource } from '../../src/content/yaml-source.ts';

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
