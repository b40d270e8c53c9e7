/**
 * What the web editor writes for tables and images, read back with the project's one Markdown
 * parser: the tables Sveltia's rich-text editor and a Word paste produce become real tables,
 * a table already right is left byte for byte, and image paths become readable but name the
 * same file.
 */
import type { Table } from 'mdast';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { markdownParser } from '../../src/domain/markdown.ts';
import { scanTableRows } from '../../src/domain/safety/table-rows.ts';
import { readableImageLinks, tidyMarkdown, tidyTables } from '../../src/domain/tidy-markdown.ts';

/** The tables in `md` as rows of cell texts, as the site and the boards read them. */
function tables(md: string): string[][][] {
  const out: string[][][] = [];
  visit(markdownParser.parse(md), 'table', (t: Table) => {
    out.push(t.children.map((row) => row.children.map((cell) => cell.children.map((c) => ('value' in c ? c.value : '')).join(''))));
  });
  return out;
}

describe('tables the web editor writes', () => {
  it('gives a table pasted from Word (rows without a delimiter row, a two-paragraph cell) its header', () => {
    const lexical = '名单如下。\n\n| 姓名 | 金额 |\n| 李四\\n\\n第二段 | 200 |\n| 王五 | 300 |\n';
    const md = tidyTables(lexical);
    expect(tables(md)).toEqual([
      [
        ['姓名', '金额'],
        ['李四 第二段', '200'],
        ['王五', '300'],
      ],
    ]);
    expect(md).toContain('| 姓名 | 金额 |\n| --- | --- |\n');
  });

  it('joins rows typed one per line in the rich-text editor (each its own paragraph), the delimiter typed too', () => {
    const typed = '本期情况如下。\n\n| 姓名 | 金额 |\n\n| :-- | --: |\n\n| 张三 | 100 |\n\n| 李四 | 200 |\n\n以上。';
    const md = tidyTables(typed);
    expect(tables(md)).toEqual([
      [
        ['姓名', '金额'],
        ['张三', '100'],
        ['李四', '200'],
      ],
    ]);
    expect(md).toBe('本期情况如下。\n\n| 姓名 | 金额 |\n| :-- | --: |\n| 张三 | 100 |\n| 李四 | 200 |\n\n以上。');
  });

  it('makes tab-separated lines (a table pasted into the Markdown mode) a table, pipes in cells escaped', () => {
    const md = tidyTables('姓名\t金额\t备注\n张三\t100\t现金|转账\n');
    expect(tables(md)).toEqual([
      [
        ['姓名', '金额', '备注'],
        ['张三', '100', '现金|转账'],
      ],
    ]);
  });

  it('leaves a GFM table, text, code fences and lone pipe lines as they are', () => {
    const right = '| 姓名 | 金额 |\n| --- | ---: |\n| 张三 | 100 |';
    expect(tidyTables(right)).toBe(right);
    const fenced = '```\n| a | b |\n| c | d |\n```';
    expect(tidyTables(fenced)).toBe(fenced);
    const lone = '说明：\n\n| 只有一行 |\n\n正文继续。';
    expect(tidyTables(lone)).toBe(lone);
  });

  it('does not pad a short row: check still says which row lost a cell', () => {
    const md = tidyTables('| 姓名 | 性别 | 金额 |\n\n| 张三 | 200 |');
    expect(scanTableRows(md).map((f) => f.code)).toEqual(['table-cell-count']);
  });

  it('writes image paths with their characters where Markdown allows, and keeps the escapes where it does not', () => {
    expect(readableImageLinks('![村道](2026-11-20-x/%E6%9D%91%E9%81%93-%E7%85%A7%E7%89%87-1.jpg)')).toBe('![村道](2026-11-20-x/村道-照片-1.jpg)');
    expect(readableImageLinks('![](x/IMG%202031.jpg)')).toBe('![](x/IMG%202031.jpg)');
    expect(readableImageLinks('![](https://example.cn/%E6%9D%91.jpg)')).toBe('![](https://example.cn/%E6%9D%91.jpg)');
    expect(readableImageLinks('![](bad%E6.jpg)')).toBe('![](bad%E6.jpg)');
    const tree = markdownParser.parse(tidyMarkdown('![照片](a/%E6%9D%91.jpg "说明")'));
    const urls: string[] = [];
    visit(tree, 'image', (n: { url: string }) => void urls.push(n.url));
    expect(urls).toEqual(['a/村.jpg']);
  });
});
