/**
 * What Word, WPS, Notepad and typing habits do to Markdown that would be published as typed:
 * a heading without its space ("#收缴情况") shows its "#"; a list indented with a tab becomes a
 * code block that runs off a phone screen; a non-breaking or full-width space after "1." or "-"
 * makes no list; an image or link whose file name has a space shows as literal text; table rows
 * without the delimiter row show their pipes. Each is reported at its line with the line as it
 * should read, so the fix can be applied as written.
 *
 * Line tests first: most entries have none of these, and parsing is needed only to tell an
 * indented code block from a list item's own indented lines.
 */
import type { Code, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { parseMarkdown } from '../markdown.ts';
import { DELIMITER_ROW, pipeCells } from './table-rows.ts';
import type { TextFinding } from './text-findings.ts';

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** "#收缴情况", "##　工作安排": a heading marker not followed by a plain space. */
const HEADING_NO_SPACE = /^( {0,3})(#{1,6})(?:[\u00a0\u3000\u2000-\u200b\u202f]+|(?=[^\s#]))/;
/** "1.\u00a0第一项", "-\u3000第一项": a list marker followed by a space Markdown does not count. */
const LIST_ODD_SPACE = /^([ \t]*)(\d{1,9}[.)]|[-*+])[\u00a0\u3000\u2000-\u200b\u202f]+(?=\S)/;
/** A link or image whose target holds a space and is neither in <…> nor followed by a "title". */
const SPACED_TARGET = /(!?)\[([^\]\n]*)\]\(([^()<>\n]*?\s[^()<>\n]*?)\)/g;
const PIPE_ROW = /^ {0,3}\|.*\|[ \t]*$/;
/** A line that may open an indented code block: a tab, or four spaces, before text. */
const INDENTED = /^(?: {4}|\t| {0,3}\t)\S/m;

export function findMarkdownHabits(body: string): TextFinding[] {
  const findings: TextFinding[] = [];
  const lines = body.split('\n');
  let offset = 0;
  let fence: string | undefined;
  const at = (o: number, code: string, length: number, message: string, hint: string) =>
    findings.push({ severity: 'error', code, message, hint, offset: o, length });
  for (let i = 0; i < lines.length; offset += lines[i]!.length + 1, i++) {
    const line = lines[i]!;
    const f = FENCE.exec(line)?.[1];
    if (fence) {
      if (line.trim().startsWith(fence)) fence = undefined;
      continue;
    }
    if (f) {
      fence = f[0]!.repeat(f.length);
      at(
        offset,
        'code-block',
        line.length,
        `“${f}”开始的是代码块：网站和公开栏会把里面的内容连同格式符号原样显示`,
        `党务公开内容不需要代码块：请删除“${f}”这一行和与它配对的结束行，里面的文字照常写。`,
      );
      continue;
    }
    const h = HEADING_NO_SPACE.exec(line);
    // "#党史学习教育#" is a topic tag, meant to show as typed.
    if (h && !/^ {0,3}#[^#\s][^#]*#/.test(line)) {
      const fixed = `${h[1]}${h[2]} ${line.slice(h[0].length).trimStart()}`;
      at(
        offset,
        'heading-no-space',
        line.length,
        `“${h[2]}”后面没有空格，不会成为标题，“${h[2]}”会原样显示`,
        `请在“${h[2]}”后面加一个半角空格，把这一行改为：\n${fixed}`,
      );
      continue;
    }
    const l = LIST_ODD_SPACE.exec(line);
    if (l) {
      const fixed = `${l[1]}${l[2]} ${line.slice(l[0].length)}`;
      at(
        offset,
        'list-odd-space',
        line.length,
        `“${l[2]}”后面是不间断空格或全角空格（Word、WPS 或输入法打出的），不会成为列表，几行会连成一段`,
        `请换成一个半角空格，把这一行改为：\n${fixed}`,
      );
      continue;
    }
    for (const m of line.matchAll(SPACED_TARGET)) {
      const target = m[3]!.trim();
      // ![说明](photo.jpg "标题") is a target with a title, not a spaced name.
      if (/^\S+\s+("[^"]*"|'[^']*')$/.test(target)) continue;
      const renamed = target.replace(/\s+/g, '-');
      const what = m[1] ? '图片' : '链接';
      at(
        offset + m.index,
        'link-name-space',
        m[0].length,
        `${what}的文件名“${target}”里有空格：网站和公开栏会把这一段原样显示为文字`,
        `请把文件“${target}”改名为“${renamed}”（不要空格），并把这一行改为：\n${line.replace(m[0], `${m[1]}[${m[2]}](${renamed})`)}`,
      );
    }
    // Rows of a table pasted without its delimiter row: the first row of the run is reported.
    if (PIPE_ROW.test(line) && !DELIMITER_ROW.test(line) && !PIPE_ROW.test(lines[i - 1] ?? '')) {
      const next = lines[i + 1] ?? '';
      if (!DELIMITER_ROW.test(next) || !next.includes('-')) {
        const delimiter = `| ${Array.from({ length: pipeCells(line).length }, () => '---').join(' | ')} |`;
        at(
          offset,
          'table-no-delimiter',
          line.length,
          '这几行像表格，但表头下面缺少分隔行，网站和公开栏会把竖线“|”原样显示',
          `请在这一行（表头）下面加一行分隔行，把这一行改为：\n${line}\n${delimiter}`,
        );
      }
    }
  }
  if (INDENTED.test(body)) findings.push(...indentedCode(body));
  return findings.sort((a, b) => a.offset - b.offset);
}

/** Indented code blocks, as the one Markdown parser reads them: a list item's own indented lines are not one. */
function indentedCode(body: string): TextFinding[] {
  const out: TextFinding[] = [];
  const tree: Root = parseMarkdown(body);
  visit(tree, 'code', (node: Code) => {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    const source = body.slice(start, end);
    if (FENCE.test(source)) return;
    const from = body.lastIndexOf('\n', start - 1) + 1;
    const fixed = body
      .slice(from, end)
      .split('\n')
      .map((l) => l.replace(/^[ \t]+/, ''))
      .join('\n');
    out.push({
      severity: 'error',
      code: 'indented-code',
      message: '这几行行首有制表符（Tab）或4个以上空格（Word 的缩进），网站会把它们当作代码原样显示，手机上会超出屏幕',
      hint: `请删除这几行行首的制表符或空格，把这几行改为：\n${fixed}`,
      offset: from,
      length: end - from,
    });
  });
  return out;
}
