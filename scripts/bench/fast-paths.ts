/**
 * `npm run bench -- --only fast-paths`: each of the parsers' fast paths against the parser it
 * stands in for, on every entry of the demo county, on one thread: the seconds of one pass with
 * the fast path and without it (median of `runs` passes), and what that pass would add to its
 * build stage without it. A fast path stays only where it earns its keep (issue 32: ≥ 1.5× on
 * its stage); `npm test` checks each against its parser on every demo entry
 * (test/unit/markdown.test.ts, simple-blocks.test.ts, yaml-source.test.ts).
 *
 * The three: js-yaml for front-matter values (load-project's check stage), the narrower
 * remark parsers for Markdown without GFM syntax (the site's entry bodies, the board layout's
 * parse), and the board layout's line reader for the plainest Markdown (print and cards).
 */
import jsYaml from 'js-yaml';
import { parseDocument } from 'yaml';
import type { Project } from '../../src/domain/model.ts';
import { markdownParser, markdownParserFor } from '../../src/domain/markdown.ts';
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

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---/;

function timed(runs: number, pass: () => void): number {
  const seconds: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    pass();
    seconds.push((performance.now() - t0) / 1000);
  }
  return median(seconds);
}

/** The three fast paths on `project`'s entries (their raw files for the front matter). */
export function fastPaths(project: Project, raw: (file: string) => string, runs = 5): FastPathFigures[] {
  const bodies = project.entries.map((e) => e.body);
  const fronts = project.entries.map((e) => FRONT_MATTER.exec(raw(e.source.path))?.[1] ?? '');
  const noImage = () => undefined;
  const figures: FastPathFigures[] = [];

  // As yaml-source.ts reads values: js-yaml's core schema, or `yaml`'s document when it must.
  figures.push({
    name: 'js-yaml 读前置信息的值（代替 yaml 的文档）',
    stage: 'check',
    items: fronts.length,
    taken: fronts.length,
    fastSeconds: timed(runs, () => fronts.forEach((t) => jsYaml.load(t, { schema: jsYaml.CORE_SCHEMA, json: false }))),
    fullSeconds: timed(runs, () => fronts.forEach((t) => parseDocument(t, { version: '1.2', uniqueKeys: true, prettyErrors: false }).toJS({ maxAliasCount: 50 }))),
  });
  figures.push({
    name: '不含 GFM 语法的正文用更窄的 remark 解析器',
    stage: 'site',
    items: bodies.length,
    taken: bodies.filter((b) => markdownParserFor(b) !== markdownParser).length,
    fastSeconds: timed(runs, () => bodies.forEach((b) => markdownParserFor(b).parse(b))),
    fullSeconds: timed(runs, () => bodies.forEach((b) => markdownParser.parse(b))),
  });
  // Against the layout's parser path as it is (with the narrower parsers above).
  const plain = bodies.filter((b) => simpleBlocks(b) !== undefined);
  figures.push({
    name: '最简单的 Markdown 由公开栏排版逐行读（不经解析器）',
    stage: 'print',
    items: bodies.length,
    taken: plain.length,
    fastSeconds: timed(runs, () => bodies.forEach((b) => simpleBlocks(b) ?? markdownBlocks(b, noImage))),
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
