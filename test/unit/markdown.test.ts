/**
 * The Markdown dialect's fast path: text that `mayHaveAutolinks` clears must parse to the same
 * tree with and without GFM's autolink-literal step, on random Markdown-ish text (with near
 * misses such as `ww.`, `http:/` and a full-width ＠) and on the demo county's own entries.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import {
  commonMarkParser,
  markdownParser,
  markdownParserWithoutAutolinks,
  markdownParserFor,
  mayHaveAutolinks,
  mayUseGfm,
  parseMarkdown,
} from '../../src/domain/markdown.ts';
import { renderEntryHtml } from '../../src/html/markdown-html.ts';
import { walkFiles } from '../../src/io/walk.ts';

const ROOT = join(import.meta.dirname, '../..');

const piece = fc.constantFrom(
  '党费',
  '收缴',
  '。',
  '，',
  '\n',
  '\n\n',
  ' ',
  '# ',
  '## ',
  '- ',
  '1. ',
  '| a | b |\n| --- | --- |\n| 1 | 2 |\n',
  '**',
  '*',
  '_',
  '~~',
  '`',
  '[链接](https://example.cn)',
  '[链接](a.html)',
  '[',
  ']',
  '|',
  '~',
  '---',
  ':-',
  '\t',
  '    ',
  '> ',
  '<b>',
  '&amp;',
  'w',
  'ww',
  'www',
  '.',
  'h',
  'http',
  'https',
  ':',
  '/',
  '//',
  '@',
  '＠',
  'cn',
  'example',
  'a.b',
  '[^1]',
  '[^1]: 注',
);
const markdown = fc.array(piece, { maxLength: 60 }).map((ps) => ps.join(''));

/** On random Markdown-ish text that `skip` clears, `parser` reads the same tree as the full parser. */
function sameTreesUnless(skip: (md: string) => boolean, parser: typeof commonMarkParser): void {
  fc.assert(
    fc.property(markdown, (md) => {
      if (skip(md)) return;
      expect(parser.parse(md)).toEqual(markdownParser.parse(md));
    }),
    { numRuns: 2000 },
  );
}

describe('Markdown without autolink literals', () => {
  it('gives the same tree wherever mayHaveAutolinks says there is none', () => {
    sameTreesUnless(mayHaveAutolinks, markdownParserWithoutAutolinks);
  });

  it('and plain CommonMark give the same tree wherever mayUseGfm says there is no GFM construct', () => {
    sameTreesUnless(mayUseGfm, commonMarkParser);
    // Near misses that look like tables or setext headings without a pipe stay what CommonMark makes them.
    for (const md of ['a\n-', 'a | b', '-- | --', '- [ ] 待办', '~~删除~~', '注[^1]']) {
      if (!mayUseGfm(md)) expect(commonMarkParser.parse(md)).toEqual(markdownParser.parse(md));
    }
    expect(mayUseGfm('| a |\n| - |')).toBe(true);
    // A one-column table needs no pipe: a delimiter row with a colon under a line (found by this test's random text).
    for (const md of ['党费\n:-', '党费\n-:', '党费\n :-: ', '党费\r\n:--\r\n']) {
      expect(mayUseGfm(md), md).toBe(true);
      expect(markdownParser.parse(md).children[0]?.type, md).toBe('table');
    }
    expect(markdownParserFor('## 一、主要做法\n\n1. 开展学习')).toBe(commonMarkParser);
  });

  it('is not used where an autolink can occur, and the full parser still makes those links', () => {
    for (const md of ['见 www.example.cn', '见 https://example.cn', '联系 dangban@example.cn', 'WWW.EXAMPLE.CN']) {
      expect(mayHaveAutolinks(md)).toBe(true);
      expect(markdownParserFor(md)).toBe(markdownParser);
      expect(JSON.stringify(parseMarkdown(md))).toContain('"type":"link"');
      expect(renderEntryHtml(md)).toContain('<a href=');
    }
    expect(markdownParserFor('| 月份 | 党费 |\n| --- | --- |\n| 1月 | 302.20 |')).toBe(markdownParserWithoutAutolinks);
  });

  it('reads every entry of the demo county the same way', () => {
    const files = walkFiles(join(ROOT, 'content')).filter((f) => f.endsWith('.md'));
    expect(files.length).toBeGreaterThan(1000);
    let compared = 0;
    // Every file, not a sample: the fast paths are claimed for every entry, so every entry is checked.
    for (const f of files) {
      const body = matter(readFileSync(join(ROOT, 'content', f), 'utf8')).content;
      if (mayHaveAutolinks(body)) continue;
      const full = markdownParser.parse(body);
      const text = JSON.stringify(full);
      // Compared as JSON (a deep equality on 8,000 trees takes minutes); toEqual only to show a difference.
      const without = markdownParserWithoutAutolinks.parse(body);
      if (JSON.stringify(without) !== text) expect(without, f).toEqual(full);
      const plain = mayUseGfm(body) ? undefined : commonMarkParser.parse(body);
      if (plain && JSON.stringify(plain) !== text) expect(plain, f).toEqual(full);
      compared++;
    }
    expect(compared).toBeGreaterThan(files.length * 0.9);
  }, 120_000);
});
