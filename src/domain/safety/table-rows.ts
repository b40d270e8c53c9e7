/**
 * Table rows with more or fewer cells than the header. GFM pads a short row with empty cells
 * and drops a long row's extra ones, so one missing "|" silently moves an amount into the
 * wrong column on the site and the board; `check` says so instead.
 */
import type { Root, Table } from 'mdast';
import { visit } from 'unist-util-visit';
import { parseMarkdown } from '../markdown.ts';
import type { TextFinding } from './text-findings.ts';

/** Findings for every table of a parsed body; `shift` is the offset of the parsed text in the body. */
export function tableRowFindings(tree: Root, shift = 0): TextFinding[] {
  const findings: TextFinding[] = [];
  visit(tree, 'table', (table: Table) => {
    const [header, ...rows] = table.children;
    const want = header?.children.length ?? 0;
    for (const row of rows) {
      const got = row.children.length;
      if (got === want) continue;
      const start = row.position?.start.offset ?? 0;
      findings.push({
        severity: 'error',
        code: 'table-cell-count',
        message: `表格这一行有 ${got} 格，表头有 ${want} 格：${got < want ? `少了 ${want - got} 格，后面的内容会错到前一列` : `多了 ${got - want} 格，多出的内容不会显示`}`,
        hint: '每一行的格数要和表头一样：用“|”分隔，空着的格子也要写出来，例如“| 张三 |  | 200.00 |”。',
        offset: shift + start,
        length: (row.position?.end.offset ?? start) - start,
      });
    }
  });
  return findings;
}

// A GFM delimiter row: | --- | :---: | or --- | ---.
export const DELIMITER_ROW = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/**
 * The cells of a table line as GFM splits them, with their offsets in it: at every "|" not
 * escaped by a backslash (inside code spans too), less one optional leading and one trailing
 * pipe. Counted for rows against their header, and read for a header typed without its
 * delimiter row, which no parser takes for a table.
 */
export function pipeCells(line: string): { text: string; offset: number; length: number }[] {
  const cells: { text: string; offset: number; length: number }[] = [];
  const cell = (start: number, end: number) => {
    const raw = line.slice(start, end);
    const text = raw.trim();
    cells.push({ text, offset: start + raw.length - raw.trimStart().length, length: text.length });
  };
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '|') {
      cell(start, i);
      start = i + 1;
    }
  }
  cell(start, line.length);
  const t = line.trim();
  if (t.startsWith('|')) cells.shift();
  // A trailing pipe is the last one that split, with nothing after it: "b\\|" ends in one, "b\|" does not.
  if (t.length > 1 && start > 0 && !line.slice(start).trim()) cells.pop();
  return cells;
}

/**
 * The same check without parsing the whole body. Half the demo's entries have a table and
 * most have nothing else worth a full parse, and parsing each table costs half a millisecond:
 * so each table (the line above a delimiter row through the next blank line) is first counted
 * line by line, and only a table whose counts disagree is parsed, by the one Markdown parser,
 * which decides what is a row and reports it.
 */
export function scanTableRows(body: string): TextFinding[] {
  const lines = body.split('\n');
  const findings: TextFinding[] = [];
  let offset = 0;
  const starts = lines.map((l) => {
    const s = offset;
    offset += l.length + 1;
    return s;
  });
  for (let i = 1; i < lines.length; i++) {
    if (!lines[i]!.includes('-') || !DELIMITER_ROW.test(lines[i]!) || !lines[i - 1]!.trim()) continue;
    let end = i + 1;
    while (end < lines.length && lines[end]!.trim()) end++;
    const rows = lines.slice(i - 1, end);
    const want = pipeCells(rows[0]!).length;
    if (rows.some((row, k) => k !== 1 && pipeCells(row).length !== want)) {
      findings.push(...tableRowFindings(parseMarkdown(rows.join('\n')), starts[i - 1]!));
    }
    i = end;
  }
  return findings;
}
