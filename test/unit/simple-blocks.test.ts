/**
 * Plain entries read without the Markdown parser (print/layout/simple-blocks.ts) must give the
 * board exactly the blocks the parser's tree gives: on random line-built Markdown full of near
 * misses (an ordered item after a paragraph, a dash line under text, a table row of the wrong
 * width, a line after a table, indentation, trailing spaces) and on every demo entry.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { walkFiles } from '../../src/io/walk.ts';
import { markdownBlocks } from '../../src/print/layout/markdown-blocks.ts';
import { simpleBlocks } from '../../src/print/layout/simple-blocks.ts';

const ROOT = join(import.meta.dirname, '../..');
const noImages = () => undefined;

const text = fc.constantFrom('党费收缴', '学习教育', '2026年7月', '10.5万元', '　缩进', '-10度', '第1.', '1)', 'a - b', '电话 8:30', '＃全角', '｜全角');
const line = fc.oneof(
  { arbitrary: text, weight: 4 },
  { arbitrary: fc.tuple(fc.constantFrom('# ', '## ', '###### ', '####### ', '#', '# 　'), text).map(([a, b]) => a + b), weight: 2 },
  {
    arbitrary: fc.tuple(fc.constantFrom('- ', '-  ', '- - ', '+ ', '* ', '1. ', '2. ', '01. ', '1) ', '3.  ', '- ', '1. '), text).map(([a, b]) => a + b),
    weight: 2,
  },
  {
    arbitrary: fc.constantFrom(
      '',
      '',
      '',
      ' ',
      '   ',
      '---',
      ':-',
      '-:',
      ':-:',
      '===',
      '- - -',
      '1.',
      '-',
      '    缩进代码',
      '行尾空格  ',
      '行尾一个空格 ',
      '\t制表',
    ),
    weight: 3,
  },
  fc.constantFrom('| 类别 | 时间 |', '| --- | --- |', '| :-- | --: |', '| 支委会 | 6月3日 |', '| 一 |', '| 一 | 二 | 三 |', '|', '||', '| a |b', '类别 | 时间'),
  // Whole tables, some of the wrong width or with a ragged row.
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.constantFrom('| 类别 | 时间 |', '| 一 |', '| a | b | c |', '||'),
        fc.constantFrom('| --- | --- |', '| - |', '|:-:|--:|', '| --- | --- | --- |', '|---|'),
        fc.array(fc.constantFrom('| 支委会 | 6月3日 |', '| 一 |', '| 1 | 2 | 3 |', '| x |y', '|  |  |', '| 　 | 二 |'), { maxLength: 3 }),
      )
      .map(([h, d, rows]) => [h, d, ...rows].join('\n')),
  },
);
const doc = fc.array(line, { minLength: 1, maxLength: 14 }).map((ls) => ls.join('\n'));

describe('simpleBlocks', () => {
  it('gives the parser’s blocks whenever it reads a text, and reads plain text', () => {
    let read = 0;
    fc.assert(
      fc.property(doc, (md) => {
        const fast = simpleBlocks(md);
        if (fast === undefined) return;
        read++;
        expect(fast).toEqual(markdownBlocks(md, noImages));
      }),
      { numRuns: 10000 },
    );
    // Not a test that passes by reading nothing: a good share of the random texts are plain.
    expect(read).toBeGreaterThan(400);
  });

  it('leaves inline syntax, images, HTML and continuation lines to the parser', () => {
    for (const md of [
      '**加粗**',
      '![图](a.png)',
      '<b>x</b>',
      'a &amp; b',
      '[链接](a.html)',
      '`代码`',
      '- 一项\n接着写',
      '| a |\n| - |\n| 1 |\n续行',
      '甲\n2. 乙',
      'x\\\ny',
    ])
      expect(simpleBlocks(md)).toBeUndefined();
  });

  it('reads every demo entry the parser reads, to the same blocks (nearly all of them are plain)', () => {
    const files = walkFiles(join(ROOT, 'content/entries')).filter((f) => f.endsWith('.md'));
    let plain = 0;
    for (const f of files) {
      const body = matter(readFileSync(join(ROOT, 'content/entries', f), 'utf8')).content;
      const fast = simpleBlocks(body);
      if (fast === undefined) continue;
      plain++;
      expect(fast, f).toEqual(markdownBlocks(body, noImages));
    }
    expect(plain).toBeGreaterThan(files.length * 0.9);
  }, 60_000);
});
