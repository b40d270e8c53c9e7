/**
 * `npm run bench -- --only fast-paths`: the parsers' fast paths against the parser each stands
 * in for, on every entry of the demo county, on one thread: the seconds of one pass with it and
 * without it (median of `runs` passes). A fast path must earn 1.5× on its build stage (issue 32);
 * the stage figures come from paired runs of `gongkai check` and `gongkai print` with the fast
 * path switched off (performance.md). `npm test` checks each against its parser on every demo
 * entry (test/unit/yaml-source.test.ts, simple-blocks.test.ts).
 *
 * js-yaml for front-matter values: the check stage 1.9 → 2.9 s without it (2026-12-08, 1.53×).
 * The board layout's line reader: 1.13× on printing, kept because printing would cost 13–16 %
 * more without it (src/domain/markdown.ts). Narrower remark parsers for text without GFM syntax
 * were measured here too (1.3× on the parse, 1.04× on the site stage) and removed.
 */
import type { Project } from '../../src/domain/model.ts';
import { splitFrontMatter } from '../../src/load/front-matter.ts';
import { parseYamlSource } from '../../src/load/yaml-source.ts';
import { entryBlocks } from '../../src/print/layout/entry-blocks.ts';
import { markdownBlocks } from '../../src/print/layout/markdown-blocks.ts';
import { simpleBlocks } from '../../src/print/layout/simple-blocks.ts';
import { median } from './targets.ts';

export interface FastPathFigures {
  name: string;
  /** The build stage it runs in, as the build's figures name it. */
  stage: string;
  items: number;
  /** Items the fast path took (the rest went to the full parser anyway). */
  taken: number;
  fastSeconds: number;
  fullSeconds: number;
}

function timed(runs: number, pass: () => void): number {
  const seconds: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    pass();
    seconds.push((performance.now() - t0) / 1000);
  }
  return median(seconds);
}

/** The fast paths on `project`'s entries (the front matter read from their raw files). */
export function fastPaths(project: Project, raw: (file: string) => string, runs = 5): FastPathFigures[] {
  const fronts = project.entries.map((e) => {
    const split = splitFrontMatter(raw(e.source.path));
    return split.ok ? split.split.yaml : '';
  });
  const figures: FastPathFigures[] = [];

  // yaml-source.ts as the check runs it, and with its js-yaml path switched off.
  figures.push({
    name: 'js-yaml 读前置信息的值（代替 yaml 的文档）',
    stage: 'check',
    items: fronts.length,
    taken: fronts.length,
    fastSeconds: timed(runs, () => fronts.forEach((t) => parseYamlSource(t))),
    fullSeconds: timed(runs, () => fronts.forEach((t) => parseYamlSource(t, 0, { fastPath: false }))),
  });
  const bodies = project.entries.map((e) => e.body);
  const noImage = () => undefined;
  figures.push({
    name: '最简单的正文由公开栏排版逐行读（不经解析器）',
    stage: 'print',
    items: bodies.length,
    taken: bodies.filter((b) => simpleBlocks(b) !== undefined).length,
    fastSeconds: timed(runs, () => bodies.forEach((b) => entryBlocks(b, noImage))),
    fullSeconds: timed(runs, () => bodies.forEach((b) => markdownBlocks(b, noImage))),
  });
  return figures;
}

export function fastPathsReport(figures: readonly FastPathFigures[]): string {
  const lines = ['\n【解析的快速路径】示范县全部条目，单线程，一遍的用时（中位数）：'];
  for (const f of figures)
    lines.push(
      `  ${f.name}（${f.stage} 一步）：走快速路径 ${f.taken}/${f.items} 条；有它 ${f.fastSeconds.toFixed(2)} 秒，没有它 ${f.fullSeconds.toFixed(2)} 秒，快 ${(f.fullSeconds / f.fastSeconds).toFixed(1)} 倍`,
    );
  return lines.join('\n');
}
