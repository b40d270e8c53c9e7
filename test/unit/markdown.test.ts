/**
 * The entries' one Markdown dialect (CommonMark with GFM): what it makes of the constructs
 * clerks write and of near misses, on the site and on the board alike.
 */
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/domain/markdown.ts';
import { renderEntryHtml } from '../../src/html/markdown-html.ts';
import { entryBlocks } from '../../src/print/layout/entry-blocks.ts';

describe('the entries’ Markdown dialect', () => {
  it('makes links of autolink literals, on the site and in the tree the board reads', () => {
    for (const md of ['见 www.example.cn', '见 https://example.cn', '联系 dangban@example.cn', 'WWW.EXAMPLE.CN']) {
      expect(JSON.stringify(parseMarkdown(md)), md).toContain('"type":"link"');
      expect(renderEntryHtml(md), md).toContain('<a href=');
    }
    // Near misses stay text.
    for (const md of ['ww.example', 'http:/example', '联系 dangban＠example.cn']) expect(JSON.stringify(parseMarkdown(md)), md).not.toContain('"type":"link"');
  });

  it('reads GFM tables, one-column tables without a pipe included, the same on the site and the board', () => {
    const md = '| 月份 | 党费 |\n| --- | --- |\n| 1月 | 302.20 |';
    expect(parseMarkdown(md).children[0]?.type).toBe('table');
    expect(renderEntryHtml(md)).toContain('<table>');
    expect(entryBlocks(md, () => undefined)).toEqual([{ kind: 'table', header: ['月份', '党费'], rows: [['1月', '302.20']] }]);
    for (const one of ['党费\n:-', '党费\n-:', '党费\n :-: ']) expect(parseMarkdown(one).children[0]?.type, one).toBe('table');
    // Lines that only look like a table or a setext heading stay what CommonMark makes them.
    expect(parseMarkdown('a | b').children[0]?.type).toBe('paragraph');
    expect(parseMarkdown('a\n-').children[0]?.type).toBe('heading');
  });

  it('reads strikethrough, task items and footnotes as GFM does', () => {
    expect(JSON.stringify(parseMarkdown('~~删除~~'))).toContain('"type":"delete"');
    expect(JSON.stringify(parseMarkdown('- [ ] 待办'))).toContain('"checked":false');
    expect(JSON.stringify(parseMarkdown('注[^1]\n\n[^1]: 说明'))).toContain('"type":"footnoteReference"');
  });
});
